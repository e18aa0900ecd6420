// Schema v3 adds the audit snapshots table: a v2 mirror opens with its data intact, and snapshots
// are kept (newest compared with the one before, at most KEEP_SNAPSHOTS).
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { openDb, SCHEMA_V2 } from '@/utils/db/schema';
import { KEEP_SNAPSHOTS, listSnapshots, saveSnapshot } from '@/utils/audit/store';
import type { AuditSnapshot } from '@/utils/audit/snapshot';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function snap(at: string, minutes: number): AuditSnapshot {
  return {
    at,
    fileName: `${at}.xlsx`,
    counts: { byStatus: { error: 0, warn: 0, unknown: 0, ok: 1 }, byRule: {}, workplacesByStatus: { error: 0, warn: 0, unknown: 0, ok: 1 }, professionalsByStatus: { error: 0, warn: 0, unknown: 0, ok: 1 }, verdictDiffers: 0, activeContracts: 1 },
    contracts: [{ key: 'portal:1', workplaceKey: 'sgk:1', label: 'A', active: true, minutes, status: 'ok', rules: '' }],
    workplaces: [{ key: 'sgk:1', title: 'X', status: 'ok', short: {} }],
  };
}

describe('audit snapshots (schema v3)', () => {
  it('a v2 database upgrades with its rows kept and an empty snapshots table', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    names.push(name);
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    await old.table('workplaces').put({ key: 'sgk:1', updatedAt: '2025-01-01', seen: { title: 'Köşe Market', at: '2025-01-01', screen: 'new-contracts' } });
    await old.table('settings').put({ key: 'settings', language: 'en', disabledRules: [], showTckn: true });
    old.close();
    const db = openDb(name);
    expect(db.verno).toBe(5); // v3 adds the snapshots table, v4 drops an index, v5 adds the pending indexes: rows kept through all
    expect((await db.workplaces.get('sgk:1'))?.seen?.title).toBe('Köşe Market');
    expect((await db.settings.get('settings'))?.language).toBe('en');
    expect(await db.auditSnapshots.count()).toBe(0);
    db.close();
  });

  it('saves snapshots, compares with the previous one and keeps at most KEEP_SNAPSHOTS', async () => {
    const name = `snap-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    const first = await saveSnapshot(db, snap('2025-01-01T00:00:00Z', 100));
    expect(first.diff).toBeUndefined();
    const second = await saveSnapshot(db, snap('2025-02-01T00:00:00Z', 150));
    expect(second.diff?.changed[0]?.fields).toEqual([{ field: 'minutes', from: 100, to: 150 }]);
    for (let m = 3; m <= KEEP_SNAPSHOTS + 3; m++) await saveSnapshot(db, snap(`2025-${String(m).padStart(2, '0')}-01T00:00:00Z`.replace(/^2025-(\d\d)/, (_, mm) => `${2025 + Math.floor((Number(mm) - 1) / 12)}-${String(((Number(mm) - 1) % 12) + 1).padStart(2, '0')}`), m));
    const list = await listSnapshots(db);
    expect(list).toHaveLength(KEEP_SNAPSHOTS);
    expect(list[0]!.at > list[list.length - 1]!.at).toBe(true);
    db.close();
  });
});
