// Per-tab state of the portal's screens (the latest page report, the old grid's selected row),
// kept in storage.session: the MV3 background holds nothing in globals. Firefox MV2 has no
// storage.session, so storage.local stands in (cleared when the tab closes).
import { browser } from 'wxt/browser';
import type { PageReport } from '../messages';
import type { AssignmentFacts } from '../records';

/** The storage area for per-tab state: session when the browser has it, else local. */
export function tabStorage(): typeof browser.storage.local {
  const storage = browser.storage as typeof browser.storage & { session?: typeof browser.storage.local };
  return storage.session ?? storage.local;
}

export type StoredTabReport = PageReport & {
  /** when the background received it */
  at: string;
  /** the frame that sent it (0 = the top page) */
  frameId?: number;
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

export async function setTabReport(tabId: number, report: PageReport, frameId?: number): Promise<StoredTabReport> {
  const stored: StoredTabReport = { ...report, at: new Date().toISOString() };
  if (frameId !== undefined) stored.frameId = frameId;
  await tabStorage().set({ [reportKey(tabId, frameId)]: stored });
  return stored;
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
