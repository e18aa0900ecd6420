// Old interface: the workplace chosen on "old-workplace-select" (settings.selectedWorkplaceKey,
// RULES.md §10 step 2) and the grid row clicked on "old-contracts" before the approval form opens.
import type { Selection } from '@/utils/messages';
import { autoTick } from '@/utils/db/checklist';
import { getSettings, saveSettings } from '@/utils/db/queries';
import type { KatipDb } from '@/utils/db/schema';
import { setSelectedAssignment, type StoredSelection } from '@/utils/db/tab-reports';
import { namesWorkplace, resolveAssignmentKey, upsertSeenWorkplace } from './mirror';
import type { Sender } from './page-report';
import { errorReply, withRetry, type ErrorReply } from './reply';

export interface SelectionReply {
  ok: true;
  workplaceKey?: string;
  assignmentKey?: string;
}

/**
 * Records the chosen workplace (as seen, and as the selected one) and ticks step 2 of its pending
 * approvals, in one transaction. Returns its key.
 */
export async function selectWorkplace(db: KatipDb, message: Selection, at: string = new Date().toISOString()): Promise<string | undefined> {
  const facts = message.workplace;
  if (!facts || !namesWorkplace(facts)) return undefined;
  return db.transaction('rw', [db.workplaces, db.assignments, db.checklists, db.settings], async () => {
    const key = await upsertSeenWorkplace(db, facts, at, 'old-workplace-select');
    if (!key) return undefined;
    const settings = await getSettings(db);
    if (settings.selectedWorkplaceKey !== key) await saveSettings(db, { selectedWorkplaceKey: key });
    const rows = await db.assignments.where('workplaceKey').equals(key).toArray();
    for (const row of rows) if (row.pending) await autoTick(db, row.key, { 2: true }, at, true);
    return key;
  });
}

export async function handleSelection(db: KatipDb, message: Selection, sender: Sender): Promise<SelectionReply | ErrorReply> {
  const tabId = sender.tab?.id;
  const reply: SelectionReply = { ok: true };
  if (message.workplace) {
    if (!namesWorkplace(message.workplace)) {
      return errorReply('Seçilen işyerinin ne unvanı ne de numarası var.', 'The chosen workplace has neither a title nor a number.');
    }
    const written = await withRetry('selection', { tabId, url: sender.url }, () => selectWorkplace(db, message));
    if (!written.ok) return written;
    if (written.value) reply.workplaceKey = written.value;
  }
  if (message.assignment) {
    const workplaceKey = reply.workplaceKey ?? (await getSettings(db)).selectedWorkplaceKey;
    const assignment = message.assignment;
    const assignmentKey = await db.transaction('r', db.assignments, () => resolveAssignmentKey(db, workplaceKey, assignment));
    const selection: StoredSelection = { assignment, at: new Date().toISOString() };
    if (assignmentKey) selection.assignmentKey = assignmentKey;
    if (workplaceKey) selection.workplaceKey = workplaceKey;
    if (tabId !== undefined) selection.tabId = tabId;
    await setSelectedAssignment(selection);
    if (assignmentKey) reply.assignmentKey = assignmentKey;
  }
  return reply;
}
