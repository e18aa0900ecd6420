// evaluateWorkplace: required against provided service per role (RULES.md §2-§5).
import { describe, expect, it } from 'vitest';
import { evaluateWorkplace, isActiveAssignment, type EvaluatedAssignment, type HazardClass } from '@/utils/domain';

const igu = (key: string, minutes?: number, more: Partial<EvaluatedAssignment> = {}): EvaluatedAssignment => ({
  key,
  label: { tr: key, en: key },
  role: 'igu',
  employment: 'kismi',
  minutes,
  ...more,
});
const fullTime = (key: string, role: 'igu' | 'ih' = 'igu'): EvaluatedAssignment => ({
  key,
  label: { tr: key, en: key },
  role,
  employment: 'tam',
});

function roles(hazardClass: HazardClass, employees: number, list: EvaluatedAssignment[], ownUndertaking?: boolean) {
  const ev = evaluateWorkplace({ hazardClass, employees, ownUndertaking }, list);
  if (!ev.roles) throw new Error('needs ' + ev.needs.join());
  return ev.roles;
}

describe('evaluateWorkplace', () => {
  it('names the missing facts', () => {
    expect(evaluateWorkplace({}, []).needs).toEqual(['hazard-class', 'employees']);
    expect(evaluateWorkplace({ hazardClass: 'tehlikeli' }, []).needs).toEqual(['employees']);
    expect(evaluateWorkplace({ employees: 5 }, []).needs).toEqual(['hazard-class']);
  });

  it('120 employees çok tehlikeli with 3.000 dk İGU is 1.800 dk short', () => {
    const r = roles('cok-tehlikeli', 120, [igu('a', 3000)]).igu;
    expect(r.required).toEqual({ fullTime: 0, minutes: 4800 });
    expect(r).toMatchObject({ providedMinutes: 3000, shortfallMinutes: 1800, status: 'short', counted: [{ tr: 'a', en: 'a' }] });
  });

  it('sums several part-time contracts', () => {
    const r = roles('cok-tehlikeli', 120, [igu('a', 3000), igu('b', 1800)]).igu;
    expect(r).toMatchObject({ providedMinutes: 4800, shortfallMinutes: 0, status: 'ok', counted: [{ tr: 'a', en: 'a' }, { tr: 'b', en: 'b' }] });
  });

  it.each([
    ['az-tehlikeli', 999, 0, 9990],
    ['az-tehlikeli', 1000, 1, 0],
    ['tehlikeli', 499, 0, 9980],
    ['tehlikeli', 500, 1, 0],
    ['tehlikeli', 501, 1, 20],
    ['cok-tehlikeli', 249, 0, 9960],
    ['cok-tehlikeli', 250, 1, 0],
    ['cok-tehlikeli', 600, 2, 4000],
  ] as const)('İGU %s with %i employees needs %i full-time + %i dk', (hazard, n, ft, minutes) => {
    expect(roles(hazard, n, []).igu.required).toEqual({ fullTime: ft, minutes });
  });

  it('600 employees with one full-time İGU misses one full-time; minutes cannot stand in', () => {
    const r = roles('cok-tehlikeli', 600, [fullTime('f1'), igu('p', 20000)]).igu;
    expect(r).toMatchObject({ providedFullTime: 1, missingFullTime: 1, fullTimeStatus: 'short', minutesStatus: 'ok' });
    expect(r.status).toBe('short');
  });

  it('a full-time İGU beyond floor(N/T) counts 11.700 dk towards the minutes', () => {
    const r = roles('cok-tehlikeli', 600, [fullTime('f1'), fullTime('f2'), fullTime('f3')]).igu;
    expect(r).toMatchObject({ extraFullTime: 1, providedMinutes: 11700, shortfallMinutes: 0, status: 'ok' });
    // below T: one full-time İGU covers 120 × 40 = 4.800 dk
    expect(roles('cok-tehlikeli', 120, [fullTime('f1')]).igu.status).toBe('ok');
  });

  it('ended, cancelled and rejected contracts never count', () => {
    const r = roles('cok-tehlikeli', 120, [
      igu('ended', 4800, { contractState: 'ended' }),
      igu('cancelled', 4800, { contractState: 'cancelled' }),
      igu('rejected', 4800, { approvalState: 'rejected' }),
      igu('live', 1000),
    ]).igu;
    expect(r).toMatchObject({ active: 1, providedMinutes: 1000, shortfallMinutes: 3800, counted: [{ tr: 'live', en: 'live' }] });
  });

  it('unknown minutes: ok when the known ones suffice, else unknown', () => {
    expect(roles('cok-tehlikeli', 120, [igu('a', 4800), igu('b')]).igu).toMatchObject({ status: 'ok', unknownMinutes: 1 });
    expect(roles('cok-tehlikeli', 120, [igu('a', 3000), igu('b')]).igu).toMatchObject({
      status: 'unknown',
      minutesStatus: 'unknown',
      shortfallMinutes: 1800,
    });
  });

  it('unknown employment makes a full-time shortfall unknown', () => {
    const r = roles('cok-tehlikeli', 300, [igu('x', 2000, { employment: undefined })]).igu;
    expect(r).toMatchObject({ unknownEmployment: 1, fullTimeStatus: 'unknown', minutesStatus: 'ok', status: 'unknown' });
  });

  it('an active contract of unknown role leaves a shortfall unknown, not short', () => {
    const r = roles('cok-tehlikeli', 120, [igu('a', 3000), { key: '?', label: { tr: '?', en: '?' }, minutes: 2000 }]).igu;
    expect(r).toMatchObject({ unknownRole: 1, providedMinutes: 3000, minutesStatus: 'unknown', counted: [{ tr: 'a', en: 'a' }] });
  });

  it.each([
    ['cok-tehlikeli', 9, 'dsp-under-10'],
    ['tehlikeli', 300, 'dsp-hazard-class'],
    ['az-tehlikeli', 300, 'dsp-hazard-class'],
  ] as const)('DSP is not required in %s with %i employees', (hazard, n, reason) => {
    expect(roles(hazard, n, []).dsp).toMatchObject({ status: 'not-required', notRequiredReason: reason });
  });

  it.each([
    [10, 100],
    [49, 490],
    [50, 750],
    [249, 3735],
    [250, 5000],
  ])('DSP in çok tehlikeli with %i employees needs %i dk', (n, minutes) => {
    expect(roles('cok-tehlikeli', n, []).dsp.required).toEqual({ fullTime: 0, minutes });
  });

  it('DSP is not required where a full-time İH is assigned (İH/DSP Yönetmelik m. 19(2))', () => {
    expect(roles('cok-tehlikeli', 800, [fullTime('h', 'ih')]).dsp).toMatchObject({
      status: 'not-required',
      notRequiredReason: 'dsp-full-time-ih',
    });
    // an ended full-time İH does not lift the requirement
    const ended = { ...fullTime('h', 'ih'), contractState: 'ended' as const };
    expect(roles('cok-tehlikeli', 800, [ended]).dsp.status).toBe('short');
  });

  it('az tehlikeli under 50 employees run by the employer needs nothing (RULES §5)', () => {
    const r = roles('az-tehlikeli', 30, [], true);
    expect([r.igu.status, r.ih.status, r.dsp.status]).toEqual(['not-required', 'not-required', 'not-required']);
    expect(roles('az-tehlikeli', 50, [], true).igu.status).toBe('short');
    expect(roles('tehlikeli', 30, [], true).igu.status).toBe('short');
    expect(roles('az-tehlikeli', 30, []).igu.required.minutes).toBe(300);
  });

  it('3 employees az tehlikeli need 30 dk İGU, no rounding up', () => {
    expect(roles('az-tehlikeli', 3, [igu('a', 29)]).igu).toMatchObject({ shortfallMinutes: 1, status: 'short' });
    expect(roles('az-tehlikeli', 3, [igu('a', 30)]).igu.status).toBe('ok');
  });

  it('İH minutes and full-time threshold', () => {
    const r = roles('cok-tehlikeli', 800, [{ key: 'h', label: { tr: 'h', en: 'h' }, role: 'ih', employment: 'kismi', minutes: 750 }]).ih;
    expect(r.required).toEqual({ fullTime: 1, minutes: 750 });
    expect(r).toMatchObject({ minutesStatus: 'ok', fullTimeStatus: 'short' });
  });
});

describe('isActiveAssignment', () => {
  it('ended, cancelled, rejected and past-end-date assignments do not run; the rest do', () => {
    const today = '2026-11-22';
    expect(isActiveAssignment({ contractState: 'active' }, today)).toBe(true);
    expect(isActiveAssignment({}, today)).toBe(true);
    expect(isActiveAssignment({ contractState: 'ended' }, today)).toBe(false);
    expect(isActiveAssignment({ contractState: 'cancelled' }, today)).toBe(false);
    expect(isActiveAssignment({ approvalState: 'rejected' }, today)).toBe(false);
    expect(isActiveAssignment({ endDate: '2026-11-21' }, today)).toBe(false);
    expect(isActiveAssignment({ endDate: '2026-11-22' }, today)).toBe(true);
    expect(isActiveAssignment({ endDate: '2027-01-31T00:00:00' }, today)).toBe(true);
  });

  it('a contract whose end date has passed is not counted towards the minutes', () => {
    const r = roles('cok-tehlikeli', 120, [igu('A', 4800, { endDate: '2020-01-31' }), igu('B', 1000)]);
    expect(r.igu.providedMinutes).toBe(1000);
  });
});
