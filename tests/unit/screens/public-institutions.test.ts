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
    expect(w[2]!.employeesText).toBe('-');
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
