// SGK işyeri sicil no (RULES.md §7-8) and the portal's dates (RULES.md §9).
import { describe, expect, test } from 'vitest';
import { formatTurkishDate, parseSicil, parseTurkishDate, SICIL_CITATION, sicilIskoluKodu } from '@/utils/domain';

const SICIL = '2' + '4322' + '01' + '02' + '1234567' + '034' + '05' + '67' + '000';

describe('parseSicil (26 digits: 1, 4, 2, 2, 7, 3, 2, 2, 3)', () => {
  test('splits a main employer\'s number into its parts', () => {
    expect(parseSicil(SICIL)).toEqual({
      digits: SICIL,
      mahiyet: '2',
      iskoluKodu: '4322',
      degisiklik: '01',
      unite: '02',
      siraNo: '1234567',
      il: '034',
      ilce: '05',
      kontrol: '67',
      araci: '000',
      mainEmployer: true,
    });
  });

  test('a subcontractor (aracı ≠ 000) is not the main employer', () => {
    const p = parseSicil(SICIL.slice(0, 23) + '012');
    expect(p).toMatchObject({ araci: '012', mainEmployer: false, iskoluKodu: '4322' });
  });

  test.each([
    '2 4322 01 02 1234567 034 05 67 000',
    '2.4322.01.02.1234567.034.05.67.000',
    '2-4322-01-02-1234567-034-05-67-000',
    '\u00a02\u00a04322 01-02.1234567 034 05 67 000 ',
  ])('separators are ignored: %j', (text) => {
    expect(parseSicil(text)?.digits).toBe(SICIL);
    expect(sicilIskoluKodu(text)).toBe('4322');
  });

  test.each([
    ['', 'empty'],
    [SICIL.slice(0, 25), '25 digits'],
    [SICIL + '0', '27 digits'],
    [SICIL.slice(0, 25) + 'a', 'a letter'],
    ['SGK ' + SICIL, 'a word in front'],
    ['1234567890', 'a DETSİS-like number'],
  ])('%j is not an SGK number (%s)', (text) => {
    expect(parseSicil(text)).toBeUndefined();
    expect(sicilIskoluKodu(text)).toBeUndefined();
  });

  test('the citation names the structure', () => {
    expect(SICIL_CITATION).toMatch(/26/);
    expect(SICIL_CITATION).toMatch(/işkolu/);
  });
});

describe('parseTurkishDate', () => {
  test.each([
    ['05.03.2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['29.02.2024', '2024-02-29'],
    ['31.12.2024', '2024-12-31'],
    [' 01.01.2025 ', '2025-01-01'],
    ['05.03.2024 09:07', '2024-03-05T09:07:00'],
    ['05.03.2024 09:07:31', '2024-03-05T09:07:31'],
    ['05.03.2024\u00a009:07:31', '2024-03-05T09:07:31'],
    ['05.03.2024  9:07', '2024-03-05T09:07:00'],
    ['31.12.2024 23:59:59', '2024-12-31T23:59:59'],
  ])('%j → %s', (text, iso) => {
    expect(parseTurkishDate(text)).toBe(iso);
  });

  test.each([
    '31.02.2024',
    '29.02.2023',
    '31.04.2024',
    '00.01.2024',
    '12.13.2024',
    '12.00.2024',
    '05.03.24',
    '2024-03-05',
    '05/03/2024',
    '05.03.2024 24:00',
    '05.03.2024 12:60',
    '05.03.2024 12:00:60',
    '05.03.2024 12',
    'Devam Ediyor',
    '',
    '05.03.2024x',
  ])('%j → undefined', (text) => {
    expect(parseTurkishDate(text)).toBeUndefined();
  });

  test('formatTurkishDate writes the portal\'s form back', () => {
    expect(formatTurkishDate('2024-03-05')).toBe('05.03.2024');
    expect(formatTurkishDate('2024-03-05T09:07:31')).toBe('05.03.2024 09:07:31');
    expect(formatTurkishDate('2024-03-05T09:07')).toBe('05.03.2024 09:07');
    expect(formatTurkishDate('not a date')).toBe('not a date');
  });

  test('round trip', () => {
    for (const text of ['05.03.2024', '31.12.2024 23:59:59']) {
      expect(formatTurkishDate(parseTurkishDate(text)!)).toBe(text);
    }
  });
});
