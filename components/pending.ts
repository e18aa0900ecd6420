// Pending approvals as the popup, the side panel and the options page list them: sorted by
// person (Turkish collation), one entry per person and role even when two screens spelled the
// name differently ("MEHMET ÖZTÜRK" = "Mehmet Öztürk"), with progress and the error mark.
import { CHECKLIST_STEPS, type PendingApproval } from '@/utils/db';
import { checklistErrors } from '@/utils/db/checklist';
import type { ChecklistRow } from '@/utils/db/schema';
import type { RuleId } from '@/utils/rules/types';
import { foldPerson } from './findings';

export interface PendingEntry {
  key: string;
  /** the sighting shown (the most recently seen of the duplicates) */
  primary: PendingApproval;
  /** every stored assignment folded into this entry */
  keys: string[];
  done: number;
  total: number;
  /** error rules that failed its checks, over all duplicates */
  errors: RuleId[];
}

/** Steps ticked out of ten. */
export function checklistDone(row: ChecklistRow | undefined): number {
  if (!row) return 0;
  return CHECKLIST_STEPS.filter((s) => row.steps[s.id]?.done).length;
}

function personOf(item: PendingApproval): string {
  return foldPerson(item.assignment.personName) || foldPerson(item.assignment.tckn) || foldPerson(item.assignment.label);
}

export function dedupePending(items: readonly PendingApproval[]): PendingEntry[] {
  const groups: PendingApproval[][] = [];
  for (const item of items) {
    const person = personOf(item);
    const role = item.assignment.role;
    const wk = item.assignment.workplaceKey;
    const same = groups.find((g) => {
      const a = g[0]!.assignment;
      return personOf(g[0]!) === person && (a.role === role || !a.role || !role) && (a.workplaceKey === wk || !a.workplaceKey || !wk);
    });
    if (same) same.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      const sorted = [...group].sort((a, b) => b.assignment.lastSeenAt.localeCompare(a.assignment.lastSeenAt));
      const primary = sorted[0]!;
      const errors = [...new Set(group.flatMap((g) => checklistErrors(g.checklist)))].sort();
      return {
        key: primary.assignment.key,
        primary,
        keys: sorted.map((g) => g.assignment.key),
        done: Math.max(...group.map((g) => checklistDone(g.checklist))),
        total: CHECKLIST_STEPS.length,
        errors,
      };
    })
    .sort(
      (a, b) =>
        (a.primary.assignment.personName ?? a.primary.assignment.label).localeCompare(b.primary.assignment.personName ?? b.primary.assignment.label, 'tr', {
          sensitivity: 'base',
        }) || a.key.localeCompare(b.key),
    );
}
