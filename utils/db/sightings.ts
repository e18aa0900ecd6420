// The mirror's one write path for what the portal showed (page reports, the selection screen, the
// portal's Excel export): workplaces and assignments of many records resolved and merged in
// memory after a handful of batched reads (bulkGet / anyOf on the indexes), then written with
// bulkPut: no IndexedDB round trip per record. Known facts are never erased by absent ones; one
// history row per observed state change (a first sighting is the row itself, not a change); nothing
// is written when nothing changed.
import { normalizeSpaces } from '@/utils/domain/core';
import { assignmentLabel, portalAssignmentKey, stableAssignmentKey, workplaceKeyOf } from '../keys';
import type { AssignmentFacts, ScreenId, WorkplaceFacts } from '../records';
import { getMany } from './bulk-read';
import { changedFacts, shownFacts } from './merge';
import { matchWorkplace, workplaceLookupValues, type WorkplaceLookup } from './queries';
import { indexedWorkplace, type AssignmentRow, type HistoryField, type HistoryRow, type KatipDb, type WorkplaceRow } from './schema';

export const HISTORY_FIELDS: readonly HistoryField[] = ['approvalState', 'contractState', 'minutes'];

/** true when the facts name a workplace (a number or a title). */
export function namesWorkplace(facts: WorkplaceFacts | undefined): boolean {
  return workplaceKeyOf(facts) !== undefined;
}

/** One thing a screen (or file) showed: a workplace, an assignment, or both. */
export interface Sighting {
  /** workplace facts to record as seen; only used when they name a workplace */
  workplace?: WorkplaceFacts;
  /** the workplace to file the assignment under when `workplace` names none */
  workplaceKey?: string;
  assignment?: AssignmentFacts;
  /** the assignment's key when the caller already decided it (the old approval form) */
  assignmentKey?: string;
  /** the professional's remaining monthly capacity shown beside the assignment (Kalan Max.) */
  remainingMinutes?: number;
}

export interface UpsertedAssignment {
  row: AssignmentRow;
  /** the approval state before this sighting */
  previousApproval?: AssignmentRow['approvalState'];
  created: boolean;
  changed: boolean;
  historyAdded: number;
}

export interface SightingResult {
  workplaceKey?: string;
  /** absent when the sighting shows no assignment or nothing stable to key it by */
  assignment?: UpsertedAssignment;
}

export interface SightingsSummary {
  results: SightingResult[];
  workplacesCreated: number;
  workplacesChanged: number;
  history: number;
}

// ---- pure merges ----

/** What a sighting of a workplace makes of its row: the key, and the new row when something changed. */
export function mergeSeenWorkplace(
  existing: WorkplaceRow | undefined,
  facts: WorkplaceFacts,
  at: string,
  screen: ScreenId,
): { key?: string; row?: WorkplaceRow } {
  const shown = shownFacts(facts);
  const key = existing?.key ?? workplaceKeyOf(shown);
  if (!key) return {};
  const { at: _at, screen: _screen, ...knownSeen } = existing?.seen ?? { at, screen };
  const changes = changedFacts<WorkplaceFacts>(existing?.seen ? knownSeen : undefined, shown);
  if (existing?.seen && Object.keys(changes).length === 0) return { key };
  const row: WorkplaceRow = { ...(existing ?? { key }), seen: { ...knownSeen, ...changes, at, screen }, updatedAt: at };
  return { key, row: indexedWorkplace(row) };
}

