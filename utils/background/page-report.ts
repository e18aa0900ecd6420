// Every portal screen (PAGE-CONTRACT.md): a page report from the content script updates the
// mirror (workplaces, assignments, history, RULES.md §10 checklist ticks) in one transaction,
// and the tab's report and toolbar badge.
import type { PageReport } from '@/utils/messages';
import type { RuleId } from '@/utils/rules/types';
import { withoutUndefined, type AssignmentFacts, type ScreenId, type WorkplaceFacts } from '@/utils/records';
import { autoTick, mergeObservation, STEP_RULES, type StepObservation } from '@/utils/db/checklist';
import { getSettings } from '@/utils/db/queries';
import type { ChecklistStepId, KatipDb } from '@/utils/db/schema';
import { clearTabReport, getSelectedAssignment, getTabReports, setTabReport, type StoredSelection } from '@/utils/db/tab-reports';
import { clearBadge, errorRecordCount, updateBadge } from './badge';
import { foldAssignmentInto, namesWorkplace, resolveAssignmentKey, samePerson, upsertAssignment, upsertSeenWorkplace } from './mirror';
import { errorReply, withRetry, type ErrorReply } from './reply';

export interface Sender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

export interface PageReportReply {
  ok: true;
  /** assignments the report named, created or changed */
  assignments: number;
  created: number;
  changed: number;
  history: number;
  /** records with status error on this tab (the badge) */
  errors: number;
}

/** The screens of the old interface that do not show the workplace (the select screen chose it). */
const OLD_SCREENS_WITHOUT_WORKPLACE: readonly ScreenId[] = ['old-contracts', 'old-approval'];
const GRID_SCREENS: readonly ScreenId[] = ['old-contracts', 'new-contracts'];
/** the screen that shows the minutes asked beside the remaining capacity and judges them (step 6) */
const MINUTES_FORMS: readonly ScreenId[] = ['old-approval'];

const CERTIFICATE_RULES: readonly RuleId[] = STEP_RULES[5]!;
const MINUTES_RULES: readonly RuleId[] = STEP_RULES[6]!;
const NACE_RULES: readonly RuleId[] = STEP_RULES[7]!;

/** A step judged by `rules`: passed, or failed by those of them that fired (the reasons). */
function judged(rules: readonly RuleId[], fired: (id: RuleId) => boolean): StepObservation {
  const failed = rules.filter(fired);
  return failed.length ? { done: false, failed: [...failed] } : true;
}

export interface UpsertSummary {
  assignments: number;
  created: number;
  changed: number;
  history: number;
}

/**
 * Writes a report into the mirror in ONE rw transaction: workplaces and assignments merged
 * (absent facts never erase known ones), a history row per changed state, checklist steps
 * ticked. The same report twice writes nothing the second time.
 */
