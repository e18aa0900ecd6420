// A big grid (light marks) in real Chromium: every row carries its PAGE-CONTRACT attributes at once,
// but only the rows on screen (and a screen around them) get their cells' marks; the others get
// theirs when the user scrolls to them (restyling a cell of a long table costs a long rendering task).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PORTAL_ORIGIN, useBrowserSuite } from './harness.mjs';
import { oldContractsPage } from './harness-pages.mjs';

const suite = useBrowserSuite({ extraPages: { 'big/contracts-2000.html': oldContractsPage(2000) } });

const lit = (page, index) => page.evaluate((i) => !!document.querySelectorAll('#rows tr')[i].querySelector('[data-katip-mark]'), index);

test('a 2,000-row list: every row is a record at once; a row far below gets its light mark when scrolled to', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${PORTAL_ORIGIN}/big/contracts-2000.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-katip-scan-ms'), null, { timeout: 30_000 });
  assert.equal(await page.locator('#rows tr[data-katip-status]').count(), 2000);
  assert.equal(await lit(page, 0), true, 'the first row, on screen, has its light mark');
  assert.equal(await lit(page, 1500), false, 'a row far below waits');
  await page.evaluate(() => document.querySelectorAll('#rows tr')[1500].scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => !!document.querySelectorAll('#rows tr')[1500].querySelector('[data-katip-mark]'), null, { timeout: 5_000 });
  // the mark tells its findings on hover, as any light mark
  await page.locator('#rows tr').nth(1500).locator('[data-katip-mark]').hover();
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-katip-ui="tooltip"]');
    const tip = host?.shadowRoot?.querySelector('.tip');
    return tip && !tip.hidden && tip.textContent.length > 0;
  }, null, { timeout: 5_000 });
  assert.equal(await lit(page, 0), true, 'the rows seen before keep theirs');
  await page.close();
});
