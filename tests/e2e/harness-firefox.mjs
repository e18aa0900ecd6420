// End-to-end harness for Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi,
// the built Firefox extension (.output/firefox-mv2) installed as a temporary add-on, the fixtures
// served as the portal on port 443 (Firefox has no host-resolver rules: network.dns.forceResolve
// sends every host name to 127.0.0.1). Pages are puppeteer pages; frames(), url() and
// evaluate(fn, arg) work as in Playwright, so the harness's pageProblems() checks them as well.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';
import { PORTAL_HOSTS, ROOT, isLocalRequest, startPortal } from './harness.mjs';

export const FIREFOX_DIST = process.env.KATIP_FIREFOX_DIST ? resolve(process.env.KATIP_FIREFOX_DIST) : join(ROOT, '.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Launch Firefox with the built add-on. Its moz-extension:// UUID is chosen here (pref
 * extensions.webextensions.uuids), so the popup and options open at `extensionUrl(name)`. Every
 * request of every page is recorded in `requests`; those leaving the fake portal in `foreignRequests`.
 */
export async function launchFirefox() {
  const manifest = join(FIREFOX_DIST, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`${FIREFOX_DIST} has no build: run \`wxt build -b firefox\` first`);
  const geckoId = JSON.parse(readFileSync(manifest, 'utf8')).browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'intl.accept_languages': 'tr-TR, tr',
    },
  });
  const requests = [];
  const foreignRequests = [];
  const watch = (page) => {
    page.on('request', (request) => {
      const url = request.url();
      requests.push({ url, from: page.url() });
      if (!isLocalRequest(url)) foreignRequests.push(url);
    });
  };
  for (const page of await browser.pages()) watch(page);
  browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    if (page) watch(page);
  });
  const addonId = await browser.installExtension(FIREFOX_DIST);
  return {
    browser,
    geckoId,
    addonId,
    uuid,
    requests,
    foreignRequests,
    extensionUrl: (name) => `moz-extension://${uuid}/${name}.html`,
    /** Open a fixture (path relative to tests/fixtures, or a generated page) as the portal page. */
    async openFixture(path, { host = PORTAL_HOSTS[0] } = {}) {
      const page = await browser.newPage();
      await page.goto(`https://${host}/${encodeURI(path)}`, { waitUntil: 'load' });
      return page;
    },
    /** Open an extension page: 'popup', 'options' or 'sidepanel'. */
    async openExtensionPage(name) {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${name}.html`;
      // the page loads, but puppeteer never hears its navigation events: do not wait for them
      page.goto(url, { timeout: 10_000 }).catch(() => {});
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const at = await page.evaluate(() => (document.readyState === 'complete' ? location.href : null)).catch(() => null);
        if (at === url) return page;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error(`${url} did not load within 10 s`);
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/** For a node:test file: the fake portal on port 443 and Firefox with the add-on, before and after the tests. */
export function useFirefoxSuite({ extraPages } = {}) {
  let portal;
  let firefox;
  before(async () => {
    portal = await startPortal({ extraPages, port: 443 });
    firefox = await launchFirefox();
  });
  after(async () => {
    await firefox?.close();
    await portal?.close();
  });
  return {
    get portal() {
      return portal;
    },
    get firefox() {
      return firefox;
    },
  };
}

/**
 * Runs in a page (passed to page.evaluate as a function: the extension pages' CSP forbids eval): the visible
 * text, once no "Yükleniyor…/Loading…" status is left and it holds `want` (else null).
 */
export function settledText(want) {
  const loading = [...document.querySelectorAll('[role=status]')].some((el) => /Yükleniyor|Loading/.test(el.textContent ?? ''));
  const text = document.body?.innerText ?? '';
  return loading || !text.trim() || (want && !text.includes(want)) ? null : text;
}
