// Turns what a screen read into the subjects the rules judge: each record with its workplace
// (page facts first, then the user's profile, then what the mirror saw) and the active assignments
// known for that workplace, per PAGE-CONTRACT.md ("Minutes are judged per workplace and role").
import { isActiveAssignment, isNaceWellFormed, lookupNaceClass, parseHazardClass } from '../domain/core';
import { foldTurkish } from '../domain/text';
import { assignmentLabels, portalAssignmentKey, stableAssignmentKey, workplaceKeyOf } from '../keys';
import type { ContextResponse } from '../messages';
import { withoutUndefined, type AssignmentFacts, type PageRecord, type ScreenRead, type WorkplaceFacts } from '../record-types';
import { runSteps } from '../steps';
import type { FactSource, KnownAssignment, ResolvedWorkplace, Subject } from '../rules/types';

/** Kinds of record whose rules need the workplace context from the background. */
export function needsContext(record: PageRecord): boolean {
  return record.kind === 'assignment' || record.kind === 'approval' || record.kind === 'contract-form';
}

/** The workplace facts a record carries, over the page-wide ones. */
export function pageWorkplaceOf(read: ScreenRead, record: PageRecord): WorkplaceFacts | undefined {
  const page = read.page?.workplace;
  if (!record.workplace) return page;
  if (!page) return record.workplace;
  return { ...page, ...withoutUndefined(record.workplace) };
}

/** The key under which a record's context is asked for and cached ('' = the page names no workplace). */
export function contextKeyOf(facts: WorkplaceFacts | undefined): string {
  return workplaceKeyOf(facts) ?? '';
}

const FACT_FIELDS = ['sicilNo', 'detsisNo', 'title', 'naceText', 'hazardText', 'employees', 'ownUndertaking'] as const;

export function resolveWorkplace(page: WorkplaceFacts | undefined, ctx: ContextResponse): ResolvedWorkplace {
  const named = workplaceKeyOf(page) !== undefined;
  const layers: [FactSource, WorkplaceFacts | undefined][] = [
    ['page', page],
    ['profile', ctx.profile],
    ['mirror', ctx.mirrored],
    ['mirror', named ? undefined : ctx.selectedWorkplace],
  ];
  const sources: NonNullable<ResolvedWorkplace['sources']> = {};
  const out: ResolvedWorkplace = { sources };
  // the page shows an employee count it could not read (garbage, or beyond any workplace's size): no
  // older sighting stands in for it; only a count the user typed into the profile does (as for an
  // unreadable hazard class), else the rules needing N say the page's count is unreadable
  const unreadableCount = page?.employeesText !== undefined && page.employees === undefined;
  for (const field of FACT_FIELDS) {
    for (const [source, layer] of layers) {
      if (field === 'employees' && unreadableCount && layer !== ctx.profile) continue;
      const value = layer?.[field];
      // an empty hazard class shown by the page is shown (and is no legal class); elsewhere empty = absent
      if (value === undefined || (value === '' && !(field === 'hazardText' && source === 'page'))) continue;
      (out as Record<string, unknown>)[field] = value;
      if (field === 'hazardText') sources.hazard = source;
      if (field === 'employees') sources.employees = source;
      break;
    }
  }
  if (unreadableCount && out.employees === undefined) out.employeesText = page.employeesText;
  if (out.hazardText !== undefined) {
    out.hazardClass = parseHazardClass(out.hazardText);
    if (!out.hazardClass) {
      // the page's text is no legal class (hazard-class-unknown says so); the rules that need the
      // class use the one the user's profile or the saved records give, if any
      for (const [source, layer] of layers.slice(1)) {
        const cls = layer?.hazardText ? parseHazardClass(layer.hazardText) : undefined;
        if (cls) {
          out.hazardClass = cls;
          sources.hazard = source;
          break;
        }
      }
    }
  } else if (out.naceText) {
    const listed = isNaceWellFormed(out.naceText) ? lookupNaceClass(out.naceText)?.hazardClass : undefined;
    if (listed) {
      out.hazardClass = listed;
      sources.hazard = 'nace-list';
    }
  }
  return out;
}

function known(a: AssignmentFacts, key: string): KnownAssignment {
  return { ...a, key, label: assignmentLabels(a) };
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return !a || !b || foldTurkish(a) === foldTurkish(b);
}

/**
 * The record's own assignment, completed from the mirror and the old grid's selection. `aliases`
 * collects keys under which the mirror may know the same assignment (the grid row had no id).
 */
function ownAssignment(
  record: PageRecord,
  wkey: string | undefined,
  ctx: ContextResponse,
  index: number,
  aliases: Set<string>,
): KnownAssignment | undefined {
  const a = record.assignment;
  if (!a) return undefined;
  let facts: AssignmentFacts = a;
  if (record.kind === 'approval') {
    const portalKey = portalAssignmentKey(a);
    const mirrored = portalKey ? ctx.assignments.find((m) => m.key === portalKey) : undefined;
    const selected = ctx.selectedAssignment && sameName(ctx.selectedAssignment.personName, a.personName) ? ctx.selectedAssignment : undefined;
    facts = { ...(selected ?? {}), ...stripKnown(mirrored), ...withoutUndefined(a) };
    const alias = selected && stableAssignmentKey(wkey, selected);
    if (alias) aliases.add(alias);
  }
  const key = portalAssignmentKey(facts) ?? stableAssignmentKey(wkey, facts) ?? `row:${index}`;
  return known(facts, key);
}

function stripKnown(m: KnownAssignment | undefined): AssignmentFacts {
  if (!m) return {};
  const { key: _k, label: _l, ...facts } = m;
  return withoutUndefined(facts);
}

