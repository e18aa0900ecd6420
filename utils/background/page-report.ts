// Every portal screen (PAGE-CONTRACT.md): a page report from the content script (whole or in
// parts) updates the mirror (workplaces, assignments, history, RULES.md §10 checklist ticks) in
// short batched transactions, and the tab's report and toolbar badge.
import type { PageReport } from '@/utils/messages';
import type { RuleId } from '@/utils/rules/types';
import { withoutUndefined, type AssignmentFacts, type PageRecord, type ScreenId } from '@/utils/records';
import { autoTickMany, mergeObservation, STEP_RULES, type StepObservation } from '@/utils/db/checklist';
import { keepPendingCount } from '@/utils/db/pending-list';
import { getSettings } from '@/utils/db/queries';
import type { ChecklistStepId, KatipDb, Settings } from '@/utils/db/schema';
import { clearTabReport, getSelectedAssignment, getTabReports, setTabReports, type StoredSelection } from '@/utils/db/tab-reports';
import { clearBadge, errorRecordCount, updateBadge } from './badge';
import { AssignmentSet, assignmentCandidates, chunks, mergeSightings, namesWorkplace, type Sighting, type UpsertedAssignment } from '@/utils/db/sightings';
import { foldAssignmentInto, resolveAssignmentKey, samePerson } from './mirror';
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

/** records merged per transaction (one message part): short enough that a get-context never waits long behind a write */
export const MIRROR_CHUNK = 2000;

type Steps = Partial<Record<ChecklistStepId, StepObservation>>;

/** The settings a report is judged with, read in its (first) transaction. */
interface WriteContext {
  settings: Settings;
  disabled: Set<RuleId>;
  /** the assignments read (and written) so far in this transaction */
  assignments: AssignmentSet;
}

async function readContext(db: KatipDb): Promise<WriteContext> {
  const settings = await getSettings(db);
  return { settings, disabled: new Set(settings.disabledRules), assignments: new AssignmentSet() };
}

/** the tables a report is written to (settings read in the same transaction: one per part, not two) */
const mirrorTables = (db: KatipDb) => [db.workplaces, db.assignments, db.history, db.checklists, db.settings];

/**
 * Writes a report (or one part of it) into the mirror: workplaces and assignments merged (absent
 * facts never erase known ones), a history row per changed state, checklist steps ticked. The
 * records go in transactions of MIRROR_CHUNK, each with a few batched reads, the merge in memory
 * and bulk writes; the checklists after. The same report twice writes nothing the second time.
 */
export async function upsertPageReport(
  db: KatipDb,
  report: PageReport,
  at: string = new Date().toISOString(),
  selection?: StoredSelection,
): Promise<UpsertSummary> {
  const writer = reportWriter(db, report, at, selection);
  let context: WriteContext | undefined;
  for (let n = 0; n < writer.chunks; n++) {
    await db.transaction('rw', mirrorTables(db), async () => {
      context = context ? { ...context, assignments: new AssignmentSet() } : await readContext(db);
      await writer.write(n, context);
    });
  }
  return writer.summary;
}

/** true when a report can share its transaction with others (upsertPageReports): one chunk, not the approval form. */
export function writesTogether(report: PageReport): boolean {
  return report.screen !== 'old-approval' && report.records.length <= MIRROR_CHUNK;
}

/**
 * Several reports (parts of one frame's lists, each writesTogether) in one transaction, in order:
 * what upsertPageReport writes for each one after another, with the settings read once and the
 * stored assignments of all their records read together. Summaries in the order of `reports`.
 */
export async function upsertPageReports(db: KatipDb, reports: readonly PageReport[], at: string = new Date().toISOString()): Promise<UpsertSummary[]> {
  if (!reports.every(writesTogether)) throw new RangeError('upsertPageReports: a report that is written alone');
  const writers = reports.map((report) => reportWriter(db, report, at, undefined));
  await db.transaction('rw', mirrorTables(db), async () => {
    const context = await readContext(db);
    const known = knownCandidates(reports, context.settings);
    await context.assignments.read(db, known.keys, known.portalIds);
    for (const writer of writers) await writer.write(0, context);
  });
  return writers.map((writer) => writer.summary);
}

