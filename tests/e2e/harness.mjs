// End-to-end harness: serves tests/fixtures as the İSG-KATİP portal over HTTPS and runs the built extension in Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// Service-worker network events are reported only with this switch; set before playwright loads.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
const { chromium } = await import('playwright-core');

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = process.env.KATIP_FIXTURES ? resolve(process.env.KATIP_FIXTURES) : join(ROOT, 'tests/fixtures');
export const DIST = process.env.KATIP_DIST ? resolve(process.env.KATIP_DIST) : join(ROOT, '.output/chrome-mv3');
export const PORTAL_HOSTS = ['isgkatip.csgb.gov.tr', 'isgkatip.ailevecalisma.gov.tr'];
export const PORTAL_ORIGIN = `https://${PORTAL_HOSTS[0]}`;
export const SCREEN_IDS = readIdList('utils/record-types.ts', 'SCREEN_IDS');
export const STATUSES = ['error', 'warn', 'unknown', 'ok'];
export const RULE_IDS = readIdList('utils/rules/types.ts', 'RULE_IDS');
/** The warning-severity rules of PAGE-CONTRACT.md; every other rule id is an error. */
export const WARN_RULES = ['nace-not-listed', 'nace-sicil-mismatch', 'portal-verdict-differs'];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

/**
 * An id list as the shared contract declares it (`export const NAME = [...]` in `file`: screen ids in
 * utils/record-types.ts, rule ids in utils/rules/types.ts), read as text.
 */
