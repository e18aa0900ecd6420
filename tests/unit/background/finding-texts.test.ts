// A long list's findings repeat the same few texts: each part carries every distinct text once and
// the findings their number. The background puts the texts back before its message check: the
// mirror, the tab's report and the badge see what they saw before; a malformed packed report is
// refused with a clear error and changes nothing.
import { describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { getTabReport, type KatipDb } from '@/utils/db';
import { handleMessage } from '@/utils/background/router';
import { PageReportSchema, type PageReport } from '@/utils/messages';
import { packFindingTexts, splitPageReport, unpackFindingTexts } from '@/utils/page-report-parts';
import type { PageRecord } from '@/utils/records';
import { freshDb, gridRow, report, useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const sender = (tabId: number) => ({ tab: { id: tabId }, frameId: 0, url: 'https://isgkatip.csgb.gov.tr/x' });

function rows(n: number): PageRecord[] {
  return Array.from({ length: n }, (_, i) =>
    gridRow({ portalId: `P${i}`, personName: `Kişi ${i}`, role: 'igu', minutes: 100, approvalState: i % 4 ? 'approved' : 'pending', contractState: 'active' }, { sicilNo: `2${String(i % 7).padStart(25, '0')}` }),
  );
}

// the text the rules give every row of a page whose workplace is unknown (as a 20,000-row list repeats it)
const UNKNOWN = {
  tr: 'Tehlike sınıfı bilinmiyor: sayfada, işyeri profilinde ve kayıtlarda yok; Çalışan sayısı bilinmiyor: sayfada, işyeri profilinde ve kayıtlarda yok',
  en: 'Hazard class unknown: not on the page, in a workplace profile or in the saved records; Employee count unknown: not on the page, in a workplace profile or in the saved records',
};
const CITATION = 'İş Güvenliği Uzmanlarının Görev, Yetki, Sorumluluk ve Eğitimleri Hakkında Yönetmelik (RG 29.12.2012/28512) m. 12 (RG 30.04.2015/29342 değişikliğiyle)';
function findings(n: number): PageReport['findings'] {
  const out: PageReport['findings'] = [];
  for (let i = 0; i < n; i++) {
    out.push({ ruleId: 'certificate-class', severity: 'error', result: 'needs-data', message: UNKNOWN, citation: CITATION, missing: ['hazard-class', 'employees'], recordIndex: i });
    if (i % 10 === 0) out.push({ ruleId: 'minutes-below-minimum', severity: 'error', result: 'fail', message: { tr: `Kayıt ${i}: süre asgarinin altında`, en: `Record ${i}: minutes below the minimum` }, citation: 'm. 12', recordIndex: i });
  }
  out.push({ ruleId: 'nace-not-listed', severity: 'warn', result: 'fail', message: { tr: 'NACE kodu listede yok', en: 'NACE code not listed' }, citation: 'Tebliğ' });
  return out;
}

describe('finding texts once per message', () => {
  test('packed: each distinct text once, a third or less of the size; unpacked: the report as it was', () => {
    const whole = report('old-contracts', rows(2000), { findings: findings(2000) });
    const packed = packFindingTexts(whole);
    expect(packed.texts).toHaveLength(1 + 200 + 1);
    // the findings (texts included) travel in less than a third of the characters
    expect(JSON.stringify([packed.findings, packed.texts]).length).toBeLessThan(JSON.stringify(whole.findings).length / 3);
    expect(unpackFindingTexts(packed)).toEqual(whole);
    expect(PageReportSchema.safeParse(unpackFindingTexts(packed)).success).toBe(true);
  });

  test('other messages and unpacked reports pass as they are', () => {
    const plain = report('new-contracts', rows(2), { findings: findings(2) });
    expect(unpackFindingTexts(plain)).toBe(plain);
    const selection = { type: 'selection', workplace: { sicilNo: '1' } };
    expect(unpackFindingTexts(selection)).toBe(selection);
    expect(unpackFindingTexts(null)).toBeNull();
  });

  test('a packed report in parts stores what the same parts unpacked store: mirror, tab report, badge', async () => {
    const whole = report('new-contracts', rows(230), { findings: findings(230) });
    const parts = splitPageReport(whole, { records: 50 });
    const plainDb = freshDb();
    try {
      for (const p of parts) expect(await handleMessage(db, packFindingTexts(p), sender(1))).toMatchObject({ ok: true });
      for (const p of parts) expect(await handleMessage(plainDb, p, sender(2))).toMatchObject({ ok: true });
      const rowsOf = async (d: KatipDb) => ({
        assignments: await d.assignments.orderBy('key').toArray(),
        history: (await d.history.orderBy('id').toArray()).map(({ id: _id, at: _at, ...h }) => h),
        checklists: (await d.checklists.orderBy('assignmentKey').toArray()).map((c) => Object.keys(c.steps)),
      });
      const packedRows = await rowsOf(db);
      const plainRows = await rowsOf(plainDb);
      // times and the pending write stamp (schema v5) differ between the two databases by construction
      const facts = (rows: typeof packedRows.assignments) => rows.map(({ firstSeenAt: _f, lastSeenAt: _l, pendingStamp: _s, ...a }) => a);
      expect(facts(packedRows.assignments)).toEqual(facts(plainRows.assignments));
      expect(packedRows.history).toEqual(plainRows.history);
      expect(packedRows.checklists).toEqual(plainRows.checklists);
      const { at: _a1, ...one } = (await getTabReport(1))!;
      const { at: _a2, ...two } = (await getTabReport(2))!;
      expect(one).toEqual(two);
      expect(one.findings[0]?.message).toEqual(expect.objectContaining({ tr: expect.any(String), en: expect.any(String) }));
      expect(await browser.action.getBadgeText({ tabId: 1 })).toBe(await browser.action.getBadgeText({ tabId: 2 }));
      expect(await browser.action.getBadgeText({ tabId: 1 })).toBe('23');
    } finally {
      await plainDb.delete();
    }
  });

  test('a packed report naming a text it does not carry is refused, clearly, and nothing is written', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const packed = packFindingTexts(report('new-contracts', rows(3), { findings: findings(3) }));
    const broken = { ...packed, findings: packed.findings.map((f, i) => (i === 1 ? { ...f, text: 99 } : f)) };
    const reply = await handleMessage(db, broken, sender(3));
    expect(reply).toMatchObject({ ok: false, error: { tr: expect.stringContaining('findings.1.message'), en: expect.stringContaining('findings.1.message') } });
    const hostile = { ...packed, texts: [{ message: 'x', citation: 5 }] };
    expect(await handleMessage(db, hostile, sender(3))).toMatchObject({ ok: false });
    expect(await db.assignments.count()).toBe(0);
    expect(await getTabReport(3)).toBeUndefined();
    warn.mockRestore();
  });
});
