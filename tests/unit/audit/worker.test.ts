// The audit's worker job end to end on a mirror: a file read whole is judged, its dashboard figures
// sent and its lists kept for the page to ask a page at a time, kept as a dated snapshot and merged
// into the mirror; a hostile or wrong file changes nothing at all.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { read } from '@e965/xlsx';
import { answerQuery, runAudit, PART_SIZE, type AuditReply, type AuditSession } from '@/utils/audit/worker';
import type { KatipDb } from '@/utils/db';
import { EXPORT_HEADERS, csvText, exportAoa, sicilFor, syntheticContracts, tcknFrom, xlsxBytes } from '../../fixtures/audit/make-export.mjs';
import { useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

let session: AuditSession | undefined;
async function run(bytes: Uint8Array, fileName = 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_1.xlsx') {
  const replies: AuditReply[] = [];
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  session = undefined;
  await runAudit({ type: 'audit', bytes: buffer, fileName, disabled: [], today: '2025-12-01', dbName: db.name }, (r) => replies.push(r), (s) => (session = s));
  return replies;
}

async function ask(q: Parameters<typeof answerQuery>[1]) {
  const replies: AuditReply[] = [];
  await answerQuery(session!, q, (r) => replies.push(r));
  return replies;
}

async function counts() {
  return { snapshots: await db.auditSnapshots.count(), workplaces: await db.workplaces.count(), assignments: await db.assignments.count(), history: await db.history.count() };
}

/** A minimal workbook whose one sheet has the export's header and 1,000,000 contract rows (varied, so no bomb). */
function millionRowXlsx(): Uint8Array {
  const head = EXPORT_HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + (i % 26))}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
  const rows: string[] = [];
  for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"><c r="C${r}"><v>${r * 7919}</v></c><c r="J${r}"><v>${r % 997}</v></c></row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:W1000001"/><sheetData><row r="1">${head}</row>${rows.join('')}</sheetData></worksheet>`;
  const enc = new TextEncoder();
  return zipSync({
    '[Content_Types].xml': enc.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': enc.encode('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': enc.encode(sheet),
  });
}

const SHOP = { id: 3, title: 'Köşe Market', sgk: sicilFor('47.11.02', 3), n: 12, hazard: 'Az Tehlikeli', nace: '47.11.02' };
const ALI = { tckn: tcknFrom(111111111), person: 'Ali Demir' };

describe('runAudit with a mirror', () => {
  it('sends the dashboard figures only, answers for the rows in view, then saves the snapshot and merges the rows', async () => {
    const n = 450;
    const replies = await run(xlsxBytes(exportAoa(syntheticContracts(n))));
    const types = replies.map((r) => r.type).filter((t) => t !== 'progress');
    expect(types).toEqual(['done', 'snapshot', 'mirror']);
    const done = replies.find((r) => r.type === 'done') as Extract<AuditReply, { type: 'done' }>;
    expect(done.read.rowCount).toBe(n);
    expect('rows' in done.read).toBe(false);
    // no list crosses to the page with the figures: only counts, the 10 largest shortfalls and the bars
    expect(done.summary.totals.contracts).toBe(n);
    expect(Object.keys(done.summary).sort()).toEqual(['at', 'bars', 'counts', 'today', 'top', 'totals']);
    expect(done.summary.top.length).toBeLessThanOrEqual(10);
    // the rows the list has in view: one page of 100 from row 300
    const [page] = await ask({ type: 'rows', id: 7, view: { list: 'contracts', filter: {} }, from: 300, count: 100 });
    expect(page).toMatchObject({ type: 'rows', id: 7, page: { total: n, from: 300 } });
    const items = (page as Extract<AuditReply, { type: 'rows' }>).page.items as { i: number; workplaceTitle: string }[];
    expect(items.map((c) => c.i)).toEqual(Array.from({ length: 100 }, (_, k) => 300 + k));
    expect(items.every((c) => c.workplaceTitle.length > 0)).toBe(true);
    // the printed report's lists come in parts of PART_SIZE
    const print = await ask({ type: 'print', id: 8 });
    expect(print.every((r) => r.type === 'print' && r.id === 8 && r.part.workplaces.length <= PART_SIZE && r.part.professionals.length <= PART_SIZE)).toBe(true);
    expect(print.map((r) => (r as Extract<AuditReply, { type: 'print' }>).last)).toEqual([...Array(print.length - 1).fill(false), true]);
    // the Excel report is written in the worker, with every contract
    const [excel] = await ask({ type: 'excel', id: 9, opts: { showTckn: false } });
    const blob = (excel as Extract<AuditReply, { type: 'excel' }>).blob!;
    expect(blob.size).toBeGreaterThan(10_000);
    const c = await counts();
    expect(c.snapshots).toBe(1);
    expect(c.assignments).toBe(n);
    // the second import of the same file: compared with the first, nothing new
    const again = await run(xlsxBytes(exportAoa(syntheticContracts(n))));
    const snap = again.find((r) => r.type === 'snapshot') as Extract<AuditReply, { type: 'snapshot' }>;
    expect(snap.diff).toMatchObject({ added: [], ended: [], changed: [], counts: { added: 0, ended: 0, changed: 0 } });
    // the Excel report the worker writes for the second import carries the changes since the first
    const [again2] = await ask({ type: 'excel', id: 10, opts: { showTckn: false } });
    const wb = read(new Uint8Array(await (again2 as Extract<AuditReply, { type: 'excel' }>).blob!.arrayBuffer()), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Sözleşmeler', 'İşyerleri', 'Profesyoneller', 'Değişiklikler']);
  });

  const hostile: [string, () => Uint8Array, string, string?][] = [
    ['not a zip (a PNG named .xlsx)', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), 'not-spreadsheet'],
    ['a zip bomb', () => zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 }), 'zip-bomb'],
    ['a damaged zip', () => xlsxBytes(exportAoa([{ id: 1, ...ALI, cert: 'A', minutes: 120, wp: SHOP }])).slice(0, 400), 'damaged'],
    ['a spreadsheet that is not the export', () => xlsxBytes([['Ad', 'Soyad', 'Telefon'], ['Ali', 'Veli', '555']]), 'no-header'],
    ['the header without the minutes column', () => xlsxBytes(exportAoa([{ id: 1, ...ALI, cert: 'A', minutes: 120, wp: SHOP }], EXPORT_HEADERS.map((h) => (h === 'Çalışma Süresi' ? 'Not' : h)))), 'no-header'],
    ['1,000,000 rows of CSV', () => new TextEncoder().encode(csvText([EXPORT_HEADERS]) + '1;a;2;Evet;10000000146;Ali;A;x;y;120\r\n'.repeat(1_000_000)), 'too-many-rows', 'big.csv'],
    ['1,000,000 rows of .xlsx', millionRowXlsx, 'too-many-rows'],
    ['an old .xls', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old-xls'],
  ];
  for (const [what, bytes, code, name] of hostile) {
    it(`${what}: a clear message in both languages and nothing changed`, async () => {
      // a first good audit, so that there is something to leave untouched
      await run(xlsxBytes(exportAoa([{ id: 1, ...ALI, cert: 'A', minutes: 120, wp: SHOP }])));
      const before = await counts();
      const replies = await run(bytes(), name);
      const error = replies.find((r) => r.type === 'error') as Extract<AuditReply, { type: 'error' }>;
      expect(error?.code).toBe(code);
      expect(error.text.tr).toMatch(/[ğüşıöçİ]/i);
      expect(error.text.en).toMatch(/[a-z]/);
      expect(replies.some((r) => r.type === 'done' || r.type === 'snapshot' || r.type === 'mirror')).toBe(false);
      expect(session).toBeUndefined();
      expect(await counts()).toEqual(before);
    }, 120_000); // the 1,000,000-row files take ~10 s on a quiet machine, several times that on a loaded one
  }
});
