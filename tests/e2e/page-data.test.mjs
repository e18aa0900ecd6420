// The page's own data (issue 7 §3), end to end: fixture pages fetch their list as JSON from the fake
// portal at the real path (POST /be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing) and
// render a table that omits facts, or no table at all. The marks use the JSON's facts; without a
// table the findings still reach the tab report; the page's own call returns the same body; the
// extension sends no request of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES_DIR, pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const suite = useBrowserSuite();
const LIST = '/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing';
const ANSWER = readFileSync(join(FIXTURES_DIR, `${LIST}.json`), 'utf8');

/** The tab report the background keeps for the page at `url` (storage.session), or null. */
async function tabReportFor(url) {
  const worker = await suite.browser.currentWorker();
  return worker.evaluate(async (u) => {
    const all = await chrome.storage.session.get(null);
    return Object.values(all).find((v) => v && typeof v === 'object' && v.url === u) ?? null;
  }, url);
}

async function waitForReport(url, check, timeout = 5000) {
  let report = null;
  await waitForNoProblems(async () => {
    report = await tabReportFor(url);
    return report ? check(report) : [`no tab report for ${url}`];
  }, { timeout });
  return report;
}

/** The page's own call went through once and gave the page the body the server sent; nothing else asked the list. */
async function assertPassThrough(page, postsBefore) {
  await page.waitForFunction(() => typeof window.__answerText === 'string', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__answerText), ANSWER, 'the page received another body than the server sent');
  assert.equal(await page.evaluate(() => window.__pageRequests), 1);
  const posts = suite.portal.posts.slice(postsBefore);
  assert.deepEqual(posts.map((p) => p.path), [LIST], 'a request the page did not make reached the list endpoint');
  // the page's own headers went out as the page set them
  assert.equal(posts[0].headers.authorization, 'Bearer fixture-session-token');
  assert.deepEqual(suite.browser.foreignRequests, []);
}

test('a table without the workplace columns is marked with the JSON\'s facts, and disagreements are reported', async () => {
  const before = suite.portal.posts.length;
  const page = await suite.browser.openFixture('page-data/contracts.html');
  await waitForNoProblems(() => pageProblems(page), { timeout: 8000 });
  const rows = page.locator('tr[data-expect-kind]');
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-katip-status'))), ['error', 'ok', 'ok', 'error']);
  // a C class İGU: only the JSON says the workplace is çok tehlikeli (the table has no such column)
  assert.equal(await rows.nth(0).getAttribute('data-katip-rules'), 'certificate-class');
  // row 4 falls short of the minimum while the portal's own verdict (only in the JSON) says "Evet"
  assert.deepEqual((await rows.nth(3).getAttribute('data-katip-rules')).split(' '), ['minutes-below-minimum', 'portal-verdict-differs']);
  await assertPassThrough(page, before);

  const report = await waitForReport(page.url(), (r) => (r.notes?.length ? [] : ['no notes yet']));
  assert.equal(report.screen, 'new-contracts');
  // the tab keeps record summaries; the finding that needed the JSON's hazard class is there
  assert.deepEqual(report.findings.filter((f) => f.ruleId === 'certificate-class').map((f) => [f.recordIndex, f.result]), [[0, 'fail']]);
  assert.deepEqual(report.notes.map((n) => [n.id, n.recordIndex, n.field]), [['facts-differ', 2, 'minutes']]);
  assert.match(report.notes[0].message.tr, /3\. satır .*"600".*"300"/);
  await page.close();
});

test('with the JSON and no recognisable table, the findings still reach the tab report with a note; nothing is marked', async () => {
  const before = suite.portal.posts.length;
  const page = await suite.browser.openFixture('page-data/cards.html');
  await assertPassThrough(page, before);
  const report = await waitForReport(page.url(), (r) => (r.notes?.some((n) => n.id === 'rows-not-marked') ? [] : ['no rows-not-marked note']));
  assert.equal(report.records.length, 4);
  const failed = report.findings.filter((f) => f.result === 'fail' && f.ruleId === 'minutes-below-minimum').map((f) => f.recordIndex);
  assert.deepEqual(failed, [2, 3]);
  // the portal's verdicts reach the rule from the JSON alone: "Evet" on the two short contracts
  const differs = report.findings.filter((f) => f.ruleId === 'portal-verdict-differs').map((f) => f.recordIndex);
  assert.deepEqual(differs, [2, 3]);
  assert.match(report.notes.find((n) => n.id === 'rows-not-marked').message.tr, /satırlar işaretlenemedi/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-katip-status], [data-katip-rules]').length), 0);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-katip-screen')), false);
  await page.close();
});

/** The bug-report snapshot of the page's top frame, made as the popup makes it (components/tabSource.ts). */
async function snapshotOf(page) {
  const worker = await suite.browser.currentWorker();
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    const [top] = await chrome.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/snapshot.js'] });
    return top?.result;
  }, page.url());
}

test('the bug-report snapshot: frames inline, scripts gone, personal data replaced; the page is untouched', async () => {
  const page = await suite.browser.openFixture('old-approval/iframe.html');
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  const inner = page.frames().find((f) => f.url().endsWith('iframe-inner.html'));
  const innerText = await inner.evaluate(() => document.body.textContent);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const snap = await snapshotOf(page);
  assert.equal(snap.type, 'snapshot');
  assert.match(snap.fileName, /^katip-sayfa-\d{4}-\d\d-\d\d-\d{4}\.html$/);
  assert.deepEqual(snap.frames, { inlined: 1, skipped: 0 });
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the snapshot changed the page');
  // the approval form of the frame is in the file, its person's name is not
  assert.match(snap.html, /srcdoc="[^"]*Kalan Max\. Ayl\./);
  assert.match(innerText, /OSMAN ÇELİKKAYA/);
  assert.ok(snap.replaced.names > 0);
  assert.ok(!/OSMAN|ÇELİKKAYA/.test(snap.html), 'the person\'s name is in the snapshot');
  assert.ok(!/<script/i.test(snap.html) && !/\son\w+=/i.test(snap.html));
  // opened on its own (no portal host, no extension), the saved page shows the frame's form
  const view = await suite.browser.context.newPage();
  await view.setContent(snap.html);
  const frame = view.frames().find((f) => f !== view.mainFrame());
  assert.ok(frame, 'the saved page has no frame');
  const saved = await frame.evaluate(() => ({ text: document.body.textContent, minutes: document.querySelector('#txtAylikCalisma')?.getAttribute('value') }));
  assert.match(saved.text, /Kalan Max\. Ayl\. Çlş\. Süresi/);
  assert.equal(saved.minutes, '4.800');
  await view.close();
  await page.close();
  assert.deepEqual(suite.browser.foreignRequests, []);
});
