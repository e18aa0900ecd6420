// certificate-class, hazard-class-unknown, the nace-* rules, tckn-invalid, sicil-malformed, over-capacity.
import { describe, expect, it } from 'vitest';
import { ruleById, type Outcome, type RuleId, type Subject } from '@/utils/rules';
import type { AssignmentFacts, PageRecord } from '@/utils/records';
import { subject, workplace } from './fixtures';

const SICIL_6201 = '2 6201 01 01 1234567 034 01 12 000';

function check(id: RuleId, s: Subject): Outcome {
  return ruleById(id).check(s);
}
const onWorkplace = (facts: Parameters<typeof workplace>[0]): Subject => ({
  record: { kind: 'workplace' },
  workplace: workplace(facts),
  peers: [],
});
const onAssignment = (hazardText: string | undefined, a: AssignmentFacts, kind: PageRecord['kind'] = 'assignment') =>
  subject(workplace(hazardText === undefined ? { employees: 10 } : { hazardText, employees: 10 }), [], a, kind);

describe('certificate-class', () => {
  it.each([
    ['Çok Tehlikeli', 'B', 'fail'],
    ['Çok Tehlikeli', 'A', 'pass'],
    ['Tehlikeli', 'C', 'fail'],
    ['Tehlikeli', 'B', 'pass'],
    ['Az Tehlikeli', 'C', 'pass'],
  ] as const)('%s with a %s class İGU → %s', (hazard, cls, result) => {
    expect(check('certificate-class', onAssignment(hazard, { role: 'igu', certificateClass: cls })).result).toBe(result);
  });

  it('says which classes are allowed', () => {
    const o = check('certificate-class', onAssignment('ÇOK TEHLİKELİ', { role: 'igu', certificateClass: 'B' }));
    expect(o.result === 'fail' && o.message.tr).toBe(
      "B sınıfı İGU, Çok Tehlikeli işyerinde görev alamaz; izin verilen: A. Geçiş hükmü 31.12.2024'te sona erdi",
    );
  });

  it('needs the certificate class or the hazard class', () => {
    expect(check('certificate-class', onAssignment('Tehlikeli', { role: 'igu' }))).toMatchObject({
      result: 'needs-data',
      missing: ['certificate-class'],
    });
    expect(check('certificate-class', onAssignment(undefined, { role: 'igu', certificateClass: 'C' }))).toMatchObject({
      result: 'needs-data',
      missing: ['hazard-class'],
    });
  });

  it('an az tehlikeli workplace takes any class, known or not', () => {
    expect(check('certificate-class', onAssignment('Az Tehlikeli', { role: 'igu' })).result).toBe('pass');
  });

  it('İH and DSP are inapplicable', () => {
    expect(check('certificate-class', onAssignment('Çok Tehlikeli', { role: 'ih' })).result).toBe('inapplicable');
    expect(check('certificate-class', onAssignment(undefined, { role: 'dsp' })).result).toBe('inapplicable');
  });
});

describe('hazard-class-unknown', () => {
  it('fires on "Tehlikesiz" and quotes it', () => {
    const o = check('hazard-class-unknown', onWorkplace({ hazardText: 'Tehlikesiz' }));
    expect(o.result === 'fail' && o.message.tr).toContain('“Tehlikesiz”');
  });
  it.each(['ÇOK TEHLİKELİ', 'az tehlikeli', 'Tehlikeli'])('passes on %s', (text) => {
    expect(check('hazard-class-unknown', onWorkplace({ hazardText: text })).result).toBe('pass');
  });
  it('is inapplicable when no class is shown', () => {
    expect(check('hazard-class-unknown', onWorkplace({})).result).toBe('inapplicable');
  });
});

