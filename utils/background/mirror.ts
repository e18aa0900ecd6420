// Writing what a portal screen showed into the mirror: resolving workplace and assignment keys,
// merging facts without erasing, one history row per observed state change. Runs inside the
// caller's rw transaction.
import type { AssignmentFacts, ScreenId, WorkplaceFacts } from '@/utils/records';
import { findWorkplace } from '@/utils/db/queries';
import { assignmentLabel, personKeyOf, portalAssignmentKey, stableAssignmentKey, workplaceKeyOf } from '@/utils/keys';
import { changedFacts, shownFacts } from '@/utils/db/merge';
import { indexedWorkplace, type AssignmentRow, type HistoryField, type HistoryRow, type KatipDb, type WorkplaceRow } from '@/utils/db/schema';
import { normalizeSpaces } from '@/utils/domain/core';

export const HISTORY_FIELDS: readonly HistoryField[] = ['approvalState', 'contractState', 'minutes'];

/** true when the facts name a workplace (a number or a title). */
export function namesWorkplace(facts: WorkplaceFacts | undefined): boolean {
  return workplaceKeyOf(facts) !== undefined;
}

/**
 * Records what a screen showed about a workplace; returns its key. Known facts are never erased
 * by absent ones; nothing is written when nothing changed.
 */
export async function upsertSeenWorkplace(
  db: KatipDb,
  facts: WorkplaceFacts,
  at: string,
  screen: ScreenId,
): Promise<string | undefined> {
  const shown = shownFacts(facts);
  const existing = await findWorkplace(db, shown);
  const key = existing?.key ?? workplaceKeyOf(shown);
  if (!key) return undefined;
  const { at: _at, screen: _screen, ...knownSeen } = existing?.seen ?? { at, screen };
  const changes = changedFacts<WorkplaceFacts>(existing?.seen ? knownSeen : undefined, shown);
  if (existing?.seen && Object.keys(changes).length === 0) return key;
  const row: WorkplaceRow = {
    ...(existing ?? { key }),
    seen: { ...knownSeen, ...changes, at, screen },
    updatedAt: at,
  };
  await db.workplaces.put(indexedWorkplace(row));
  return key;
}

/**
 * The key under which an assignment is (or will be) kept: the row already holding its portal
 * id, else the row of its stable key, else 'portal:<id>', else the stable key.
 */
export async function resolveAssignmentKey(db: KatipDb, workplaceKey: string | undefined, facts: AssignmentFacts): Promise<string | undefined> {
  const portalId = facts.portalId ? normalizeSpaces(facts.portalId) : '';
  if (portalId) {
    const byId = await db.assignments.where('portalId').equals(portalId).first();
    if (byId) return byId.key;
  }
  const stable = stableAssignmentKey(workplaceKey, facts);
  if (stable && (await db.assignments.get(stable))) return stable;
  return portalAssignmentKey(facts) ?? stable;
}

/**
 * Folds one stored assignment into another that turned out to be the same (its history follows;
 * its automatic checklist is dropped, the kept row's checklist stays).
 */
export async function foldAssignmentInto(db: KatipDb, from: string, into: string): Promise<void> {
  await db.history.where('assignmentKey').equals(from).modify({ assignmentKey: into });
  await db.checklists.delete(from);
  await db.assignments.delete(from);
}

/** true when two sightings may be the same person (names fold alike, or one shows none). */
export function samePerson(a: AssignmentFacts, b: AssignmentFacts): boolean {
  const pa = personKeyOf(a);
  const pb = personKeyOf(b);
  if (!pa || !pb) return true;
  if (pa === pb) return true;
  // one shows a TCKN, the other only a name: compare names when both have one
  if (a.personName && b.personName) return personKeyOf({ personName: a.personName }) === personKeyOf({ personName: b.personName });
  return false;
}

export interface UpsertedAssignment {
  row: AssignmentRow;
  /** the approval state before this sighting */
  previousApproval?: AssignmentRow['approvalState'];
  created: boolean;
  changed: boolean;
  historyAdded: number;
}

/** Merges a sighting into the assignment of `key`; adds one history row per changed state. */
export async function upsertAssignment(
  db: KatipDb,
  key: string,
  workplaceKey: string | undefined,
  facts: AssignmentFacts,
  at: string,
  screen: ScreenId,
): Promise<UpsertedAssignment> {
  const existing = await db.assignments.get(key);
  const shown = shownFacts(facts);
  if (shown.portalId) shown.portalId = normalizeSpaces(shown.portalId);
  const changes = changedFacts<AssignmentFacts>(existing, shown);
  const gainsWorkplace = workplaceKey !== undefined && existing !== undefined && existing.workplaceKey === undefined;
  if (existing && Object.keys(changes).length === 0 && !gainsWorkplace) {
    return { row: existing, previousApproval: existing.approvalState, created: false, changed: false, historyAdded: 0 };
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
  await db.assignments.put(row);
  const history: HistoryRow[] = [];
  for (const field of HISTORY_FIELDS) {
    if (changes[field] === undefined) continue;
    const entry: HistoryRow = { assignmentKey: key, at, screen, field, to: String(changes[field]) };
    if (existing?.[field] !== undefined) entry.from = String(existing[field]);
    history.push(entry);
  }
  if (history.length) await db.history.bulkAdd(history);
  return { row, previousApproval: existing?.approvalState, created: !existing, changed: true, historyAdded: history.length };
}
