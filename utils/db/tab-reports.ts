// Per-tab state of the portal's screens (the latest page report, the old grid's selected row),
// kept in storage.session: the MV3 background holds nothing in globals. Firefox MV2 has no
// storage.session, so storage.local stands in (cleared when the tab closes).
import { browser } from 'wxt/browser';
import type { PageReport } from '../messages';
import { withoutUndefined, type AssignmentFacts, type PageRecord } from '../records';

/** The storage area for per-tab state: session when the browser has it, else local. */
export function tabStorage(): typeof browser.storage.local {
  const storage = browser.storage as typeof browser.storage & { session?: typeof browser.storage.local };
  return storage.session ?? storage.local;
}

/**
 * One frame's latest report as kept for the popup and the side panel: the findings and a short
 * summary of each record (its identifying facts), capped to fit storage.session's quota; what
 * was left out is counted, never silently dropped. A report sent in parts is put together here.
 */
export type StoredTabReport = Omit<PageReport, 'part'> & {
  /** when the background received it (its first part) */
  at: string;
  /** the frame that sent it (0 = the top page) */
  frameId?: number;
  /** records the page showed (every part received so far); absent on reports kept by older versions */
  recordCount?: number;
  /** records in error over the whole report (the toolbar badge), counted before any cap */
  errorRecords?: number;
  /** left out to fit storage: records (summaries) and findings not kept */
  omitted?: { records: number; findings: number };
  /** a report in parts: its id, parts received, parts announced */
  parts?: { id: string; received: number; count: number };
};

/** One key per frame: frames of one tab report on their own (the old interface opens forms in frames). */
const reportPrefix = (tabId: number): string => `tab:${tabId}:`;
const reportKey = (tabId: number, frameId = 0): string => `${reportPrefix(tabId)}${frameId}`;

/** Every frame's latest report in the tab, top frame first. */
export async function getTabReports(tabId: number): Promise<StoredTabReport[]> {
  const all = await tabStorage().get(null);
  const prefix = reportPrefix(tabId);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, value]) => value as StoredTabReport)
    .sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
}

/** The tab's most recent report of any frame. */
export async function getTabReport(tabId: number): Promise<StoredTabReport | undefined> {
  const reports = await getTabReports(tabId);
  return reports.reduce<StoredTabReport | undefined>((latest, r) => (!latest || r.at >= latest.at ? r : latest), undefined);
}

/** storage.session holds 10 MB for every tab: one frame's report keeps to about this many characters of JSON */
export const TAB_REPORT_BUDGET = 1_000_000;
/** record summaries kept per frame */
export const TAB_REPORT_RECORDS = 5000;

/** The facts that name a record in a list: who, which workplace (with its N, class, NACE), which contract, its states. */
export function recordSummary(record: PageRecord): PageRecord {
  const out: PageRecord = { kind: record.kind };
  const w = record.workplace;
  if (w) {
    const workplace = withoutUndefined({ sicilNo: w.sicilNo, detsisNo: w.detsisNo, title: w.title, naceText: w.naceText, hazardText: w.hazardText, employees: w.employees });
    if (Object.keys(workplace).length) out.workplace = workplace;
  }
  const a = record.assignment;
  if (a) {
    const assignment = withoutUndefined({
      portalId: a.portalId,
      contractName: a.contractName,
      personName: a.personName,
      tckn: a.tckn,
      role: a.role,
      minutes: a.minutes,
      approvalState: a.approvalState,
      contractState: a.contractState,
    });
    if (Object.keys(assignment).length) out.assignment = assignment;
  }
  return out;
}

const SEVERITY_ORDER = (f: PageReport['findings'][number]): number =>
  f.recordIndex === undefined ? 0 : f.result === 'fail' ? (f.severity === 'error' ? 1 : 2) : 3;

/**
 * The findings and record summaries that fit in `budget` characters: page findings first, then
 * errors, warnings and missing facts (each kept in page order), then the records.
 */
function fitted(
  findings: PageReport['findings'],
  records: PageRecord[],
  budget: number,
  recordRoom: number,
): { findings: PageReport['findings']; records: PageRecord[] } {
  let used = 0;
  const keep = new Set<number>();
  const order = findings.map((f, i) => i).sort((a, b) => SEVERITY_ORDER(findings[a]!) - SEVERITY_ORDER(findings[b]!) || a - b);
  for (const i of order) {
    const size = JSON.stringify(findings[i]).length + 1;
    if (used + size > budget) break;
    used += size;
    keep.add(i);
  }
  const keptRecords: PageRecord[] = [];
  for (const record of records) {
    if (keptRecords.length >= recordRoom) break;
    const summary = recordSummary(record);
    const size = JSON.stringify(summary).length + 1;
    if (used + size > budget) break;
    used += size;
    keptRecords.push(summary);
  }
  return { findings: findings.filter((_f, i) => keep.has(i)), records: keptRecords };
}

