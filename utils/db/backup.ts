// RULES.md §11 (records protected against loss, legible, retrievable): a versioned JSON backup
// checked whole before anything is written, an all-or-nothing import, a CSV register for Excel
// (Turkish locale) and deleting everything. Version 2 adds the Denetim page's dated audit snapshots;
// version 1 backups (without them) still restore.
import { z } from 'zod';
import { formatTurkishDate, maskTckn, ROLE_LABELS } from '@/utils/domain/core';
import { AssignmentFactsSchema, ScreenIdSchema, WorkplaceFactsSchema } from '../records';
import { RULE_IDS } from '../rules/types';
import type { AuditSnapshot } from '../audit/snapshot';
import { getSettings } from './queries';
import { withoutPendingIndex } from './pending-index';
import {
  indexedWorkplace,
  SETTINGS_KEY,
  type AssignmentRow,
  type ChecklistRow,
  type HistoryRow,
  type KatipDb,
  type Settings,
  type WorkplaceRow,
} from './schema';

export const BACKUP_FORMAT = 'katip-asistani-backup';
export const BACKUP_VERSION = 2;
/** the versions this release reads: 1 (no audit snapshots) and 2 */
const READ_VERSIONS: readonly number[] = [1, 2];

const isoTime = z.string().min(1).max(40);
const key = z.string().min(1).max(3000);

const WorkplaceRowSchema = z.object({
  key,
  seen: WorkplaceFactsSchema.extend({ at: isoTime, screen: ScreenIdSchema }).optional(),
  profile: WorkplaceFactsSchema.extend({ updatedAt: isoTime }).optional(),
  updatedAt: isoTime,
});

const AssignmentRowSchema = AssignmentFactsSchema.extend({
  key,
  workplaceKey: key.optional(),
  label: z.string().max(3000),
  firstSeenAt: isoTime,
  lastSeenAt: isoTime,
  lastScreen: ScreenIdSchema,
  pending: z.union([z.literal(0), z.literal(1)]),
  remaining: z.object({ minutes: z.number().finite().nonnegative(), at: isoTime }).optional(),
});

const HistoryRowSchema = z.object({
  id: z.number().int().positive().optional(),
  assignmentKey: key,
  at: isoTime,
  screen: ScreenIdSchema,
  field: z.enum(['approvalState', 'contractState', 'minutes']),
  from: z.string().max(2000).optional(),
  to: z.string().max(2000),
});

const TickSchema = z.object({
  done: z.boolean(),
  at: isoTime,
  how: z.enum(['seen', 'manual']),
  failed: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
});
const ChecklistRowSchema = z.object({
  assignmentKey: key,
  steps: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']), TickSchema),
  updatedAt: z.string().max(40),
  submittedAt: isoTime.optional(),
});

const SettingsSchema = z.object({
  language: z.enum(['tr', 'en']),
  disabledRules: z.array(z.enum(RULE_IDS)),
  showTckn: z.boolean(),
  confirmBeforeSave: z.boolean().optional(),
  showPassing: z.boolean().optional(),
  groupFindingsBy: z.enum(['record', 'rule']).optional(),
  selectedWorkplaceKey: key.optional(),
});

const STATUS = z.enum(['error', 'warn', 'unknown', 'ok']);
const statusCounts = z.object({ error: count(), warn: count(), unknown: count(), ok: count() });
function count() {
  return z.number().int().nonnegative();
}
const shortText = z.string().max(3000);

const AuditSnapshotSchema = z.object({
  id: z.number().int().positive().optional(),
  at: isoTime,
  fileName: z.string().max(1000),
  counts: z.object({
    byStatus: statusCounts,
    byRule: z.partialRecord(z.enum([...RULE_IDS, 'needs-data']), count()),
    workplacesByStatus: statusCounts,
    professionalsByStatus: statusCounts,
    verdictDiffers: count(),
    activeContracts: count(),
  }),
  contracts: z.array(
    z.object({
      key,
      workplaceKey: shortText,
      label: shortText,
      labelEn: shortText.optional(),
      active: z.boolean(),
      minutes: z.number().finite().nonnegative().optional(),
      employment: z.string().max(40).optional(),
      state: z.string().max(40).optional(),
      status: STATUS,
      rules: z.string().max(1000),
    }),
  ),
  workplaces: z.array(
    z.object({
      key,
      title: shortText,
      status: STATUS,
      short: z.partialRecord(z.enum(['igu', 'ih', 'dsp']), z.number().finite().nonnegative()),
    }),
  ),
});

