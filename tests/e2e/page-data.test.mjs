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
  assert.ok((await rows.nth(3).getAttribute('data-katip-rules')).split(' ').includes('minutes-below-minimum'));
  await assertPassThrough(page, before);

  const report = await waitForReport(page.url(), (r) => (r.notes?.length ? [] : ['no notes yet']));
  assert.equal(report.screen, 'new-contracts');
  assert.equal(report.records[0].workplace.employees, 120);
  assert.equal(report.records[0].workplace.hazardText, 'Çok Tehlikeli');
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
  assert.match(report.notes.find((n) => n.id === 'rows-not-marked').message.tr, /satırlar işaretlenemedi/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-katip-status], [data-katip-rules]').length), 0);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-katip-screen')), false);
  await page.close();
});
