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

/** The longest a paint is waited for (a hidden tab paints no frame): then a plain turn serves. */
export const PAINT_WAIT_MS = 100;

/**
 * Resolves after the page's next paint (a frame, then a task), or after PAINT_WAIT_MS when no frame
 * comes (hidden tab). A big grid's light marks wait for it: once every row has its attributes and
 * the page has painted, the rows in view are measured with the layout clean and get their cells'
 * marks (a continuous run of turns may keep the browser from painting until it is starved).
 */
export function afterPaint(win: Window | typeof globalThis = globalThis): Promise<void> {
  const raf = (win as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  if (typeof raf !== 'function') return yieldToPage(win);
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, PAINT_WAIT_MS);
    raf.call(win, () => setTimeout(finish, 0));
  });
}

export interface Pace {
  /** true when the current slice is used up */
  due(): boolean;
  /** gives the page a turn; throws Cancelled when the work is no longer wanted */
  pause(): Promise<void>;
  /** as pause, but the turn lasts until the page has painted (slices of style changes) */
  paint(): Promise<void>;
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
  /** waits for a paint; by default afterPaint, or yieldFn when only that is given (tests) */
  paintFn?: () => Promise<void>;
}

export function createPace({ now, wanted, sliceMs = SLICE_MS, yieldFn, paintFn }: PaceOptions): Pace {
  let sliceStart = now();
  let busy = 0;
  const due = () => now() - sliceStart >= sliceMs;
  const turn = async (wait: () => Promise<void>) => {
    busy += now() - sliceStart;
    await wait();
    sliceStart = now();
    if (!wanted()) throw new Cancelled();
  };
  const plain = yieldFn ?? (() => yieldToPage());
  const painted = paintFn ?? yieldFn ?? (() => afterPaint());
  const pause = () => turn(plain);
  return {
    due,
    pause,
    paint: () => turn(painted),
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
