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

/** Presses Tab until `isTarget` holds for the focused element (evaluated in the page), at most `max` times; returns how many presses it took. */
async function tabUntil(page, isTarget, { max = 40, arg } = {}) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget, arg)) return presses;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`not reached with ${max} Tab presses; focus is on ${at}`);
}

const focusedMark = () => document.activeElement?.getAttribute('data-katip-ui') === 'mark';
const tipText = () => {
  const tip = document.querySelector('[data-katip-ui="tooltip"]')?.shadowRoot?.querySelector('.tip');
  return tip && !tip.hidden ? tip.textContent : null;
};

// Continues the session above: the workplace profile is entered and Elif's row was selected, so the
// SÖZLEŞME ONAY form is judged with its three errors.
test('keyboard only: Tab to the mark, its tooltip names the errors, the bar beside "Kayıt" lists them, Escape closes, the popup checklist ticks with Space', async () => {
  const form = await openMarked('flow/3-approval.html');
  await form.waitForFunction(() => document.querySelector('[data-katip-status]')?.getAttribute('data-katip-rules') === 'certificate-class minutes-below-minimum over-capacity');
  await form.locator('body').focus();

  // Tab reaches the mark; focusing it opens the tooltip, which names each error with its numbers
  const presses = await tabUntil(form, focusedMark);
  assert.ok(presses <= 12, `the mark took ${presses} Tab presses`);
  await form.waitForFunction(tipText);
  const shown = await form.evaluate(tipText);
  for (const title of ['İGU sertifika sınıfı tehlike sınıfına uymuyor', 'Aylık süre asgari sürenin altında', 'Süre kalan kapasiteyi aşıyor']) {
    assert.ok(shown.includes(title), `the tooltip names "${title}": ${shown}`);
  }
  assert.match(shown, /4\.800/);

  // Enter pins it (it has no control here to move focus into: focus stays on the mark); Escape closes it
  await form.keyboard.press('Enter');
  await form.waitForTimeout(300);
  assert.equal(await form.evaluate(tipText), shown, 'the tooltip stays open after Enter');
  assert.equal(await form.evaluate(focusedMark), true, 'focus stays on the mark');
  await form.keyboard.press('Escape');
  await form.waitForFunction(() => document.querySelector('[data-katip-ui="tooltip"]')?.shadowRoot?.querySelector('.tip')?.hidden);
  assert.equal(await form.evaluate(focusedMark), true, 'focus is back on the mark');

  // the approval bar sits right after "Kayıt", visible, and lists the three errors one per line
  const bar = form.locator('[data-katip-ui="approval-bar"]');
  assert.equal(await bar.evaluate((host) => host.previousElementSibling?.textContent), 'Kayıt');
  const kayit = await form.getByRole('button', { name: 'Kayıt' }).boundingBox();
  const barBox = await bar.boundingBox();
  assert.ok(barBox && barBox.width > 0 && Math.abs(barBox.y - kayit.y) < 80, `the bar is beside "Kayıt": ${JSON.stringify({ kayit, barBox })}`);
  const lines = await bar.evaluate((host) => [...host.shadowRoot.querySelectorAll('li')].map((li) => li.textContent));
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(await bar.evaluate((host) => host.shadowRoot.textContent), /3 hata/);

  // the popup, by keyboard: Tab to Elif's pending approval, Enter opens its checklist, Space ticks a step
  const popup = await suite.browser.openExtensionPage('popup');
  await popup.locator('.katip-pending-item').first().waitFor({ timeout: 5000 });
  await tabUntil(popup, () => /Elif Karataş|ELİF KARATAŞ/.test(document.activeElement?.textContent ?? '') && document.activeElement?.getAttribute('aria-expanded') === 'false', { max: 60 });
  const item = popup.locator(':focus');
  assert.match(await item.innerText(), /Hatalı/, 'the pending approval carries the error mark');
  await popup.keyboard.press('Enter');
  await popup.getByRole('checkbox').first().waitFor({ timeout: 5000 });
  const progress = () => popup.locator('.katip-checklist .katip-progress').first().innerText();
  const before = await progress();
  await tabUntil(popup, () => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement && el.type === 'checkbox' && !el.checked && el.getAttribute('aria-invalid') !== 'true';
  });
  const step = popup.locator(':focus');
  const stepName = await step.evaluate((el) => el.labels?.[0]?.textContent);
  await popup.keyboard.press('Space');
  const ticked = popup.getByRole('checkbox', { name: stepName });
  await popup.waitForFunction((name) => [...document.querySelectorAll('.katip-checklist input[type="checkbox"]')].some((c) => c.labels?.[0]?.textContent === name && c.checked), stepName, { timeout: 5000 });
  assert.equal(await ticked.isChecked(), true, `"${stepName}" ticked with Space`);
  const [doneBefore] = before.match(/\d+/);
  await popup.waitForFunction((n) => document.querySelector('.katip-checklist .katip-progress')?.textContent?.startsWith(`${n}/`), Number(doneBefore) + 1, { timeout: 5000 });
  await popup.close();
  await form.close();
  assert.deepEqual(suite.browser.foreignRequests, []);
});
