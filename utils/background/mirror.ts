// Single-record faces of the mirror's write path (utils/db/sightings.ts) for the background's
// small messages: the workplace chosen on the select screen, the key of a selected grid row, the
// old approval form folding into the row the user clicked. Runs inside the caller's transaction.
import type { AssignmentFacts, ScreenId, WorkplaceFacts } from '@/utils/records';
import { personKeyOf } from '@/utils/keys';
import { AssignmentSet, assignmentCandidates, mergeSightings, pickAssignmentKey } from '@/utils/db/sightings';
import type { KatipDb } from '@/utils/db/schema';

export { HISTORY_FIELDS, namesWorkplace, type UpsertedAssignment } from '@/utils/db/sightings';

/**
 * Records what a screen showed about a workplace; returns its key. Known facts are never erased
 * by absent ones; nothing is written when nothing changed.
 */
export async function upsertSeenWorkplace(db: KatipDb, facts: WorkplaceFacts, at: string, screen: ScreenId): Promise<string | undefined> {
  return (await mergeSightings(db, [{ workplace: facts }], at, screen)).results[0]?.workplaceKey;
}

/**
 * The key under which an assignment is (or will be) kept: the row already holding its portal
 * id, else the row of its stable key, else 'portal:<id>', else the stable key.
 */
export async function resolveAssignmentKey(db: KatipDb, workplaceKey: string | undefined, facts: AssignmentFacts): Promise<string | undefined> {
  const candidates = assignmentCandidates(workplaceKey, facts);
  const set = await AssignmentSet.load(db, candidates.keys, candidates.portalId ? [candidates.portalId] : []);
  return pickAssignmentKey(workplaceKey, facts, set);
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
