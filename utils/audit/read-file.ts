// Reading the portal's "Tümünü Dışa Aktar" file (ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_*.xlsx, or a
// .csv saved from it) into contract rows. Hostile input is refused whole, before any row is used:
// not a spreadsheet, a zip bomb (sizes checked before inflating), too many rows or columns, no
// export header. Formulas are never evaluated: a formula cell counts as its cached value, or as
// missing when it has none.
import { read, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { PageRecordSchema } from '@/utils/records';
import type { Bilingual } from '@/utils/rules/types';
import { formatTurkishNumber } from '@/utils/domain/core';
import { decodeCsv, parseCsv } from './csv';
import { exportRowFromValues, matchExportHeader, missingGroups, type ExportField, type ExportRow, type HeaderMatch } from './columns';
import { DEFAULT_ZIP_LIMITS, inspectZip, looksLikeZip, type ZipLimits } from './zip';

export interface ReadLimits {
  /** data rows (contracts) at most; a bigger file is refused whole */
  maxRows: number;
  maxColumns: number;
  /** bytes of the file itself */
  maxFileBytes: number;
  zip: ZipLimits;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 50_000,
  maxColumns: 256,
  maxFileBytes: 60 * 1024 * 1024,
  zip: DEFAULT_ZIP_LIMITS,
};

/** How many leading rows may hold a title before the header. */
const HEADER_SEARCH_ROWS = 10;
const MAX_CELL_TEXT = 2000;

export type ReadErrorCode =
  | 'empty'
  | 'too-big'
  | 'not-spreadsheet'
  | 'old-xls'
  | 'damaged'
  | 'zip-bomb'
  | 'encrypted'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'no-header'
  | 'no-rows';

export class ExportReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

export interface RowRead extends ExportRow {
  /** the row's number in the file (1-based, as a spreadsheet shows it) */
  row: number;
}

export interface ExportRead {
  rows: RowRead[];
  /** rows that hold data but no contract (no id/name or no person), or facts that fail validation */
  skipped: { row: number; reason: Bilingual }[];
  header: { row: number; labels: string[]; fields: [ExportField, string][]; unmatched: string[] };
  sheetName?: string;
  /** formula cells seen (never evaluated) */
  formulas: number;
  kind: 'xlsx' | 'csv';
}

type Cell = string | number | boolean | undefined;

const DATE_FIELDS = new Set<ExportField>(['startDate', 'endDate']);

function err(code: ReadErrorCode, tr: string, en: string): ExportReadError {
  return new ExportReadError(code, { tr, en });
}

/** Excel's serial day (1 = 01.01.1900, with its 1900 leap-year bug) as "dd.mm.yyyy". */
export function excelSerialToTurkishDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** A cell as the text the vocabulary reads: numbers the Turkish way, serial dates in date columns. */
function cellText(cell: Cell, field: ExportField | undefined): string | undefined {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'boolean') return cell ? 'Evet' : 'Hayır';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return undefined;
    if (field && DATE_FIELDS.has(field)) return excelSerialToTurkishDate(cell);
    // ids and numbers keep their digits; decimals are written the Turkish way ("1,5")
    return Number.isInteger(cell) ? (Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell)) : formatTurkishNumber(cell).replace(/\./g, '');
  }
  const text = cell.length > MAX_CELL_TEXT ? cell.slice(0, MAX_CELL_TEXT) : cell;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The rows of a sheet as cells; formula cells give their cached value (never evaluated). */
function sheetRows(ws: WorkSheet, limits: ReadLimits): { rows: Cell[][]; formulas: number; tooMany: boolean } {
  const dense = (ws as { '!data'?: ({ v?: unknown; w?: string; f?: string; t?: string } | undefined)[][] })['!data'] ?? [];
  let formulas = 0;
  const rows: Cell[][] = [];
  for (const r of dense) {
    const out: Cell[] = [];
    if (r) {
      if (r.length > limits.maxColumns) throw err('too-many-columns', `Dosyada ${formatTurkishNumber(r.length)} sütun var; en çok ${limits.maxColumns} okunur.`, `The file has ${r.length} columns; at most ${limits.maxColumns} are read.`);
      for (let c = 0; c < r.length; c++) {
        const cell = r[c];
        if (!cell) {
          out.push(undefined);
          continue;
        }
        if (cell.f !== undefined) formulas++;
        const v = cell.t === 'e' ? undefined : cell.v;
        if (typeof v === 'number' && Math.abs(v) >= 2 ** 53 && cell.w) out.push(cell.w);
        else out.push(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined);
      }
    }
    rows.push(out);
  }
  const full = (ws as { '!fullref'?: string })['!fullref'];
  return { rows, formulas, tooMany: full !== undefined && full !== ws['!ref'] };
}

