// React Query hooks over the mirror's query functions (utils/db), shared by the popup and the options page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { t, type Lang, type StringKey } from '@/utils/i18n';
import { getSettings, saveSettings, type Settings } from '@/utils/db';
import { useDb } from './DbContext';

export const queryKeys = {
  settings: ['settings'] as const,
  workplaces: ['workplaces'] as const,
  assignments: ['assignments'] as const,
  pending: ['pending-approvals'] as const,
  checklist: (assignmentKey: string) => ['checklist', assignmentKey] as const,
  tabReport: (tabId: number | undefined) => ['tab-report', tabId] as const,
};

export function useSettings() {
  const db = useDb();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => getSettings(db) });
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
