// `node tests/bench/profile-worker.mjs [rows]`: a CPU profile of the service worker while it stores
// an n-row contract list of new people (CDP Profiler on the worker's target, reached through a
// page's CDP session: Target.attachToTarget + sendMessageToTarget). Prints the functions with the
// most self time and the seconds until IndexedDB held every record; writes
// .output/profile-worker-<rows>.cpuprofile. Point KATIP_DIST at an unminified build to read names
// (a config file spreading wxt.config.ts with `vite: () => ({ ...its vite, build: { minify: false } })` and
// another outDir, built with `npx wxt build -c FILE`; `-m development` still minifies). A measuring tool, not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_ORIGIN, ROOT, launchBrowser, startPortal } from '../e2e/harness.mjs';
import { oldContractsPage } from '../e2e/harness-pages.mjs';
import { assignmentCount } from './mirror.mjs';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20000);
const portal = await startPortal({ extraPages: { [`bench/worker-${rows}.html`]: oldContractsPage(rows, { tag: 'W' }) } });
const browser = await launchBrowser({ port: portal.port });
const page = await browser.context.newPage();
const cdp = await browser.context.newCDPSession(page);
const { targetInfos } = await cdp.send('Target.getTargets');
const sw = targetInfos.find((t) => t.type === 'service_worker');
const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
let nextId = 1;
const waiting = new Map();
cdp.on('Target.receivedMessageFromTarget', (e) => {
  const msg = JSON.parse(e.message);
  if (msg.id && waiting.has(msg.id)) waiting.get(msg.id)(msg), waiting.delete(msg.id);
});
const inWorker = (method, params = {}) =>
  new Promise((ok) => {
    const id = nextId++;
    waiting.set(id, ok);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
await inWorker('Profiler.enable');
await inWorker('Profiler.setSamplingInterval', { interval: 200 });
await inWorker('Profiler.start');
const started = Date.now();
await page.goto(`${PORTAL_ORIGIN}/bench/worker-${rows}.html`, { waitUntil: 'load', timeout: 60_000 });
await page.waitForFunction(() => document.documentElement.getAttribute('data-katip-scan-ms'), null, { timeout: 60_000 });
const marked = Date.now();
let stored = 0;
while (Date.now() - marked < 90_000 && (stored = await assignmentCount(browser)) < rows) await new Promise((ok) => setTimeout(ok, 50));
const done = Date.now();
const { result } = await inWorker('Profiler.stop');
await browser.close();
await portal.close();

const profile = result.profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const byFn = new Map();
for (const [id, ms] of self) {
  const { callFrame: f } = byId.get(id);
  const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/\/[^/]+\//, '') || '(native)'}:${f.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
}
// each sample goes to the first of these functions on its stack (or is idle / program / GC)
const CATEGORIES = [
  [/^(mutate|getMany|openCursor|query|count)$/, 'IndexedDB requests (Dexie core: put/add/get calls)'],
  [/^(setTabReports?|setOneCutDown|keptReport|getTabReports|fitted|jsonSize|recordSummary)$/, 'tab report (storage.session)'],
  [/^(updateBadge|clearBadge)$/, 'badge'],
  [/^(safeParse|unpackFindingTexts)$/, 'message check (zod) and unpacking'],
  [/^(autoTickMany|applyTicks|tickedChecklist)$/, 'checklists'],
  [/^(mergeSightings|upsertPageReports?|mergeAssignment|pickAssignmentKey|load)$/, 'mirror merge (our code)'],
];
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const byCategory = new Map();
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const own = byId.get(id).callFrame.functionName;
  let category = ['(idle)', '(program)', '(garbage collector)'].includes(own) ? own : undefined;
  for (let cur = id; !category && cur !== undefined; cur = parentOf.get(cur)) {
    const name = byId.get(cur).callFrame.functionName;
    category = CATEGORIES.find(([re]) => re.test(name))?.[1];
  }
  category ??= 'other';
  byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
});
console.log(`${rows} rows: ${stored} stored ${((done - marked) / 1000).toFixed(2)} s after the page was marked (${((marked - started) / 1000).toFixed(2)} s to mark)`);
console.log('where the worker\'s time went (first matching function on the stack):');
for (const [k, ms] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(0).padStart(9)} ms  ${k}`);
console.log('most self time:');
for (const [k, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`);
mkdirSync(join(ROOT, '.output'), { recursive: true });
writeFileSync(join(ROOT, `.output/profile-worker-${rows}.cpuprofile`), JSON.stringify(profile));
