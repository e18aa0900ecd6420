// Timing of the grid readers on 2,000-column tables in happy-dom (issue 7: a wide grid whose labelled
// columns come first is read; issue 10: a 2,000-column table of figures is left alone, quickly).
import { bench, describe } from 'vitest';
import { oldContractsReader } from '@/utils/screens/old-contracts';
import { detectScreen } from '@/utils/screens';

const COLUMNS = 2000;
const ROWS = 20;
const LABELS = ['Adı Soyadı', 'Personel Kategorisi Adı', 'Çalışma Şekli', 'Grv. Başlama Trh.', 'Çalışma Durumu', 'Grv. Ayrılış Trh.', 'Grv. Onay Durumu'];
const VALUES = ['Ali Veli', 'C Sınıfı İş Güvenliği Uzmanı', 'Kısmi Süreli', '01.02.2024', 'Devam Ediyor', '', 'Onaylandı'];
const figures = (i: number, n: number) => Array.from({ length: n }, (_, k) => `<td>${(i * 7 + k) % 1000}</td>`).join('');
const heads = (n: number) => Array.from({ length: n }, (_, k) => `<th>Sütun ${k + 1}</th>`).join('');
const parse = (b: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${b}</body></html>`, 'text/html');

const pivot = parse(`<table><thead><tr>${heads(COLUMNS)}</tr></thead><tbody>${Array.from({ length: ROWS }, (_, i) => `<tr>${figures(i, COLUMNS)}</tr>`).join('')}</tbody></table>`);
const grid = parse(
  `<table><thead><tr>${LABELS.map((l) => `<th>${l}</th>`).join('')}${heads(COLUMNS - LABELS.length)}</tr></thead><tbody>${Array.from(
    { length: ROWS },
    (_, i) => `<tr>${VALUES.map((v) => `<td>${v}</td>`).join('')}${figures(i, COLUMNS - LABELS.length)}</tr>`,
  ).join('')}</tbody></table>`,
);

describe(`${COLUMNS}-column tables, ${ROWS} rows: detectScreen + read`, () => {
  bench('a table of figures (no screen): left alone', () => {
    if (detectScreen(pivot) !== undefined) throw new Error('pivot detected');
    oldContractsReader.read(pivot);
  });
  bench('a contract grid whose labelled columns come first: read', () => {
    detectScreen(grid);
    const n = oldContractsReader.read(grid).records.length;
    if (n !== ROWS && n !== 0) throw new Error(`read ${n}`);
  });
});
