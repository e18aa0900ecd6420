// Edge cases of the rules against RULES.md / PAGE-CONTRACT.md: exemptions, exceptions, wording, bad input.
import { describe, expect, it } from 'vitest';
import { evaluateWorkplace } from '@/utils/domain';
import { judgeRecord, missingRoleFindings, recordVerdict, ruleById, type Outcome } from '@/utils/rules';
import { known, subject, workplace } from './fixtures';

const veryHazardous = (employees: number) => workplace({ hazardText: 'Çok Tehlikeli', employees });
const message = (o: Outcome) => (o.result === 'fail' || o.result === 'needs-data' ? o.message : { tr: '', en: '' });

describe('DSP exemption by a full-time İH (İH/DSP Yönetmelik m. 19(2)) when the İH employment type is unknown', () => {
  // RULES.md §2: "DSP is not required … where a full-time İH is assigned". An İH whose Çalışma Şekli
  // is unknown may be full-time: a DSP shortfall cannot be asserted, only "needs-data: employment".
  const peers = [
    known('H', { role: 'ih' }),
    known('D', { role: 'dsp', employment: 'kismi', minutes: 10 }),
    known('I', { role: 'igu', employment: 'kismi', minutes: 99999 }),
  ];

  it('minutes-below-minimum on the DSP record is needs-data (employment), not an error', () => {
    const o = ruleById('minutes-below-minimum').check(subject(veryHazardous(300), peers, 'D'));
    expect(o).toMatchObject({ result: 'needs-data', missing: ['employment'] });
    expect(message(o).tr).toContain('İH sözleşmesinin çalışma şekli bilinmiyor');
  });

  it('no DSP contract at all: the page finding is needs-data (employment), not a fail', () => {
    const found = missingRoleFindings(veryHazardous(300), [peers[0]!, peers[2]!]);
    expect(found.map((f) => [f.ruleId, f.role, f.result, f.missing])).toEqual([
      ['minutes-below-minimum', 'dsp', 'needs-data', ['employment']],
    ]);
  });

  it('still an error once the İH is known to be part-time', () => {
    const partTime = [known('H', { role: 'ih', employment: 'kismi', minutes: 4500 }), peers[1]!];
    expect(ruleById('minutes-below-minimum').check(subject(veryHazardous(300), partTime, 'D')).result).toBe('fail');
    expect(evaluateWorkplace({ hazardClass: 'cok-tehlikeli', employees: 300 }, partTime).roles?.dsp.status).toBe('short');
  });

  it('the DSP rule stays inapplicable where DSP cannot be required (unknown İH employment changes nothing)', () => {
    const az = workplace({ hazardText: 'Tehlikeli', employees: 300 });
    expect(ruleById('minutes-below-minimum').check(subject(az, peers, 'D')).result).toBe('inapplicable');
  });
});

describe('certificate-class: an A class İGU may serve every hazard class', () => {
  // RULES.md §4: A is allowed in all three classes, so the rule does not need the hazard class.
  it.each([undefined, 'Tehlikesiz'])('hazard text %s → pass, not needs-data', (hazardText) => {
    const w = workplace(hazardText === undefined ? { employees: 10 } : { hazardText, employees: 10 });
    expect(ruleById('certificate-class').check(subject(w, [], { role: 'igu', certificateClass: 'A' })).result).toBe('pass');
  });
  it('a B class with the class unknown still needs the hazard class', () => {
    const o = ruleById('certificate-class').check(subject(workplace({ employees: 10 }), [], { role: 'igu', certificateClass: 'B' }));
    expect(o).toMatchObject({ result: 'needs-data', missing: ['hazard-class'] });
  });
});

describe('certificate-class: the İSG Hizmetleri Yönetmeliği m. 5(3) exception', () => {
  // RULES.md §4: "where several İGU must be assigned in the listed sectors, only one full-time İGU
  // needs the matching class". With a matching full-time İGU present the flat "görev alamaz" misleads.
  const w = veryHazardous(600);
  const peers = [
    known('A1', { role: 'igu', employment: 'tam', certificateClass: 'A' }),
    known('B1', { role: 'igu', employment: 'tam', certificateClass: 'B' }),
  ];
  it('names the exception when a full-time İGU of the matching class is assigned', () => {
    const o = ruleById('certificate-class').check(subject(w, peers, 'B1'));
    expect(o.result).toBe('fail');
    expect(message(o).tr).toContain('m. 5(3)');
    expect(message(o).tr).toContain('tam süreli');
    expect(message(o).en).toContain('5(3)');
  });
  it('does not name it when no matching full-time İGU is known', () => {
    const o = ruleById('certificate-class').check(subject(w, [peers[1]!], 'B1'));
    expect(message(o).tr).not.toContain('5(3)');
  });
});

describe('numbers in messages are written the Turkish way', () => {
  it('full-time counts of 1.000 and more are grouped', () => {
    const w = workplace({ hazardText: 'Tehlikeli', employees: 600000 });
    const o = ruleById('full-time-required').check(subject(w, [known('I', { role: 'igu', employment: 'kismi', minutes: 1 })], 'I'));
    expect(message(o).tr).toContain('1.200 tam süreli İGU gerekli');
    expect(message(o).tr).toContain('eksik 1.200');
    expect(message(o).en).toContain('1,200 full-time');
  });
});

describe('sicil-malformed names the actual fault', () => {
  it('26 digits plus a stray letter does not say "26 rakam; 26 rakam olmalı"', () => {
    const o = ruleById('sicil-malformed').check({
      record: { kind: 'workplace' },
      workplace: workplace({ sicilNo: '2 6201 01 01 1234567 034 01 12 000X' }),
      peers: [],
    });
    expect(o.result).toBe('fail');
    expect(message(o).tr).not.toContain('26 rakam; 26 rakam olmalı');
    expect(message(o).tr).toContain('rakam olmayan');
  });
});

describe('an employee count shown but not readable (RULES.md: N is the Çalışan Sayısı)', () => {
  const huge = workplace({ hazardText: 'Tehlikeli', employeesText: '99999999999999999999' });

  it('on a list of institutions: unknown, the count named with what the page shows, never ok', () => {
    const findings = judgeRecord({ record: { kind: 'institution', workplace: huge }, workplace: huge, peers: [] });
    expect(findings.map((f) => [f.ruleId, f.result, f.missing])).toEqual([['minutes-below-minimum', 'needs-data', ['employees']]]);
    expect(findings[0]!.message.tr).toBe('Çalışan sayısı okunamadı: sayfada “99999999999999999999” yazıyor');
    expect(findings[0]!.message.en).toBe('Employee count unreadable: the page shows “99999999999999999999”');
    expect(recordVerdict(findings)).toEqual({ status: 'unknown', rules: 'needs-data' });
  });

  it('an institution whose count reads leaves no finding (nothing to judge on that list)', () => {
    const fine = workplace({ hazardText: 'Tehlikeli', employees: 120 });
    expect(judgeRecord({ record: { kind: 'institution', workplace: fine }, workplace: fine, peers: [] })).toEqual([]);
  });

  it('on a contract: the minutes and full-time rules need the count, so the record is unknown, not ok', () => {
    const peers = [known('A', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 99999 })];
    const findings = judgeRecord(subject(huge, peers, 'A'));
    expect(findings.map((f) => [f.ruleId, f.result, f.missing])).toEqual([
      ['minutes-below-minimum', 'needs-data', ['employees']],
      ['full-time-required', 'needs-data', ['employees']],
    ]);
    expect(recordVerdict(findings).status).toBe('unknown');
  });
});
