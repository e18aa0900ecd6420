// Faults a user meets without knowing (issue 10, "Unbreakable"): the browser stops the service
// worker in the middle of a session (MV3 does so whenever it is idle, and may do so in the middle
// of a write), and two tabs send different lists at the same moment. Nothing is lost: every list
// ends up in the mirror, the next page is marked and the popup lists what was seen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PORTAL_ORIGIN, pendingSectionText, useBrowserSuite } from './harness.mjs';
import { oldContractCells, oldContractsPage } from './harness-pages.mjs';

const SMALL = 40;
/** three message parts (utils/page-report-parts.ts sends 2,000 records each) */
const BIG = 5000;
/** two parts each, so the parts of the two tabs interleave */
const TWIN = 2500;

const suite = useBrowserSuite({
  extraPages: {
    'faults/a.html': oldContractsPage(SMALL, { tag: 'FaultA-' }),
    'faults/b.html': oldContractsPage(SMALL, { tag: 'FaultB-' }),
    'faults/big.html': oldContractsPage(BIG, { tag: 'FaultBig-' }),
    'faults/left.html': oldContractsPage(TWIN, { tag: 'FaultLeft-' }),
    'faults/right.html': oldContractsPage(TWIN, { tag: 'FaultRight-' }),
  },
});

/** An extension page, to read the mirror with plain IndexedDB whether the service worker runs or not. */
let reader;
async function extensionPage() {
  if (!reader || reader.isClosed()) {
    reader = await suite.browser.context.newPage();
    await reader.goto(`chrome-extension://${suite.browser.extensionId}/manifest.json`);
  }
  return reader;
}

/** How many assignments of the mirror name a person of this page's tag. */
async function storedWithTag(tag) {
  const page = await extensionPage();
  return page.evaluate(
    (t) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('katip-asistani');
        open.onerror = () => fail(open.error);
        // the extension creates its database itself: never create an empty one here
        open.onupgradeneeded = () => open.transaction.abort();
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('assignments').objectStore('assignments').getAll();
          req.onsuccess = () => {
            db.close();
            ok(req.result.filter((row) => String(row.personName ?? '').includes(t)).length);
          };
          req.onerror = () => (db.close(), fail(req.error));
        };
      }),
    tag,
  );
}

/** Waits until the mirror holds `n` assignments of `tag`; returns how many it holds at the end. */
async function waitStored(tag, n, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let stored = 0;
  while ((stored = await storedWithTag(tag)) < n && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 200));
  return stored;
}

/** Opens a generated page and waits until its records carry their marks; returns the page. */
async function openMarked(path, rows) {
  const page = await suite.browser.context.newPage();
  await page.goto(`${PORTAL_ORIGIN}/${path}`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-katip-status]').length === n, rows, { timeout: 60_000, polling: 100 });
  return page;
}

/**
 * Stops the extension's service worker as the browser does (CDP ServiceWorker.stopAllWorkers, what
 * chrome://serviceworker-internals does) and waits until it is stopped. `restarted()` is true once
 * a new instance runs (a message woke it).
 */
async function stopWorker() {
  // the session lives on the extension page: a portal page closed meanwhile would end it
  const cdp = await suite.browser.context.newCDPSession(await extensionPage());
  let stopped = false;
  let restarted = false;
  let onStopped;
  const stoppedNow = new Promise((ok) => (onStopped = ok));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${suite.browser.extensionId}/`)) continue;
      if (v.runningStatus === 'stopped') (stopped = true), onStopped();
      else if (stopped && v.runningStatus === 'running') restarted = true;
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stoppedNow, new Promise((ok) => setTimeout(ok, 10_000))]);
  assert.equal(stopped, true, 'the service worker did not stop');
  return { restarted: () => restarted, detach: () => cdp.detach().catch(() => {}) };
}

const pendingName = (i, tag) => oldContractCells(i, tag)[0];

test('the service worker stopped between two pages: the next page is marked, both lists are in the mirror, the popup lists both', async () => {
  const a = await openMarked('faults/a.html', SMALL);
  assert.equal(await waitStored('FaultA-', SMALL), SMALL, 'the first list was not stored');
  const worker = await stopWorker();
  await a.close();

  const b = await openMarked('faults/b.html', SMALL); // its marks need the worker's answer: it starts again
  assert.equal(worker.restarted(), true, 'no new service worker ran the next page');
  await worker.detach();
  assert.equal(await waitStored('FaultB-', SMALL), SMALL, 'the list seen after the restart was not stored');
  assert.equal(await storedWithTag('FaultA-'), SMALL, 'the list seen before the restart was lost');

  const popup = await suite.browser.openExtensionPage('popup');
  const text = await pendingSectionText(popup);
  // every fourth row of each list is "Onay Bekliyor"
  for (const name of [pendingName(0, 'FaultA-'), pendingName(4, 'FaultA-'), pendingName(0, 'FaultB-'), pendingName(36, 'FaultB-')]) {
    assert.ok(text.includes(name), `the popup does not list "${name}" (pending)`);
  }
  assert.ok(!text.includes(pendingName(1, 'FaultA-')), 'the popup lists an approved contract as pending');
  await popup.close();
  await b.close();
});

test('the service worker stopped while a 5,000-row list is being written: every record ends up in the mirror', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${PORTAL_ORIGIN}/faults/big.html`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-katip-scan-ms'), null, { timeout: 60_000, polling: 20 });
  // the parts are on their way or being merged: stop the worker now
  const worker = await stopWorker();
  const stoppedWith = await storedWithTag('FaultBig-');
  assert.ok(stoppedWith < BIG, 'the list was stored before the worker stopped: nothing was tested');
  assert.equal(await waitStored('FaultBig-', BIG), BIG, `records lost: ${stoppedWith} stored when the worker stopped`);
  assert.equal(worker.restarted(), true, 'no new service worker took the parts sent again');
  await worker.detach();
  // the page keeps its marks
  assert.equal(await page.evaluate(() => document.querySelectorAll('tr[data-katip-status]').length), BIG);
  await page.close();
});

test('two tabs send different lists at the same moment: both lists end up in the mirror, whole', async () => {
  const [left, right] = await Promise.all([suite.browser.context.newPage(), suite.browser.context.newPage()]);
  await Promise.all([
    left.goto(`${PORTAL_ORIGIN}/faults/left.html`, { waitUntil: 'load', timeout: 60_000 }),
    right.goto(`${PORTAL_ORIGIN}/faults/right.html`, { waitUntil: 'load', timeout: 60_000 }),
  ]);
  const [l, r] = await Promise.all([waitStored('FaultLeft-', TWIN), waitStored('FaultRight-', TWIN)]);
  assert.deepEqual({ left: l, right: r }, { left: TWIN, right: TWIN });
  // every row of both tabs is marked
  for (const page of [left, right]) {
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-katip-status]').length === n, TWIN, { timeout: 30_000, polling: 200 });
  }
  await Promise.all([left.close(), right.close()]);
});

test('no uncaught error in the pages or the service worker, no request left the fake portal', () => {
  const uncaught = suite.browser.errors.filter((e) => !/Failed to load resource/.test(e.text));
  assert.deepEqual(uncaught, []);
  assert.deepEqual(suite.browser.foreignRequests, []);
});
