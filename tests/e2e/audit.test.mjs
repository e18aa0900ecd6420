// The audit page (audit.html) in the built extension: drop a generated export, see the dashboard,
// drill into the rows, compare with the next month's file, refuse a hostile file, both languages
// (every heading in English, "min", numbers in `en` format), axe-core on every view with a file
// loaded, and the printed report (A4, numbered pages, dated, the OSGB's name, the legal sources).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, chooseByKeyboard, ROOT, useBrowserSuite } from './harness.mjs';
import { exportAoa, sicilFor, syntheticContracts, tcknFrom, xlsxBytes } from '../fixtures/audit/make-export.mjs';

const suite = useBrowserSuite();
const SHOTS = join(ROOT, '.output/screenshots');
mkdirSync(SHOTS, { recursive: true });

const FOUNDRY = { id: 1, title: 'Demir__Döküm__A.Ş.', sgk: sicilFor('24.10.01', 1), n: 600, hazard: 'Çok Tehlikeli', nace: '24.10.01' };
const BRANCH = { ...FOUNDRY, id: 2, sgk: sicilFor('24.10.01', 2), n: 40 };
const SHOP = { id: 3, title: 'Köşe Market', sgk: sicilFor('47.11.02', 3), n: 12, hazard: 'Az Tehlikeli', nace: '47.11.02' };
const people = ['Ali Demir', 'Ayşe Kaya', 'Can Işık', 'Deniz Öz', 'Ece Şen'].map((person, i) => ({ person, tckn: tcknFrom(111111111 * (i + 1)) }));
const [ali, ayse, can, deniz, ece] = people;

const november = [
  { id: 11, ...ali, cert: 'A', type: 'Tam Süreli', minutes: 11700, wp: FOUNDRY },
  { id: 12, ...ayse, cert: 'A', type: 'Tam Süreli', minutes: 11700, wp: FOUNDRY },
  { id: 13, ...can, cert: 'A', minutes: 3000, wp: FOUNDRY }, // 4.000 needed: 1.000 short
  { id: 14, ...deniz, cert: 'ih', minutes: 9000, wp: FOUNDRY },
  { id: 15, ...ece, cert: 'B', minutes: 1600, wp: BRANCH, verdict: 'Evet' }, // B at çok tehlikeli
  { id: 16, ...ece, cert: 'B', minutes: 120, wp: SHOP },
];
const december = [...november.slice(0, 2), { ...november[2], minutes: 4000 }, ...november.slice(3)];

const TABS = { tr: ['Özet', 'Sözleşmeler', 'İşyerleri', 'Profesyoneller', 'Değişiklikler'], en: ['Summary', 'Contracts', 'Workplaces', 'Professionals', 'Changes'] };

/** Every tab of the audit page in turn, with axe-core's serious and critical violations of each. */
async function axeOnEveryTab(page, lang) {
  const found = [];
  for (const name of TABS[lang]) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
  }
  return found;
}

/** The page's own words on the current tab: headings, column headers, tabs, labels, buttons, status lines, the bars' figures. */
async function uiTexts(page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.audit-screen :is(h1, h2, h3, label, [role=columnheader], [role=tab], button:not(.audit-link), .audit-summary, .audit-mirror, .audit-shown, .audit-rule-list li, .audit-bar-value, .audit-bars-legend text, .audit-changes > p)',
      ),
    ]
      .map((e) => e.textContent.trim())
      .filter(Boolean),
  );
}

