// Pending approvals as the popup, the side panel and the options page list them: sorted by
// person (Turkish collation), one entry per person and role even when two screens spelled the
// name differently ("MEHMET ÖZTÜRK" = "Mehmet Öztürk"), with progress and the error mark.
import type { RuleId } from '@/utils/rules/types';
import { CHECKLIST_STEPS, checklistErrors } from './checklist';
import { pendingPersonOf } from './pending-index';
import type { PendingApproval } from './queries';
import type { AssignmentRow, ChecklistRow, KatipDb, MetaRow, WorkplaceRow } from './schema';

export interface PendingEntry {
  key: string;
  /** the sighting shown (the most recently seen of the duplicates) */
  primary: PendingApproval;
  /** every stored assignment folded into this entry */
  keys: string[];
  done: number;
  total: number;
  /** error rules that failed its checks, over all duplicates */
  errors: RuleId[];
}

/** Steps ticked out of ten. */
export function checklistDone(row: ChecklistRow | undefined): number {
  if (!row) return 0;
  return CHECKLIST_STEPS.filter((s) => row.steps[s.id]?.done).length;
}

/** one collator for every comparison (localeCompare with options builds one per call) */
const BY_NAME = new Intl.Collator('tr', { sensitivity: 'base' });

function personOf(item: PendingApproval): string {
  return pendingPersonOf(item.assignment);
}

/**
 * One entry per person and role (and workplace): a sighting joins the first group of the same
 * person whose role and workplace agree or are unknown on either side. Groups are looked up by
 * person (a map), so 10,000 pending approvals cost one pass, not a comparison with every group.
 */
export function dedupePending(items: readonly PendingApproval[]): PendingEntry[] {
  const groups: PendingApproval[][] = [];
  const byPerson = new Map<string, PendingApproval[][]>();
  for (const item of items) {
    const person = personOf(item);
    const role = item.assignment.role;
    const wk = item.assignment.workplaceKey;
    let own = byPerson.get(person);
    if (!own) byPerson.set(person, (own = []));
    const same = own.find((g) => {
      const a = g[0]!.assignment;
      return (a.role === role || !a.role || !role) && (a.workplaceKey === wk || !a.workplaceKey || !wk);
    });
    if (same) same.push(item);
    else {
      const group = [item];
      own.push(group);
      groups.push(group);
    }
  }
  return groups
    .map((group) => {
      const sorted = [...group].sort((a, b) => b.assignment.lastSeenAt.localeCompare(a.assignment.lastSeenAt));
      const primary = sorted[0]!;
      const errors = [...new Set(group.flatMap((g) => checklistErrors(g.checklist)))].sort();
      return {
        key: primary.assignment.key,
        primary,
        keys: sorted.map((g) => g.assignment.key),
        done: Math.max(...group.map((g) => checklistDone(g.checklist))),
        total: CHECKLIST_STEPS.length,
        errors,
      };
    })
    .sort((a, b) => BY_NAME.compare(a.primary.assignment.personName ?? a.primary.assignment.label, b.primary.assignment.personName ?? b.primary.assignment.label) || a.key.localeCompare(b.key));
}

// ---- the first page, read by the v5 indexes (utils/db/pending-index.ts) ----

export interface PendingPage {
  /** the first `limit` entries, in the order and shape dedupePending gives the whole list */
  entries: PendingEntry[];
  /** how many entries the whole list has */
  total: number;
}

/** rows read beyond the page at first: a few sightings folded into others do not force a second read */
const PAGE_SLACK = 16;

type PersonKey = [person: string, role: string, workplaceKey: string];

/** IndexedDB's order of two strings (code units), as it returns equal index values by primary key. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const TURKISH = new Intl.Collator('tr');

/**
 * How many entries the sightings of one person make, when their order cannot change it (a single
 * sighting, all alike, all with role and workplace known, or all agreeing with each other);
 * undefined when it can (then the rows are read and folded as the full list folds them).
 */
function entriesOfPerson(pairs: readonly (readonly [string, string])[]): number | undefined {
  if (pairs.length === 1) return 1;
  const distinct = [...new Map(pairs.map((p) => [`${p[0]}\u0000${p[1]}`, p])).values()];
  if (distinct.length === 1) return 1;
  if (distinct.every(([role, wk]) => role && wk)) return distinct.length;
  const agree = (a: readonly [string, string], b: readonly [string, string]) => (a[0] === b[0] || !a[0] || !b[0]) && (a[1] === b[1] || !a[1] || !b[1]);
  if (distinct.every((a) => distinct.every((b) => agree(a, b)))) return 1;
  return undefined;
}

