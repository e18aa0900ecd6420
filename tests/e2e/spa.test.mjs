// The new interface as a single-page application: the menu swaps the content and pushes a URL with
// no page load. The extension follows: it marks the contracts list when it appears and leaves
// nothing behind when the user navigates away (PAGE-CONTRACT.md; issue "screens": SPA navigation).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageProblems, useBrowserSuite, waitForNoProblems } from './harness.mjs';

const suite = useBrowserSuite();

test('SPA navigation: the contracts list is marked when it appears and unmarked when it goes', async () => {
  const page = await suite.browser.openFixture('spa/portal.html');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-katip-screen')), null);

  await page.getByRole('link', { name: 'İSG Hizmet Sözleşmeleri' }).click();
  assert.equal(new URL(page.url()).pathname, '/spa/sozlesmeler');
  await waitForNoProblems(() => pageProblems(page), { timeout: 5000 });
  // a C class İGU in a çok tehlikeli workplace (the page shows both): an error with its rule
  const first = page.locator('tr[data-expect-kind]').first();
  assert.equal(await first.getAttribute('data-katip-status'), 'error');
  assert.ok((await first.getAttribute('data-katip-rules')).split(' ').includes('certificate-class'));

  await page.getByRole('link', { name: 'Anasayfa' }).click();
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-katip-screen'), null, { timeout: 5000 });
  const leftovers = await page.evaluate(() => document.querySelectorAll('[data-katip-status], [data-katip-rules], [data-katip-ui]').length);
  assert.equal(leftovers, 0, 'marks, badges or the panel stayed after leaving the screen');
  assert.deepEqual(suite.browser.foreignRequests, []);
  await page.close();
});
