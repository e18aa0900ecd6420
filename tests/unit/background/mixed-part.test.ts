// One part of a big list that mixes new people, people the mirror knows under a portal id and
// people it knows only by their stable key (workplace, person, role, start) is merged exactly as
// the same records sent one report each: the same rows under the same keys, the same history.
// The batched reads of a part must never resolve a record differently. (Checklists follow the
// part's final state: a row approved later in the same part gets no step 7 of a pending one.)
import { describe, expect, test } from 'vitest';
import { exportBackup, type KatipDb } from '@/utils/db';
import { upsertPageReport } from '@/utils/background/page-report';
import { freshDb, gridRow, report, SICIL, WORKPLACE } from '../db/fixtures';
import type { AssignmentFacts, PageRecord } from '@/utils/records';

const EARLIER = '2024-05-01T08:00:00.000Z';
const NOW = '2024-06-01T10:00:00.000Z';

/** What the mirror held before the part: one row found by its portal id, two by their stable keys only. */
async function seed(db: KatipDb): Promise<void> {
  // known under portal id 4711, filed under its stable key (the old approval form merged the id into the grid row)
  await upsertPageReport(db, report('old-contracts', [gridRow({ personName: 'Ayşe Yılmaz', tckn: '10000000146', role: 'igu', startDate: '2024-03-05', minutes: 1200, approvalState: 'pending', contractState: 'active' })]), EARLIER);
  const ayse = (await db.assignments.toArray())[0]!;
  await db.assignments.put({ ...ayse, portalId: '4711' });
  // known only by stable keys: no portal id stored
  await upsertPageReport(
    db,
    report('old-contracts', [
      gridRow({ personName: 'Mehmet Öztürk', role: 'ih', startDate: '2024-01-10', minutes: 600, approvalState: 'approved', contractState: 'active' }),
      gridRow({ personName: 'Zeynep Kaya', role: 'dsp', startDate: '2024-02-02', minutes: 200, approvalState: 'pending', contractState: 'active' }),
    ]),
    EARLIER,
  );
}

const shown: AssignmentFacts[] = [
  // known by portal id only (with spaces, as cells show it; no TCKN shown, so its stable key differs): minutes and approval change
  { portalId: ' 4711 ', personName: 'Ayşe Yılmaz', role: 'igu', startDate: '2024-03-05', minutes: 1300, approvalState: 'approved', contractState: 'active' },
  // new, with a portal id: 'portal:<id>'
  { portalId: '5001', personName: 'Ali Işık', role: 'igu', startDate: '2024-04-01', minutes: 900, approvalState: 'pending', contractState: 'active' },
  // known only by the stable key, now shown with a portal id: stays under its stable key, gains the id
  { portalId: '5002', personName: 'MEHMET ÖZTÜRK', role: 'ih', startDate: '2024-01-10', minutes: 600, approvalState: 'approved', contractState: 'ended' },
  // known only by the stable key, shown without an id and unchanged: nothing written for it
  { personName: 'Zeynep Kaya', role: 'dsp', startDate: '2024-02-02', minutes: 200, approvalState: 'pending', contractState: 'active' },
  // new, without a portal id: its stable key
  { personName: 'Elif Şahin', role: 'dsp', startDate: '2024-02-15', minutes: 150, approvalState: 'pending', contractState: 'active' },
  // the new portal-id row again, later in the same part (a grid may list a row twice): one row
  { portalId: '5001', personName: 'Ali Işık', role: 'igu', startDate: '2024-04-01', minutes: 950, approvalState: 'pending', contractState: 'active' },
  // the new stable-key row again, now with a portal id: it joins the row made a moment before
  { portalId: '5003', personName: 'elif şahin', role: 'dsp', startDate: '2024-02-15', minutes: 150, approvalState: 'approved', contractState: 'active' },
];
const records: PageRecord[] = shown.map((a) => gridRow(a, WORKPLACE));

