// Old interface workplace list (işyeri seçimi) reader against the saved variants (tests/fixtures/old-workplace-select).
import { describe, expect, it } from 'vitest';
import { oldWorkplaceSelectReader, parseWorkplaceLine } from '@/utils/screens/old-workplace-select';
import { loadFixture } from './grid-fixtures';

const read = (path: string) => oldWorkplaceSelectReader.read(loadFixture(path));

describe('parseWorkplaceLine', () => {
  it('splits the seed one-line form: title (SGK number) (role)', () => {
    expect(parseWorkplaceLine('M SANAYİ VE TİCARET LTD.Ş... (21011010112233450060101000) (Hizmet Alan İşyeri E-Bildirge Kullanıcısı)')).toEqual({
      title: 'M SANAYİ VE TİCARET LTD.Ş...',
      sicilNo: '21011010112233450060101000',
      role: 'Hizmet Alan İşyeri E-Bildirge Kullanıcısı',
    });
  });

  it('keeps parentheses inside the title and spaced numbers as shown', () => {
    expect(parseWorkplaceLine('MAVİ (TÜRKİYE) TEKSTİL A.Ş. (2 2932 01 01 1122334 034 11 22 000) (HİZMET ALAN İŞYERİ E-BİLDİRGE KULLANICISI)')).toMatchObject({
      title: 'MAVİ (TÜRKİYE) TEKSTİL A.Ş.',
      sicilNo: '2 2932 01 01 1122334 034 11 22 000',
    });
  });

  it('refuses text that only looks alike', () => {
    expect(parseWorkplaceLine('Risk değerlendirmesi (Hizmet Alan İşyeri Kullanıcısı)')).toBeUndefined();
    expect(parseWorkplaceLine('ABC LTD. (2) 0) (Hizmet Alan İşyeri E-Bildirge Kullanıcısı)')).toBeUndefined();
    expect(parseWorkplaceLine('ABC LTD. (21011010112233450060101000) (Açıklama)')).toBeUndefined();
  });
});

describe('old-workplace-select grid', () => {
  it('reads title and SGK number of each row', () => {
    const r = read('old-workplace-select/plain.html');
    expect(r.records.map((x) => x.record)).toEqual([
      { kind: 'workplace', workplace: { title: 'ÖZ DEMİR METAL İŞLEME SANAYİ VE TİCARET LTD. ŞTİ.', sicilNo: '12562010112345670341234000' } },
      { kind: 'workplace', workplace: { title: 'YILMAZ YAPI İNŞAAT TAAHHÜT A.Ş.', sicilNo: '14120010298765430061105000' } },
      { kind: 'workplace', workplace: { title: '<img src=x onerror="window.__pwned=1">', sicilNo: '14711020345678900350724000' } },
    ]);
  });

  it('reads an ARIA grid with other labels and order', () => {
    const r = read('old-workplace-select/aria.html');
    expect(r.records.map((x) => x.record.workplace)).toEqual([
      { title: 'KARADENİZ ÇAY İŞLETMELERİ A.Ş.', sicilNo: '10162010199887760340515000' },
      { title: 'ŞİRİN PASTANE GIDA LTD. ŞTİ.', sicilNo: '1 1071 01 02 1998877 034 05 15 000' },
    ]);
  });
});

describe('old-workplace-select radio list (one line per workplace)', () => {
  it('reads a table-layout list: one row per option, truncated titles kept', () => {
    const doc = loadFixture('old-workplace-select/devexpress.html');
    const r = oldWorkplaceSelectReader.read(doc);
    expect(r.records.map((x) => x.element.tagName)).toEqual(['TR', 'TR', 'TR', 'TR']);
    expect(r.records.map((x) => x.record.workplace!.title)).toEqual([
      'MERSİN PLASTİK AMBALAJ SANAYİ VE TİCARET LİMİT...',
      'MARMARA OTOMOTİV YEDEK PARÇA SANAYİ VE TİCARET LTD.Ş...',
      'MAVİ (TÜRKİYE) TEKSTİL SANAYİ VE TİCLTD ŞTİ...',
      '<img src=x onerror="window.__pwned=1">',
    ]);
    expect(r.records[1]!.record.workplace!.sicilNo).toBe('2 2932 01 01 1122334 034 11 22 000');
    expect(doc.querySelector('img')).toBeNull();
  });

  it('reads a flow-layout list: the labels are the records', () => {
    const r = read('old-workplace-select/flow.html');
    expect(r.records.map((x) => x.element.tagName)).toEqual(['LABEL', 'LABEL', 'LABEL']);
    expect(r.records.map((x) => x.record.workplace!.sicilNo)).toEqual([
      '21011010112233440060101000',
      '21011010112233450060101000',
      '2 1011 01 01 1223346 006 01 01 000',
    ]);
  });
});

describe('old-workplace-select in other grid frameworks', () => {
  it('Kendo: header table apart from the content table, "SGK SİCİL<br>NUMARASI", a number in a read-only input', () => {
    const r = read('old-workplace-select/x-kendo.html');
    expect(r.records.map((x) => x.record.workplace)).toEqual([
      { title: 'EGE ZEYTİNYAĞI ÜRETİM SANAYİ VE TİCARET A.Ş.', sicilNo: '21041010112233460350201000' },
      { title: 'EGE ZEYTİNYAĞI ÜRETİM SAN. VE TİC. A.Ş. İZMİR Ş...', sicilNo: '21041010112233470350201000' },
    ]);
  });

  it('Bootstrap Table: a radio column and an extra column, labels "Firma Unvanı" / "İşyeri Sicil No" / "Yetki"', () => {
    const r = read('old-workplace-select/x-bootstrap-table.html');
    expect(r.records.map((x) => x.record.workplace)).toEqual([
      { title: 'ANADOLU LOJİSTİK DEPOLAMA HİZMETLERİ LTD. ŞTİ.', sicilNo: '25210010134455660060802000' },
      { title: 'KUZEY ORMAN ÜRÜNLERİ SAN. TİC. A.Ş.', sicilNo: '2 1610 01 01 3445566 034 08 02 000' },
    ]);
  });
});
