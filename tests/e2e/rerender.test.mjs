// The page in the browser as the user sees it: marks follow every re-render within a second (React
// reconciliation, a recycled virtual row, a tab shown), the approval bar sits beside the save button
// and confirmBeforeSave asks before saving a contract with errors, and after the extension is
// reloaded the orphaned content script removes its marks, never marks again and throws nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const suite = useBrowserSuite();

/** Every record with findings has exactly one tab stop; passing records have no marker. */
function markerProblems() {
  const problems = [];
  for (const r of document.querySelectorAll('[data-katip-status]')) {
    const stops = r.querySelectorAll('[data-katip-ui="mark"][tabindex="0"]').length;
    const want = r.getAttribute('data-katip-status') === 'ok' ? 0 : 1;
    if (stops !== want) problems.push(`${r.textContent.slice(0, 40)}: ${stops} markers, expected ${want}`);
  }
  for (const c of document.querySelectorAll('[data-katip-cell]')) {
    if (!c.closest('[data-katip-status]') || c.closest('[data-katip-status]').getAttribute('data-katip-status') === 'ok') problems.push('an outlined cell outside a faulty record');
  }
  return problems;
}

async function settled(page, timeout = 1500) {
  await waitForNoProblems(async () => [...(await pageProblems(page)), ...(await page.evaluate(markerProblems))], { timeout });
}

test('React-style reconciliation: sorting, paging and editing keep the rows and change their text', async () => {
  const page = await suite.browser.openFixture('new-contracts/x-rerender-react.html');
  await settled(page, 5000);
  for (const button of ['Ada göre sırala', '2. sayfa', 'Süreyi düzelt']) {
    await page.getByRole('button', { name: button }).click();
    await settled(page); // within a second (and a half for a busy machine)
  }
  await page.close();
});

test('a virtualised grid recycles its row elements while scrolling: each is judged for what it shows now', async () => {
  const page = await suite.browser.openFixture('new-contracts/x-virtual-grid.html');
  await settled(page, 5000);
  await page.getByRole('button', { name: 'Aşağı kaydır' }).click();
  await settled(page);
  await page.locator('#viewport').evaluate((v) => {
    v.scrollTop = 17 * 28;
  });
  await settled(page);
  await page.getByRole('button', { name: 'Başa dön' }).click();
  await settled(page);
  await page.close();
});

test('a grid in a collapsed tab is marked, visibly, once the tab is opened', async () => {
  const page = await suite.browser.openFixture('new-contracts/x-collapsed-tab.html');
  await settled(page, 5000);
  await page.getByRole('tab', { name: 'Onay Bekleyen Sözleşmeler' }).click();
  await settled(page);
  const box = await page.locator('#hidden-row [data-katip-ui="mark"]').first().boundingBox();
  assert.ok(box && box.width >= 14 && box.height >= 14, `marker not visible: ${JSON.stringify(box)}`);
  await page.close();
});

/** Sets Settings fields in the extension's IndexedDB from the service worker (what the options page saves). */
async function setSettings(patch) {
  const worker = await suite.browser.currentWorker();
  await worker.evaluate(
    (p) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('katip-asistani');
        open.onerror = () => fail(open.error);
        // the extension creates its database itself: never create an empty one here
        open.onupgradeneeded = () => open.transaction.abort();
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          const store = tx.objectStore('settings');
          const get = store.get('settings');
          get.onsuccess = () => store.put({ language: 'tr', disabledRules: [], showTckn: false, ...(get.result ?? {}), ...p, key: 'settings' });
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    patch,
  );
}

test('the approval bar beside "Kaydet", and confirmBeforeSave: "no" keeps the form, "yes" saves', async () => {
  await setSettings({ confirmBeforeSave: true });
  const page = await suite.browser.openFixture('new-contract-form/labels.html');
  try {
    await settled(page, 5000);
    await page.evaluate(() => {
      window.__saved = 0;
      document.querySelector('form').addEventListener('submit', (e) => {
        e.preventDefault();
        window.__saved++;
      });
    });
    const minutes = page.locator('#a2');
    await minutes.fill('100');
    const bar = page.locator('[data-katip-ui="approval-bar"]');
    await page.waitForFunction(() => document.querySelector('[data-katip-ui="approval-bar"]')?.shadowRoot?.textContent?.includes('1 hata'));
    assert.equal(await bar.evaluate((h) => h.previousElementSibling?.textContent), 'Kaydet');
    const line = await bar.evaluate((h) => h.shadowRoot.querySelector('li').textContent);
    assert.match(line, /225/);

    const dialogs = [];
    const answer = (accept) => (d) => {
      dialogs.push(d.message());
      void (accept ? d.accept() : d.dismiss());
    };
    page.once('dialog', answer(false));
    await page.getByRole('button', { name: 'Kaydet' }).click();
    assert.equal(dialogs.length, 1);
    assert.match(dialogs[0], /1 hata/);
    assert.equal(await page.evaluate(() => window.__saved), 0, 'saved although the user said no');
    page.once('dialog', answer(true));
    await page.getByRole('button', { name: 'Kaydet' }).click();
    assert.equal(dialogs.length, 2);
    assert.equal(await page.evaluate(() => window.__saved), 1);

    // enough minutes: nothing is asked
    await minutes.fill('225');
    await page.waitForFunction(() => document.querySelector('[data-katip-ui="approval-bar"]')?.shadowRoot?.textContent?.includes('hata bulunmadı'));
    await page.getByRole('button', { name: 'Kaydet' }).click();
    assert.equal(dialogs.length, 2);
    assert.equal(await page.evaluate(() => window.__saved), 2);
  } finally {
    await setSettings({ confirmBeforeSave: false });
    await page.close();
  }
});

test('after the extension is reloaded, the orphaned content script removes its marks, never marks again and throws nothing', async () => {
  const page = await suite.browser.openFixture('new-contracts/x-rerender-react.html');
  await settled(page, 5000);
  // what the page would show a user or a developer: uncaught errors (any world) and console errors
  const thrown = [];
  page.on('pageerror', (e) => thrown.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && thrown.push(`console.error: ${m.text()}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => thrown.push(`uncaught: ${d.exception?.description ?? d.text}`));
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => type === 'error' && thrown.push(`console.error: ${args.map((a) => a.value ?? a.description).join(' ')}`));
  await cdp.send('Runtime.enable');
  const worker = await suite.browser.currentWorker();
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  const marks = () => page.evaluate(() => document.querySelectorAll('[data-katip-status], [data-katip-rules], [data-katip-ui], [data-katip-cell]').length);
  const deadline = Date.now() + 8000;
  while ((await marks()) > 0 && Date.now() < deadline) await page.waitForTimeout(200);
  assert.equal(await marks(), 0, 'the orphan left its marks');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-katip-screen')), false);
  // the page keeps changing: nothing comes back
  await page.getByRole('button', { name: '2. sayfa' }).click();
  await page.waitForTimeout(1500);
  assert.equal(await marks(), 0, 'the orphan marked again');
  // the orphan's timers tick on (ORPHAN_CHECK_MS is 3 s): still nothing thrown after one more check
  await page.getByRole('button', { name: 'Süreyi düzelt' }).click();
  await page.waitForTimeout(3500);
  assert.deepEqual(thrown, [], 'the page or the orphaned content script threw');
  await cdp.detach();
  await page.close();
});

test('no request left the fake portal or the extension (privacy promise)', () => {
  assert.deepEqual(suite.browser.foreignRequests, []);
});