/** The mirror's rows and history (history ids aside: they count writes, not facts). */
async function mirror(db: KatipDb) {
  const { workplaces, assignments } = await exportBackup(db);
  const history = (await db.history.orderBy('id').toArray()).map(({ id: _id, ...h }) => h);
  return { workplaces, assignments, history };
}

/** Per checklist: the steps ticked, as `step:done`. */
async function checklists(db: KatipDb) {
  return Object.fromEntries((await db.checklists.toArray()).map((c) => [c.assignmentKey, Object.entries(c.steps).map(([id, t]) => `${id}:${t!.done}`).join(' ')]));
}

describe('a part mixing new and known records', () => {
  test('merges as the same records one report each: same rows, keys and history (changes only: a first sighting is the row itself)', async () => {
    const batched = freshDb();
    const single = freshDb();
    try {
      await seed(batched);
      await seed(single);
      const summary = await upsertPageReport(batched, report('new-contracts', records), NOW);
      for (const record of records) await upsertPageReport(single, report('new-contracts', [record]), NOW);
      expect(await mirror(batched)).toEqual(await mirror(single));

      const rows = new Map((await batched.assignments.toArray()).map((r) => [r.key, r]));
      const stable = (person: string, role: string, start: string) => `a:sgk:${SICIL}|${person}|${role}|${start}`;
      expect([...rows.keys()].sort()).toEqual(
        [stable('t10000000146', 'igu', '2024-03-05'), stable('nmehmet ozturk', 'ih', '2024-01-10'), stable('nzeynep kaya', 'dsp', '2024-02-02'), stable('nelif sahin', 'dsp', '2024-02-15'), 'portal:5001'].sort(),
      );
      expect(rows.get(stable('t10000000146', 'igu', '2024-03-05'))).toMatchObject({ portalId: '4711', minutes: 1300, approvalState: 'approved', pending: 0, firstSeenAt: EARLIER, lastSeenAt: NOW });
      expect(rows.get(stable('nmehmet ozturk', 'ih', '2024-01-10'))).toMatchObject({ portalId: '5002', contractState: 'ended', lastSeenAt: NOW });
      expect(rows.get(stable('nzeynep kaya', 'dsp', '2024-02-02'))).toMatchObject({ lastSeenAt: EARLIER });
      expect(rows.get(stable('nelif sahin', 'dsp', '2024-02-15'))).toMatchObject({ portalId: '5003', approvalState: 'approved', firstSeenAt: NOW });
      expect(rows.get('portal:5001')).toMatchObject({ minutes: 950, pending: 1 });
      expect(summary).toMatchObject({ assignments: 7, created: 2 });

      const history = (await batched.history.toArray()).filter((h) => h.at === NOW);
      const seen = history.map((h) => `${h.assignmentKey} ${h.field} ${h.from ?? '-'}→${h.to}`).sort();
      expect(seen).toEqual(
        [
          `${stable('t10000000146', 'igu', '2024-03-05')} approvalState pending→approved`,
          `${stable('t10000000146', 'igu', '2024-03-05')} minutes 1200→1300`,
          `${stable('nmehmet ozturk', 'ih', '2024-01-10')} contractState active→ended`,
          'portal:5001 minutes 900→950',
          `${stable('nelif sahin', 'dsp', '2024-02-15')} approvalState pending→approved`,
        ].sort(),
      );
      // the pending ones of the part (and those pending before it) have their checklists, ticked as before
      expect(await checklists(batched)).toEqual({
        [stable('nelif sahin', 'dsp', '2024-02-15')]: '1:true 3:true 4:true 5:true 9:true',
        [stable('nzeynep kaya', 'dsp', '2024-02-02')]: '1:true 3:true 4:true 5:true 7:true',
        [stable('t10000000146', 'igu', '2024-03-05')]: '1:true 3:true 4:true 7:true 9:true',
        'portal:5001': '1:true 3:true 4:true 7:true',
      });
    } finally {
      await batched.delete();
      await single.delete();
    }
  });
});
