// The bad-page corpus (issue 10 "Unbreakable"): portal-like pages written badly, generated here and
// served as the real portal, in Chromium with the built extension. On every one: no uncaught error
// (page, frames, extension), the page stays responsive while the extension works (a 10 ms heartbeat
// in the page), bounded scans, no verdict the rules do not support (what cannot be judged is
// `unknown` with `needs-data`; a huge or garbage figure leaves its record marked, never silently
// unmarked), and the data-katip-* record marks only on records (PAGE-CONTRACT.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES_DIR, pageProblems, PORTAL_ORIGIN, useBrowserSuite, waitForNoProblems } from './harness.mjs';
import { esc, OLD_CONTRACT_HEADERS, oldContractCells, portalPage, PROBE_SCRIPT } from './harness-pages.mjs';

/** The longest the page may freeze while the extension works (a user notices a stall beyond this). */
const MAX_FREEZE_MS = 300;
/** A real change in the grid is judged within about a second, however often another cell changes. */
const MAX_JUDGE_MS = 1000;
/** Scans of a page whose content does not change once loaded. */
const MAX_SCANS_STATIC = 4;

// Without a workplace profile the old contracts grid shows no hazard class, headcount or minutes:
// every contract row can only be `unknown` for want of those facts.
const UNKNOWN = 'data-expect-kind="record" data-expect-status="unknown" data-expect-rules="needs-data"';
const MAYBE_UNKNOWN = 'data-expect-kind="record-or-none" data-expect-status="unknown" data-expect-rules="needs-data"';

const th = (labels) => `<tr>${labels.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
const tds = (cells) => cells.map((c) => `<td>${esc(c)}</td>`).join('');

/** An old-interface contracts page around `table` (a whole <table> element). */
function contractsPage(table, { head = '', after = '', title = 'İSG-KATİP - Sözleşmeler' } = {}) {
  return portalPage({
    title,
    screen: 'old-contracts',
    head,
    body: `<h2>Hizmet Alan İşyeri Modülü » Sözleşmeler</h2>\n${table}\n${after}`,
  });
}

/** A contracts grid: the standard header and `n` standard rows (marked UNKNOWN), plus `extraRows`. */
function grid(n, { headers = OLD_CONTRACT_HEADERS, extraRows = '', id = 'grid', cells = (i) => oldContractCells(i) } = {}) {
  const rows = Array.from({ length: n }, (_, i) => `<tr ${UNKNOWN}>${tds(cells(i))}</tr>`).join('\n');
  return `<table class="grid" id="${id}"><thead>${th(headers)}</thead><tbody id="${id}-body">\n${rows}\n${extraRows}</tbody></table>`;
}

// Public-institution list (new interface): the NACE rules judge each row from what it shows.
const PUBLIC_HEADERS = ['Detay ID', 'Detay No', 'Kurum Unvanı', 'Kurum Adresi', 'Kurum İlçesi', 'NACE Kodu', 'Tehlike Sınıfı', 'Çalışan Sayısı', 'Kurum Statü'];
/** A well-formed row's verdict: 85.42.01 is "Az Tehlikeli" in the Tebliğ list and the page says so. */
const CLEAN_PUBLIC = 'data-expect-kind="record" data-expect-status="ok" data-expect-rules=""';
function publicRow(i, { nace = '85.42.01', hazard = 'Az Tehlikeli', count = '120', attrs = CLEAN_PUBLIC } = {}) {
  return `<tr ${attrs}>${tds([String(58000 + i), String(i + 1), `ÖRNEK KURUM BİRİMİ ${i + 1}`, 'Cumhuriyet Mah. No: 1', 'Merkez', nace, hazard, count, 'Aktif'])}</tr>`;
}
function publicPage(rows) {
  return portalPage({
    title: 'İSG-KATİP | Kamu Kurumları Listesi',
    screen: 'public-institutions',
    body: `<h1>Kamu Kurumları Listesi</h1>
