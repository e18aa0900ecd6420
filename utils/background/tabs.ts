// Per-tab lifetime of findings: a tab that closes or leaves the portal loses its report, its
// selected row and its badge (tabs.onRemoved / onUpdated need no "tabs" permission).
import { clearTabReport, forgetTab } from '@/utils/db/tab-reports';
import { clearBadge } from './badge';

export const PORTAL_HOSTS = ['isgkatip.csgb.gov.tr', 'isgkatip.ailevecalisma.gov.tr'] as const;

export function isPortalUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && (PORTAL_HOSTS as readonly string[]).includes(parsed.hostname);
  } catch {
    return false;
  }
}

export async function handleTabRemoved(tabId: number): Promise<void> {
  await forgetTab(tabId);
}

/**
 * A tab starts loading a page: unless it stays on the portal (the URL is only visible to us on
 * the portal's hosts), its findings and badge go; on the portal the new page reports anew.
 */
export async function handleTabUpdated(tabId: number, change: { status?: string; url?: string }): Promise<void> {
  if (change.status !== 'loading' && change.url === undefined) return;
  if (isPortalUrl(change.url)) return;
  await clearTabReport(tabId);
  await clearBadge(tabId);
}
