// The audit page's side of the worker: one worker per file; progress reported; the dashboard's
// figures when the file is judged; then the lists a page at a time, the Excel report and the
// printed report's lists, asked for when they are shown. The snapshot's diff and the mirror's
// counts are reported after the figures. The worker lives until the page closes the audit (a new
// file chosen, the page left), or until it refuses the file.
import type { ExcelOptions } from './excel';
import type { AuditSummary, AuditView, DiffView, PrintData, RowsPage, ViewRow } from './views';
import type { AuditQuery, AuditReply, AuditRequest, ReadSummary } from './worker';

/** A judged file, as the page reaches it: ask for rows, the report, the print lists. */
export interface AuditPort {
  rows<V extends AuditView>(view: V, from: number, count: number): Promise<RowsPage<ViewRow<V>>>;
  excel(opts: Omit<ExcelOptions, 'diff'>): Promise<Blob>;
  print(): Promise<PrintData>;
  close(): void;
}

export interface AuditDone {
  type: 'done';
  read: ReadSummary;
  summary: AuditSummary;
  ms: { read: number; judge: number };
  port: AuditPort;
}
export type AuditFailure = Extract<AuditReply, { type: 'error' }>;

export interface AuditCallbacks {
  onProgress: (p: Extract<AuditReply, { type: 'progress' }>) => void;
  /** the comparison with the previous audit (none for the first), once the snapshot is saved */
  onSnapshot?: (diff: DiffView | undefined, failed?: string) => void;
  onMirror?: (r: { workplaces: number; contracts: number } | { failed: string }) => void;
}

const STOPPED = new Error('the audit was closed');

/** A question without its id (given when it is sent). */
type Question = AuditQuery extends infer Q ? (Q extends AuditQuery ? Omit<Q, 'id'> : never) : never;

export function runAuditInWorker(req: Omit<AuditRequest, 'type'>, callbacks: AuditCallbacks): Promise<AuditDone | AuditFailure> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    let settled = false;
    let closed = false;
    // the snapshot and the mirror merge run to their end even when the page closes the audit first
    let finished = req.dbName === undefined;
    let nextId = 1;
    const waiting = new Map<number, { resolve: (m: AuditReply) => void; reject: (e: Error) => void }>();
    const printParts = new Map<number, PrintData>();
    const close = () => {
      closed = true;
      if (finished) worker.terminate();
      for (const w of waiting.values()) w.reject(STOPPED);
      waiting.clear();
    };
    const ask = (q: Question): Promise<AuditReply> =>
      new Promise((res, rej) => {
        if (closed) return rej(STOPPED);
        const id = nextId++;
        waiting.set(id, { resolve: res, reject: rej });
        worker.postMessage({ ...q, id } as AuditQuery);
      });
    const port: AuditPort = {
      rows: async (view, from, count) => ((await ask({ type: 'rows', view, from, count })) as Extract<AuditReply, { type: 'rows' }>).page as RowsPage<ViewRow<typeof view>>,
      excel: async (opts) => {
        const m = (await ask({ type: 'excel', opts })) as Extract<AuditReply, { type: 'excel' }>;
        if (!m.blob) throw new Error(m.failed ?? 'excel');
        return m.blob;
      },
      print: async () => ((await ask({ type: 'print' })) as Extract<AuditReply, { type: 'print' }>).part,
      close,
    };
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
        case 'done':
          settle({ type: 'done', read: m.read, ms: m.ms, summary: m.summary, port });
          break;
        case 'rows':
        case 'excel':
          waiting.get(m.id)?.resolve(m);
          waiting.delete(m.id);
          break;
        case 'print': {
          // the lists come in parts; the answer is the whole
          const got = printParts.get(m.id) ?? { workplaces: [], professionals: [] };
          for (const w of m.part.workplaces) got.workplaces.push(w);
          for (const p of m.part.professionals) got.professionals.push(p);
          if (!m.last) printParts.set(m.id, got);
          else {
            printParts.delete(m.id);
            waiting.get(m.id)?.resolve({ ...m, part: got });
            waiting.delete(m.id);
          }
          break;
        }
        case 'snapshot':
          if (!closed) callbacks.onSnapshot?.(m.diff, m.failed);
          break;
        case 'mirror':
        case 'mirror-failed':
          finished = true;
          if (!closed) callbacks.onMirror?.(m.type === 'mirror' ? { workplaces: m.workplaces, contracts: m.contracts } : { failed: m.detail });
          else worker.terminate();
          break;
        case 'error':
          finished = true;
          close();
          settle(m);
          break;
      }
    };
    // the worker died (out of memory on a hostile file, a crash): the page and the data are untouched
    worker.onerror = (e) => {
      e.preventDefault();
      finished = true;
      close();
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
