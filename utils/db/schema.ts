// The local mirror of the portal (all screens) and the user's own records, RULES.md §11: kept on
// this computer only, versioned, migrated without loss.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { AssignmentFacts, ScreenId, WorkplaceFacts } from '../records';
import type { RuleId } from '../rules/types';
import { assignmentLabel, foldTitle } from '../keys';
import type { AuditSnapshot } from '../audit/snapshot';
import { pendingIndexFields, pendingIndexMiddleware } from './pending-index';

export const DEFAULT_DB_NAME = 'katip-asistani';

/** A workplace: what the portal showed (`seen`) kept apart from what the user entered (`profile`). */
export interface WorkplaceRow {
  /** 'sgk:<digits>' | 'detsis:<no>' | 'title:<folded title>' | 'profile:<uuid>' */
  key: string;
  /** as last seen on the portal */
  seen?: WorkplaceFacts & { at: string; screen: ScreenId };
  /** as entered by the user */
  profile?: WorkplaceFacts & { updatedAt: string };
  updatedAt: string;
  /** lookup indexes, derived from seen and profile: SGK digits, DETSİS number, folded title */
  sicil?: string;
  detsis?: string;
  titleFold?: string;
}

/** An assignment (görevlendirme / sözleşme) as seen on the portal, facts merged over time. */
export interface AssignmentRow extends AssignmentFacts {
  /** 'portal:<id>' when a screen showed its id, else 'a:<workplace>|<person>|<role>|<start>' */
  key: string;
  workplaceKey?: string;
  /** how findings and lists name it: "Ayşe Yılmaz (İGU, 1.200 dk)" */
  label: string;
  firstSeenAt: string;
  lastSeenAt: string;
  lastScreen: ScreenId;
  /** 1 while approvalState is 'pending' (IndexedDB cannot index booleans) */
  pending: 0 | 1;
  /** the professional's "Kalan Max. Ayl. Çlş. Süresi (Dk)" last shown beside this assignment (approval form) */
  remaining?: { minutes: number; at: string };
  /** pending rows only (v5, ./pending-index.ts): the listed name as a key in Turkish order */
  pendingOrder?: string;
  /** pending rows only (v5): [folded person, role, workplace key], what the lists fold sightings by */
  pendingPerson?: [string, string, string];
  /** pending rows only (v5): grows with every write of a pending row (tells a kept count is still right) */
  pendingStamp?: number;
}

/** Small derived facts kept between opens (v5): the pending list's count with what it was counted from. */
export interface MetaRow {
  key: 'pending-count';
  /** pending rows, the highest and the lowest pendingStamp when counted */
  rows: number;
  stamp: number;
  firstStamp: number;
  /** entries of the pending list */
  total: number;
  /** the persons (pendingPerson[0]) with more than one pending row */
  multi: string[];
}

export type HistoryField = 'approvalState' | 'contractState' | 'minutes';

/** One observed change of an assignment's state. */
export interface HistoryRow {
  id?: number;
  assignmentKey: string;
  at: string;
  screen: ScreenId;
  field: HistoryField;
  from?: string;
  to: string;
}

/** RULES.md §10: the ten steps of approving one pending contract. */
export type ChecklistStepId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export interface ChecklistTick {
  done: boolean;
  at: string;
  how: 'seen' | 'manual';
  /** the rules that failed this step on the record last seen (steps 5-7), sorted; absent when none */
  failed?: RuleId[];
}
export interface ChecklistRow {
  assignmentKey: string;
  steps: Partial<Record<ChecklistStepId, ChecklistTick>>;
  updatedAt: string;
  /** when "Kayıt" was pressed on the approval form (step 8 waits for a changed status after it) */
  submittedAt?: string;
}

export interface Settings {
  language: 'tr' | 'en';
  disabledRules: RuleId[];
  showTckn: boolean;
  /** the workplace chosen on the old interface's select screen */
  selectedWorkplaceKey?: string;
  /** ask before the portal's "Kayıt" is pressed on a contract with errors (issue 8; off by default) */
  confirmBeforeSave?: boolean;
  /** badge passing records too ("Uygun"); off by default: rows that pass carry no badge */
  showPassing?: boolean;
  /** how the side panel groups findings: by record (default) or by rule */
  groupFindingsBy?: 'record' | 'rule';
}