async function dropFile(page, name, bytes) {
  await page.locator('[data-testid="audit-file"]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
}

test('the audit page audits a dropped export, drills into rows and compares months', async () => {
  const page = await suite.browser.openExtensionPage('audit');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.getByRole('heading', { name: /Denetim/ }).first().waitFor();

  await dropFile(page, 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_202511.xlsx', xlsxBytes(exportAoa(november)));
  await page.locator('[data-audit-ready="true"]').waitFor({ timeout: 15000 });
  const summary = await page.locator('.audit-summary').innerText();
  assert.match(summary, /6 sözleşme okundu/);
  // contracts: 3 İGU short at the foundry + the B class at the branch = 4 errors
  const errorCount = await page.locator('.audit-counts').first().locator('.audit-count-error .audit-count-n').innerText();
  assert.equal(errorCount, '4');
  await page.getByText(/Yerel kayıtlara işlendi/).waitFor({ timeout: 10000 });
  await page.screenshot({ path: join(SHOTS, 'audit-dashboard-tr.png'), fullPage: true });
  assert.deepEqual(await axeOnEveryTab(page, 'tr'), []);
  await page.getByRole('tab', { name: 'Özet' }).click();

  // a count leads to its rows
  await page.locator('.audit-counts').first().locator('.audit-count-error').click();
  await page.getByText('4 / 6 gösteriliyor').waitFor();
  const rows = await page.locator('.audit-vrow').count();
  assert.equal(rows, 4);
  // T.C. numbers masked by default
  const table = await page.locator('.audit-vtable').innerText();
  assert.ok(!table.includes(ali.tckn), 'T.C. number shown in full');
  assert.ok(table.includes(`${ali.tckn.slice(0, 3)}******${ali.tckn.slice(-2)}`));
  await page.screenshot({ path: join(SHOTS, 'audit-contracts-tr.png'), fullPage: true });

  await page.getByRole('tab', { name: 'İşyerleri' }).click();
  // the rows come from the worker a moment after the tab ("Satırlar yükleniyor…")
  await page.locator('.audit-vtable .audit-vrow').first().waitFor();
  const workplaces = await page.locator('.audit-vtable').innerText();
  assert.match(workplaces, /4\.000 \/ 3\.000/);
  assert.match(workplaces, /Demir Döküm A\.Ş\./);

  // next month: the shortfall is fixed
  await dropFile(page, 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_202512.xlsx', xlsxBytes(exportAoa(december)));
  await page.getByText(/6 sözleşme okundu/).waitFor();
  await page.getByRole('tab', { name: 'Değişiklikler' }).click();
  await page.getByText(/Giderilen eksikler \(1\)/).waitFor({ timeout: 10000 });
  const changes = await page.locator('.audit-changes').innerText();
  assert.match(changes, /Demir Döküm A\.Ş\. — İGU: 1\.000 → 0/);
  assert.match(changes, /Değişen sözleşmeler \(3\)/);
  assert.match(changes, /Can Işık \(İGU, 4\.000 dk\): süre \(dk\) 3\.000 → 4\.000/);
  await page.screenshot({ path: join(SHOTS, 'audit-changes-tr.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a damaged file is refused with a clear message and nothing changed', async () => {
  const page = await suite.browser.openExtensionPage('audit');
  await dropFile(page, 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_bozuk.xlsx', new TextEncoder().encode('PK\u0003\u0004 not really a zip'));
  await page.getByRole('alert').waitFor({ timeout: 10000 });
  const alert = await page.getByRole('alert').innerText();
  assert.match(alert, /Dosya okunmadı/);
  assert.match(alert, /hiçbir şey değişmedi/);
  await page.screenshot({ path: join(SHOTS, 'audit-refused-tr.png') });
  await page.close();
});

test('the audit page in English', async () => {
  const options = await suite.browser.openExtensionPage('options');
  await chooseByKeyboard(options.getByLabel(/English/));
  await options.close();
  const page = await suite.browser.openExtensionPage('audit');
  await page.getByRole('heading', { name: /Audit/ }).first().waitFor();
  await dropFile(page, 'export.xlsx', xlsxBytes(exportAoa(november)));
  await page.locator('[data-audit-ready="true"]').waitFor({ timeout: 15000 });
  await page.getByText(/6 contracts read/).waitFor();
  await page.getByText(/Merged into the local records/).waitFor({ timeout: 10000 });
  await page.screenshot({ path: join(SHOTS, 'audit-dashboard-en.png'), fullPage: true });
  // the bars: minutes in "min", numbers as English writes them
  const bars = await page.locator('.audit-bars').textContent();
  assert.match(bars, /4,000 \/ 3,000 min — 1,000 min short/);
  assert.match(bars, /9,000 \/ 9,000 min · met/);
  assert.doesNotMatch(bars, /\bdk\b|4\.000/);
  // every view's own words are English: no Turkish letter outside proper names (the portal's, the product's)
  const PROPER = /KATİP|DETSİS|Mevzuata Uygun mu|Tümünü Dışa Aktar|ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR/g;
  const turkish = [];
  for (const name of TABS.en) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    for (const t of await uiTexts(page)) if (/[çğıöşüÇĞİÖŞÜ]|\bdk\b/.test(t.replace(PROPER, ''))) turkish.push(`${name}: ${t}`);
    if (name === 'Workplaces') {
      const table = await page.locator('.audit-vtable').innerText();
      assert.match(table, /4,000 \/ 3,000 ✖ 1,000 min short/);
      assert.match(table, /OHS spec\. \d+\/\d+ · Physician \d+\/\d+/);
    }
    if (name === 'Professionals') await page.screenshot({ path: join(SHOTS, 'audit-professionals-en.png'), fullPage: true });
    if (name === 'Changes') {
      // compared with December's file from the first test: Can's minutes went back from 4,000 to 3,000
      const changes = await page.locator('.audit-changes').innerText();
      // the contract is named in English too (role and number format), not in the Turkish label
      assert.match(changes, /Can Işık \(OHS specialist, 3,000 min\): minutes 4,000 → 3,000/);
      assert.doesNotMatch(changes, /İGU, [\d.]+ dk/);
    }
  }
  assert.deepEqual(turkish, []);
  assert.deepEqual(await axeOnEveryTab(page, 'en'), []);
  await page.close();
});

/**
 * The text of a Chromium PDF, stream by stream, without spaces (Chromium places glyph runs one by
 * one): each content stream's text decoded through the fonts' ToUnicode maps (it writes glyph
 * ids, never the characters themselves).
 */
function pdfPageTexts(pdf) {
  const raw = pdf.toString('latin1');
  const streams = [];
  for (const m of raw.matchAll(/<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>)*)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1])) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    streams.push(body.toString('latin1'));
  }
  const maps = streams
    .filter((s) => s.includes('begincmap'))
    .map((s) => {
      const map = new Map();
      for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const [, g, u] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(g, 16), String.fromCodePoint(parseInt(u, 16)));
      for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
        for (const [, a, b, u] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
          for (let g = parseInt(a, 16); g <= parseInt(b, 16); g++) map.set(g, String.fromCodePoint(parseInt(u, 16) + g - parseInt(a, 16)));
      return map;
    });
  // a text run is decoded with the map that knows all of its glyphs
  const decode = (hex) => {
    const glyphs = hex.match(/.{4}/g)?.map((h) => parseInt(h, 16)) ?? [];
    const map = maps.find((m) => glyphs.every((g) => m.has(g)));
    return map ? glyphs.map((g) => map.get(g)).join('') : '';
  };
  return streams
    .filter((s) => /\bBT\b/.test(s) && !s.includes('begincmap'))
    .map((s) =>
      [...s.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)]
        .map((m) => (m[2] !== undefined ? decode(m[2]) : [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => decode(x[1])).join('')))
        .join('')
        .replace(/\s+/g, ''),
    );
}

test('the printed report: A4 pages numbered "Sayfa N / M", dated, with the OSGB name and the legal sources', async () => {
  const page = await suite.browser.openExtensionPage('options');
  await chooseByKeyboard(page.getByLabel(/Türkçe/));
  await page.close();
  const audit = await suite.browser.openExtensionPage('audit');
  await audit.getByRole('heading', { name: /Denetim/ }).first().waitFor();
  await dropFile(audit, 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_yazdir.xlsx', xlsxBytes(exportAoa(syntheticContracts(300))));
  await audit.locator('[data-audit-ready="true"]').waitFor({ timeout: 30000 });
  await audit.getByLabel('İşyeri / OSGB adı (raporda görünür)').fill('Örnek OSGB Ltd. Şti.');
  // the browser's print dialog is the user's: here window.print only counts, and beforeprint is fired as the dialog would
  await audit.evaluate(() => {
    window.print = () => (window.__printed = (window.__printed ?? 0) + 1);
  });
  await audit.getByRole('button', { name: 'Yazdır / PDF olarak kaydet' }).click();
  await audit.waitForFunction(() => window.__printed === 1);
  await audit.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const report = audit.getByTestId('audit-print');
  await report.waitFor({ state: 'attached' });
  const text = await report.textContent();
  assert.match(text, /İSG Hizmet Sözleşmeleri Denetim Raporu/);
  assert.match(text, /Örnek OSGB Ltd\. Şti\./);
  assert.match(text, /Rapor tarihi: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  assert.match(text, /Kaynak dosya: ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_yazdir\.xlsx \(300 sözleşme\)/);
  assert.match(text, /Dayanaklar/);
  assert.match(text, /İş Güvenliği Uzmanlarının/);
  assert.match(text, /Uygun olmayan işyerleri ve sözleşmeler \(\d+\)/);
  const rows = await report.locator('.audit-print-table tbody tr').count();
  assert.ok(rows > 20, `${rows} workplaces out of compliance listed`);

  const pdf = await audit.pdf({ preferCSSPageSize: true });
  const raw = pdf.toString('latin1');
  // A4: 210 × 297 mm = 595 × 842 pt
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  assert.ok(boxes.length > 1, `${boxes.length} pages`);
  for (const b of boxes) assert.deepEqual(b, [595, 842]);
  // every page says which of how many it is; the screen itself is not printed
  const all = pdfPageTexts(pdf).join('');
  const numbers = [...all.matchAll(/Sayfa(\d+)\/(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.deepEqual(numbers, boxes.map((_, i) => [i + 1, boxes.length]));
  // the running footer beside the number: the report, the OSGB, the date, on every page
  assert.equal([...all.matchAll(/İSGHizmetSözleşmeleriDenetimRaporu—ÖrnekOSGBLtd\.Şti\.—\d{2}\.\d{2}\.\d{4}\d{2}:\d{2}/g)].length, boxes.length);
  assert.ok(!all.includes('Dosyayıburayabırakın'), 'the drop zone is printed');
  await audit.close();
});
