// The audit's worker: reads the export file, judges every contract, then saves the dated snapshot
// and merges the rows into the mirror, all off the page's main thread, so that a 20,000-row file
// never freezes the page. The result goes to the page in parts (each deserialised in a task of its
// own); the file's rows never go to the page at all. Loaded only by the audit page.
import type { RuleId } from '@/utils/rules/types';
import type { WorkplaceFacts } from '@/utils/records';
import { openDb } from '@/utils/db/schema';
import { auditContracts, type AuditContract, type AuditProfessional, type AuditResult, type AuditWorkplace, type RemainingSeen } from './audit';
import { mergeExportIntoMirror } from './mirror';
import { ExportReadError, readExportFile, type ExportRead } from './read-file';
import { toSnapshot, type AuditDiff } from './snapshot';
import { remainingSeen, saveSnapshot, workplaceProfiles } from './store';
import type { Bilingual } from '@/utils/rules/types';

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

/** Items per message: one part is deserialised on the page in well under 50 ms. */
export const PART_SIZE = 200;

export type AuditReply =
  | { type: 'progress'; stage: 'read' | 'judge'; done: number; total: number }
  | { type: 'part'; list: 'contracts'; items: AuditContract[] }
  | { type: 'part'; list: 'workplaces'; items: AuditWorkplace[] }
  | { type: 'part'; list: 'professionals'; items: AuditProfessional[] }
  | { type: 'done'; read: ReadSummary; result: Omit<AuditResult, 'contracts' | 'workplaces' | 'professionals'>; ms: { read: number; judge: number } }
  | { type: 'snapshot'; diff?: AuditDiff; failed?: string }
  | { type: 'mirror'; workplaces: number; contracts: number }
  | { type: 'mirror-failed'; detail: string }
  | { type: 'error'; code: string; text: Bilingual };

function postParts<T>(list: readonly T[], send: (items: T[]) => void): void {
  for (let i = 0; i < list.length; i += PART_SIZE) send(list.slice(i, i + PART_SIZE));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The whole job, for the worker and for tests: read, judge, report; then snapshot and mirror. */
export async function runAudit(req: AuditRequest, post: (reply: AuditReply) => void): Promise<void> {
  let read: ExportRead;
  let result: AuditResult;
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
    const { contracts, workplaces, professionals, ...rest } = result;
    postParts(contracts, (items) => post({ type: 'part', list: 'contracts', items }));
    postParts(workplaces, (items) => post({ type: 'part', list: 'workplaces', items }));
    postParts(professionals, (items) => post({ type: 'part', list: 'professionals', items }));
    const { rows, ...summary } = read;
    post({ type: 'done', read: { ...summary, rowCount: rows.length }, result: rest, ms });
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
      post(saved.diff ? { type: 'snapshot', diff: saved.diff } : { type: 'snapshot' });
    } catch (e) {
      post({ type: 'snapshot', failed: message(e) });
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
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<AuditRequest>) => void) | null; postMessage(m: AuditReply): void; document?: unknown };
if (typeof scope.document === 'undefined' && typeof scope.postMessage === 'function') {
  scope.onmessage = (e) => {
    if (e.data?.type === 'audit') void runAudit(e.data, (reply) => scope.postMessage(reply));
  };
}
