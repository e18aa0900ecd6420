// Lists of any size reach the mirror: a report too big for one message travels in parts, each
// valid at the message boundary, applied on its own and put together for the popup; the tab's
// report fits storage.session whatever its size, and says what it left out.
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { getTabReport, type KatipDb } from '@/utils/db';
import { PageReportSchema, type PageReport } from '@/utils/messages';
import { MAX_RECORDS_PER_MESSAGE, REPORT_PART_RECORDS, splitPageReport } from '@/utils/page-report-parts';
import { handleMessage } from '@/utils/background/router';
import { TAB_REPORT_BUDGET, setTabReport, setTabReports, tabStorage } from '@/utils/db/tab-reports';
import type { PageRecord } from '@/utils/records';
import { gridRow, report, useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const sender = (tabId: number, frameId = 0) => ({ tab: { id: tabId }, frameId, url: 'https://isgkatip.csgb.gov.tr/x' });

function rows(n: number, from = 0): PageRecord[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return gridRow(
      { portalId: `P${i}`, personName: `Kişi ${i}`, role: 'igu', minutes: 100, approvalState: 'approved', contractState: 'active' },
      { sicilNo: `2${String(i % 37).padStart(25, '0')}`, title: `İşyeri ${i % 37}` },
    );
  });
}

function finding(recordIndex: number | undefined, severity: 'error' | 'warn' = 'error', result: 'fail' | 'needs-data' = 'fail'): PageReport['findings'][number] {
  const f: PageReport['findings'][number] = {
    ruleId: 'minutes-below-minimum',
    severity,
    result,
    message: { tr: `Kayıt ${recordIndex ?? '-'}: süre asgarinin altında. ${'x'.repeat(200)}`, en: `Record ${recordIndex ?? '-'}: minutes below the minimum.` },
    citation: 'İSG Hizmetleri Yönetmeliği m.12',
  };
  if (recordIndex !== undefined) f.recordIndex = recordIndex;
  return f;
}

describe('splitting a report into parts', () => {
  test('20,000 records: parts of at most 2,000, each valid at the boundary; every record and finding once, page findings in every part', () => {
    const records = rows(20000);
    const findings = [...records.map((_r, i) => finding(i)).filter((_f, i) => i % 3 === 0), finding(undefined)];
    const whole = report('new-contracts', records, { findings });
    expect(PageReportSchema.safeParse(whole).success).toBe(false); // over the per-message cap
    const parts = splitPageReport(whole);
    expect(parts).toHaveLength(10);
    for (const [i, part] of parts.entries()) {
      expect(PageReportSchema.safeParse(part).success).toBe(true);
      expect(part.records.length).toBeLessThanOrEqual(REPORT_PART_RECORDS);
      expect(part.part).toMatchObject({ index: i, count: 10, offset: i * 2000, total: 20000, id: parts[0]!.part!.id });
      expect(part.findings.filter((f) => f.recordIndex === undefined)).toHaveLength(1);
      expect(part.findings.every((f) => f.recordIndex === undefined || (f.recordIndex >= part.part!.offset && f.recordIndex < part.part!.offset + part.records.length))).toBe(true);
    }
    expect(parts.flatMap((p) => p.records)).toEqual(records);
    expect(parts.flatMap((p) => p.findings.filter((f) => f.recordIndex !== undefined))).toEqual(findings.slice(0, -1));
    expect(MAX_RECORDS_PER_MESSAGE).toBeGreaterThanOrEqual(REPORT_PART_RECORDS);
  });

  test('a small report stays one message; many findings on few records split by findings', () => {
    expect(splitPageReport(report('new-contracts', rows(3)))).toHaveLength(1);
    const records = rows(10);
    const findings = records.flatMap((_r, i) => Array.from({ length: 6 }, () => finding(i)));
    const parts = splitPageReport(report('new-contracts', records, { findings }), { findings: 20 });
    expect(parts.every((p) => p.findings.length <= 20)).toBe(true);
    expect(parts.flatMap((p) => p.records)).toHaveLength(10);
  });
});

