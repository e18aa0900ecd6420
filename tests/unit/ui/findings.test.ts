// Findings arranged for people: by record, by rule, one line per workplace lacking facts, records counted by state.
import { describe, expect, test } from 'vitest';
import { groupByRecord, groupByRule, pageWorkplaces, recordName, tally, workplaceGaps } from '@/components/findings';
import { dedupePending } from '@/components/pending';
import type { PendingApproval, StoredTabReport } from '@/utils/db';
import type { Finding } from '@/utils/rules/types';
import { formatNumber, t } from '@/utils/i18n';

const WP = { title: 'ÖZ DEMİR METAL', sicilNo: '24322050112345670340112000', naceText: '24.51.13' };
const fail = (ruleId: Finding['ruleId'], recordIndex?: number, severity: Finding['severity'] = 'error', citation = `${ruleId} m. 1`): Finding => ({
  ruleId,
  severity,
  result: 'fail',
  message: { tr: `${ruleId} tr`, en: `${ruleId} en` },
  citation,
  ...(recordIndex === undefined ? {} : { recordIndex }),
});
const needs = (recordIndex: number, missing: Finding['missing']): Finding => ({
  ruleId: 'minutes-below-minimum',
  severity: 'error',
  result: 'needs-data',
  message: { tr: 'eksik', en: 'missing' },
  citation: 'c',
  missing,
  recordIndex,
});

function report(findings: Finding[], extra: Partial<StoredTabReport> = {}): StoredTabReport {
  return {
    type: 'page-report',
    screen: 'new-contracts',
    url: 'https://isgkatip.csgb.gov.tr/x',
    records: [
      { kind: 'assignment', workplace: WP, assignment: { personName: 'Ayşe Yıldırım', portalId: '100245', role: 'igu', tckn: '17700000032' } },
      { kind: 'assignment', workplace: WP, assignment: { personName: 'Serkan Polat', role: 'igu' } },
      { kind: 'assignment', workplace: WP, assignment: { personName: 'Ali Veli', role: 'ih' } },
      { kind: 'assignment', workplace: WP, assignment: { personName: 'Eski Kayıt', contractState: 'ended' } },
      { kind: 'assignment', workplace: WP, assignment: { personName: 'Temiz Kayıt', role: 'igu' } },
    ],
    findings,
    scanMs: 3,
    at: '2026-12-01T10:00:00.000Z',
    ...extra,
  };
}

describe('by record', () => {
  test('one group per record, errors first, rules as lines; profile gaps left out', () => {
    const groups = groupByRecord([report([fail('nace-not-listed', 0, 'warn'), fail('certificate-class', 1), fail('tckn-invalid', 1), fail('certificate-class', 0), needs(2, ['employees'])])]);
    expect(groups.map((g) => [g.ref?.recordIndex, g.kind, g.findings.map((f) => f.ruleId)])).toEqual([
      [0, 'error', ['certificate-class', 'nace-not-listed']],
      [1, 'error', ['certificate-class', 'tckn-invalid']],
    ]);
  });

  test('names the record: person, masked T.C. number, role, contract id, workplace', () => {
    const r = report([]);
    expect(recordName(r, 0, 'tr', false)).toEqual({ title: 'Ayşe Yıldırım', details: ['T.C. 177******32', 'İGU', 'Görevlendirme ID 100245', 'ÖZ DEMİR METAL'] });
    expect(recordName(r, 0, 'en', true).details).toEqual(['T.C. 17700000032', 'OHS specialist', 'Assignment ID 100245', 'ÖZ DEMİR METAL']);
    expect(recordName(r, undefined, 'tr', false).title).toBe('Sayfa geneli');
  });
});

describe('by rule', () => {
  test('records as lines, the citation once per rule, distinct records counted', () => {
    const groups = groupByRule([report([fail('certificate-class', 0), fail('certificate-class', 1), fail('nace-not-listed', 0, 'warn'), fail('nace-not-listed', 1, 'warn')])]);
    expect(groups.map((g) => [g.ruleId, g.records, g.citations])).toEqual([
      ['certificate-class', 2, ['certificate-class m. 1']],
      ['nace-not-listed', 2, ['nace-not-listed m. 1']],
    ]);
  });
});

