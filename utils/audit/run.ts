// The audit page's side of the worker: one worker per file; progress reported; the result put
// together from its parts; the snapshot's diff and the mirror's counts reported after it; the
// worker ended when the mirror is done (or the file refused).
import type { AuditContract, AuditProfessional, AuditResult, AuditWorkplace } from './audit';
import type { AuditDiff } from './snapshot';
import type { AuditReply, AuditRequest, ReadSummary } from './worker';

export interface AuditDone {
  type: 'done';
  read: ReadSummary;
  result: AuditResult;
  ms: { read: number; judge: number };
}
export type AuditFailure = Extract<AuditReply, { type: 'error' }>;

export interface AuditCallbacks {
  onProgress: (p: Extract<AuditReply, { type: 'progress' }>) => void;
  /** the comparison with the previous audit (none for the first), once the snapshot is saved */
  onSnapshot?: (diff: AuditDiff | undefined, failed?: string) => void;
  onMirror?: (r: { workplaces: number; contracts: number } | { failed: string }) => void;
}

export function runAuditInWorker(req: Omit<AuditRequest, 'type'>, callbacks: AuditCallbacks): Promise<AuditDone | AuditFailure> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const contracts: AuditContract[] = [];
    const workplaces: AuditWorkplace[] = [];
    const professionals: AuditProfessional[] = [];
    let settled = false;
    const settle = (r: AuditDone | AuditFailure) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    worker.onmessage = (e: MessageEvent<AuditReply>) => {
      const m = e.data;
      switch (m.type) {
        case 'progress':
          callbacks.onProgress(m);
          break;
        case 'part':
          if (m.list === 'contracts') for (const x of m.items) contracts.push(x);
          else if (m.list === 'workplaces') for (const x of m.items) workplaces.push(x);
          else for (const x of m.items) professionals.push(x);
          break;
        case 'done':
          settle({ type: 'done', read: m.read, ms: m.ms, result: { ...m.result, contracts, workplaces, professionals } });
          if (req.dbName === undefined) worker.terminate();
          break;
        case 'snapshot':
          callbacks.onSnapshot?.(m.diff, m.failed);
          break;
        case 'mirror':
          callbacks.onMirror?.({ workplaces: m.workplaces, contracts: m.contracts });
          worker.terminate();
          break;
        case 'mirror-failed':
          callbacks.onMirror?.({ failed: m.detail });
          worker.terminate();
          break;
        case 'error':
          worker.terminate();
          settle(m);
          break;
      }
    };
    // the worker died (out of memory on a hostile file, a crash): the page and the data are untouched
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      if (settled) {
        callbacks.onMirror?.({ failed: e.message || 'worker' });
        return;
      }
      settle({
        type: 'error',
        code: 'worker',
        text: {
          tr: 'Dosya okunurken denetim işlemi durdu (dosya bozuk ya da çok büyük olabilir); hiçbir şey değişmedi.',
          en: 'The audit stopped while reading the file (it may be damaged or too big); nothing changed.',
        },
      });
    };
    worker.postMessage({ type: 'audit', ...req } satisfies AuditRequest, [req.bytes]);
  });
}
