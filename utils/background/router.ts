// The background's message entry (content script ↔ background, utils/messages.ts): every message
// is zod-checked; a malformed one is answered with a clear error and changes nothing.
import { ContentMessageSchema } from '@/utils/messages';
import { unpackFindingTexts } from '@/utils/page-report-parts';
import type { KatipDb } from '@/utils/db/schema';
import { handleApprovalSubmitted } from './approval';
import { handleGetContext } from './context';
import { handleOpenProfile } from './open-profile';
import { handlePageCleared, handlePageReport, type Sender } from './page-report';
import { errorReply } from './reply';
import { handleSelection } from './selection';

const CONTENT_TYPES = new Set(['page-report', 'page-cleared', 'selection', 'get-context', 'approval-submitted', 'open-profile']);

/** true when the message is meant for this router (ours by type, or sent from a page's content script). */
export function isForRouter(message: unknown, sender: Sender): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return (typeof type === 'string' && CONTENT_TYPES.has(type)) || sender.tab !== undefined;
}

export async function handleMessage(db: KatipDb, message: unknown, sender: Sender): Promise<unknown> {
  // a page report's finding texts come once per message: put back before the check
  const parsed = ContentMessageSchema.safeParse(unpackFindingTexts(message));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'type';
    const what = issue?.message ?? '';
    console.warn('[KATİP Asistanı] malformed message refused', { tabId: sender.tab?.id, url: sender.url, where, what });
    return errorReply(`Geçersiz ileti reddedildi: "${where}" alanı hatalı (${what}).`, `Malformed message refused: field "${where}" is wrong (${what}).`);
  }
  const msg = parsed.data;
  switch (msg.type) {
    case 'page-report':
      return handlePageReport(db, msg, sender);
    case 'page-cleared':
      return handlePageCleared(sender);
    case 'selection':
      return handleSelection(db, msg, sender);
    case 'get-context':
      return handleGetContext(db, msg.workplaces, sender);
    case 'approval-submitted':
      return handleApprovalSubmitted(db, msg, sender);
    case 'open-profile':
      return handleOpenProfile(msg);
  }
}
