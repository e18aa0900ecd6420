// The export's rows into the local mirror, under the same keys as the portal's screens (so the
// in-page marks learn N, hazard class and NACE for every workplace in the file): the mirror's
// importContracts (batched, in short transactions).
import { importContracts } from '@/utils/db/import-contracts';
import type { KatipDb } from '@/utils/db/schema';
import type { RowRead } from './read-file';

export async function mergeExportIntoMirror(db: KatipDb, rows: readonly RowRead[], at = new Date().toISOString()): Promise<{ workplaces: number; contracts: number }> {
  const result = await importContracts(db, rows.map((row) => row.record), { at, screen: 'new-contracts' });
  const { created, changed, unchanged } = result.assignments;
  return { workplaces: result.workplaces.named, contracts: created + changed + unchanged };
}