describe('needs-data as one action', () => {
  test('one line per workplace with the facts it lacks and the records waiting for them', () => {
    const gaps = workplaceGaps([report([needs(0, ['hazard-class']), needs(1, ['employees', 'hazard-class']), needs(2, ['employees'])])]);
    expect(gaps).toEqual([{ key: `sgk:${WP.sicilNo}`, facts: WP, missing: ['employees', 'hazard-class'], records: 3 }]);
  });

  test('a page that names no workplace uses the chosen one; a gap that is not a profile fact stays on the record', () => {
    const r = report([needs(0, ['hazard-class']), needs(1, ['role'])], { records: [{ kind: 'assignment', assignment: { personName: 'X' } }, { kind: 'approval', assignment: { personName: 'Y' } }] });
    expect(workplaceGaps([r], { title: 'SEÇİLİ' })).toEqual([{ key: 'title:secili', facts: { title: 'SEÇİLİ' }, missing: ['hazard-class'], records: 1 }]);
    expect(groupByRecord([r]).map((g) => g.ref?.recordIndex)).toEqual([1]);
  });
});

describe('tally and workplaces', () => {
  test('records by their worst state; ended contracts are not called passing', () => {
    const r = report([fail('certificate-class', 0), fail('nace-not-listed', 0, 'warn'), fail('nace-not-listed', 1, 'warn'), needs(2, ['employees'])]);
    expect(tally([r])).toEqual({ error: 1, warn: 1, 'needs-data': 1, ok: 1, ended: 1 });
    expect(pageWorkplaces([r])).toEqual([{ key: `sgk:${WP.sicilNo}`, facts: WP, state: 'error', records: 5 }]);
  });
});

describe('pending approvals', () => {
  const item = (key: string, personName: string, lastSeenAt: string, failed = false): PendingApproval => ({
    assignment: { key, label: `${personName} (İGU)`, personName, role: 'igu', workplaceKey: 'sgk:1', firstSeenAt: lastSeenAt, lastSeenAt, lastScreen: 'old-contracts', pending: 1 },
    checklist: {
      assignmentKey: key,
      updatedAt: lastSeenAt,
      steps: failed ? { 1: { done: true, at: lastSeenAt, how: 'seen' }, 5: { done: false, at: lastSeenAt, how: 'seen', failed: ['certificate-class'] } } : {},
    },
  });

  test('sorted the Turkish way and folded case-blind: "MEHMET ÖZTÜRK" = "Mehmet Öztürk"; the error mark survives the fold', () => {
    const list = dedupePending([
      item('a', 'Şule Çağlar', '2026-12-01T10:00:00Z'),
      item('b', 'MEHMET ÖZTÜRK', '2026-12-01T09:00:00Z', true),
      item('c', 'Mehmet Öztürk', '2026-12-01T11:00:00Z'),
      item('d', 'İsmail Işık', '2026-12-01T10:00:00Z'),
      item('e', 'Zeynep Ak', '2026-12-01T10:00:00Z'),
    ]);
    expect(list.map((e) => e.primary.assignment.personName)).toEqual(['İsmail Işık', 'Mehmet Öztürk', 'Şule Çağlar', 'Zeynep Ak']);
    const mehmet = list[1]!;
    expect(mehmet.keys).toEqual(['c', 'b']);
    expect(mehmet.errors).toEqual(['certificate-class']);
    expect(mehmet.done).toBe(1);
  });
});

describe('numbers', () => {
  test('Turkish and English grouping, never "1240"', () => {
    expect(formatNumber('tr', 1240)).toBe('1.240');
    expect(formatNumber('en', 1240)).toBe('1,240');
    expect(t('tr', 'tallyError', { n: 1240 })).toBe('1.240 kayıtta hata');
    expect(t('en', 'tallyError', { n: 1240 })).toBe('1,240 records with errors');
    expect(t('en', 'tallyError', { n: 1 })).toBe('1 record with errors');
  });
});
