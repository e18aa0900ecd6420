// node one.mjs <lib> <file>: reads the file with the library, prints JSON { ms, rows, error }
import { readFileSync } from 'node:fs';
const [lib, file] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const readers = {
  'read-excel-file': async (b) => { const { readSheet } = await import('read-excel-file/universal'); return (await readSheet(new Blob([b]))).length; },
  '@e965/xlsx': async (b) => { const { read, utils } = await import('@e965/xlsx'); const wb = read(b, { type: 'array' }); return utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 }).length; },
  exceljs: async (b) => { const ExcelJS = (await import('exceljs')).default; const wb = new ExcelJS.Workbook(); await wb.xlsx.load(b); return wb.worksheets[0]?.rowCount ?? 0; },
};
const reps = Number(process.env.REPS ?? 1);
const times = [];
let rows, error;
for (let i = 0; i < reps; i++) {
  const t = performance.now();
  try { rows = await readers[lib](bytes); } catch (e) { error = String(e?.message ?? e).slice(0, 120); }
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: Math.round(times[Math.floor(times.length / 2)]), rows, error, rssMB: Math.round(process.memoryUsage().rss / 1e6) }));
