// Old interface "Sözleşmeler" grid reader against the saved variants (tests/fixtures/old-contracts).
import { describe, expect, it } from 'vitest';
import { oldContractsReader } from '@/utils/screens/old-contracts';
import { loadFixture, runFixtureScripts } from './grid-fixtures';

const assignments = (doc: Document) => oldContractsReader.read(doc).records.map((r) => r.record.assignment!);

describe('old-contracts plain table', () => {
  const doc = loadFixture('old-contracts/plain.html');
  const read = oldContractsReader.read(doc);
  const a = read.records.map((r) => r.record.assignment!);

  it('reads every row as an assignment of its row element', () => {
    expect(read.screen).toBe('old-contracts');
    expect(read.records).toHaveLength(5);
    expect(read.records.every((r) => r.record.kind === 'assignment' && r.element.tagName === 'TR')).toBe(true);
  });

  it('reads names, roles and İGU classes', () => {
    expect(a.map((x) => x.personName)).toEqual([
      'Ayşe Yıldırım',
      'Mehmet Öztürk',
      'Şule Çağlar',
      'İsmail Işık',
      '<img src=x onerror="window.__pwned=1">',
    ]);
    expect(a.map((x) => [x.role, x.certificateClass])).toEqual([
      ['igu', 'C'],
      ['ih', undefined],
      ['dsp', undefined],
      ['igu', 'B'],
      ['igu', 'A'],
    ]);
    expect(a[0]!.certificateText).toBe('C Sınıfı İş Güvenliği Uzmanı');
  });

  it('reads dates as ISO and leaves an impossible date out', () => {
    expect(a.map((x) => x.startDate)).toEqual(['2024-02-01', '2024-03-15', '2023-01-02', '2024-06-10', undefined]);
    expect(a[2]!.endDate).toBe('2023-12-29');
    expect(a[0]!.endDate).toBeUndefined();
  });

  it('reads employment, work and approval states', () => {
    expect(a.map((x) => x.employment)).toEqual(['kismi', 'kismi', 'tam', 'kismi', 'kismi']);
    expect(a.map((x) => x.contractState)).toEqual(['active', 'active', 'ended', 'active', 'active']);
    expect(a.map((x) => x.approvalState)).toEqual(['approved', 'pending', 'approved', 'rejected', 'pending']);
    expect(a[1]!.stateText).toBe('Devam Ediyor / Onay Bekliyor');
  });

  it('keeps markup in a cell as plain text and runs nothing', () => {
    expect(doc.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('old-contracts DevExpress grid', () => {
  const doc = loadFixture('old-contracts/devexpress.html');
  const a = assignments(doc);

  it('leaves out the filter, group and pager rows', () => {
    expect(a.map((x) => x.personName)).toEqual(['AYŞE YILDIRIM', 'MEHMET ÖZTÜRK', 'ZEYNEP ŞAHİN', '<img src=x onerror="window.__pwned=1">']);
  });

  it('reads upper-case abbreviated columns in their own order', () => {
    expect(a.map((x) => x.portalId)).toEqual(['1045872', '1045873', '1046001', '998120']);
    expect(a.map((x) => x.minutes)).toEqual([600, 1080, 11700, 11700]);
    expect(a.map((x) => x.role)).toEqual(['igu', 'ih', 'igu', 'dsp']);
    expect(a[0]!.startDate).toBe('2024-02-01T00:00:00');
    expect(a[3]).toMatchObject({ endDate: '2023-12-29', contractState: 'ended', employment: 'tam' });
    expect(a[0]).toMatchObject({ contractState: 'active', approvalState: 'approved', certificateClass: 'C' });
  });
});

describe('old-contracts fixed-header grid', () => {
  const doc = loadFixture('old-contracts/fixed-header.html');
  const read = oldContractsReader.read(doc);
  const a = read.records.map((r) => r.record.assignment!);

  it('reads the body table under the header table', () => {
    expect(a.map((x) => x.personName)).toEqual(['Hakan Demirtaş', 'Elif Aydın', 'Gökhan Ünal']);
    expect(read.records.every((r) => r.element.closest('table')!.classList.contains('body'))).toBe(true);
  });

  it('reads values held in selects and inputs; a garbage number is left out', () => {
    expect(a.map((x) => x.employment)).toEqual(['kismi', 'kismi', 'kismi']);
    expect(a.map((x) => x.minutes)).toEqual([720, 360, undefined]);
    expect(a.map((x) => x.portalId)).toEqual(['2203114', '2203115', '2101987']);
  });
});

describe('old-contracts postback (UpdatePanel)', () => {
  it('reads the new rows after "Tazele" rebuilds the grid', () => {
    const doc = loadFixture('old-contracts/postback.html');
    runFixtureScripts(doc);
    const before = oldContractsReader.read(doc);
    expect(before.records.map((r) => r.record.assignment!.approvalState)).toEqual(['pending', 'pending']);

    (doc.getElementById('btnTazele') as HTMLButtonElement).click();
    const after = oldContractsReader.read(doc);
    expect(after.records.map((r) => r.record.assignment!.personName)).toEqual(['Cem Kaya', 'Derya Koç', 'Nazlı Erdoğan']);
    expect(after.records.map((r) => r.record.assignment!.approvalState)).toEqual(['approved', 'approved', 'pending']);
    expect(after.records.every((r) => r.element.isConnected)).toBe(true);
    expect(before.records.some((r) => r.element.isConnected)).toBe(false);
  });
});

describe('old-contracts in a frame', () => {
  it('finds nothing in the outer page; the framed document is the screen', () => {
    expect(oldContractsReader.detect(loadFixture('old-contracts/iframe.html'))).toBe(false);
    expect(oldContractsReader.read(loadFixture('old-contracts/iframe.html')).records).toEqual([]);
    expect(assignments(loadFixture('old-contracts/fixed-header.html'))).toHaveLength(3);
  });
});

describe('old-contracts in Telerik RadGrid markup', () => {
  const doc = loadFixture('old-contracts/x-telerik.html');
  const a = assignments(doc);

  it('reads upper-case labels broken by <br>, skips the filter row, pager and the empty detail grid', () => {
    expect(a.map((x) => x.personName)).toEqual(['Gökhan Yavuz', 'Nurcan Aksoy', 'Tuncay Erdem']);
    expect(a.map((x) => [x.role, x.certificateClass])).toEqual([
      ['igu', 'B'],
      ['ih', undefined],
      ['igu', 'A'],
    ]);
    expect(a.map((x) => x.employment)).toEqual(['kismi', 'kismi', 'tam']);
  });

  it('reads the icon-only approval column by its title, dates as ISO, minutes from text or a read-only input', () => {
    expect(a.map((x) => x.approvalState)).toEqual(['approved', 'pending', 'approved']);
    expect(a.map((x) => x.startDate)).toEqual(['2025-03-03', '2025-04-17', '2024-09-02']);
    expect(a[2]).toMatchObject({ endDate: '2025-01-31', contractState: 'ended' });
    expect(a.map((x) => x.minutes)).toEqual([1440, 720, 11700]);
  });
});

describe('old-contracts in jqGrid markup', () => {
  const doc = loadFixture('old-contracts/x-jqgrid.html');
  const read = oldContractsReader.read(doc);
  const a = read.records.map((r) => r.record.assignment!);

  it('reads the body table under the separate header table, past the empty "jqgfirstrow"', () => {
    expect(read.records.every((r) => r.element.classList.contains('jqgrow'))).toBe(true);
    expect(a.map((x) => x.personName)).toEqual(['Sevda Karaca', 'Emre Bulut', 'Hülya Doğan']);
  });

  it('reads a hidden ID column, unabbreviated labels with sort glyphs, an empty minutes cell as unread', () => {
    expect(a.map((x) => x.portalId)).toEqual(['3301452', '3301460', '3290017']);
    expect(a.map((x) => x.role)).toEqual(['igu', 'dsp', 'igu']);
    expect(a.map((x) => x.minutes)).toEqual([2160, undefined, 11700]);
    expect(a.map((x) => x.startDate)).toEqual(['2025-05-12', '2025-06-01', '2024-01-15']);
    expect(a.map((x) => x.approvalState)).toEqual(['approved', 'pending', 'approved']);
  });
});