function readIdList(file, name) {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const list = source.match(new RegExp(`${name}\\s*=\\s*\\[([\\s\\S]*?)\\]`));
  if (!list) throw new Error(`${name} not found in ${file}`);
  return [...list[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/**
 * Every fixture page (tests/fixtures/**\/*.html), with the expectations read from its source.
 * `expectScreen` is null on non-screens (tests/fixtures/none/ and any page without data-expect-screen).
 */
export function listFixtures() {
  return walk(FIXTURES_DIR)
    .filter((file) => /\.html?$/i.test(file))
    .map((file) => {
      const path = relative(FIXTURES_DIR, file).split(sep).join('/');
      const source = readFileSync(file, 'utf8');
      const htmlTag = source.match(/<html\b[^>]*>/i)?.[0] ?? '';
      const expectScreen = htmlTag.match(/data-expect-screen\s*=\s*["']?([a-z-]+)/i)?.[1] ?? null;
      return {
        path,
        file,
        source,
        dir: path.split('/')[0],
        expectScreen,
        hasFrames: /<iframe\b/i.test(source),
        hostile: source.includes('__pwned'),
        // a button that replaces the rows: tagged, or a Tazele/Sonraki button on a page with a script behind it
        postback:
          /data-test-postback/i.test(source) ||
          (/<script\b/i.test(source) && />\s*(Tazele|Sonraki)\b|value\s*=\s*["'](Tazele|Sonraki)/i.test(source)),
      };
    });
}

function escapeText(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The generated index: one link per fixture, grouped by screen. */
export function indexPage(fixtures = listFixtures()) {
  const groups = new Map();
  for (const f of fixtures) {
    const key = f.expectScreen ?? 'none';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const sections = [...groups]
    .map(
      ([screen, list]) =>
        `<h2>${escapeText(screen)}</h2>\n<ul>\n${list
          .map((f) => `<li><a href="/${encodeURI(f.path)}">${escapeText(f.path)}</a></li>`)
          .join('\n')}\n</ul>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><title>KATİP Asistanı — test portalı / test portal</title></head>
<body>
<h1>KATİP Asistanı — örnek ekranlar / fixture screens</h1>
<p>${fixtures.length} sayfa / pages. Bu sayfa bir portal ekranı değildir / this page is not a portal screen.</p>
${sections}
</body></html>`;
}

/** A throw-away self-signed certificate for both portal host names. */
function makeCertificate(dir) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-keyout', key, '-out', cert,
      '-subj', '/CN=isgkatip.csgb.gov.tr',
      '-addext', 'subjectAltName=DNS:isgkatip.csgb.gov.tr,DNS:isgkatip.ailevecalisma.gov.tr',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * The portal's list API as the page itself calls it (PORTAL-EVIDENCE.md: POST /be/…): answered from
 * tests/fixtures/be/<path>.json, or <path>.<name>.json for `?fixture=<name>`. The query never
 * changes the path the observer matches. Anything else POSTed is a 404.
 */
function answerPost(req, url, path, posts, send) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    posts.push({ path, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
    const variant = url.searchParams.get('fixture');
    const file = resolve(FIXTURES_DIR, '.' + path + (variant ? `.${variant}` : '') + '.json');
    if (!path.startsWith('/be/') || !file.startsWith(join(FIXTURES_DIR, 'be') + sep) || !existsSync(file)) {
      return send(404, CONTENT_TYPES['.json'], '{"responseStatus":"ERROR","messages":["not found"]}');
    }
    return send(200, CONTENT_TYPES['.json'], readFileSync(file));
  });
}

/**
 * Start the fake portal: HTTPS on 127.0.0.1, random port, serving tests/fixtures (or `extraPages`,
 * a map of path → html, for generated pages such as benchmarks). `port` 443 for Firefox, which
 * cannot map a host name to another port.
 */
export async function startPortal({ extraPages = {}, port: listenPort = 0 } = {}) {
  const certDir = mkdtempSync(join(tmpdir(), 'katip-cert-'));
  const tls = makeCertificate(certDir);
  rmSync(certDir, { recursive: true, force: true });
  const served = [];
  /** every POST the fake portal answered: path, body and request headers (what the page itself sent) */
  const posts = [];
  const server = createServer(tls, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const path = decodeURIComponent(url.pathname);
    served.push(path);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'POST') return answerPost(req, url, path, posts, send);
    if (path === '/' || path === '/index.html') return send(200, CONTENT_TYPES['.html'], indexPage());
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    // /slow/<ms>/…: an answer that takes <ms> milliseconds (an image that holds the page's load event)
    const slow = /^\/slow\/(\d+)\//.exec(path);
    if (slow) {
      const timer = setTimeout(() => send(200, 'image/gif', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')), Number(slow[1]));
      res.on('close', () => clearTimeout(timer));
      return undefined;
    }
    const generated = extraPages[path.replace(/^\//, '')];
    if (generated !== undefined) return send(200, CONTENT_TYPES['.html'], generated);
    const file = resolve(FIXTURES_DIR, '.' + path);
    if (!file.startsWith(FIXTURES_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(404, CONTENT_TYPES['.txt'], 'not found');
    }
    return send(200, CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', readFileSync(file));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(listenPort, '127.0.0.1', ok);
  });
  const port = server.address().port;
  return {
    port,
    served,
    posts,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function safe(f) {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** True for a request that stays on this machine's fake portal or inside the extension. */
export function isLocalRequest(url) {
  if (/^(chrome-extension|moz-extension|data|blob|about|chrome):/i.test(url)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && PORTAL_HOSTS.includes(u.hostname) && (u.port === '' || u.port === '443');
  } catch {
    return false;
  }
}

/**
 * Launch Chromium with the built extension (.output/chrome-mv3) and the portal host names mapped to
 * `port`. Every request made by the pages, the extension's pages and its service worker is recorded
 * in `requests` ({ url, from }); those that leave the fake portal/extension also in `foreignRequests`.
 * `extension: false` launches the same browser without the extension (the benchmark's baseline).
 */
export async function launchBrowser({ port, headless = true, extension = true, dist = DIST } = {}) {
  if (extension && !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist} has no build: run \`wxt build\` first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'katip-profile-'));
  const rules = PORTAL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    ignoreHTTPSErrors: true,
    viewport: { width: 1366, height: 900 },
    locale: 'tr-TR',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(extension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
  });
  const requests = [];
  const foreignRequests = [];
  const watch = (request) => {
    const url = request.url();
    const worker = request.serviceWorker?.();
    const frame = worker ? null : safe(() => request.frame());
    const from = worker ? `service worker ${worker.url()}` : safe(() => frame?.page()?.url()) ?? '?';
    requests.push({ url, from });
    if (!isLocalRequest(url)) foreignRequests.push(url);
  };
  context.on('request', watch);
  // uncaught errors and console errors of pages, frames, extension pages and the service worker
  const errors = [];
  context.on('weberror', (e) => errors.push({ from: safe(() => e.page()?.url()) ?? '?', text: String(e.error()?.stack ?? e.error()) }));
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    errors.push({ from: safe(() => m.page()?.url()) ?? m.location()?.url ?? '?', text: m.text(), at: m.location()?.url ?? '' });
  });
  let worker = null;
  let extensionId = null;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }

  return {
    context,
    worker,
    extensionId,
    requests,
    foreignRequests,
    errors,
    /** Open a fixture (path relative to tests/fixtures) as the portal page. */
    async openFixture(path, { host = PORTAL_HOSTS[0] } = {}) {
      const page = await context.newPage();
      await page.goto(`https://${host}/${encodeURI(path)}`, { waitUntil: 'load' });
      return page;
    },
    /** Open an extension page: 'popup' or 'options'. */
    async openExtensionPage(name) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html`, { waitUntil: 'load' });
      return page;
    },
    /** The service worker now (MV3 may have restarted it). */
    async currentWorker() {
      return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For a node:test file: starts the fake portal (with `extraPages`, generated pages, if given) and
 * Chromium with the extension before the tests and closes both after them. Returns getters, valid once the tests run: `suite.browser`, `suite.portal`.
 */
export function useBrowserSuite({ extraPages } = {}) {
  let portal;
  let browser;
  before(async () => {
    portal = await startPortal({ extraPages });
    browser = await launchBrowser({ port: portal.port });
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });
  return {
    get portal() {
      return portal;
    },
    get browser() {
      return browser;
    },
  };
}

/** Poll `check` (returns a list of problems) until it returns none; throws the last problems after `timeout` ms. */
export async function waitForNoProblems(check, { timeout = 5000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let problems;
  for (;;) {
    try {
      problems = await check();
    } catch (e) {
      problems = [`check threw: ${e?.message ?? e}`];
    }
    if (problems.length === 0) return;
    if (Date.now() > deadline) break;
    await new Promise((ok) => setTimeout(ok, interval));
  }
  throw new Error(`after ${timeout} ms:\n  - ${problems.slice(0, 20).join('\n  - ')}${problems.length > 20 ? `\n  … ${problems.length - 20} more` : ''}`);
}

/**
 * Runs in a frame: the PAGE-CONTRACT checks of that frame's document against its data-expect-*.
 * Returns a list of problems (empty when the frame is right).
 */
export function frameProblems({ statuses, ruleIds, warnRules }) {
  const problems = [];
  const html = document.documentElement;
  const expected = html.dataset.expectScreen ?? null;
  const actual = html.dataset.katipScreen ?? null;
  const where = location.pathname;
  if (expected !== actual) problems.push(`${where}: data-katip-screen is ${actual} (expected ${expected})`);
  if (expected) {
    const ms = html.getAttribute('data-katip-scan-ms');
    if (ms === null || ms.trim() === '' || !Number.isFinite(Number(ms)) || Number(ms) < 0) {
      problems.push(`${where}: data-katip-scan-ms is ${JSON.stringify(ms)}, not a number`);
    }
  }
  const describe = (el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}> "${text}"`;
  };
  const records = new Set(document.querySelectorAll('[data-expect-kind="record"]'));
  if (!expected && records.size) problems.push(`${where}: non-screen fixture declares records`);
  // data-expect-kind="record-or-none": the reader may take the row as a record or leave it; if marked,
  // the marks must be right (a bad page's half row, say)
  const optional = [...document.querySelectorAll('[data-expect-kind="record-or-none"]')].filter(
    (el) => el.hasAttribute('data-katip-status') || el.hasAttribute('data-katip-rules'),
  );
  for (const el of [...records, ...optional]) {
    const status = el.getAttribute('data-katip-status');
    const rules = el.getAttribute('data-katip-rules');
    if (!statuses.includes(status)) problems.push(`${where}: record ${describe(el)} has data-katip-status=${status}`);
    if (rules === null) {
      problems.push(`${where}: record ${describe(el)} has no data-katip-rules`);
      continue;
    }
    const tokens = rules.split(' ').filter(Boolean);
    if (rules !== tokens.join(' ')) problems.push(`${where}: record ${describe(el)} rules "${rules}" badly spaced`);
    const sorted = [...tokens].sort();
    if (tokens.join(' ') !== sorted.join(' ')) problems.push(`${where}: record ${describe(el)} rules "${rules}" not sorted`);
    for (const t of tokens) {
      if (t !== 'needs-data' && !ruleIds.includes(t)) problems.push(`${where}: record ${describe(el)} unknown rule "${t}"`);
    }
    // PAGE-CONTRACT: error if an error rule fired, else warn, else unknown (needs-data), else ok.
    const implied = tokens.some((t) => t !== 'needs-data' && !warnRules.includes(t))
      ? 'error'
      : tokens.some((t) => warnRules.includes(t))
        ? 'warn'
        : tokens.includes('needs-data')
          ? 'unknown'
          : 'ok';
    if (statuses.includes(status) && status !== implied) {
      problems.push(`${where}: record ${describe(el)} status ${status} does not follow from rules "${rules}" (${implied})`);
    }
    const want = el.getAttribute('data-expect-status');
    if (want && want !== status) problems.push(`${where}: record ${describe(el)} status ${status}, expected ${want} (rules "${rules}")`);
    const wantRules = el.getAttribute('data-expect-rules');
    if (wantRules !== null && wantRules.split(' ').filter(Boolean).sort().join(' ') !== tokens.join(' ')) {
      problems.push(`${where}: record ${describe(el)} rules "${rules}", expected "${wantRules}"`);
    }
    // data-expect-rules-include / -exclude: rules that must (must not) be among the record's rules
    for (const t of (el.getAttribute('data-expect-rules-include') ?? '').split(' ').filter(Boolean)) {
      if (!tokens.includes(t)) problems.push(`${where}: record ${describe(el)} rules "${rules}" lack "${t}"`);
    }
    for (const t of (el.getAttribute('data-expect-rules-exclude') ?? '').split(' ').filter(Boolean)) {
      if (tokens.includes(t)) problems.push(`${where}: record ${describe(el)} rules "${rules}" claim "${t}", which the page does not support`);
    }
  }
  // data-expect-cell="error|warn|unknown" on a cell: the cell the record's finding is about is outlined so
  for (const el of document.querySelectorAll('[data-expect-cell]')) {
    const want = el.getAttribute('data-expect-cell') || null;
    const got = el.getAttribute('data-katip-cell');
    if (want !== got) problems.push(`${where}: cell ${describe(el)} has data-katip-cell=${got}, expected ${want}`);
  }
  const allowed = new Set([...records, ...optional]);
  for (const el of document.querySelectorAll('[data-katip-status], [data-katip-rules]')) {
    if (!allowed.has(el)) problems.push(`${where}: ${describe(el)} carries record marks but is not a record`);
  }
  return problems;
}

/** Check every frame of `page` (main document and iframes); returns the problems of all of them. */
export async function pageProblems(page) {
  const arg = { statuses: STATUSES, ruleIds: RULE_IDS, warnRules: WARN_RULES };
  const all = [];
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank' || !frame.url().startsWith('https:')) continue;
    all.push(...(await frame.evaluate(frameProblems, arg)));
  }
  return all;
}

/**
 * Choose a radio or switch with the keyboard (focus, Space) and wait until it shows as chosen: a
 * pointer click can land elsewhere while an extension page is still laying out what it loaded.
 */
export async function chooseByKeyboard(locator, { timeout = 5000 } = {}) {
  // The options page shows its controls once its lists have loaded: wait until this one is shown.
  await locator.waitFor({ state: 'visible', timeout });
  const start = Date.now();
  while (!(await locator.isChecked())) {
    if (Date.now() - start > timeout) throw new Error('the control did not become checked after Space');
    await locator.focus();
    await locator.press('Space');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sets the interface language in the options page, by keyboard ('tr' or 'en'); later pages open in it. */
export async function setLanguage(browser, lang) {
  const options = await browser.openExtensionPage('options');
  await chooseByKeyboard(options.getByRole('radio', { name: lang === 'en' ? /İngilizce|English/ : /Türkçe|Turkish/ }));
  await options.waitForFunction((l) => document.documentElement.lang === l, lang);
  await options.close();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical accessibility violations on the page (axe-core, WCAG 2 A/AA rules), as
 * "rule (impact): targets" lines. axe runs through CDP, so the page's CSP does not stop it.
 */
export async function axeViolations(page, include) {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    async (selector) =>
      // eslint-disable-next-line no-undef
      axe.run(selector ? { include: [[selector]] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } }),
    include ?? null,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** The text of the popup's pending-approvals section (the one whose heading names them). */
export async function pendingSectionText(popup) {
  const section = popup.locator('section').filter({ has: popup.getByRole('heading', { name: /Onay bekleyen|awaiting approval/i }) });
  await section.first().waitFor({ timeout: 5000 });
  // wait for the query to settle (no "loading" status left in the section)
  await popup.waitForFunction(
    () => ![...document.querySelectorAll('section [role=status]')].some((el) => /Yükleniyor|Loading/i.test(el.textContent ?? '')),
    null,
    { timeout: 5000 },
  );
  return section.first().innerText();
}