export async function upsertPageReport(
  db: KatipDb,
  report: PageReport,
  at: string = new Date().toISOString(),
  selection?: StoredSelection,
): Promise<UpsertSummary> {
  return db.transaction('rw', [db.workplaces, db.assignments, db.history, db.checklists, db.settings], async () => {
    const settings = await getSettings(db);
    const disabled = new Set(settings.disabledRules);
    const summary: UpsertSummary = { assignments: 0, created: 0, changed: 0, history: 0 };
    const pageWorkplace = report.page?.workplace;
    const findingsByRecord = new Map<number, Set<RuleId>>();
    const pageFindings = new Set<RuleId>();
    for (const finding of report.findings) {
      if (finding.recordIndex === undefined) pageFindings.add(finding.ruleId);
      else {
        let set = findingsByRecord.get(finding.recordIndex);
        if (!set) findingsByRecord.set(finding.recordIndex, (set = new Set()));
        set.add(finding.ruleId);
      }
    }

    /** checklist ticks gathered per assignment, applied at the end */
    const ticks = new Map<string, { pending: boolean; steps: Partial<Record<ChecklistStepId, StepObservation>> }>();
    const tick = (key: string, pending: boolean, steps: Partial<Record<ChecklistStepId, StepObservation>>) => {
      const entry = ticks.get(key) ?? { pending: false, steps: {} };
      entry.pending ||= pending;
      for (const [step, seen] of Object.entries(steps) as [string, StepObservation][]) {
        const id = Number(step) as ChecklistStepId;
        // a fault anywhere on the page for this assignment wins over a clean sighting
        entry.steps[id] = mergeObservation(entry.steps[id], seen);
      }
      ticks.set(key, entry);
    };
    /** step 7 per workplace (judged where a NACE code was shown): the NACE rules that fired */
    const naceByWorkplace = new Map<string, Set<RuleId>>();

    const workplaceMemo = new Map<string, string | undefined>();
    let workplaceForPage: string | undefined;
    if (pageWorkplace && namesWorkplace(pageWorkplace)) workplaceForPage = await upsertSeenWorkplace(db, pageWorkplace, at, report.screen);

    for (const [index, record] of report.records.entries()) {
      const facts: WorkplaceFacts | undefined = record.workplace || pageWorkplace ? { ...pageWorkplace, ...record.workplace } : undefined;
      let workplaceKey: string | undefined;
      if (record.workplace && namesWorkplace(record.workplace)) {
        // grids repeat the same workplace columns on every row: write each distinct sighting once
        const memoKey = JSON.stringify(facts);
        if (!workplaceMemo.has(memoKey)) workplaceMemo.set(memoKey, await upsertSeenWorkplace(db, facts!, at, report.screen));
        workplaceKey = workplaceMemo.get(memoKey);
      } else workplaceKey = workplaceForPage;
      if (!workplaceKey && OLD_SCREENS_WITHOUT_WORKPLACE.includes(report.screen)) {
        workplaceKey = report.screen === 'old-approval' && selection?.workplaceKey ? selection.workplaceKey : settings.selectedWorkplaceKey;
      }
      const recordFindings = findingsByRecord.get(index) ?? new Set<RuleId>();

      if (workplaceKey && facts?.naceText && !NACE_RULES.every((id) => disabled.has(id))) {
        const fired = naceByWorkplace.get(workplaceKey) ?? new Set<RuleId>();
        for (const id of NACE_RULES) if (!disabled.has(id) && (recordFindings.has(id) || pageFindings.has(id))) fired.add(id);
        naceByWorkplace.set(workplaceKey, fired);
      }

      // the new contract form is a draft being typed, not a portal record: only its workplace is kept
      if (!record.assignment || report.screen === 'new-contract-form') continue;
      let assignmentFacts: AssignmentFacts = record.assignment;
      let key: string | undefined;
      if (report.screen === 'old-approval' && selection?.assignmentKey && samePerson(selection.assignment, assignmentFacts)) {
        // the form shows the grid row the user clicked: merge the two sightings into one assignment
        const byId = assignmentFacts.portalId ? await resolveAssignmentKey(db, workplaceKey, { portalId: assignmentFacts.portalId }) : undefined;
        const known = byId && (await db.assignments.get(byId)) ? byId : undefined;
        if (known && known !== selection.assignmentKey && (await db.assignments.get(selection.assignmentKey))) {
          // the id was first seen on a form opened before the row was selected: one assignment, not two
          await foldAssignmentInto(db, known, selection.assignmentKey);
          key = selection.assignmentKey;
        } else key = known ?? selection.assignmentKey;
        if (!(await db.assignments.get(key))) assignmentFacts = { ...selection.assignment, ...withoutUndefined(assignmentFacts) };
      } else {
        key = await resolveAssignmentKey(db, workplaceKey, assignmentFacts);
      }
      if (!key) continue;
      const result = await upsertAssignment(db, key, workplaceKey, assignmentFacts, at, report.screen);
      summary.assignments++;
      if (result.created) summary.created++;
      if (result.changed) summary.changed++;
      summary.history += result.historyAdded;

      const row = result.row;
      const pending = row.approvalState === 'pending';
      const steps: Partial<Record<ChecklistStepId, StepObservation>> = {};
      if (GRID_SCREENS.includes(report.screen)) {
        steps[3] = true;
        if (pending) steps[4] = true;
      }
      // step 5 is judged where the screen shows the certificate class (or a role it does not apply to)
      const certificateFault = CERTIFICATE_RULES.some((id) => recordFindings.has(id));
      const shown = record.assignment;
      const certificateJudged = certificateFault || shown.certificateClass !== undefined || (shown.role !== undefined && shown.role !== 'igu');
      const fired = (id: RuleId) => !disabled.has(id) && recordFindings.has(id);
      if (certificateJudged && !CERTIFICATE_RULES.every((id) => disabled.has(id))) steps[5] = judged(CERTIFICATE_RULES, fired);
      if (MINUTES_FORMS.includes(report.screen) && !MINUTES_RULES.every((id) => disabled.has(id))) steps[6] = judged(MINUTES_RULES, fired);
      // step 8: "Kayıt" was pressed (approval-submitted) and the approval status changed after it
      if (result.previousApproval !== undefined && row.approvalState !== result.previousApproval) {
        const submittedAt = (await db.checklists.get(row.key))?.submittedAt;
        if (submittedAt !== undefined && submittedAt <= at) steps[8] = true;
      }
      // step 2: the old screens hold the workplace chosen on the select screen
      if (OLD_SCREENS_WITHOUT_WORKPLACE.includes(report.screen) && workplaceKey && workplaceKey === settings.selectedWorkplaceKey) {
        steps[2] = true;
      }
      if (row.approvalState === 'approved' && result.previousApproval !== 'approved') steps[9] = true;
      tick(row.key, pending, steps);
    }

    // step 7 for every pending approval of a workplace whose NACE code was judged
    for (const [workplaceKey, fired] of naceByWorkplace) {
      const rows = await db.assignments.where('workplaceKey').equals(workplaceKey).toArray();
      const seen: StepObservation = fired.size ? { done: false, failed: [...fired].sort() } : true;
      for (const row of rows) if (row.pending) tick(row.key, true, { 7: seen });
    }
    // step 1: a portal screen was reported, so the user is logged in
    for (const row of await db.assignments.where('pending').equals(1).toArray()) tick(row.key, true, { 1: true });

    for (const [key, entry] of ticks) await autoTick(db, key, entry.steps, at, entry.pending);
    return summary;
  });
}

