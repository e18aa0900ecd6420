// The portal's own Excel export of every contract (read by the audit page into PageRecords with
// the shared column vocabulary) merged into the mirror under the same keys as the portal's
// screens: afterwards the in-page marks know N, the hazard class and the NACE code of every
// workplace in the file. Batched (utils/db/sightings.ts), in short transactions, with counts.
import { PageRecordSchema, type PageRecord, type ScreenId, type WorkplaceFacts } from '../records';
import type { KatipDb } from './schema';
import { chunks, mergeSightings, namesWorkplace, type Sighting } from './sightings';

export interface ImportContractsOptions {
  /** when the file was read (ISO time); default now */
  at?: string;
  /** the screen the rows count as seen on (history, `seen.screen`); default 'new-contracts', whose list the export is of */
  screen?: ScreenId;
  /** facts that hold for every row (an export of one workplace's contracts that has no workplace columns) */
  workplace?: WorkplaceFacts;
  /** records per transaction; default 1000 */
  chunkSize?: number;
  /** called after every chunk with the records done so far */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportContractsResult {
  /** records given */
  records: number;
  workplaces: { created: number; changed: number; /** distinct workplaces the rows named */ named: number };
  assignments: { created: number; changed: number; unchanged: number };
  /** state changes recorded (approval, contract state, minutes) */
  history: number;
  /** records with nothing to key them by (no workplace, no person, no contract id) */
  skipped: number;
  /** records refused as malformed: their position in `records` and why (at most 20 listed) */
  invalid: { count: number; first: { index: number; path: string }[] };
}

/**
 * Merges the export's rows into the mirror: workplaces (seen facts merged, never erased by an
 * empty cell) and their assignments, history rows for state changes. Rows the mirror already
 * holds unchanged write nothing, so importing the same file twice changes nothing.
 */
export async function importContracts(db: KatipDb, records: readonly PageRecord[], opts: ImportContractsOptions = {}): Promise<ImportContractsResult> {
  const at = opts.at ?? new Date().toISOString();
  const screen = opts.screen ?? 'new-contracts';
  const size = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
  const result: ImportContractsResult = {
    records: records.length,
    workplaces: { created: 0, changed: 0, named: 0 },
    assignments: { created: 0, changed: 0, unchanged: 0 },
    history: 0,
    skipped: 0,
    invalid: { count: 0, first: [] },
  };
  const common = opts.workplace && namesWorkplace(opts.workplace) ? opts.workplace : undefined;
  const sightings: Sighting[] = [];
  records.forEach((input, index) => {
    const parsed = PageRecordSchema.safeParse(input);
    if (!parsed.success) {
      result.invalid.count++;
      if (result.invalid.first.length < 20) result.invalid.first.push({ index, path: parsed.error.issues[0]?.path.map(String).join('.') ?? '' });
      return;
    }
    const record = parsed.data;
    const sighting: Sighting = {};
    const workplace = { ...opts.workplace, ...record.workplace };
    if (namesWorkplace(workplace)) sighting.workplace = workplace;
    if (record.assignment) sighting.assignment = record.assignment;
    sightings.push(sighting);
  });

  // the common workplace first, so every row without workplace columns files under it
  let commonKey: string | undefined;
  const named = new Set<string>();
  let done = 0;
  for (const part of chunks(sightings, size)) {
    await db.transaction('rw', [db.workplaces, db.assignments, db.history], async () => {
      if (common && commonKey === undefined) {
        const first = await mergeSightings(db, [{ workplace: common }], at, screen);
        commonKey = first.results[0]?.workplaceKey;
        result.workplaces.created += first.workplacesCreated;
        result.workplaces.changed += first.workplacesChanged;
      }
      const merged = await mergeSightings(db, part.map((s) => (s.workplace || !commonKey ? s : { ...s, workplaceKey: commonKey })), at, screen);
      result.workplaces.created += merged.workplacesCreated;
      result.workplaces.changed += merged.workplacesChanged;
      result.history += merged.history;
      merged.results.forEach((r, i) => {
        if (r.workplaceKey) named.add(r.workplaceKey);
        const a = r.assignment;
        if (a) {
          if (a.created) result.assignments.created++;
          else if (a.changed) result.assignments.changed++;
          else result.assignments.unchanged++;
        } else if (part[i]!.assignment || !r.workplaceKey) result.skipped++;
      });
    });
    done += part.length;
    opts.onProgress?.(done, sightings.length);
  }
  result.workplaces.named = named.size;
  return result;
}
