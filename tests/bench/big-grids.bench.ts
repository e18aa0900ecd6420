// Timing of the grid readers on big generated grids (2,000 rows) in happy-dom: plain, fixed-header, ARIA.
import { bench, describe } from 'vitest';
import { oldContractsReader } from '@/utils/screens/old-contracts';
import { newContractsReader } from '@/utils/screens/new-contracts';
import { detectScreen } from '@/utils/screens';

const ROWS = 2000;
const row = (i: number) =>
  `<td>Ayşe Yıldırım ${i}</td><td>Dış Grv.</td><td>${i % 3 ? 'C Sınıfı İş Güvenliği Uzmanı' : 'İşyeri Hekimi'}</td><td>Kısmi Süreli</td><td>01.02.2024</td><td>Devam Ediyor</td><td></td><td>${i % 4 ? 'Onaylandı' : 'Onay Bekliyor'}</td>`;
const head = ['Adı Soyadı', 'Grv. Türü', 'Personel Kategorisi Adı', 'Çalışma Şekli', 'Grv. Başlama Trh.', 'Çalışma Durumu', 'Grv. Ayrılış Trh.', 'Grv. Onay Durumu'];
const body = Array.from({ length: ROWS }, (_, i) => `<tr>${row(i)}</tr>`).join('');
const plain = `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
const scroll = `<div class="dataTables_scrollHead"><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead></table></div>
<div class="dataTables_scrollBody"><table><thead><tr style="height:0">${head.map((h) => `<th style="height:0"><div style="height:0;overflow:hidden">${h}</div></th>`).join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
const newHead = ['Sözleşme ID', 'Görevlendirilen Kişi TC Kimlik No', 'Görevlendirilen Kişi Ad Soyad', 'Sertifika Tipi', 'Çalışma Süresi', 'Onay Durumu'];
const aria = `<div role="table"><div role="row">${newHead.map((h) => `<div role="columnheader">${h}</div>`).join('')}</div>${Array.from(
  { length: ROWS },
  (_, i) => `<div role="row"><div role="cell">${100000 + i}</div><div role="cell">17776071332</div><div role="cell">Ali Veli ${i}</div><div role="cell">C Sınıfı</div><div role="cell">1.200</div><div role="cell">Onaylandı</div></div>`,
).join('')}</div>`;
const parse = (b: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${b}</body></html>`, 'text/html');
const docs = { plain: parse(plain), scroll: parse(scroll), aria: parse(aria) };

describe(`${ROWS}-row grids: detectScreen + read`, () => {
  bench('old-contracts plain table', () => {
    if (oldContractsReader.read(docs.plain).records.length !== ROWS) throw new Error('plain');
    detectScreen(docs.plain);
  });
  bench('old-contracts DataTables scrollX (header table + body table)', () => {
    const n = oldContractsReader.read(docs.scroll).records.length;
    if (n !== ROWS) console.log('scroll read', n);
    detectScreen(docs.scroll);
  });
  bench('new-contracts ARIA role=table', () => {
    if (newContractsReader.read(docs.aria).records.length !== ROWS) throw new Error('aria');
    detectScreen(docs.aria);
  });
});
