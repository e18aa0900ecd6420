// The registry and the page's verdict attributes (PAGE-CONTRACT.md: data-katip-status / data-katip-rules).
import { describe, expect, it } from 'vitest';
import {
  RULE_IDS,
  RULES,
  judgeRecord,
  judgeScreen,
  missingRoleFindings,
  recordVerdict,
  type Finding,
  type RuleId,
} from '@/utils/rules';
import { known, subject, workplace } from './fixtures';

const finding = (ruleId: RuleId, severity: 'error' | 'warn', result: 'fail' | 'needs-data' = 'fail'): Finding => ({
  ruleId,
  severity,
  result,
  message: { tr: '', en: '' },
  citation: '',
});

describe('RULES', () => {
  it('holds one module per rule id, in order, each with a citation and both languages', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of RULES) {
      expect(r.citation.length).toBeGreaterThan(10);
      expect(r.title.tr && r.title.en).toBeTruthy();
    }
    expect(RULES.filter((r) => r.severity === 'warn').map((r) => r.id)).toEqual(['nace-not-listed', 'nace-sicil-mismatch', 'portal-verdict-differs']);
  });
});

describe('recordVerdict', () => {
  it.each([
    [[], 'ok', ''],
    [[finding('nace-not-listed', 'warn')], 'warn', 'nace-not-listed'],
    [[finding('over-capacity', 'error', 'needs-data')], 'unknown', 'needs-data'],
    [
      [finding('minutes-below-minimum', 'error'), finding('over-capacity', 'error', 'needs-data')],
      'error',
      'minutes-below-minimum needs-data',
    ],
    [
      [finding('tckn-invalid', 'error'), finding('certificate-class', 'error'), finding('nace-sicil-mismatch', 'warn')],
      'error',
      'certificate-class nace-sicil-mismatch tckn-invalid',
    ],
    [
      [finding('certificate-class', 'error', 'needs-data'), finding('minutes-below-minimum', 'error', 'needs-data')],
      'unknown',
      'needs-data',
    ],
  ] as const)('%# → %s "%s"', (findings, status, rules) => {
    expect(recordVerdict([...findings])).toEqual({ status, rules });
  });
});

describe('judgeRecord', () => {
  const w = workplace({ hazardText: 'Çok Tehlikeli', employees: 120, naceText: '72.10' });
  const peers = [known('Ayşe', { role: 'igu', employment: 'kismi', minutes: 3000, certificateClass: 'B' })];

  it('lists the failed rules of an approval with no capacity shown', () => {
    const s = subject(w, peers, 'Ayşe', 'approval');
    const findings = judgeRecord(s);
    expect(findings.map((f) => `${f.ruleId}:${f.result}`)).toEqual([
      'minutes-below-minimum:fail',
      'certificate-class:fail',
      'nace-malformed:fail',
      'over-capacity:needs-data',
    ]);
    expect(findings[0]!.counted?.map((c) => c.tr)).toEqual(['Ayşe']);
    expect(findings[0]!.citation).toContain('m. 12');
    expect(recordVerdict(findings)).toEqual({
      status: 'error',
      rules: 'certificate-class minutes-below-minimum nace-malformed needs-data',
    });
  });

  it('disabled rules produce nothing', () => {
    const s = subject(w, peers, 'Ayşe', 'approval');
    const disabled = new Set<RuleId>(['minutes-below-minimum', 'certificate-class', 'nace-malformed']);
    expect(recordVerdict(judgeRecord(s, disabled))).toEqual({ status: 'unknown', rules: 'needs-data' });
  });

  it('az tehlikeli, 30 employees, own undertaking: nothing to flag', () => {
    const own = workplace({ hazardText: 'Az Tehlikeli', employees: 30, ownUndertaking: true });
    expect(judgeRecord(subject(own, [known('I', { role: 'igu', employment: 'kismi', minutes: 0 })], 'I'))).toEqual([]);
    expect(missingRoleFindings(own, [])).toEqual([]);
  });
});

describe('missingRoleFindings', () => {
  it('reports a required DSP with no contract at all, on the page', () => {
    const w = workplace({ hazardText: 'Çok Tehlikeli', employees: 60 });
    const peers = [
      known('I', { role: 'igu', employment: 'kismi', minutes: 2400 }),
      known('H', { role: 'ih', employment: 'kismi', minutes: 900 }),
    ];
    const found = missingRoleFindings(w, peers);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'minutes-below-minimum', result: 'fail', role: 'dsp' });
    expect(found[0]!.recordIndex).toBeUndefined();
    expect(found[0]!.message.tr).toBe('DSP sözleşmesi yok; 60 çalışan × 15 dk = 900 dk gerekli');
  });

  it('no DSP needed where a full-time İH is assigned; ended contracts leave the role missing', () => {
    const w = workplace({ hazardText: 'Çok Tehlikeli', employees: 60 });
    const peers = [
      known('I', { role: 'igu', employment: 'kismi', minutes: 2400 }),
      known('H', { role: 'ih', employment: 'tam' }),
    ];
    expect(missingRoleFindings(w, peers)).toEqual([]);
    const ended = [known('I', { role: 'igu', employment: 'kismi', minutes: 2400, contractState: 'ended' }), peers[1]!];
    expect(missingRoleFindings(w, ended).map((f) => `${f.ruleId}:${f.role}`)).toEqual(['minutes-below-minimum:igu']);
  });

  it('a large workplace with no İGU misses both the full-time and the minutes parts', () => {
    const w = workplace({ hazardText: 'Çok Tehlikeli', employees: 800 });
    const found = missingRoleFindings(w, [], new Set<RuleId>(['minutes-below-minimum']));
    expect(found.map((f) => `${f.ruleId}:${f.role}`)).toEqual(['full-time-required:igu', 'full-time-required:ih']);
  });

  it('a contract with an unknown role turns the finding into needs-data', () => {
    const w = workplace({ hazardText: 'Tehlikeli', employees: 20 });
    const found = missingRoleFindings(w, [known('?', { minutes: 400 })]);
    expect(found.map((f) => `${f.role}:${f.result}`)).toEqual(['igu:needs-data', 'ih:needs-data']);
  });

  it('says nothing when the workplace lacks facts (the records report needs-data)', () => {
    expect(missingRoleFindings(workplace({ employees: 60 }), [])).toEqual([]);
  });
});

describe('judgeScreen', () => {
  it('judges each record, counts statuses and adds page findings', () => {
    const w = workplace({ hazardText: 'Çok Tehlikeli', employees: 120 });
    const peers = [
      known('A', { role: 'igu', employment: 'kismi', minutes: 4800, certificateClass: 'A', tckn: '10000000146' }),
      known('B', { role: 'ih', employment: 'kismi', minutes: 1000, tckn: '12345678901' }),
    ];
    const result = judgeScreen([subject(w, peers, 'A'), subject(w, peers, 'B'), subject(workplace({}), [], { role: 'igu' })], {
      workplaces: [{ workplace: w, peers }],
    });
    expect(result.records.map((r) => [r.status, r.rules])).toEqual([
      ['ok', ''],
      ['error', 'minutes-below-minimum tckn-invalid'],
      ['unknown', 'needs-data'],
    ]);
    expect(result.records[1]!.findings.every((f) => f.recordIndex === 1)).toBe(true);
    expect(result.counts).toEqual({ error: 1, warn: 0, unknown: 1, ok: 1 });
    expect(result.pageFindings.map((f) => `${f.ruleId}:${f.role}`)).toEqual(['minutes-below-minimum:dsp']);
  });
});