export const DEFAULT_SETTINGS: Settings = { language: 'tr', disabledRules: [], showTckn: false };

/** The settings table holds one row under this key. */
export const SETTINGS_KEY = 'settings';
export interface SettingsRow extends Settings {
  key: typeof SETTINGS_KEY;
}

// ---- Version 1 (kept for the migration; never written by current code) ----

/** v1 workplace: the facts seen lay under `facts` with `seenAt` and `screen` beside them. */
export interface WorkplaceRowV1 {
  key: string;
  facts?: WorkplaceFacts;
  seenAt?: string;
  screen?: ScreenId;
  profile?: WorkplaceFacts & { updatedAt: string };
  updatedAt: string;
}
/** v1 assignment: facts nested under `facts`, one time stamp `seenAt`, no label, no history. */
export interface AssignmentRowV1 {
  key: string;
  workplaceKey?: string;
  approvalState?: AssignmentFacts['approvalState'];
  facts: AssignmentFacts;
  seenAt: string;
  screen: ScreenId;
}

export const SCHEMA_V1 = {
  workplaces: 'key',
  assignments: 'key, workplaceKey, approvalState',
  settings: 'key',
};

export const SCHEMA_V2 = {
  workplaces: 'key, sicil, detsis, titleFold',
  assignments: 'key, workplaceKey, pending, portalId',
  history: '++id, assignmentKey, at',
  checklists: 'assignmentKey',
  settings: 'key',
};

/** v3 (audit page): dated audit snapshots of the portal's contract export, for "since the last import". */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  auditSnapshots: '++id, at',
};

/**
 * v4 (speed, issue 10): history loses its unused `at` index (every state change was written to two
 * indexes); nothing else changes, so no row is rewritten.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  history: '++id, assignmentKey',
};

/**
 * v5 (speed, issue 10): pending approvals in their own two indexes, listed in Turkish order and
 * counted without reading every row (./pending-index.ts), and a small `meta` table for the count
 * kept between opens. Only pending rows carry the fields, so the indexes hold only them; the
 * upgrade gives them to the pending rows already stored.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  assignments: 'key, workplaceKey, pending, portalId, pendingOrder, pendingPerson, pendingStamp',
  meta: 'key',
};

/** One audit of an export file, as kept for the next comparison (utils/audit/snapshot.ts). */
export type AuditSnapshotRow = AuditSnapshot;

export class KatipDb extends Dexie {
  workplaces!: EntityTable<WorkplaceRow, 'key'>;
  assignments!: EntityTable<AssignmentRow, 'key'>;
  history!: EntityTable<HistoryRow, 'id'>;
  checklists!: EntityTable<ChecklistRow, 'assignmentKey'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  auditSnapshots!: EntityTable<AuditSnapshotRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DEFAULT_DB_NAME) {
    // relaxed durability: a commit does not wait for the disk to flush (Chromium's default for the
    // web since 121); a crash may lose the last second, which the next page report writes again
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeV1toV2);
    // a new table only: nothing to migrate
    this.version(3).stores(SCHEMA_V3);
    // an index dropped: nothing to migrate
    this.version(4).stores(SCHEMA_V4);
    // two indexes added: the pending rows get their fields (every other row stays as it was)
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeV4toV5);
    // every write of an assignment keeps those fields right (before the upgrade runs, too)
    this.use(pendingIndexMiddleware);
  }
}

/** Opens (lazily: Dexie opens on first use) the mirror under `name`. */
export function openDb(name: string = DEFAULT_DB_NAME): KatipDb {
  return new KatipDb(name);
}

let defaultDb: KatipDb | undefined;
/** The extension's one database (per page / worker): created on first call. */
export function getDb(): KatipDb {
  defaultDb ??= openDb();
  return defaultDb;
}

