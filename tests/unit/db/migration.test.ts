// The mirror's schema versions: a v1 database full of data opens under v2 with nothing lost.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { KatipDb, listPendingApprovals, type AssignmentRow } from '@/utils/db';
import { SCHEMA_V1, SCHEMA_V4, type AssignmentRowV1, type WorkplaceRowV1 } from '@/utils/db/schema';
import { turkishOrderKey } from '@/utils/db/pending-index';
import { dedupePending, readPendingPage } from '@/components/pending';
import { AYSE, MEHMET, SICIL, WORKPLACE } from './fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('migration v1 → v2', () => {
  test('a v1 database with data opens under v2: facts moved into the new shape, states in history, pending gets a checklist', async () => {
    const name = `katip-migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const workplace: WorkplaceRowV1 = {
      key: `sgk:${SICIL}`,
      facts: WORKPLACE,
      seenAt: '2024-05-01T10:00:00.000Z',
      screen: 'new-contracts',
      profile: { employees: 130, updatedAt: '2024-05-02T10:00:00.000Z' },
      updatedAt: '2024-05-02T10:00:00.000Z',
    };
    const profileOnly: WorkplaceRowV1 = { key: 'profile:abc', profile: { title: 'Kendi İşyerim', hazardText: 'Az Tehlikeli', updatedAt: '2024-05-03T00:00:00.000Z' }, updatedAt: '2024-05-03T00:00:00.000Z' };
    const ayse: AssignmentRowV1 = {
      key: 'a:ayse',
      workplaceKey: `sgk:${SICIL}`,
      approvalState: 'pending',
      facts: AYSE,
      seenAt: '2024-05-01T10:00:00.000Z',
      screen: 'old-contracts',
    };
    const { approvalState: _dropped, ...mehmetFacts } = MEHMET;
    const mehmet: AssignmentRowV1 = { key: 'a:mehmet', workplaceKey: `sgk:${SICIL}`, approvalState: 'approved', facts: mehmetFacts, seenAt: '2024-04-01T08:00:00.000Z', screen: 'new-contracts' };
    await v1.table('workplaces').bulkPut([workplace, profileOnly]);
    await v1.table('assignments').bulkPut([ayse, mehmet]);
    await v1.table('settings').put({ key: 'settings', language: 'en', disabledRules: ['nace-not-listed'], showTckn: true });
    v1.close();

    const db = new KatipDb(name);
    try {
      expect(db.verno).toBe(5); // v1 → v2 → v3 (audit snapshots table) → v4 (history index dropped) → v5 (pending indexes)
      const seen = await db.workplaces.get(`sgk:${SICIL}`);
      expect(seen?.seen).toEqual({ ...WORKPLACE, at: '2024-05-01T10:00:00.000Z', screen: 'new-contracts' });
      expect(seen?.profile?.employees).toBe(130);
      expect(seen?.sicil).toBe(SICIL);
      expect((seen as unknown as { facts?: unknown }).facts).toBeUndefined();
      expect((await db.workplaces.get('profile:abc'))?.profile?.title).toBe('Kendi İşyerim');

      const a = await db.assignments.get('a:ayse');
      expect(a).toMatchObject({ ...AYSE, label: 'Ayşe Yılmaz (İGU, 1.200 dk)', firstSeenAt: ayse.seenAt, lastSeenAt: ayse.seenAt, lastScreen: 'old-contracts', pending: 1 });
      // the v1 top-level approvalState moved into the facts when the facts lacked it
      expect((await db.assignments.get('a:mehmet'))?.approvalState).toBe('approved');

      const history = await db.history.where('assignmentKey').equals('a:ayse').toArray();
      expect(history.map((h) => [h.field, h.to]).sort()).toEqual([
        ['approvalState', 'pending'],
        ['contractState', 'active'],
        ['minutes', '1200'],
      ]);
      expect((await db.settings.get('settings'))?.language).toBe('en');
      const pending = await listPendingApprovals(db);
      expect(pending.map((p) => p.assignment.key)).toEqual(['a:ayse']);
      expect(pending[0]?.workplace?.key).toBe(`sgk:${SICIL}`);
      expect(await db.checklists.get('a:ayse')).toBeDefined();
    } finally {
      db.close();
    }
  });

  test('an empty v1 database upgrades too', async () => {
    const name = `katip-migration-empty-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const db = new KatipDb(name);
    expect(await db.assignments.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    db.close();
  });
});

describe('migration v4 → v5 (pending indexes)', () => {
  test('every row is kept; the pending rows get their index fields, the others are not rewritten', async () => {
    const name = `katip-migration-v5-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    const at = '2026-11-30T08:00:00.000Z';
    const base = { firstSeenAt: at, lastSeenAt: at, lastScreen: 'old-contracts' as const, role: 'igu' as const, workplaceKey: 'sgk:1' };
    const rows: AssignmentRow[] = [
      { ...base, key: 'portal:1', personName: 'İsmail Işık', label: 'İsmail Işık (İGU)', approvalState: 'pending', pending: 1 },
      { ...base, key: 'portal:2', personName: 'Ilgaz Ünal', label: 'Ilgaz Ünal (İGU)', approvalState: 'pending', pending: 1 },
      { ...base, key: 'portal:3', personName: 'Çağla Şahin', label: 'Çağla Şahin (İGU)', approvalState: 'pending', pending: 1 },
      { ...base, key: 'portal:4', personName: 'ÇAĞLA ŞAHİN', label: 'ÇAĞLA ŞAHİN (İGU)', approvalState: 'pending', pending: 1, lastSeenAt: '2026-12-01T08:00:00.000Z' },
      { ...base, key: 'portal:5', personName: 'Ceren Ak', label: 'Ceren Ak (İGU)', approvalState: 'approved', pending: 0 },
    ];
    await v4.table('assignments').bulkPut(rows);
    await v4.table('checklists').put({ assignmentKey: 'portal:1', steps: { 1: { done: true, at, how: 'seen' } }, updatedAt: at });
    await v4.table('history').add({ assignmentKey: 'portal:1', at, screen: 'old-contracts', field: 'approvalState', to: 'pending' });
    v4.close();

    const db = new KatipDb(name);
    try {
      expect(db.verno).toBe(5);
      const stored = await db.assignments.toArray();
      expect(stored.length).toBe(rows.length);
      for (const old of rows) {
        const now = stored.find((r) => r.key === old.key)!;
        const { pendingOrder, pendingPerson, pendingStamp, ...rest } = now;
        expect(rest).toEqual(old);
        if (old.pending) {
          expect(pendingOrder).toBe(turkishOrderKey(old.personName!));
          expect(pendingPerson).toEqual([expect.any(String), 'igu', 'sgk:1']);
          expect(pendingStamp).toBeGreaterThan(0);
        } else {
          expect(pendingOrder).toBeUndefined();
          expect(pendingPerson).toBeUndefined();
          expect(pendingStamp).toBeUndefined();
        }
      }
      expect(await db.checklists.count()).toBe(1);
      expect(await db.history.count()).toBe(1);
      // listed in Turkish order, the two spellings of Çağla Şahin as one (the later shown)
      const page = await readPendingPage(db, 50);
      expect(page.entries.map((e) => e.primary.assignment.personName)).toEqual(['ÇAĞLA ŞAHİN', 'Ilgaz Ünal', 'İsmail Işık']);
      expect(page.total).toBe(3);
      expect(page.entries).toEqual(dedupePending(await listPendingApprovals(db)));
    } finally {
      db.close();
    }
  });
});
