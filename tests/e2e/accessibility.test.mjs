// Accessibility of what the extension shows: the popup, the side panel, each options section (İşyerleri,
// Kurallar, Araçlar, Verilerim, Gizlilik) in Turkish and in English, and, in the portal page, the
// markers, the tooltip and the approval bar, checked with axe-core in Chromium (WCAG 2 A/AA rules;
// serious and critical violations fail).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations as violations, pageProblems, setLanguage, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const suite = useBrowserSuite();
const LANGS = ['tr', 'en'];
const SECTIONS = ['isyerleri', 'kurallar', 'araclar', 'verilerim', 'gizlilik'];
const WORDS = {
  tr: { byRecord: 'Kayda göre', byRule: 'Kurala göre', newProfile: 'Yeni işyeri profili', save: 'Kaydet', nace: 'NACE kodu veya faaliyet', employees: 'Çalışan sayısı', deleteAll: 'Tüm verileri sil' },
  en: { byRecord: 'By record', byRule: 'By rule', newProfile: 'New workplace profile', save: 'Save', nace: 'NACE code or activity', employees: 'Employees', deleteAll: 'Delete everything' },
};


/**
 * Turkish interface words and Turkish number formats in what an English page shows (its text and its
 * shadow roots' text), leaving out what is marked lang="tr" (legal sources, the NACE list) and form values.
 * Portal data (names, titles) holds none of these words.
 */
const TURKISH_UI = /(?<![\p{L}])(dk|İGU|İH|DSP|Hata|Uyarı|Veri eksik|Uygun|Kaydet|Vazgeç|Sil|Tehlikeli|tam süreli|kısmi süreli|çalışan|kayıt|kaydı|işyeri|sözleşme|gerekli|eksik|görüldü)(?![\p{L}])|\d\.\d{3}(?!\d)/u;
async function turkishLeaks(page, selector) {
  return page.evaluate(
    ({ selector, source }) => {
      const pattern = new RegExp(source, 'u');
      const out = [];
      const walk = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let node = walker.currentNode; node; node = walker.nextNode()) {
          if (node.nodeType === 1) {
            if (node.shadowRoot) walk(node.shadowRoot);
            continue;
          }
          const parent = node.parentElement;
          if (!parent || parent.closest('[lang="tr"], script, style, option:not(:checked)') || parent.closest('[hidden]')) continue;
          const text = node.textContent.trim();
          const hit = text && text.match(pattern);
          if (hit) out.push(`"${hit[0]}" in "${text.slice(0, 100)}"`);
        }
      };
      for (const root of selector ? document.querySelectorAll(selector) : [document.body]) walk(root);
      return out;
    },
    { selector: selector ?? null, source: TURKISH_UI.source },
  );
}

async function openMarked(path) {
  const page = await suite.browser.openFixture(path);
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  return page;
}