const BACKUP_V1_FIELDS = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: isoTime,
  workplaces: z.array(WorkplaceRowSchema),
  assignments: z.array(AssignmentRowSchema),
  history: z.array(HistoryRowSchema),
  checklists: z.array(ChecklistRowSchema),
  settings: SettingsSchema,
};

/** Version 1: everything but the audit snapshots. */
const BackupSchemaV1 = z.object({ ...BACKUP_V1_FIELDS, version: z.literal(1) });

export const BackupSchema = z.object({
  ...BACKUP_V1_FIELDS,
  version: z.literal(BACKUP_VERSION),
  auditSnapshots: z.array(AuditSnapshotSchema),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  workplaces: WorkplaceRow[];
  assignments: AssignmentRow[];
  history: HistoryRow[];
  checklists: ChecklistRow[];
  settings: Settings;
  /** the Denetim page's dated snapshots (a version 1 backup has none: read as []) */
  auditSnapshots: AuditSnapshot[];
}

/** Every table the mirror keeps: what a backup holds and "delete everything" empties. */
function mirrorTables(db: KatipDb) {
  return [db.workplaces, db.assignments, db.history, db.checklists, db.settings, db.auditSnapshots];
}

export type BackupError = { tr: string; en: string };

/** Everything the mirror holds, as one JSON-ready object. */
export async function exportBackup(db: KatipDb): Promise<Backup> {
  return db.transaction('r', mirrorTables(db), async () => {
    const [workplaces, assignments, history, checklists, settings, auditSnapshots] = await Promise.all([
      db.workplaces.toArray(),
      db.assignments.toArray(),
      db.history.toArray(),
      db.checklists.toArray(),
      getSettings(db),
      db.auditSnapshots.toArray(),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      workplaces: workplaces.map(({ sicil: _s, detsis: _d, titleFold: _t, ...row }) => row),
      assignments: assignments.map(withoutPendingIndex),
      history,
      checklists,
      settings,
      auditSnapshots,
    };
  });
}

/**
 * The backup file's text: indented for a person to read, or in one line when indenting would make
 * it larger than a backup may be (MAX_BACKUP_CHARS), so that every backup written can be read back.
 */
export function backupText(backup: Backup): string {
  const pretty = JSON.stringify(backup, null, 2);
  return pretty.length <= MAX_BACKUP_CHARS ? pretty : JSON.stringify(backup);
}

/** Keys no backup has, refused wherever they occur: they name an object's prototype machinery. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks a backup file whole: any fault rejects all of it, with a message in both languages. */
export function parseBackup(text: string): { ok: true; backup: Backup } | { ok: false; error: BackupError } {
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(
      `Dosya çok büyük (${Math.round(text.length / 1e6)} MB); bir yedek en çok ${MAX_BACKUP_CHARS / 1e6} MB olabilir. Hiçbir şey içe aktarılmadı.`,
      `The file is too large (${Math.round(text.length / 1e6)} MB); a backup is at most ${MAX_BACKUP_CHARS / 1e6} MB. Nothing was imported.`,
    );
  }
  if (nestingDepth(text) > MAX_BACKUP_DEPTH) {
    return fail(
      'Dosya bir yedek olamayacak kadar iç içe. Hiçbir şey içe aktarılmadı.',
      'The file is nested far deeper than any backup. Nothing was imported.',
    );
  }
  let data: unknown;
  let forbidden: string | undefined;
  try {
    // the reviver sees every key once JSON decoded it ("\u005f_proto__" included)
    data = JSON.parse(text.replace(/^\uFEFF/, ''), (k: string, v: unknown) => {
      if (forbidden === undefined && FORBIDDEN_KEYS.has(k)) forbidden = k;
      return v;
    });
  } catch {
    return fail(
      'Dosya okunamadı: geçerli bir JSON değil ya da yarım kalmış. Hiçbir şey içe aktarılmadı.',
      'The file could not be read: it is not valid JSON or it is truncated. Nothing was imported.',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail('Bu dosya bir KATİP Asistanı yedeği değil. Hiçbir şey içe aktarılmadı.', 'This file is not a KATİP Asistanı backup. Nothing was imported.');
  }
  if (forbidden !== undefined) {
    return fail(
      `Yedek bozuk: "${forbidden}" adlı bir alan var; hiçbir yedekte böyle bir alan olmaz. Hiçbir şey içe aktarılmadı.`,
      `The backup is damaged: it has a field named "${forbidden}", which no backup has. Nothing was imported.`,
    );
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !READ_VERSIONS.includes(version)) {
    const shown = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : '?';
    return fail(
      `Bu yedeğin sürümü (${shown}) desteklenmiyor; bu sürüm ${READ_VERSIONS.join('. ve ')}. sürüm yedekleri okur. Hiçbir şey içe aktarılmadı.`,
      `This backup's version (${shown}) is not supported; this release reads versions ${READ_VERSIONS.join(' and ')}. Nothing was imported.`,
    );
  }
  const parsed = version === 1 ? BackupSchemaV1.safeParse(data) : BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '?';
    return fail(
      `Yedek bozuk: "${where}" alanı geçersiz ya da eksik. Hiçbir şey içe aktarılmadı.`,
      `The backup is damaged: "${where}" is invalid or missing. Nothing was imported.`,
    );
  }
  // the rows as the file wrote them (its key order: a restore gives the mirror back byte for byte),
  // holding only what the schema kept; a version 1 backup has no audit snapshots: importing it
  // leaves the mirror's own alone
  const checked = inFileOrder(parsed.data, data) as typeof parsed.data;
  const backup = (checked.version === 1 ? { ...checked, version: BACKUP_VERSION, auditSnapshots: [] } : checked) as Backup;
  const duplicate =
    firstDuplicate(backup.workplaces.map((row) => row.key), 'workplaces') ??
    firstDuplicate(backup.assignments.map((row) => row.key), 'assignments') ??
    firstDuplicate(backup.checklists.map((row) => row.assignmentKey), 'checklists') ??
    firstDuplicate(backup.history.flatMap((row) => (row.id === undefined ? [] : [String(row.id)])), 'history') ??
    firstDuplicate(backup.auditSnapshots.flatMap((row) => (row.id === undefined ? [] : [String(row.id)])), 'auditSnapshots');
  if (duplicate) {
    return fail(
      `Yedek bozuk: "${duplicate}" iki kez geçiyor. Hiçbir şey içe aktarılmadı.`,
      `The backup is damaged: "${duplicate}" occurs twice. Nothing was imported.`,
    );
  }
  return { ok: true, backup };
}

/** the largest backup read (characters), checked before JSON.parse */
export const MAX_BACKUP_CHARS = 40_000_000;
/** a backup nests about six levels: anything far deeper is refused before JSON.parse */
export const MAX_BACKUP_DEPTH = 32;

/** The deepest bracket nesting of JSON text, outside strings, in one pass without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * `checked` (what the schema let through, in the schema's key order) with each object's keys in the
 * order `raw` (the file) has them. Depth is bounded by MAX_BACKUP_DEPTH; forbidden keys were refused.
 */
function inFileOrder(checked: unknown, raw: unknown): unknown {
  if (Array.isArray(checked)) return Array.isArray(raw) ? checked.map((v, i) => inFileOrder(v, raw[i])) : checked;
  if (!checked || typeof checked !== 'object' || !raw || typeof raw !== 'object' || Array.isArray(raw)) return checked;
  const kept = checked as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(raw)) if (Object.prototype.hasOwnProperty.call(kept, k)) out[k] = inFileOrder(kept[k], (raw as Record<string, unknown>)[k]);
  for (const k of Object.keys(kept)) if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = kept[k];
  return out;
}

