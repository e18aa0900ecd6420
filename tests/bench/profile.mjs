// `node tests/bench/profile.mjs [rows] [--rejudge]`: a CPU profile of the content script's scan of an
// n-row contract list in real Chromium (CDP Profiler over the page's renderer, the built extension,
// KATIP_DIST to point at another build, e.g. an unminified one). Prints the functions with the most
// self time and the total per script, and writes .output/profile-<rows>.cpuprofile (open it in
// Chromium's DevTools, Performance panel). A measuring tool, not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_ORIGIN, ROOT, launchBrowser, startPortal } from '../e2e/harness.mjs';
import { oldContractsPage } from '../e2e/harness-pages.mjs';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 2000);
const rejudge = process.argv.includes('--rejudge');
const portal = await startPortal({ extraPages: { [`bench/contracts-${rows}.html`]: oldContractsPage(rows) } });
const browser = await launchBrowser({ port: portal.port });
const page = await browser.context.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (!rejudge) await cdp.send('Profiler.start');
await page.goto(`${PORTAL_ORIGIN}/bench/contracts-${rows}.html`, { waitUntil: 'load' });
await page.waitForFunction(() => document.documentElement.getAttribute('data-katip-scan-ms'), null, { timeout: 60_000 });
if (rejudge) {
  await page.waitForTimeout(1000);
  await cdp.send('Profiler.start');
  const t0 = await page.evaluate(() => window.__replaceRows(50));
  await page.waitForFunction((since) => window.__probe.scans.some(([t]) => t > since), t0, { timeout: 20_000 });
}
await page.waitForTimeout(600);
const { profile } = await cdp.send('Profiler.stop');
const scanMs = await page.evaluate(() => window.__probe.scans.map(([, v]) => v));
await browser.close();
await portal.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0) / 1000));
const byFn = new Map();
const byUrl = new Map();
for (const [id, ms] of self) {
  const { callFrame: f } = byId.get(id);
  const url = f.url.replace(/^.*\/\/[^/]+\//, '') || '(native)';
  const key = `${f.functionName || '(anonymous)'}  ${url}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
  byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${rows} rows${rejudge ? ', re-judge after 50 rows replaced' : ''}; data-katip-scan-ms: ${scanMs.join(', ')}`);
console.log('\nself time by script:');
for (const [u, ms] of top(byUrl, 10)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${u}`);
console.log('\nself time by function:');
for (const [k, ms] of top(byFn, 40)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`);
mkdirSync(join(ROOT, '.output'), { recursive: true });
writeFileSync(join(ROOT, `.output/profile-${rows}${rejudge ? '-rejudge' : ''}.cpuprofile`), JSON.stringify(profile));