/**
 * The assignment keys the reports' records may have that are known before anything is merged
 * (records filed under the selected workplace or none, of reports without a page workplace): read
 * at once. Any other record's keys are read by its own merge.
 */
function knownCandidates(reports: readonly PageReport[], settings: Settings): { keys: string[]; portalIds: string[] } {
  const keys: string[] = [];
  const portalIds: string[] = [];
  for (const report of reports) {
    if (report.screen === 'new-contract-form' || (report.page?.workplace && namesWorkplace(report.page.workplace))) continue;
    const fallback = OLD_SCREENS_WITHOUT_WORKPLACE.includes(report.screen) ? settings.selectedWorkplaceKey : undefined;
    for (const record of report.records) {
      if (!record.assignment || (record.workplace && namesWorkplace(record.workplace))) continue;
      const c = assignmentCandidates(fallback, record.assignment);
      keys.push(...c.keys);
      if (c.portalId) portalIds.push(c.portalId);
    }
  }
  return { keys, portalIds };
}

/**
 * A report's writing, chunk by chunk, inside the caller's transaction: `write(n)` merges chunk n
 * (the checklists with the last one); `summary` adds up what was written.
 */
function reportWriter(
  db: KatipDb,
  report: PageReport,
  at: string,
  selection: StoredSelection | undefined,
): { chunks: number; write: (n: number, context: WriteContext) => Promise<void>; summary: UpsertSummary } {
  const summary: UpsertSummary = { assignments: 0, created: 0, changed: 0, history: 0 };
  const pageWorkplace = report.page?.workplace;
  const offset = report.part?.offset ?? 0;
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
  const ticks = new Map<string, { pending: boolean; steps: Steps }>();
  const tick = (key: string, pending: boolean, steps: Steps) => {
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
  const draft = report.screen === 'new-contract-form';
  let workplaceForPage: string | undefined;

  /**
   * Step 7 for every pending approval of a workplace whose NACE code was judged (read by the
   * workplace index, not the whole table); step 1 for every pending approval (a portal screen was
   * reported, so the user is logged in: once per report, a later part's records tick their own);
   * then every checklist touched, in one batched read and one bulk write.
   */
  const applyTicks = async () => {
    if (naceByWorkplace.size) {
      const ofWorkplaces = await db.assignments.where('workplaceKey').anyOf([...naceByWorkplace.keys()]).toArray();
      for (const row of ofWorkplaces) {
        if (row.pending !== 1) continue;
        const fired = naceByWorkplace.get(row.workplaceKey!)!;
        tick(row.key, true, { 7: fired.size ? { done: false, failed: [...fired].sort() } : true });
      }
    }
    if (!report.part || report.part.index === 0) {
      for (const key of await db.assignments.where('pending').equals(1).primaryKeys()) tick(key, true, { 1: true });
    }
    await autoTickMany(db, new Map([...ticks].map(([key, entry]) => [key, { steps: entry.steps, create: entry.pending }])), at);
  };

  const parts = chunks(report.records, MIRROR_CHUNK);
  if (parts.length === 0) parts.push([]);
  const write = async (n: number, { settings, disabled, assignments }: WriteContext) => {
    const part = parts[n]!;
    const first = offset + n * MIRROR_CHUNK;
    if (n === 0 && pageWorkplace && namesWorkplace(pageWorkplace)) {
      workplaceForPage = (await mergeSightings(db, [{ workplace: pageWorkplace }], at, report.screen)).results[0]?.workplaceKey;
    }
    const fallback = workplaceForPage ?? (OLD_SCREENS_WITHOUT_WORKPLACE.includes(report.screen) ? settings.selectedWorkplaceKey : undefined);
    const sightings: Sighting[] = [];
    for (const record of part) {
      const named = !!record.workplace && namesWorkplace(record.workplace);
      const sighting: Sighting = {};
      if (named) sighting.workplace = { ...pageWorkplace, ...record.workplace };
      else {
        const key = report.screen === 'old-approval' && !workplaceForPage && selection?.workplaceKey ? selection.workplaceKey : fallback;
        if (key) sighting.workplaceKey = key;
      }
      // the new contract form is a draft being typed, not a portal record: only its workplace is kept
      if (record.assignment && !draft) {
        sighting.assignment = record.assignment;
        if (record.capacity?.remainingMinutes !== undefined) sighting.remainingMinutes = record.capacity.remainingMinutes;
        if (report.screen === 'old-approval') Object.assign(sighting, await approvalFormKey(db, record.assignment, selection));
      }
      sightings.push(sighting);
    }
    const merged = await mergeSightings(db, sightings, at, report.screen, assignments);
    summary.history += merged.history;
    // step 8 waits for "Kayıt" (checklist.submittedAt) before a changed approval status
    const statusChanged = merged.results.flatMap((r) => {
      const a = r.assignment;
      return a && a.previousApproval !== undefined && a.row.approvalState !== a.previousApproval ? [a.row.key] : [];
    });
    const submitted = new Map<string, string | undefined>();
    if (statusChanged.length) {
      const lists = await db.checklists.bulkGet(statusChanged);
      statusChanged.forEach((key, i) => submitted.set(key, lists[i]?.submittedAt));
    }
    merged.results.forEach((result, i) => {
      const record = part[i]!;
      const recordFindings = findingsByRecord.get(first + i) ?? new Set<RuleId>();
      const workplaceKey = result.workplaceKey;
      const facts = record.workplace || pageWorkplace ? { ...pageWorkplace, ...record.workplace } : undefined;
      if (workplaceKey && facts?.naceText && !NACE_RULES.every((id) => disabled.has(id))) {
        const fired = naceByWorkplace.get(workplaceKey) ?? new Set<RuleId>();
        for (const id of NACE_RULES) if (!disabled.has(id) && (recordFindings.has(id) || pageFindings.has(id))) fired.add(id);
        naceByWorkplace.set(workplaceKey, fired);
      }
      const upserted = result.assignment;
      if (!upserted) return;
      summary.assignments++;
      if (upserted.created) summary.created++;
      if (upserted.changed) summary.changed++;
      const steps = stepsSeen(report.screen, record, upserted, recordFindings, disabled, workplaceKey, settings.selectedWorkplaceKey);
      const submittedAt = submitted.get(upserted.row.key);
      if (submittedAt !== undefined && submittedAt <= at) steps[8] = true;
      const pendingNow = upserted.row.approvalState === 'pending';
      if (pendingNow) steps[1] = true;
      tick(upserted.row.key, pendingNow, steps);
    });
    // the checklists in the same transaction as the last records: one commit per part
    if (n === parts.length - 1) await applyTicks();
  };
  return { chunks: parts.length, write, summary };
}

/** The checklist steps one sighting of an assignment shows done (true) or failed (false). */
function stepsSeen(
  screen: ScreenId,
  record: PageRecord,
  upserted: UpsertedAssignment,
  recordFindings: Set<RuleId>,
  disabled: Set<RuleId>,
  workplaceKey: string | undefined,
  selectedWorkplaceKey: string | undefined,
): Steps {
  const row = upserted.row;
  const pending = row.approvalState === 'pending';
  const steps: Steps = {};
  if (GRID_SCREENS.includes(screen)) {
    steps[3] = true;
    if (pending) steps[4] = true;
  }
  // step 5 is judged where the screen shows the certificate class (or a role it does not apply to)
  const certificateFault = CERTIFICATE_RULES.some((id) => recordFindings.has(id));
  const shown = record.assignment!;
  const certificateJudged = certificateFault || shown.certificateClass !== undefined || (shown.role !== undefined && shown.role !== 'igu');
  const fired = (id: RuleId) => !disabled.has(id) && recordFindings.has(id);
  if (certificateJudged && !CERTIFICATE_RULES.every((id) => disabled.has(id))) steps[5] = judged(CERTIFICATE_RULES, fired);
  if (MINUTES_FORMS.includes(screen) && !MINUTES_RULES.every((id) => disabled.has(id))) steps[6] = judged(MINUTES_RULES, fired);
  // step 2: the old screens hold the workplace chosen on the select screen
  if (OLD_SCREENS_WITHOUT_WORKPLACE.includes(screen) && workplaceKey && workplaceKey === selectedWorkplaceKey) steps[2] = true;
  if (row.approvalState === 'approved' && upserted.previousApproval !== 'approved') steps[9] = true;
  return steps;
}

/**
 * The old "SÖZLEŞME ONAY" form shows the grid row the user clicked: the key of that row (merging
 * a row first seen by the form's id into it), and the row's facts under the form's when new.
 */
async function approvalFormKey(
  db: KatipDb,
  facts: AssignmentFacts,
  selection: StoredSelection | undefined,
): Promise<{ assignmentKey?: string; assignment?: AssignmentFacts }> {
  if (!selection?.assignmentKey || !samePerson(selection.assignment, facts)) return {};
  const byId = facts.portalId ? await resolveAssignmentKey(db, undefined, { portalId: facts.portalId }) : undefined;
  const known = byId && (await db.assignments.get(byId)) ? byId : undefined;
  let key: string;
  if (known && known !== selection.assignmentKey && (await db.assignments.get(selection.assignmentKey))) {
    // the id was first seen on a form opened before the row was selected: one assignment, not two
    await foldAssignmentInto(db, known, selection.assignmentKey);
    key = selection.assignmentKey;
  } else key = known ?? selection.assignmentKey;
  if (await db.assignments.get(key)) return { assignmentKey: key };
  return { assignmentKey: key, assignment: { ...selection.assignment, ...withoutUndefined(facts) } };
}

/** Handles a validated page-report message (or part): mirror, tab report, badge. */
export async function handlePageReport(db: KatipDb, report: PageReport, sender: Sender): Promise<PageReportReply | ErrorReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    return errorReply('Sayfa raporu bir sekmeden gelmedi; yok sayıldı.', 'The page report did not come from a tab; ignored.');
  }
  // parts (and reports) of one frame are handled in the order they came: the mirror's writes in one
  // queue, the tab's report and badge in another, so a long list's next part is merged into
  // IndexedDB while the previous part is still being kept for the popup; parts that come while the
  // previous ones are being written wait and are written together (one transaction, up to
  // MIRROR_BATCH records)
  const frame = `${tabId}:${sender.frameId ?? 0}`;
  reportsInHand++;
  clearTimeout(recount);
  const mirrored = inBatches(`${frame}:mirror`, report, (reports) => writeReports(db, reports, tabId), fitsMirrorBatch);
  // the tab's findings are shown even when the mirror could not be written; parts that come while
  // the previous ones are being kept wait and are kept together (one storage read and write)
  const shown = inBatches(`${frame}:tab`, report, async (reports) => {
    await setTabReports(tabId, reports, sender.frameId);
    const errors = await tabErrorCount(tabId);
    await updateBadge(tabId, errors);
    return reports.map(() => errors);
  });
  try {
    const [written, errors] = await Promise.all([mirrored, shown]);
    if (!written.ok) return written;
    if (report.records.some((r) => r.assignment)) recountWanted = true;
    return { ok: true, ...written.value, errors };
  } finally {
    reportsInHand--;
    recountPendingSoon(db);
  }
}

