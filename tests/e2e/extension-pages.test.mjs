// The extension's own pages (toolbar popup, options) and toolbar badge, next to the fake portal in Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PORTAL_ORIGIN, listFixtures, pageProblems, pendingSectionText, useBrowserSuite, waitForNoProblems } from './harness.mjs';

// old-contracts/plain.html: two rows read "Onay Bekliyor" (Mehmet Öztürk and a hostile name), the
// others are approved, ended or refused.
const CONTRACTS = 'old-contracts/plain.html';
const PENDING_NAMES = ['Mehmet Öztürk', '<img src=x onerror="window.__pwned=1">'];
const NOT_PENDING_NAMES = ['Ayşe Yıldırım', 'Şule Çağlar', 'İsmail Işık'];

const suite = useBrowserSuite();

async function openMarked(path) {
  const page = await suite.browser.openFixture(path);
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  return page;
}

/** The toolbar badge text of the tab showing `url`, read in the service worker. */
async function badgeText(url) {
  const worker = await suite.browser.currentWorker();
  return worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u });
    if (!tab) return null;
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

/** Records with data-katip-status="error" on the page, all frames counted. */
async function errorRecords(page) {
  let n = 0;
  for (const frame of page.frames()) {
    if (!frame.url().startsWith('https:')) continue;
    n += await frame.evaluate(() => document.querySelectorAll('[data-katip-status="error"]').length);
  }
  return n;
}

