// Reading and editing the mirror from the extension's pages (popup, options) and the background:
// workplaces (portal view and the user's profile), assignments, pending approvals, settings.
import { isActiveAssignment as isActiveFacts } from '../domain/evaluation';
import { WorkplaceFactsSchema, type WorkplaceFacts } from '../records';
import { foldTitle, workplaceKeyOf } from '../keys';
import { shownFacts } from './merge';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  indexedWorkplace,
  type AssignmentRow,
  type ChecklistRow,
  type KatipDb,
  type Settings,
  type SettingsRow,
  type WorkplaceRow,
} from './schema';
import { digitsOnly } from '@/utils/domain/core';

const WORKPLACE_FIELDS = Object.keys(WorkplaceFactsSchema.shape) as (keyof WorkplaceFacts)[];

export async function listWorkplaces(db: KatipDb): Promise<WorkplaceRow[]> {
  const rows = await db.workplaces.toArray();
  return rows.sort((a, b) => workplaceName(a).localeCompare(workplaceName(b), 'tr'));
}

/** The name to show for a workplace: its title, else its number, else its key. */
export function workplaceName(row: WorkplaceRow): string {
  return row.profile?.title ?? row.seen?.title ?? row.seen?.sicilNo ?? row.profile?.sicilNo ?? row.seen?.detsisNo ?? row.key;
}

/** The values a workplace is looked up by: its natural key, SGK digits, DETSİS digits, folded title. */
export function workplaceLookupValues(facts: WorkplaceFacts): { key?: string; sicil?: string; detsis?: string; title?: string } {
  const out: { key?: string; sicil?: string; detsis?: string; title?: string } = {};
  const key = workplaceKeyOf(facts);
  if (key) out.key = key;
  const sicil = facts.sicilNo ? digitsOnly(facts.sicilNo) : '';
  if (sicil) out.sicil = sicil;
  const detsis = facts.detsisNo ? digitsOnly(facts.detsisNo) : '';
  if (detsis) out.detsis = detsis;
  const title = facts.title ? foldTitle(facts.title) : '';
  if (title) out.title = title;
  return out;
}

/** The lookups of the workplaces table (its key and its three indexes), from IndexedDB or memory. */
export interface WorkplaceLookup {
  get(key: string): WorkplaceRow | undefined;
  /** the row of smallest key with this SGK number */
  firstBySicil(sicil: string): WorkplaceRow | undefined;
  firstByDetsis(detsis: string): WorkplaceRow | undefined;
  /** every row of this folded title, by key */
  byTitle(titleFold: string): WorkplaceRow[];
}

/**
 * Which known workplace the facts name: by key, SGK number, DETSİS number, then title (a title
 * matches only when the facts show no number, or the row has none to contradict it).
 */
export function matchWorkplace(facts: WorkplaceFacts, lookup: WorkplaceLookup): WorkplaceRow | undefined {
  const { key, sicil, detsis, title } = workplaceLookupValues(facts);
  const direct = key ? lookup.get(key) : undefined;
  if (direct) return direct;
  const bySicil = sicil ? lookup.firstBySicil(sicil) : undefined;
  if (bySicil) return bySicil;
  const byDetsis = detsis ? lookup.firstByDetsis(detsis) : undefined;
  if (byDetsis) return byDetsis;
  if (title) return lookup.byTitle(title).find((row) => (!sicil || !row.sicil) && (!detsis || !row.detsis));
  return undefined;
}

/**
 * The known workplace a screen names, by SGK number, DETSİS number or title (in that order), in
 * one round of parallel reads. Works inside a transaction that covers `workplaces`.
 */
export async function findWorkplace(db: KatipDb, facts: WorkplaceFacts | undefined): Promise<WorkplaceRow | undefined> {
  if (!facts) return undefined;
  const { key, sicil, detsis, title } = workplaceLookupValues(facts);
  const [direct, bySicil, byDetsis, byTitle] = await Promise.all([
    key ? db.workplaces.get(key) : undefined,
    sicil ? db.workplaces.where('sicil').equals(sicil).first() : undefined,
    detsis ? db.workplaces.where('detsis').equals(detsis).first() : undefined,
    title ? db.workplaces.where('titleFold').equals(title).toArray() : [],
  ]);
  return matchWorkplace(facts, {
    get: (k) => (k === key ? direct : undefined),
    firstBySicil: () => bySicil,
    firstByDetsis: () => byDetsis,
    byTitle: () => byTitle,
  });
}