/** What a sighting of an assignment makes of its row (and the history rows it adds). */
export function mergeAssignment(
  existing: AssignmentRow | undefined,
  key: string,
  workplaceKey: string | undefined,
  facts: AssignmentFacts,
  at: string,
  screen: ScreenId,
): UpsertedAssignment & { history: HistoryRow[] } {
  const shown = shownFacts(facts);
  if (shown.portalId) shown.portalId = normalizeSpaces(shown.portalId);
  const changes = changedFacts<AssignmentFacts>(existing, shown);
  const gainsWorkplace = workplaceKey !== undefined && existing !== undefined && existing.workplaceKey === undefined;
  if (existing && Object.keys(changes).length === 0 && !gainsWorkplace) {
    return { row: existing, previousApproval: existing.approvalState, created: false, changed: false, historyAdded: 0, history: [] };
  }
  const merged = { ...(existing ?? {}), ...changes } as AssignmentFacts & Partial<AssignmentRow>;
  const row: AssignmentRow = {
    ...merged,
    key,
    label: assignmentLabel(merged),
    firstSeenAt: existing?.firstSeenAt ?? at,
    lastSeenAt: at,
    lastScreen: screen,
    pending: merged.approvalState === 'pending' ? 1 : 0,
  };
  const wk = existing?.workplaceKey ?? workplaceKey;
  if (wk !== undefined) row.workplaceKey = wk;
  // history keeps changes: a first sighting is the row itself (firstSeenAt and its states), and the
  // first change's `from` tells what it was; one write per new record instead of three (issue 10)
  const history: HistoryRow[] = [];
  for (const field of existing ? HISTORY_FIELDS : []) {
    if (changes[field] === undefined) continue;
    const entry: HistoryRow = { assignmentKey: key, at, screen, field, to: String(changes[field]) };
    if (existing?.[field] !== undefined) entry.from = String(existing[field]);
    history.push(entry);
  }
  return { row, previousApproval: existing?.approvalState, created: !existing, changed: true, historyAdded: history.length, history };
}

/** Where an assignment is looked up: by its portal id (normalised) and by key. */
export interface AssignmentLookup {
  keyByPortalId(portalId: string): string | undefined;
  has(key: string): boolean;
}

/**
 * The key under which an assignment is (or will be) kept: the row already holding its portal
 * id, else the row of its stable key, else 'portal:<id>', else the stable key.
 */
export function pickAssignmentKey(workplaceKey: string | undefined, facts: AssignmentFacts, lookup: AssignmentLookup): string | undefined {
  const portalId = facts.portalId ? normalizeSpaces(facts.portalId) : '';
  if (portalId) {
    const byId = lookup.keyByPortalId(portalId);
    if (byId) return byId;
  }
  const stable = stableAssignmentKey(workplaceKey, facts);
  if (stable && lookup.has(stable)) return stable;
  return portalAssignmentKey(facts) ?? stable;
}

// ---- in-memory sets, loaded in a few batched reads ----

/** Index value → primary keys; `first` is the smallest key, as an IndexedDB index orders equal values. */
class MultiIndex {
  private map = new Map<string, Set<string>>();
  add(value: string | undefined, key: string): void {
    if (!value) return;
    let keys = this.map.get(value);
    if (!keys) this.map.set(value, (keys = new Set()));
    keys.add(key);
  }
  remove(value: string | undefined, key: string): void {
    if (value) this.map.get(value)?.delete(key);
  }
  all(value: string): string[] {
    return [...(this.map.get(value) ?? [])].sort(compareKeys);
  }
  first(value: string): string | undefined {
    let min: string | undefined;
    for (const key of this.map.get(value) ?? []) if (min === undefined || compareKeys(key, min) < 0) min = key;
    return min;
  }
}

/** IndexedDB orders string keys by UTF-16 code units, as `<` does. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Workplace rows held in memory with the same lookups as the table's indexes. */
export class WorkplaceSet implements WorkplaceLookup {
  private rows = new Map<string, WorkplaceRow>();
  private sicil = new MultiIndex();
  private detsis = new MultiIndex();
  private title = new MultiIndex();

  put(row: WorkplaceRow): void {
    const old = this.rows.get(row.key);
    if (old) {
      this.sicil.remove(old.sicil, old.key);
      this.detsis.remove(old.detsis, old.key);
      this.title.remove(old.titleFold, old.key);
    }
    this.rows.set(row.key, row);
    this.sicil.add(row.sicil, row.key);
    this.detsis.add(row.detsis, row.key);
    this.title.add(row.titleFold, row.key);
  }
  get(key: string): WorkplaceRow | undefined {
    return this.rows.get(key);
  }
  firstBySicil(sicil: string): WorkplaceRow | undefined {
    const key = this.sicil.first(sicil);
    return key === undefined ? undefined : this.rows.get(key);
  }
  firstByDetsis(detsis: string): WorkplaceRow | undefined {
    const key = this.detsis.first(detsis);
    return key === undefined ? undefined : this.rows.get(key);
  }
  byTitle(titleFold: string): WorkplaceRow[] {
    return this.title.all(titleFold).map((key) => this.rows.get(key)!);
  }

