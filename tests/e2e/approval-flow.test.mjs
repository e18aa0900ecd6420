// An employer's approval session in the old interface, end to end in Chromium (RULES.md §10):
// choose the workplace, enter its profile, select the pending row, open "SÖZLEŞME ONAY" — the form
// knows which assignment it is (role and certificate from the selected row) and is judged against
// the profile; the popup lists the approval with its checklist ticked from what was seen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const suite = useBrowserSuite();

async function openMarked(path) {
  const page = await suite.browser.openFixture(path);
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  return page;
}

const rulesOf = (locator) => locator.getAttribute('data-katip-rules').then((r) => (r ?? '').split(' ').filter(Boolean));

test('approval form judged with the selected grid row and the workplace profile', async () => {
  // 1. choose the workplace
  const select = await openMarked('flow/1-select.html');
  await select.getByText('DEMİR ÇELİK DÖKÜM SANAYİ A.Ş.').click();
  await select.waitForTimeout(300);

  // 2. the approval form before anything else is known: role unknown → needs-data, capacity judged
  const early = await openMarked('flow/3-approval.html');
  const earlyForm = early.locator('[data-katip-status]');
  assert.deepEqual(await rulesOf(earlyForm), ['needs-data', 'over-capacity']);
  await early.close();

  // 3. enter the workplace's profile in the options page (the old interface shows no hazard class)
  const options = await suite.browser.openExtensionPage('options');
  await options.getByRole('button', { name: /Profil ekle: DEMİR ÇELİK DÖKÜM/ }).click();
  const profile = options.getByRole('form', { name: /İşyeri profili/ });
  await profile.getByLabel('NACE kodu (xx.xx.xx)').fill('24.51.13');
  await profile.getByLabel('Tehlike sınıfı', { exact: true }).selectOption({ label: 'Çok Tehlikeli' });
  await profile.getByLabel('Çalışan sayısı').fill('120');
  await profile.getByRole('button', { name: 'Kaydet' }).click();
  await options.getByText('Profil kaydedildi.').waitFor({ timeout: 5000 });
  await options.close();

  // 4. the contracts grid: B class İGU in a çok tehlikeli workplace; select the pending row
  const grid = await openMarked('flow/2-contracts.html');
  const elif = grid.locator('#row-elif');
  await grid.waitForFunction(() => document.querySelector('#row-elif')?.getAttribute('data-katip-status') === 'error');
  assert.ok((await rulesOf(elif)).includes('certificate-class'));
  await elif.getByText('Elif Karataş').click();
  await grid.waitForTimeout(300);

  // 5. the approval form now knows it is Elif's İGU assignment: class, minutes and capacity judged
  const form = await openMarked('flow/3-approval.html');
  const record = form.locator('[data-katip-status]');
  await form.waitForFunction(() => document.querySelector('[data-katip-status]')?.getAttribute('data-katip-rules') === 'certificate-class minutes-below-minimum over-capacity');
  assert.equal(await record.getAttribute('data-katip-status'), 'error');
  // the bar beside "Kayıt" lists the three errors, one line each, with their numbers
  const bar = form.locator('[data-katip-ui="approval-bar"]');
  await form.waitForFunction(() => document.querySelector('[data-katip-ui="approval-bar"]')?.shadowRoot?.textContent?.includes('3 hata'));
  const lines = await bar.evaluate((host) => [...host.shadowRoot.querySelectorAll('li')].map((li) => li.textContent));
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.ok(lines.some((l) => /4\.800 dk gerekli/.test(l) && /2\.400/.test(l)), lines.join('\n'));
  assert.equal(await bar.evaluate((host) => host.previousElementSibling?.textContent), 'Kayıt');


  // 6. the popup lists Elif's pending approval; its checklist shows the steps seen
  const popup = await suite.browser.openExtensionPage('popup');
  const item = popup.getByRole('button', { name: /Elif Karataş|ELİF KARATAŞ/ });
  await item.first().waitFor({ timeout: 5000 });
  await item.first().click();
  const workplaceStep = popup.getByRole('checkbox', { name: /İşyerini seçin/ });
  await workplaceStep.first().waitFor({ timeout: 5000 });
  assert.equal(await workplaceStep.first().isChecked(), true);
  // the form was seen but "Kayıt" was not pressed: step 8 stays open (the checklist never runs ahead of the portal)
  const formStep = popup.getByRole('checkbox', { name: /SÖZLEŞME ONAY/ });
  assert.equal(await formStep.first().isChecked(), false);
  assert.deepEqual(suite.browser.foreignRequests, []);
});