function headerOf(rows: Cell[][]): { index: number; match: HeaderMatch; labels: string[] } | undefined {
  let best: { index: number; match: HeaderMatch; labels: string[] } | undefined;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.length); i++) {
    const labels = (rows[i] ?? []).map((c) => (typeof c === 'string' ? c : c === undefined ? '' : String(c)));
    const match = matchExportHeader(labels);
    if (missingGroups(match).length === 0 && (!best || match.fields.size > best.match.fields.size)) best = { index: i, match, labels };
  }
  return best;
}

function rowsFromCells(rows: Cell[][], sheetName: string | undefined, kind: 'xlsx' | 'csv', formulas: number): ExportRead {
  const header = headerOf(rows);
  if (!header) {
    // name what is missing from the row most like a header
    let closest: HeaderMatch = { fields: new Map(), ambiguous: [], unmatched: [] };
    for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.length); i++) {
      const m = matchExportHeader((rows[i] ?? []).map((c) => (typeof c === 'string' ? c : '')));
      if (m.fields.size > closest.fields.size) closest = m;
    }
    const missing = missingGroups(closest);
    throw err(
      'no-header',
      `Bu dosya İSG-KATİP sözleşme dışa aktarımına benzemiyor: başlık satırında ${missing.map((m) => `“${m.tr}”`).join(', ')} sütunu bulunamadı. Portalda “Tümünü Dışa Aktar” ile indirilen dosyayı seçin.`,
      `This file does not look like the İSG-KATİP contract export: the header row has no ${missing.map((m) => `“${m.en}”`).join(', ')} column. Choose the file downloaded with “Tümünü Dışa Aktar” on the portal.`,
    );
  }
  const fields = [...header.match.fields].sort((a, b) => a[1] - b[1]);
  const out: RowRead[] = [];
  const skipped: ExportRead['skipped'] = [];
  for (let i = header.index + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const values: Partial<Record<ExportField, string>> = {};
    let any = false;
    for (const [field, col] of fields) {
      const text = cellText(cells[col], field);
      if (text !== undefined) {
        values[field] = text;
        any = true;
      }
    }
    const rowNo = i + 1;
    if (!any) continue;
    // a repeated header row (files glued together) is not a contract: its cells are the header's labels
    if (fields.length > 3 && repeatsHeader(cells, fields, header.labels)) continue;
    const contract = values.portalId ?? values.contractName;
    const person = values.tckn ?? values.personName;
    if (!contract || !person) {
      skipped.push({ row: rowNo, reason: { tr: 'sözleşme kimliği veya görevlendirilen kişi yok', en: 'no contract id or no professional' } });
      continue;
    }
    const row = exportRowFromValues(values);
    const valid = PageRecordSchema.safeParse(row.record);
    if (!valid.success) {
      skipped.push({ row: rowNo, reason: { tr: 'okunamayan değerler', en: 'values that cannot be read' } });
      continue;
    }
    out.push({ ...row, record: valid.data, row: rowNo });
  }
  if (out.length === 0) {
    throw err('no-rows', 'Dosyanın başlık satırı doğru, ama altında okunabilen sözleşme satırı yok.', 'The header row is right, but no readable contract row follows it.');
  }
  const read: ExportRead = {
    rows: out,
    skipped,
    header: {
      row: header.index + 1,
      labels: header.labels,
      fields: fields.map(([f, col]) => [f, header.labels[col] ?? '']),
      unmatched: header.match.unmatched,
    },
    formulas,
    kind,
  };
  if (sheetName !== undefined) read.sheetName = sheetName;
  return read;
}

/** True when all but one of the matched columns hold the header's own label (a header repeated below). */
function repeatsHeader(cells: Cell[], fields: [ExportField, number][], labels: string[]): boolean {
  let same = 0;
  for (const [, col] of fields) {
    const c = cells[col];
    if (typeof c === 'string' && c.trim() === (labels[col] ?? '').trim()) same++;
  }
  return same >= fields.length - 1;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return true;
}

