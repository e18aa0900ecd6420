// The audit's worker: reads the export file, judges every contract, then saves the dated snapshot
// and merges the rows into the mirror, all off the page's main thread, so that a 20,000-row file
// never freezes the page. The result stays here: the page is sent the dashboard's figures, and the
// lists a page at a time as its virtualised lists scroll (views.ts); the Excel report is written
// here too. The file's rows never go to the page at all. Loaded only by the audit page.
import type { RuleId } from '@/utils/rules/types';
import type { WorkplaceFacts } from '@/utils/records';
import { openDb } from '@/utils/db/schema';
import { auditContracts, type AuditResult, type RemainingSeen } from './audit';
import { mergeExportIntoMirror } from './mirror';
import { ExportReadError, readExportFile, type ExportRead } from './read-file';
import { toSnapshot, type AuditDiff } from './snapshot';
import { remainingSeen, saveSnapshot, workplaceProfiles } from './store';
import type { Bilingual } from '@/utils/rules/types';
import { auditSummary, AuditViews, type AuditSummary, type AuditView, type DiffView, type PrintData, type RowsPage } from './views';
import type { ExcelOptions } from './excel';

export interface AuditRequest {
  type: 'audit';
  bytes: ArrayBuffer;
  fileName: string;
  disabled: RuleId[];
  /** the user's workplace profiles and the Kalan Max. seen; read from the mirror when `dbName` is given */
  profiles?: [string, WorkplaceFacts][];
  remaining?: [string, RemainingSeen][];
  today?: string;
  /** the mirror to read profiles and capacities from, save the snapshot in and merge the rows into */
  dbName?: string;
}

/** What the page is told of the file read (its rows stay in the worker). */
export type ReadSummary = Omit<ExportRead, 'rows'> & { rowCount: number };

/** Items per message of the printed report's lists: one part is deserialised on the page in well under 50 ms. */
export const PART_SIZE = 50;

/** What the page asks of a judged file (each answered with the same id). */
export type AuditQuery =
  | { type: 'rows'; id: number; view: AuditView; from: number; count: number }
  | { type: 'excel'; id: number; opts: Omit<ExcelOptions, 'diff'> }
  | { type: 'print'; id: number };

export type AuditReply =
  | { type: 'progress'; stage: 'read' | 'judge'; done: number; total: number }
  | { type: 'done'; read: ReadSummary; summary: AuditSummary; ms: { read: number; judge: number } }
  | { type: 'rows'; id: number; page: RowsPage<unknown> }
  | { type: 'excel'; id: number; blob?: Blob; failed?: string }
  | { type: 'print'; id: number; part: PrintData; last: boolean }
  | { type: 'snapshot'; diff?: DiffView; failed?: string }
  | { type: 'mirror'; workplaces: number; contracts: number }
  | { type: 'mirror-failed'; detail: string }
  | { type: 'error'; code: string; text: Bilingual };

/** A judged file, kept in the worker for the page's questions. */
export interface AuditSession {
  views: AuditViews;
  diff?: AuditDiff;
  /** settles once the snapshot is saved (or could not be): the Excel report waits for its diff */
  saved?: Promise<void>;
}

