// The audit page's figures (issue 9): a generated export of 5,000 and 20,000 contracts chosen on
// audit.html in Chromium with the built extension; the time from the file chosen to the dashboard
// painted (data-audit-ms), the longest long task on the page's main thread until the dashboard is
// shown and until the mirror has the rows, and the bundle weight of the audit page's spreadsheet
// code. Used by run.mjs; alone: `node tests/bench/audit.mjs` (after `wxt build`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { DIST } from '../e2e/harness.mjs';
import { exportAoa, syntheticContracts, xlsxBytes } from '../fixtures/audit/make-export.mjs';

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One audit of `bytes` on a fresh audit page: times and long tasks as the page saw them. */
async function auditOnce(browser, bytes, name) {
  const page = await browser.openExtensionPage('audit');
  await page.locator('[data-testid="audit-file"]').waitFor();
  await page.evaluate(() => {
    window.__lt = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lt.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    window.__chosenAt = null;
    document.querySelector('[data-testid="audit-file"]').addEventListener('change', () => (window.__chosenAt = performance.now()), { capture: true });
  });
  await page.locator('[data-testid="audit-file"]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  const shownMs = await page
    .waitForFunction(() => document.documentElement.dataset.auditMs ?? (document.querySelector('[role=alert]') ? 'error' : null), null, { timeout: 120_000, polling: 50 })
    .then((h) => h.jsonValue());
  if (shownMs === 'error') throw new Error(`the audit page refused ${name}: ${await page.getByRole('alert').innerText()}`);
  const shownAt = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => ['done', 'failed'].includes(document.documentElement.dataset.auditMirror ?? ''), null, { timeout: 180_000, polling: 100 });
  await page.waitForTimeout(300);
  const m = await page.evaluate((shownAt) => {
    const from = window.__chosenAt ?? 0;
    // tasks that start once the file is chosen: the task that chose it is Playwright's own
    // (setInputFiles decodes the file's base64 into a File in the page: ~1 s for 1.6 MB), not the page's
    const inWindow = (to) => window.__lt.filter(([s]) => s >= from && s <= to);
    const longest = (xs) => xs.reduce((max, [, d]) => Math.max(max, d), 0);
    const untilShown = inWindow(shownAt);
    const all = inWindow(Infinity);
    return {
      longestUntilShown: longest(untilShown),
      longUntilShown: untilShown.length,
      longestWithMirror: longest(all),
      longWithMirror: all.length,
      durations: all.map(([, d]) => Math.round(d)),
      mirrorMs: performance.now() - from,
      mirror: document.documentElement.dataset.auditMirror,
      summary: document.querySelector('.audit-summary')?.textContent ?? '',
    };
  }, shownAt);
  await page.close();
  return { shownMs: Number(shownMs), ...m };
}

/** The audit page's figures, as { figure, value, unit, goal, pass, note } for run.mjs. */
export async function benchAudit(browser, { reps = { 5000: 3, 20000: 2 } } = {}) {
  const figures = [];
  const add = (figure, value, unit, goal, pass, note) => figures.push({ figure, value: value === null ? null : Math.round(value * 10) / 10, unit, goal, pass: value === null ? false : pass, ...(note ? { note } : {}) });
  const runs = {};
  for (const n of Object.keys(reps).map(Number)) {
    const bytes = xlsxBytes(exportAoa(syntheticContracts(n)));
    runs[n] = [];
    for (let i = 0; i < reps[n]; i++) runs[n].push(await auditOnce(browser, bytes, `ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_bench_${n}.xlsx`));
    const r = runs[n];
    console.log(
      `  audit ${n} contracts (${Math.round(bytes.length / 1024)} KB .xlsx): shown [${r.map((x) => x.shownMs).join(', ')}] ms, longest long task until shown [${r
        .map((x) => Math.round(x.longestUntilShown))
        .join(', ')}] ms, with the mirror merge [${r.map((x) => Math.round(x.longestWithMirror)).join(', ')}] ms (${r.map((x) => x.longWithMirror).join(', ')} long tasks), mirror ${r.map((x) => `${x.mirror} at ${Math.round(x.mirrorMs)} ms`).join(', ')}; every long task [${r.map((x) => x.durations.join(' ')).join(' | ')}] ms`,
    );
  }
  const med = (n, k) => median(runs[n]?.map((r) => r[k]) ?? []);
  if (runs[5000]) {
    const v = med(5000, 'shownMs');
    add('audit: 5,000-contract export chosen → read, judged, dashboard painted (data-audit-ms)', v, 'ms', '≤ 2000', v !== null && v <= 2000, runs[5000][0].summary.trim());
    const lt = med(5000, 'longestUntilShown');
    add('audit: longest long task on the page until the 5,000-contract dashboard is shown', lt, 'ms', '≤ 50', lt !== null && lt <= 50);
  }
  if (runs[20000]) {
    const v = med(20000, 'shownMs');
    add('audit: 20,000-contract export chosen → dashboard painted (data-audit-ms)', v, 'ms', 'no goal (reported)', true);
    const lt = med(20000, 'longestUntilShown');
    add('audit: longest long task on the page until the 20,000-contract dashboard is shown', lt, 'ms', '≤ 50 (page never frozen)', lt !== null && lt <= 50);
    const ltm = med(20000, 'longestWithMirror');
    add('audit: longest long task on the page, 20,000 contracts, until they are in the mirror', ltm, 'ms', '≤ 50', ltm !== null && ltm <= 50, `mirror done ${Math.round(med(20000, 'mirrorMs'))} ms after the file was chosen`);
  }
  // the audit page's own chunks: the spreadsheet reader (in the worker) and the report writer
  const chunks = join(DIST, 'chunks');
  const assets = join(DIST, 'assets');
  const files = [chunks, assets].filter(existsSync).flatMap((d) => readdirSync(d).map((f) => join(d, f))).filter((f) => f.endsWith('.js'));
  const worker = files.find((f) => /worker/i.test(f));
  const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length / 1000;
  if (worker) add('audit: worker (reader + rules), gzip -9', gz(worker), 'KB', 'reported', true, `${worker.slice(DIST.length + 1)}, ${Math.round(statSync(worker).size / 1000)} KB raw`);
  const excel = files.find((f) => /excel/i.test(f));
  if (excel) add('audit: Excel report writer (loaded on click), gzip -9', gz(excel), 'KB', 'reported', true, excel.slice(DIST.length + 1));
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { launchBrowser, startPortal } = await import('../e2e/harness.mjs');
  const portal = await startPortal();
  const browser = await launchBrowser({ port: portal.port });
  const quick = Boolean(process.env.KATIP_BENCH_QUICK);
  try {
    const figures = await benchAudit(browser, { reps: quick ? { 5000: 1, 20000: 1 } : { 5000: 3, 20000: 2 } });
    for (const f of figures) console.log(`${f.pass ? 'PASS' : 'MISS'}  ${f.figure}  ${f.value} ${f.unit}  goal ${f.goal}${f.note ? `  (${f.note})` : ''}`);
  } finally {
    await browser.close();
    await portal.close();
  }
}