test('the popup opens and shows the extension name', async () => {
  const page = await suite.browser.openExtensionPage('popup');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.getByRole('heading', { name: 'KATİP Asistanı' }).waitFor({ timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the options page opens and shows the extension name', async () => {
  const page = await suite.browser.openExtensionPage('options');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.getByText('KATİP Asistanı').first().waitFor({ timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test(`pending approvals are listed in the popup after visiting ${CONTRACTS}, hostile names as text`, async () => {
  const before = await suite.browser.openExtensionPage('popup');
  const empty = await pendingSectionText(before);
  for (const name of PENDING_NAMES) assert.ok(!empty.includes(name), `"${name}" listed before any visit`);
  await before.close();

  const portalPage = await openMarked(CONTRACTS);
  await portalPage.close();

  const popup = await suite.browser.openExtensionPage('popup');
  await waitForNoProblems(async () => {
    await popup.reload();
    const text = await pendingSectionText(popup);
    return [
      ...PENDING_NAMES.filter((n) => !text.includes(n)).map((n) => `"${n}" (Onay Bekliyor) is not listed`),
      ...NOT_PENDING_NAMES.filter((n) => text.includes(n)).map((n) => `"${n}" is listed but not pending`),
    ];
  });
  assert.equal(await popup.evaluate(() => window.__pwned), undefined, 'the popup ran a payload');
  assert.equal(await popup.locator('img').count(), 0, 'the hostile name became an <img>');
  await popup.close();
});

test('the toolbar badge shows the number of records in error on the tab', async () => {
  const withErrors = listFixtures().find((f) => f.expectScreen && !f.hasFrames && /data-expect-status=["']error/.test(f.source));
  const paths = [CONTRACTS, ...(withErrors ? [withErrors.path] : [])];
  let sawNonEmpty = false;
  for (const path of paths) {
    const page = await openMarked(path);
    try {
      const errors = await errorRecords(page);
      const want = errors === 0 ? '' : String(errors);
      sawNonEmpty ||= want !== '';
      await waitForNoProblems(async () => {
        const got = await badgeText(`${PORTAL_ORIGIN}/${path}`);
        return got === want ? [] : [`${path}: badge "${got}", expected "${want}" (${errors} error records)`];
      });
    } finally {
      await page.close();
    }
  }
  assert.ok(sawNonEmpty, `no fixture among ${paths.join(', ')} has an error record: the badge was never tested non-empty`);
});

test('options: a backup exported, everything deleted, the backup imported gives back the same records', async () => {
  const portalPage = await openMarked(CONTRACTS);
  await portalPage.close();

  const options = await suite.browser.openExtensionPage('options');
  const exportOnce = async () => {
    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 5000 }),
      options.getByRole('button', { name: /Yedeği indir|Download backup/ }).click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    const { exportedAt: _at, ...data } = JSON.parse(text);
    return { file, text, data, name: download.suggestedFilename() };
  };

  const first = await exportOnce();
  assert.ok(first.data.assignments.length >= 5, `backup has ${first.data.assignments.length} assignments, the visit showed 5`);

  await options.getByRole('button', { name: /Tüm verileri sil|Delete everything/ }).click();
  await options.getByRole('button', { name: /Evet, hepsini sil|Yes, delete everything/ }).click();
  await options.getByText(/Tüm veriler silindi|All data deleted/).waitFor({ timeout: 5000 });
  const wiped = await exportOnce();
  assert.equal(wiped.data.assignments.length, 0, 'assignments remain after "delete everything"');
  assert.equal(wiped.data.workplaces.length, 0, 'workplaces remain after "delete everything"');

  await options.getByLabel(/Yedek dosyasını içe aktar|Import a backup file/).setInputFiles(first.file);
  await options.getByRole('button', { name: /İçe aktarmayı onayla|Confirm the import/ }).click();
  await options.getByText(/İçe aktarma tamamlandı|Import complete/).waitFor({ timeout: 5000 });
  const restored = await exportOnce();
  assert.deepEqual(restored.data, first.data);
  await options.close();
});

test('options: a corrupt backup is refused and nothing changes', async () => {
  const options = await suite.browser.openExtensionPage('options');
  const exportData = async () => {
    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 5000 }),
      options.getByRole('button', { name: /Yedeği indir|Download backup/ }).click(),
    ]);
    const { exportedAt: _at, ...data } = JSON.parse(readFileSync(await download.path(), 'utf8'));
    return data;
  };
  const beforeData = await exportData();
  const input = options.getByLabel(/Yedek dosyasını içe aktar|Import a backup file/);
  const corrupt = [
    { name: 'kesik.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "katip', 'utf8') },
    {
      name: 'yanlis.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...beforeData, exportedAt: new Date().toISOString(), assignments: 'hepsi' }), 'utf8'),
    },
  ];
  for (const file of corrupt) {
    await input.setInputFiles(file);
    await options.getByRole('alert').filter({ hasText: /İçe aktarılamadı|Import failed/ }).waitFor({ timeout: 5000 });
    assert.equal(await options.getByRole('button', { name: /İçe aktarmayı onayla|Confirm the import/ }).count(), 0, `${file.name} offered for import`);
  }
  assert.deepEqual(await exportData(), beforeData);
  await options.close();
});

test('"Bu sayfayı hata bildirimi için kaydet" in the side panel and the popup downloads the page with no original T.C. number', async () => {
  const fixture = 'new-contracts/plain.html';
  const source = readFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8');
  const originals = [...new Set(source.match(/(?<!\d)[1-9]\d{10}(?!\d)/g) ?? [])];
  assert.ok(originals.length >= 3, `${fixture} shows ${originals.length} T.C. numbers: nothing to replace`);
  for (const name of ['sidepanel', 'popup']) {
    const ext = await suite.browser.openExtensionPage(name);
    const page = await openMarked(fixture);
    await page.bringToFront();
    if (name === 'popup') await ext.reload(); // the popup reads the active tab once, as when it opens
    const button = ext.getByRole('button', { name: 'Bu sayfayı hata bildirimi için kaydet' });
    await button.waitFor({ timeout: 5000 });
    const [download] = await Promise.all([ext.waitForEvent('download', { timeout: 10_000 }), button.click()]);
    assert.match(download.suggestedFilename(), /^katip-sayfa-\d{4}-\d{2}-\d{2}-\d{4}\.html$/, name);
    const html = readFileSync(await download.path(), 'utf8');
    assert.match(html, /<table/i, `${name}: the saved page has no table`);
    const kept = originals.filter((tckn) => html.includes(tckn));
    assert.deepEqual(kept, [], `${name}: original T.C. numbers in the saved page`);
    assert.doesNotMatch(html, /<script/i, `${name}: a script was saved`);
    const status = ext.getByRole('status').filter({ hasText: 'indirildi' });
    await status.waitFor({ timeout: 5000 });
    assert.match(await status.innerText(), /Kişisel veriler sahteleriyle değiştirildi: [1-9]\d* T\.C\. Kimlik No/, name);
    await Promise.all([page.close(), ext.close()]);
  }
});

test('the options page does not move under the pointer while its lists load', async () => {
  // workplaces and pending approvals to load: the contracts list and a second screen seen
  for (const path of [CONTRACTS, 'new-contracts/plain.html']) await (await openMarked(path)).close();
  for (const section of ['', '#kurallar', '#verilerim']) {
    const options = await suite.browser.context.newPage();
    await options.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, nodes: entry.sources?.map((s) => s.node?.textContent?.slice(0, 60) ?? '?') ?? [] });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await options.goto(`chrome-extension://${suite.browser.extensionId}/options.html${section}`, { waitUntil: 'load' });
    // where a user would aim, as soon as it can be seen
    const target = options.getByRole('radio', { name: /İngilizce|English/ });
    await target.waitFor({ state: 'visible', timeout: 5000 });
    const first = await target.boundingBox();
    await options.waitForTimeout(1500);
    const later = await target.boundingBox();
    assert.deepEqual(later, first, `options${section}: the language radio moved from ${JSON.stringify(first)} to ${JSON.stringify(later)}`);
    const shifts = await options.evaluate(() => window.__shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(total < 0.001, `options${section}: layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts).slice(0, 400)}`);
    await options.close();
  }
});

test('no request left the fake portal or the extension (privacy promise)', () => {
  assert.deepEqual(suite.browser.foreignRequests, []);
});
