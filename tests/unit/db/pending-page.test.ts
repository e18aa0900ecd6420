// The pending list's first page and count read by the v5 indexes (utils/db/pending-index.ts,
// components/pending.ts readPendingPage) give what reading every pending row gave: the same
// entries in the same Turkish order (İ/ı, Ç, Ğ, Ö, Ş, Ü), the same folding of one approval seen
// twice, the same count; non-pending rows never enter the indexes.
import { describe, expect, test } from 'vitest';
import { dedupePending, keepPendingCount, readPendingPage } from '@/components/pending';
import { exportBackup, listPendingApprovals, type AssignmentRow, type KatipDb } from '@/utils/db';
import { turkishOrderKey } from '@/utils/db/pending-index';
import { upsertPageReport } from '@/utils/background/page-report';
import { AYSE, SICIL, WORKPLACE, gridRow, report, useFreshDb } from './fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const AT = '2026-12-01T10:00:00.000Z';

function row(key: string, personName: string | undefined, extra: Partial<AssignmentRow> = {}): AssignmentRow {
  const base: AssignmentRow = {
    key,
    label: personName ? `${personName} (İGU, 1.200 dk)` : `#${key}`,
    role: 'igu',
    minutes: 1200,
    approvalState: 'pending',
    workplaceKey: 'sgk:1',
    firstSeenAt: AT,
    lastSeenAt: AT,
    lastScreen: 'old-contracts',
    pending: 1,
    ...extra,
  };
  if (personName) base.personName = personName;
  return base;
}

/** What the lists showed before v5: every pending row read, folded, sorted. */
async function reference() {
  return dedupePending(await listPendingApprovals(db));
}

const names = (entries: { primary: { assignment: AssignmentRow } }[]) => entries.map((e) => e.primary.assignment.personName ?? e.primary.assignment.label);

