// The mirror's figures of issue 10, measured in real Chromium with the built extension:
// - records stored per second: a generated contracts list of 5,000 and of 20,000 new people opened
//   as the portal page; from the moment the page is marked (its report leaves the content script)
//   until the service worker's IndexedDB holds every record (counted with a plain IndexedDB read);
// - first content of the popup and the options page with 10,000+ assignments stored (no
//   "Yükleniyor…" left, a heading and text shown), as a user opening them would wait.
// Imported by tests/bench/run.mjs; `node tests/bench/mirror.mjs` runs these figures alone (builds
// first unless KATIP_SKIP_BUILD is set) and prints them.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PORTAL_ORIGIN, ROOT, launchBrowser, startPortal } from '../e2e/harness.mjs';
import { oldContractsPage } from '../e2e/harness-pages.mjs';

/** the list sizes the storing rate is measured at */
export const MIRROR_SIZES = [5000, 20000];

/** The generated pages: one list per size and repetition, each of people no other list shows. */
export function mirrorPages(reps = 1, sizes = MIRROR_SIZES) {
  const pages = {};
  for (const n of sizes) for (let r = 0; r < reps; r++) pages[`bench/mirror-${n}-${r}.html`] = oldContractsPage(n, { tag: `M${n}r${r}-` });
  return pages;
}

/** Assignments in the extension's IndexedDB, read in the service worker without Dexie. */
export async function assignmentCount(browser) {
  const worker = await browser.currentWorker();
  return worker.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('katip-asistani')) return 0;
    return new Promise((ok, fail) => {
      const open = indexedDB.open('katip-asistani');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('assignments')) return db.close(), ok(0);
        const req = db.transaction('assignments').objectStore('assignments').count();
        req.onsuccess = () => (db.close(), ok(req.result));
        req.onerror = () => (db.close(), fail(req.error));
      };
    });
  });
}

/** One list stored: records, seconds from the page marked to the last record stored, rate. */
async function storeOnce(browser, path, n) {
  const before = await assignmentCount(browser);
  const page = await browser.context.newPage();
  await page.goto(`${PORTAL_ORIGIN}/${path}`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-katip-scan-ms'), null, { timeout: 60_000, polling: 20 }).catch(() => {});
  const markedAt = Date.now();
  let stored = 0;
  let storedAt = markedAt;
  let lastGrowth = markedAt;
  while (Date.now() - markedAt < 60_000 && Date.now() - lastGrowth < 8_000) {
    const now = (await assignmentCount(browser)) - before;
    if (now > stored) {
      stored = now;
      storedAt = Date.now();
      lastGrowth = storedAt;
    }
    if (stored >= n) break;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  await page.close();
  const seconds = Math.max((storedAt - markedAt) / 1000, 0.025);
  return { n, stored, seconds, rate: stored / seconds };
}

/** Every size `reps` times, interleaved; medians per size. */
export async function measureMirror(browser, { reps = 1, sizes = MIRROR_SIZES } = {}) {
  const runs = Object.fromEntries(sizes.map((n) => [n, []]));
  for (let r = 0; r < reps; r++) for (const n of sizes) runs[n].push(await storeOnce(browser, `bench/mirror-${n}-${r}.html`, n));
  return sizes.map((n) => {
    const all = runs[n];
    const complete = all.every((x) => x.stored >= n);
    return { n, complete, stored: Math.min(...all.map((x) => x.stored)), seconds: median(all.map((x) => x.seconds)), rate: median(all.map((x) => x.rate)) };
  });
}

/**
 * Waits until an extension page shows its first content (no "Yükleniyor…" left, a heading and text);
 * resolves to performance.now() in the page at that moment.
 */
export function waitForFirstContent(page) {
  return page
    .waitForFunction(
      () => {
        const loading = [...document.querySelectorAll('[role=status]')].some((el) => /Yükleniyor|Loading/.test(el.textContent ?? ''));
        const text = (document.body?.innerText ?? '').trim();
        return !loading && text.length > 0 && document.querySelector('h1, h2') ? performance.now() : null;
      },
      null,
      { timeout: 30_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue());
}

/** Time to first content of an extension page (performance.now() in the page when it shows content). */
export async function firstContent(browser, name) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${name}.html`, { waitUntil: 'commit' });
  const ms = await waitForFirstContent(page).catch(() => null);
  await page.close();
  return ms;
}

/** Popup and options, `reps` times each, interleaved: medians. */
export async function measureOpens(browser, { reps = 3, names = ['popup', 'options'] } = {}) {
  const opens = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < reps; r++) for (const name of names) opens[name].push(await firstContent(browser, name));
  return Object.fromEntries(names.map((n) => [n, { median: median(opens[n]), runs: opens[n] }]));
}

/** The bench.json entries of these measurements. */
export function mirrorFigures(stores, opens, totalAssignments) {
  const out = [];
  const worst = stores.reduce((min, s) => (min === null || s.rate < min.rate ? s : min), null);
  const allComplete = stores.every((s) => s.complete);
  out.push({
    figure: 'mirror: records stored per second',
    value: worst ? round(worst.rate, 0) : null,
    unit: 'records/s',
    goal: '≥ 10,000 at every list size',
    pass: !!worst && allComplete && worst.rate >= 10_000,
    note: stores
      .map((s) => (s.complete ? `${s.n.toLocaleString('en')} rows: ${round(s.seconds, 2)} s, ${round(s.rate, 0).toLocaleString('en')}/s` : `${s.n.toLocaleString('en')} rows: only ${s.stored} stored`))
      .join('; ') + ' (from the page marked to the last record in IndexedDB; the slowest size is the value)',
  });
  for (const [name, o] of Object.entries(opens)) {
    out.push({
      figure: `${name} first content with ${totalAssignments.toLocaleString('en')} assignments stored`,
      value: round(o.median, 1),
      unit: 'ms',
      goal: '≤ 200',
      pass: o.median !== null && o.median <= 200 && totalAssignments >= 10_000,
      ...(totalAssignments < 10_000 ? { note: `not measured at 10,000+: the mirror held only ${totalAssignments} assignments` } : {}),
    });
  }
  return out;
}

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function round(x, digits = 1) {
  return x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;
}

// `node tests/bench/mirror.mjs`: these figures alone
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.env.KATIP_SKIP_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const reps = Number(process.env.KATIP_MIRROR_REPS ?? 1);
  const portal = await startPortal({ extraPages: mirrorPages(reps) });
  const browser = await launchBrowser({ port: portal.port });
  try {
    const stores = await measureMirror(browser, { reps });
    const total = await assignmentCount(browser);
    const opens = await measureOpens(browser, { reps: 3 });
    for (const f of mirrorFigures(stores, opens, total)) {
      console.log(`${f.pass ? 'PASS' : 'MISS'}  ${f.figure}  ${f.value} ${f.unit}  goal ${f.goal}${f.note ? `  (${f.note})` : ''}`);
    }
    console.log(JSON.stringify({ opens }));
  } finally {
    await browser.close();
    await portal.close();
  }
}
