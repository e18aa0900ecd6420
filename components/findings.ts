// A tab's findings (PAGE-CONTRACT.md rule ids) arranged for people: by record (person, contract
// id, workplace) with the rules as lines, or by rule with the records as lines; missing profile
// facts gathered into one line per workplace; the records counted by status. Pure: data in, data out.
import { maskTckn, ROLE_LABELS } from '@/utils/domain/core';
import type { StoredTabReport } from '@/utils/db/tab-reports';
import { foldTitle, workplaceKeyOf } from '@/utils/keys';
import type { CellField, PageRecord, WorkplaceFacts } from '@/utils/records';
import { RULE_IDS, type Fact, type Finding, type RuleId } from '@/utils/rules/types';
import { PROFILE_FACTS, t, type Lang } from '@/utils/i18n';

export type FindingKind = 'error' | 'warn' | 'needs-data';
export type RecordState = FindingKind | 'ok' | 'ended';

export function findingKind(f: Finding): FindingKind {
  return f.result === 'needs-data' ? 'needs-data' : f.severity;
}

const KIND_RANK: Record<FindingKind, number> = { error: 0, warn: 1, 'needs-data': 2 };
const worst = (kinds: FindingKind[]): FindingKind => kinds.reduce<FindingKind>((a, b) => (KIND_RANK[b] < KIND_RANK[a] ? b : a), 'needs-data');
const ruleOrder = (id: RuleId) => (RULE_IDS as readonly string[]).indexOf(id);

/** The cell a rule is about (the content script outlines it on "Kayda git"). */
export const RULE_CELL: Record<RuleId, CellField> = {
  'minutes-below-minimum': 'minutes',
  'full-time-required': 'minutes',
  'certificate-class': 'certificateText',
  'hazard-class-unknown': 'hazardText',
  'nace-malformed': 'naceText',
  'nace-not-listed': 'naceText',
  'nace-class-mismatch': 'naceText',
  'nace-sicil-mismatch': 'sicilNo',
  'tckn-invalid': 'tckn',
  'sicil-malformed': 'sicilNo',
  'over-capacity': 'minutes',
  'portal-verdict-differs': 'portalId',
};

/** A needs-data finding whose only fix is the workplace profile (hazard class, employee count). */
export function isProfileGap(f: Finding): boolean {
  return f.result === 'needs-data' && (f.missing ?? []).length > 0 && (f.missing ?? []).every((m) => PROFILE_FACTS.includes(m));
}

/** Where a record lives: the frame of the tab and its index in that frame's report. */
export interface RecordRef {
  frameId: number;
  recordIndex: number;
}

/** How a record is named: who, which contract, which workplace. */
export interface RecordName {
  /** the person (or the workplace/institution for workplace records) */
  title: string;
  /** contract id, role, workplace: the rest that tells it apart */
  details: string[];
}

/** The workplace facts that hold for a record: its own, over the page's. */
export function recordWorkplace(report: StoredTabReport, record: PageRecord | undefined): WorkplaceFacts | undefined {
  const page = report.page?.workplace;
  if (!record?.workplace) return page;
  return page ? { ...page, ...record.workplace } : record.workplace;
}

export function recordName(report: StoredTabReport, index: number | undefined, lang: Lang, showTckn: boolean): RecordName {
  if (index === undefined) {
    const wp = report.page?.workplace;
    return { title: t(lang, 'pageLevel'), details: wp?.title ? [wp.title] : [] };
  }
  const record = report.records[index];
  const a = record?.assignment;
  const wp = recordWorkplace(report, record);
  const details: string[] = [];
  const tckn = a?.tckn ? (showTckn ? a.tckn : maskTckn(a.tckn)) : undefined;
  let title = a?.personName ?? (tckn ? `T.C. ${tckn}` : undefined);
  if (a?.personName && tckn) details.push(`T.C. ${tckn}`);
  if (a?.role) details.push(lang === 'tr' ? ROLE_LABELS[a.role].short : ROLE_LABELS[a.role].en);
  if (a?.portalId) details.push(t(lang, 'contractId', { id: a.portalId }));
  else if (a?.contractName) details.push(a.contractName);
  if (!title) {
    title = wp?.title ?? wp?.sicilNo ?? wp?.detsisNo ?? t(lang, 'recordN', { n: index + 1 });
    if (wp?.title && wp.sicilNo) details.push(`SGK ${wp.sicilNo}`);
  } else if (wp?.title) details.push(wp.title);
  return { title, details };
}

