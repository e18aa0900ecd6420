// Edge cases of the domain functions against RULES.md: bad input and portal wording.
import { describe, expect, it } from 'vitest';
import { formatTurkishNumber, parsePersonnel, requiredService } from '@/utils/domain';

describe('requiredService never returns NaN (bad input must not produce a verdict)', () => {
  it.each([NaN, Infinity, -Infinity, -5])('employees %s → nothing required', (n) => {
    expect(requiredService('igu', 'cok-tehlikeli', n)).toEqual({ fullTime: 0, minutes: 0 });
    expect(requiredService('dsp', 'cok-tehlikeli', n)).toEqual({ fullTime: 0, minutes: 0 });
  });
});

describe('formatTurkishNumber never writes exponent notation', () => {
  it.each([
    [1e21, '1.000.000.000.000.000.000.000'],
    [4800, '4.800'],
    [1.5, '1,5'],
    [-1200, '-1.200'],
  ])('%s → %s', (n, text) => {
    expect(formatTurkishNumber(n)).toBe(text);
  });
});

describe('parsePersonnel reads the İGU class in the portal’s other spellings', () => {
  it.each([
    ['(A) Sınıfı İş Güvenliği Uzmanı', 'A'],
    ['A Sınıf İş Güvenliği Uzmanı', 'A'],
    ['İş Güvenliği Uzmanı (B)', 'B'],
    ['İGU (C Sınıfı)', 'C'],
  ] as const)('%s → igu %s', (text, cls) => {
    expect(parsePersonnel(text)).toEqual({ role: 'igu', certificateClass: cls });
  });
  it.each(['İşyeri Hekimi (A)', 'Diğer Sağlık Personeli (B)'])('%s has no class', (text) => {
    expect(parsePersonnel(text).certificateClass).toBeUndefined();
  });
});
