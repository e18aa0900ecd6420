// RULES.md §10: the approval procedure of the employer's e-Bildirge user, as a checklist per
// pending contract whose steps tick themselves from what the portal's screens show.
import { RULES } from '../rules';
import type { RuleId } from '../rules/types';
import { getMany } from './bulk-read';
import type { ChecklistRow, ChecklistStepId, ChecklistTick, KatipDb } from './schema';

export interface ChecklistStep {
  id: ChecklistStepId;
  tr: string;
  en: string;
  /** true when the extension can tick it from what the portal shows */
  auto: boolean;
}

export const CHECKLIST_STEPS: readonly ChecklistStep[] = [
  { id: 1, tr: 'e-Devlet üzerinden giriş yapın ve "Kayıtlı Kullanıcı Girişi"ni seçin.', en: 'Log in through e-Devlet and choose "Kayıtlı Kullanıcı Girişi" (registered user login).', auto: true },
  { id: 2, tr: 'İşyerini seçin: unvanını ve SGK sicil numarasını kontrol edin.', en: 'Choose the workplace: check its title and SGK number.', auto: true },
  { id: 3, tr: '"Hizmet Alan İşyeri Modülü" → "Sözleşmeler" ekranını açın.', en: 'Open "Hizmet Alan İşyeri Modülü" → "Sözleşmeler" (contracts).', auto: true },
  { id: 4, tr: 'Durumu "Onay Bekliyor" olan satırı bulun.', en: 'Find the row whose status is "Onay Bekliyor" (awaiting approval).', auto: true },
  { id: 5, tr: 'Profesyonelin sertifika sınıfını tehlike sınıfıyla karşılaştırın.', en: "Check the professional's certificate class against the hazard class.", auto: true },
  { id: 6, tr: 'Aylık süreyi asgari süre, tam süreli çalışma kuralı ve kalan kapasiteyle karşılaştırın.', en: 'Check the monthly minutes against the minimum, the full-time rule and the remaining capacity.', auto: true },
  { id: 7, tr: 'İşyerinin NACE kodunu ve tehlike sınıfını kontrol edin.', en: "Check the workplace's NACE code and hazard class.", auto: true },
  // ticks once "Kayıt" was pressed AND a changed approval status was seen afterwards
  { id: 8, tr: '"Onayla"ya, "SÖZLEŞME ONAY" formunda "Kayıt"a, sonra "OK"e basın.', en: 'Press "Onayla", then "Kayıt" in the "SÖZLEŞME ONAY" form, then "OK".', auto: true },
  { id: 9, tr: '"Grv. Onay Durumu"nun artık "Onaylandı" olduğunu doğrulayın.', en: 'Verify that "Grv. Onay Durumu" now reads "Onaylandı" (approved).', auto: true },
  { id: 10, tr: '"Güvenli Çıkış" ile çıkın.', en: 'Leave with "Güvenli Çıkış" (secure logout).', auto: false },
];

export const CHECKLIST_STEP_IDS: readonly ChecklistStepId[] = CHECKLIST_STEPS.map((step) => step.id);

/** The checklist of an assignment (an empty one when none is stored yet). */
export async function getChecklist(db: KatipDb, assignmentKey: string): Promise<ChecklistRow> {
  return (await db.checklists.get(assignmentKey)) ?? { assignmentKey, steps: {}, updatedAt: '' };
}

/** The user ticks or unticks a step: it stays so whatever the screens show later. */
export async function setChecklistStep(db: KatipDb, assignmentKey: string, step: ChecklistStepId, done: boolean): Promise<void> {
  if (!CHECKLIST_STEP_IDS.includes(step)) throw new RangeError(`Bilinmeyen adım / unknown step: ${String(step)}`);
  await db.transaction('rw', db.checklists, async () => {
    const at = new Date().toISOString();
    const row = await getChecklist(db, assignmentKey);
    await db.checklists.put({ ...row, steps: { ...row.steps, [step]: { done, at, how: 'manual' } }, updatedAt: at });
  });
}

/**
 * The rules each judging step stands for (PAGE-CONTRACT.md rule ids): the step ticks itself only
 * when these rules pass on the record seen; a rule that fired shows the step as failed, with the
 * rule as the reason.
 */
export const STEP_RULES: Readonly<Partial<Record<ChecklistStepId, readonly RuleId[]>>> = {
  5: ['certificate-class'],
  6: ['minutes-below-minimum', 'full-time-required', 'over-capacity'],
  7: ['nace-malformed', 'nace-not-listed', 'nace-class-mismatch', 'nace-sicil-mismatch', 'hazard-class-unknown'],
};

/** What a screen showed about one step: seen done, seen not done, or failed by these rules. */
export type StepObservation = boolean | { done: false; failed: RuleId[] };

