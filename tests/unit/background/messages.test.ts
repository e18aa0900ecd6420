// The background's message handling through fakeBrowser: malformed messages refused, get-context
// answers, the toolbar badge per tab, clearing on page-cleared, navigation and tab close.
import { Dexie } from 'dexie';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser, type Browser } from 'wxt/browser';
import { getTabReport, getTabReports, saveProfile, saveSettings, type KatipDb } from '@/utils/db';
import { ContextAnswerSchema, type PageReport } from '@/utils/messages';
import { handleMessage } from '@/utils/background/router';
import { handleTabRemoved, handleTabUpdated } from '@/utils/background/tabs';
import { tabStorage } from '@/utils/db/tab-reports';
import background from '@/entrypoints/background';
import { AYSE, MEHMET, SICIL, WORKPLACE, gridRow, report, useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const tab = (id: number, frameId = 0) => ({ tab: { id }, frameId, url: 'https://isgkatip.csgb.gov.tr/x' });
const fail = (recordIndex: number, ruleId: PageReport['findings'][number]['ruleId'] = 'tckn-invalid', severity: 'error' | 'warn' = 'error'): PageReport['findings'][number] => ({
  ruleId,
  severity,
  result: 'fail',
  message: { tr: 'x', en: 'x' },
  citation: 'c',
  recordIndex,
});

describe('message validation', () => {
  test.each([
    ['not an object', 'hello'],
    ['unknown type', { type: 'steal-cookies' }],
    ['page-report with a bad screen', { ...report('new-contracts', []), screen: 'login' }],
    ['page-report with a negative scan time', { ...report('new-contracts', []), scanMs: -1 }],
    ['selection with a wrong role', { type: 'selection', assignment: { role: 'boss' } }],
  ])('%s is refused with a clear bilingual error and changes nothing', async (_name, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = (await handleMessage(db, message, tab(1))) as { ok: boolean; error: { tr: string; en: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.tr).toContain('Geçersiz ileti');
    expect(reply.error.en).toContain('Malformed message');
    expect(await db.assignments.count()).toBe(0);
    expect(await getTabReport(1)).toBeUndefined();
    warn.mockRestore();
  });

  test('a page report that comes from no tab is refused', async () => {
    const reply = await handleMessage(db, report('new-contracts', [gridRow(AYSE)]), {});
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('badge and tab report', () => {
  test('badge text = records with an error that fired, per tab, with colour and a title in words', async () => {
    const r = report('new-contracts', [gridRow(AYSE), gridRow(MEHMET), gridRow({ personName: 'Zeynep', role: 'dsp' })], {
      findings: [fail(0), fail(0, 'certificate-class'), fail(1), fail(2, 'nace-not-listed', 'warn'), { ...fail(2), result: 'needs-data' }],
    });
    await handleMessage(db, r, tab(5));
    await handleMessage(db, report('new-contracts', [gridRow(AYSE)], { findings: [fail(0)] }), tab(6));
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('2');
    expect(await browser.action.getTitle({ tabId: 5 })).toContain('2 hata');
    expect(await browser.action.getBadgeBackgroundColor({ tabId: 5 })).toEqual([0xb3, 0x26, 0x1e, 255]);
    expect(await browser.action.getBadgeText({ tabId: 6 })).toBe('1');
    expect((await getTabReport(5))?.records).toHaveLength(3);

    await handleMessage(db, report('new-contracts', [gridRow(AYSE)]), tab(5));
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('');
    expect(await browser.action.getTitle({ tabId: 5 })).toContain('hata yok');
  });

  test('page-cleared clears the tab report and badge; another frame’s clear leaves them', async () => {
    await handleMessage(db, report('old-contracts', [gridRow(AYSE)], { findings: [fail(0)] }), tab(8, 3));
    await handleMessage(db, { type: 'page-cleared', url: 'https://isgkatip.csgb.gov.tr/menu' }, tab(8, 1));
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe('1');
    await handleMessage(db, { type: 'page-cleared', url: 'https://isgkatip.csgb.gov.tr/x' }, tab(8, 3));
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe('');
    expect(await getTabReport(8)).toBeUndefined();
  });

  test('frames report on their own: the badge counts every frame, the popup sees each; one frame leaving keeps the other', async () => {
    // the old interface: the contracts grid in the top frame, the approval form in a frame
    await handleMessage(db, report('old-contracts', [gridRow(AYSE), gridRow(MEHMET)], { findings: [fail(0), fail(1)] }), tab(12, 0));
    await handleMessage(db, report('old-approval', [{ kind: 'approval', assignment: { personName: 'Ayşe Yılmaz', minutes: 10 } }], { findings: [fail(0, 'over-capacity')] }), tab(12, 4));
    expect(await browser.action.getBadgeText({ tabId: 12 })).toBe('3');
    expect((await getTabReports(12)).map((r) => [r.frameId, r.screen])).toEqual([
      [0, 'old-contracts'],
      [4, 'old-approval'],
    ]);
    await handleMessage(db, { type: 'page-cleared', url: 'https://isgkatip.csgb.gov.tr/kapat' }, tab(12, 4));
    expect(await browser.action.getBadgeText({ tabId: 12 })).toBe('2');
    expect((await getTabReports(12)).map((r) => r.screen)).toEqual(['old-contracts']);
  });

  test('leaving the portal or closing the tab forgets it; staying on the portal does not', async () => {
    await handleMessage(db, report('new-contracts', [gridRow(AYSE)], { findings: [fail(0)] }), tab(9));
    await handleTabUpdated(9, { status: 'loading', url: 'https://isgkatip.csgb.gov.tr/other' });
    expect(await getTabReport(9)).toBeDefined();
    await handleTabUpdated(9, { status: 'complete' });
    expect(await getTabReport(9)).toBeDefined();
    await handleTabUpdated(9, { status: 'loading' });
    expect(await getTabReport(9)).toBeUndefined();
    expect(await browser.action.getBadgeText({ tabId: 9 })).toBe('');

    await handleMessage(db, report('new-contracts', [gridRow(AYSE)]), tab(10));
    await handleMessage(db, { type: 'selection', assignment: AYSE }, tab(10));
    await handleTabRemoved(10);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test('without storage.session (Firefox MV2) the per-tab state falls back to storage.local', async () => {
    const storage = browser.storage as { session?: unknown };
    const session = storage.session;
    storage.session = undefined;
    try {
      expect(tabStorage()).toBe(browser.storage.local);
      await handleMessage(db, report('new-contracts', [gridRow(AYSE)]), tab(11));
      expect(Object.keys(await browser.storage.local.get(null))).toContain('tab:11:0');
    } finally {
      storage.session = session;
    }
  });
});

describe('get-context', () => {
  const ask = async (tabId: number, workplaces?: object[]) =>
    ContextAnswerSchema.parse(await handleMessage(db, { type: 'get-context', ...(workplaces ? { workplaces } : {}) }, tab(tabId)));

  test('names the workplace by SGK number: profile, mirrored facts, active assignments, settings', async () => {
    await handleMessage(db, report('new-contracts', [gridRow(AYSE), gridRow(MEHMET), gridRow({ personName: 'Eski Uzman', role: 'igu', startDate: '2020-01-01', contractState: 'ended', minutes: 500 })]), tab(1));
    await saveProfile(db, undefined, { sicilNo: SICIL, employees: 140, hazardText: 'Tehlikeli' });
    await saveSettings(db, { disabledRules: ['nace-not-listed'], language: 'en', confirmBeforeSave: true });
    const answer = await ask(1, [{ sicilNo: SICIL }]);
    const context = answer.workplaces[0]!;
    expect(context.mirrored).toEqual(WORKPLACE);
    expect(context.profile).toEqual({ sicilNo: SICIL, employees: 140, hazardText: 'Tehlikeli' });
    expect(context.assignments.map((a) => a.label.tr).sort()).toEqual(['Ayşe Yılmaz (İGU, 1.200 dk)', 'Mehmet Öztürk (İH, 600 dk)']);
    // the English reader gets English labels (role and number format), never the Turkish ones
    expect(context.assignments.map((a) => a.label.en).sort()).toEqual(['Ayşe Yılmaz (OHS specialist, 1,200 min)', 'Mehmet Öztürk (workplace physician, 600 min)']);
    expect(context.assignments.find((a) => a.personName === 'Ayşe Yılmaz')).toMatchObject({ key: `a:sgk:${SICIL}|t10000000146|igu|2024-03-05`, minutes: 1200, role: 'igu' });
    expect(answer).toMatchObject({ disabledRules: ['nace-not-listed'], language: 'en', confirmBeforeSave: true, showPassing: false });
    expect(answer.selectedWorkplace).toBeUndefined();
  });

  test('many workplaces in one message, answered in the order asked: by DETSİS number, by title, unknown', async () => {
    await handleMessage(db, report('public-institutions', [{ kind: 'institution', workplace: { detsisNo: '12345678', title: 'Örnek Üniversitesi', naceText: '85.42.01' } }]), tab(1));
    const answer = await ask(1, [{ detsisNo: '12345678' }, { title: 'Başka Kurum' }, { title: 'ÖRNEK ÜNİVERSİTESİ' }]);
    expect(answer.workplaces).toHaveLength(3);
    expect(answer.workplaces[0]!.mirrored?.naceText).toBe('85.42.01');
    expect(answer.workplaces[1]).toEqual({ assignments: [] });
    expect(answer.workplaces[2]!.mirrored?.detsisNo).toBe('12345678');
    expect(answer.base).toEqual({ assignments: [] });
    expect(answer).toMatchObject({ disabledRules: [], language: 'tr', showPassing: false, confirmBeforeSave: false });
  });

  test('more workplaces than one message may name are refused, not half-answered', async () => {
    const reply = await handleMessage(db, { type: 'get-context', workplaces: Array.from({ length: 201 }, (_, i) => ({ title: `K${i}` })) }, tab(1));
    expect(reply).toMatchObject({ ok: false });
  });

  test('old interface: no workplace named → the selected one, and the grid row selected before the approval form', async () => {
    await handleMessage(db, { type: 'selection', workplace: { sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.' } }, tab(2));
    await handleMessage(db, report('old-contracts', [{ kind: 'assignment', assignment: AYSE }]), tab(2));
    await handleMessage(db, { type: 'selection', assignment: AYSE }, tab(2));
    const answer = await ask(2);
    expect(answer.selectedWorkplace).toEqual({ sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.' });
    expect(answer.base.mirrored).toEqual({ sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.' });
    expect(answer.base.assignments.map((a) => a.personName)).toEqual(['Ayşe Yılmaz']);
    expect(answer.selectedAssignment).toEqual(AYSE);
    // the approval form may open in another tab: the latest selection still answers
    const other = await ask(3);
    expect(other.selectedAssignment?.personName).toBe('Ayşe Yılmaz');
  });
});

describe('the background entrypoint', () => {
  test('wires runtime messages and tab events to the handlers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    background.main();
    try {
      const sender = tab(21) as unknown as Browser.runtime.MessageSender;
      const replies = await fakeBrowser.runtime.onMessage.trigger(report('new-contracts', [gridRow(AYSE)], { findings: [fail(0)] }), sender);
      expect(replies[0]).toMatchObject({ ok: true, created: 1, errors: 1 });
      expect(await browser.action.getBadgeText({ tabId: 21 })).toBe('1');
      const refused = await fakeBrowser.runtime.onMessage.trigger({ type: 'nonsense' }, sender);
      expect(refused[0]).toMatchObject({ ok: false });
      await fakeBrowser.tabs.onRemoved.trigger(21, { windowId: 0, isWindowClosing: false });
      await vi.waitFor(async () => expect(await getTabReport(21)).toBeUndefined());
    } finally {
      warn.mockRestore();
      await Dexie.delete('katip-asistani');
    }
  });
});