/**
 * Saves the user's profile of a workplace (replacing the previous profile) and returns its key.
 * Without a key, it joins the known workplace of the same SGK/DETSİS number or title, else it
 * starts a new one ('sgk:…' when the number is given, else 'profile:<uuid>').
 */
export async function saveProfile(db: KatipDb, key: string | undefined, facts: WorkplaceFacts): Promise<string> {
  const profile = shownFacts(WorkplaceFactsSchema.parse(facts));
  return db.transaction('rw', db.workplaces, async () => {
    const now = new Date().toISOString();
    let row = key ? await db.workplaces.get(key) : undefined;
    row ??= await findWorkplace(db, profile);
    const rowKey = row?.key ?? key ?? workplaceKeyOf({ sicilNo: profile.sicilNo, detsisNo: profile.detsisNo }) ?? `profile:${crypto.randomUUID()}`;
    const next: WorkplaceRow = { ...(row ?? { key: rowKey }), key: rowKey, profile: { ...profile, updatedAt: now }, updatedAt: now };
    await db.workplaces.put(indexedWorkplace(next));
    return rowKey;
  });
}

/** Removes the user's profile; a workplace never seen on the portal disappears with it. */
export async function deleteProfile(db: KatipDb, key: string): Promise<void> {
  await db.transaction('rw', db.workplaces, db.settings, async () => {
    const row = await db.workplaces.get(key);
    if (!row) return;
    if (!row.seen) {
      await db.workplaces.delete(key);
      const settings = await db.settings.get(SETTINGS_KEY);
      if (settings?.selectedWorkplaceKey === key) {
        const { selectedWorkplaceKey: _dropped, ...rest } = settings;
        await db.settings.put(rest);
      }
      return;
    }
    const { profile: _profile, ...rest } = row;
    const next: WorkplaceRow = { ...rest, updatedAt: new Date().toISOString() };
    await db.workplaces.put(indexedWorkplace(next));
  });
}

export type FactOrigin = 'page' | 'profile';

/** The workplace the rules should use: what the portal shows wins; the profile fills the gaps. */
export function effectiveWorkplace(row: WorkplaceRow): WorkplaceFacts & { sources: Partial<Record<keyof WorkplaceFacts, FactOrigin>> } {
  const out: WorkplaceFacts = {};
  const sources: Partial<Record<keyof WorkplaceFacts, FactOrigin>> = {};
  for (const field of WORKPLACE_FIELDS) {
    const seen = row.seen?.[field];
    const profile = row.profile?.[field];
    if (seen !== undefined) {
      (out as Record<string, unknown>)[field] = seen;
      sources[field] = 'page';
    } else if (profile !== undefined) {
      (out as Record<string, unknown>)[field] = profile;
      sources[field] = 'profile';
    }
  }
  return { ...out, sources };
}

/** The workplace facts only (no time stamps, no screen): what a message or a rule takes. */
export function factsOnly(facts: (WorkplaceFacts & Record<string, unknown>) | undefined): WorkplaceFacts | undefined {
  if (!facts) return undefined;
  const out: WorkplaceFacts = {};
  for (const field of WORKPLACE_FIELDS) if (facts[field] !== undefined) (out as Record<string, unknown>)[field] = facts[field];
  return out;
}

/** Assignments, of one workplace or all, newest sighting first. */
export async function listAssignments(db: KatipDb, workplaceKey?: string): Promise<AssignmentRow[]> {
  const rows = workplaceKey === undefined ? await db.assignments.toArray() : await db.assignments.where('workplaceKey').equals(workplaceKey).toArray();
  return rows.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
}

/** Contracts and assignments not ended, cancelled or rejected (those the minimums count). */
export function isActiveAssignment(row: AssignmentRow, today?: string): boolean {
  return isActiveFacts(row, today);
}