/** Answers one of the page's questions about the judged file. */
export async function answerQuery(session: AuditSession, q: AuditQuery, post: (reply: AuditReply) => void): Promise<void> {
  if (q.type === 'rows') {
    post({ type: 'rows', id: q.id, page: session.views.page(q.view, q.from, q.count) });
  } else if (q.type === 'print') {
    const { workplaces, professionals } = session.views.printData();
    const parts = Math.max(1, Math.ceil(Math.max(workplaces.length, professionals.length) / PART_SIZE));
    for (let i = 0; i < parts; i++) {
      const part = { workplaces: workplaces.slice(i * PART_SIZE, (i + 1) * PART_SIZE), professionals: professionals.slice(i * PART_SIZE, (i + 1) * PART_SIZE) };
      post({ type: 'print', id: q.id, part, last: i === parts - 1 });
    }
  } else {
    try {
      await session.saved;
      const { auditWorkbook } = await import('./excel');
      const blob = await auditWorkbook(session.views.result, { ...q.opts, ...(session.diff ? { diff: session.diff } : {}) });
      post({ type: 'excel', id: q.id, blob });
    } catch (e) {
      post({ type: 'excel', id: q.id, failed: message(e) });
    }
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The whole job, for the worker and for tests: read, judge, report; then snapshot and mirror. */
export async function runAudit(req: AuditRequest, post: (reply: AuditReply) => void, keep?: (session: AuditSession) => void): Promise<void> {
  let read: ExportRead;
  let result: AuditResult;
  let session: AuditSession;
  let snapshotDone = () => {};
  const db = req.dbName !== undefined ? openDb(req.dbName) : undefined;
  try {
    post({ type: 'progress', stage: 'read', done: 0, total: 1 });
    const [profiles, remaining] = db
      ? await Promise.all([req.profiles ?? workplaceProfiles(db).catch(() => []), req.remaining ?? remainingSeen(db).catch(() => [])])
      : [req.profiles ?? [], req.remaining ?? []];
    const t0 = performance.now();
    read = readExportFile(new Uint8Array(req.bytes), req.fileName);
    const t1 = performance.now();
    post({ type: 'progress', stage: 'judge', done: 0, total: read.rows.length });
    const opts: Parameters<typeof auditContracts>[1] = {
      disabled: new Set(req.disabled),
      profiles: new Map(profiles),
      remaining: new Map(remaining),
      onProgress: (done, total) => post({ type: 'progress', stage: 'judge', done, total }),
    };
    if (req.today) opts.today = req.today;
    result = auditContracts(read.rows, opts);
    const ms = { read: t1 - t0, judge: performance.now() - t1 };
    session = { views: new AuditViews(result) };
    if (db) session.saved = new Promise<void>((resolve) => (snapshotDone = resolve));
    keep?.(session);
    const { rows, ...readSummary } = read;
    post({ type: 'done', read: { ...readSummary, rowCount: rows.length }, summary: auditSummary(result), ms });
  } catch (e) {
    if (e instanceof ExportReadError) post({ type: 'error', code: e.code, text: e.text });
    else
      post({
        type: 'error',
        code: 'internal',
        text: {
          tr: `Dosya denetlenirken beklenmeyen bir hata oldu; hiçbir şey değişmedi. (${message(e)})`,
          en: `Something unexpected went wrong while auditing the file; nothing changed. (${message(e)})`,
        },
      });
    db?.close();
    return;
  }
  if (!db) return;
  // only a file read whole and judged reaches the mirror
  try {
    try {
      const saved = await saveSnapshot(db, toSnapshot(result, req.fileName));
      if (saved.diff) session.diff = saved.diff;
      post(saved.diff ? { type: 'snapshot', diff: session.views.diffView(saved.diff) } : { type: 'snapshot' });
    } catch (e) {
      post({ type: 'snapshot', failed: message(e) });
    } finally {
      snapshotDone();
    }
    try {
      const merged = await mergeExportIntoMirror(db, read.rows);
      post({ type: 'mirror', ...merged });
    } catch (e) {
      post({ type: 'mirror-failed', detail: message(e) });
    }
  } finally {
    db.close();
  }
}

// in a worker: answer the page
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<AuditRequest | AuditQuery>) => void) | null; postMessage(m: AuditReply): void; document?: unknown };
if (typeof scope.document === 'undefined' && typeof scope.postMessage === 'function') {
  let session: AuditSession | undefined;
  const post = (reply: AuditReply) => scope.postMessage(reply);
  scope.onmessage = (e) => {
    const m = e.data as AuditRequest | AuditQuery;
    if (m?.type === 'audit') void runAudit(m, post, (s) => (session = s));
    else if (session && (m?.type === 'rows' || m?.type === 'excel' || m?.type === 'print')) void answerQuery(session, m, post);
  };
}
