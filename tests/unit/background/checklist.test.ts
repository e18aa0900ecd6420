// RULES.md §10 checklist: steps tick themselves from the screens; a manual choice always stays.
import { describe, expect, test, vi } from 'vitest';
import { checklistErrors } from '@/utils/db/checklist';
import { handleMessage } from '@/utils/background/router';
import { CHECKLIST_STEPS, getChecklist, listOpenChecklists, listPendingApprovals, setChecklistStep, type KatipDb } from '@/utils/db';
import type { PageReport } from '@/utils/messages';
import { handlePageReport } from '@/utils/background/page-report';
import { handleSelection } from '@/utils/background/selection';
import { AYSE, SICIL, WORKPLACE, finding, gridRow, report, useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const sender = { tab: { id: 7 }, frameId: 0 };
const KEY = `a:sgk:${SICIL}|t10000000146|igu|2024-03-05`;
const done = async (key = KEY) => {
  const steps = (await getChecklist(db, key)).steps;
  return Object.fromEntries(Object.entries(steps).map(([id, tick]) => [id, tick!.done]));
};

describe('checklist of a pending approval', () => {
  test('ten steps with Turkish and English texts; only the last is manual only', () => {
    expect(CHECKLIST_STEPS.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(CHECKLIST_STEPS.every((s) => s.tr && s.en && s.tr !== s.en)).toBe(true);
    expect(CHECKLIST_STEPS.filter((s) => !s.auto).map((s) => s.id)).toEqual([10]);
    expect(CHECKLIST_STEPS[3]?.tr).toContain('Onay Bekliyor');
  });

  test('the whole walk: login, workplace, grid, row, checks, form, approved — each step ticks from what is seen', async () => {
    // the contracts grid shows the row pending, with a clean certificate and a NACE code judged clean
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)]), sender);
    expect(await done()).toEqual({ 1: true, 3: true, 4: true, 5: true, 7: true });
    const ticks = (await getChecklist(db, KEY)).steps;
    expect(ticks[3]?.how).toBe('seen');
    expect(ticks[3]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await handleSelection(db, { type: 'selection', workplace: { sicilNo: SICIL } }, sender);
    expect((await done())[2]).toBe(true);

    // the approval form: minutes judged (no over-capacity), form seen
    await handleSelection(db, { type: 'selection', assignment: AYSE }, sender);
    await handlePageReport(db, report('old-approval', [{ kind: 'approval', assignment: { personName: 'Ayşe Yılmaz', minutes: 1200 }, capacity: { remainingMinutes: 5000 } }]), sender);
    expect(await done()).toMatchObject({ 6: true });
    // the form being seen is not step 8: "Kayıt" was not pressed yet
    expect((await done())[8]).toBeUndefined();

    // "Kayıt" pressed: step 8 still waits for the portal to show a changed status
    expect(await handleMessage(db, { type: 'approval-submitted', assignment: { personName: 'Ayşe Yılmaz', minutes: 1200 } }, sender)).toEqual({ ok: true, assignmentKey: KEY });
    expect((await done())[8]).toBeUndefined();
    // the same pending status seen again changes nothing
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)]), sender);
    expect((await done())[8]).toBeUndefined();

    // the grid shows it approved: steps 8 and 9; it is no longer pending but its checklist stays
    await handlePageReport(db, report('new-contracts', [gridRow({ ...AYSE, approvalState: 'approved' })]), sender);
    expect((await done())[8]).toBe(true);
    expect((await done())[9]).toBe(true);
    expect(await listPendingApprovals(db)).toEqual([]);
    const open = await listOpenChecklists(db);
    expect(open.map((o) => [o.assignment.key, o.pending])).toEqual([[KEY, false]]);
    expect((await done())[10]).toBeUndefined();
    await setChecklistStep(db, KEY, 10, true);
    expect(await listOpenChecklists(db)).toEqual([]);
  });

  test('findings fail steps 5, 6 and 7 with the rule as the reason: certificate class, over-capacity, NACE', async () => {
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)], { findings: [finding('certificate-class', 0), finding('nace-class-mismatch', 0)] }), sender);
    expect(await done()).toEqual({ 1: true, 3: true, 4: true, 5: false, 7: false });
    const list = await getChecklist(db, KEY);
    expect(list.steps[5]?.failed).toEqual(['certificate-class']);
    expect(list.steps[7]?.failed).toEqual(['nace-class-mismatch']);
    expect(checklistErrors(list)).toEqual(['certificate-class', 'nace-class-mismatch']);
    await handleSelection(db, { type: 'selection', workplace: { sicilNo: SICIL } }, sender);
    await handleSelection(db, { type: 'selection', assignment: AYSE }, sender);
    await handlePageReport(
      db,
      report('old-approval', [{ kind: 'approval', assignment: { personName: 'Ayşe Yılmaz', minutes: 9000 }, capacity: { remainingMinutes: 100 } }], { findings: [finding('over-capacity', 0)] }),
      sender,
    );
    const d = await done();
    expect(d[6]).toBe(false);
    expect((await getChecklist(db, KEY)).steps[6]?.failed).toEqual(['over-capacity']);
    expect(d[8]).toBeUndefined();
    // a clean sighting after a fault ticks the step and drops the reason
    await handlePageReport(db, report('new-contracts', [gridRow({ ...AYSE, certificateClass: 'A' })]), sender);
    expect((await done())[5]).toBe(true);
    expect((await getChecklist(db, KEY)).steps[5]?.failed).toBeUndefined();
    // a finding appearing after a clean sighting fails the automatic tick again
    await handlePageReport(db, report('new-contracts', [gridRow({ ...AYSE, certificateClass: 'C' })], { findings: [finding('certificate-class', 0)] }), sender);
    expect((await done())[5]).toBe(false);
    expect((await getChecklist(db, KEY)).steps[5]?.failed).toEqual(['certificate-class']);
  });

  test('findings map to records by recordIndex: a fault on another row leaves this row ticked', async () => {
    const other = gridRow({ personName: 'Veli Can', role: 'igu', certificateClass: 'C', startDate: '2024-01-01', approvalState: 'pending' });
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE), other], { findings: [finding('certificate-class', 1)] }), sender);
    expect((await done())[5]).toBe(true);
    expect((await done(`a:sgk:${SICIL}|nveli can|igu|2024-01-01`))[5]).toBe(false);
  });

  test('a page-level NACE finding of the workplace keeps step 7 off for all its pending approvals', async () => {
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)], { findings: [finding('nace-malformed')] }), sender);
    expect((await getChecklist(db, KEY)).steps[7]).toMatchObject({ done: false, failed: ['nace-malformed'] });
    // no NACE code shown: step 7 is not judged at all (the failure stays)
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE, { sicilNo: SICIL })]), sender);
    expect((await done())[7]).toBe(false);
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE, WORKPLACE)]), sender);
    expect((await done())[7]).toBe(true);
  });

  test('a manual untick stays unticked until the user ticks it; auto ticks never override it', async () => {
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)]), sender);
    await setChecklistStep(db, KEY, 3, false);
    await handlePageReport(db, report('old-contracts', [gridRow({ ...AYSE, minutes: 1250 })]), sender);
    const steps = (await getChecklist(db, KEY)).steps;
    expect(steps[3]).toMatchObject({ done: false, how: 'manual' });
    await setChecklistStep(db, KEY, 3, true);
    expect((await getChecklist(db, KEY)).steps[3]).toMatchObject({ done: true, how: 'manual' });
    // a manual tick of step 5 also survives a finding; the reason is kept beside it (the error mark stays)
    await setChecklistStep(db, KEY, 5, true);
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)], { findings: [finding('certificate-class', 0)] }), sender);
    expect((await getChecklist(db, KEY)).steps[5]).toMatchObject({ done: true, how: 'manual', failed: ['certificate-class'] });
    expect(checklistErrors(await getChecklist(db, KEY))).toEqual(['certificate-class']);
  });

  test('approved rows never get a checklist; step 10 is never ticked by a screen', async () => {
    await handlePageReport(db, report('new-contracts', [gridRow({ ...AYSE, approvalState: 'approved' })]), sender);
    expect(await db.checklists.count()).toBe(0);
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)]), sender);
    expect((await done())[10]).toBeUndefined();
  });
  test('old interface: rows read after the workplace was chosen tick step 2; an approval form first opened without a selected row is folded into that row', async () => {
    await handleSelection(db, { type: 'selection', workplace: { sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.' } }, sender);
    // the form opened before any row was selected: stored under its Görevlendirme ID
    const form = { kind: 'approval' as const, assignment: { personName: 'Elif Karataş', portalId: '5512034', minutes: 2400 }, capacity: { remainingMinutes: 1800 } };
    await handlePageReport(db, report('old-approval', [form]), sender);
    // the old grid (no workplace columns): the row belongs to the chosen workplace
    const row = { personName: 'Elif Karataş', role: 'igu' as const, certificateClass: 'B' as const, startDate: '2026-11-01', approvalState: 'pending' as const, contractState: 'active' as const };
    await handlePageReport(db, report('old-contracts', [{ kind: 'assignment', assignment: row }]), sender);
    const [pending] = await listPendingApprovals(db);
    expect(pending?.assignment.personName).toBe('Elif Karataş');
    expect((await done(pending!.assignment.key))[2]).toBe(true);
    // the user selects the row and opens the form again: one assignment, with the id and the minutes
    await handleSelection(db, { type: 'selection', assignment: row }, sender);
    await handlePageReport(db, report('old-approval', [form]), sender);
    const all = await db.assignments.toArray();
    expect(all.filter((a) => /elif/i.test(a.personName ?? ''))).toHaveLength(1);
    expect(all[0]).toMatchObject({ key: pending!.assignment.key, portalId: '5512034', minutes: 2400, role: 'igu' });
    // "Kayıt" on that form, then the grid shows the row approved: step 8
    await handleMessage(db, { type: 'approval-submitted', assignment: form.assignment }, sender);
    expect((await done(pending!.assignment.key))[8]).toBeUndefined();
    await handlePageReport(db, report('old-contracts', [{ kind: 'assignment', assignment: { ...row, approvalState: 'approved' } }]), sender);
    expect((await done(pending!.assignment.key))[8]).toBe(true);
  });
});

describe('approval-submitted', () => {
  test('Kayıt pressed without a status change, or a change seen before Kayıt, is not step 8', async () => {
    await handlePageReport(db, report('new-contracts', [gridRow(AYSE)]), sender);
    // a change seen before any Kayıt: rejected by someone else
    await handlePageReport(db, report('new-contracts', [gridRow({ ...AYSE, approvalState: 'rejected' })]), sender);
    expect((await done())[8]).toBeUndefined();
  });

  test('an unknown assignment is answered ok without a key, a malformed message is refused', async () => {
    expect(await handleMessage(db, { type: 'approval-submitted', assignment: { personName: 'Kimse' } }, sender)).toEqual({ ok: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = (await handleMessage(db, { type: 'approval-submitted', assignment: { minutes: -5 } }, sender)) as { ok: boolean };
    expect(reply.ok).toBe(false);
    warn.mockRestore();
    expect(await db.checklists.count()).toBe(0);
  });
});
