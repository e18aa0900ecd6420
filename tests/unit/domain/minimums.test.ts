// Minimum monthly minutes and full-time professionals (RULES.md §2-3), every table cell and boundary.
import { describe, expect, test } from 'vitest';
import { iguClassAllowed, requiredService, type HazardClass } from '@/utils/domain';

// RULES.md §2, typed in from the sheet (not from the code's constants).
const MINUTES_PER_EMPLOYEE: Array<[role: 'igu' | 'ih', hazard: HazardClass, rate: number]> = [
  ['igu', 'az-tehlikeli', 10],
  ['igu', 'tehlikeli', 20],
  ['igu', 'cok-tehlikeli', 40],
  ['ih', 'az-tehlikeli', 5],
  ['ih', 'tehlikeli', 10],
  ['ih', 'cok-tehlikeli', 15],
];

// RULES.md §3: one full-time professional per T employees.
const FULL_TIME_EVERY: Array<[role: 'igu' | 'ih', hazard: HazardClass, t: number]> = [
  ['igu', 'az-tehlikeli', 1000],
  ['igu', 'tehlikeli', 500],
  ['igu', 'cok-tehlikeli', 250],
  ['ih', 'az-tehlikeli', 2000],
  ['ih', 'tehlikeli', 1000],
  ['ih', 'cok-tehlikeli', 750],
];

describe('minute table (RULES.md §2): one employee needs exactly the rate', () => {
  test.each(MINUTES_PER_EMPLOYEE)('%s %s → %i dk per employee', (role, hazard, rate) => {
    expect(requiredService(role, hazard, 1)).toEqual({ fullTime: 0, minutes: rate });
    expect(requiredService(role, hazard, 7)).toEqual({ fullTime: 0, minutes: 7 * rate });
  });
});

describe('full-time table (RULES.md §3)', () => {
  test.each(FULL_TIME_EVERY)('%s %s: one full-time per %i', (role, hazard, t) => {
    const rate = MINUTES_PER_EMPLOYEE.find(([r, h]) => r === role && h === hazard)![2];
    expect(requiredService(role, hazard, t - 1)).toEqual({ fullTime: 0, minutes: (t - 1) * rate });
    expect(requiredService(role, hazard, t)).toEqual({ fullTime: 1, minutes: 0 });
    expect(requiredService(role, hazard, t + 1)).toEqual({ fullTime: 1, minutes: rate });
    expect(requiredService(role, hazard, 2 * t)).toEqual({ fullTime: 2, minutes: 0 });
    expect(requiredService(role, hazard, 3 * t + 3)).toEqual({ fullTime: 3, minutes: 3 * rate });
  });
});

describe('named boundaries', () => {
  test.each([
    // İGU çok tehlikeli 249/250/251
    ['igu', 'cok-tehlikeli', 249, 0, 9960],
    ['igu', 'cok-tehlikeli', 250, 1, 0],
    ['igu', 'cok-tehlikeli', 251, 1, 40],
    // İGU tehlikeli 499/500
    ['igu', 'tehlikeli', 499, 0, 9980],
    ['igu', 'tehlikeli', 500, 1, 0],
    // İGU az tehlikeli 999/1000
    ['igu', 'az-tehlikeli', 999, 0, 9990],
    ['igu', 'az-tehlikeli', 1000, 1, 0],
    // İH çok tehlikeli 749/750
    ['ih', 'cok-tehlikeli', 749, 0, 11235],
    ['ih', 'cok-tehlikeli', 750, 1, 0],
    // İH tehlikeli 999/1000
    ['ih', 'tehlikeli', 999, 0, 9990],
    ['ih', 'tehlikeli', 1000, 1, 0],
    // İH az tehlikeli 1999/2000
    ['ih', 'az-tehlikeli', 1999, 0, 9995],
    ['ih', 'az-tehlikeli', 2000, 1, 0],
  ] as const)('%s %s N=%i → %i full-time + %i dk', (role, hazard, n, fullTime, minutes) => {
    expect(requiredService(role, hazard, n)).toEqual({ fullTime, minutes });
  });

  test('600 employees, çok tehlikeli, İGU: 2 full-time and 100 × 40 = 4.000 dk (RULES.md §3 example)', () => {
    expect(requiredService('igu', 'cok-tehlikeli', 600)).toEqual({ fullTime: 2, minutes: 4000 });
  });

  test('3 employees, az tehlikeli, İGU: 30 dk, no rounding up to a minimum visit', () => {
    expect(requiredService('igu', 'az-tehlikeli', 3)).toEqual({ fullTime: 0, minutes: 30 });
  });

  test('no employees, nothing required', () => {
    for (const role of ['igu', 'ih', 'dsp'] as const) {
      for (const hazard of ['az-tehlikeli', 'tehlikeli', 'cok-tehlikeli'] as const) {
        expect(requiredService(role, hazard, 0)).toEqual({ fullTime: 0, minutes: 0 });
      }
    }
  });

  test('a negative or fractional count never produces negative or fractional minutes', () => {
    expect(requiredService('igu', 'tehlikeli', -5)).toEqual({ fullTime: 0, minutes: 0 });
    expect(requiredService('igu', 'tehlikeli', 10.9)).toEqual({ fullTime: 0, minutes: 200 });
  });
});

describe('DSP (RULES.md §2: çok tehlikeli only; N 10-49: 10, 50-249: 15, ≥ 250: 20)', () => {
  test.each([
    [9, 0],
    [10, 100],
    [49, 490],
    [50, 750],
    [249, 3735],
    [250, 5000],
    [1000, 20000],
  ])('çok tehlikeli N=%i → %i dk, never full-time', (n, minutes) => {
    expect(requiredService('dsp', 'cok-tehlikeli', n)).toEqual({ fullTime: 0, minutes });
  });

  test.each([
    ['az-tehlikeli', 9],
    ['az-tehlikeli', 10],
    ['az-tehlikeli', 50],
    ['az-tehlikeli', 250],
    ['tehlikeli', 10],
    ['tehlikeli', 49],
    ['tehlikeli', 50],
    ['tehlikeli', 250],
    ['tehlikeli', 5000],
  ] as const)('%s N=%i → not required (0 dk)', (hazard, n) => {
    expect(requiredService('dsp', hazard, n)).toEqual({ fullTime: 0, minutes: 0 });
  });
});

describe('İGU certificate class against hazard class (RULES.md §4)', () => {
  test.each([
    ['A', 'cok-tehlikeli', true],
    ['B', 'cok-tehlikeli', false],
    ['C', 'cok-tehlikeli', false],
    ['A', 'tehlikeli', true],
    ['B', 'tehlikeli', true],
    ['C', 'tehlikeli', false],
    ['A', 'az-tehlikeli', true],
    ['B', 'az-tehlikeli', true],
    ['C', 'az-tehlikeli', true],
  ] as const)('%s sınıfı in %s → %s', (cls, hazard, allowed) => {
    expect(iguClassAllowed(cls, hazard)).toBe(allowed);
  });
});
