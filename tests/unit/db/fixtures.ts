// Test helpers for the mirror: a fresh database per test and small page reports of the portal's screens.
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type KatipDb } from '@/utils/db';
import type { PageReport } from '@/utils/messages';
import type { AssignmentFacts, PageRecord, ScreenId, WorkplaceFacts } from '@/utils/records';

let counter = 0;
/** A database of its own for each test; delete it after with `db.delete()`. */
export function freshDb(): KatipDb {
  counter++;
  return openDb(`katip-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/**
 * For a test file: before each test resets fakeBrowser and hands a fresh database to `use`; after
 * each test deletes it. `let db: KatipDb; useFreshDb((fresh) => (db = fresh));`
 */
export function useFreshDb(use: (db: KatipDb) => void): void {
  let db: KatipDb | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDb();
    use(db);
  });
  afterEach(async () => {
    await db?.delete();
  });
}

export const SICIL = '24322010112345670340112000';
export const WORKPLACE: WorkplaceFacts = { sicilNo: SICIL, title: 'ÖRNEK İNŞAAT A.Ş.', naceText: '43.22.01', hazardText: 'Çok Tehlikeli', employees: 120 };

export const AYSE: AssignmentFacts = {
  personName: 'Ayşe Yılmaz',
  tckn: '10000000146',
  role: 'igu',
  certificateClass: 'A',
  employment: 'kismi',
  minutes: 1200,
  startDate: '2024-03-05',
  approvalState: 'pending',
  contractState: 'active',
};

export const MEHMET: AssignmentFacts = {
  personName: 'Mehmet Öztürk',
  role: 'ih',
  employment: 'kismi',
  minutes: 600,
  startDate: '2024-01-10',
  approvalState: 'approved',
  contractState: 'active',
};

export function report(screen: ScreenId, records: PageRecord[], extra: Partial<PageReport> = {}): PageReport {
  return { type: 'page-report', screen, url: 'https://isgkatip.csgb.gov.tr/x', records, findings: [], scanMs: 3, ...extra };
}

/** A new-interface contracts grid row: workplace columns shown. */
export function gridRow(assignment: AssignmentFacts, workplace: WorkplaceFacts = WORKPLACE): PageRecord {
  return { kind: 'assignment', workplace, assignment };
}

/** A failed finding of a page report (a record's when `recordIndex` is given, else the page's). */
export const finding = (ruleId: PageReport['findings'][number]['ruleId'], recordIndex?: number): PageReport['findings'][number] => ({
  ruleId,
  severity: 'error',
  result: 'fail',
  message: { tr: 'x', en: 'x' },
  citation: 'c',
  ...(recordIndex === undefined ? {} : { recordIndex }),
});
