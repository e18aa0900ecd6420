// Reading many rows by key with few IndexedDB requests. Every get is its own request, and requests
// (not bytes) are what a big page report waits on: for a batch of keys that is large against the
// table, one request for all the table's keys tells which exist, and only those are fetched.
import type { Table } from 'dexie';

/** below this many keys a get per key is as cheap as anything else */
const SCAN_FROM = 64;
/** keys are read whole while the table holds at most this many rows per key asked */
const ROWS_PER_KEY = 8;

/**
 * The rows of `keys`, in their order (undefined where none is stored), inside the caller's
 * transaction when there is one: a get per key for few keys; for many, the table's primary keys
 * in one request (when it is not much bigger than the batch) and a get only for those present.
 */
export async function getMany<T, I>(table: Table<T, string, I>, keys: readonly string[]): Promise<(T | undefined)[]> {
  if (keys.length < SCAN_FROM) return table.bulkGet([...keys]);
  const count = await table.count();
  if (count === 0) return keys.map(() => undefined);
  if (count > keys.length * ROWS_PER_KEY) return table.bulkGet([...keys]);
  const stored = new Set(await table.toCollection().primaryKeys());
  const present = [...new Set(keys.filter((key) => stored.has(key)))];
  const rows = present.length ? await table.bulkGet(present) : [];
  const byKey = new Map(present.map((key, i) => [key, rows[i]]));
  return keys.map((key) => byKey.get(key));
}