describe('NACE: one fault, one finding', () => {
  const NACE_RULES = ['nace-malformed', 'nace-not-listed', 'nace-class-mismatch', 'nace-sicil-mismatch'] as const;
  const fired = (facts: Parameters<typeof workplace>[0]) =>
    NACE_RULES.filter((id) => check(id, onWorkplace(facts)).result === 'fail');

  it.each([
    [{ naceText: '72.10', hazardText: 'Tehlikeli', sicilNo: SICIL_6201 }, ['nace-malformed']],
    [{ naceText: '86.90.1', hazardText: 'Tehlikeli' }, ['nace-malformed']],
    [{ naceText: '80.09.99', hazardText: 'Tehlikeli' }, ['nace-not-listed']],
    [{ naceText: '23.32.01', hazardText: 'Tehlikeli' }, ['nace-not-listed']],
    [{ naceText: '62.01.01', hazardText: 'Çok Tehlikeli' }, ['nace-class-mismatch']],
    [{ naceText: '62.01.01', hazardText: 'Az Tehlikeli', sicilNo: SICIL_6201 }, []],
    [{ naceText: '62.01.01', hazardText: 'Tehlikesiz' }, []],
    [{ naceText: '23.32.02', hazardText: 'Çok Tehlikeli' }, []],
    [{ naceText: '41.20.01', hazardText: 'Çok Tehlikeli', sicilNo: SICIL_6201 }, ['nace-sicil-mismatch']],
    [{ naceText: '41.20.01', hazardText: 'Az Tehlikeli', sicilNo: SICIL_6201 }, ['nace-class-mismatch', 'nace-sicil-mismatch']],
  ] as const)('%o → %o', (facts, ids) => {
    expect(fired(facts)).toEqual(ids);
  });

  it('the mismatch message names both classes', () => {
    const o = check('nace-class-mismatch', onWorkplace({ naceText: '62.01.01', hazardText: 'ÇOK TEHLİKELİ' }));
    expect(o.result === 'fail' && o.message.tr).toBe('Tehlike sınıfı Çok Tehlikeli, ancak NACE 62.01.01 listede Az Tehlikeli');
  });

  it('the removed code names the amendment', () => {
    const o = check('nace-not-listed', onWorkplace({ naceText: '23.32.01' }));
    expect(o.result === 'fail' && o.message.tr).toContain('listeden çıkarıldı');
  });

  it('the sicil mismatch is a warning that explains old numbers', () => {
    const o = check('nace-sicil-mismatch', onWorkplace({ naceText: '41.20.01', sicilNo: SICIL_6201 }));
    expect(ruleById('nace-sicil-mismatch').severity).toBe('warn');
    expect(o.result === 'fail' && o.message.tr).toContain('eski sicil numaraları eski işkolunu taşıyabilir');
  });

  it('all NACE rules are inapplicable without a NACE code', () => {
    expect(NACE_RULES.map((id) => check(id, onWorkplace({ hazardText: 'Tehlikeli', sicilNo: SICIL_6201 })).result)).toEqual(
      ['inapplicable', 'inapplicable', 'inapplicable', 'inapplicable'],
    );
  });
});

describe('tckn-invalid', () => {
  it('fires on a bad checksum and masks the number', () => {
    const o = check('tckn-invalid', onAssignment('Tehlikeli', { tckn: '12345678901' }));
    expect(o.result).toBe('fail');
    expect(o.result === 'fail' && o.message.tr).toContain('123******01');
    expect(o.result === 'fail' && o.message.tr).not.toContain('12345678901');
  });
  it.each(['10000000146', '12345678950'])('passes %s', (tckn) => {
    expect(check('tckn-invalid', onAssignment('Tehlikeli', { tckn })).result).toBe('pass');
  });
  it('is inapplicable without a number', () => {
    expect(check('tckn-invalid', onAssignment('Tehlikeli', { role: 'igu' })).result).toBe('inapplicable');
  });
});

describe('sicil-malformed', () => {
  it.each([
    [SICIL_6201, 'pass'],
    ['2.6201.01.01.1234567.034.01.12.000', 'pass'],
    ['2-6201-01-01-1234567-034-01-12-000', 'pass'],
    ['2 6201 01 01 1234567 034 01 12 00', 'fail'],
    ['2 6201 01 01 1234567 034 01 12 00A', 'fail'],
  ])('%s → %s', (sicilNo, result) => {
    expect(check('sicil-malformed', onWorkplace({ sicilNo })).result).toBe(result);
  });
  it('is inapplicable without a number', () => {
    expect(check('sicil-malformed', onWorkplace({ detsisNo: '12345678' })).result).toBe('inapplicable');
  });
});

describe('over-capacity', () => {
  const approval = (minutes?: number, remainingMinutes?: number) =>
    subject(workplace({}), [], { role: 'igu', minutes }, 'approval', { capacity: { remainingMinutes } });

  it('fires when the minutes exceed the remaining capacity, showing both', () => {
    const o = check('over-capacity', approval(2400, 1800));
    expect(o.result === 'fail' && o.message.tr).toBe(
      'Ayl. Çlş. Süresi 2.400 dk, Kalan Max. Ayl. Çlş. Süresi 1.800 dk; 600 dk fazla',
    );
  });
  it('passes at the limit', () => {
    expect(check('over-capacity', approval(1800, 1800)).result).toBe('pass');
  });
  it('needs both figures', () => {
    expect(check('over-capacity', approval(1800))).toMatchObject({ result: 'needs-data', missing: ['remaining-capacity'] });
    expect(check('over-capacity', approval(undefined, 100))).toMatchObject({ result: 'needs-data', missing: ['minutes'] });
  });
  it('is inapplicable outside the approval form', () => {
    expect(check('over-capacity', onAssignment('Tehlikeli', { minutes: 9999 })).result).toBe('inapplicable');
  });
});