function fail(tr: string, en: string): { ok: false; error: BackupError } {
  return { ok: false, error: { tr, en } };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('') || '(kök / root)';
}

function firstDuplicate(keys: string[], table: string): string | undefined {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) return `${table}: ${k}`;
    seen.add(k);
  }
  return undefined;
}

export interface ImportCounts {
  workplaces: number;
  assignments: number;
  history: number;
  checklists: number;
  auditSnapshots: number;
}
export interface ImportPreview {
  /** rows the mirror does not have yet */
  add: ImportCounts;
  /** rows the mirror has with other contents (the backup's version replaces them) */
  change: Omit<ImportCounts, 'history' | 'auditSnapshots'> & { settings: boolean };
  /** rows already identical */
  unchanged: number;
}

/** What applyImport would add and change, without writing anything. */
export async function previewImport(db: KatipDb, backup: Backup): Promise<ImportPreview> {
  return db.transaction('r', mirrorTables(db), async () => {
    const preview: ImportPreview = {
      add: { workplaces: 0, assignments: 0, history: 0, checklists: 0, auditSnapshots: 0 },
      change: { workplaces: 0, assignments: 0, checklists: 0, settings: false },
      unchanged: 0,
    };
    const compare = async <T>(rows: T[], existing: (T | undefined)[], table: 'workplaces' | 'assignments' | 'checklists', norm: (row: T) => unknown) => {
      rows.forEach((row, i) => {
        const old = existing[i];
        if (old === undefined) preview.add[table]++;
        else if (canonical(norm(old)) !== canonical(norm(row))) preview.change[table]++;
        else preview.unchanged++;
      });
    };
    const plainWorkplace = ({ sicil: _s, detsis: _d, titleFold: _t, ...row }: WorkplaceRow) => row;
    await compare(backup.workplaces, await db.workplaces.bulkGet(backup.workplaces.map((r) => r.key)), 'workplaces', plainWorkplace);
    await compare(backup.assignments, await db.assignments.bulkGet(backup.assignments.map((r) => r.key)), 'assignments', withoutPendingIndex);
    await compare(backup.checklists, await db.checklists.bulkGet(backup.checklists.map((r) => r.assignmentKey)), 'checklists', (r) => r);
    const known = new Set((await db.history.toArray()).map(historySignature));
    for (const row of backup.history) {
      if (known.has(historySignature(row))) preview.unchanged++;
      else preview.add.history++;
    }
    const snapshots = new Set((await db.auditSnapshots.toArray()).map(snapshotSignature));
    for (const row of backup.auditSnapshots) {
      if (snapshots.has(snapshotSignature(row))) preview.unchanged++;
      else preview.add.auditSnapshots++;
    }
    preview.change.settings = canonical(await getSettings(db)) !== canonical(backup.settings);
    return preview;
  });
}

