// RULES.md §10: the approval procedure of the employer's e-Bildirge user, as a checklist per
// pending contract whose steps tick themselves from what the portal's screens show.
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
 * Applies what a screen showed to checklists (inside the caller's transaction): a step the user
 * set by hand is left alone; an automatic tick follows the latest observation. Only assignments
 * that already have a checklist (they were seen pending) are touched unless `create` is set.
 */
export async function autoTick(
  db: KatipDb,
  assignmentKey: string,
  ticks: Partial<Record<ChecklistStepId, boolean>>,
  at: string,
  create = false,
): Promise<void> {
  const stored = await db.checklists.get(assignmentKey);
  if (!stored && !create) return;
  const row: ChecklistRow = stored ?? { assignmentKey, steps: {}, updatedAt: at };
  const steps = { ...row.steps };
  let changed = !stored;
  for (const [id, done] of Object.entries(ticks) as [string, boolean | undefined][]) {
    const step = Number(id) as ChecklistStepId;
    if (done === undefined || step === 10) continue;
    const current: ChecklistTick | undefined = steps[step];
    if (current?.how === 'manual') continue;
    if (current && current.done === done) continue;
    if (!current && !done) continue;
    steps[step] = { done, at, how: 'seen' };
    changed = true;
  }
  if (changed) await db.checklists.put({ ...row, steps, updatedAt: at });
}
