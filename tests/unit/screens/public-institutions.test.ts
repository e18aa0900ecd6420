// New interface "Kamu Kurumları Listesi" reader against the saved variants (tests/fixtures/public-institutions).
import { describe, expect, it } from 'vitest';
import { publicInstitutionsReader } from '@/utils/screens/public-institutions';
import { loadFixture } from './grid-fixtures';

const workplaces = (path: string) => {
  const read = publicInstitutionsReader.read(loadFixture(path));
  expect(read.records.every((r) => r.record.kind === 'institution')).toBe(true);
  return read.records.map((r) => r.record.workplace!);
};

describe('public-institutions plain list (seed columns)', () => {
  const w = workplaces('public-institutions/plain.html');

  it('reads titles, NACE codes and classes as shown, even when they are wrong', () => {
    expect(w.map((x) => x.title)).toEqual([
      'ÖRNEK ÜNİVERSİTESİ REKTÖRLÜĞÜ',
      'ÖRNEK ÜNİVERSİTESİ MÜHENDİSLİK FAKÜLTESİ DEKANLIĞI',
      'ÖRNEK ÜNİVERSİTESİ MERKEZİ ARAŞTIRMA LABORATUVARI',
      '<img src=x onerror="window.__pwned=1">',
    ]);
    expect(w.map((x) => x.naceText)).toEqual(['85.42.01', '85.42.01', '72.10', '86.10.05']);
    expect(w.map((x) => x.hazardText)).toEqual(['Tehlikesiz', 'Az Tehlikeli', 'Tehlikeli / Çok Tehlikeli', 'Çok Tehlikeli']);
  });

  it('parses employee counts, keeps unreadable ones as text', () => {
    expect(w.map((x) => x.employees)).toEqual([50, 1240, 85, undefined]);
    expect(w[3]!.employeesText).toBe('bilinmiyor');
  });
});

describe('public-institutions DevExpress list', () => {
  const w = workplaces('public-institutions/devexpress.html');

  it('reads DETSİS numbers, upper-case classes and NBSP-padded counts', () => {
    expect(w.map((x) => x.detsisNo)).toEqual(['23456789', '23456790', '23456791', '2345']);
    expect(w.map((x) => x.hazardText)).toEqual(['AZ TEHLİKELİ', 'ÇOK TEHLİKELİ', 'Az Tehlikeli', 'Tehlikeli']);
    expect(w.map((x) => x.employees)).toEqual([420, 1850, undefined, 35]);
    // a lone dash is a placeholder, not a value: the count is simply not shown
    expect(w[2]!.employeesText).toBeUndefined();
    expect(w[3]!.title).toBe('<svg onload="window.__pwned=1">');
  });
});

describe('public-institutions ARIA grid', () => {
  it('reads SGK numbers in its own column order, skipping the summary row', () => {
    const w = workplaces('public-institutions/aria.html');
    expect(w).toEqual([
      { sicilNo: '14211010456789120061105000', title: 'ÖRNEK BELEDİYESİ FEN İŞLERİ MÜDÜRLÜĞÜ', naceText: '42.11.01', hazardText: 'Çok Tehlikeli', employees: 210 },
      { sicilNo: '18411410456789130061105000', title: 'ÖRNEK BELEDİYESİ KÜLTÜR MÜDÜRLÜĞÜ', naceText: '84.11.41', hazardText: 'Az Tehlikeli', employees: 48 },
      { sicilNo: '18610050456789140061105000', title: 'ÖRNEK ÜNİVERSİTESİ TIP FAKÜLTESİ HASTANESİ', naceText: '86.10.05', hazardText: 'Tehlikeli', employees: 2310 },
    ]);
  });
});

describe('public-institutions in Angular Material mat-table markup', () => {
  it('reads labels split by <br>, an icon header by aria-label; the totals footer is no record', () => {
    const read = publicInstitutionsReader.read(loadFixture('public-institutions/x-material.html'));
    expect(read.records.map((r) => r.element.tagName)).toEqual(['MAT-ROW', 'MAT-ROW']);
    expect(read.records.map((r) => r.record.workplace)).toEqual([
      { detsisNo: '61402277', title: 'ÇUKUROVA İL SAĞLIK MÜDÜRLÜĞÜ', naceText: '84.12.01', hazardText: 'Az Tehlikeli', employees: 386 },
      { detsisNo: '61402278', title: 'ÇUKUROVA DEVLET HASTANESİ BAŞHEKİMLİĞİ', naceText: '86.10.01', hazardText: 'Tehlikeli', employees: 1245 },
    ]);
  });
});

describe('public-institutions in ag-Grid markup', () => {
  it('places header and cells by aria-colindex, skips the floating filter row', () => {
    const w = workplaces('public-institutions/x-aggrid.html');
    expect(w).toEqual([
      { sicilNo: '18411010456789150061105000', title: 'ÖRNEK VALİLİĞİ İL MİLLİ EĞİTİM MÜDÜRLÜĞÜ', naceText: '84.12.02', hazardText: 'Az Tehlikeli', employees: 1020 },
      { sicilNo: '18425010456789160061105000', title: 'ÖRNEK VALİLİĞİ İL AFET VE ACİL DURUM MÜDÜRLÜĞÜ', naceText: '84.25.01', hazardText: 'Tehlikeli', employees: 96 },
    ]);
  });
});
