// Work in steps: a generator that yields now and then (a place where the caller may pause and give
// the page a turn) and returns its result. Run to the end at once with runSteps, or in slices by the
// content script (utils/content/pace.ts).

/** Runs steps to the end, without pausing. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