/** Reads the export from its bytes; throws ExportReadError with a bilingual message, never anything half-read. */
export function readExportFile(bytes: Uint8Array, fileName = '', limits: ReadLimits = DEFAULT_READ_LIMITS): ExportRead {
  if (bytes.length === 0) throw err('empty', 'Dosya boş.', 'The file is empty.');
  if (bytes.length > limits.maxFileBytes) {
    throw err('too-big', `Dosya çok büyük (${formatTurkishNumber(Math.round(bytes.length / 1048576))} MB); en çok ${Math.round(limits.maxFileBytes / 1048576)} MB okunur.`, `The file is too big (${Math.round(bytes.length / 1048576)} MB); at most ${Math.round(limits.maxFileBytes / 1048576)} MB is read.`);
  }
  if (looksLikeZip(bytes)) {
    const zip = inspectZip(bytes, limits.zip);
    if (!zip.ok) {
      if (zip.reason === 'too-big') {
        throw err('too-big', 'Dosya açıldığında okunabilecek boyutu aşıyor (çok fazla satır ya da veri); açılmadı, hiçbir şey değişmedi.', 'Unpacked, the file exceeds the size that can be read (too many rows or too much data); it was not opened and nothing changed.');
      }
      if (zip.reason === 'bomb') {
        throw err('zip-bomb', 'Dosya açıldığında olağan dışı büyüyor (sıkıştırma bombası olabilir); açılmadı, hiçbir şey değişmedi.', 'The file would grow beyond reason when unpacked (possibly a zip bomb); it was not opened and nothing changed.');
      }
      if (zip.reason === 'encrypted') throw err('encrypted', 'Dosya parola korumalı; parolasız kaydedip yeniden seçin.', 'The file is password-protected; save it without a password and choose it again.');
      throw err('damaged', 'Dosya bozuk: Excel dosyası olarak açılamadı.', 'The file is damaged: it cannot be opened as an Excel file.');
    }
    if (!zip.entries.some((e) => /^xl\/worksheets\//i.test(e.name))) {
      throw err('not-spreadsheet', 'Bu bir Excel (.xlsx) dosyası değil.', 'This is not an Excel (.xlsx) file.');
    }
    let wb: WorkBook;
    try {
      wb = read(bytes, {
        type: 'array',
        dense: true,
        cellFormula: true, // only to count them: SheetJS never evaluates formulas
        cellHTML: false,
        cellNF: false,
        cellStyles: false,
        cellDates: false,
        bookVBA: false,
        sheetRows: limits.maxRows + HEADER_SEARCH_ROWS + 1,
        WTF: false,
      });
    } catch {
      throw err('damaged', 'Dosya bozuk: Excel dosyası olarak okunamadı.', 'The file is damaged: it cannot be read as an Excel file.');
    }
    let lastHeaderError: ExportReadError | undefined;
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      if (!ws) continue;
      const { rows, formulas, tooMany } = sheetRows(ws, limits);
      if (tooMany) throw tooManyRows(limits);
      try {
        return withinRows(rowsFromCells(rows, name, 'xlsx', formulas), limits);
      } catch (e) {
        if (e instanceof ExportReadError && e.code === 'no-header') lastHeaderError = e;
        else throw e;
      }
    }
    throw lastHeaderError ?? err('no-header', 'Dosyada sayfa yok.', 'The file has no sheet.');
  }
  if (bytes.length >= 4 && CFB.every((b, i) => bytes[i] === b)) {
    throw err('old-xls', 'Eski Excel (.xls) biçimi okunmuyor; dosyayı Excel’de .xlsx olarak kaydedip seçin.', 'The old Excel (.xls) format is not read; save the file as .xlsx in Excel and choose it.');
  }
  if (looksLikeText(bytes) && !/\.(xlsx|xlsm|xls)$/i.test(fileName)) {
    const { rows, truncated } = parseCsv(decodeCsv(bytes), limits.maxRows + HEADER_SEARCH_ROWS + 1);
    if (truncated) throw tooManyRows(limits);
    for (const r of rows) if (r.length > limits.maxColumns) throw err('too-many-columns', `Dosyada ${r.length} sütun var; en çok ${limits.maxColumns} okunur.`, `The file has ${r.length} columns; at most ${limits.maxColumns} are read.`);
    return withinRows(rowsFromCells(rows, undefined, 'csv', 0), limits);
  }
  throw err('not-spreadsheet', 'Bu bir Excel (.xlsx) ya da CSV dosyası değil.', 'This is neither an Excel (.xlsx) nor a CSV file.');
}

function withinRows(read: ExportRead, limits: ReadLimits): ExportRead {
  if (read.rows.length + read.skipped.length > limits.maxRows) throw tooManyRows(limits);
  return read;
}

function tooManyRows(limits: ReadLimits): ExportReadError {
  return err(
    'too-many-rows',
    `Dosyada ${formatTurkishNumber(limits.maxRows)} satırdan fazla var; bu kadar büyük bir dosya okunmadı, hiçbir şey değişmedi.`,
    `The file has more than ${limits.maxRows.toLocaleString('en')} rows; a file this big was not read and nothing changed.`,
  );
}
