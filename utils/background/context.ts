// get-context (every screen): what the rules need beyond the page — the selected workplace, the
// user's profile, the mirrored workplace and its active assignments for EVERY workplace a scan
// names (one message, one read transaction), the old grid's selected row, and the settings the
// content script follows (rules switched off, language, showPassing, confirmBeforeSave).
import type { ContextAnswer, WorkplaceContext } from '@/utils/messages';
import type { AssignmentFacts, WorkplaceFacts } from '@/utils/records';
import { factsOnly, findWorkplace, getSettings, isActiveAssignment } from '@/utils/db/queries';
import type { KatipDb, WorkplaceRow } from '@/utils/db/schema';
import { getSelectedAssignment } from '@/utils/db/tab-reports';
import { assignmentLabels } from '@/utils/keys';
import { AssignmentFactsSchema } from '@/utils/records';
import type { Sender } from './page-report';

const ASSIGNMENT_FIELDS = Object.keys(AssignmentFactsSchema.shape) as (keyof AssignmentFacts)[];

function namesOne(facts: WorkplaceFacts | undefined): boolean {
  return !!facts && Object.values(facts).some((v) => v !== undefined && v !== '');
}

export async function buildContext(
  db: KatipDb,
  named: readonly WorkplaceFacts[],
  tabId: number | undefined,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ContextAnswer> {
  const selection = await getSelectedAssignment(tabId);
  return db.transaction('r', [db.workplaces, db.assignments, db.settings], async () => {
    const settings = await getSettings(db);
    const selected = settings.selectedWorkplaceKey ? await db.workplaces.get(settings.selectedWorkplaceKey) : undefined;
    // every lookup of the batch is issued at once inside the one transaction
    const rows = await Promise.all(named.map((facts) => (namesOne(facts) ? findWorkplace(db, facts) : Promise.resolve(selected))));
    const keys = [...new Set([selected, ...rows].filter((r): r is WorkplaceRow => !!r).map((r) => r.key))];
    const lists = await Promise.all(keys.map((key) => db.assignments.where('workplaceKey').equals(key).toArray()));
    const assignmentsOf = new Map(keys.map((key, i) => [key, lists[i]!]));

    const contextOf = (workplace: WorkplaceRow | undefined): WorkplaceContext => {
      const out: WorkplaceContext = { assignments: [] };
      if (!workplace) return out;
      const profile = factsOnly(workplace.profile);
      const mirrored = factsOnly(workplace.seen);
      if (profile) out.profile = profile;
      if (mirrored) out.mirrored = mirrored;
      out.assignments = (assignmentsOf.get(workplace.key) ?? [])
        .filter((row) => isActiveAssignment(row, today))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((row) => {
          const known: WorkplaceContext['assignments'][number] = { key: row.key, label: assignmentLabels(row) };
          for (const field of ASSIGNMENT_FIELDS) if (row[field] !== undefined) (known as Record<string, unknown>)[field] = row[field];
          return known;
        });
      return out;
    };

    const answer: ContextAnswer = {
      disabledRules: settings.disabledRules,
      language: settings.language,
      showPassing: settings.showPassing ?? false,
      confirmBeforeSave: settings.confirmBeforeSave ?? false,
      base: contextOf(selected),
      workplaces: rows.map(contextOf),
    };
    const selectedFacts = selected ? factsOnly(selected.seen) ?? factsOnly(selected.profile) : undefined;
    if (selectedFacts) answer.selectedWorkplace = selectedFacts;
    if (selection) answer.selectedAssignment = selection.assignment;
    return answer;
  });
}

export async function handleGetContext(db: KatipDb, named: readonly WorkplaceFacts[] | undefined, sender: Sender): Promise<ContextAnswer> {
  return buildContext(db, named ?? [], sender.tab?.id);
}