for (const lang of LANGS) {
  const w = WORDS[lang];

  test(`${lang}: the popup and the side panel beside a portal page with findings, in both groupings`, async () => {
    await setLanguage(suite.browser, lang);
    const panel = await suite.browser.openExtensionPage('sidepanel');
    const popup = await suite.browser.openExtensionPage('popup');
    const page = await openMarked('new-contracts/plain.html');
    await page.bringToFront();
    // the panel follows the active tab: the portal page's findings appear
    await panel.getByRole('radio', { name: w.byRecord }).waitFor({ timeout: 5000 });
    assert.equal(await panel.evaluate(() => document.documentElement.lang), lang, 'side panel <html lang>');
    assert.deepEqual(await violations(panel), [], `sidepanel.html (${lang}) by record`);
    await panel.getByRole('radio', { name: w.byRule }).check();
    await panel.locator('details summary').first().click();
    assert.deepEqual(await violations(panel), [], `sidepanel.html (${lang}) by rule`);
    if (lang === 'en') assert.deepEqual(await turkishLeaks(panel), [], 'sidepanel.html in English');

    await popup.reload();
    await popup.locator('.katip-pending-item').first().waitFor({ timeout: 5000 });
    assert.equal(await popup.evaluate(() => document.documentElement.lang), lang, 'popup <html lang>');
    assert.deepEqual(await violations(popup), [], `popup.html (${lang})`);
    // a pending approval opened: its checklist
    await popup.locator('.katip-pending button[aria-expanded]').first().click();
    await popup.getByRole('checkbox').first().waitFor({ timeout: 5000 });
    assert.deepEqual(await violations(popup), [], `popup.html (${lang}) with a checklist open`);
    if (lang === 'en') assert.deepEqual(await turkishLeaks(popup), [], 'popup.html in English');
    await Promise.all([page.close(), panel.close(), popup.close()]);
  });

  test(`${lang}: each options section, also with the profile form, search results and confirmations open`, async () => {
    await setLanguage(suite.browser, lang);
    // workplaces and pending approvals to list
    await (await openMarked('new-contracts/plain.html')).close();
    const options = await suite.browser.openExtensionPage('options');
    await options.locator('#gizlilik').waitFor({ timeout: 5000 });
    assert.equal(await options.evaluate(() => document.documentElement.lang), lang, 'options <html lang>');
    for (const section of SECTIONS) {
      assert.deepEqual(await violations(options, `#${section}`), [], `options.html#${section} (${lang})`);
    }
    // İşyerleri: the new profile form, submitted empty (its errors shown beside the fields)
    await options.getByRole('button', { name: w.newProfile }).click();
    await options.locator('.options-profile-form').getByRole('button', { name: w.save }).click();
    await options.locator('.options-profile-form [aria-invalid="true"]').first().waitFor();
    assert.deepEqual(await violations(options, '#isyerleri'), [], `options.html#isyerleri (${lang}) with the form's errors`);
    // Araçlar: NACE results and a calculator result
    await options.getByLabel(w.nace).fill('43.22');
    await options.locator('.katip-nace-lookup table').waitFor();
    await options.getByLabel(w.employees, { exact: true }).last().fill('600');
    await options.locator('.katip-calc-result').waitFor();
    assert.deepEqual(await violations(options, '#araclar'), [], `options.html#araclar (${lang}) with results`);
    // Verilerim: the delete-everything confirmation (not confirmed)
    await options.getByRole('button', { name: w.deleteAll }).click();
    await options.locator('#verilerim .options-confirm').waitFor();
    assert.deepEqual(await violations(options, '#verilerim'), [], `options.html#verilerim (${lang}) confirming`);
    if (lang === 'en') assert.deepEqual(await turkishLeaks(options), [], 'options.html in English');
    await options.close();
  });
}

for (const lang of LANGS) {
  test(`${lang}: the in-page markers, the open tooltip and the approval bar have no serious accessibility violations`, async () => {
    await setLanguage(suite.browser, lang);
    const page = await openMarked('new-contracts/plain.html');
    const marker = page.locator('[data-katip-ui="mark"][tabindex="0"]').first();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-katip-ui="tooltip"]')?.shadowRoot?.querySelector('.tip')?.hidden);
    assert.deepEqual(await violations(page, '[data-katip-ui="mark"]'), [], `markers (${lang})`);
    assert.deepEqual(await violations(page, '[data-katip-ui="tooltip"]'), [], `tooltip (${lang})`);
    if (lang === 'en') assert.deepEqual(await turkishLeaks(page, '[data-katip-ui="tooltip"]'), [], 'tooltip in English');
    await page.keyboard.press('Escape');
    await page.close();

    const form = await openMarked('flow/3-approval.html');
    await form.locator('[data-katip-ui="approval-bar"]').waitFor({ state: 'attached' });
    assert.deepEqual(await violations(form, '[data-katip-ui="approval-bar"]'), [], `approval bar (${lang})`);
    if (lang === 'en') assert.deepEqual(await turkishLeaks(form, '[data-katip-ui="approval-bar"]'), [], 'approval bar in English');
    await form.close();
  });
}
