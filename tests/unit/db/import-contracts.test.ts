// importContracts: the portal's Excel export merged into the mirror under the same keys as the
// screens, so the in-page marks learn N, hazard class and NACE of every workplace in the file.
import { describe, expect, test } from 'vitest';
import { exportBackup, importContracts, type KatipDb } from '@/utils/db';
import { buildContext } from '@/utils/background/context';
import { upsertPageReport } from '@/utils/background/page-report';
import type { PageRecord } from '@/utils/records';
import { AYSE, MEHMET, SICIL, WORKPLACE, gridRow, report, useFreshDb } from './fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

/** An export of `n` contracts over `workplaces` workplaces, each workplace with its N, class and NACE. */
function exportRows(n: number, workplaces: number): PageRecord[] {
  const rows: PageRecord[] = [];
  for (let i = 0; i < n; i++) {
    const w = i % workplaces;
    rows.push({
      kind: 'assignment',
      workplace: { sicilNo: `1${String(w).padStart(25, '0')}`, title: `İşyeri ${w} Ltd. Şti.`, naceText: '43.22.01', hazardText: 'Çok Tehlikeli', employees: 10 + w },
      assignment: {
        portalId: `G-${i}`,
        personName: `Kişi ${i}`,
        tckn: String(10000000000 + i),
        role: i % 3 === 0 ? 'ih' : 'igu',
        minutes: 100 + (i % 50),
        startDate: '2024-01-02',
        approvalState: i % 4 === 0 ? 'pending' : 'approved',
        contractState: 'active',
      },
    });
  }
  return rows;
}

async function snapshot() {
  return { ...(await exportBackup(db)), exportedAt: '' };
}

describe('importContracts', () => {
  test('many rows (the bench measures 20,000 in Chromium): every contract and workplace stored with counts; progress per chunk; a second import changes nothing', async () => {
    const rows = exportRows(1200, 30);
    const progress: number[] = [];
    const result = await importContracts(db, rows, { at: '2024-07-01T08:00:00.000Z', chunkSize: 500, onProgress: (done) => progress.push(done) });
    expect(result).toMatchObject({
      records: 1200,
      workplaces: { created: 30, changed: 0, named: 30 },
      assignments: { created: 1200, changed: 0, unchanged: 0 },
      skipped: 0,
      invalid: { count: 0, first: [] },
    });
    // new contracts are rows, not history: history keeps changes
    expect(result.history).toBe(0);
    expect(progress).toEqual([500, 1000, 1200]);
    expect(await db.assignments.count()).toBe(1200);
    expect(await db.workplaces.count()).toBe(30);
    expect(await db.assignments.where('pending').equals(1).count()).toBe(300);

    const before = await snapshot();
    const again = await importContracts(db, rows, { at: '2024-07-02T08:00:00.000Z' });
    expect(again.assignments).toEqual({ created: 0, changed: 0, unchanged: 1200 });
    expect(again.workplaces).toEqual({ created: 0, changed: 0, named: 30 });
    expect(again.history).toBe(0);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  test('same keys as the screens: a row the grid showed is merged, not doubled, and the page then learns N, class and NACE', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE, { sicilNo: SICIL, title: WORKPLACE.title })]));
    const before = await buildContext(db, [{ sicilNo: SICIL }], undefined, '2024-07-01');
    expect(before.workplaces[0]?.mirrored?.employees).toBeUndefined();

    const result = await importContracts(db, [gridRow({ ...AYSE, approvalState: 'approved' }), gridRow(MEHMET)], { at: '2024-07-01T08:00:00.000Z' });
    expect(result.assignments).toEqual({ created: 1, changed: 1, unchanged: 0 });
    expect(result.workplaces).toEqual({ created: 0, changed: 1, named: 1 });
    expect(await db.assignments.count()).toBe(2);
    const ayse = await db.assignments.get(`a:sgk:${SICIL}|t10000000146|igu|2024-03-05`);
    expect(ayse).toMatchObject({ approvalState: 'approved', pending: 0, lastScreen: 'new-contracts' });
    const history = await db.history.where('assignmentKey').equals(ayse!.key).filter((h) => h.field === 'approvalState').toArray();
    expect(history.map((h) => [h.from, h.to])).toEqual([['pending', 'approved']]);

    // what the content script asks for the page's workplace now carries the file's facts
    const context = (await buildContext(db, [{ sicilNo: SICIL }], undefined, '2024-07-01')).workplaces[0]!;
    expect(context.mirrored).toMatchObject({ employees: 120, hazardText: 'Çok Tehlikeli', naceText: '43.22.01' });
    expect(context.assignments.map((a) => a.personName).sort()).toEqual(['Ayşe Yılmaz', 'Mehmet Öztürk']);
  });

  test('an empty cell never erases a known fact; a workplace named by title only joins its numbered row', async () => {
    await importContracts(db, [gridRow(AYSE)]);
    const result = await importContracts(db, [gridRow({ ...MEHMET }, { title: WORKPLACE.title, hazardText: ' ' })]);
    expect(result.workplaces).toEqual({ created: 0, changed: 0, named: 1 });
    await importContracts(db, [gridRow({ ...MEHMET }, { title: 'örnek  inşaat a.ş.' })]);
    expect(await db.workplaces.count()).toBe(1);
    expect((await db.workplaces.get(`sgk:${SICIL}`))?.seen).toMatchObject({ hazardText: 'Çok Tehlikeli', employees: 120 });
    expect((await db.assignments.toArray()).every((a) => a.workplaceKey === `sgk:${SICIL}`)).toBe(true);
  });

  test('an export of one workplace without workplace columns files every row under `opts.workplace`', async () => {
    const { workplace: _w, ...row } = gridRow(AYSE);
    const result = await importContracts(db, [row], { workplace: WORKPLACE });
    expect(result.workplaces.created).toBe(1);
    expect((await db.assignments.toArray())[0]?.workplaceKey).toBe(`sgk:${SICIL}`);
  });

  test('malformed and unkeyable rows are counted, the others stored', async () => {
    const rows = [
      gridRow(AYSE),
      { kind: 'assignment', assignment: { minutes: -5 } } as PageRecord,
      { kind: 'bogus' } as unknown as PageRecord,
      { kind: 'assignment', assignment: { minutes: 100, role: 'igu' } } as PageRecord,
    ];
    const result = await importContracts(db, rows);
    expect(result.invalid).toEqual({ count: 2, first: [{ index: 1, path: 'assignment.minutes' }, { index: 2, path: 'kind' }] });
    expect(result.skipped).toBe(1);
    expect(result.assignments.created).toBe(1);
    expect(await db.assignments.count()).toBe(1);
  });
});
