// Audit snapshots in the mirror (table auditSnapshots, schema v3): the last one is what "since the
// last import" compares with. At most KEEP snapshots are kept, the oldest dropped first.
import type { KatipDb } from '@/utils/db/schema';
import { diffSnapshots, type AuditDiff, type AuditSnapshot } from './snapshot';

export const KEEP_SNAPSHOTS = 24;

/** Saves `snapshot` and returns what changed since the previous one (none for the first audit). */
export async function saveSnapshot(db: KatipDb, snapshot: AuditSnapshot): Promise<{ id: number; diff?: AuditDiff }> {
  return db.transaction('rw', db.auditSnapshots, async () => {
    const previous = await db.auditSnapshots.orderBy('at').last();
    const id = (await db.auditSnapshots.add(snapshot)) as number;
    const keys = (await db.auditSnapshots.orderBy('at').primaryKeys()) as number[];
    if (keys.length > KEEP_SNAPSHOTS) await db.auditSnapshots.bulkDelete(keys.slice(0, keys.length - KEEP_SNAPSHOTS));
    return previous ? { id, diff: diffSnapshots(previous, snapshot) } : { id };
  });
}

/** The snapshots kept, newest first, without their contract lists (for a picker). */
export async function listSnapshots(db: KatipDb): Promise<{ id: number; at: string; fileName: string; contracts: number }[]> {
  const rows = await db.auditSnapshots.orderBy('at').reverse().toArray();
  return rows.map((r) => ({ id: r.id!, at: r.at, fileName: r.fileName, contracts: r.contracts.length }));
}
