// `npm run demo`: the fixtures served as the İSG-KATİP portal, opened in Chromium with the built extension.
// With a display: a headed browser on the index page, open until Ctrl+C. Without: one screenshot per fixture in .output/screenshots/,
// then the side panel, popup and options sections in Turkish and English (KATIP_DEMO_FIXTURES=<regexp> limits the fixtures).
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_ORIGIN, ROOT, launchBrowser, listFixtures, setLanguage, startPortal } from './harness.mjs';

const headed = Boolean(process.env.DISPLAY);
if (!process.env.KATIP_SKIP_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

const portal = await startPortal();
const browser = await launchBrowser({ port: portal.port, headless: !headed });
const shutdown = async () => {
  await browser.close();
  await portal.close();
};

if (headed) {
  const page = await browser.context.newPage();
  await page.goto(`${PORTAL_ORIGIN}/`);
  console.log(`Örnek portal açık / fixture portal open: ${PORTAL_ORIGIN}/ (127.0.0.1:${portal.port})`);
  console.log(`Eklenti / extension: chrome-extension://${browser.extensionId}/popup.html`);
  console.log('Kapatmak için Ctrl+C / press Ctrl+C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', stop);
} else {
  const outDir = join(ROOT, '.output', 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const shots = [];
  const take = async (page, name) => {
    const file = join(outDir, `${name.replace(/[^a-zA-Z0-9._-]+/g, '_')}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 15000 });
    } catch {
      // a page too tall to paint whole (the bad-page corpus): its first screen, said so
      await page.screenshot({ path: file, timeout: 15000 });
      console.log(`(only the first screen: the whole page could not be painted in 15 s)`);
    }
    shots.push(file);
    console.log(file);
  };
  const index = await browser.context.newPage();
  await index.goto(`${PORTAL_ORIGIN}/`);
  await take(index, '00-index');
  await index.close();

  // KATIP_DEMO_FIXTURES=<regular expression> keeps only the fixtures whose path matches ("^$" for none)
  const only = process.env.KATIP_DEMO_FIXTURES === undefined ? undefined : new RegExp(process.env.KATIP_DEMO_FIXTURES);
  for (const fixture of listFixtures().filter((f) => !only || only.test(f.path))) {
    const page = await browser.openFixture(fixture.path);
    try {
      if (fixture.expectScreen) {
        // Wait for the marks (any frame), but show whatever is there after 5 s.
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline) {
          let marked = false;
          for (const frame of page.frames()) {
            marked ||= await frame
              .evaluate(() => document.documentElement.hasAttribute('data-katip-screen'))
              .catch(() => false);
          }
          if (marked) break;
          await page.waitForTimeout(100);
        }
        await page.waitForTimeout(200);
        const toggle = page.locator('[data-katip-panel-toggle]');
        if ((await toggle.count()) > 0) {
          await toggle.first().click().catch(() => {});
          await page.waitForTimeout(300);
        }
      } else {
        await page.waitForTimeout(500);
      }
      await take(page, fixture.path.replace(/\.html?$/i, ''));
    } finally {
      await page.close();
    }
  }
  // The extension's own pages in both languages: the side panel and the popup beside a portal page
  // with findings (the page is the active tab), and each options section.
  for (const lang of ['tr', 'en']) {
    await setLanguage(browser, lang);
    for (const fixture of ['new-contracts/plain.html', 'old-contracts/plain.html', 'flow/3-approval.html']) {
      const panel = await browser.openExtensionPage('sidepanel');
      await panel.setViewportSize({ width: 400, height: 900 });
      const popup = await browser.openExtensionPage('popup');
      await popup.setViewportSize({ width: 400, height: 600 });
      const page = await browser.openFixture(fixture);
      await page.bringToFront();
      await page.waitForTimeout(1500);
      const name = fixture.replace(/\.html$/, '').replace(/\//g, '-');
      await take(page, `zz-page-${lang}-${name}`);
      await take(panel, `zz-sidepanel-${lang}-${name}`);
      const byRule = panel.getByRole('radio', { name: /Kurala göre|By rule/ });
      if ((await byRule.count()) > 0) {
        await byRule.check();
        await panel.waitForTimeout(300);
        await take(panel, `zz-sidepanel-${lang}-${name}-by-rule`);
        await panel.getByRole('radio', { name: /Kayda göre|By record/ }).check();
      }
      await popup.reload();
      await popup.waitForTimeout(800);
      await take(popup, `zz-popup-${lang}-${name}`);
      await Promise.all([page.close(), panel.close(), popup.close()]);
    }
    const options = await browser.openExtensionPage('options');
    await options.waitForTimeout(600);
    await take(options, `zz-options-${lang}`);
    const shootSection = async (section, suffix = '') => {
      const el = options.locator(`#${section}`);
      await el.scrollIntoViewIfNeeded();
      const file = join(outDir, `zz-options-${lang}-${section}${suffix}.png`);
      await el.screenshot({ path: file });
      shots.push(file);
      console.log(file);
    };
    for (const section of ['isyerleri', 'kurallar', 'araclar', 'verilerim', 'gizlilik']) await shootSection(section);
    // the screens behind a press: the profile form submitted empty, the tools with results, the delete confirmation
    const en = lang === 'en';
    await options.getByRole('button', { name: en ? 'New workplace profile' : 'Yeni işyeri profili' }).click();
    await options.locator('.options-profile-form').getByRole('button', { name: en ? 'Save' : 'Kaydet' }).click();
    await shootSection('isyerleri', '-form');
    await options.locator('.options-profile-form').getByRole('button', { name: en ? 'Cancel' : 'Vazgeç' }).click();
    await options.getByLabel(en ? 'NACE code or activity' : 'NACE kodu veya faaliyet').fill('43.22');
    await options.getByLabel(en ? 'Employees' : 'Çalışan sayısı', { exact: true }).last().fill('1240');
    await options.waitForTimeout(300);
    await shootSection('araclar', '-results');
    await options.getByRole('button', { name: en ? 'Delete everything' : 'Tüm verileri sil' }).click();
    await shootSection('verilerim', '-confirm');
    await options.close();
  }
  console.log(`${shots.length} ekran görüntüsü / screenshots in ${outDir}`);
  if (browser.foreignRequests.length) {
    console.log(`UYARI / WARNING: requests left the machine: ${browser.foreignRequests.join(', ')}`);
  }
  await shutdown();
}