describe('a report in parts reaches the background', () => {
  test('every part is stored in the mirror; the popup sees one report of all parts; the badge counts every part', async () => {
    const records = rows(230);
    const findings = [finding(5), finding(150), finding(229), finding(undefined, 'warn')];
    const parts = splitPageReport(report('new-contracts', records, { findings }), { records: 50 });
    expect(parts).toHaveLength(5);
    // sent fire-and-forget, as the content script does: the background keeps their order
    const replies = await Promise.all(parts.map((p) => handleMessage(db, p, sender(3))));
    expect(replies.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    expect(await db.assignments.count()).toBe(230);
    expect(await db.workplaces.count()).toBe(37);
    const stored = await getTabReport(3);
    expect(stored).toMatchObject({ recordCount: 230, errorRecords: 3, parts: { received: 5, count: 5 } });
    expect(stored?.records).toHaveLength(230);
    expect(stored?.findings.map((f) => f.recordIndex)).toEqual([5, undefined, 150, 229]);
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('3');

    // the next scan's report replaces it whole
    await handleMessage(db, report('new-contracts', rows(2)), sender(3));
    expect(await getTabReport(3)).toMatchObject({ recordCount: 2, errorRecords: 0 });
    expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  test('parts sent again (the worker stopped before it answered) count once: the popup and the badge see each record once', async () => {
    const parts = splitPageReport(report('new-contracts', rows(150), { findings: [finding(10), finding(120)] }), { records: 50 });
    // the first two parts were handled, then the content script sent every part again
    for (const p of [parts[0]!, parts[1]!, parts[0]!, parts[1]!, parts[2]!, parts[2]!]) await handleMessage(db, p, sender(6));
    expect(await getTabReport(6)).toMatchObject({ recordCount: 150, errorRecords: 2, parts: { received: 3, count: 3 } });
    expect((await getTabReport(6))?.records).toHaveLength(150);
    expect(await browser.action.getBadgeText({ tabId: 6 })).toBe('2');
    expect(await db.assignments.count()).toBe(150);
  });

  test('a late part of an older report does not mix into the newer one', async () => {
    const old = splitPageReport(report('new-contracts', rows(100), { findings: [finding(70)] }), { records: 50 });
    await handleMessage(db, old[0]!, sender(4));
    await handleMessage(db, report('old-contracts', rows(1, 500)), sender(4));
    await handleMessage(db, old[1]!, sender(4));
    expect(await getTabReport(4)).toMatchObject({ screen: 'old-contracts', recordCount: 1, errorRecords: 0 });
    // the mirror still learned the late part's records
    expect(await db.assignments.get('portal:P70')).toBeDefined();
  });
});

describe('the tab report fits storage.session', () => {
  test('a report far over the budget is cut (errors first) and says how much it left out; the badge still counts every error', async () => {
    const records = rows(4000);
    const findings = [...records.map((_r, i) => finding(i, i % 2 ? 'warn' : 'error', i % 5 === 0 ? 'needs-data' : 'fail'))];
    const parts = splitPageReport(report('new-contracts', records, { findings }));
    for (const p of parts) await handleMessage(db, p, sender(5));
    const stored = (await getTabReport(5))!;
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(TAB_REPORT_BUDGET + 1000);
    expect(stored.findings.length).toBeGreaterThan(100);
    expect(stored.findings.length).toBeLessThan(4000);
    expect(stored.omitted!.findings).toBe(4000 - stored.findings.length);
    expect(stored.recordCount).toBe(4000);
    // kept: errors that fired before warnings and missing facts
    const errorFails = findings.filter((f) => f.severity === 'error' && f.result === 'fail').length;
    expect(stored.findings.filter((f) => f.severity === 'error' && f.result === 'fail')).toHaveLength(errorFails);
    expect(stored.findings.some((f) => f.severity === 'warn')).toBe(true);
    expect(stored.errorRecords).toBe(errorFails);
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('999+');
  }, 60_000);

  test('parts kept together (they queued up) hold what the parts kept one by one hold, with one storage write', async () => {
    const records = rows(900);
    const findings = [...records.map((_r, i) => finding(i, i % 2 ? 'warn' : 'error')).filter((_f, i) => i % 4 !== 1), finding(undefined)];
    const parts = splitPageReport(report('new-contracts', records, { findings }), { records: 200 });
    expect(parts).toHaveLength(5);
    for (const p of parts) await setTabReport(7, p);
    const storage = tabStorage();
    const set = vi.spyOn(storage, 'set');
    // the first part alone, then the rest as they queue up (the fourth sent twice: kept once)
    await setTabReports(8, [parts[0]!]);
    await setTabReports(8, [parts[1]!, parts[2]!, parts[3]!, parts[3]!, parts[4]!]);
    expect(set).toHaveBeenCalledTimes(2);
    const { at: _a, ...together } = (await getTabReport(8))!;
    const { at: _b, ...alone } = (await getTabReport(7))!;
    expect(together).toEqual(alone);
    expect(together).toMatchObject({ recordCount: 900, parts: { received: 5, count: 5 } });
    set.mockRestore();
  });

  test('storage refusing parts kept together keeps each part as it would alone', async () => {
    const storage = tabStorage();
    const original = storage.set.bind(storage);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const parts = splitPageReport(report('new-contracts', rows(60), { findings: rows(60).map((_r, i) => finding(i)) }), { records: 20 });
    const set = vi.spyOn(storage, 'set').mockImplementation(async (items) => {
      if (JSON.stringify(items).length > 20_000) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      return original(items);
    });
    try {
      for (const p of parts) await setTabReport(9, p);
      await setTabReports(10, parts);
      const { at: _a, ...together } = (await getTabReport(10))!;
      const { at: _b, ...alone } = (await getTabReport(9))!;
      expect(together).toEqual(alone);
      expect(together).toMatchObject({ recordCount: 60, errorRecords: 60 });
      expect(together.omitted!.findings).toBeGreaterThan(0);
    } finally {
      set.mockRestore();
      warn.mockRestore();
    }
  });

  test('storage refusing the report (quota exceeded) keeps a smaller one; the page report still succeeds', async () => {
    const storage = tabStorage();
    const original = storage.set.bind(storage);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const set = vi.spyOn(storage, 'set').mockImplementation(async (items) => {
      const size = JSON.stringify(items).length;
      if (size > 2000) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      return original(items);
    });
    try {
      const reply = await handleMessage(db, report('new-contracts', rows(40), { findings: rows(40).map((_r, i) => finding(i)) }), sender(6));
      expect(reply).toMatchObject({ ok: true, created: 40, errors: 40 });
      const stored = (await getTabReport(6))!;
      expect(stored).toMatchObject({ recordCount: 40, errorRecords: 40, findings: [], records: [], omitted: { records: 40, findings: 40 } });
      expect(await browser.action.getBadgeText({ tabId: 6 })).toBe('40');
    } finally {
      set.mockRestore();
      warn.mockRestore();
    }
  });
});

void fakeBrowser;
