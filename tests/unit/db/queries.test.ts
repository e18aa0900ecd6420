// The options page's and popup's view of the mirror: profiles beside the portal's facts,
// which one wins, settings, per-tab reports.
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  clearTabReport,
  deleteProfile,
  effectiveWorkplace,
  getSettings,
  getTabReport,
  listAssignments,
  listWorkplaces,
  saveProfile,
  saveSettings,
  setChecklistStep,
  setTabReport,
  type KatipDb,
} from '@/utils/db';
import { upsertPageReport } from '@/utils/background/page-report';
import { AYSE, MEHMET, SICIL, WORKPLACE, gridRow, report, useFreshDb } from './fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

describe('workplace profiles', () => {
  test('a profile with the SGK number of a seen workplace joins it; the page wins where it shows a fact', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE, { sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.', hazardText: 'Çok Tehlikeli' })]));
    const key = await saveProfile(db, undefined, { sicilNo: ` ${SICIL.slice(0, 13)} ${SICIL.slice(13)}`, hazardText: 'Tehlikeli', employees: 80 });
    expect(key).toBe(`sgk:${SICIL}`);
    expect(await db.workplaces.count()).toBe(1);
    const row = (await listWorkplaces(db))[0]!;
    const effective = effectiveWorkplace(row);
    expect(effective).toMatchObject({ hazardText: 'Çok Tehlikeli', employees: 80, title: 'ÖRNEK İNŞAAT A.Ş.' });
    expect(effective.sources).toMatchObject({ hazardText: 'page', employees: 'profile', title: 'page' });
    // the user's entry is kept apart from what the portal showed
    expect(row.seen?.employees).toBeUndefined();
    expect(row.profile?.hazardText).toBe('Tehlikeli');
  });

  test('a profile with no number starts its own workplace (joined later by title); deleting it removes a never-seen workplace', async () => {
    const key = await saveProfile(db, undefined, { title: 'Kendi Ofisim', employees: 5 });
    expect(key).toMatch(/^profile:[0-9a-f-]{36}$/);
    expect(await saveProfile(db, undefined, { title: 'KENDİ OFİSİM', employees: 6 })).toBe(key);
    // the portal later shows it by title: the sighting joins the user's workplace
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE, { title: 'Kendi Ofisim', naceText: '69.20.01' })]));
    expect(await db.workplaces.count()).toBe(1);
    expect((await db.workplaces.get(key))?.seen?.naceText).toBe('69.20.01');
    expect((await db.workplaces.get(key))?.profile?.employees).toBe(6);
    const other = await saveProfile(db, undefined, { title: 'Başka Yer' });
    await saveSettings(db, { selectedWorkplaceKey: other });
    await deleteProfile(db, other);
    expect(await db.workplaces.get(other)).toBeUndefined();
    expect((await getSettings(db)).selectedWorkplaceKey).toBeUndefined();
    // a seen workplace keeps its row
    await deleteProfile(db, key);
    expect((await db.workplaces.get(key))?.profile).toBeUndefined();
  });

  test('deleting the profile of a seen workplace keeps what the portal showed', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE)]));
    await saveProfile(db, `sgk:${SICIL}`, { employees: 99 });
    await deleteProfile(db, `sgk:${SICIL}`);
    const row = await db.workplaces.get(`sgk:${SICIL}`);
    expect(row?.profile).toBeUndefined();
    expect(row?.seen).toMatchObject(WORKPLACE);
  });

  test('a malformed profile is refused', async () => {
    await expect(saveProfile(db, undefined, { employees: -3 })).rejects.toThrow();
    expect(await db.workplaces.count()).toBe(0);
  });
});

describe('assignments and settings', () => {
  test('assignments per workplace', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow(AYSE), gridRow(MEHMET, { sicilNo: '1'.repeat(26) })]));
    expect((await listAssignments(db, `sgk:${SICIL}`)).map((a) => a.personName)).toEqual(['Ayşe Yılmaz']);
    expect(await listAssignments(db)).toHaveLength(2);
  });

  test('settings: defaults, patches, clearing the selected workplace', async () => {
    expect(await getSettings(db)).toEqual({ language: 'tr', disabledRules: [], showTckn: false });
    await saveSettings(db, { language: 'en', selectedWorkplaceKey: 'sgk:1' });
    expect(await saveSettings(db, { showTckn: true })).toEqual({ language: 'en', disabledRules: [], showTckn: true, selectedWorkplaceKey: 'sgk:1' });
    expect(await saveSettings(db, { selectedWorkplaceKey: undefined })).toEqual({ language: 'en', disabledRules: [], showTckn: true });
  });

  test('an unknown checklist step is refused', async () => {
    await expect(setChecklistStep(db, 'x', 11 as 1, true)).rejects.toThrow(RangeError);
  });
});

describe('tab reports (storage.session)', () => {
  test('kept per tab and frame under tab:<id>:<frame> with the time received; cleared on demand', async () => {
    const r = report('new-contracts', [gridRow(AYSE)]);
    await setTabReport(4, r);
    await setTabReport(5, report('old-contracts', []));
    const stored = await getTabReport(4);
    const { records: _records, ...rest } = r;
    expect(stored).toMatchObject({ ...rest, at: expect.stringMatching(/^\d{4}-/), recordCount: 1, errorRecords: 0 });
    // records are kept as short summaries (who, which workplace, states): storage.session is small
    expect(stored?.records).toEqual([
      {
        kind: 'assignment',
        workplace: WORKPLACE,
        assignment: { personName: 'Ayşe Yılmaz', tckn: '10000000146', role: 'igu', minutes: 1200, approvalState: 'pending', contractState: 'active' },
      },
    ]);
    expect(stored?.omitted).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(['tab:4:0', 'tab:5:0']);
    await clearTabReport(4);
    expect(await getTabReport(4)).toBeUndefined();
    expect((await getTabReport(5))?.screen).toBe('old-contracts');
  });
});
