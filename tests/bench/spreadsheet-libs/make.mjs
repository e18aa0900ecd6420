import { writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
const { EXPORT_HEADERS, exportAoa, syntheticContracts, xlsxBytes } = await import(
  process.env.KATIP_ROOT ? `${process.env.KATIP_ROOT}/tests/fixtures/audit/make-export.mjs` : new URL('../../fixtures/audit/make-export.mjs', import.meta.url).href
);
const enc = new TextEncoder();
function book(sheetXml) {
  return zipSync({
    '[Content_Types].xml': enc.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': enc.encode('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': typeof sheetXml === 'string' ? enc.encode(sheetXml) : sheetXml,
  }, { level: 9 });
}
const ws = (rows) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const good = xlsxBytes(exportAoa(syntheticContracts(5000)));
writeFileSync('f-5000.xlsx', good);
writeFileSync('f-notzip.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 1, 2, 3]));
writeFileSync('f-damaged.xlsx', good.slice(0, Math.floor(good.length / 2)));
// 1,000,000 rows (valid, varied)
const head = EXPORT_HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + (i % 26))}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
const rows = [`<row r="1">${head}</row>`];
for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"><c r="C${r}"><v>${r * 7919}</v></c><c r="J${r}"><v>${r % 997}</v></c></row>`);
writeFileSync('f-million.xlsx', book(ws(rows.join(''))));
// a zip bomb: a sheet of 1 GB that deflates from ~1 MB (whitespace between rows is valid XML)
const pad = new Uint8Array(1024 * 1024 * 1024).fill(0x20);
const pre = enc.encode(ws('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</sheetData>', ''));
const post = enc.encode('</sheetData></worksheet>');
const bomb = new Uint8Array(pre.length + pad.length + post.length); bomb.set(pre); bomb.set(pad, pre.length); bomb.set(post, pre.length + pad.length);
writeFileSync('f-bomb.xlsx', book(bomb));
// formulas: one with a cached value, one without, one external reference
writeFileSync('f-formula.xlsx', book(ws('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>WEBSERVICE("http://example.invalid/")</f></c><c r="C1"><f>[1]Sheet1!A1</f><v>7</v></c></row>')));
console.log('made');
