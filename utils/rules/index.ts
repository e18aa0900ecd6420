// The rule registry and the verdicts written into the page (PAGE-CONTRACT.md: data-katip-status / -rules).
import { certificateClass, isMatchingFullTimeIgu } from './certificate-class';
import { isActiveAssignment } from '../domain/evaluation';
import { runSteps } from '../steps';
import type { PageRecord } from '../record-types';
import { fullTimeRequired } from './full-time-required';
import { hazardClassUnknown } from './hazard-class-unknown';
import { minutesBelowMinimum } from './minutes-below-minimum';
import { naceClassMismatch } from './nace-class-mismatch';
import { naceMalformed } from './nace-malformed';
import { naceNotListed } from './nace-not-listed';
import { naceSicilMismatch } from './nace-sicil-mismatch';
import { overCapacity } from './over-capacity';
import { portalVerdictDiffers } from './portal-verdict-differs';
import { missingRoles, sharedEvaluation } from './service';
import { sicilMalformed } from './sicil-malformed';
import { tcknInvalid } from './tckn-invalid';
import {
  RULE_IDS,
  type Bilingual,
  type Fact,
  type Outcome,
  type Finding,
  type KnownAssignment,
  type RecordStatus,
  type ResolvedWorkplace,
  type RuleId,
  type RuleModule,
  type Subject,
} from './types';
import type { ReadFact } from './types';

export * from './types';

const BY_ID: Record<RuleId, RuleModule> = {
  'minutes-below-minimum': minutesBelowMinimum,
  'full-time-required': fullTimeRequired,
  'certificate-class': certificateClass,
  'hazard-class-unknown': hazardClassUnknown,
  'nace-malformed': naceMalformed,
  'nace-not-listed': naceNotListed,
  'nace-class-mismatch': naceClassMismatch,
  'nace-sicil-mismatch': naceSicilMismatch,
  'tckn-invalid': tcknInvalid,
  'sicil-malformed': sicilMalformed,
  'over-capacity': overCapacity,
  'portal-verdict-differs': portalVerdictDiffers,
};

/** Every rule, in RULE_IDS order. */
export const RULES: readonly RuleModule[] = RULE_IDS.map((id) => BY_ID[id]);

export function ruleById(id: RuleId): RuleModule {
  return BY_ID[id];
}

const NO_RULES: ReadonlySet<RuleId> = new Set();

/** The findings of one record: failed and could-not-judge rules; passes and inapplicable ones leave nothing. */
export function judgeRecord(subject: Subject, disabled: ReadonlySet<RuleId> = NO_RULES): Finding[] {
  const findings: Finding[] = [];
  const unread = subject.record.unread ?? [];
  for (const rule of RULES) {
    if (disabled.has(rule.id)) continue;
    const blind = unread.length && rule.reads ? rule.reads.filter((f) => unread.includes(f)) : [];
    const outcome = blind.length
      ? unreadOutcome(blind)
      : rule.after
        ? rule.after(subject, findings)
        : rule.check(subject);
    if (outcome.result === 'fail') {
      const finding: Finding = {
        ruleId: rule.id,
        severity: rule.severity,
        result: 'fail',
        message: outcome.message,
        citation: outcome.citation ?? rule.citation,
      };
      if (outcome.counted) finding.counted = outcome.counted;
      findings.push(finding);
    } else if (outcome.result === 'needs-data') {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        result: 'needs-data',
        message: outcome.message,
        citation: outcome.citation ?? rule.citation,
        missing: outcome.missing,
      });
    }
  }
  return findings;
}

/** The labels of the ambiguous columns, for the message. */
const UNREAD_LABELS: Record<ReadFact, Bilingual> = {
  minutes: { tr: 'Çalışma Süresi', en: 'minutes' },
  contractState: { tr: 'Sözleşme Statü / Durumu', en: 'contract state' },
  hazardText: { tr: 'Tehlike Sınıfı', en: 'hazard class' },
  employees: { tr: 'Çalışan Sayısı', en: 'employee count' },
  certificateText: { tr: 'Sertifika Tipi', en: 'certificate type' },
  role: { tr: 'görev türü', en: 'role' },
};

