// Builders for rule subjects: a workplace, its known assignments and one record (tests only).
import { parseHazardClass } from '@/utils/domain';
import type { AssignmentFacts, PageRecord } from '@/utils/records';
import type { KnownAssignment, ResolvedWorkplace, Subject } from '@/utils/rules';

export function workplace(facts: Partial<ResolvedWorkplace> = {}): ResolvedWorkplace {
  const w: ResolvedWorkplace = { ...facts };
  if (w.hazardClass === undefined && w.hazardText !== undefined) {
    const c = parseHazardClass(w.hazardText);
    if (c) w.hazardClass = c;
  }
  return w;
}

export function known(key: string, facts: AssignmentFacts): KnownAssignment {
  return { contractState: 'active', ...facts, key, label: { tr: key, en: key } };
}

/** A subject for the record of `own` (a key among peers) or of a record not among peers. */
export function subject(
  w: ResolvedWorkplace,
  peers: KnownAssignment[],
  own: string | AssignmentFacts,
  kind: PageRecord['kind'] = 'assignment',
  extra: Partial<PageRecord> = {},
): Subject {
  if (typeof own === 'string') {
    const mine = peers.find((p) => p.key === own);
    if (!mine) throw new Error(`no peer ${own}`);
    return { record: { kind, assignment: mine, ...extra }, workplace: w, peers, assignmentKey: own };
  }
  return { record: { kind, assignment: own, ...extra }, workplace: w, peers };
}
