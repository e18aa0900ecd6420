// `npm run bench`: how long the content script takes to check a big "Sözleşmeler" grid and "Kamu Kurumları Listesi" in Chromium.
// Prints numbers; asserts nothing. Builds first unless KATIP_SKIP_BUILD is set.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, PORTAL_ORIGIN, ROOT, launchBrowser, listFixtures, startPortal } from '../e2e/harness.mjs';

const RELOADS = 5;

if (!process.env.KATIP_SKIP_BUILD) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

const RECORD_ROW = /<tr\b[^>]*data-expect-kind=["']?record["']?[^>]*>[\s\S]*?<\/tr>/gi;

/**
 * A big page made from a fixture of that screen: its record rows repeated up to `rows`, with the
 * serial digits varied so the rows are not all identical. Null when no fixture fits.
 */
function grownFixture(screen, rows) {
  const candidates = listFixtures().filter(
    (f) => f.expectScreen === screen && !f.hasFrames && !f.hostile && (f.source.match(RECORD_ROW)?.length ?? 0) >= 1,
  );
  const chosen = candidates.sort((a, b) => b.source.match(RECORD_ROW).length - a.source.match(RECORD_ROW).length)[0];
  if (!chosen) return null;
  const matches = [...chosen.source.matchAll(RECORD_ROW)];
  const last = matches[matches.length - 1];
  const extra = [];
  for (let i = matches.length; i < rows; i++) {
    extra.push(matches[i % matches.length][0].replace(/\bid=["'][^"']*["']/g, ''));
  }
  const at = last.index + last[0].length;
  return { from: chosen.path, html: chosen.source.slice(0, at) + extra.join('\n') + chosen.source.slice(at) };
}

const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** Fallback when no fixture exists: the old interface's grid as the work instruction (seed 003) describes it. */
function syntheticOldContracts(rows) {
  const names = ['Ayşe Yılmaz', 'Mehmet Öztürk', 'Şule Çelik', 'İsmail Güneş', 'Gülşen Kılıç'];
  const roles = ['İş Güvenliği Uzmanı', 'İşyeri Hekimi', 'Diğer Sağlık Personeli'];
  const body = [];
  for (let i = 0; i < rows; i++) {
    body.push(
      `<tr class="${i % 2 ? 'GridAltRow' : 'GridRow'}"><td>${esc(names[i % names.length])} ${i}</td><td>${roles[i % 3]}</td>` +
        `<td>${i % 7 === 0 ? 'A Sınıfı' : 'B Sınıfı'}</td><td>${i % 5 === 0 ? 'Tam Süreli' : 'Kısmi Süreli'}</td>` +
        `<td>01.0${(i % 9) + 1}.2025</td><td>Devam Ediyor</td><td></td><td>${i % 4 ? 'Onaylandı' : 'Onay Bekliyor'}</td></tr>`,
    );
  }
  return `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Sözleşmeler</title></head><body>
<h2>Hizmet Alan İşyeri Modülü » Sözleşmeler</h2>
<table id="ctl00_ContentPlaceHolder1_gvSozlesmeler" class="Grid"><tr class="GridHeader"><th>Adı Soyadı</th><th>Grv. Türü</th>
<th>Personel Kategorisi Adı</th><th>Çalışma Şekli</th><th>Grv. Başlama Trh.</th><th>Çalışma Durumu</th><th>Grv. Ayrılış Trh.</th>
<th>Grv. Onay Durumu</th></tr>
${body.join('\n')}</table></body></html>`;
}

/** Fallback: the new interface's public-institution list with the columns seed 002 shows. */
function syntheticPublicInstitutions(rows) {
  const classes = ['Az Tehlikeli', 'Tehlikeli', 'Çok Tehlikeli', 'Tehlikesiz'];
  const codes = ['85.42.01', '84.11.01', '86.10.01', '72.10', '85.42.01'];
  const body = [];
  for (let i = 0; i < rows; i++) {
    body.push(
      `<tr role="row"><td>${100000 + i}</td><td>${i}</td><td>Ankara Üniversitesi Birim ${i}</td><td>Dögol Cad. No:${i}</td>` +
        `<td>Çankaya</td><td>${codes[i % codes.length]}</td><td>${classes[i % classes.length]}</td><td>${(i * 37) % 1200}</td><td>Aktif</td></tr>`,
    );
  }
  return `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Kamu Kurumları Listesi</title></head><body>
<h1>Kamu Kurumları Listesi</h1>
<table><thead><tr><th>Detay ID</th><th>Detay No</th><th>Kurum Unvanı</th><th>Kurum Adresi</th><th>Kurum İlçesi</th><th>NACE Kodu</th>
<th>Tehlike Sınıfı</th><th>Çalışan Sayısı</th><th>Kurum Statü</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table></body></html>`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = [
  { screen: 'old-contracts', rows: 2000, fallback: syntheticOldContracts },
  { screen: 'public-institutions', rows: 500, fallback: syntheticPublicInstitutions },
];
const extraPages = {};
for (const c of cases) {
  const grown = grownFixture(c.screen, c.rows);
  c.from = grown ? `tests/fixtures/${grown.from}` : 'synthetic';
  c.path = `bench/${c.screen}-${c.rows}.html`;
  extraPages[c.path] = grown ? grown.html : c.fallback(c.rows);
}

const portal = await startPortal({ extraPages });
const browser = await launchBrowser({ port: portal.port });
console.log(`Chromium ${browser.context.browser()?.version() ?? ''}, extension ${browser.extensionId}`);
try {
  for (const c of cases) {
    const page = await browser.context.newPage();
    const scans = [];
    const marked = [];
    for (let i = 0; i < RELOADS; i++) {
      if (i === 0) await page.goto(`${PORTAL_ORIGIN}/${c.path}`);
      else await page.reload();
      const ms = await page
        .waitForFunction(() => document.documentElement.getAttribute('data-katip-scan-ms'), null, { timeout: 15_000 })
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (ms === null) break;
      scans.push(Number(ms));
      marked.push(await page.evaluate(() => document.querySelectorAll('[data-katip-status]').length));
    }
    await page.close();
    if (!scans.length) {
      console.log(`${c.screen} (${c.rows} rows, from ${c.from}): no data-katip-scan-ms within 15 s (screen not recognised?)`);
      continue;
    }
    console.log(
      `${c.screen} (${c.rows} rows, from ${c.from}): data-katip-scan-ms median ${median(scans).toFixed(1)} ms ` +
        `over ${scans.length} loads [${scans.map((s) => s.toFixed(1)).join(', ')}]; records marked ${marked.at(-1)}`,
    );
  }
} finally {
  await browser.close();
  await portal.close();
}

const contentDir = join(DIST, 'content-scripts');
if (existsSync(contentDir)) {
  for (const name of readdirSync(contentDir)) {
    const file = join(contentDir, name);
    const bytes = statSync(file).size;
    console.log(`content script ${name}: ${bytes} bytes (${gzipSync(readFileSync(file)).length} gzip)`);
  }
}
