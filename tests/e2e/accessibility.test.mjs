// Accessibility of what the extension shows: the popup, the options page and, in the portal page,
// the markers, the tooltip and the approval bar, checked with axe-core in Chromium (WCAG 2 A/AA rules; serious and critical violations fail).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const suite = useBrowserSuite();
test('popup and options pages have no serious accessibility violations', async () => {
  for (const name of ['popup', 'options']) {
    const page = await suite.browser.openExtensionPage(name);
    await page.waitForTimeout(500);
    assert.deepEqual(await axeViolations(page), [], `${name}.html`);
    await page.close();
  }
});

test('the side panel beside a portal page with findings has no serious accessibility violations, in both groupings', async () => {
  const panel = await suite.browser.openExtensionPage('sidepanel');
  const page = await suite.browser.openFixture('new-contracts/plain.html');
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  await page.bringToFront();
  // the panel follows the active tab: the portal page's findings appear
  await panel.getByRole('radio', { name: 'Kayda göre' }).waitFor({ timeout: 5000 });
  assert.deepEqual(await axeViolations(panel), [], 'sidepanel.html by record');
  await panel.getByRole('radio', { name: 'Kurala göre' }).check();
  await panel.locator('details summary').first().click();
  assert.deepEqual(await axeViolations(panel), [], 'sidepanel.html by rule');
  await panel.close();
  await page.close();
});

test('the in-page markers, the open tooltip and the approval bar have no serious accessibility violations', async () => {
  const page = await suite.browser.openFixture('new-contracts/plain.html');
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  const marker = page.locator('[data-katip-ui="mark"][tabindex="0"]').first();
  await marker.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-katip-ui="tooltip"]')?.shadowRoot?.querySelector('.tip')?.hidden);
  assert.deepEqual(await axeViolations(page, '[data-katip-ui="mark"]'), [], 'markers');
  assert.deepEqual(await axeViolations(page, '[data-katip-ui="tooltip"]'), [], 'tooltip');
  await page.keyboard.press('Escape');
  await page.close();

  const form = await suite.browser.openFixture('flow/3-approval.html');
  await waitForNoProblems(() => pageProblems(form), { timeout: 5000 });
  await form.locator('[data-katip-ui="approval-bar"]').waitFor({ state: 'attached' });
  assert.deepEqual(await axeViolations(form, '[data-katip-ui="approval-bar"]'), [], 'approval bar');
  await form.close();
});