<table><thead>${th(PUBLIC_HEADERS)}</thead><tbody>
${[publicRow(0), ...rows].join('\n')}
</tbody></table>`,
  });
}

/** A page that is not a portal screen. */
const plainPage = (title, body) => portalPage({ title, body });

// ---- the corpus --------------------------------------------------------------------------------

const CASES = [];
const add = (name, html, extra = {}) => CASES.push({ name, path: `bad/${name}.html`, html, ...extra });

{
  // the server's answer stops in the middle of a row (a dropped connection, a half-rendered UpdatePanel)
  const whole = contractsPage(grid(9, { extraRows: `<tr ${MAYBE_UNKNOWN}>${tds(oldContractCells(9))}</tr>` }));
  const cut = whole.indexOf('<td>Kısmi Süreli', whole.indexOf(`${MAYBE_UNKNOWN}>`));
  add('half-table', whole.slice(0, cut) + '<td>Kıs');
}
add(
  'missing-column',
  contractsPage(grid(6, { headers: OLD_CONTRACT_HEADERS.filter((h) => h !== 'Grv. Türü'), cells: (i) => oldContractCells(i).filter((_, k) => k !== 1) })),
);
{
  // "Personel Kategorisi Adı" twice, saying different things: neither may be believed
  const headers = [...OLD_CONTRACT_HEADERS.slice(0, 3), 'Personel Kategorisi Adı', ...OLD_CONTRACT_HEADERS.slice(3)];
  const cells = (i) => {
    const c = oldContractCells(i);
    return [...c.slice(0, 2), 'C Sınıfı İş Güvenliği Uzmanı', 'İşyeri Hekimi', ...c.slice(3)];
  };
  add('duplicated-column', contractsPage(grid(5, { headers, cells })));
}
{
  const c = oldContractCells(20);
  const merged = [
    // one name cell spanning two contract rows
    `<tr ${UNKNOWN}><td rowspan="2">${esc(c[0])}</td>${tds(c.slice(1))}</tr>`,
    `<tr ${MAYBE_UNKNOWN}>${tds(c.slice(1))}</tr>`,
    // two columns merged into one cell
    `<tr ${MAYBE_UNKNOWN}>${tds(c.slice(0, 3))}<td colspan="2">Kısmi Süreli 01.02.2024</td>${tds(c.slice(5))}</tr>`,
    // a summary row across the whole grid: not a record
    `<tr><td colspan="8">Toplam 7 kayıt listelendi.</td></tr>`,
  ].join('\n');
  add('merged-cells', contractsPage(grid(4, { extraRows: merged })));
}
add(
  'rows-shorter-than-header',
  contractsPage(grid(3, { extraRows: [30, 31, 32].map((i) => `<tr ${MAYBE_UNKNOWN}>${tds(oldContractCells(i).slice(0, 4))}</tr>`).join('\n') })),
);
add('rows-longer-than-header', contractsPage(grid(6, { cells: (i) => [...oldContractCells(i), 'fazla', '99', '', 'ek hücre'] })));
add(
  'unknown-classes',
  contractsPage(
    grid(5, {
      cells: (i) => {
        const c = oldContractCells(i);
        c[2] = ['D Sınıfı İş Güvenliği Uzmanı', 'Süper Uzman', 'İş Güvenliği Uzmanı (Z Sınıfı)', '', '???'][i];
        return c;
      },
    }),
  ),
);
add(
  'garbage-and-huge-values',
  contractsPage(
    grid(5, {
      cells: (i) => {
        const c = oldContractCells(i);
        c[4] = ['32.13.2024', '99999999999999999999', 'dün', '01.01.0000', '-1'][i];
        c[5] = ['Belki', '99999999999999999999', '', 'Devam Ediyor', 'NaN'][i];
        c[7] = ['Evet?', '', 'Onay Bekliyor', '1e309', 'Onaylandı'][i];
        return c;
      },
    }),
  ),
);
add(
  'grid-removed-and-readded-100-times',
  contractsPage(grid(30), {
    after: `<script>
  // the grid torn down and rebuilt 100 times, 20 ms apart, then left in place
  (function () {
    var table = document.getElementById('grid'), parent = table.parentNode, n = 0;
    var timer = setInterval(function () {
      if (table.isConnected) parent.removeChild(table); else { parent.appendChild(table); n++; }
      if (n >= 100 && table.isConnected) { clearInterval(timer); document.documentElement.setAttribute('data-test-done', ''); }
    }, 10);
  })();
