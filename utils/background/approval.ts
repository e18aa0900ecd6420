// RULES.md §10 step 8: the content script saw "Kayıt" pressed on the "SÖZLEŞME ONAY" form. The
// checklist remembers it; step 8 ticks once a changed approval status is seen after it
// (page-report.ts). The form shows the grid row the user selected, so that row's key is used.
import type { ApprovalSubmitted } from '@/utils/messages';
import { markSubmitted } from '@/utils/db/checklist';
import { getSettings } from '@/utils/db/queries';
import type { KatipDb } from '@/utils/db/schema';
import { getSelectedAssignment } from '@/utils/db/tab-reports';
import { resolveAssignmentKey, samePerson } from './mirror';
import type { Sender } from './page-report';
import { errorReply, withRetry, type ErrorReply } from './reply';

export interface ApprovalSubmittedReply {
  ok: true;
  /** the assignment whose checklist now waits for the changed status; absent when none is known */
  assignmentKey?: string;
}

export async function handleApprovalSubmitted(
  db: KatipDb,
  message: ApprovalSubmitted,
  sender: Sender,
  at: string = new Date().toISOString(),
): Promise<ApprovalSubmittedReply | ErrorReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return errorReply('İleti bir sekmeden gelmedi; yok sayıldı.', 'The message did not come from a tab; ignored.');
  const selection = await getSelectedAssignment(tabId);
  const written = await withRetry('approval-submitted', { tabId, url: sender.url }, () =>
    db.transaction('rw', [db.assignments, db.checklists, db.settings], async () => {
      let key: string | undefined;
      if (selection?.assignmentKey && samePerson(selection.assignment, message.assignment)) key = selection.assignmentKey;
      else {
        const workplaceKey = selection?.workplaceKey ?? (await getSettings(db)).selectedWorkplaceKey;
        key = await resolveAssignmentKey(db, workplaceKey, message.assignment);
      }
      if (!key || !(await db.assignments.get(key))) return undefined;
      await markSubmitted(db, key, at);
      return key;
    }),
  );
  if (!written.ok) return written;
  return written.value ? { ok: true, assignmentKey: written.value } : { ok: true };
}
