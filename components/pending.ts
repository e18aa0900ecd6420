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

/** one collator for every comparison (localeCompare with options builds one per call) */
const BY_NAME = new Intl.Collator('tr', { sensitivity: 'base' });

function personOf(item: PendingApproval): string {
  return foldPerson(item.assignment.personName) || foldPerson(item.assignment.tckn) || foldPerson(item.assignment.label);
}

/**
 * One entry per person and role (and workplace): a sighting joins the first group of the same
 * person whose role and workplace agree or are unknown on either side. Groups are looked up by
 * person (a map), so 10,000 pending approvals cost one pass, not a comparison with every group.
 */
export function dedupePending(items: readonly PendingApproval[]): PendingEntry[] {
  const groups: PendingApproval[][] = [];
  const byPerson = new Map<string, PendingApproval[][]>();
  for (const item of items) {
    const person = personOf(item);
    const role = item.assignment.role;
    const wk = item.assignment.workplaceKey;
    let own = byPerson.get(person);
    if (!own) byPerson.set(person, (own = []));
    const same = own.find((g) => {
      const a = g[0]!.assignment;
      return (a.role === role || !a.role || !role) && (a.workplaceKey === wk || !a.workplaceKey || !wk);
    });
    if (same) same.push(item);
    else {
      const group = [item];
      own.push(group);
      groups.push(group);
    }
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
    .sort((a, b) => BY_NAME.compare(a.primary.assignment.personName ?? a.primary.assignment.label, b.primary.assignment.personName ?? b.primary.assignment.label) || a.key.localeCompare(b.key));
}
