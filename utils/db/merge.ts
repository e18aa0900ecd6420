// Merging what a portal screen shows into what the mirror already knows: a fact a screen does
// not show never erases a fact another screen showed.

/** Facts of `incoming` that are shown (not undefined, not blank text) and differ from `known`. */
export function changedFacts<T extends object>(known: Partial<T> | undefined, incoming: Partial<T> | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!incoming) return out;
  for (const [name, value] of Object.entries(incoming) as [keyof T, T[keyof T]][]) {
    if (!isShown(value)) continue;
    if (known && sameValue(known[name], value)) continue;
    out[name] = value;
  }
  return out;
}

/** Only the shown facts (drops undefined and blank texts). */
export function shownFacts<T extends object>(facts: T): T {
  const out = {} as T;
  for (const [name, value] of Object.entries(facts) as [keyof T, T[keyof T]][]) if (isShown(value)) out[name] = value;
  return out;
}

function isShown(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string' && value.trim() === '') return false;
  if (typeof value === 'number' && !Number.isFinite(value)) return false;
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