</script>`,
  }),
  { churn: true },
);
add(
  'nace-with-letters',
  publicPage(
    ['85.4A.01', 'AB.CD.EF', '8S.42.01', 'O5.42.01'].map((nace, i) =>
      publicRow(i + 1, {
        nace,
        attrs: 'data-expect-kind="record" data-expect-status="error" data-expect-rules-include="nace-malformed" data-expect-rules-exclude="nace-not-listed nace-class-mismatch"',
      }),
    ),
  ),
);
add(
  'unknown-hazard-classes',
  publicPage(
    ['Orta Tehlikeli', 'Tehlikesiz', 'Çok Çok Tehlikeli'].map((hazard, i) =>
      publicRow(i + 1, {
        hazard,
        attrs: 'data-expect-kind="record" data-expect-status="error" data-expect-rules-include="hazard-class-unknown" data-expect-rules-exclude="nace-class-mismatch"',
      }),
    ),
  ),
);
add(
  'huge-numbers-in-form',
  portalPage({
    title: 'Form Durumu Sayfası',
    screen: 'new-contract-form',
    body: `<table class="form-table" data-expect-kind="record" data-expect-status="unknown" data-expect-rules-include="needs-data" data-expect-rules-exclude="minutes-below-minimum full-time-required">
  <tr><td>UNVAN :</td><td>Deniz Oto Servis</td></tr>
  <tr><td>TOPLAM ÇALIŞAN SAYISI :</td><td>99999999999999999999</td></tr>
  <tr><td>NACE KODU :</td><td>85.42.01</td></tr>
  <tr><td>TEHLİKE SINIFI :</td><td>Az Tehlikeli</td></tr>
  <tr><td>DEVAM EDEN TOPLAM İSG SÜRESİ :</td><td>0</td></tr>
  <tr><td>TC KİMLİK NO :</td><td>63915027418</td></tr>
  <tr><td>AD :</td><td>Kerem</td></tr>
  <tr><td>SOYAD :</td><td>Aydın</td></tr>
  <tr><td>SERTİFİKA TİPİ :</td><td>C Sınıfı İş Güvenliği Uzmanlığı</td></tr>
  <tr><td>Görevlendirme Tipi :</td><td><select><option>İş Güvenliği Uzmanı</option></select></td></tr>
  <tr><td>Çalışma Süresi (Dakika) :</td><td><input type="text" value="99999999999999999999"></td></tr>
</table>`,
  }),
);
add(
  'approval-form-garbage-minutes',
  portalPage({
    title: 'İSG-KATİP - Sözleşme Onay',
    screen: 'old-approval',
    body: `<div>SÖZLEŞME ONAY</div>
<table data-expect-kind="record" data-expect-status="unknown" data-expect-rules-include="needs-data" data-expect-rules-exclude="over-capacity">
  <tr><td>ADI SOYADI</td><td>:</td><td><input type="text" value="ELİF KARATAŞ" readonly></td></tr>
  <tr><td>GÖREVLENDİRME ID</td><td>:</td><td>4871236</td></tr>
  <tr><td>AYL. ÇLŞ. SÜRESİ (DK)</td><td>:</td><td><input type="text" value="99999999999999999999" readonly></td></tr>
  <tr><td>AYL. FZL. MESAİ SÜRESİ (DK)</td><td>:</td><td><input type="text" value="-" readonly></td></tr>
  <tr><td>KALAN MAX. AYL. ÇLŞ. SÜRESİ (DK)</td><td>:</td><td><input type="text" value="abc" readonly></td></tr>
  <tr><td>KALAN MAX. AYL. FZL. MESAİ SÜRESİ (DK)</td><td>:</td><td><input type="text" value="1e309" readonly></td></tr>
  <tr><td>AÇIKLAMA</td><td>:</td><td><textarea></textarea></td></tr>