/** records written in one transaction at most when parts queue up (short enough that a get-context never waits long) */
export const MIRROR_BATCH = 2 * MIRROR_CHUNK;

/** true when `report` may join the queued `reports` in one transaction. */
function fitsMirrorBatch(reports: readonly PageReport[], report: PageReport): boolean {
  if (!writesTogether(report) || !reports.every(writesTogether)) return false;
  return reports.reduce((sum, r) => sum + r.records.length, report.records.length) <= MIRROR_BATCH;
}

type Written = { ok: true; value: UpsertSummary } | ErrorReply;

/**
 * Writes queued reports of one frame: together in one transaction when there are several; when
 * that fails, each on its own (retried once), so one bad part fails alone as it did on its own.
 */
async function writeReports(db: KatipDb, reports: PageReport[], tabId: number): Promise<Written[]> {
  if (reports.length > 1) {
    try {
      return (await upsertPageReports(db, reports)).map((value) => ({ ok: true, value }));
    } catch (error) {
      console.warn('[KATİP Asistanı] page-report parts written one by one', { tabId, parts: reports.length, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const out: Written[] = [];
  for (const report of reports) {
    const selection = report.screen === 'old-approval' ? await getSelectedAssignment(tabId) : undefined;
    out.push(
      await withRetry(
        'page-report',
        { screen: report.screen, url: report.url, tabId, records: report.records.length, part: report.part?.index },
        () => upsertPageReport(db, report, new Date().toISOString(), selection),
      ),
    );
  }
  return out;
}

/** quiet time after the last page report before the pending list is counted again */
export const RECOUNT_AFTER_MS = 1500;
let recount: ReturnType<typeof setTimeout> | undefined;
/** page reports received and not answered yet: no count while any is in hand (a long list's parts) */
let reportsInHand = 0;
/** a report wrote assignments since the last count */
let recountWanted = false;

/**
 * Counts the pending list again once the page reports stop for a moment (none in hand, none for
 * RECOUNT_AFTER_MS), so that the popup and the options page open with a count kept for them
 * (utils/db/pending-list.ts) instead of counting 10,000 rows first; never between two parts of a
 * list, whose writes it would slow down. Only a timer and counters are held; a stopped worker
 * loses nothing (the pages count then).
 */
function recountPendingSoon(db: KatipDb): void {
  clearTimeout(recount);
  recount = undefined;
  if (!recountWanted || reportsInHand > 0) return;
  recount = setTimeout(() => {
    recount = undefined;
    recountWanted = false;
    keepPendingCount(db).catch((error: unknown) => console.warn('[KATİP Asistanı] pending count', error));
  }, RECOUNT_AFTER_MS);
}

/**
 * Per-key batches (the background keeps no data in memory, only the order of work in hand): items
 * that come while the key's previous batch is at work are gathered for the next, as long as
 * `fits` lets each join.
 */
type Lane = { tail: Promise<unknown>; open?: { items: unknown[]; result: Promise<unknown[]> } };
const lanes = new Map<string, Lane>();
/**
 * Runs `work` on `item` after the key's earlier batches, together with the items that come before
 * it starts (in the order they came); `work` answers each item, in order.
 */
function inBatches<T, R>(
  key: string,
  item: T,
  work: (items: T[]) => Promise<R[]>,
  fits: (items: readonly T[], item: T) => boolean = () => true,
): Promise<R> {
  const lane: Lane = lanes.get(key) ?? { tail: Promise.resolve() };
  lanes.set(key, lane);
  if (lane.open && fits(lane.open.items as T[], item)) {
    const index = lane.open.items.push(item) - 1;
    return lane.open.result.then((results) => results[index] as R);
  }
  const open: NonNullable<Lane['open']> = { items: [item], result: Promise.resolve([]) };
  const start = () => {
    if (lane.open === open) lane.open = undefined;
    return work(open.items as T[]);
  };
  open.result = lane.tail.then(start, start);
  lane.open = open;
  const settled = open.result.catch(() => undefined);
  lane.tail = settled;
  void settled.then(() => {
    if (lane.tail === settled && !lane.open) lanes.delete(key);
  });
  return open.result.then((results) => results[0] as R);
}

/** Records in error over every frame of the tab (the badge counts what the whole tab shows). */
async function tabErrorCount(tabId: number): Promise<number> {
  return (await getTabReports(tabId)).reduce((sum, r) => sum + (r.errorRecords ?? errorRecordCount(r.findings)), 0);
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
