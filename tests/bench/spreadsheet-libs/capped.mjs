import { readFileSync } from 'node:fs';
import { read } from '@e965/xlsx';
const b = new Uint8Array(readFileSync(process.argv[2]));
const t = performance.now();
const wb = read(b, { type: 'array', dense: true, sheetRows: 50011, cellFormula: false, cellHTML: false });
console.log(JSON.stringify({ ms: Math.round(performance.now() - t), rows: wb.Sheets[wb.SheetNames[0]]['!data']?.length, rssMB: Math.round(process.memoryUsage().rss / 1e6) }));
