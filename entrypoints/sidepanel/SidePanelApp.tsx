// The side panel: this tab's findings, live (the background keeps each frame's report in
// storage.session), beside the portal instead of over it; the pending approvals and their checklists.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { GroupBy } from '@/components/FindingsView';
import { useDb } from '@/components/DbContext';
import { FindingsView } from '@/components/FindingsView';
import { errorText, useDocumentLanguage, queryKeys, useSaveSettings, useSettings } from '@/components/hooks';
import { Icon } from '@/components/Icon';
import { PendingList } from '@/components/PendingList';
import { SnapshotButton } from '@/components/SnapshotButton';
import { browserTabSource, type TabSource } from '@/components/tabSource';
import { isPortalUrl } from '@/utils/background/tabs';
import { factsOnly, type StoredTabReport } from '@/utils/db';
import { formatLocalDateTime, screenLabel, t, type Lang } from '@/utils/i18n';

export const PANEL_QUERY = ['panel-tab'] as const;

/** The active tab's reports, refetched whenever a report changes or another tab comes forward. */
export function useActiveTabReports(tabs: TabSource, disabled: readonly string[]) {
  const client = useQueryClient();
  useEffect(
    () =>
      tabs.watch?.(() => {
        void client.invalidateQueries({ queryKey: PANEL_QUERY });
        // a report also changes the mirror: pending approvals and their checklists
        void client.invalidateQueries({ queryKey: queryKeys.pending });
        void client.invalidateQueries({ queryKey: ['checklist'] });
      }),
    [tabs, client],
  );
  return useQuery({
    queryKey: PANEL_QUERY,
    queryFn: async () => {
      const tab = await tabs.activeTab();
      const reports: StoredTabReport[] = tab?.id !== undefined ? await tabs.reports(tab.id) : [];
      return { tab: tab ?? null, reports: reports.map((r) => ({ ...r, findings: r.findings.filter((f) => !disabled.includes(f.ruleId)) })) };
    },
  });
}

export function SidePanelApp({ tabs = browserTabSource }: { tabs?: TabSource }) {
  const db = useDb();
  const settings = useSettings();
  const save = useSaveSettings();
  const lang: Lang = settings.data?.language ?? 'tr';
  useDocumentLanguage(lang, 'titleSidePanel');
  // the choice shows at once; it is saved in the settings for next time
  const [chosen, setChosen] = useState<GroupBy | undefined>();
  const groupBy: GroupBy = chosen ?? settings.data?.groupFindingsBy ?? 'record';
  const showTckn = settings.data?.showTckn ?? false;
  const query = useActiveTabReports(tabs, settings.data?.disabledRules ?? []);
  const selectedKey = settings.data?.selectedWorkplaceKey;
  const selected = useQuery({
    queryKey: ['selected-workplace', selectedKey],
    queryFn: async () => {
      const row = selectedKey ? await db.workplaces.get(selectedKey) : undefined;
      return (row && (factsOnly(row.seen) ?? factsOnly(row.profile))) ?? null;
    },
  });

  const activeTab = query.data?.tab;
  const snapshotTabId = activeTab?.id !== undefined && isPortalUrl(activeTab.url) ? activeTab.id : undefined;
  let body;
  if (query.isPending || settings.isPending) body = <p role="status">{t(lang, 'loading')}</p>;
  else if (query.isError) body = <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>;
  else if (query.data.reports.length === 0) {
    body = (
      <p className="katip-empty" role="status">
        {t(lang, isPortalUrl(query.data.tab?.url) ? 'popupUnrecognised' : 'popupNotPortal')}
      </p>
    );
  } else {
    const tabId = query.data.tab?.id;
    body = (
      <>
        <p className="katip-muted panel-screens">
          {query.data.reports.map((r) => t(lang, 'popupScreen', { screen: screenLabel(lang, r.screen), at: formatLocalDateTime(r.at, lang) })).join(' · ')}
        </p>
        <FindingsView
          reports={query.data.reports}
          lang={lang}
          showTckn={showTckn}
          groupBy={groupBy}
          onGroupBy={(groupFindingsBy) => {
            setChosen(groupFindingsBy);
            save.mutate({ groupFindingsBy });
          }}
          fallbackWorkplace={selected.data ?? undefined}
          onAddProfile={(facts) => tabs.openProfile(facts)}
          onJump={(ref, field) => {
            if (tabId !== undefined) tabs.jump(tabId, ref.frameId, ref.recordIndex, field);
          }}
        />
      </>
    );
  }

  return (
    <div className="katip-ui panel" lang={lang}>
      <header className="panel-header">
        <h1>{t(lang, 'appName')}</h1>
        <button type="button" onClick={() => tabs.openOptions()}>
          <Icon name="settings" size={14} />
          {t(lang, 'navOptions')}
        </button>
      </header>
      <main>
        {body}
        <PendingList lang={lang} showTckn={showTckn} />
      </main>
      <footer className="panel-footer">
        {snapshotTabId !== undefined && tabs.snapshot && (
          <SnapshotButton key={snapshotTabId} lang={lang} request={() => tabs.snapshot!(snapshotTabId)} />
        )}
        <p className="katip-muted">{t(lang, 'panelLocalOnly')}</p>
      </footer>
    </div>
  );
}