function jsonSize(value: unknown): number {
  return JSON.stringify(value).length;
}

/** What keeping a report makes of the frame's stored one: where it starts from, or the stored one kept as it is. */
type Start = { keep: StoredTabReport } | { start: StoredTabReport & { recordCount: number; errorRecords: number }; base?: StoredTabReport };

function startOf(stored: StoredTabReport | undefined, report: PageReport, frameId: number | undefined): Start {
  const { part, records: _records, findings: _findings, ...rest } = report;
  let base: StoredTabReport | undefined;
  if (part) {
    const same = stored?.parts?.id === part.id;
    // a part sent again (the worker stopped before it answered): parts come in order, this one is kept already
    if (same && part.index < stored!.parts!.received) return { keep: stored! };
    if (part.index > 0) {
      // a late part of a report the frame has replaced since: the newer report stays as it is
      if (stored && !same) return { keep: stored };
      base = stored;
    }
  }
  const start: StoredTabReport & { recordCount: number; errorRecords: number } = base
    ? { recordCount: 0, errorRecords: 0, ...base }
    : { ...rest, records: [], findings: [], at: new Date().toISOString(), recordCount: 0, errorRecords: 0 };
  if (frameId !== undefined) start.frameId = frameId;
  return base ? { start, base } : { start };
}

/** The report kept after `report` (or its part) within `budget` characters (0: counts only). Pure. */
function keptReport(start: StoredTabReport & { recordCount: number; errorRecords: number }, base: StoredTabReport | undefined, report: PageReport, budget: number): StoredTabReport {
  const { part, records, findings } = report;
  const errors = errorRecordCountOf(findings);
  // page findings come with every part: keep them once
  const incoming = base ? findings.filter((f) => f.recordIndex !== undefined) : findings;
  // a part gets its share of the budget, so every part of a long list keeps its worst findings
  const share = part && part.total > 0 ? Math.min(1, Math.max(records.length, 1) / part.total) : 1;
  const room = Math.max(0, Math.min(budget * share, budget - jsonSize(start)));
  const fit = fitted(incoming, records, room, Math.max(0, TAB_REPORT_RECORDS - start.records.length));
  const omittedBefore = start.omitted ?? { records: 0, findings: 0 };
  const omitted = {
    records: omittedBefore.records + records.length - fit.records.length,
    findings: omittedBefore.findings + incoming.length - fit.findings.length,
  };
  const stored: StoredTabReport = {
    ...start,
    records: budget === 0 ? [] : [...start.records, ...fit.records],
    findings: budget === 0 ? [] : [...start.findings, ...fit.findings],
    recordCount: start.recordCount + records.length,
    errorRecords: start.errorRecords + errors,
  };
  if (budget === 0) {
    omitted.records = start.recordCount + records.length;
    omitted.findings = omittedBefore.findings + start.findings.length + incoming.length;
  }
  if (omitted.records || omitted.findings) stored.omitted = omitted;
  else delete stored.omitted;
  if (part) stored.parts = { id: part.id, received: (base?.parts?.received ?? 0) + 1, count: part.count };
  return stored;
}

/**
 * Keeps a frame's report (or appends a part to the report of its first part). Never fails on
 * size: a report that does not fit is cut down, and when storage refuses it even so, a smaller
 * one (then counts only) is kept and the rest counted as left out.
 */
export async function setTabReport(tabId: number, report: PageReport, frameId?: number): Promise<StoredTabReport> {
  return setTabReports(tabId, [report], frameId);
}

/**
 * Keeps several reports (or parts) of one frame in the order given, with one storage read and
 * one write: what setTabReport one after another would keep. When storage refuses the result,
 * each is kept on its own again, cut down as setTabReport does.
 */