function settingsOnly(ctx: ContextResponse): ContextResponse {
  return { assignments: [], disabledRules: ctx.disabledRules, language: ctx.language };
}

export interface BuiltSubjects {
  subjects: Subject[];
  /** workplaces whose whole contract list the screen shows (for "a role with no record at all") */
  workplaces: { workplace: ResolvedWorkplace; peers: KnownAssignment[] }[];
}

/**
 * What buildSubjects remembers between two checks of the same list: per record object (a row
 * unchanged since the last read gives the same object), its own assignment and the record the rules
 * see, so an unchanged row gives the same subject record (the rules' memo keys on it).
 */
export interface SubjectMemo {
  records: WeakMap<PageRecord, { key: string; own: KnownAssignment | undefined; record: PageRecord }>;
}

export function createSubjectMemo(): SubjectMemo {
  return { records: new WeakMap() };
}

/**
 * Builds one subject per record. `contexts` maps contextKeyOf(page workplace) to the background's
 * answer; `base` is the answer for a page that names no workplace.
 */
export function buildSubjects(read: ScreenRead, contexts: ReadonlyMap<string, ContextResponse>, base: ContextResponse): BuiltSubjects {
  return runSteps(buildSubjectsSteps(read, contexts, base));
}

/** How many records are built between two chances to pause. */
const SUBJECTS_PER_STEP = 256;

/** buildSubjects in steps (it yields every few hundred records), remembering records in `memo`. */
export function* buildSubjectsSteps(
  read: ScreenRead,
  contexts: ReadonlyMap<string, ContextResponse>,
  base: ContextResponse,
  memo?: SubjectMemo,
): Generator<void, BuiltSubjects, void> {
  const aliases = new Set<string>();
  // records that carry no workplace facts of their own share the page's resolved workplace
  const shared = new Map<string, ResolvedWorkplace>();
  const prepared: { record: PageRecord; ctx: ContextResponse; ckey: string; workplace: ResolvedWorkplace; own: KnownAssignment | undefined; index: number; built?: PageRecord }[] = [];
  for (let index = 0; index < read.records.length; index++) {
    if (index % SUBJECTS_PER_STEP === SUBJECTS_PER_STEP - 1) yield;
    const { record } = read.records[index]!;
    const page = pageWorkplaceOf(read, record);
    const ckey = contextKeyOf(page);
    // a workplace the page names but no answer covers (none yet, or past the per-scan cap) gets the
    // settings only: the base answer's profile and records belong to the selected workplace
    const ctx = contexts.get(ckey) ?? (ckey ? settingsOnly(base) : base);
    let workplace = record.workplace ? undefined : shared.get(ckey);
    if (!workplace) {
      workplace = resolveWorkplace(page, ctx);
      if (!record.workplace) shared.set(ckey, workplace);
    }
    const wkey = workplaceKeyOf(workplace) ?? (ckey || undefined);
    // an approval's own assignment is completed from the context: worked out every time
    const memoKey = `${wkey ?? ''}|${index}`;
    const remembered = memo && record.kind === 'assignment' ? memo.records.get(record) : undefined;
    if (remembered && remembered.key === memoKey) {
      prepared.push({ record, ctx, ckey, workplace, own: remembered.own, index, built: remembered.record });
      continue;
    }
    const own = record.kind === 'contract-form' ? undefined : ownAssignment(record, wkey, ctx, index, aliases);
    prepared.push({ record, ctx, ckey, workplace, own, index });
  }

  // Per context key: the page's own active assignments, then the mirror's not already on the page.
  const byKey = new Map<string, Map<string, KnownAssignment>>();
  for (const p of prepared) {
    if (!p.own || !isActiveAssignment(p.own)) continue;
    let list = byKey.get(p.ckey);
    if (!list) byKey.set(p.ckey, (list = new Map<string, KnownAssignment>()));
    list.set(p.own.key, p.own);
  }
  yield;
  const peersByKey = new Map([...byKey].map(([k, m]) => [k, [...m.values()]]));
  // one peers array per workplace, shared by its records (the rules evaluate it once per array)
  const peersCache = new Map<string, KnownAssignment[]>();
  const peersOf = (ckey: string, ctx: ContextResponse): KnownAssignment[] => {
    const cached = peersCache.get(ckey);
    if (cached) return cached;
    const onPage = peersByKey.get(ckey) ?? [];
    const seen = new Set([...aliases, ...onPage.map((k) => k.key)]);
    const peers = [...onPage, ...ctx.assignments.filter((m) => !seen.has(m.key) && isActiveAssignment(m))];
    peersCache.set(ckey, peers);
    return peers;
  };

  const subjects: Subject[] = [];
  for (const p of prepared) {
    if (subjects.length % SUBJECTS_PER_STEP === SUBJECTS_PER_STEP - 1) yield;
    let record = p.built;
    if (!record) {
      record = p.own ? { ...p.record, assignment: stripKnown(p.own) } : p.record;
      if (memo && p.record.kind === 'assignment') memo.records.set(p.record, { key: `${workplaceKeyOf(p.workplace) ?? (p.ckey || '')}|${p.index}`, own: p.own, record });
    }
    const subject: Subject = {
      record,
      workplace: p.workplace,
      peers: needsContext(p.record) && p.record.kind !== 'contract-form' ? peersOf(p.ckey, p.ctx) : [],
    };
    if (p.own) subject.assignmentKey = p.own.key;
    subjects.push(subject);
  }

  const workplaces: BuiltSubjects['workplaces'] = [];
  if (read.screen === 'old-contracts' && prepared.length > 0) {
    const first = prepared[0]!;
    workplaces.push({ workplace: first.workplace, peers: peersOf(first.ckey, first.ctx) });
  }
  return { subjects, workplaces };
}