/** Every pending row of these persons (by the pendingPerson index). */
async function rowsOfPersons(db: KatipDb, persons: Iterable<string>): Promise<AssignmentRow[]> {
  const reads = [...persons].map((p) => db.assignments.where('pendingPerson').between([p], [p, []]).toArray());
  return (await Promise.all(reads)).flat();
}

/** The rows with their workplace and checklist, in the order listPendingApprovals gives them to dedupePending. */
async function withContext(db: KatipDb, rows: AssignmentRow[]): Promise<PendingApproval[]> {
  const sorted = [...rows].sort((a, b) => byCode(a.key, b.key)).sort((a, b) => TURKISH.compare(a.label, b.label));
  const workplaceKeys = [...new Set(sorted.flatMap((a) => (a.workplaceKey ? [a.workplaceKey] : [])))];
  const [workplaces, checklists] = await Promise.all([
    workplaceKeys.length ? db.workplaces.bulkGet(workplaceKeys) : ([] as (WorkplaceRow | undefined)[]),
    sorted.length ? db.checklists.bulkGet(sorted.map((a) => a.key)) : ([] as (ChecklistRow | undefined)[]),
  ]);
  const workplaceOf = new Map(workplaceKeys.map((k, i) => [k, workplaces[i]]));
  return sorted.map((assignment, i) => {
    const workplace = assignment.workplaceKey ? workplaceOf.get(assignment.workplaceKey) : undefined;
    const checklist: ChecklistRow = checklists[i] ?? { assignmentKey: assignment.key, steps: {}, updatedAt: '' };
    return workplace ? { assignment, workplace, checklist } : { assignment, checklist };
  });
}

/** the meta row of the kept count */
const COUNT_KEY = 'pending-count';

/** What tells the kept count is still right: the pending rows, their lowest and highest stamp. */
interface CountBasis {
  rows: number;
  stamp: number;
  firstStamp: number;
}

async function countBasis(db: KatipDb): Promise<CountBasis> {
  const stamps = db.assignments.orderBy('pendingStamp');
  const [rows, last, first] = await Promise.all([db.assignments.orderBy('pendingPerson').count(), stamps.clone().reverse().limit(1).keys(), stamps.clone().limit(1).keys()]);
  const num = (keys: unknown[]) => (typeof keys[0] === 'number' ? keys[0] : 0);
  return { rows, stamp: num(last), firstStamp: num(first) };
}

const sameBasis = (a: CountBasis, b: CountBasis) => a.rows === b.rows && a.stamp === b.stamp && a.firstStamp === b.firstStamp;

/** The kept count when it still holds for `basis` (and has everything a page needs). */
function stillRight(kept: MetaRow | undefined, basis: CountBasis): kept is MetaRow {
  return !!kept && Array.isArray(kept.multi) && sameBasis(kept, basis);
}

/**
 * The first `limit` entries of the pending list and the number of entries in all of it, as
 * `dedupePending(await listPendingApprovals(db))` gives them, without reading every pending row:
 * the rows are read in the order of their listed name (the pendingOrder index, a page and a few
 * more), the other sightings of the persons met are added (pendingPerson), and an entry is kept
 * only when no row not yet read can come before it. The count is the one kept in `meta` while
 * the pending rows and their highest stamp are those it was made from; else it is made again
 * from the pendingPerson index keys alone (only a person whose sightings fold differently in
 * another order is read whole) and kept.
 */
export async function readPendingPage(db: KatipDb, limit: number): Promise<PendingPage> {
  for (let attempt = 0; ; attempt++) {
    const page = await db.transaction('r', db.assignments, db.workplaces, db.checklists, db.meta, async () => {
      const [basis, kept, first] = await Promise.all([countBasis(db), db.meta.get(COUNT_KEY), pageRows(db, limit + PAGE_SLACK)]);
      if (!stillRight(kept, basis)) return { basis };
      return { basis, entries: await firstEntries(db, limit, new Set(kept.multi), first), total: kept.total };
    });
    if (page.entries) return { entries: page.entries, total: page.total };
    // counted again; a write between the reads: read again (the count and the page must agree)
    const counted = await countAndKeep(db, page.basis);
    if (counted || attempt >= 2) {
      const { total, multi } = counted ?? (await countEntries(db));
      const entries = await db.transaction('r', db.assignments, db.workplaces, db.checklists, async () => {
        const [now, entries] = await Promise.all([countBasis(db), firstEntries(db, limit, multi)]);
        return sameBasis(now, page.basis) || attempt >= 2 ? entries : undefined;
      });
      if (entries) return { entries, total };
    }
  }
}

