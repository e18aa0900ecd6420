// Generated portal-like pages for the benchmark and the bad-page corpus: big grids are built here at
// run time (never committed), served by the harness through `startPortal({ extraPages })`.

/** Escape text for an HTML text node or a quoted attribute. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The old interface's "Sözleşmeler" grid columns (PORTAL-EVIDENCE.md, PAGE-CONTRACT.md). */
export const OLD_CONTRACT_HEADERS = [
  'Adı Soyadı',
  'Grv. Türü',
  'Personel Kategorisi Adı',
  'Çalışma Şekli',
  'Grv. Başlama Trh.',
  'Çalışma Durumu',
  'Grv. Ayrılış Trh.',
  'Grv. Onay Durumu',
];

const FIRST = ['Ayşe', 'Mehmet', 'Şule', 'İsmail', 'Gülşen', 'Çağrı', 'Ömer', 'Işıl', 'Ümit', 'Zeynep'];
const LAST = ['Yıldırım', 'Öztürk', 'Çağlar', 'Işık', 'Kılıç', 'Güneş', 'Şahin', 'Doğan', 'Aydın', 'Koç'];
const ROLES = ['C Sınıfı İş Güvenliği Uzmanı', 'İşyeri Hekimi', 'Diğer Sağlık Personeli', 'B Sınıfı İş Güvenliği Uzmanı'];

/**
 * The cells of one contract row (old interface): a distinct person per `i` (and per `tag`, so two
 * pages never share a record), every fourth row awaiting approval.
 */
export function oldContractCells(i, tag = '') {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${tag}${i}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    name,
    'Dış Grv.',
    ROLES[i % ROLES.length],
    'Kısmi Süreli',
    `${day}.${month}.2024`,
    'Devam Ediyor',
    '',
    i % 4 === 0 ? 'Onay Bekliyor' : 'Onaylandı',
  ];
}

/** One `<tr>` of the grid, marked as a record the extension must judge. */
export function oldContractRow(cells, attrs = 'data-expect-kind="record"') {
  return `<tr ${attrs}>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
}

/**
 * Runs in the page before anything else (inline, at the top of <head>): records what a user would feel and
 * what the extension wrote, for the benchmark and the corpus to read back as `window.__probe`:
 * - `longtasks`: [startTime, duration] of every task over 50 ms (PerformanceObserver 'longtask');
 * - `scans`: [time, value] each time data-katip-scan-ms is written on <html> (one entry per scan);
 * - `maxGap`: the longest wait of a 10 ms timer heartbeat (the page frozen for that long), and
 *   `maxFrameGap` the same for requestAnimationFrame; `gaps`: [end time, gap] of every heartbeat
 *   wait over 50 ms.
 */
export const PROBE_SCRIPT = `<script>
(function () {
  var p = (window.__probe = { longtasks: [], scans: [], gaps: [], maxGap: 0, maxFrameGap: 0, beats: 0 });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { p.longtasks.push([e.startTime, e.duration]); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  new MutationObserver(function (records) {
    records.forEach(function () {
      p.scans.push([performance.now(), document.documentElement.getAttribute('data-katip-scan-ms')]);
    });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-katip-scan-ms'] });
  var last = performance.now();
  (function beat() {
    var t = performance.now();
    if (t - last > p.maxGap) p.maxGap = t - last;
    if (t - last > 50) p.gaps.push([t, t - last]);
    last = t;
    p.beats++;
    setTimeout(beat, 10);
  })();
  var lastFrame = 0;
  (function frame(t) {
    if (lastFrame && t - lastFrame > p.maxFrameGap) p.maxFrameGap = t - lastFrame;
    lastFrame = t;
    requestAnimationFrame(frame);
  })(0);
  /** Heartbeat gaps from now on only (after the page's own load). */
  p.resetGaps = function () { p.maxGap = 0; p.maxFrameGap = 0; last = performance.now(); lastFrame = 0; };
})();
</script>`;

/**
 * A whole portal-like page: `<html data-expect-screen>` when it is a screen, the probe first, then
 * `body`. `head` adds to the head (styles).
 */
export function portalPage({ title, screen = null, body, head = '', probe = true }) {
  const expect = screen ? ` data-expect-screen="${esc(screen)}"` : '';
  return `<!DOCTYPE html>
<html lang="tr"${expect}>
<head>
<meta charset="utf-8">
${probe ? PROBE_SCRIPT : ''}
<title>${esc(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/**
 * The old interface's contracts page with `rows` generated rows (distinct people, `tag` in each
 * name). `window.__replaceRows(n)` plays a partial postback: the first `n` rows are replaced by rows
 * of new people (as an UpdatePanel re-rendering part of the grid would).
 */
export function oldContractsPage(rows, { tag = '', title = 'İSG-KATİP - Sözleşmeler' } = {}) {
  const body = [];
  for (let i = 0; i < rows; i++) body.push(oldContractRow(oldContractCells(i, tag)));
  return portalPage({
    title,
    screen: 'old-contracts',
    body: `<h2>Hizmet Alan İşyeri Modülü » Sözleşmeler</h2>
<button type="button" id="btnTazele">Tazele</button>
<table class="grid" id="gvSozlesmeler">
<thead><tr>${OLD_CONTRACT_HEADERS.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody id="rows">
${body.join('\n')}
</tbody>
</table>
<script>
(function () {
  var round = 0;
  var roles = ${JSON.stringify(ROLES)};
  window.__replaceRows = function (n) {
    round++;
    var tbody = document.getElementById('rows');
    for (var i = 0; i < n && i < tbody.rows.length; i++) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-expect-kind', 'record');
      ['Yeni Kişi ' + round + '-' + i, 'Dış Grv.', roles[i % roles.length], 'Kısmi Süreli', '01.10.2024', 'Devam Ediyor', '', 'Onay Bekliyor']
        .forEach(function (v) { var td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      tbody.replaceChild(tr, tbody.rows[i]);
    }
    return performance.now();
  };
})();
</script>`,
  });
}