describe('Turkish order key', () => {
  test('orders as the Turkish collator at base strength: c < ç, h < ı < i, o < ö, s < ş, u < ü, case-blind', () => {
    const words = ['İsmail', 'Işık', 'ılgaz', 'Ilgın', 'irem', 'Çağla', 'Ceren', 'cem', 'Öztürk', 'Ozan', 'Şule', 'Sema', 'Ümit', 'Uğur', 'Ğ', 'Gül', 'hande', 'Zeynep', 'Ahmet', 'ali', 'ALİ', 'Ali Can', 'Ali-Veli', 'Ali2', 'Âdem', 'Adem', 'Ali Rıza'];
    const collator = new Intl.Collator('tr', { sensitivity: 'base' });
    const byKey = [...words].sort((a, b) => (turkishOrderKey(a) < turkishOrderKey(b) ? -1 : turkishOrderKey(a) > turkishOrderKey(b) ? 1 : 0));
    for (let i = 1; i < byKey.length; i++) expect(collator.compare(byKey[i - 1]!, byKey[i]!), `${byKey[i - 1]} before ${byKey[i]}`).toBeLessThanOrEqual(0);
    expect(turkishOrderKey('ALİ')).toBe(turkishOrderKey('ali'));
    expect(turkishOrderKey('IŞIK')).toBe(turkishOrderKey('ışık'));
    expect(turkishOrderKey('IŞIK')).not.toBe(turkishOrderKey('işik'));
    expect(turkishOrderKey('Âdem')).toBe(turkishOrderKey('adem'));
    // Î is I with a circumflex, so in Turkish the dotless one's: after ı, before i
    expect(turkishOrderKey('Îl') < turkishOrderKey('il')).toBe(true);
    expect(turkishOrderKey('Îl')).toBe(turkishOrderKey('ıl'));
  });

  test('agrees with the collator on 3,000 random names of Turkish letters, circumflexes, digits, spaces and punctuation', () => {
    const chars = [...'abcçdefgğhıijklmnoöprsştuüvyzqwxABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZâîûÂÎÛéÉ0123456789    ', ...'_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => chars[Math.floor(random() * chars.length)]).join('').trim()).filter(Boolean);
    const collator = new Intl.Collator('tr', { sensitivity: 'base' });
    const keyed = words.map((w) => [turkishOrderKey(w), w] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const wrong = keyed.flatMap(([, w], i) => (i > 0 && collator.compare(keyed[i - 1]![1], w) > 0 ? [`${keyed[i - 1]![1]} > ${w}`] : []));
    expect(wrong).toEqual([]);
  });
});

describe('the first page of pending approvals', () => {
  test('the same entries, order and count as reading every row, page by page, with İ/ı and the Turkish letters', async () => {
    const first = ['İsmail', 'Işıl', 'Ilgaz', 'Irmak', 'Çağla', 'Ceren', 'Öykü', 'Ozan', 'Şule', 'Selin', 'Ümit', 'Uğur', 'Gülşen', 'Ğ', 'Zeynep', 'Ahmet'];
    const last = ['Işık', 'İnce', 'Çelik', 'Cömert', 'Öztürk', 'Şahin', 'Sarı', 'Ünal', 'Yılmaz'];
    const rows: AssignmentRow[] = [];
    let n = 0;
    for (const f of first) for (const l of last) rows.push(row(`portal:${String(++n).padStart(4, '0')}`, n % 3 ? `${f} ${l}` : `${f} ${l}`.toLocaleUpperCase('tr')));
    // one approval seen twice (a portal id on one screen, none on the other), the later one shown
    rows.push(row('a:sgk:1|nmehmet ozturk|igu|2024-01-01', 'MEHMET ÖZTÜRK', { lastSeenAt: '2026-12-01T09:00:00.000Z' }));
    rows.push(row('portal:9999', 'Mehmet Öztürk', { lastSeenAt: '2026-12-01T11:00:00.000Z' }));
    // approved, ended: never listed
    rows.push(row('portal:8888', 'Aaron Approved', { approvalState: 'approved', pending: 0 }));
    await db.assignments.bulkPut(rows);
    const all = await reference();
    expect(all.length).toBe(first.length * last.length + 1);
    for (const limit of [1, 7, 50, 100, 143, 500]) {
      const page = await readPendingPage(db, limit);
      expect(page.total).toBe(all.length);
      expect(names(page.entries)).toEqual(names(all.slice(0, limit)));
      expect(page.entries).toEqual(all.slice(0, limit));
    }
    const mehmet = (await readPendingPage(db, 500)).entries.find((e) => e.primary.assignment.personName === 'Mehmet Öztürk')!;
    expect(mehmet.keys).toEqual(['portal:9999', 'a:sgk:1|nmehmet ozturk|igu|2024-01-01']);
  });

  test('counts a person whose sightings fold differently by order as the full list folds them', async () => {
    // role known on two, unknown on one, two workplaces: what joins what depends on the order
    await db.assignments.bulkPut([
      row('k1', 'Deniz Kaya', { workplaceKey: 'sgk:1' }),
      row('k2', 'Deniz Kaya', { workplaceKey: 'sgk:2' }),
      row('k3', 'DENİZ KAYA', { workplaceKey: undefined, label: 'Deniz Kaya' }),
      row('k4', 'Deniz Kaya', { role: 'ih', workplaceKey: 'sgk:2' }),
      row('k5', 'Ayla Su'),
      row('k6', undefined, { tckn: '10000000146' }),
      row('k7', undefined, { tckn: '10000000146', role: 'ih' }),
    ]);
    const all = await reference();
    const page = await readPendingPage(db, 2);
    expect(page.total).toBe(all.length);
    expect(page.entries).toEqual(all.slice(0, 2));
    expect((await readPendingPage(db, 50)).entries).toEqual(all);
  });

  test('a row leaves the indexes when it is no longer pending; non-pending rows never enter them', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE, WORKPLACE), gridRow({ ...AYSE, personName: 'Zehra Ek', tckn: undefined, approvalState: 'approved' }, WORKPLACE)]));
    expect(await db.assignments.count()).toBe(2);
    expect(await db.assignments.orderBy('pendingOrder').count()).toBe(1);
    expect(await db.assignments.orderBy('pendingPerson').count()).toBe(1);
    expect((await readPendingPage(db, 50)).entries.map((e) => e.primary.assignment.personName)).toEqual(['Ayşe Yılmaz']);
    await upsertPageReport(db, report('new-contracts', [gridRow({ ...AYSE, approvalState: 'approved' }, WORKPLACE)]));
    expect(await db.assignments.orderBy('pendingOrder').count()).toBe(0);
    expect(await readPendingPage(db, 50)).toEqual({ entries: [], total: 0 });
    const stored = await db.assignments.toArray();
    expect(stored.every((r) => r.pendingOrder === undefined && r.pendingPerson === undefined && r.pendingStamp === undefined)).toBe(true);
    expect(stored[0]?.workplaceKey).toBe(`sgk:${SICIL}`);
  });

  test('the count kept between opens is used only while the pending rows are those it was made from', async () => {
    await db.assignments.bulkPut([row('p1', 'Ayla Su'), row('p2', 'Berk Ak'), row('p3', 'Can Öz')]);
    expect((await readPendingPage(db, 50)).total).toBe(3);
    const kept = (await db.meta.get('pending-count'))!;
    expect(kept).toMatchObject({ rows: 3, total: 3 });
    // while nothing changed, the kept count is what is shown (a count tampered with shows through)
    await db.meta.put({ ...kept, total: 99 });
    expect((await readPendingPage(db, 50)).total).toBe(99);
    // one more pending row, one approved, one renamed into another's person: each counted again
    await db.assignments.put(row('p4', 'Deniz Er'));
    expect((await readPendingPage(db, 50)).total).toBe(4);
    await db.meta.put({ ...(await db.meta.get('pending-count'))!, total: 99 });
    await db.assignments.put(row('p1', 'Ayla Su', { approvalState: 'approved', pending: 0 }));
    expect((await readPendingPage(db, 50)).total).toBe(3);
    await db.meta.put({ ...(await db.meta.get('pending-count'))!, total: 99 });
    await db.assignments.put(row('p3', 'BERK AK'));
    const page = await readPendingPage(db, 50);
    expect(page.total).toBe(2);
    expect(page.entries).toEqual(await reference());
    // emptied and filled again with as many rows: not the old count
    await db.meta.put({ ...(await db.meta.get('pending-count'))!, total: 99 });
    await db.assignments.clear();
    await db.assignments.bulkPut([row('q1', 'Ece Ün'), row('q2', 'ECE ÜN'), row('q3', 'Filiz Ay')]);
    expect((await readPendingPage(db, 50)).total).toBe(2);
  });

  test('a person seen under two spellings far apart in the order (Cem / Çem) is one entry, placed by the later sighting, with the count kept or not', async () => {
    const rows = Array.from({ length: 60 }, (_, n) => row(`portal:${n}`, `Cf ${String(n).padStart(2, '0')}`));
    rows.push(row('portal:early', 'Cem Ak', { lastSeenAt: '2026-01-01T10:00:00.000Z' }));
    rows.push(row('portal:late', 'Çem Ak', { lastSeenAt: '2026-12-02T10:00:00.000Z' }));
    await db.assignments.bulkPut(rows);
    const all = await reference();
    expect(all.length).toBe(61);
    expect(all[60]!.keys).toEqual(['portal:late', 'portal:early']);
    for (let i = 0; i < 2; i++) {
      // first counted, then with the count (and who has two rows) kept
      const page = await readPendingPage(db, 10);
      expect(page.total).toBe(61);
      expect(page.entries).toEqual(all.slice(0, 10));
      expect((await readPendingPage(db, 61)).entries).toEqual(all);
    }
    expect((await db.meta.get('pending-count'))?.multi).toEqual(['cem ak']);
  });

  test('the background keeps the count ready for the next open: counted once, kept while right', async () => {
    await db.assignments.bulkPut([row('p1', 'Ayla Su'), row('p2', 'AYLA SU'), row('p3', 'Can Öz')]);
    expect(await db.meta.get('pending-count')).toBeUndefined();
    await keepPendingCount(db);
    expect(await db.meta.get('pending-count')).toMatchObject({ rows: 3, total: 2 });
    await db.assignments.put(row('p4', 'Deniz Er'));
    await keepPendingCount(db);
    expect(await db.meta.get('pending-count')).toMatchObject({ rows: 4, total: 3 });
    expect((await readPendingPage(db, 50)).total).toBe(3);
  });

  test('the index fields are derived, never in a backup', async () => {
    await db.assignments.put(row('portal:1', 'Şule Çağlar'));
    expect((await db.assignments.get('portal:1'))?.pendingOrder).toBe(turkishOrderKey('Şule Çağlar'));
    const backup = await exportBackup(db);
    expect(backup.assignments[0]).not.toHaveProperty('pendingOrder');
    expect(backup.assignments[0]).not.toHaveProperty('pendingPerson');
    expect(backup.assignments[0]).not.toHaveProperty('pendingStamp');
  });
});
