// NACE codes: format, the Tebliğ's list with its amendments, search (RULES.md §7; seeds README; data README).
import { describe, expect, test, vi } from 'vitest';
import {
  findNaceCodes,
  foldLabel,
  isNaceWellFormed,
  lookupNace,
  NACE_AMENDMENTS,
  NACE_CITATION,
  naceAmendment,
  naceEntries,
  naceIskoluKodu,
  naceListStats,
  normalizeNace,
  searchNace,
} from '@/utils/domain';
import { parseNaceCsv, splitCsvLine } from '@/utils/domain/nace/csv';
import NACE_CSV from '@/utils/domain/nace/nace-hazard-classes-2017.csv?raw';

describe('normalizeNace / isNaceWellFormed (RULES.md §7: six digits written xx.xx.xx)', () => {
  test.each([
    ['01.11.07', '01.11.07'],
    [' 01 .11. 07 ', '01.11.07'],
    ['01\u00a0.\u00a011.07', '01.11.07'],
    ['\u00a043.22.01\u00a0', '43.22.01'],
    ['01．11．07', '01.11.07'], // full-width dots
    ['01․11․07', '01.11.07'], // one-dot leaders
    ['０１.１１.０７', '01.11.07'], // full-width digits
  ])('%j → %s', (text, code) => {
    expect(normalizeNace(text)).toBe(code);
    expect(isNaceWellFormed(text)).toBe(true);
  });

  test.each([
    ['011107', '01.11.07'],
    [' 432201 ', '43.22.01'],
  ])('six bare digits %j are read as %s (typed input) but are not written xx.xx.xx', (text, code) => {
    expect(normalizeNace(text)).toBe(code);
    expect(isNaceWellFormed(text)).toBe(false);
  });

  test.each([
    // the odd codes of seeds/README.md and Ek-1 of 002_5daaa88c60de9322.txt
    '72.10',
    '43.22',
    '25.53',
    '56.22',
    '86.10',
    '86.90.1',
    '72.10.02 / 86.91.02',
    '43.34.01 / 43.31.01',
    // RULES.md §7
    '85.4002',
    // other shapes
    '8540.02',
    '0111.07',
    '01-11-07',
    '01 11 07',
    '01,11,07',
    '01..11.07',
    '1.11.07',
    '01.11.07.1',
    '01.11.007',
    '01110',
    '0111070',
    'ab.cd.ef',
    'NACE 01.11.07',
    '',
    '   ',
  ])('%j is malformed', (text) => {
    expect(normalizeNace(text)).toBeUndefined();
    expect(isNaceWellFormed(text)).toBe(false);
    expect(lookupNace(text)).toBeUndefined();
  });

  test('findNaceCodes picks every dotted code out of a longer text', () => {
    expect(findNaceCodes('72.10.02 / 86.91.02')).toEqual(['72.10.02', '86.91.02']);
    expect(findNaceCodes('NACE: 43.22.01 - Sıhhi tesisat')).toEqual(['43.22.01']);
    expect(findNaceCodes('86.90.1')).toEqual([]);
    expect(findNaceCodes('85.4002')).toEqual([]);
    expect(findNaceCodes('01.11.07.5')).toEqual([]);
    expect(findNaceCodes('Tarih 18.03.2022')).toEqual([]);
    expect(findNaceCodes('43.22.01, 43.22.01')).toEqual(['43.22.01']);
  });

  test('naceIskoluKodu gives the first four digits for the SGK comparison', () => {
    expect(naceIskoluKodu('43.22.01')).toBe('4322');
    expect(naceIskoluKodu('01.11.07')).toBe('0111');
    expect(naceIskoluKodu('43.22')).toBeUndefined();
  });
});

