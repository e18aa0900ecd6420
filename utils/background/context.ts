// get-context (every screen): what the rules need beyond the page — the selected workplace, the
// user's profile, the mirrored workplace, its active assignments, the old grid's selected row,
// the rules switched off and the language.
import type { ContextResponse } from '@/utils/messages';
import type { AssignmentFacts, WorkplaceFacts } from '@/utils/records';
import { factsOnly, findWorkplace, getSettings, isActiveAssignment } from '@/utils/db/queries';
import type { KatipDb, WorkplaceRow } from '@/utils/db/schema';
import { getSelectedAssignment } from '@/utils/db/tab-reports';
import { AssignmentFactsSchema } from '@/utils/records';
import type { Sender } from './page-report';

const ASSIGNMENT_FIELDS = Object.keys(AssignmentFactsSchema.shape) as (keyof AssignmentFacts)[];

export async function buildContext(
  db: KatipDb,
  named: WorkplaceFacts | undefined,
  tabId: number | undefined,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ContextResponse> {
  const selection = await getSelectedAssignment(tabId);
  return db.transaction('r', [db.workplaces, db.assignments, db.settings], async () => {
    const settings = await getSettings(db);
    const selected = settings.selectedWorkplaceKey ? await db.workplaces.get(settings.selectedWorkplaceKey) : undefined;
    const namesOne = !!named && Object.values(named).some((v) => v !== undefined && v !== '');
    const workplace: WorkplaceRow | undefined = namesOne ? await findWorkplace(db, named) : selected;

    const response: ContextResponse = {
      assignments: [],
      disabledRules: settings.disabledRules,
      language: settings.language,
    };
    const selectedFacts = selected ? factsOnly(selected.seen) ?? factsOnly(selected.profile) : undefined;
    if (selectedFacts) response.selectedWorkplace = selectedFacts;
    if (workplace) {
      const profile = factsOnly(workplace.profile);
      const mirrored = factsOnly(workplace.seen);
      if (profile) response.profile = profile;
      if (mirrored) response.mirrored = mirrored;
      const rows = await db.assignments.where('workplaceKey').equals(workplace.key).toArray();
      response.assignments = rows
        .filter((row) => isActiveAssignment(row, today))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((row) => {
          const known: ContextResponse['assignments'][number] = { key: row.key, label: row.label };
          for (const field of ASSIGNMENT_FIELDS) if (row[field] !== undefined) (known as Record<string, unknown>)[field] = row[field];
          return known;
        });
    }
    if (selection) response.selectedAssignment = selection.assignment;
    return response;
  });
}

export async function handleGetContext(db: KatipDb, named: WorkplaceFacts | undefined, sender: Sender): Promise<ContextResponse> {
  return buildContext(db, named, sender.tab?.id);
}