/**
 * Writes a parsed backup in one transaction over every table: either all of it lands or none of
 * it does. Rows of the same key are replaced; history rows and audit snapshots already present are
 * not doubled.
 */
export async function applyImport(db: KatipDb, backup: Backup): Promise<void> {
  await db.transaction('rw', mirrorTables(db), async () => {
    await db.workplaces.bulkPut(backup.workplaces.map((row) => indexedWorkplace(row)));
    await db.assignments.bulkPut(backup.assignments.map((row) => ({ ...row, pending: row.approvalState === 'pending' ? 1 : 0 })));
    const history = newRows(await db.history.toArray(), backup.history, historySignature);
    if (history.length) await db.history.bulkAdd(history);
    await db.checklists.bulkPut(backup.checklists);
    await db.settings.put({ ...backup.settings, key: SETTINGS_KEY });
    const snapshots = newRows(await db.auditSnapshots.toArray(), backup.auditSnapshots, snapshotSignature);
    if (snapshots.length) await db.auditSnapshots.bulkAdd(snapshots);
  });
}

/**
 * The rows of `incoming` that `existing` lacks (same signature = same row), each keeping its id
 * where that id is free. Those keeping an id come first, so an id generated for the others never
 * takes one a later row keeps.
 */
function newRows<T extends { id?: number }>(existing: readonly T[], incoming: readonly T[], signature: (row: T) => string): T[] {
  const known = new Set(existing.map(signature));
  const used = new Set(existing.map((row) => row.id));
  const keep: T[] = [];
  const fresh: T[] = [];
  for (const row of incoming) {
    const s = signature(row);
    if (known.has(s)) continue;
    known.add(s);
    if (row.id !== undefined && !used.has(row.id)) {
      used.add(row.id);
      keep.push(row);
    } else {
      const { id: _id, ...rest } = row;
      fresh.push(rest as T);
    }
  }
  return [...keep, ...fresh];
}