describe('the list as published (before the amendments): data README counts', () => {
  const rows = parseNaceCsv(NACE_CSV);

  test('2,195 codes, no duplicates, every code well-formed and every class legal', () => {
    expect(rows).toHaveLength(2195);
    expect(new Set(rows.map((r) => r.code)).size).toBe(2195);
    for (const r of rows) expect(normalizeNace(r.code)).toBe(r.code);
    const byClass: Record<string, number> = {};
    for (const r of rows) byClass[r.hazardText] = (byClass[r.hazardText] ?? 0) + 1;
    expect(byClass).toEqual({ 'Az Tehlikeli': 916, Tehlikeli: 931, 'Çok Tehlikeli': 348 });
  });

  test('88 divisions, 616 four-digit classes, 17 ocr-fixed rows', () => {
    expect(new Set(rows.map((r) => r.code.slice(0, 2))).size).toBe(88);
    expect(new Set(rows.map((r) => r.code.slice(0, 5))).size).toBe(616);
    expect(rows.filter((r) => r.note === 'ocr-fixed')).toHaveLength(17);
  });

  test('quoted fields keep their commas and doubled quotes', () => {
    expect(splitCsvLine('93.29.08,"Havai fişek ile ""ses ve ışık"" gösterisi faaliyetleri",Tehlikeli,')).toEqual([
      '93.29.08',
      'Havai fişek ile "ses ve ışık" gösterisi faaliyetleri',
      'Tehlikeli',
      '',
    ]);
    expect(splitCsvLine('a,"b, c",d,ocr-fixed')).toEqual(['a', 'b, c', 'd', 'ocr-fixed']);
    expect(() => parseNaceCsv('code,text\n01.11.07,x')).toThrow(/header/);
  });
});

describe('the list after the amendments (RG 31.01.2018/30318, RG 18.03.2022/31782)', () => {
  test('2,198 known codes: 2,195 − 2 removed + 5 added; one code moved from tehlikeli to az tehlikeli', () => {
    expect(naceListStats()).toEqual({
      total: 2198,
      byClass: { 'az-tehlikeli': 916, tehlikeli: 930, 'cok-tehlikeli': 347, unknown: 5 },
    });
    expect(naceEntries()).toHaveLength(2198);
  });

  test('84.22.05 is az tehlikeli since RG 31.01.2018/30318', () => {
    expect(lookupNace('84.22.05')).toMatchObject({ code: '84.22.05', hazardClass: 'az-tehlikeli' });
    expect(lookupNace('84.22.05')!.activity).toMatch(/Askeri savunma/);
    expect(naceAmendment('84.22.05')!.citation).toMatch(/31\.01\.2018\/30318/);
    expect(naceAmendment('842205')!.change).toMatch(/Az Tehlikeli/);
  });

  test.each(['23.32.01', '45.32.02'])('%s was removed by RG 18.03.2022/31782: not in the list', (code) => {
    expect(lookupNace(code)).toBeUndefined();
    expect(naceAmendment(code)).toMatchObject({ citation: expect.stringMatching(/18\.03\.2022\/31782/) });
    expect(naceAmendment(code)!.change).toMatch(/çıkarıldı/);
  });

  test.each(['23.32.02', '23.32.03', '45.32.07', '45.32.08', '93.29.11'])(
    '%s was added by RG 18.03.2022/31782: known, class not known',
    (code) => {
      const entry = lookupNace(code);
      expect(entry).toBeDefined();
      expect(entry!.code).toBe(code);
      expect(entry!.hazardClass).toBeUndefined();
      expect(entry!.activity).toMatch(/18\.03\.2022\/31782/);
      expect(entry!.activity).toMatch(/tehlike sınıfı bu listede yer almıyor/);
      expect(naceAmendment(code)!.change).toMatch(/eklendi/);
    },
  );

  test('every amendment carries its Resmî Gazete citation', () => {
    expect(NACE_AMENDMENTS).toHaveLength(8);
    for (const a of NACE_AMENDMENTS) {
      expect(a.citation).toMatch(/Resmî Gazete (31\.01\.2018\/30318|18\.03\.2022\/31782)/);
      expect(a.gazette.number === 30318 || a.gazette.number === 31782).toBe(true);
    }
    expect(naceAmendment('01.11.07')).toBeUndefined();
    expect(naceAmendment('nonsense')).toBeUndefined();
  });

  test('NACE_CITATION names the Tebliğ, its gazette, the 2017 annex and both amendments', () => {
    expect(NACE_CITATION).toMatch(/Tehlike Sınıfları Tebliği/);
    expect(NACE_CITATION).toMatch(/26\.12\.2012\/28509/);
    expect(NACE_CITATION).toMatch(/27\.02\.2017/);
    expect(NACE_CITATION).toMatch(/31\.01\.2018\/30318/);
    expect(NACE_CITATION).toMatch(/18\.03\.2022\/31782/);
  });
});