  /** Every stored row any of these facts could match, in four batched reads. */
  static async load(db: KatipDb, sightings: readonly WorkplaceFacts[]): Promise<WorkplaceSet> {
    const keys = new Set<string>();
    const sicils = new Set<string>();
    const detsises = new Set<string>();
    const titles = new Set<string>();
    for (const facts of sightings) {
      const v = workplaceLookupValues(facts);
      if (v.key) keys.add(v.key);
      if (v.sicil) sicils.add(v.sicil);
      if (v.detsis) detsises.add(v.detsis);
      if (v.title) titles.add(v.title);
    }
    const set = new WorkplaceSet();
    const [direct, bySicil, byDetsis, byTitle] = await Promise.all([
      keys.size ? getMany(db.workplaces, [...keys]) : [],
      sicils.size ? db.workplaces.where('sicil').anyOf([...sicils]).toArray() : [],
      detsises.size ? db.workplaces.where('detsis').anyOf([...detsises]).toArray() : [],
      titles.size ? db.workplaces.where('titleFold').anyOf([...titles]).toArray() : [],
    ]);
    for (const row of [...direct, ...bySicil, ...byDetsis, ...byTitle]) if (row) set.put(row);
    return set;
  }
}

/** Assignment rows held in memory, looked up by key and by portal id. */
export class AssignmentSet implements AssignmentLookup {
  private rows = new Map<string, AssignmentRow>();
  private portal = new MultiIndex();
  /** the keys and portal ids read from the table (found or not): what the set can answer for */
  private readKeys = new Set<string>();
  private readPortalIds = new Set<string>();

  put(row: AssignmentRow): void {
    const old = this.rows.get(row.key);
    if (old) this.portal.remove(old.portalId, old.key);
    this.rows.set(row.key, row);
    this.portal.add(row.portalId, row.key);
  }
  delete(key: string): void {
    const old = this.rows.get(key);
    if (old) this.portal.remove(old.portalId, old.key);
    this.rows.delete(key);
  }
  get(key: string): AssignmentRow | undefined {
    return this.rows.get(key);
  }
  has(key: string): boolean {
    return this.rows.has(key);
  }
  keyByPortalId(portalId: string): string | undefined {
    return this.portal.first(portalId);
  }

  /** The stored rows of these keys and of these portal ids, in two batched reads. */
  static async load(db: KatipDb, keys: Iterable<string>, portalIds: Iterable<string>): Promise<AssignmentSet> {
    const set = new AssignmentSet();
    await set.read(db, keys, portalIds);
    return set;
  }

  /**
   * Adds the stored rows of the keys and portal ids not read yet (two batched reads at most). A row
   * the set holds already stays as it is: it is the newer one, written in this transaction.
   */
  async read(db: KatipDb, keys: Iterable<string>, portalIds: Iterable<string>): Promise<void> {
    const keyList = [...new Set(keys)].filter((key) => !this.readKeys.has(key));
    const idList = [...new Set(portalIds)].filter((id) => !this.readPortalIds.has(id));
    if (!keyList.length && !idList.length) return;
    const [byKey, byId] = await Promise.all([
      keyList.length ? getMany(db.assignments, keyList) : [],
      idList.length ? db.assignments.where('portalId').anyOf(idList).toArray() : [],
    ]);
    for (const key of keyList) this.readKeys.add(key);
    for (const id of idList) this.readPortalIds.add(id);
    for (const row of [...byKey, ...byId]) if (row && !this.rows.has(row.key)) this.put(row);
  }
}

/** The keys an assignment sighting may be stored under (for AssignmentSet.load). */
export function assignmentCandidates(workplaceKey: string | undefined, facts: AssignmentFacts): { keys: string[]; portalId?: string } {
  const keys: string[] = [];
  const stable = stableAssignmentKey(workplaceKey, facts);
  if (stable) keys.push(stable);
  const portal = portalAssignmentKey(facts);
  if (portal) keys.push(portal);
  const portalId = facts.portalId ? normalizeSpaces(facts.portalId) : '';
  return portalId ? { keys, portalId } : { keys };
}

