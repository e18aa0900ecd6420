// `node tests/bench/profile-opens.mjs`: where the popup's and the options page's first content goes
// with 25,000 assignments in the mirror (the lists of tests/bench/mirror.mjs stored first). For
// each page: a CPU profile from navigation to first content (CDP Profiler in the page's renderer),
// the self time by script and by function, and a timeline of what ran in each 20 ms; writes
// .output/profile-open-<page>.cpuprofile (Chromium DevTools, Performance panel). Builds first
// unless KATIP_SKIP_BUILD is set. A measuring tool, not a test.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, startPortal } from '../e2e/harness.mjs';
import { assignmentCount, measureMirror, mirrorPages, waitForFirstContent } from './mirror.mjs';

if (!process.env.KATIP_SKIP_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const pages = names.length ? names : ['popup', 'options'];
const portal = await startPortal({ extraPages: mirrorPages(1) });
const browser = await launchBrowser({ port: portal.port });
try {
  await measureMirror(browser, { reps: 1 });
  console.log(`${await assignmentCount(browser)} assignments stored`);
  for (const name of pages) for (let round = 0; round < 2; round++) await profileOpen(name, round);
} finally {
  await browser.close();
  await portal.close();
}

async function profileOpen(name, round) {
  const page = await browser.context.newPage();
  // same origin first, so the profiler runs in the renderer that will load the page
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`chrome-extension://${browser.extensionId}/${name}.html`, { waitUntil: 'commit' });
  const shown = await waitForFirstContent(page);
  const { profile } = await cdp.send('Profiler.stop');
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const scripts = performance.getEntriesByType('resource').map((r) => `${r.name.replace(/^.*\//, '')} ${r.startTime.toFixed(0)}→${r.responseEnd.toFixed(0)}`);
    return { domInteractive: n?.domInteractive, dcl: n?.domContentLoadedEventEnd, scripts };
  });
  await page.close();
  console.log(`\n=== ${name} (round ${round + 1}): first content at ${shown.toFixed(1)} ms; domInteractive ${nav.domInteractive?.toFixed(1)}, DOMContentLoaded ${nav.dcl?.toFixed(1)}`);
  console.log(`resources: ${nav.scripts.join('; ')}`);
  if (round === 0) return; // the first open warms the code cache, as a user's second open would be
  summarise(profile);
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  writeFileSync(join(ROOT, `.output/profile-open-${name}.cpuprofile`), JSON.stringify(profile));
}

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id) => {
    const f = byId.get(id).callFrame;
    const url = f.url.replace(/^.*\/\/[^/]+\//, '') || '';
    return `${f.functionName || '(anonymous)'}${url ? ` ${url}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
  };
  const self = new Map();
  const byUrl = new Map();
  const windows = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    t += profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + ms);
    const f = byId.get(id).callFrame;
    const url = f.url.replace(/^.*\/\/[^/]+\//, '') || `(${f.functionName || 'native'})`;
    byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
    // the timeline names the outermost frame of the bundle (what started the work) and the leaf
    let top = id;
    let outer = null;
    for (let p = id; p !== undefined; p = parent.get(p)) {
      if (byId.get(p).callFrame.url) outer = p;
      top = p;
    }
    const w = Math.floor((t - profile.startTime) / 20_000);
    const win = windows.get(w) ?? new Map();
    const what = f.functionName === '(idle)' || f.functionName === '(program)' || f.functionName === '(garbage collector)' ? f.functionName : `${outer ? label(outer).slice(0, 60) : label(top)} > ${label(id).slice(0, 70)}`;
    win.set(what, (win.get(what) ?? 0) + ms);
    windows.set(w, win);
  });
  const byFn = new Map();
  for (const [id, ms] of self) byFn.set(label(id), (byFn.get(label(id)) ?? 0) + ms);
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('self time by script:');
  for (const [u, ms] of top(byUrl, 8)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${u}`);
  console.log('self time by function:');
  for (const [k, ms] of top(byFn, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  console.log('timeline (20 ms windows, the two largest shares):');
  for (const [w, win] of [...windows].sort((a, b) => a[0] - b[0])) {
    console.log(`${String(w * 20).padStart(5)} ms  ${top(win, 2).map(([k, ms]) => `${ms.toFixed(1)} ${k}`).join(' | ')}`);
  }
}