</table>`,
  }),
);
{
  const tables = Array.from(
    { length: 5000 },
    (_, i) => `<table><tr><th>Ürün Kodu</th><th>Ürün Adı</th><th>Fiyat</th></tr><tr><td>${i}</td><td>Kalem ${i}</td><td>${i},50 TL</td></tr></table>`,
  ).join('\n');
  add('unrelated-tables-5000', plainPage('Ürün Kataloğu', tables), { timeout: 20_000 });
}
{
  const frame = (n, src) =>
    plainPage(`Çerçeve ${n}`, `<p>Çerçeve ${n}</p><iframe src="${src}" width="1200" height="${700 - n * 100}" title="çerçeve ${n + 1}"></iframe>`);
  add('frames-4-deep', frame(1, '/bad/frames-2.html'), {
    pages: {
      'bad/frames-2.html': frame(2, '/bad/frames-3.html'),
      'bad/frames-3.html': frame(3, '/bad/frames-4.html'),
      'bad/frames-4.html': contractsPage(grid(10)),
    },
  });
}
add(
  'no-header-row',
  plainPage('Sözleşmeler', `<table class="grid"><tbody>${Array.from({ length: 8 }, (_, i) => `<tr>${tds(oldContractCells(i))}</tr>`).join('\n')}</tbody></table>`),
);
add('empty-grid', contractsPage(grid(0, { extraRows: '<tr><td colspan="8">Kayıt bulunamadı.</td></tr>' })));
add(
  'blank-rows',
  contractsPage(grid(3, { extraRows: Array.from({ length: 4 }, () => `<tr>${'<td>&nbsp;</td>'.repeat(8)}</tr>`).join('\n') })),
);
add(
  'hidden-then-shown',
  contractsPage(`<div id="wrap" style="display:none">${grid(8)}</div>`, {
    after: `<script>setTimeout(function () { document.getElementById('wrap').style.display = ''; }, 600);</script>`,
  }),
);

add('duplicate-rows', contractsPage(grid(3, { extraRows: [0, 1, 1].map((i) => `<tr ${UNKNOWN}>${tds(oldContractCells(i))}</tr>`).join('\n') })));
add(
  'comments-scripts-and-styles-in-cells',
  contractsPage(
    `<table class="grid"><thead>${th(OLD_CONTRACT_HEADERS)}</thead><tbody>${Array.from(
      { length: 5 },
      (_, i) =>
        `<tr ${UNKNOWN}><!-- satır ${i} -->${oldContractCells(i)
          .map((c, k) => `<td>\n  <!-- hücre -->${k === 0 ? '<style>.x{color:red}</style><script>void 0</script>' : ''}<span>${esc(c)}</span>\n</td>`)
          .join('')}</tr>`,
    ).join('\n')}</tbody></table>`,
  ),
);
add(
  'grid-deep-in-layout-tables',
  contractsPage(`<table><tr><td><table><tr><td><div><div><table><tr><td>${grid(6)}</td></tr></table></div></div></td></tr></table></td></tr></table>`),
);
add(
  'public-rows-missing-cells',
  publicPage([
    `<tr data-expect-kind="record-or-none">${tds(['58101', '2', 'EKSİK SATIR KURUMU', 'Adres', 'Merkez'])}</tr>`,
    `<tr data-expect-kind="record-or-none">${tds(['58102', '3'])}</tr>`,
    `<tr></tr>`,
  ]),
);
add(
  'header-row-of-td-cells',
  contractsPage(
    `<table class="grid" rules="all" border="1"><tr>${OLD_CONTRACT_HEADERS.map((h) => `<td><b>${esc(h)}</b></td>`).join('')}</tr>${Array.from(
      { length: 5 },
      (_, i) => `<tr ${UNKNOWN}>${tds(oldContractCells(i))}</tr>`,
    ).join('\n')}</table>`,
  ),
);
add(
  'attribute-churn-on-rows',
  contractsPage(grid(15), {
    after: `<script>
  // row hover/selection classes flipping every 30 ms (a grid library's styling): no facts change
  var k = 0;
  setInterval(function () { var rows = document.querySelectorAll('#grid-body tr'); rows[k % rows.length].className = 'hover' + (k % 2); k++; }, 30);
