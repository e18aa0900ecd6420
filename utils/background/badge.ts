// The toolbar badge of a portal tab (PAGE-CONTRACT.md, data-katip-status="error"): the number of
// records in error, with a colour AND a title that says it in words.
import { browser } from 'wxt/browser';
import type { PageReport } from '@/utils/messages';

export const BADGE_COLOR = '#B3261E';
export const DEFAULT_TITLE = 'KATİP Asistanı';

type ActionApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** chrome.action (MV3) or browserAction (Firefox MV2); undefined when neither exists. */
function actionApi(): ActionApi | undefined {
  const b = browser as typeof browser & { browserAction?: ActionApi };
  return b.action ?? b.browserAction;
}

/** Records with status error: those with at least one error rule that fired (not needs-data). */
export function errorRecordCount(findings: PageReport['findings']): number {
  const records = new Set<number>();
  for (const finding of findings) {
    if (finding.severity === 'error' && finding.result === 'fail' && finding.recordIndex !== undefined) records.add(finding.recordIndex);
  }
  return records.size;
}

export function badgeTitle(errors: number): string {
  if (errors === 0) return `${DEFAULT_TITLE}: hata yok (no errors)`;
  return `${DEFAULT_TITLE}: ${errors} hata (${errors} ${errors === 1 ? 'error' : 'errors'})`;
}

export async function updateBadge(tabId: number, errors: number): Promise<void> {
  const action = actionApi();
  if (!action) return;
  const text = errors === 0 ? '' : errors > 999 ? '999+' : String(errors);
  await tolerateClosedTab(tabId, () =>
    Promise.all([
      action.setBadgeText({ tabId, text }),
      action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
      action.setTitle({ tabId, title: badgeTitle(errors) }),
    ]),
  );
}

export async function clearBadge(tabId: number): Promise<void> {
  const action = actionApi();
  if (!action) return;
  await tolerateClosedTab(tabId, () => Promise.all([action.setBadgeText({ tabId, text: '' }), action.setTitle({ tabId, title: DEFAULT_TITLE })]));
}

/** A tab closed meanwhile has no badge to set: that is logged, not thrown. */
async function tolerateClosedTab(tabId: number, set: () => Promise<unknown>): Promise<void> {
  try {
    await set();
  } catch (error) {
    console.warn('[KATİP Asistanı] badge not set', { tabId, error: error instanceof Error ? error.message : String(error) });
  }
}