// ---- the batch ----

/**
 * Merges many sightings in the caller's rw transaction over workplaces, assignments and history:
 * six batched reads, the merge in memory (later sightings see earlier ones), three bulk writes.
 * Results come in the order of `sightings`. Keep batches to about a thousand so the transaction
 * stays short and reads from other pages never wait long behind it. `assignments`, when given, is
 * the set of an earlier merge in the same transaction (and of what was read for later ones): only
 * what it has not read is read.
 */
export async function mergeSightings(
  db: KatipDb,
  sightings: readonly Sighting[],
  at: string,
  screen: ScreenId,
  assignments = new AssignmentSet(),
): Promise<SightingsSummary> {
  const summary: SightingsSummary = { results: [], workplacesCreated: 0, workplacesChanged: 0, history: 0 };

  // workplaces: each distinct sighting once (grids repeat the same workplace columns on every row)
  const workplaceFacts = new Map<string, WorkplaceFacts>();
  const memoKeys = sightings.map((s) => {
    if (!s.workplace || !namesWorkplace(s.workplace)) return undefined;
    const memo = JSON.stringify(s.workplace);
    if (!workplaceFacts.has(memo)) workplaceFacts.set(memo, s.workplace);
    return memo;
  });
  const workplaces = await WorkplaceSet.load(db, [...workplaceFacts.values()].map((f) => shownFacts(f)));
  const workplaceKeys = new Map<string, string | undefined>();
  const workplaceWrites = new Map<string, WorkplaceRow>();
  for (const [memo, facts] of workplaceFacts) {
    const existing = matchWorkplace(shownFacts(facts), workplaces);
    const merged = mergeSeenWorkplace(existing, facts, at, screen);
    workplaceKeys.set(memo, merged.key);
    if (merged.row) {
      if (!existing && !workplaceWrites.has(merged.row.key)) summary.workplacesCreated++;
      else if (existing && !workplaceWrites.has(merged.row.key)) summary.workplacesChanged++;
      workplaces.put(merged.row);
      workplaceWrites.set(merged.row.key, merged.row);
    }
  }
  const keyOfWorkplace = sightings.map((s, i) => {
    const memo = memoKeys[i];
    return memo !== undefined ? workplaceKeys.get(memo) : s.workplaceKey;
  });

  // assignments
  const candidateKeys: string[] = [];
  const portalIds: string[] = [];
  sightings.forEach((s, i) => {
    if (!s.assignment) return;
    if (s.assignmentKey) candidateKeys.push(s.assignmentKey);
    const c = assignmentCandidates(keyOfWorkplace[i], s.assignment);
    candidateKeys.push(...c.keys);
    if (c.portalId) portalIds.push(c.portalId);
  });
  await assignments.read(db, candidateKeys, portalIds);
  const assignmentWrites = new Map<string, AssignmentRow>();
  const history: HistoryRow[] = [];
  sightings.forEach((s, i) => {
    const workplaceKey = keyOfWorkplace[i];
    const result: SightingResult = workplaceKey !== undefined ? { workplaceKey } : {};
    summary.results.push(result);
    if (!s.assignment) return;
    const key = s.assignmentKey ?? pickAssignmentKey(workplaceKey, s.assignment, assignments);
    if (!key) return;
    const { history: added, ...upserted } = mergeAssignment(assignments.get(key), key, workplaceKey, s.assignment, at, screen);
    if (s.remainingMinutes !== undefined && upserted.row.remaining?.minutes !== s.remainingMinutes) {
      upserted.row = { ...upserted.row, remaining: { minutes: s.remainingMinutes, at } };
      upserted.changed = true;
    }
    result.assignment = upserted;
    if (!upserted.changed) return;
    assignments.put(upserted.row);
    assignmentWrites.set(key, upserted.row);
    history.push(...added);
  });
  summary.history = history.length;

  await Promise.all([
    workplaceWrites.size ? db.workplaces.bulkPut([...workplaceWrites.values()]) : undefined,
    assignmentWrites.size ? db.assignments.bulkPut([...assignmentWrites.values()]) : undefined,
    history.length ? db.history.bulkAdd(history) : undefined,
  ]);
  return summary;
}

/** Splits a list into chunks of `size` (the last may be shorter). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
