// Text folding, hazard-class words, numbers and T.C. Kimlik No as the portal writes them (RULES.md §1, §8, §9).
import { describe, expect, test } from 'vitest';
import {
  digitsOnly,
  foldLabel,
  foldTurkish,
  formatTurkishNumber,
  isValidTckn,
  maskTckn,
  normalizeSpaces,
  parseCount,
  parseHazardClass,
  parseTurkishNumber,
} from '@/utils/domain';
import { referenceFolds } from '@/utils/domain/text';

describe('parseHazardClass (RULES.md §1)', () => {
  test.each([
    ['ÇOK TEHLİKELİ', 'cok-tehlikeli'],
    ['çok tehlikeli', 'cok-tehlikeli'],
    ['COK TEHLIKELI', 'cok-tehlikeli'],
    ['Çok\u00a0Tehlikeli', 'cok-tehlikeli'],
    [' Az  Tehlikeli ', 'az-tehlikeli'],
    ['AZ TEHLİKELİ', 'az-tehlikeli'],
    ['az\u00a0tehlikeli', 'az-tehlikeli'],
    ['Tehlikeli', 'tehlikeli'],
    ['TEHLİKELİ', 'tehlikeli'],
    ['tehlıkelı', 'tehlikeli'],
  ])('%j → %s', (text, expected) => {
    expect(parseHazardClass(text)).toBe(expected);
  });

  test.each(['Tehlikesiz', '', '   ', '3', 'Az', 'Çok', 'Tehlikeli / Çok Tehlikeli', 'Orta Tehlikeli'])(
    '%j is not a legal class → undefined',
    (text) => {
      expect(parseHazardClass(text)).toBeUndefined();
    },
  );
});

describe('foldLabel: column headers that drift between screens (RULES.md §9)', () => {
  test.each([
    ['Ayl. Çlş. Süresi (Dk)', 'ayl cls suresi dk'],
    ['TEHLİKE SINIFI', 'tehlike sinifi'],
    ['Tehlike  Sınıfı', 'tehlike sinifi'],
    ['Tehlike\u00a0Sınıfı:', 'tehlike sinifi'],
    ['GEREKLİ TAM SÜRELİ İSG SAYISI', 'gerekli tam sureli isg sayisi'],
    ['Kalan Max. Ayl. Çlş. Süresi (Dk)', 'kalan max ayl cls suresi dk'],
    ['Grv. Onay Durumu', 'grv onay durumu'],
  ])('%j → %j', (label, folded) => {
    expect(foldLabel(label)).toBe(folded);
  });

  test('upper and lower case of the same label fold alike', () => {
    expect(foldLabel('Çalışma Süresi Dakika')).toBe(foldLabel('ÇALIŞMA SÜRESİ DAKİKA'));
  });

  test('foldTurkish keeps punctuation, normalizeSpaces collapses NBSP and tabs, digitsOnly keeps digits', () => {
    expect(foldTurkish('ŞİRKET Ğ Ö Ü')).toBe('sirket g o u');
    expect(foldTurkish('Firma__Unvanı')).toBe('firma__unvani');
    expect(normalizeSpaces('\u00a0 a\t\n b \u202f')).toBe('a b');
    expect(digitsOnly('12 345-678')).toBe('12345678');
  });
});

describe('parseTurkishNumber (RULES.md §9)', () => {
  test.each([
    ['1.200', 1200],
    ['1,5', 1.5],
    ['12.345,5', 12345.5],
    ['1.234.567', 1234567],
    [' 40 ', 40],
    ['40', 40],
    ['0', 0],
    ['\u00a01.200\u00a0', 1200],
    ['-15', -15],
  ])('%j → %d', (text, n) => {
    expect(parseTurkishNumber(text)).toBe(n);
  });

  test.each(['', '   ', 'abc', '1.2.3', '-', '1,2,3', '12a', ',5', '1.200,'])('%j → undefined', (text) => {
    expect(parseTurkishNumber(text)).toBeUndefined();
  });

  test('a plain decimal point, as in an input element\'s own value, is read as a decimal point', () => {
    expect(parseTurkishNumber('1.5')).toBe(1.5);
  });

  test('parseCount accepts units and refuses negatives', () => {
    expect(parseCount('1.200 dk')).toBe(1200);
    expect(parseCount('40 Dakika')).toBe(40);
    expect(parseCount('12 kişi')).toBe(12);
    expect(parseCount('12 KİŞİ')).toBe(12);
    expect(parseCount('-3')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
  });

  test('formatTurkishNumber groups thousands with dots and uses a decimal comma', () => {
    expect(formatTurkishNumber(4000)).toBe('4.000');
    expect(formatTurkishNumber(11700)).toBe('11.700');
    expect(formatTurkishNumber(1234567)).toBe('1.234.567');
    expect(formatTurkishNumber(1.5)).toBe('1,5');
    expect(formatTurkishNumber(-1200)).toBe('-1.200');
    expect(formatTurkishNumber(30)).toBe('30');
  });
});

describe('isValidTckn (RULES.md §8)', () => {
  test.each(['10000000146', '12345678950', ' 12345678950 '])('%j is valid', (text) => {
    expect(isValidTckn(text)).toBe(true);
  });

  test.each([
    ['12345678901', 'wrong check digits'],
    ['01234567890', 'first digit 0'],
    ['1234567895', 'ten digits'],
    ['123456789500', 'twelve digits'],
    ['1234567895a', 'a letter'],
    ['abcdefghijk', 'letters'],
    ['', 'empty'],
    ['12345678940', 'd10 right, d11 wrong'],
    ['12345678960', 'd10 wrong'],
    ['123 456 789 50', 'inner spaces'],
  ])('%j is invalid (%s)', (text) => {
    expect(isValidTckn(text)).toBe(false);
  });

  test('maskTckn hides the middle digits', () => {
    expect(maskTckn('12345678950')).toBe('123******50');
  });
});

describe('the fast folds give the same answers as the regex folds they replace', () => {
  // every kind of character the loops treat apart: ASCII letters and punctuation, Turkish letters
  // in both cases, circumflexed vowels, NBSP and other spaces, bidi and zero-width marks, tabs,
  // control characters, and letters the loops do not know (they take the regex path)
  const alphabet = [
    ...'aAzZiIıİçÇğĞöÖşŞüÜâÂîÎûÛ09.,:;()/-_ ',
    '  ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007', '\u3000', '\u1680', '\u2028',
    '\u200b', '\u200e', '\u200f', '\u202a', '\u2066', '\u00ad', '\ufeff', '\u0001', '\u007f', '\u0085',
    'é', 'ß', 'Ω', '€', '😀',
  ];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const samples = Array.from({ length: 3000 }, () =>
    Array.from({ length: Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
  );
  samples.push('', ' ', 'Grv. Başlama Trh.', 'ÇOK TEHLİKELİ', ' Az  Tehlikeli ', 'x'.repeat(600) + ' Ç');

  test('foldTurkish, foldLabel and normalizeSpaces on 3,000 mixed texts', () => {
    for (const text of samples) {
      expect(foldTurkish(text), JSON.stringify(text)).toBe(referenceFolds.foldTurkish(text));
      expect(foldLabel(text), JSON.stringify(text)).toBe(referenceFolds.foldLabel(text));
      expect(normalizeSpaces(text), JSON.stringify(text)).toBe(referenceFolds.normalizeSpaces(text));
    }
  });
});
