// Which rows of a big grid are on screen (or near it): their cells get their marks now, the others
// when they are scrolled to (utils/content/marks.ts, revealRecord).

/**
 * The first and last index of `rows` (in document order, so top to bottom) whose box lies within a
 * screen's height above or below the viewport, found by bisection: about 30 boxes read for 20,000
 * rows. Rows that have no box (no layout, as in a test document) all count as in view. An empty
 * range is [n, n - 1].
 */
export function rowsInView(rows: readonly Element[], viewportHeight: number): [number, number] {
  const n = rows.length;
  const margin = Math.max(viewportHeight, 200);
  const box = (i: number) => rows[i]!.getBoundingClientRect();
  let lo = 0;
  let hi = n - 1;
  let first = n;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom >= -margin) {
      first = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  let last = first - 1;
  lo = first;
  hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).top <= viewportHeight + margin) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return [first, last];
}
