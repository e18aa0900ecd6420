// The same extension in real Firefox (firefox-esr, WebDriver BiDi, temporary add-on): the main
// screens are marked as PAGE-CONTRACT.md says, the popup lists what was seen, and no request leaves
// the fake portal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCREEN_IDS, listFixtures, pageProblems, waitForNoProblems } from './harness.mjs';
import { FIREFOX_DIST, settledText, useFirefoxSuite } from './harness-firefox.mjs';

const suite = useFirefoxSuite();

/** Two fixtures of every screen (the plain one first, then a library's markup), frames left to Chromium. */
const PER_SCREEN = SCREEN_IDS.flatMap((id) =>
  listFixtures()
    .filter((f) => f.dir === id && f.expectScreen === id && !f.hasFrames)
    .sort((a, b) => Number(b.path.includes('plain')) - Number(a.path.includes('plain')) || a.path.localeCompare(b.path))
    .slice(0, 2),
);

async function openMarked(path) {
  const page = await suite.firefox.openFixture(path);
  await waitForNoProblems(() => pageProblems(page), { timeout: 8000, interval: 200 });
  return page;
}

/** Wait until the extension page has settled and return its text. */
async function extensionText(page, { includes } = {}) {
  // polled from here: puppeteer's in-page poller builds its predicate with Function(), which the
  // extension pages' CSP blocks in Firefox
  const deadline = Date.now() + 8000;
  for (;;) {
    const text = await page.evaluate(settledText, includes ?? null);
    if (text !== null) return text;
    if (Date.now() > deadline) throw new Error(`the page did not settle${includes ? ` with "${includes}"` : ''} within 8 s`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

test('the Firefox build declares its add-on id and that it collects no data (addons.mozilla.org)', () => {
  const gecko = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')).browser_specific_settings.gecko;
  assert.match(gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  assert.ok(Number.parseFloat(gecko.strict_min_version) >= 140, 'data_collection_permissions needs Firefox 140+');
  assert.equal(suite.firefox.addonId, gecko.id, 'Firefox installed the add-on under another id');
});

for (const fixture of PER_SCREEN) {
  test(`Firefox: ${fixture.path} marked as ${fixture.expectScreen}`, async () => {
    const page = await openMarked(fixture.path);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.close();
  });
}

test('Firefox: the popup opens in Turkish and lists the approvals seen on the contracts grid', async () => {
  const grid = await openMarked('old-contracts/plain.html');
  await grid.close();
  const popup = await suite.firefox.openExtensionPage('popup');
  const text = await extensionText(popup, { includes: 'Mehmet' });
  assert.match(text, /KATİP Asistanı/);
  assert.match(text, /Onay bekleyen/i);
  assert.match(text, /Mehmet Öztürk|MEHMET ÖZTÜRK/);
  await popup.close();
});

test('Firefox: the bug-report snapshot is injected into the portal tab and returns the page without its T.C. numbers', async () => {
  const fixture = 'new-contracts/plain.html';
  const originals = [...new Set(readFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8').match(/(?<!\d)[1-9]\d{10}(?!\d)/g) ?? [])];
  assert.ok(originals.length >= 3, `${fixture} shows ${originals.length} T.C. numbers: nothing to replace`);
  const page = await openMarked(fixture);
  const popup = await suite.firefox.openExtensionPage('popup');
  // as components/tabSource.ts asks for it (the popup opened as a tab reads itself as the active tab)
  const snap = await popup.evaluate(async (url) => {
    const [tab] = await browser.tabs.query({ url });
    const [top] = await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/snapshot.js'] });
    return top?.result;
  }, page.url());
  assert.equal(snap?.type, 'snapshot');
  assert.match(snap.fileName, /^katip-sayfa-\d{4}-\d\d-\d\d-\d{4}\.html$/);
  assert.match(snap.html, /<table/i);
  assert.deepEqual(originals.filter((tckn) => snap.html.includes(tckn)), [], 'original T.C. numbers in the snapshot');
  assert.ok(snap.replaced.tckn >= originals.length);
  assert.doesNotMatch(snap.html, /<script|data-katip-ui/i);
  await Promise.all([popup.close(), page.close()]);
});

test('Firefox: no request left the fake portal or the add-on', () => {
  assert.ok(suite.firefox.requests.length > 0, 'no request recorded at all: the recorder is broken');
  assert.deepEqual(suite.firefox.foreignRequests, []);
});