describe('lookupNace over the codes of 002 Ek-1 (a suggestion list with its own errors)', () => {
  test.each([
    ['84.12.11', 'az-tehlikeli'],
    ['43.21.01', 'cok-tehlikeli'],
    ['43.22.05', 'cok-tehlikeli'],
    ['43.22.06', 'cok-tehlikeli'],
    ['43.34.01', 'cok-tehlikeli'],
    ['43.31.01', 'cok-tehlikeli'],
    ['33.12.03', 'tehlikeli'],
    ['33.12.10', 'tehlikeli'],
    ['86.10.05', 'cok-tehlikeli'],
    // Ek-1 says Tehlikeli for "Ameliyathane"; the list says Çok Tehlikeli: the list wins.
    ['86.10.04', 'cok-tehlikeli'],
    ['81.21.01', 'az-tehlikeli'],
    ['93.11.01', 'az-tehlikeli'],
  ] as const)('%s is listed as %s', (code, hazardClass) => {
    expect(lookupNace(code)).toMatchObject({ code, hazardClass });
  });

  test.each([
    '80.09.99',
    '85.40.02',
    '91.11.00',
    '62.90.99',
    '86.91.01',
    '86.91.02',
    '72.10.02',
    '16.23.99',
    '46.85.01',
    '81.22.03',
    '56.22.01',
    '96.10.02',
  ])('%s is well-formed but not in the list', (code) => {
    expect(isNaceWellFormed(code)).toBe(true);
    expect(lookupNace(code)).toBeUndefined();
  });

  test('lookup accepts the same spellings as normalizeNace', () => {
    expect(lookupNace('011107')).toMatchObject({ code: '01.11.07', hazardClass: 'tehlikeli' });
    expect(lookupNace(' 01 .11. 07 ')).toMatchObject({ code: '01.11.07', hazardClass: 'tehlikeli' });
  });
});

describe('the quick lookups agree with the full list', () => {
  test('every code of the CSV and of the amendments, looked up before and after the list is built', async () => {
    vi.resetModules();
    const fresh = await import('@/utils/domain/nace-list');
    const classes = await import('@/utils/domain/nace');
    const codes = [
      ...new Set([...parseNaceCsv(NACE_CSV).map((r) => r.code), ...NACE_AMENDMENTS.map((a) => a.code), '80.09.99']),
    ];
    const before = codes.map((c) => fresh.lookupNace(c));
    const entries = fresh.naceEntries(); // builds the full list
    const after = codes.map((c) => fresh.lookupNace(c));
    expect(before).toEqual(after);
    expect(before.filter(Boolean)).toHaveLength(entries.length);
    // the compact build-time class table (what the content script uses) gives the same classes
    const compact = codes.map((c) => classes.lookupNaceClass(c));
    expect(compact.map((e) => e && { code: e.code, hazardClass: e.hazardClass, amendment: e.amendment })).toEqual(
      after.map((e) => e && { code: e.code, hazardClass: e.hazardClass, amendment: e.amendment }),
    );
  });
});