/**
 * Counts the entries and keeps the count with its basis; undefined (nothing kept) when the
 * pending rows changed while counting, so that the count may not match `basis`.
 */
async function countAndKeep(db: KatipDb, basis: CountBasis): Promise<Counted | undefined> {
  const counted = await countEntries(db);
  const now = await db.transaction('r', db.assignments, () => countBasis(db));
  if (!sameBasis(now, basis)) return undefined;
  await db.meta.put({ key: COUNT_KEY, ...basis, total: counted.total, multi: [...counted.multi] }).catch(() => {});
  return counted;
}

/**
 * Makes the kept count right again when the pending rows changed (the background, after a page
 * report): the next popup or options page opens with it instead of counting.
 */
export async function keepPendingCount(db: KatipDb): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { basis, kept } = await db.transaction('r', db.assignments, db.meta, async () => ({ basis: await countBasis(db), kept: await db.meta.get(COUNT_KEY) }));
    if (stillRight(kept, basis)) return;
    if ((await countAndKeep(db, basis)) !== undefined) return;
  }
}

/** The first `n` pending rows in the order of their listed name. */
function pageRows(db: KatipDb, n: number): Promise<AssignmentRow[]> {
  return db.assignments.orderBy('pendingOrder').limit(n).toArray();
}

/**
 * The first `limit` entries (inside the caller's transaction); `multi`: the persons with more
 * than one pending row, whose other rows are read wherever they are; `first`: the rows already read.
 */
async function firstEntries(db: KatipDb, limit: number, multi: ReadonlySet<string>, first?: AssignmentRow[]): Promise<PendingEntry[]> {
  let read = limit + PAGE_SLACK;
  let rows = first && first.length <= read ? first : await pageRows(db, read);
  for (;;) {
    const complete = rows.length < read;
    const last = complete ? undefined : rows[rows.length - 1]!.pendingOrder!;
    // every sighting of every person met, those not among the rows read included
    const all = new Map(rows.map((row) => [row.key, row]));
    const persons = new Set(rows.map((row) => row.pendingPerson![0]).filter((person) => multi.has(person)));
    for (const row of await rowsOfPersons(db, persons)) all.set(row.key, row);
    const entries = dedupePending(await withContext(db, [...all.values()]));
    // an entry named after the last row read may have unread rows of the same name before it
    const sure = last === undefined ? entries : entries.filter((e) => e.primary.assignment.pendingOrder! < last);
    if (complete || sure.length >= limit) return sure.slice(0, limit);
    read *= 2;
    rows = await pageRows(db, read);
  }
}

/** The count of the whole list and the persons with more than one pending row. */
interface Counted {
  total: number;
  multi: Set<string>;
}

/** The number of entries of the whole list, from the pendingPerson index keys. */
async function countEntries(db: KatipDb): Promise<Counted> {
  const keys = await pendingPersonKeys(db);
  const pairsOf = new Map<string, [string, string][]>();
  for (const [person, role, wk] of keys) {
    let pairs = pairsOf.get(person);
    if (!pairs) pairsOf.set(person, (pairs = []));
    pairs.push([role, wk]);
  }
  // persons whose sightings fold the same in any order are counted from the keys, the others read
  let total = 0;
  const unsettled: string[] = [];
  const multi = new Set<string>();
  for (const [person, pairs] of pairsOf) {
    if (pairs.length > 1) multi.add(person);
    const n = entriesOfPerson(pairs);
    if (n === undefined) unsettled.push(person);
    else total += n;
  }
  if (unsettled.length) {
    total += await db.transaction('r', db.assignments, db.workplaces, db.checklists, async () => dedupePending(await withContext(db, await rowsOfPersons(db, unsettled))).length);
  }
  return { total, multi };
}

/**
 * The index keys of every pending row, [person, role, workplace key], with one key cursor of
 * IndexedDB itself (Dexie's cursor costs several times more per row, and 10,000 rows are read).
 */
async function pendingPersonKeys(db: KatipDb): Promise<PersonKey[]> {
  await db.open();
  const index = db.backendDB().transaction('assignments', 'readonly').objectStore('assignments').index('pendingPerson');
  return new Promise((resolve, reject) => {
    const keys: PersonKey[] = [];
    const request = index.openKeyCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(keys);
      keys.push(cursor.key as PersonKey);
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}