/** The rules that failed a step, [] when none. */
export function failedRules(tick: ChecklistTick | undefined): RuleId[] {
  return tick?.failed ?? [];
}

const ERROR_RULES: ReadonlySet<RuleId> = new Set(RULES.filter((r) => r.severity === 'error').map((r) => r.id));

/**
 * The error rules that failed this approval's checks (steps 5-7), sorted: a pending approval with
 * any carries the error mark wherever it is listed, even when the user ticked the step by hand.
 */
export function checklistErrors(row: ChecklistRow | undefined): RuleId[] {
  if (!row) return [];
  const out = new Set<RuleId>();
  for (const step of [5, 6, 7] as const) for (const id of failedRules(row.steps[step])) if (ERROR_RULES.has(id)) out.add(id);
  return [...out].sort();
}

/** Merges two observations of one step on the same page: a failure wins and the reasons add up. */
export function mergeObservation(a: StepObservation | undefined, b: StepObservation): StepObservation {
  if (a === undefined) return b;
  const failed = [...new Set([...(typeof a === 'object' ? a.failed : []), ...(typeof b === 'object' ? b.failed : [])])].sort();
  if (failed.length) return { done: false, failed };
  return a === false || b === false ? false : true;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What a screen showed makes of one checklist (pure): a step the user set by hand keeps its tick
 * (only its failure reasons follow the screens); an automatic tick follows the latest
 * observation. Only assignments that already have a checklist (they were seen pending) get one
 * unless `create` is set. Returns the row to write, or undefined when nothing changed.
 */
export function tickedChecklist(
  stored: ChecklistRow | undefined,
  assignmentKey: string,
  ticks: Partial<Record<ChecklistStepId, StepObservation>>,
  at: string,
  create = false,
): ChecklistRow | undefined {
  if (!stored && !create) return undefined;
  const row: ChecklistRow = stored ?? { assignmentKey, steps: {}, updatedAt: at };
  const steps = { ...row.steps };
  let changed = !stored;
  for (const [id, seen] of Object.entries(ticks) as [string, StepObservation | undefined][]) {
    const step = Number(id) as ChecklistStepId;
    if (seen === undefined || step === 10) continue;
    const done = typeof seen === 'boolean' ? seen : false;
    const failed = typeof seen === 'object' ? [...seen.failed].sort() : [];
    const current: ChecklistTick | undefined = steps[step];
    if (current?.how === 'manual') {
      if (sameList(failedRules(current), failed)) continue;
      const { failed: _old, ...kept } = current;
      steps[step] = failed.length ? { ...kept, failed } : kept;
      changed = true;
      continue;
    }
    if (current && current.done === done && sameList(failedRules(current), failed)) continue;
    if (!current && !done && failed.length === 0) continue;
    steps[step] = failed.length ? { done, at, how: 'seen', failed } : { done, at, how: 'seen' };
    changed = true;
  }
  return changed ? { ...row, steps, updatedAt: at } : undefined;
}

/** Applies what a screen showed to one checklist, inside the caller's transaction (see tickedChecklist). */
export async function autoTick(
  db: KatipDb,
  assignmentKey: string,
  ticks: Partial<Record<ChecklistStepId, StepObservation>>,
  at: string,
  create = false,
): Promise<void> {
  const next = tickedChecklist(await db.checklists.get(assignmentKey), assignmentKey, ticks, at, create);
  if (next) await db.checklists.put(next);
}

export interface TickEntry {
  steps: Partial<Record<ChecklistStepId, StepObservation>>;
  /** start a checklist when there is none (the assignment is pending) */
  create: boolean;
}

/**
 * Applies the ticks of many checklists in one batched read and one bulk write, inside the caller's
 * transaction over `checklists`. Returns the number of checklists written.
 */
export async function autoTickMany(db: KatipDb, entries: ReadonlyMap<string, TickEntry>, at: string): Promise<number> {
  if (entries.size === 0) return 0;
  const keys = [...entries.keys()];
  const stored = await getMany(db.checklists, keys);
  const writes: ChecklistRow[] = [];
  keys.forEach((key, i) => {
    const entry = entries.get(key)!;
    const next = tickedChecklist(stored[i], key, entry.steps, at, entry.create);
    if (next) writes.push(next);
  });
  if (writes.length) await db.checklists.bulkPut(writes);
  return writes.length;
}

/**
 * The user pressed "Kayıt" on the approval form: remembered on the checklist, so that step 8
 * ticks once a changed approval status is seen after it (inside the caller's transaction).
 */
export async function markSubmitted(db: KatipDb, assignmentKey: string, at: string): Promise<void> {
  const row: ChecklistRow = (await db.checklists.get(assignmentKey)) ?? { assignmentKey, steps: {}, updatedAt: at };
  await db.checklists.put({ ...row, submittedAt: at, updatedAt: at });
}
