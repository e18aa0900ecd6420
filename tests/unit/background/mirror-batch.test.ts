// Parts of a long list that queue up in the service worker are written together, in one
// transaction (upsertPageReports): the mirror must hold exactly what writing them one after
// another holds (rows, keys, history, checklists, summaries), and a batch that fails half-way
// leaves nothing of it behind; the handler then writes each part alone, so only the bad one fails.
import { describe, expect, test, vi } from 'vitest';
import { exportBackup, type KatipDb } from '@/utils/db';
import { handlePageReport, RECOUNT_AFTER_MS, upsertPageReport, upsertPageReports } from '@/utils/background/page-report';
import { tabStorage } from '@/utils/db/tab-reports';
import { splitPageReport } from '@/utils/page-report-parts';
import type { PageReport } from '@/utils/messages';
import type { AssignmentFacts, PageRecord } from '@/utils/records';
import { finding, freshDb, gridRow, report, useFreshDb } from '../db/fixtures';

const EARLIER = '2024-05-01T08:00:00.000Z';
const NOW = '2024-06-01T10:00:00.000Z';

const person = (i: number, extra: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  personName: `Kişi ${i}`,
  role: (['igu', 'ih', 'dsp'] as const)[i % 3],
  startDate: `2024-0${(i % 9) + 1}-01`,
  minutes: 300 + i,
  approvalState: i % 2 ? 'approved' : 'pending',
  contractState: 'active',
  ...extra,
});

/** What the mirror held before: people 0-9 seen a month earlier, some with a portal id. */
async function seed(db: KatipDb): Promise<void> {
  const rows = Array.from({ length: 10 }, (_, i) => gridRow(person(i, i % 3 === 0 ? { portalId: String(9000 + i) } : {})));
  await upsertPageReport(db, report('new-contracts', rows), EARLIER);
}

/**
 * A list of 30 rows sent in parts of 7: people 0-9 again (status and minutes changed on some,
 * one shown by its portal id only), 10-24 new, 25-29 repeating rows of earlier parts (one
 * assignment, not two); certificate and NACE findings on some rows.
 */
function list(): PageReport[] {
  const records: PageRecord[] = [];
  for (let i = 0; i < 25; i++) {
    const changed = i < 10 && i % 4 === 0 ? { approvalState: 'approved' as const, minutes: 999 } : {};
    records.push(gridRow(person(i, i === 3 ? { portalId: '9003', personName: undefined } : changed)));
  }
  for (let i = 0; i < 5; i++) records.push(gridRow(person(12 + i * 2, { minutes: 777 })));
  const findings = [finding('certificate-class', 2), finding('nace-class-mismatch', 11), finding('certificate-class', 26)];
  return splitPageReport(report('new-contracts', records, { findings }), { records: 7 });
}

/** The mirror's rows, history (ids aside) and checklists. */
async function mirror(db: KatipDb) {
  const { workplaces, assignments } = await exportBackup(db);
  const history = (await db.history.orderBy('id').toArray()).map(({ id: _id, ...h }) => h);
  const checklists = await db.checklists.orderBy('assignmentKey').toArray();
  return { workplaces, assignments, history, checklists };
}

describe('parts written together', () => {
  test('hold what the parts written one after another hold, with the same summaries', async () => {
    const together = freshDb();
    const alone = freshDb();
    try {
      await seed(together);
      await seed(alone);
      const parts = list();
      expect(parts.length).toBeGreaterThan(3);
      const summaries = [];
      for (const part of parts) summaries.push(await upsertPageReport(alone, part, NOW));
      // an old-contracts report of its own joins the batch too
      const old = report('old-contracts', [{ kind: 'assignment', assignment: person(40) }, { kind: 'assignment', assignment: person(41) }]);
      summaries.push(await upsertPageReport(alone, old, NOW));
      expect(await upsertPageReports(together, [...parts, old], NOW)).toEqual(summaries);
      const written = await mirror(together);
      expect(written).toEqual(await mirror(alone));
      expect(written.history.length).toBeGreaterThan(0);
      expect(written.checklists.length).toBeGreaterThan(10);
    } finally {
      await together.delete();
      await alone.delete();
    }
  });
});

describe('a batch that fails half-way', () => {
  let db: KatipDb;
  useFreshDb((fresh) => (db = fresh));

  /** checklists of `bad` people cannot be written (the last write of their part) */
  const failChecklistsOf = (bad: string) => {
    const put = db.checklists.bulkPut.bind(db.checklists);
    return vi.spyOn(db.checklists, 'bulkPut').mockImplementation(((rows: { assignmentKey: string }[]) =>
      rows.some((r) => r.assignmentKey.includes(bad)) ? Promise.reject(new Error('disk full')) : put(rows as never)) as never);
  };

  test('leaves nothing of any of its parts', async () => {
    const pending = (name: string) => gridRow(person(0, { personName: name }));
    failChecklistsOf('bozuk');
    const first = report('new-contracts', [pending('İyi Bir'), pending('İyi İki')]);
    const second = report('new-contracts', [pending('Bozuk Kayıt')]);
    await expect(upsertPageReports(db, [first, second], NOW)).rejects.toThrow('disk full');
    expect(await db.assignments.count()).toBe(0);
    expect(await db.workplaces.count()).toBe(0);
    expect(await db.checklists.count()).toBe(0);
  });

  test('then each part is written alone: the good ones are stored, only the bad one is refused', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failChecklistsOf('bozuk');
    const sender = { tab: { id: 3 }, frameId: 0 };
    const pending = (name: string) => gridRow(person(0, { personName: name }));
    // sent without waiting: the three are written together
    const replies = await Promise.all([
      handlePageReport(db, report('new-contracts', [pending('İyi Bir')]), sender),
      handlePageReport(db, report('new-contracts', [pending('Bozuk Kayıt')]), sender),
      handlePageReport(db, report('new-contracts', [pending('İyi İki')]), sender),
    ]);
    expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
    const keys = (await db.assignments.toArray()).map((r) => r.personName).sort();
    expect(keys).toEqual(['İyi Bir', 'İyi İki']);
    expect(await db.checklists.count()).toBe(2);
    // the three were tried together first
    expect(warn).toHaveBeenCalledWith('[KATİP Asistanı] page-report parts written one by one', expect.objectContaining({ parts: 3 }));
  });
});

describe('the pending list counted again after page reports', () => {
  let db: KatipDb;
  useFreshDb((fresh) => (db = fresh));
  const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

  test('waits while a report is still in hand, then counts once the reports stop', async () => {
    const sender = { tab: { id: 4 }, frameId: 0 };
    await handlePageReport(db, report('new-contracts', [gridRow(person(0))]), sender);
    // the next report is still being kept for the popup when the quiet time of the first is over
    const storage = tabStorage();
    const set = storage.set.bind(storage);
    const slow = vi.spyOn(storage, 'set').mockImplementation(async (items) => {
      await sleep(RECOUNT_AFTER_MS + 700);
      return set(items);
    });
    const second = handlePageReport(db, report('new-contracts', [gridRow(person(2))]), sender);
    await sleep(RECOUNT_AFTER_MS + 300);
    expect(await db.meta.get('pending-count')).toBeUndefined();
    await second;
    slow.mockRestore();
    await sleep(RECOUNT_AFTER_MS + 300);
    expect(await db.meta.get('pending-count')).toMatchObject({ rows: 2 });
  }, 15_000);
});
