// The export's rows into the local mirror, under the same keys as the portal's screens (so the
// in-page marks learn N, hazard class and NACE for every workplace in the file). Interim: over the
// mirror's own merge functions, in short transactions, until utils/db/import-contracts.ts
// (importContracts, the mirror's) lands on main; then this calls it.
import { resolveAssignmentKey, upsertAssignment, upsertSeenWorkplace, namesWorkplace } from '@/utils/background/mirror';
import type { KatipDb } from '@/utils/db/schema';
import type { RowRead } from './read-file';

const CHUNK = 500;

export async function mergeExportIntoMirror(db: KatipDb, rows: readonly RowRead[], at = new Date().toISOString()): Promise<{ workplaces: number; contracts: number }> {
  const workplaceKeys = new Set<string>();
  let contracts = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const slice = rows.slice(start, start + CHUNK);
    await db.transaction('rw', [db.workplaces, db.assignments, db.history], async () => {
      const memo = new Map<string, string | undefined>();
      for (const { record } of slice) {
        let wkey: string | undefined;
        if (record.workplace && namesWorkplace(record.workplace)) {
          const m = JSON.stringify(record.workplace);
          if (!memo.has(m)) memo.set(m, await upsertSeenWorkplace(db, record.workplace, at, 'new-contracts'));
          wkey = memo.get(m);
          if (wkey) workplaceKeys.add(wkey);
        }
        if (!record.assignment) continue;
        const key = await resolveAssignmentKey(db, wkey, record.assignment);
        if (!key) continue;
        await upsertAssignment(db, key, wkey, record.assignment, at, 'new-contracts');
        contracts++;
      }
    });
  }
  return { workplaces: workplaceKeys.size, contracts };
}