/** Empties every table of the mirror, audit snapshots included (the per-tab state in storage.session is not touched). */
export async function deleteEverything(db: KatipDb): Promise<void> {
  const tables = [...mirrorTables(db), db.meta];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}

/** A snapshot's contents without its id: the same audit kept twice compares equal. */
function snapshotSignature(row: AuditSnapshot): string {
  const { id: _id, ...rest } = row;
  return canonical(rest);
}

function historySignature(row: HistoryRow): string {
  return canonical([row.assignmentKey, row.at, row.screen, row.field, row.from ?? null, row.to]);
}

/** JSON with object keys sorted, so equal contents compare equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

// ---- CSV register ----

export const CSV_HEADERS = [
  'İşyeri',
  'SGK Sicil No',
  'Adı Soyadı',
  'T.C. Kimlik No',
  'Görev',
  'Sertifika Sınıfı',
  'Çalışma Şekli',
  'Aylık Süre (dk)',
  'Başlama Tarihi',
  'Ayrılış Tarihi',
  'Onay Durumu',
  'Sözleşme Durumu',
] as const;

const APPROVAL_TEXT = { pending: 'Onay Bekliyor', approved: 'Onaylandı', rejected: 'Reddedildi' } as const;
const CONTRACT_TEXT = { active: 'Devam Ediyor', ended: 'Sonlandırıldı', cancelled: 'İptal Edildi' } as const;
const EMPLOYMENT_TEXT = { tam: 'Tam Süreli', kismi: 'Kısmi Süreli' } as const;

/**
 * The assignments as a CSV file for Excel in Turkish: UTF-8 BOM, ';' between cells, CRLF line
 * ends, quotes doubled. T.C. Kimlik No is masked unless the user chose to show it (or `showTckn`).
 */
export async function exportAssignmentsCsv(db: KatipDb, options: { showTckn?: boolean } = {}): Promise<string> {
  const { rows, workplaces, settings } = await db.transaction('r', [db.assignments, db.workplaces, db.settings], async () => ({
    rows: await db.assignments.toArray(),
    workplaces: new Map((await db.workplaces.toArray()).map((row) => [row.key, row])),
    settings: await getSettings(db),
  }));
  const showTckn = options.showTckn ?? settings.showTckn;
  const lines = [CSV_HEADERS.map(csvCell).join(';')];
  const ordered = rows
    .map((row) => ({ row, workplace: row.workplaceKey ? workplaces.get(row.workplaceKey) : undefined }))
    .sort(
      (a, b) =>
        (workplaceTitle(a.workplace) ?? '').localeCompare(workplaceTitle(b.workplace) ?? '', 'tr') ||
        (a.row.personName ?? '').localeCompare(b.row.personName ?? '', 'tr'),
    );
  for (const { row, workplace } of ordered) {
    const cells = [
      workplaceTitle(workplace) ?? '',
      workplace?.seen?.sicilNo ?? workplace?.profile?.sicilNo ?? '',
      row.personName ?? '',
      row.tckn ? (showTckn ? row.tckn : maskTckn(row.tckn)) : '',
      row.role ? ROLE_LABELS[row.role].tr : '',
      row.certificateClass ?? '',
      row.employment ? EMPLOYMENT_TEXT[row.employment] : '',
      row.minutes !== undefined ? String(row.minutes).replace('.', ',') : '',
      row.startDate ? formatTurkishDate(row.startDate) : '',
      row.endDate ? formatTurkishDate(row.endDate) : '',
      row.approvalState ? APPROVAL_TEXT[row.approvalState] : '',
      row.contractState ? CONTRACT_TEXT[row.contractState] : '',
    ];
    lines.push(cells.map(csvCell).join(';'));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function workplaceTitle(row: WorkplaceRow | undefined): string | undefined {
  return row?.seen?.title ?? row?.profile?.title;
}

/** One CSV cell: formula-looking text gets a leading apostrophe; quoted when it must be. */
export function csvCell(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