/** needs-data for facts whose column could not be told apart from another. */
function unreadOutcome(facts: readonly ReadFact[]): Outcome {
  const names = facts.map((f) => UNREAD_LABELS[f]);
  const missing: Fact[] = [];
  for (const f of facts) {
    const fact = UNREAD_FACT[f];
    if (!missing.includes(fact)) missing.push(fact);
  }
  return {
    result: 'needs-data',
    missing,
    message: {
      tr: `Sayfada ${names.map((n) => n.tr).join(', ')} için birden fazla sütun var; hangisinin doğru olduğu anlaşılamadığı için okunmadı`,
      en: `The page has more than one column for ${names.map((n) => n.en).join(', ')}; they could not be told apart, so neither was read`,
    },
  };
}

const UNREAD_FACT: Record<ReadFact, Fact> = {
  minutes: 'minutes',
  contractState: 'contract-state',
  hazardText: 'hazard-class',
  employees: 'employees',
  certificateText: 'certificate-class',
  role: 'role',
};

/**
 * data-katip-status and data-katip-rules of a record: error > warn > unknown > ok; the fired rule ids
 * plus `needs-data` when some rule could not judge, de-duplicated, sorted, space-separated.
 */
export function recordVerdict(findings: readonly Finding[]): { status: RecordStatus; rules: string } {
  const fails = findings.filter((f) => f.result === 'fail');
  const unknown = findings.some((f) => f.result === 'needs-data');
  const status: RecordStatus = fails.some((f) => f.severity === 'error')
    ? 'error'
    : fails.length > 0
      ? 'warn'
      : unknown
        ? 'unknown'
        : 'ok';
  const ids = new Set<string>(fails.map((f) => f.ruleId));
  if (unknown) ids.add('needs-data');
  return { status, rules: [...ids].sort().join(' ') };
}

/** Page-level findings: a role the law requires with no active record at all (e.g. no DSP contract). */
export function missingRoleFindings(
  workplace: ResolvedWorkplace,
  peers: readonly KnownAssignment[],
  disabled: ReadonlySet<RuleId> = NO_RULES,
): Finding[] {
  const findings: Finding[] = [];
  for (const m of missingRoles(workplace, peers)) {
    const rule = m.part === 'full-time' ? fullTimeRequired : minutesBelowMinimum;
    if (disabled.has(rule.id)) continue;
    const finding: Finding = {
      ruleId: rule.id,
      severity: rule.severity,
      result: m.result,
      message: m.message,
      citation: m.citation,
      role: m.role,
    };
    if (m.result === 'needs-data') finding.missing = m.missing ?? ['role'];
    findings.push(finding);
  }
  return findings;
}

export interface ScreenJudgement {
  records: { findings: Finding[]; status: RecordStatus; rules: string }[];
  pageFindings: Finding[];
  counts: Record<RecordStatus, number>;
}

/** Judges every record of a screen, plus the page-level findings of the workplaces given. */
export function judgeScreen(
  subjects: readonly Subject[],
  opts: {
    disabled?: ReadonlySet<RuleId>;
    workplaces?: { workplace: ResolvedWorkplace; peers: KnownAssignment[] }[];
  } = {},
): ScreenJudgement {
  return runSteps(judgeScreenSteps(subjects, opts));
}

/**
 * What judgeScreen remembers between two checks of the same list: per subject record (the same
 * object while its row is unchanged), its verdict and what it was judged with. A grid record whose
 * workplace, settings and share of its peers (its role's evaluation, the full-time İGU of a fitting
 * class) are unchanged keeps its verdict: after a postback only the changed rows, and the records
 * whose role's sums they change, are judged again.
 */
export interface JudgeMemo {
  records: WeakMap<PageRecord, { key: string; index: number; verdict: RecordJudgement }>;
  workplaces: WeakMap<ResolvedWorkplace, string>;
  evaluations: WeakMap<object, Map<string, string>>;
  fittingIgu: WeakMap<readonly KnownAssignment[], Map<string, number>>;
}

export type RecordJudgement = ScreenJudgement['records'][number];

export function createJudgeMemo(): JudgeMemo {
  return { records: new WeakMap(), workplaces: new WeakMap(), evaluations: new WeakMap(), fittingIgu: new WeakMap() };
}