/** The row with its lookup fields recomputed from `seen` and `profile`. */
export function indexedWorkplace(row: WorkplaceRow): WorkplaceRow {
  const { sicil: _s, detsis: _d, titleFold: _t, ...rest } = row;
  return { ...rest, ...workplaceIndexes(rest) };
}

/** Derived lookup fields of a workplace row. */
export function workplaceIndexes(row: Pick<WorkplaceRow, 'seen' | 'profile'>): Pick<WorkplaceRow, 'sicil' | 'detsis' | 'titleFold'> {
  const sicil = digits(row.seen?.sicilNo) ?? digits(row.profile?.sicilNo);
  const detsis = digits(row.seen?.detsisNo) ?? digits(row.profile?.detsisNo);
  const title = row.seen?.title ?? row.profile?.title;
  const out: Pick<WorkplaceRow, 'sicil' | 'detsis' | 'titleFold'> = {};
  if (sicil) out.sicil = sicil;
  if (detsis) out.detsis = detsis;
  if (title && foldTitle(title)) out.titleFold = foldTitle(title);
  return out;
}

function digits(text: string | undefined): string | undefined {
  const d = text?.replace(/\D+/g, '');
  return d ? d : undefined;
}

/**
 * v1 → v2: workplace facts move from `facts`/`seenAt`/`screen` into `seen`; assignment facts are
 * flattened into the row with a label, first/last seen times and the 0/1 `pending` flag; each
 * known state becomes the first history row; pending approvals get an empty checklist.
 */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const workplaces = tx.table('workplaces');
  const assignments = tx.table('assignments');
  const history = tx.table('history');
  const checklists = tx.table('checklists');

  const oldWorkplaces = (await workplaces.toArray()) as (WorkplaceRowV1 & Partial<WorkplaceRow>)[];
  const newWorkplaces: WorkplaceRow[] = oldWorkplaces.map((old) => {
    if (old.seen || !('facts' in old)) return { ...(old as WorkplaceRow), ...workplaceIndexes(old) };
    const row: WorkplaceRow = { key: old.key, updatedAt: old.updatedAt };
    if (old.facts) row.seen = { ...old.facts, at: old.seenAt ?? old.updatedAt, screen: old.screen ?? 'old-workplace-select' };
    if (old.profile) row.profile = old.profile;
    return { ...row, ...workplaceIndexes(row) };
  });
  await workplaces.clear();
  await workplaces.bulkPut(newWorkplaces);

  const oldAssignments = (await assignments.toArray()) as AssignmentRowV1[];
  const newAssignments: AssignmentRow[] = [];
  const newHistory: HistoryRow[] = [];
  const newChecklists: ChecklistRow[] = [];
  for (const old of oldAssignments) {
    const facts: AssignmentFacts = { ...old.facts };
    if (facts.approvalState === undefined && old.approvalState !== undefined) facts.approvalState = old.approvalState;
    const row: AssignmentRow = {
      ...facts,
      key: old.key,
      label: assignmentLabel(facts),
      firstSeenAt: old.seenAt,
      lastSeenAt: old.seenAt,
      lastScreen: old.screen,
      pending: facts.approvalState === 'pending' ? 1 : 0,
    };
    if (old.workplaceKey !== undefined) row.workplaceKey = old.workplaceKey;
    newAssignments.push(row);
    for (const field of ['approvalState', 'contractState', 'minutes'] as const) {
      const value = facts[field];
      if (value !== undefined) newHistory.push({ assignmentKey: old.key, at: old.seenAt, screen: old.screen, field, to: String(value) });
    }
    if (row.pending) newChecklists.push({ assignmentKey: old.key, steps: {}, updatedAt: old.seenAt });
  }
  await assignments.clear();
  await assignments.bulkPut(newAssignments);
  await history.bulkAdd(newHistory);
  await checklists.bulkPut(newChecklists);
}

/** v4 → v5: each pending row gets its index fields; no other row is written. */
async function upgradeV4toV5(tx: Transaction): Promise<void> {
  await tx
    .table('assignments')
    .where('pending')
    .equals(1)
    .modify((row: AssignmentRow) => {
      Object.assign(row, pendingIndexFields(row));
    });
}
