// Where the popup and the side panel get the active tab and its reports, and how they act on it
// (jump to a record, open the profile form, the side panel, the options or the audit page).
// Tests pass their own; the browser one talks to the extension APIs.
import { browser } from 'wxt/browser';
import { getTabReports, type StoredTabReport } from '@/utils/db/tab-reports';
import type { JumpRequest } from '@/utils/messages';
import type { CellField, WorkplaceFacts } from '@/utils/records';
import { profileFormUrl } from '@/utils/background/open-profile';

export interface ActiveTab {
  id?: number;
  windowId?: number;
  /** only known on the portal (host permission); undefined elsewhere */
  url?: string;
}

export interface TabSource {
  activeTab(): Promise<ActiveTab | undefined>;
  /** every frame's report (the old interface shows forms in frames) */
  reports(tabId: number): Promise<StoredTabReport[]>;
  openOptions(): void;
  /** the options page's profile form, pre-filled with what the page showed */
  openProfile(facts: WorkplaceFacts): void;
  /** asks the frame's content script to scroll to a record and highlight its cell */
  jump(tabId: number, frameId: number, recordIndex: number, field?: CellField): void;
  /** calls back when a tab's reports or the active tab change; returns the unsubscribe */
  watch?(onChange: () => void): () => void;
  /** the side panel beside the tab (call straight from a click: the browser wants a user gesture) */
  openSidePanel?(tab: ActiveTab | undefined): void;
  openAudit?(): void;
  /** the top frame's sanitised snapshot for a bug report (the injected script's result, unchecked) */
  snapshot?(tabId: number): Promise<unknown>;
}

type SidePanelApi = { open(options: { windowId?: number; tabId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

export const browserTabSource: TabSource = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { id: tab.id, windowId: tab.windowId, url: tab.url } : undefined;
  },
  reports: (tabId) => getTabReports(tabId),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openProfile: (facts) => void browser.tabs.create({ url: profileFormUrl(facts) }),
  jump: (tabId, frameId, recordIndex, field) => {
    const message: JumpRequest = field ? { type: 'jump', recordIndex, field } : { type: 'jump', recordIndex };
    browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {
      // the page changed meanwhile: nothing to jump to
    });
  },
  watch(onChange) {
    const onStorage = (changes: Record<string, unknown>) => {
      if (Object.keys(changes).some((key) => key.startsWith('tab:'))) onChange();
    };
    const onActivated = () => onChange();
    const onUpdated = (_id: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url !== undefined) onChange();
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  },
  openSidePanel(tab) {
    const g = globalThis as { chrome?: { sidePanel?: SidePanelApi } };
    const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
    if (g.chrome?.sidePanel && tab?.windowId !== undefined) {
      // no await before this call: Chrome wants it inside the click's user gesture
      void g.chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
    } else if (sidebar) {
      void sidebar.open().catch(() => {});
    }
  },
  // made by entrypoints/snapshot.ts, injected into the top frame only now: the content script of every
  // portal page does not carry it (issue 10); the "scripting" permission, on the portal's hosts only
  snapshot: async (tabId) => {
    const [top] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/snapshot.js'] });
    return top?.result;
  },
  // audit.html is the audit helper's entrypoint: not in this build's typed paths until it lands
  openAudit: () => void browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/audit.html') }),
};
