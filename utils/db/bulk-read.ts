// Reading many rows by key with few IndexedDB requests. Every get is its own request, and requests
// (not bytes) are what a big page report waits on: for a batch of keys, one read of the primary
// keys from the smallest asked on tells which exist, and the rows present are read a run at a time
// (one getAll over a key range) where they lie close together.
import type { Table } from 'dexie';

/** below this many keys a get per key is as cheap as anything else */
const SCAN_FROM = 64;
/** stored keys read per key asked at most (reading a key costs about a tenth of a get) */
const ROWS_PER_KEY = 8;
/** a run of present rows may hold this many rows not asked for between two asked ones (read and dropped) */
const RUN_GAP = 4;
/** a run shorter than this is read with a get per row */
const RUN_FROM = 8;

/** Where the rows asked for lie among the stored keys: key ranges read whole, and single keys. */
export interface ReadPlan {
  /** [first, last] stored keys of a run: every row between them is read in one request */
  runs: [string, string][];
  singles: string[];
}

/**
 * How to read the `wanted` rows among `stored` keys (in key order) with few requests: consecutive
 * wanted keys at most RUN_GAP unwanted rows apart form a run; runs of RUN_FROM rows or more are read
 * whole, the rest a get each. Pure.
 */
export function readPlan(stored: readonly string[], wanted: ReadonlySet<string>, gap = RUN_GAP, runFrom = RUN_FROM): ReadPlan {
  const plan: ReadPlan = { runs: [], singles: [] };
  let run: string[] = [];
  let skipped = 0;
  const close = () => {
    if (run.length >= runFrom) plan.runs.push([run[0]!, run[run.length - 1]!]);
    else plan.singles.push(...run);
    run = [];
  };
  for (const key of stored) {
    if (!wanted.has(key)) {
      if (run.length && ++skipped > gap) close();
      continue;
    }
    skipped = 0;
    run.push(key);
  }
  close();
  return plan;
}

/**
 * The rows of `keys`, in their order (undefined where none is stored), inside the caller's
 * transaction when there is one: a get per key for few keys; for many, the stored keys from the
 * smallest asked on (at most ROWS_PER_KEY per key asked, in one request), the rows present among
 * them a run at a time, and a get for each asked key beyond the last stored key read.
 */
export async function getMany<T, I>(table: Table<T, string, I>, keys: readonly string[]): Promise<(T | undefined)[]> {
  if (keys.length < SCAN_FROM) return table.bulkGet([...keys]);
  const wanted = new Set(keys);
  let lowest = keys[0]!;
  let highest = keys[0]!;
  for (const key of wanted) {
    if (key < lowest) lowest = key;
    if (key > highest) highest = key;
  }
  const limit = wanted.size * ROWS_PER_KEY;
  const stored = (await table.where(':id').between(lowest, highest, true, true).limit(limit).primaryKeys()) as string[];
  // every stored key of the range was read, or those up to the last one read
  const readTo = stored.length < limit ? highest : stored[stored.length - 1]!;
  const plan = readPlan(stored, wanted);
  for (const key of wanted) if (key > readTo) plan.singles.push(key);
  const [singles, ...runs] = await Promise.all([
    plan.singles.length ? table.bulkGet(plan.singles) : [],
    ...plan.runs.map(([first, last]) => table.where(':id').between(first, last, true, true).toArray()),
  ]);
  const byKey = new Map<string, T>();
  plan.singles.forEach((key, i) => {
    const row = singles[i];
    if (row !== undefined) byKey.set(key, row);
  });
  const primaryKey = table.schema.primKey.keyPath as string;
  for (const rows of runs) {
    for (const row of rows) {
      const key = (row as Record<string, unknown>)[primaryKey] as string;
      if (wanted.has(key)) byKey.set(key, row);
    }
  }
  return keys.map((key) => byKey.get(key));
}