</script>`,
  }),
  { maxScans: 3 },
);
add(
  'entity-and-nbsp-numbers',
  publicPage(
    [
      { count: '1&nbsp;240' },
      { count: '1 240' },
      { nace: '85.42.01 ' },
      { nace: ' 85.42.01 ' },
    ].map((r, i) => publicRow(i + 1, { ...r, count: r.count?.replace('&nbsp;', ' ') })),
  ),
);

add(
  'ticking-cell',
  contractsPage(
    grid(20, {
      headers: [...OLD_CONTRACT_HEADERS, 'Son Güncelleme'],
      cells: (i) => [...oldContractCells(i), i === 0 ? '0' : ''],
    }),
    {
      after: `<script>
  // a live cell: rewritten every 50 ms, for ever
  setInterval(function () { var c = document.querySelector('#grid-body tr td:last-child'); c.textContent = String(performance.now() | 0); }, 50);
</script>`,
    },
  ),
  { ticking: true },
);
{
  // the page writes the extension's attributes itself: wrong screen, a negative scan time, marks on
  // its header, on a div and on its rows, and an element of its own named data-katip-ui
  const rows = Array.from({ length: 5 }, (_, i) => `<tr ${UNKNOWN} data-katip-status="ok" data-katip-rules="">${tds(oldContractCells(i))}</tr>`).join('\n');
  const html = contractsPage(
    `<div data-katip-status="error" data-katip-rules="certificate-class">Sayfanın kendi kutusu</div>
<span data-katip-ui="badge" id="page-own-ui">Sayfanın kendi öğesi</span>
<table class="grid"><thead><tr data-katip-status="ok" data-katip-rules="">${OLD_CONTRACT_HEADERS.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>`,
  ).replace('<html lang="tr"', '<html lang="tr" data-katip-screen="public-institutions" data-katip-scan-ms="-1"');
  add('page-writes-katip-attributes', html, { ownUi: true });
}

{
  // a 2,000-column table of figures that is no portal screen (a pivot export pasted into a page):
  // left alone, quickly
  const heads = Array.from({ length: 2000 }, (_, k) => `Sütun ${k + 1}`);
  const rows = Array.from({ length: 20 }, (_, i) => `<tr>${tds(heads.map((_, k) => String((i * 7 + k) % 1000)))}</tr>`).join('\n');
  add('columns-2000', plainPage('Özet Tablo', `<table><thead>${th(heads)}</thead><tbody>${rows}</tbody></table>`));
}
{
  // 1 MB of text in one cell (a pasted document in the name column), and 1 MB in a cell of a column the reader ignores
  const mb = 'Lorem ipsum İŞÇİ ğüşıöç '.repeat(Math.ceil(1_000_000 / 24)).slice(0, 1_000_000);
  add(
    'megabyte-in-one-cell',
    contractsPage(
      grid(8, {
        headers: [...OLD_CONTRACT_HEADERS, 'Açıklama'],
        cells: (i) => [...oldContractCells(i), i === 2 ? mb : ''],
        extraRows: `<tr ${MAYBE_UNKNOWN}>${tds([mb, ...oldContractCells(8).slice(1), ''])}</tr>`,
      }),
    ),
    // Chromium 150 lays this table out again whenever anything in it changes (~300 ms for the 2 MB of
    // text: the page alone shows a 114 ms gap after load, the marks force one more layout; the
    // extension's own script takes ~250 ms in all). Open in issue 10: marks that force no table layout.
    { timeout: 20_000, maxFreeze: 700 },
  );
}
{
  // bidi marks, isolates and zero-width characters around and inside numbers (copied from a word
  // processor or an RTL system): read as the number they show, never a different verdict
  const marks = [
    { count: '\u200b120\u200b' },
    { count: '\u202d120\u202c' },
    { count: '\u2067120\u2069' },
    { count: '\ufeff1.240' },
    { nace: '\u200b85.42.01' },
    { nace: '85.42.01\u200b' },
    { nace: '85.42.01\ufeff' },
  ];
  add('bidi-and-zero-width-around-numbers', publicPage(marks.map((r, i) => publicRow(i + 1, r))));
}
{
  // the same marks around the figures a verdict rests on (new contract form: 120 employees,
  // "Tehlikeli", 1,200 minutes ongoing, 600 entered): read as shown, the minutes are below the minimum
  const form = readFileSync(join(FIXTURES_DIR, 'new-contract-form/table.html'), 'utf8')
    .replace('<td>120</td>', '<td>\u2067120\u2069</td>')
    .replace('<td>1.200</td></tr>\n      <tr><th class="caption">GEREKLİ TOPLAM', '<td>\u200e1.200\u200f</td></tr>\n      <tr><th class="caption">GEREKLİ TOPLAM')
    .replace('value="1.200"', 'value="\u200b600\u202c"')
    .replace('<div class="form-durumu" data-expect-kind="record">', '<div class="form-durumu" data-expect-kind="record" data-expect-status="error" data-expect-rules-include="minutes-below-minimum">');
  assert.equal((form.match(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g) ?? []).length, 6, 'the form fixture changed: the bidi case no longer marks its figures');
  add('bidi-around-form-figures', form.replace('<head>', `<head>\n${PROBE_SCRIPT}`));
}
{
  // huge and garbage figures in the public list: the record stays marked (never silently left out),
  // nothing is claimed from a number that is not one, and the count is named unreadable (never `ok`)
  add(
    'public-huge-counts',
    publicPage(['99999999999999999999', '1e309', '-5', 'çok', '12.345.678.901.234'].map((count, i) => publicRow(i + 1, { count, attrs: UNKNOWN }))),
  );
}

// ---- the run ------------------------------------------------------------------------------------

const extraPages = {};
for (const c of CASES) {
  extraPages[c.path] = c.html;
  Object.assign(extraPages, c.pages ?? {});
}
const suite = useBrowserSuite({ extraPages });

// The extension's first start (service worker, first injection) is not a bad page's doing: let it
// happen once on the portal's index page before the first bad page.
let warm;
function warmUp() {
  warm ??= (async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${PORTAL_ORIGIN}/`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    await page.close();
  })();
  return warm;
}