export async function setTabReports(tabId: number, reports: readonly PageReport[], frameId?: number): Promise<StoredTabReport> {
  const key = reportKey(tabId, frameId);
  let stored = reports.some((r) => r.part) ? ((await tabStorage().get(key))[key] as StoredTabReport | undefined) : undefined;
  let changed = false;
  for (const report of reports) {
    const from = startOf(stored, report, frameId);
    if ('keep' in from) continue;
    stored = keptReport(from.start, from.base, report, TAB_REPORT_BUDGET);
    changed = true;
  }
  if (!changed) return stored!;
  try {
    await tabStorage().set({ [key]: stored });
    return stored!;
  } catch (error) {
    console.warn('[KATİP Asistanı] tab report cut to fit storage', { tabId, frameId, attempt: 1, error: error instanceof Error ? error.message : String(error) });
  }
  let last: StoredTabReport | undefined;
  for (const report of reports) last = await setOneCutDown(tabId, report, frameId, reports.length > 1 ? 0 : 1);
  return last!;
}

/** Keeps one report, trying smaller budgets while storage refuses it (`tried` of them failed already). */
async function setOneCutDown(tabId: number, report: PageReport, frameId: number | undefined, tried: number): Promise<StoredTabReport> {
  const key = reportKey(tabId, frameId);
  const from = startOf(report.part ? ((await tabStorage().get(key))[key] as StoredTabReport | undefined) : undefined, report, frameId);
  if ('keep' in from) return from.keep;
  const { start, base } = from;
  let attempt = tried;
  for (const budget of [TAB_REPORT_BUDGET, TAB_REPORT_BUDGET / 4, 0].slice(tried)) {
    const stored = keptReport(start, base, report, budget);
    try {
      await tabStorage().set({ [key]: stored });
      return stored;
    } catch (error) {
      attempt++;
      console.warn('[KATİP Asistanı] tab report cut to fit storage', { tabId, frameId, attempt, error: error instanceof Error ? error.message : String(error) });
    }
  }
  // storage refuses even the counts: the previous report must not stay as if it were current
  await tabStorage().remove(key).catch(() => undefined);
  const errors = errorRecordCountOf(report.findings);
  return { ...start, records: [], findings: [], recordCount: start.recordCount + report.records.length, errorRecords: start.errorRecords + errors };
}

/** Records with an error rule that fired (not needs-data): the parts of a report hold disjoint records. */
function errorRecordCountOf(findings: PageReport['findings']): number {
  const records = new Set<number>();
  for (const f of findings) {
    if (f.severity === 'error' && f.result === 'fail' && f.recordIndex !== undefined) records.add(f.recordIndex);
  }
  return records.size;
}

/** Forgets one frame's report, or (no frameId) every frame's. */
export async function clearTabReport(tabId: number, frameId?: number): Promise<void> {
  if (frameId !== undefined) {
    await tabStorage().remove(reportKey(tabId, frameId));
    return;
  }
  const keys = (await getTabReports(tabId)).map((r) => reportKey(tabId, r.frameId));
  if (keys.length) await tabStorage().remove(keys);
}

/** The grid row the user clicked on the old interface, before the approval form opened. */
export interface StoredSelection {
  assignment: AssignmentFacts;
  /** the mirror's key of that assignment, when it could be derived */
  assignmentKey?: string;
  workplaceKey?: string;
  at: string;
  tabId?: number;
}

const selectionKey = (tabId: number): string => `selection:${tabId}`;
/** the latest selection of any tab: the approval form may open in a window of its own */
const LAST_SELECTION_KEY = 'selection:last';

export async function setSelectedAssignment(selection: StoredSelection): Promise<void> {
  const items: Record<string, StoredSelection> = { [LAST_SELECTION_KEY]: selection };
  if (selection.tabId !== undefined) items[selectionKey(selection.tabId)] = selection;
  await tabStorage().set(items);
}

/** The tab's own selection, else the latest one made in any tab. */
export async function getSelectedAssignment(tabId: number | undefined): Promise<StoredSelection | undefined> {
  const keys = tabId === undefined ? [LAST_SELECTION_KEY] : [selectionKey(tabId), LAST_SELECTION_KEY];
  const stored = await tabStorage().get(keys);
  for (const key of keys) if (stored[key]) return stored[key] as StoredSelection;
  return undefined;
}

/** Forgets everything kept for a closed tab. */
export async function forgetTab(tabId: number): Promise<void> {
  const storage = tabStorage();
  const last = (await storage.get(LAST_SELECTION_KEY))[LAST_SELECTION_KEY] as StoredSelection | undefined;
  const keys = [selectionKey(tabId)];
  if (last?.tabId === tabId) keys.push(LAST_SELECTION_KEY);
  await storage.remove(keys);
  await clearTabReport(tabId);
}
