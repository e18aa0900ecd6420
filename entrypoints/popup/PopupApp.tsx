// The toolbar popup summarises: this tab's records by state, the workplaces on the page with
// their state, what facts are missing, the pending approvals (sorted, de-duplicated, with progress
// and the error mark); one click to the side panel (the full findings), the options or the audit.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { tally, pageWorkplaces, workplaceGaps, type RecordState } from '@/components/findings';
import { LeftOut, PageNotes, TallyLine } from '@/components/FindingsView';
import { errorText, useDocumentLanguage, useSettings } from '@/components/hooks';
import { Icon } from '@/components/Icon';
import { PendingList } from '@/components/PendingList';
import { SnapshotButton } from '@/components/SnapshotButton';
import { browserTabSource, type ActiveTab, type TabSource } from '@/components/tabSource';
import { isPortalUrl } from '@/utils/background/tabs';
import { formatLocalDateTime, factLabel, maskTcknsIn, screenLabel, severityLabel, t, type Lang } from '@/utils/i18n';
import { maskTckn } from '@/utils/domain/core';
import type { WorkplaceFacts } from '@/utils/records';

export type { ActiveTab, TabSource };

export function PopupApp({ tabs = browserTabSource }: { tabs?: TabSource }) {
  const settings = useSettings();
  const lang: Lang = settings.data?.language ?? 'tr';
  useDocumentLanguage(lang, 'titlePopup');
  // the tab is asked for beside the settings, not after them; its findings of switched-off rules
  // are left out once both are in (nothing is shown before: no finding of a disabled rule flashes)
  const read = useQuery({
    queryKey: ['active-tab-report'],
    queryFn: async () => {
      const tab = await tabs.activeTab();
      const reports = tab?.id !== undefined ? await tabs.reports(tab.id) : [];
      return { tab: tab ?? null, reports };
    },
  });
  const disabledKey = (settings.data?.disabledRules ?? []).join(' ');
  const query: TabQuery = useMemo(() => {
    if (read.isError) return { status: 'error', error: read.error };
    if (settings.isError) return { status: 'error', error: settings.error };
    if (!read.data || !settings.data) return { status: 'pending' };
    const disabled = new Set(disabledKey.split(' '));
    return { status: 'ok', data: { tab: read.data.tab, reports: read.data.reports.map((r) => ({ ...r, findings: r.findings.filter((f) => !disabled.has(f.ruleId)) })) } };
  }, [read.data, read.error, read.isError, settings.data, settings.error, settings.isError, disabledKey]);
  const tab = read.data?.tab ?? undefined;
  return (
    <div className="katip-ui popup" lang={lang}>
      <header className="popup-header">
        <h1>{t(lang, 'appName')}</h1>
        <nav className="popup-actions" aria-label={t(lang, 'sectionsNav')}>
          {tabs.openSidePanel && (
            <button type="button" className="katip-button-primary" onClick={() => tabs.openSidePanel!(tab)}>
              <Icon name="panel" size={14} />
              {t(lang, 'navSidePanel')}
            </button>
          )}
          <button type="button" onClick={() => tabs.openOptions()}>
            <Icon name="settings" size={14} />
            {t(lang, 'navOptions')}
          </button>
          {tabs.openAudit && (
            <button type="button" onClick={() => tabs.openAudit!()}>
              <Icon name="audit" size={14} />
              {t(lang, 'navAudit')}
            </button>
          )}
        </nav>
      </header>
      <main>
        <TabSummary lang={lang} query={query} showTckn={settings.data?.showTckn ?? false} onAddProfile={(facts) => tabs.openProfile(facts)} />
        <PendingList lang={lang} showTckn={settings.data?.showTckn ?? false} />
      </main>
      {tab?.id !== undefined && tabs.snapshot && isPortalUrl(tab.url) && (
        <footer className="popup-footer">
          <SnapshotButton lang={lang} request={() => tabs.snapshot!(tab.id!)} />
        </footer>
      )}
    </div>
  );
}

type TabQuery =
  | { status: 'pending' }
  | { status: 'error'; error: unknown }
  | { status: 'ok'; data: { tab: ActiveTab | null; reports: Awaited<ReturnType<TabSource['reports']>> } };

const STATE_ICON: Record<RecordState, 'error' | 'warn' | 'needs-data' | 'ok' | 'ended'> = {
  error: 'error',
  warn: 'warn',
  'needs-data': 'needs-data',
  ok: 'ok',
  ended: 'ended',
};

export function stateWord(lang: Lang, state: RecordState): string {
  return state === 'ended' ? t(lang, 'stateEnded') : state === 'ok' ? t(lang, 'stateNoProblem') : severityLabel(lang, state).word;
}

function TabSummary({ lang, query, showTckn, onAddProfile }: { lang: Lang; query: TabQuery; showTckn: boolean; onAddProfile(facts: WorkplaceFacts): void }) {
  const headingId = useId();
  let body;
  if (query.status === 'pending') body = <p role="status">{t(lang, 'loading')}</p>;
  else if (query.status === 'error') body = <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>;
  else if (query.data.reports.length === 0) {
    body = (
      <p className="katip-empty" role="status">
        {t(lang, isPortalUrl(query.data.tab?.url) ? 'popupUnrecognised' : 'popupNotPortal')}
      </p>
    );
  } else {
    const reports = query.data.reports;
    const workplaces = pageWorkplaces(reports);
    const gaps = workplaceGaps(reports);
    const counts = tally(reports);
    body = (
      <>
        <p className="katip-muted popup-meta">
          {reports.map((r) => t(lang, 'popupScreen', { screen: screenLabel(lang, r.screen), at: formatLocalDateTime(r.at, lang) })).join(' · ')}
        </p>
        <TallyLine counts={counts} lang={lang} />
        <LeftOut reports={reports} lang={lang} counts={counts} />
        <PageNotes reports={reports} lang={lang} show={(text) => (showTckn ? text : maskTcknsIn(text, maskTckn))} limit={2} />
        {workplaces.length > 0 && (
          <>
            <h3>{t(lang, 'popupWorkplaces')}</h3>
            <ul className="popup-workplaces">
              {workplaces.map((w) => (
                <li key={w.key} className={`popup-workplace is-${w.state}`}>
                  <Icon name={STATE_ICON[w.state]} size={14} />
                  <span className="popup-workplace-name">{w.facts.title ?? w.facts.sicilNo ?? w.facts.detsisNo}</span>
                  <span className="popup-workplace-state">
                    {stateWord(lang, w.state)} · {t(lang, 'ruleRecords', { n: w.records })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {gaps.length > 0 && (
          <ul className="popup-gaps">
            {gaps.map((gap) => (
              <li key={gap.key}>
                <Icon name="needs-data" size={14} />
                <span>
                  {gap.facts.title ? `${gap.facts.title}: ` : ''}
                  {t(lang, 'gapMissing', { facts: gap.missing.map((m) => factLabel(lang, m)).join(` ${t(lang, 'and')} `) })}
                </span>
                <button type="button" onClick={() => onAddProfile(gap.facts)}>
                  <Icon name="profile" size={14} />
                  {t(lang, 'profileAddFor')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(lang, 'popupFindings')}</h2>
      {body}
    </section>
  );
}
