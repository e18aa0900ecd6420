// Long work in slices: the content script checks a big list in pieces of a few milliseconds and
// gives the page a turn between them (scheduler.yield() where the browser has it, else a
// MessageChannel message, else a timer), so the page never freezes (issue 10: no long task).

/** How long one slice of work may run before the page gets a turn (ms). */
export const SLICE_MS = 8;

/** Thrown at a pause when the work is no longer wanted (a newer check replaced it). */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the page a turn: resolves in a later task. */
export function yieldToPage(win: Window | typeof globalThis = globalThis): Promise<void> {
  const scheduler = (win as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield.call(scheduler);
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Pace {
  /** true when the current slice is used up */
  due(): boolean;
  /** gives the page a turn; throws Cancelled when the work is no longer wanted */
  pause(): Promise<void>;
  /** runs steps (a generator yielding now and then) to the end, pausing between slices */
  run<T>(steps: Generator<void, T, void>): Promise<T>;
  /** waits for `promise` (a reply): the wait is not work */
  wait<T>(promise: Promise<T>): Promise<T>;
  /** the time spent working, pauses left out (ms) */
  busyMs(): number;
}

export interface PaceOptions {
  now: () => number;
  /** false once the work is no longer wanted: the next pause throws Cancelled */
  wanted: () => boolean;
  sliceMs?: number;
  yieldFn?: () => Promise<void>;
}

export function createPace({ now, wanted, sliceMs = SLICE_MS, yieldFn = yieldToPage }: PaceOptions): Pace {
  let sliceStart = now();
  let busy = 0;
  const due = () => now() - sliceStart >= sliceMs;
  const pause = async () => {
    busy += now() - sliceStart;
    await yieldFn();
    sliceStart = now();
    if (!wanted()) throw new Cancelled();
  };
  return {
    due,
    pause,
    async run<T>(steps: Generator<void, T, void>): Promise<T> {
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        if (due()) await pause();
      }
    },
    async wait<T>(promise: Promise<T>): Promise<T> {
      busy += now() - sliceStart;
      try {
        return await promise;
      } finally {
        sliceStart = now();
      }
    },
    busyMs: () => busy + (now() - sliceStart),
  };
}
