// Reading the portal's contract export: the real headers, serial dates, Turkish numbers, CSV, and hostile files.
import { describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { zipSync, strToU8 } from 'fflate';
import { DEFAULT_READ_LIMITS, ExportReadError, excelSerialToTurkishDate, readExportFile } from '@/utils/audit/read-file';
import { csvText, exportAoa, serialOf, sicilFor, tcknFrom, xlsxBytes, EXPORT_HEADERS, type ExportContract } from '../../fixtures/audit/make-export.mjs';

const WP = { id: 700001, title: 'Demir__Döküm__A.Ş.', sgk: sicilFor('24.10.01', 77), il: 'Kocaeli', n: 600, hazard: 'Çok Tehlikeli', nace: '24.10.01' };
const BRANCH = { ...WP, id: 700002, sgk: sicilFor('24.10.01', 78), n: 40 };

function contract(over: Partial<ExportContract> = {}): ExportContract {
  return { id: 880001, tckn: tcknFrom(123456789), person: 'Ayşe Yılmaz', cert: 'A', minutes: 4000, wp: WP, ...over };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExportReadError) return e.code;
    throw e;
  }
  return undefined;
}

describe('readExportFile on the real headers', () => {
  it('reads every column the export has into the contract record', () => {
    const bytes = xlsxBytes(exportAoa([contract({ start: serialOf(2025, 3, 5), end: '31.12.2025', verdict: 'Hayır' })]));
    const read = readExportFile(bytes, 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_20251201.xlsx');
    expect(read.kind).toBe('xlsx');
    expect(read.rows).toHaveLength(1);
    const [row] = read.rows;
    expect(row!.row).toBe(2);
    expect(row!.record.assignment?.portalVerdict).toBe(false);
    expect(row!.workplacePortalId).toBe('700001');
    expect(row!.province).toBe('Kocaeli');
    expect(row!.record.assignment).toMatchObject({
      portalId: '880001',
      tckn: tcknFrom(123456789),
      personName: 'Ayşe Yılmaz',
      role: 'igu',
      certificateClass: 'A',
      employment: 'kismi',
      minutes: 4000,
      startDate: '2025-03-05',
      endDate: '2025-12-31',
      contractState: 'active',
    });
    // one column for both numbers: 26 digits are an SGK number
    expect(row!.record.workplace).toMatchObject({ sicilNo: WP.sgk, title: 'Demir__Döküm__A.Ş.', employees: 600, hazardText: 'Çok Tehlikeli', naceText: '24.10.01' });
    expect(row!.record.workplace?.detsisNo).toBeUndefined();
    // the approver's name never becomes the professional's
    expect(read.header.fields.find(([f]) => f === 'personName')?.[1]).toBe('Görevlendirilen Kişi Ad Soyad');
  });

  it('reads Turkish numbers written as text and ended contracts from "Sözleşme Statü"', () => {
    const bytes = xlsxBytes(exportAoa([contract({ minutes: '1.200', wp: { ...WP, n: '1.250' }, statu: 'Sözleşme Sonlandırıldı' })]));
    const [row] = readExportFile(bytes).rows;
    expect(row!.record.assignment?.minutes).toBe(1200);
    expect(row!.record.workplace?.employees).toBe(1250);
    expect(row!.record.assignment?.contractState).toBe('ended');
  });

  it('keeps a title row above the header and skips rows that are no contract', () => {
    const aoa = exportAoa([contract(), contract({ id: 880002, wp: BRANCH })]);
    aoa.unshift(['İSG Hizmet Sözleşmeleri']);
    aoa.push(['', '', '', '', '', '', '', '', '', 'Toplam: 2']);
    const read = readExportFile(xlsxBytes(aoa));
    expect(read.header.row).toBe(2);
    expect(read.rows.map((r) => r.record.workplace?.sicilNo)).toEqual([WP.sgk, BRANCH.sgk]);
    expect(read.skipped).toEqual([{ row: 5, reason: expect.objectContaining({ tr: expect.any(String) }) }]);
  });

  it('reads the same rows from a ";" CSV with a BOM as from the xlsx', () => {
    const aoa = exportAoa([contract({ start: '05.03.2025' }), contract({ id: 880002, minutes: '2.400' })]);
    const csv = readExportFile(new TextEncoder().encode(csvText(aoa)), 'export.csv');
    expect(csv.kind).toBe('csv');
    expect(csv.rows.map((r) => r.record.assignment?.minutes)).toEqual([4000, 2400]);
    expect(csv.rows[0]!.record.assignment?.startDate).toBe('2025-03-05');
  });

  it('counts formula cells and takes their cached value, never evaluating them', () => {
    const aoa = exportAoa([contract()]);
    const ws = utils.aoa_to_sheet(aoa);
    // Çalışma Süresi (column J) as a formula whose cached value is 3.000
    ws['J2'] = { t: 'n', v: 3000, f: 'SUM(1000,2000)' };
    // Çalışan Sayısı (column P) as a formula with no cached value: missing, not computed
    ws['P2'] = { t: 'n', f: '600*1' } as never;
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'S');
    const read = readExportFile(new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' })));
    expect(read.formulas).toBe(2);
    expect(read.rows[0]!.record.assignment?.minutes).toBe(3000);
    expect(read.rows[0]!.record.workplace?.employees).toBeUndefined();
  });

  it('turns Excel serial days into dates', () => {
    expect(excelSerialToTurkishDate(serialOf(2024, 2, 29))).toBe('29.02.2024');
    expect(excelSerialToTurkishDate(45658)).toBe('01.01.2025');
    expect(excelSerialToTurkishDate(-3)).toBeUndefined();
  });
});

describe('readExportFile refuses hostile and wrong files whole', () => {
  it('not a spreadsheet', () => {
    expect(codeOf(() => readExportFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'a.xlsx'))).toBe('not-spreadsheet');
    expect(codeOf(() => readExportFile(new Uint8Array(0)))).toBe('empty');
  });

  it('a zip that is no workbook, and a truncated zip', () => {
    const zip = zipSync({ 'readme.txt': strToU8('merhaba') });
    expect(codeOf(() => readExportFile(zip))).toBe('not-spreadsheet');
    const good = xlsxBytes(exportAoa([contract()]));
    expect(codeOf(() => readExportFile(good.slice(0, Math.floor(good.length / 2))))).toBe('damaged');
  });

  it('a zip bomb is refused before inflating', () => {
    // 8 MB of zeros compress to a few tens of kB: the central directory tells, nothing is inflated
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(codeOf(() => readExportFile(bomb))).toBe('zip-bomb');
  });

  it('more rows than the limit is refused, not cut', () => {
    const aoa = exportAoa(Array.from({ length: 30 }, (_, i) => contract({ id: 880100 + i })));
    const code = codeOf(() => readExportFile(xlsxBytes(aoa), '', { maxRows: 20, maxColumns: 256, maxFileBytes: 1e9, zip: { maxTotalBytes: 1e9, maxEntryBytes: 1e9, maxRatio: 1000, maxEntries: 100 } }));
    expect(code).toBe('too-many-rows');
    const csv = new TextEncoder().encode(csvText(aoa));
    expect(codeOf(() => readExportFile(csv, 'a.csv', { maxRows: 20, maxColumns: 256, maxFileBytes: 1e9, zip: { maxTotalBytes: 1e9, maxEntryBytes: 1e9, maxRatio: 1000, maxEntries: 100 } }))).toBe('too-many-rows');
  });

  it('a 1,000,000-row CSV is refused without reading it all', () => {
    const text = csvText([EXPORT_HEADERS]) + '1;a\r\n'.repeat(1_000_000);
    const started = performance.now();
    expect(codeOf(() => readExportFile(new TextEncoder().encode(text), 'big.csv', { ...DEFAULT_READ_LIMITS, maxFileBytes: 1e9 }))).toBe('too-many-rows');
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a spreadsheet without the export header names what is missing', () => {
    try {
      readExportFile(xlsxBytes([['Ad', 'Soyad', 'Telefon'], ['Ali', 'Veli', '555']]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExportReadError);
      expect((e as ExportReadError).code).toBe('no-header');
      expect((e as ExportReadError).text.tr).toMatch(/Çalışma Süresi/);
      expect((e as ExportReadError).text.en).toMatch(/Tümünü Dışa Aktar/);
    }
  });

  it('a header without rows', () => {
    expect(codeOf(() => readExportFile(xlsxBytes([EXPORT_HEADERS])))).toBe('no-rows');
  });
});

describe('CSV as spreadsheets save it', () => {
  const aoa = exportAoa([contract({ start: '05.03.2025', minutes: '1.200' }), contract({ id: 880002, wp: BRANCH, minutes: 2400 })]);
  const quote = (v: unknown, sep: string) => {
    const s = v === undefined || v === null ? '' : String(v);
    return s.includes(sep) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const csvWith = (rows: unknown[][], sep: string, eol = '\r\n') => rows.map((r) => r.map((v) => quote(v, sep)).join(sep)).join(eol) + eol;

  it('a "," CSV with quoted cells holding commas, quotes and a line break', () => {
    const rows = aoa.map((r) => [...r]);
    rows[1]![12] = 'Demir, "Döküm"\nA.Ş.'; // Hizmet Alan İşyeri Unvanı
    const read = readExportFile(new TextEncoder().encode(csvWith(rows, ',', '\n')), 'export.csv');
    expect(read.rows.map((r) => r.record.assignment?.minutes)).toEqual([1200, 2400]);
    // the line break inside the quoted cell is kept in the cell (spaces normalised as on the page)
    expect(read.rows[0]!.record.workplace?.title).toBe('Demir, "Döküm" A.Ş.');
    expect(read.rows[1]!.record.workplace?.sicilNo).toBe(BRANCH.sgk);
  });

  it('a tab-separated file in Windows-1254 (Turkish Excel), with blank lines and a header repeated below', () => {
    const rows = [...aoa, [], aoa[0]!, ...exportAoa([contract({ id: 880003, person: 'Şükrü Işıkçı' })]).slice(1)];
    const text = csvWith(rows, '\t');
    // Windows-1254 bytes of the text: ASCII as is, Turkish letters by the code page
    const cp1254: Record<string, number> = { Ç: 0xc7, ç: 0xe7, Ğ: 0xd0, ğ: 0xf0, İ: 0xdd, ı: 0xfd, Ö: 0xd6, ö: 0xf6, Ş: 0xde, ş: 0xfe, Ü: 0xdc, ü: 0xfc, Â: 0xc2, â: 0xe2 };
    const bytes = new Uint8Array([...text].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : (cp1254[ch] ?? 0x3f))));
    const read = readExportFile(bytes, 'export.csv');
    expect(read.rows).toHaveLength(3);
    expect(read.rows[2]!.record.assignment?.personName).toBe('Şükrü Işıkçı');
    expect(read.skipped).toEqual([]);
  });

  it('a CSV named .xlsx is not taken for a workbook, and a text that is no table is no export', () => {
    expect(codeOf(() => readExportFile(new TextEncoder().encode(csvText(aoa)), 'ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_1.xlsx'))).toBe('not-spreadsheet');
    expect(codeOf(() => readExportFile(new TextEncoder().encode('Merhaba,\ndünya'), 'notlar.csv'))).toBe('no-header');
  });

  it('a formula-looking CSV cell stays text and is never evaluated', () => {
    const rows = aoa.map((r) => [...r]);
    rows[1]![5] = '=HYPERLINK("http://x","Ali")';
    const read = readExportFile(new TextEncoder().encode(csvWith(rows, ';')), 'export.csv');
    expect(read.rows[0]!.record.assignment?.personName).toBe('=HYPERLINK("http://x","Ali")');
  });
});