/** Handles a validated page-report message: mirror, tab report, badge. */
export async function handlePageReport(db: KatipDb, report: PageReport, sender: Sender): Promise<PageReportReply | ErrorReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    return errorReply('Sayfa raporu bir sekmeden gelmedi; yok sayıldı.', 'The page report did not come from a tab; ignored.');
  }
  const selection = report.screen === 'old-approval' ? await getSelectedAssignment(tabId) : undefined;
  const written = await withRetry('page-report', { screen: report.screen, url: report.url, tabId, records: report.records.length }, () =>
    upsertPageReport(db, report, new Date().toISOString(), selection),
  );
  // the tab's findings are shown even when the mirror could not be written
  await setTabReport(tabId, report, sender.frameId);
  const errors = await tabErrorCount(tabId);
  await updateBadge(tabId, errors);
  if (!written.ok) return written;
  return { ok: true, ...written.value, errors };
}

/** Records in error over every frame of the tab (the badge counts what the whole tab shows). */
async function tabErrorCount(tabId: number): Promise<number> {
  return (await getTabReports(tabId)).reduce((sum, r) => sum + errorRecordCount(r.findings), 0);
}

/** The page (frame) shows no known screen any more: its findings leave the tab and the badge. */
export async function handlePageCleared(sender: Sender): Promise<{ ok: true; cleared: boolean } | ErrorReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return errorReply('İleti bir sekmeden gelmedi; yok sayıldı.', 'The message did not come from a tab; ignored.');
  const before = await getTabReports(tabId);
  const frameId = sender.frameId ?? 0;
  // only this frame's report goes: another frame's screen stays (the old interface uses frames)
  if (!before.some((r) => (r.frameId ?? 0) === frameId)) return { ok: true, cleared: false };
  await clearTabReport(tabId, sender.frameId);
  const errors = await tabErrorCount(tabId);
  if (errors > 0) await updateBadge(tabId, errors);
  else await clearBadge(tabId);
  return { ok: true, cleared: true };
}
