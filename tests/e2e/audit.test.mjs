// The audit page (audit.html) in the built extension: drop a generated export, see the dashboard,
// drill into the rows, compare with the next month's file, refuse a hostile file, both languages.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chooseByKeyboard, ROOT, useBrowserSuite } from './harness.mjs';
import { exportAoa, sicilFor, tcknFrom, xlsxBytes } from '../fixtures/audit/make-export.mjs';

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
  await page.screenshot({ path: join(SHOTS, 'audit-dashboard-en.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Professionals' }).click();
  await page.screenshot({ path: join(SHOTS, 'audit-professionals-en.png'), fullPage: true });
  await page.close();
});
