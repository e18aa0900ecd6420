// The Excel report (sheets, headers, colours, widths, autofilter) and the changes between two audits.
import { describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { auditContracts } from '@/utils/audit/audit';
import { auditWorkbook, reportSheets } from '@/utils/audit/excel';
import { readExportFile } from '@/utils/audit/read-file';
import { diffSnapshots, toSnapshot } from '@/utils/audit/snapshot';
import { exportAoa, sicilFor, tcknFrom, xlsxBytes, type ExportContract, type ExportWorkplace } from '../../fixtures/audit/make-export.mjs';

const SHOP: ExportWorkplace = { id: 3, title: 'Köşe__Market', sgk: sicilFor('47.11.02', 3), n: 12, hazard: 'Az Tehlikeli', nace: '47.11.02' };
const SITE: ExportWorkplace = { id: 4, title: 'Yapı İnşaat', sgk: sicilFor('41.20.01', 4), n: 30, hazard: 'Çok Tehlikeli', nace: '41.20.01' };
const ALI = { tckn: tcknFrom(111111111), person: 'Ali Demir' };
const CAN = { tckn: tcknFrom(333333333), person: 'Can Işık' };

function auditOf(contracts: ExportContract[], at: string) {
  return auditContracts(readExportFile(xlsxBytes(exportAoa(contracts))).rows, { today: '2025-12-01', at });
}

const november = auditOf(
  [
    { id: 1, ...ALI, cert: 'A', minutes: 100, wp: SHOP }, // 12 × 10 = 120: 20 short
    { id: 2, ...CAN, cert: 'A', minutes: 1200, wp: SITE }, // 30 × 40 = 1.200: ok
    { id: 3, ...CAN, cert: 'ih', minutes: 450, wp: SITE },
  ],
  '2025-11-01T09:00:00Z',
);
const december = auditOf(
  [
    { id: 1, ...ALI, cert: 'A', minutes: 120, wp: SHOP }, // fixed
    { id: 2, ...CAN, cert: 'A', minutes: 1000, wp: SITE }, // now 200 short
    { id: 4, ...ALI, cert: 'ih', minutes: 60, wp: SHOP }, // new
  ],
  '2025-12-01T09:00:00Z',
);

describe('since the last import', () => {
  const diff = diffSnapshots(toSnapshot(november, 'kasim.xlsx'), toSnapshot(december, 'aralik.xlsx'));
  it('new, ended and changed contracts', () => {
    expect(diff.added.map((c) => c.key)).toEqual(['portal:4']);
    expect(diff.ended.map((c) => c.key)).toEqual(['portal:3']);
    expect(diff.changed.find((c) => c.key === 'portal:2')!.fields).toEqual([
      { field: 'minutes', from: 1200, to: 1000 },
      { field: 'status', from: 'ok', to: 'error' },
    ]);
  });
  it('shortfalls fixed and new', () => {
    // İGU 100 → 120 of 120; İH had no contract (12 × 5 = 60 dk) and has one now
    expect(diff.fixed.map((s) => [s.title, s.role, s.before, s.after])).toEqual([
      ['Köşe__Market', 'igu', 20, 0],
      ['Köşe__Market', 'ih', 60, 0],
    ]);
    // the site lost its İH contract (450 dk needed) and 200 İGU minutes
    expect(diff.opened.map((s) => [s.title, s.role, s.after]).sort()).toEqual([
      ['Yapı İnşaat', 'igu', 200],
      ['Yapı İnşaat', 'ih', 450],
    ]);
  });
});

describe('the Excel report', () => {
  it('has the three sheets with Turkish headers, status words and masked T.C. numbers', () => {
    const sheets = reportSheets(december, { showTckn: false });
    expect(sheets.map((s) => s.sheet)).toEqual(['Sözleşmeler', 'İşyerleri', 'Profesyoneller']);
    const contracts = sheets[0]!.data;
    expect((contracts[0]![1] as { value: string }).value).toBe('Durum');
    const row = contracts.find((r) => (r[3] as { value?: string } | null)?.value === '2')!;
    expect((row[1] as { value: string }).value).toBe('✖ Hata');
    expect((row[6] as { value: string }).value).toBe(`${CAN.tckn.slice(0, 3)}******${CAN.tckn.slice(-2)}`);
    expect((row[15] as { value: string }).value).toMatch(/minutes-below-minimum.*1\.200 dk gerekli.*İş Güvenliği Uzmanlarının/);
  });

  it('writes a workbook with fills, widths, a frozen header and an autofilter on every sheet', async () => {
    const blob = await auditWorkbook(december, { showTckn: true, diff: diffSnapshots(toSnapshot(november, 'a'), toSnapshot(december, 'b')) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const wb = read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Sözleşmeler', 'İşyerleri', 'Profesyoneller', 'Değişiklikler']);
    const files = unzipSync(bytes);
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet1).toContain('<autoFilter ref="A1:P4"/>');
    expect(sheet1).toMatch(/<col [^>]*width/);
    expect(sheet1).toMatch(/<pane [^>]*ySplit="1"/);
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(styles).toContain('F8CBAD');
    expect(styles).toContain('C6EFCE');
  });
});

describe('the professionals sheet: Kalan Max. Ayl. Çlş. Süresi', () => {
  // the approval form showed Can 1.200 dk left beside contract 77001, which asks for 1.300 dk
  const result = auditContracts(
    readExportFile(
      xlsxBytes(
        exportAoa([
          { id: 77001, ...CAN, cert: 'A', minutes: 1300, wp: SITE },
          { id: 77002, ...CAN, cert: 'A', minutes: 9000, wp: SHOP },
          { id: 77003, ...ALI, cert: 'A', minutes: 120, wp: SHOP },
        ]),
      ),
    ).rows,
    {
      today: '2025-12-01',
      at: '2025-12-01T09:00:00Z',
      remaining: new Map([[`t${CAN.tckn}`, { minutes: 1200, at: '2025-11-12T10:00:00Z', assignmentKey: 'portal:77001' }]]),
    },
  );
  const HEAD = ['Durum', 'Ad Soyad', 'TC Kimlik No', 'Görev', 'Sertifika sınıfı', 'Aktif sözleşme', 'Tam süreli sözleşme', 'Taahhüt (dk/ay)', '11.700 dk aya göre', 'Son görülen Kalan Max. (dk)', 'Kalan Max. görüldüğü sözleşme (tarih, istenen dk)', 'İşyeri sayısı', 'Bulgular ve dayanak'];
  const col = (name: string) => HEAD.indexOf(name);
  const value = (cell: unknown) => (cell as { value?: unknown } | null)?.value;

  it('shows the last Kalan Max. seen, where and when it was seen, and the over-capacity finding', () => {
    const sheet = reportSheets(result, { showTckn: true }).find((s) => s.sheet === 'Profesyoneller')!;
    expect(sheet.data[0]!.map(value)).toEqual(HEAD);
    const can = sheet.data.find((r) => value(r[col('Ad Soyad')]) === 'Can Işık')!;
    expect(value(can[col('Son görülen Kalan Max. (dk)')])).toBe(1200);
    expect(value(can[col('Kalan Max. görüldüğü sözleşme (tarih, istenen dk)')])).toBe('satır 2: Can Işık (İGU, 1.300 dk) — 12.11.2025 — istenen 1.300 dk');
    expect(value(can[col('Durum')])).toBe('✖ Hata');
    expect(value(can[col('Taahhüt (dk/ay)')])).toBe(10300);
    expect(value(can[col('11.700 dk aya göre')])).toBe('1.400 dk boş');
    expect(String(value(can[col('Bulgular ve dayanak')]))).toMatch(/^\[Kalan Max\. süre aşıldı\] .*1\.300 dk atanmış.*Kalan Max\. Ayl\. Çlş\. Süresi 1\.200 dk gösterdi: 100 dk fazla — .*Kalan Max/);
    // Ali has no Kalan Max. seen: both cells empty, no finding
    const ali = sheet.data.find((r) => value(r[col('Ad Soyad')]) === 'Ali Demir')!;
    expect(ali[col('Son görülen Kalan Max. (dk)')]).toBeNull();
    expect(ali[col('Kalan Max. görüldüğü sözleşme (tarih, istenen dk)')]).toBeNull();
    expect(value(ali[col('Bulgular ve dayanak')])).toBe('');
  });

  it('the written workbook carries the same figures in its Profesyoneller sheet', async () => {
    const bytes = new Uint8Array(await (await auditWorkbook(result, { showTckn: false })).arrayBuffer());
    const rows = utils.sheet_to_json<Record<string, unknown>>(read(bytes, { type: 'array' }).Sheets['Profesyoneller']!);
    const can = rows.find((r) => r['Ad Soyad'] === 'Can Işık')!;
    expect(can['Son görülen Kalan Max. (dk)']).toBe(1200);
    expect(can['Kalan Max. görüldüğü sözleşme (tarih, istenen dk)']).toMatch(/istenen 1\.300 dk$/);
    expect(can['Bulgular ve dayanak']).toMatch(/100 dk fazla/);
    expect(can['TC Kimlik No']).toBe(`${CAN.tckn.slice(0, 3)}******${CAN.tckn.slice(-2)}`);
    expect(rows.find((r) => r['Ad Soyad'] === 'Ali Demir')!['Son görülen Kalan Max. (dk)']).toBeUndefined();
  });
});
