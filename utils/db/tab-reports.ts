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

const reportKey = (tabId: number): string => `tab:${tabId}`;

export async function getTabReport(tabId: number): Promise<StoredTabReport | undefined> {
  const key = reportKey(tabId);
  const stored = (await tabStorage().get(key))[key];
  return stored as StoredTabReport | undefined;
}

export async function setTabReport(tabId: number, report: PageReport, frameId?: number): Promise<StoredTabReport> {
  const stored: StoredTabReport = { ...report, at: new Date().toISOString() };
  if (frameId !== undefined) stored.frameId = frameId;
  await tabStorage().set({ [reportKey(tabId)]: stored });
  return stored;
}

export async function clearTabReport(tabId: number): Promise<void> {
  await tabStorage().remove(reportKey(tabId));
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
  const keys = [reportKey(tabId), selectionKey(tabId)];
  if (last?.tabId === tabId) keys.push(LAST_SELECTION_KEY);
  await storage.remove(keys);
}