export interface PendingApproval {
  assignment: AssignmentRow;
  workplace?: WorkplaceRow;
  checklist: ChecklistRow;
}

/** Every approval the portal last showed as 'Onay Bekliyor', with its workplace and checklist. */
export async function listPendingApprovals(db: KatipDb): Promise<PendingApproval[]> {
  return db.transaction('r', db.assignments, db.workplaces, db.checklists, async () => {
    // the checklists are read beside the rows, not after them: one wait for IndexedDB instead of two
    const [rows, lists] = await Promise.all([db.assignments.where('pending').equals(1).toArray(), db.checklists.toArray()]);
    return withContext(db, rows, lists);
  });
}

/**
 * Every assignment that has a checklist whose last step (10) is not done: the pending approvals
 * and those just approved (their checklist stays until the user closes it).
 */
export async function listOpenChecklists(db: KatipDb): Promise<(PendingApproval & { pending: boolean })[]> {
  return db.transaction('r', db.assignments, db.workplaces, db.checklists, async () => {
    const lists = await db.checklists.toArray();
    const open = lists.filter((list) => !list.steps[10]?.done);
    const rows = (await db.assignments.bulkGet(open.map((list) => list.assignmentKey))).filter((row): row is AssignmentRow => !!row);
    const items = await withContext(db, rows, lists);
    return items.map((item) => ({ ...item, pending: item.assignment.pending === 1 }));
  });
}

const TURKISH = new Intl.Collator('tr');

/** above this many keys, one getAll of the whole table is cheaper than a get per key */
const READ_ALL_ABOVE = 200;

/** Rows of these keys: a get per key for a few, one read of the whole table for many. */
async function rowsByKey<T, K extends keyof T & string>(table: { bulkGet(keys: string[]): Promise<(T | undefined)[]>; toArray(): Promise<T[]> }, keyOf: K, keys: string[]): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  if (keys.length <= READ_ALL_ABOVE) {
    const rows = await table.bulkGet(keys);
    return new Map(keys.flatMap((key, i) => (rows[i] ? [[key, rows[i]!] as [string, T]] : [])));
  }
  return new Map((await table.toArray()).map((row) => [row[keyOf] as unknown as string, row]));
}

/**
 * Each assignment with its workplace and checklist, by label: the workplaces in one batched read
 * (not one per item; for many items one read of the table, as IndexedDB answers a getAll far
 * faster than thousands of gets), the checklists from those the caller read beside the rows.
 */
async function withContext(db: KatipDb, rows: AssignmentRow[], checklists: readonly ChecklistRow[]): Promise<PendingApproval[]> {
  const sorted = [...rows].sort((a, b) => TURKISH.compare(a.label, b.label));
  const workplaceKeys = [...new Set(sorted.flatMap((a) => (a.workplaceKey ? [a.workplaceKey] : [])))];
  const workplaceOf = await rowsByKey(db.workplaces, 'key', workplaceKeys);
  const checklistOf = new Map(checklists.map((list) => [list.assignmentKey, list]));
  return sorted.map((assignment) => {
    const workplace = assignment.workplaceKey ? workplaceOf.get(assignment.workplaceKey) : undefined;
    const checklist: ChecklistRow = checklistOf.get(assignment.key) ?? { assignmentKey: assignment.key, steps: {}, updatedAt: '' };
    return workplace ? { assignment, workplace, checklist } : { assignment, checklist };
  });
}

export async function getSettings(db: KatipDb): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  if (!row) return { ...DEFAULT_SETTINGS, disabledRules: [] };
  const { key: _key, ...settings } = row;
  return { ...DEFAULT_SETTINGS, ...settings };
}

/** Saves part of the settings; `selectedWorkplaceKey: undefined` in the patch clears it. */
export async function saveSettings(db: KatipDb, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next: Settings = { ...(await getSettings(db)), ...patch };
    if ('selectedWorkplaceKey' in patch && patch.selectedWorkplaceKey === undefined) delete next.selectedWorkplaceKey;
    const row: SettingsRow = { ...next, key: SETTINGS_KEY };
    await db.settings.put(row);
    return next;
  });
}
