// portal-verdict-differs and facts a screen shows but could not read (ambiguous columns).
import { describe, expect, it } from 'vitest';
import { judgeRecord, recordVerdict, ruleById } from '@/utils/rules';
import { known, subject, workplace } from './fixtures';

const w = workplace({ hazardText: 'Çok Tehlikeli', employees: 100 });
const verdictOf = (s: ReturnType<typeof subject>) => recordVerdict(judgeRecord(s));

describe('portal-verdict-differs', () => {
  it('warns where the portal says "Evet" and an error rule fired', () => {
    // 100 × 40 = 4.000 dk required, 1.000 given
    const peers = [known('a', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 1000, portalVerdict: true })];
    const v = verdictOf(subject(w, peers, 'a'));
    expect(v).toEqual({ status: 'error', rules: 'minutes-below-minimum portal-verdict-differs' });
    const f = judgeRecord(subject(w, peers, 'a')).find((x) => x.ruleId === 'portal-verdict-differs')!;
    expect(f.message.tr).toContain('Evet');
    expect(f.message.en).toContain('compliant');
    expect(f.citation).toContain('Mevzuata Uygun');
  });

  it('warns where the portal says "Hayır" and every rule passed', () => {
    const peers = [known('a', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 4000, portalVerdict: false })];
    expect(verdictOf(subject(w, peers, 'a'))).toEqual({ status: 'warn', rules: 'portal-verdict-differs' });
  });

  it('is quiet where the verdicts agree, or where something could not be judged', () => {
    const agree = [known('a', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 4000, portalVerdict: true })];
    expect(verdictOf(subject(w, agree, 'a'))).toEqual({ status: 'ok', rules: '' });
    const unknown = [known('a', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 4000, portalVerdict: false })];
    expect(verdictOf(subject(workplace({ employees: 100 }), unknown, 'a')).rules).toBe('needs-data');
  });

  it('is a registered warn rule', () => {
    expect(ruleById('portal-verdict-differs').severity).toBe('warn');
  });
});

describe('facts the screen shows but could not read', () => {
  it('an ambiguous state column makes the minutes judgement needs-data, not a verdict', () => {
    const peers = [known('a', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 1000 })];
    const s = subject(w, peers, 'a', 'assignment', { unread: ['contractState'] });
    const findings = judgeRecord(s);
    expect(recordVerdict(findings)).toEqual({ status: 'unknown', rules: 'needs-data' });
    const f = findings.find((x) => x.ruleId === 'minutes-below-minimum')!;
    expect(f.missing).toEqual(['contract-state']);
    expect(f.message.tr).toContain('birden fazla sütun');
  });
});

describe('hazard-class-unknown on an empty cell', () => {
  it('is a missing fact (needs-data by the rules that need the class), not an unknown class', () => {
    const peers = [known('a', { role: 'igu', certificateClass: 'A', employment: 'kismi', minutes: 1000 })];
    const v = verdictOf(subject(workplace({ hazardText: '', employees: 100 }), peers, 'a'));
    expect(v).toEqual({ status: 'unknown', rules: 'needs-data' });
  });
});
