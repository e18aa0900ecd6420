// The toolbar popup: this tab's findings (PAGE-CONTRACT.md) and the pending approvals' checklists (RULES.md §10).
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { Checklist, checklistDone } from '@/components/Checklist';
import { useDb } from '@/components/DbContext';
import { FindingList } from '@/components/FindingList';
import { errorText, queryKeys, useSettings } from '@/components/hooks';
import { isPortalUrl } from '@/utils/background/tabs';
import { maskTckn } from '@/utils/domain/core';
import {
  CHECKLIST_STEPS,
  getTabReports,
  listPendingApprovals,
  workplaceName,
  type PendingApproval,
  type StoredTabReport,
} from '@/utils/db';
import { formatLocalDateTime, screenLabel, t, type Lang } from '@/utils/i18n';
import type { JumpRequest } from '@/utils/messages';

export interface ActiveTab {
  id?: number;
  /** only known on the portal (host permission); undefined elsewhere */
  url?: string;
}

/** Where the popup gets the active tab and its report; tests pass their own. */
export interface TabSource {
  activeTab(): Promise<ActiveTab | undefined>;
  /** every frame's report (the old interface shows forms in frames) */
  reports(tabId: number): Promise<StoredTabReport[]>;
  openOptions(): void;
  /** asks the frame's content script to scroll to a record */
  jump(tabId: number, frameId: number, recordIndex: number): void;
}

export const browserTabSource: TabSource = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { id: tab.id, url: tab.url } : undefined;
  },
  reports: (tabId) => getTabReports(tabId),
  openOptions: () => void browser.runtime.openOptionsPage(),
  jump: (tabId, frameId, recordIndex) => {
    const message: JumpRequest = { type: 'jump', recordIndex };
    browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {
      // the page changed meanwhile: nothing to jump to
    });
  },
};

export function PopupApp({ tabs = browserTabSource }: { tabs?: TabSource }) {
  const settings = useSettings();
  const lang: Lang = settings.data?.language ?? 'tr';
  return (
    <div className="katip-ui popup" lang={lang}>
      <header className="popup-header">
        <h1>{t(lang, 'appName')}</h1>
        <button type="button" className="popup-options" onClick={() => tabs.openOptions()}>
          {t(lang, 'popupOptions')}
        </button>
      </header>
      <main>
        <TabFindings tabs={tabs} lang={lang} showTckn={settings.data?.showTckn ?? false} disabled={settings.data?.disabledRules ?? []} />
        <PendingApprovals lang={lang} showTckn={settings.data?.showTckn ?? false} />
      </main>
    </div>
  );
}

function TabFindings({ tabs, lang, showTckn, disabled }: { tabs: TabSource; lang: Lang; showTckn: boolean; disabled: string[] }) {
  const headingId = useId();
  const query = useQuery({
    queryKey: ['active-tab-report'],
    queryFn: async () => {
      const tab = await tabs.activeTab();
      const reports = tab?.id !== undefined ? await tabs.reports(tab.id) : [];
      return { tab: tab ?? null, reports };
    },
  });

  let body;
  if (query.isPending) body = <p role="status">{t(lang, 'loading')}</p>;
  else if (query.isError) body = <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>;
  else if (query.data.reports.length > 0) {
    body = query.data.reports.map((report) => (
      <div className="popup-frame" key={report.frameId ?? 0}>
        <p className="popup-meta">
          {t(lang, 'popupScreen', { screen: screenLabel(lang, report.screen), at: formatLocalDateTime(report.at) })}
        </p>
        <FindingList
          findings={report.findings.filter((f) => !disabled.includes(f.ruleId))}
          language={lang}
          showTckn={showTckn}
          onOpenProfiles={() => tabs.openOptions()}
          onJump={(recordIndex) => {
            const tabId = query.data.tab?.id;
            if (tabId !== undefined) tabs.jump(tabId, report.frameId ?? 0, recordIndex);
          }}
        />
      </div>
    ));
  } else {
    const onPortal = isPortalUrl(query.data.tab?.url);
    body = (
      <p className="popup-empty" role="status">
        {t(lang, onPortal ? 'popupUnrecognised' : 'popupNotPortal')}
      </p>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(lang, 'popupFindings')}</h2>
      {body}
    </section>
  );
}

function PendingApprovals({ lang, showTckn }: { lang: Lang; showTckn: boolean }) {
  const db = useDb();
  const headingId = useId();
  const query = useQuery({ queryKey: queryKeys.pending, queryFn: () => listPendingApprovals(db) });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(lang, 'popupPending')}</h2>
      {query.isPending ? (
        <p role="status">{t(lang, 'loading')}</p>
      ) : query.isError ? (
        <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>
      ) : query.data.length === 0 ? (
        <p className="popup-empty">{t(lang, 'popupPendingNone')}</p>
      ) : (
        <ul className="popup-pending">
          {query.data.map((item) => (
            <PendingItem key={item.assignment.key} item={item} lang={lang} showTckn={showTckn} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PendingItem({ item, lang, showTckn }: { item: PendingApproval; lang: Lang; showTckn: boolean }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { assignment, workplace, checklist } = item;
  const done = checklistDone(checklist);
  const tckn = assignment.tckn ? (showTckn ? assignment.tckn : maskTckn(assignment.tckn)) : undefined;
  return (
    <li className="popup-pending-item">
      <button type="button" className="popup-disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'} </span>
        <span className="popup-pending-label">{assignment.label}</span>
        <span className="popup-pending-progress">{` ${done}/${CHECKLIST_STEPS.length}`}</span>
      </button>
      <p className="popup-pending-meta">
        {workplace ? workplaceName(workplace) : null}
        {workplace && tckn ? ' · ' : null}
        {tckn ? `T.C. ${tckn}` : null}
        {' · '}
        {t(lang, 'popupProgress', { done, total: CHECKLIST_STEPS.length })}
      </p>
      {open && (
        <div id={panelId}>
          <Checklist assignmentKey={assignment.key} language={lang} />
        </div>
      )}
    </li>
  );
}
