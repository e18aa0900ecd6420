// Page reports into the mirror: idempotent upserts, history on change only, no fact erased,
// concurrent tabs, the old interface's selected workplace, failed writes reported.
import { describe, expect, test, vi } from 'vitest';
import { exportBackup, saveSettings, type KatipDb } from '@/utils/db';
import { handleSelection } from '@/utils/background/selection';
import { handlePageReport, upsertPageReport } from '@/utils/background/page-report';
import { AYSE, MEHMET, SICIL, WORKPLACE, gridRow, report, useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const tab = (id: number) => ({ tab: { id }, frameId: 0 });

async function snapshot() {
  const backup = await exportBackup(db);
  return { ...backup, exportedAt: '' };
}

describe('upsert from a page report', () => {
  test('keys: SGK digits for the workplace, a stable key (workplace, TCKN, role, start) for a row without id', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE)]));
    const workplaces = await db.workplaces.toArray();
    expect(workplaces.map((w) => w.key)).toEqual([`sgk:${SICIL}`]);
    expect(workplaces[0]?.seen).toMatchObject({ ...WORKPLACE, screen: 'new-contracts' });
    const rows = await db.assignments.toArray();
    expect(rows.map((r) => r.key)).toEqual([`a:sgk:${SICIL}|t10000000146|igu|2024-03-05`]);
    expect(rows[0]).toMatchObject({ workplaceKey: `sgk:${SICIL}`, label: 'Ayşe Yılmaz (İGU, 1.200 dk)', pending: 1 });
  });

  test('a portal id gives a portal key; a name without TCKN is folded (case and İ/ı do not matter)', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow({ ...MEHMET, portalId: ' 4711 ' }), gridRow({ personName: 'ALİ IŞIK', role: 'dsp', startDate: '2024-02-01' })]));
    await upsertPageReport(db, report('new-contracts', [gridRow({ personName: 'ali ışık', role: 'dsp', startDate: '2024-02-01', minutes: 90 })]));
    const keys = (await db.assignments.toArray()).map((r) => r.key).sort();
    expect(keys).toEqual([`a:sgk:${SICIL}|nali isik|dsp|2024-02-01`, 'portal:4711']);
    expect((await db.assignments.get(`a:sgk:${SICIL}|nali isik|dsp|2024-02-01`))?.minutes).toBe(90);
  });

  test('the same report twice changes nothing the second time', async () => {
    const r = report('new-contracts', [gridRow(AYSE), gridRow(MEHMET)]);
    const first = await upsertPageReport(db, r, '2024-06-01T10:00:00.000Z');
    const before = await snapshot();
    const second = await upsertPageReport(db, r, '2024-06-02T10:00:00.000Z');
    expect(first).toMatchObject({ assignments: 2, created: 2, changed: 2 });
    expect(second).toEqual({ assignments: 2, created: 0, changed: 0, history: 0 });
    expect(await snapshot()).toEqual(before);
  });

  test('history: one row per changed state, with when and which screen; nothing when unchanged; a first sighting is the row itself', async () => {
    await upsertPageReport(db, report('old-contracts', [gridRow(AYSE)]), '2024-06-01T10:00:00.000Z');
    const key = (await db.assignments.toArray())[0]!.key;
    // first seen: the row holds the states and when (firstSeenAt); no history row is written for it
    expect(await db.history.count()).toBe(0);
    expect(await db.assignments.get(key)).toMatchObject({ approvalState: 'pending', firstSeenAt: '2024-06-01T10:00:00.000Z' });

    await upsertPageReport(db, report('old-contracts', [gridRow({ ...AYSE, approvalState: 'approved' })]), '2024-06-03T09:00:00.000Z');
    await upsertPageReport(db, report('old-contracts', [gridRow({ ...AYSE, approvalState: 'approved' })]), '2024-06-04T09:00:00.000Z');
    const changes = await db.history.where('assignmentKey').equals(key).filter((h) => h.field === 'approvalState').toArray();
    // the change keeps what it was: the state first seen is its `from`
    expect(changes.map(({ id: _id, ...h }) => h)).toEqual([
      { assignmentKey: key, at: '2024-06-03T09:00:00.000Z', screen: 'old-contracts', field: 'approvalState', from: 'pending', to: 'approved' },
    ]);
    expect(await db.history.count()).toBe(1);
    expect((await db.assignments.get(key))?.pending).toBe(0);
  });

  test('a screen that does not show a fact never erases it', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE)]));
    // a later screen shows the same person with a blank name cell and none of the other facts
    const key = (await db.assignments.toArray())[0]!.key;
    await upsertPageReport(db, report('new-contracts', [gridRow({ tckn: AYSE.tckn, role: 'igu', startDate: AYSE.startDate, personName: '  ' })], { page: { workplace: { title: 'x' } } }));
    const row = await db.assignments.get(key);
    expect(row).toMatchObject({ personName: 'Ayşe Yılmaz', minutes: 1200, certificateClass: 'A', approvalState: 'pending' });
    // the workplace keeps its NACE code and hazard class when a screen shows only its number
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE, { sicilNo: SICIL })]));
    expect((await db.workplaces.get(`sgk:${SICIL}`))?.seen).toMatchObject({ naceText: '43.22.01', hazardText: 'Çok Tehlikeli', employees: 120 });
  });

  test('a workplace first seen by title joins its row when seen again by title only', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE)]));
    await upsertPageReport(db, report('new-contracts', [gridRow({ ...MEHMET }, { title: 'Örnek  inşaat a.ş.' })]));
    expect((await db.workplaces.toArray()).map((w) => w.key)).toEqual([`sgk:${SICIL}`]);
    expect((await db.assignments.toArray()).every((r) => r.workplaceKey === `sgk:${SICIL}`)).toBe(true);
  });

  test('two tabs writing at once lose nothing', async () => {
    const reports = [
      report('new-contracts', [gridRow({ ...AYSE, minutes: 1300 }), gridRow(MEHMET)]),
      report('old-contracts', [gridRow({ ...AYSE, minutes: undefined, approvalState: 'approved' })]),
      report('new-contracts', [gridRow({ personName: 'Zeynep Kaya', role: 'dsp', startDate: '2024-02-02', minutes: 200 })]),
      report('new-contracts', [gridRow({ ...MEHMET, contractState: 'ended' })]),
    ];
    await Promise.all(reports.map((r, i) => upsertPageReport(db, r, `2024-06-01T10:00:0${i}.000Z`)));
    const rows = await db.assignments.toArray();
    expect(rows).toHaveLength(3);
    const ayse = rows.find((r) => r.personName === 'Ayşe Yılmaz');
    expect(ayse).toMatchObject({ minutes: 1300, approvalState: 'approved' });
    expect(rows.find((r) => r.personName === 'Mehmet Öztürk')?.contractState).toBe('ended');
    // every state change has its history row: Ayşe approval pending→approved; Mehmet active→ended
    const history = await db.history.toArray();
    expect(history.filter((h) => h.assignmentKey === ayse!.key && h.field === 'approvalState').map((h) => `${h.from}→${h.to}`)).toEqual(['pending→approved']);
    expect(history.filter((h) => h.field === 'contractState' && h.to === 'ended').map((h) => h.from)).toEqual(['active']);
  });

  test('old interface: rows without a workplace go to the workplace chosen on the select screen', async () => {
    await handleSelection(db, { type: 'selection', workplace: { sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.' } }, tab(1));
    const { workplace: _w, ...row } = gridRow(AYSE);
    await upsertPageReport(db, report('old-contracts', [row]));
    const [a] = await db.assignments.toArray();
    expect(a?.workplaceKey).toBe(`sgk:${SICIL}`);
    expect(a?.key).toBe(`a:sgk:${SICIL}|t10000000146|igu|2024-03-05`);
  });

  test('old interface: the approval form (with its Görevlendirme ID) merges into the grid row the user selected', async () => {
    await handleSelection(db, { type: 'selection', workplace: { sicilNo: SICIL } }, tab(1));
    const { workplace: _w, ...row } = gridRow({ ...AYSE, tckn: undefined });
    await handlePageReport(db, report('old-contracts', [row]), tab(1));
    const selected = await handleSelection(db, { type: 'selection', assignment: row.assignment }, tab(1));
    expect(selected).toMatchObject({ ok: true, assignmentKey: `a:sgk:${SICIL}|nayse yilmaz|igu|2024-03-05` });
    await handlePageReport(
      db,
      report('old-approval', [{ kind: 'approval', assignment: { personName: 'AYŞE YILMAZ', portalId: '998877', minutes: 1200 }, capacity: { remainingMinutes: 3000 } }]),
      tab(1),
    );
    const rows = await db.assignments.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: `a:sgk:${SICIL}|nayse yilmaz|igu|2024-03-05`, portalId: '998877', lastScreen: 'old-approval' });
  });

  test('a failed write is retried once; a second failure is logged with context and returned as an error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const original = db.transaction.bind(db);
    const flaky = vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      calls++;
      if (calls === 1) return Promise.reject(new Error('QuotaExceededError'));
      return (original as (...a: unknown[]) => unknown)(...args);
    }) as typeof db.transaction);
    const ok = await handlePageReport(db, report('new-contracts', [gridRow(AYSE)]), tab(3));
    expect(ok).toMatchObject({ ok: true, created: 1 });
    expect(error).not.toHaveBeenCalled();

    flaky.mockImplementation((() => Promise.reject(new Error('disk full'))) as unknown as typeof db.transaction);
    const failed = await handlePageReport(db, report('new-contracts', [gridRow(MEHMET)]), tab(3));
    expect(failed).toMatchObject({ ok: false });
    expect((failed as { error: { tr: string; en: string } }).error.en).toContain('disk full');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[1]).toMatchObject({ screen: 'new-contracts', tabId: 3, url: 'https://isgkatip.csgb.gov.tr/x' });
    flaky.mockRestore();
    error.mockRestore();
  });

  test('the new contract form is a draft: its workplace facts are kept, the minutes being typed make no assignment or history', async () => {
    for (const typed of [1, 12, 120]) {
      await upsertPageReport(db, report('new-contract-form', [{ kind: 'contract-form', workplace: { ...WORKPLACE, employees: 130 }, assignment: { role: 'igu', minutes: typed }, form: { enteredMinutes: typed } }]));
    }
    expect(await db.assignments.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    expect((await db.workplaces.get(`sgk:${SICIL}`))?.seen?.employees).toBe(130);
  });

  test('disabled rules leave their checklist steps alone', async () => {
    await saveSettings(db, { disabledRules: ['certificate-class'] });
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE)]));
    const [a] = await db.assignments.toArray();
    expect((await db.checklists.get(a!.key))?.steps[5]).toBeUndefined();
  });
});
