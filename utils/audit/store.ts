// Audit snapshots in the mirror (table auditSnapshots, schema v3): the last one is what "since the
// last import" compares with. At most KEEP snapshots are kept, the oldest dropped first.
import type { KatipDb } from '@/utils/db/schema';
import { personKeyOf, portalAssignmentKey } from '@/utils/keys';
import { factsOnly } from '@/utils/db/queries';
import type { WorkplaceFacts } from '@/utils/records';
import type { RemainingSeen } from './audit';
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

/**
 * Every "Kalan Max. Ayl. Çlş. Süresi (Dk)" the mirror kept (the approval form shows it beside the
 * assignment being approved), for auditContracts: under `assignment:<key>` (and the portal id's
 * key) and under the person's key, the latest one winning.
 */
export async function remainingSeen(db: KatipDb): Promise<[string, RemainingSeen][]> {
  const rows = await db.assignments.filter((r) => r.remaining !== undefined).toArray();
  const out = new Map<string, RemainingSeen>();
  const put = (k: string | undefined, v: RemainingSeen) => {
    if (!k) return;
    const old = out.get(k);
    if (!old || (old.at ?? '') < (v.at ?? '')) out.set(k, v);
  };
  for (const r of rows) {
    const v: RemainingSeen = { minutes: r.remaining!.minutes, at: r.remaining!.at, assignmentKey: r.key };
    put(`assignment:${r.key}`, v);
    const portal = portalAssignmentKey(r);
    if (portal && portal !== r.key) put(`assignment:${portal}`, { ...v, assignmentKey: portal });
    put(personKeyOf(r), portal ? { ...v, assignmentKey: portal } : v);
  }
  return [...out];
}

/** The user's own workplace profiles (facts they entered), by workplace key: they fill what a file lacks. */
export async function workplaceProfiles(db: KatipDb): Promise<[string, WorkplaceFacts][]> {
  const rows = await db.workplaces.filter((r) => r.profile !== undefined).toArray();
  const out: [string, WorkplaceFacts][] = [];
  for (const r of rows) {
    const p = factsOnly(r.profile);
    if (p) out.push([r.key, p]);
  }
  return out;
}
