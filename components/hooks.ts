// React Query hooks over the mirror's query functions (utils/db), shared by the popup and the options page.
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { t, type Lang, type StringKey } from '@/utils/i18n';
import { getSettings, listWorkplaces, saveSettings, type KatipDb, type Settings } from '@/utils/db';
import { readPendingPage } from '@/utils/db/pending-list';
import { useDb } from './DbContext';

export const queryKeys = {
  settings: ['settings'] as const,
  workplaces: ['workplaces'] as const,
  assignments: ['assignments'] as const,
  pending: ['pending-approvals'] as const,
  checklist: (assignmentKey: string) => ['checklist', assignmentKey] as const,
  tabReport: (tabId: number | undefined) => ['tab-report', tabId] as const,
};

/** entries of the pending list read and drawn at first, and added by each "show more": 10,000 pending approvals are never read or drawn at once */
export const PENDING_PAGE = 50;

/** The reads the pages start with, shared by their hooks and by the prefetch before the first render. */
export const queries = {
  settings: (db: KatipDb) => queryOptions({ queryKey: queryKeys.settings, queryFn: () => getSettings(db) }),
  workplaces: (db: KatipDb) => queryOptions({ queryKey: queryKeys.workplaces, queryFn: () => listWorkplaces(db) }),
  pending: (db: KatipDb, limit: number = PENDING_PAGE) => queryOptions({ queryKey: [...queryKeys.pending, limit], queryFn: () => readPendingPage(db, limit) }),
};

/**
 * Starts a page's first reads before React draws anything (issue 10): IndexedDB works while the
 * bundle's components are rendered, and the hooks find the reads under way.
 */
export function prefetch(client: QueryClient, db: KatipDb, names: readonly ('settings' | 'workplaces' | 'pending')[]): void {
  for (const name of names) {
    if (name === 'settings') void client.prefetchQuery(queries.settings(db));
    else if (name === 'workplaces') void client.prefetchQuery(queries.workplaces(db));
    else void client.prefetchQuery(queries.pending(db));
  }
}

export function useSettings() {
  const db = useDb();
  return useQuery(queries.settings(db));
}

export function useSaveSettings() {
  const db = useDb();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => saveSettings(db, patch),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.settings, saved);
      void client.invalidateQueries({ queryKey: queryKeys.settings });
    },
  });
}

/** Error text for display (Error message or the value as text). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The page's language and title follow the interface language (screen readers and the tab strip read them). */
export function useDocumentLanguage(lang: Lang, title: StringKey) {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, title);
  }, [lang, title]);
}
