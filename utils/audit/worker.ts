// The audit's worker: reads the export file and judges every contract off the page's main thread,
// so a 20,000-row file never freezes the page. Loaded only by the audit page.
import type { RuleId } from '@/utils/rules/types';
import type { WorkplaceFacts } from '@/utils/records';
import { auditContracts, type AuditResult } from './audit';
import { ExportReadError, readExportFile, type ExportRead } from './read-file';
import type { Bilingual } from '@/utils/rules/types';

export interface AuditRequest {
  type: 'audit';
  bytes: ArrayBuffer;
  fileName: string;
  disabled: RuleId[];
  profiles: [string, WorkplaceFacts][];
  remaining: [string, { minutes: number; at?: string }][];
  today?: string;
}

export type AuditReply =
  | { type: 'progress'; stage: 'read' | 'judge'; done: number; total: number }
  | { type: 'done'; read: ExportRead; result: AuditResult; ms: { read: number; judge: number } }
  | { type: 'error'; code: string; text: Bilingual };

/** The whole job, for the worker and for tests: read, then judge, reporting progress. */
export function runAudit(req: AuditRequest, post: (reply: AuditReply) => void): void {
  try {
    post({ type: 'progress', stage: 'read', done: 0, total: 1 });
    const t0 = performance.now();
    const read = readExportFile(new Uint8Array(req.bytes), req.fileName);
    const t1 = performance.now();
    post({ type: 'progress', stage: 'judge', done: 0, total: read.rows.length });
    const opts: Parameters<typeof auditContracts>[1] = {
      disabled: new Set(req.disabled),
      profiles: new Map(req.profiles),
      remaining: new Map(req.remaining),
      onProgress: (done, total) => post({ type: 'progress', stage: 'judge', done, total }),
    };
    if (req.today) opts.today = req.today;
    const result = auditContracts(read.rows, opts);
    post({ type: 'done', read, result, ms: { read: t1 - t0, judge: performance.now() - t1 } });
  } catch (e) {
    if (e instanceof ExportReadError) post({ type: 'error', code: e.code, text: e.text });
    else
      post({
        type: 'error',
        code: 'internal',
        text: {
          tr: `Dosya denetlenirken beklenmeyen bir hata oldu; hiçbir şey değişmedi. (${e instanceof Error ? e.message : String(e)})`,
          en: `Something unexpected went wrong while auditing the file; nothing changed. (${e instanceof Error ? e.message : String(e)})`,
        },
      });
  }
}

// in a worker: answer the page
const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<AuditRequest>) => void) | null; postMessage(m: AuditReply): void; document?: unknown };
if (typeof scope.document === 'undefined' && typeof scope.postMessage === 'function') {
  scope.onmessage = (e) => {
    if (e.data?.type === 'audit') runAudit(e.data, (reply) => scope.postMessage(reply));
  };
}