/** Everything a grid record's verdict takes from outside the record, as a string; undefined when it is not remembered. */
function judgementKey(subject: Subject, settings: string, memo: JudgeMemo): string | undefined {
  const { record, workplace } = subject;
  if (record.kind !== 'assignment' || subject.assignmentKey === undefined) return undefined;
  let w = memo.workplaces.get(workplace);
  if (w === undefined) memo.workplaces.set(workplace, (w = JSON.stringify(workplace)));
  const a = record.assignment;
  let share: string;
  if (!a || !isActiveAssignment(a)) share = 'inactive'; // the rules that count peers do not apply
  else if (!a.role) share = 'no-role';
  else {
    const ev = sharedEvaluation(subject, a.role);
    if (!ev) return undefined;
    let byRole = memo.evaluations.get(ev);
    if (!byRole) memo.evaluations.set(ev, (byRole = new Map()));
    share = byRole.get(a.role) ?? '';
    if (!share) {
      share = ev.needs ? `needs:${ev.needs.join(',')}` : `${ev.hazardClass}|${ev.employees}|${JSON.stringify(ev.roles[a.role])}`;
      byRole.set(a.role, share);
    }
    if (a.role === 'igu' && workplace.hazardClass) share += `|igu:${fittingIguCount(subject.peers, workplace.hazardClass, memo)}`;
  }
  return `${settings}|${subject.assignmentKey}|${w}|${share}`;
}

function fittingIguCount(peers: readonly KnownAssignment[], hazardClass: NonNullable<ResolvedWorkplace['hazardClass']>, memo: JudgeMemo): number {
  let byClass = memo.fittingIgu.get(peers);
  if (!byClass) memo.fittingIgu.set(peers, (byClass = new Map()));
  let n = byClass.get(hazardClass);
  if (n === undefined) {
    n = 0;
    for (const p of peers) if (isMatchingFullTimeIgu(p, hazardClass)) n++;
    byClass.set(hazardClass, n);
  }
  return n;
}

/** How many records are judged between two chances to pause. */
const RECORDS_PER_STEP = 128;

/** judgeScreen in steps (it yields every hundred records or so), remembering verdicts in `memo`. */
export function* judgeScreenSteps(
  subjects: readonly Subject[],
  opts: {
    disabled?: ReadonlySet<RuleId>;
    workplaces?: { workplace: ResolvedWorkplace; peers: KnownAssignment[] }[];
    memo?: JudgeMemo;
  } = {},
): Generator<void, ScreenJudgement, void> {
  const disabled = opts.disabled ?? NO_RULES;
  const memo = opts.memo;
  const settings = memo ? `${[...disabled].sort().join(',')}|${new Date().toISOString().slice(0, 10)}` : '';
  const counts: Record<RecordStatus, number> = { error: 0, warn: 0, unknown: 0, ok: 0 };
  const records: RecordJudgement[] = [];
  for (let recordIndex = 0; recordIndex < subjects.length; recordIndex++) {
    if (recordIndex % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield;
    const subject = subjects[recordIndex]!;
    const key = memo ? judgementKey(subject, settings, memo) : undefined;
    const hit = key !== undefined ? memo!.records.get(subject.record) : undefined;
    let verdict: RecordJudgement;
    if (hit && hit.key === key) {
      verdict = hit.verdict;
      if (hit.index !== recordIndex) {
        // the same record at another place in the list: its findings name the new place
        verdict = { ...verdict, findings: verdict.findings.map((f) => ({ ...f, recordIndex })) };
        memo!.records.set(subject.record, { key: key!, index: recordIndex, verdict });
      }
    } else {
      const findings = judgeRecord(subject, disabled).map((f) => ({ ...f, recordIndex }));
      verdict = { findings, ...recordVerdict(findings) };
      if (key !== undefined) memo!.records.set(subject.record, { key, index: recordIndex, verdict });
    }
    counts[verdict.status]++;
    records.push(verdict);
  }
  const pageFindings = (opts.workplaces ?? []).flatMap((w) => missingRoleFindings(w.workplace, w.peers, disabled));
  return { records, pageFindings, counts };
}