export interface RecordGroup {
  key: string;
  ref?: RecordRef;
  kind: FindingKind;
  findings: Finding[];
  report: StoredTabReport;
}

/** One group per record with findings (profile gaps left to the workplace lines): errors first, then page order. */
export function groupByRecord(reports: readonly StoredTabReport[]): RecordGroup[] {
  const groups: RecordGroup[] = [];
  for (const report of reports) {
    const frameId = report.frameId ?? 0;
    const byIndex = new Map<number | undefined, Finding[]>();
    for (const f of report.findings) {
      if (isProfileGap(f)) continue;
      const list = byIndex.get(f.recordIndex);
      if (list) list.push(f);
      else byIndex.set(f.recordIndex, [f]);
    }
    for (const [index, findings] of byIndex) {
      findings.sort((a, b) => KIND_RANK[findingKind(a)] - KIND_RANK[findingKind(b)] || ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
      const group: RecordGroup = { key: `${frameId}:${index ?? 'page'}`, kind: worst(findings.map(findingKind)), findings, report };
      if (index !== undefined) group.ref = { frameId, recordIndex: index };
      groups.push(group);
    }
  }
  const pos = (g: RecordGroup) => (g.ref ? g.ref.frameId * 1e6 + g.ref.recordIndex : -1);
  return groups.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || pos(a) - pos(b));
}

export interface RuleLine {
  key: string;
  ref?: RecordRef;
  finding: Finding;
  report: StoredTabReport;
}

export interface RuleGroup {
  ruleId: RuleId;
  kind: FindingKind;
  lines: RuleLine[];
  /** the distinct legal sources the findings cite, shown once for the rule */
  citations: string[];
  /** distinct records the rule fired on */
  records: number;
}

export function groupByRule(reports: readonly StoredTabReport[]): RuleGroup[] {
  const byRule = new Map<RuleId, RuleGroup>();
  for (const report of reports) {
    const frameId = report.frameId ?? 0;
    report.findings.forEach((f, i) => {
      if (isProfileGap(f)) return;
      let group = byRule.get(f.ruleId);
      if (!group) byRule.set(f.ruleId, (group = { ruleId: f.ruleId, kind: findingKind(f), lines: [], citations: [], records: 0 }));
      group.kind = worst([group.kind, findingKind(f)]);
      const line: RuleLine = { key: `${frameId}:${i}`, finding: f, report };
      if (f.recordIndex !== undefined) line.ref = { frameId, recordIndex: f.recordIndex };
      group.lines.push(line);
      if (f.citation && !group.citations.includes(f.citation)) group.citations.push(f.citation);
    });
  }
  for (const group of byRule.values()) group.records = new Set(group.lines.map((l) => (l.ref ? `${l.ref.frameId}:${l.ref.recordIndex}` : 'page'))).size;
  return [...byRule.values()].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || ruleOrder(a.ruleId) - ruleOrder(b.ruleId));
}

/** The distinct citations of each rule over all findings, in rule order (record mode shows them once, at the end). */
export function citationsByRule(reports: readonly StoredTabReport[]): { ruleId: RuleId; citations: string[] }[] {
  return groupByRule(reports).map((g) => ({ ruleId: g.ruleId, citations: g.citations }));
}

export interface WorkplaceGap {
  key: string;
  /** what the page showed of the workplace (to pre-fill the profile form); empty when it named none */
  facts: WorkplaceFacts;
  missing: Fact[];
  /** records that could not be judged for lack of these facts */
  records: number;
}