/** Does any frame of the page expect to be a screen? */
async function expectsScreen(page) {
  for (const frame of page.frames()) {
    if (!frame.url().startsWith('https:')) continue;
    if (await frame.evaluate(() => document.documentElement.hasAttribute('data-expect-screen')).catch(() => false)) return true;
  }
  return false;
}

/**
 * Runs in the top page: the longest heartbeat gap (the page frozen) that began after the load event.
 * Before it, the page's own parsing and the extension's start-up (its script evaluated at
 * document_start, its wiring at DOMContentLoaded) run; `npm run bench` measures that start-up as
 * the load-event ratio and the long-task time the extension adds. What is left here is the extension's work on this bad page.
 */
function freezeAfterLoad() {
  const p = window.__probe;
  const load = performance.getEntriesByType('navigation')[0].loadEventEnd;
  return p.gaps.filter(([end, gap]) => end - gap >= load).reduce((max, [, gap]) => Math.max(max, gap), 0);
}

test(`the corpus holds at least 25 bad pages (${CASES.length})`, () => {
  assert.ok(CASES.length >= 25, `${CASES.length} bad pages`);
});

for (const c of CASES) {
  test(`bad page ${c.name}: no error, no freeze, no unsupported verdict, marks only on records`, async () => {
    await warmUp();
    const { browser } = suite;
    const errorsBefore = browser.errors.length;
    const page = await browser.context.newPage();
    try {
      await page.goto(`${PORTAL_ORIGIN}/${c.path}`, { waitUntil: 'load', timeout: c.loadTimeout ?? 60_000 });
      if (c.churn) await page.waitForFunction(() => document.documentElement.hasAttribute('data-test-done'), null, { timeout: 20_000 });
      if (await expectsScreen(page)) {
        await waitForNoProblems(() => pageProblems(page), { timeout: c.timeout ?? 8000, interval: 200 });
      } else {
        await page.waitForTimeout(1500);
      }
      // what the extension wrote stays right once settled (a second look after it had time to act again)
      await page.waitForTimeout(400);
      assert.deepEqual(await pageProblems(page), []);

      if (c.ticking) {
        // no hot loop: scans bounded while the cell ticks; memory flat; a real change elsewhere is judged
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        const scansBefore = await page.evaluate(() => window.__probe.scans.length);
        // the time from the replacement to the mark, measured in the page (no round trip to the test)
        const judgedAfter = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const rows = document.querySelectorAll('#grid-body tr');
              const tr = document.createElement('tr');
              tr.setAttribute('data-expect-kind', 'record');
              tr.id = 'fresh-row';
              ['Yeni Gelen Kişi', 'Dış Grv.', 'İşyeri Hekimi', 'Kısmi Süreli', '01.10.2024', 'Devam Ediyor', '', 'Onay Bekliyor', ''].forEach((v) => {
                const td = document.createElement('td');
                td.textContent = v;
                tr.appendChild(td);
              });
              const start = performance.now();
              const seen = new MutationObserver(() => {
                if (!tr.hasAttribute('data-katip-status')) return;
                seen.disconnect();
                resolve(performance.now() - start);
              });
              seen.observe(tr, { attributes: true, attributeFilter: ['data-katip-status'] });
              setTimeout(() => resolve(null), 5000);
              rows[10].replaceWith(tr);
            }),
        );
        assert.notEqual(judgedAfter, null, 'a row replaced while another cell ticks every 50 ms was not judged within 5 s (the debounce never fires)');
        assert.ok(judgedAfter <= MAX_JUDGE_MS, `a row replaced while another cell ticks every 50 ms was judged after ${Math.round(judgedAfter)} ms (at most ${MAX_JUDGE_MS}: the debounce's maximum wait)`);
        await page.waitForTimeout(3000);
        const scans = (await page.evaluate(() => window.__probe.scans.length)) - scansBefore;
        await cdp.send('HeapProfiler.collectGarbage');
        const growth = (await cdp.send('Runtime.getHeapUsage')).usedSize - heapBefore;
        await cdp.detach();
        assert.ok(scans <= 25, `${scans} scans in about 3.5 s while one cell ticks every 50 ms (bounded: at most one per ~150 ms)`);
        assert.ok(growth < 10_000_000, `the page's heap grew by ${(growth / 1e6).toFixed(1)} MB in 3.5 s of ticking`);
        assert.deepEqual(await pageProblems(page), []);
      }
      if (c.churn) {
        const { scans, badges, records } = await page.evaluate(() => ({
          scans: window.__probe.scans.length,
          badges: document.querySelectorAll('[data-katip-ui="badge"]').length,
          records: document.querySelectorAll('[data-katip-status]').length,
        }));
        assert.ok(scans <= 101, `${scans} scans for 100 removals and returns of the grid`);
        assert.ok(badges <= records, `${badges} badges for ${records} records: badges piled up`);
      }
      if (!c.churn && !c.ticking) {
        // bounded scans: a page that settles is scanned a few times (first look, the page report, a
        // grid shown late), never again and again while nothing the extension reads changes
        if (c.maxScans !== undefined) await page.waitForTimeout(1000);
        const maxScans = c.maxScans ?? MAX_SCANS_STATIC;
        const scans = await page.evaluate(() => window.__probe.scans.length);
        assert.ok(scans <= maxScans, `${scans} scans of a page that settled (at most ${maxScans})`);
      }
      if (c.ownUi) {
        const own = await page.evaluate(() => document.getElementById('page-own-ui')?.textContent ?? null);
        assert.equal(own, 'Sayfanın kendi öğesi', "the page's own element named data-katip-ui was removed or changed");
      }

      const freeze = await page.evaluate(freezeAfterLoad);
      const maxFreeze = c.maxFreeze ?? MAX_FREEZE_MS;
      assert.ok(freeze <= maxFreeze, `the page froze for ${Math.round(freeze)} ms after its load event (at most ${maxFreeze})`);
      const errors = browser.errors.slice(errorsBefore);
      assert.deepEqual(errors, [], 'uncaught errors or console errors');
    } finally {
      await page.close();
    }
  });
}

test('no request left the fake portal or the extension during the corpus', () => {
  assert.deepEqual(suite.browser.foreignRequests, []);
});
