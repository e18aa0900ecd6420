// `node tests/bench/injection.mjs [loads] [dist …]`: what injecting the content script costs the page
// load of a 2,000-row contract list in real Chromium. For each build (default: .output/chrome-mv3) and
// for a browser without the extension, loads alternate (one of each in turn, after one warm-up load
// each); every load is traced (CDP Tracing, devtools.timeline) and reports the content script's
// injection task (its EvaluateScript: compile and top-level evaluation of content.js, wxt's context
// setup, startContentScript), all content.js tasks that ran before the load event, and the page's
// load event (loadEventStart), also counted from the end of DOMContentLoaded (less noisy: the
// parse and the network are left out; a document_idle script holds the load event past the page's
// first layout and paint). Prints min and median per
// build. A measuring tool, not a test; run it niced (`nice -n -15`) on a shared machine.
import { PORTAL_ORIGIN, launchBrowser, startPortal } from '../e2e/harness.mjs';
import { oldContractsPage } from '../e2e/harness-pages.mjs';

const loads = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 9);
const dists = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const PATH = 'bench/injection-2000.html';
const portal = await startPortal({ extraPages: { [PATH]: oldContractsPage(2000) } });
const variants = [
  ...(dists.length ? dists : [undefined]).map((dist) => ({ name: dist ?? 'default build', dist })),
  { name: 'without the extension', extension: false },
];
for (const v of variants) {
  v.browser = await launchBrowser({ port: portal.port, extension: v.extension ?? true, ...(v.dist ? { dist: v.dist } : {}) });
  v.results = [];
}

/** One traced load: the content script's EvaluateScript (ms, null without one) and loadEventStart. */
async function tracedLoad(browser) {
  const page = await browser.context.newPage();
  // same site first: the bench page then loads in this renderer, which the trace follows
  await page.goto(`${PORTAL_ORIGIN}/nothing-here.txt`).catch(() => {});
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline'] } });
  await page.goto(`${PORTAL_ORIGIN}/${PATH}`, { waitUntil: 'load', timeout: 60_000 });
  const { load, afterDcl } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { load: nav.loadEventStart, afterDcl: nav.loadEventStart - nav.domContentLoadedEventEnd };
  });
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const ours = (e) => e.ph === 'X' && /^(EvaluateScript|FunctionCall)$/.test(e.name) && e.args?.data?.url?.endsWith('/content-scripts/content.js');
  const inject = events.find((e) => ours(e) && e.name === 'EvaluateScript');
  if (!inject) return { inject: null, beforeLoad: null, load, afterDcl };
  // every entry into content.js (outermost only) that ended before this frame's load event
  const loadMark = events.find((e) => e.name === 'MarkLoad' && e.args?.data?.frame === inject.args.data.frame && e.ts >= inject.ts);
  let beforeLoad = 0;
  let until = -Infinity;
  for (const e of events.filter(ours).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < until || (loadMark && e.ts + e.dur > loadMark.ts)) continue;
    beforeLoad += e.dur / 1000;
    until = e.ts + e.dur;
  }
  return { inject: inject.dur / 1000, beforeLoad: loadMark ? beforeLoad : null, load, afterDcl };
}

for (const v of variants) await tracedLoad(v.browser); // warm-up: caches, code cache
for (let i = 0; i < loads; i++) for (const v of variants) v.results.push(await tracedLoad(v.browser));
for (const v of variants) await v.browser.close();
await portal.close();

const stats = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? `min ${s[0].toFixed(1)}, median ${s[Math.floor((s.length - 1) / 2)].toFixed(1)} ms` : '-';
};
console.log(`2,000-row list, ${loads} loads each, alternating`);
for (const v of variants) {
  console.log(`${v.name}\n  injection task: ${stats(v.results.map((r) => r.inject))}`);
  console.log(`  content.js before the load event, all tasks: ${stats(v.results.map((r) => r.beforeLoad))}`);
  console.log(`  load event:     ${stats(v.results.map((r) => r.load))}`);
  console.log(`  load event after DOMContentLoaded: ${stats(v.results.map((r) => r.afterDcl))}`);
  console.log(`  (injection: ${v.results.map((r) => r.inject?.toFixed(1) ?? '-').join(' ')}; load: ${v.results.map((r) => r.load.toFixed(0)).join(' ')})`);
}
