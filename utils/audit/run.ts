// The audit page's side of the worker: one worker per file, progress reported, ended when done.
import type { AuditReply, AuditRequest } from './worker';

export type AuditDone = Extract<AuditReply, { type: 'done' }>;
export type AuditFailure = Extract<AuditReply, { type: 'error' }>;

export function runAuditInWorker(
  req: Omit<AuditRequest, 'type'>,
  onProgress: (p: Extract<AuditReply, { type: 'progress' }>) => void,
): Promise<AuditDone | AuditFailure> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const finish = (r: AuditDone | AuditFailure) => {
      worker.terminate();
      resolve(r);
    };
    worker.onmessage = (e: MessageEvent<AuditReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m);
      else finish(m);
    };
    // the worker died (out of memory on a hostile file, a crash): the page and the data are untouched
    worker.onerror = (e) => {
      e.preventDefault();
      finish({
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