/**
 * One line per workplace whose profile facts are missing: the records' (or the page's) workplace,
 * else `fallback` (the workplace chosen on the old select screen).
 */
export function workplaceGaps(reports: readonly StoredTabReport[], fallback?: WorkplaceFacts): WorkplaceGap[] {
  const gaps = new Map<string, WorkplaceGap & { refs: Set<string> }>();
  for (const report of reports) {
    for (const f of report.findings) {
      if (!isProfileGap(f)) continue;
      const record = f.recordIndex === undefined ? undefined : report.records[f.recordIndex];
      const facts = recordWorkplace(report, record) ?? fallback ?? {};
      const key = workplaceKeyOf(facts) ?? 'unknown';
      let gap = gaps.get(key);
      if (!gap) gaps.set(key, (gap = { key, facts, missing: [], records: 0, refs: new Set() }));
      for (const m of f.missing ?? []) if (!gap.missing.includes(m)) gap.missing.push(m);
      gap.refs.add(`${report.frameId ?? 0}:${f.recordIndex ?? 'page'}`);
    }
  }
  return [...gaps.values()].map(({ refs, ...gap }) => ({
    ...gap,
    missing: PROFILE_FACTS.filter((m) => gap.missing.includes(m as Fact)) as Fact[],
    records: refs.size,
  }));
}

export type Tally = Record<RecordState, number>;

/**
 * The tab's records by state: error / warn / needs-data by their worst finding; records with none
 * are 'ok', or 'ended' when the contract is ended or cancelled (never called "Uygun").
 */
export function tally(reports: readonly StoredTabReport[]): Tally {
  const out: Tally = { error: 0, warn: 0, 'needs-data': 0, ok: 0, ended: 0 };
  for (const report of reports) {
    const kinds = new Map<number, FindingKind>();
    for (const f of report.findings) {
      if (f.recordIndex === undefined) continue;
      const k = findingKind(f);
      const prev = kinds.get(f.recordIndex);
      kinds.set(f.recordIndex, prev === undefined ? k : worst([prev, k]));
    }
    report.records.forEach((record, i) => {
      const k = kinds.get(i);
      if (k) out[k]++;
      else if (record.assignment?.contractState === 'ended' || record.assignment?.contractState === 'cancelled') out.ended++;
      else out.ok++;
    });
  }
  return out;
}

/** The tab's workplaces (as the pages name them) with the worst state of their records. */
export function pageWorkplaces(reports: readonly StoredTabReport[]): { key: string; facts: WorkplaceFacts; state: RecordState; records: number }[] {
  const out = new Map<string, { key: string; facts: WorkplaceFacts; state: RecordState; records: number }>();
  const rank: Record<RecordState, number> = { error: 0, warn: 1, 'needs-data': 2, ok: 3, ended: 4 };
  for (const report of reports) {
    const kinds = new Map<number, FindingKind>();
    for (const f of report.findings) if (f.recordIndex !== undefined) kinds.set(f.recordIndex, worst([kinds.get(f.recordIndex) ?? 'needs-data', findingKind(f)]));
    const seen = (facts: WorkplaceFacts | undefined, state: RecordState) => {
      const key = workplaceKeyOf(facts);
      if (!key || !facts) return;
      const entry = out.get(key) ?? { key, facts, state, records: 0 };
      if (rank[state] < rank[entry.state]) entry.state = state;
      entry.records++;
      out.set(key, entry);
    };
    report.records.forEach((record, i) => {
      const hit = report.findings.some((f) => f.recordIndex === i);
      seen(recordWorkplace(report, record), hit ? kinds.get(i)! : 'ok');
    });
  }
  return [...out.values()].sort((a, b) => rank[a.state] - rank[b.state] || (a.facts.title ?? a.key).localeCompare(b.facts.title ?? b.key, 'tr'));
}

/** Turkish-aware, case-blind person key for de-duplicating lists ("MEHMET ÖZTÜRK" = "Mehmet Öztürk"). */
export function foldPerson(name: string | undefined): string {
  return name ? foldTitle(name) : '';
}
