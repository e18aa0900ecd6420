// The normalised records that screen readers produce, rules judge, the content script sends and
// the mirror stores. Zod schemas are the single source of truth for their shape.
import { z } from 'zod';

export const SCREEN_IDS = [
  'old-contracts',
  'old-approval',
  'old-workplace-select',
  'new-contracts',
  'new-contract-form',
  'public-institutions',
] as const;
export const ScreenIdSchema = z.enum(SCREEN_IDS);
export type ScreenId = z.infer<typeof ScreenIdSchema>;

const text = z.string().max(2000);
const minutes = z.number().finite().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/);

/**
 * What a screen shows about a workplace. Texts are kept as shown (trimmed, spaces collapsed);
 * parsed values sit beside them. Absent = the screen does not show it.
 */
export const WorkplaceFactsSchema = z.object({
  /** SGK işyeri sicil no, digits only as shown (not validated: rules judge it) */
  sicilNo: text.optional(),
  /** DETSİS number of a public institution */
  detsisNo: text.optional(),
  title: text.optional(),
  /** NACE code as shown (may be malformed) */
  naceText: text.optional(),
  /** hazard class as shown (may be "Tehlikesiz") */
  hazardText: text.optional(),
  /** employee count; absent when not shown or not a number (then employeesText holds the text) */
  employees: z.number().int().nonnegative().optional(),
  employeesText: text.optional(),
  /** the employer runs the service himself (az tehlikeli, < 50 employees; RULES.md §5) */
  ownUndertaking: z.boolean().optional(),
});
export type WorkplaceFacts = z.infer<typeof WorkplaceFactsSchema>;

export const RoleSchema = z.enum(['igu', 'ih', 'dsp']);
export const CertificateClassSchema = z.enum(['A', 'B', 'C']);
export const EmploymentSchema = z.enum(['tam', 'kismi']);
export const ApprovalStateSchema = z.enum(['pending', 'approved', 'rejected']);
export const ContractStateSchema = z.enum(['active', 'ended', 'cancelled']);

/** What a screen shows about one assignment (görevlendirme) or contract. */
export const AssignmentFactsSchema = z.object({
  /** Görevlendirme ID / Sözleşme ID when the screen shows one */
  portalId: text.optional(),
  contractName: text.optional(),
  personName: text.optional(),
  /** T.C. Kimlik No as shown (not validated: rules judge it) */
  tckn: text.optional(),
  role: RoleSchema.optional(),
  certificateClass: CertificateClassSchema.optional(),
  /** the category / certificate text as shown, e.g. "C Sınıfı İş Güvenliği Uzmanı" */
  certificateText: text.optional(),
  certificateNo: text.optional(),
  employment: EmploymentSchema.optional(),
  /** monthly minutes (Ayl. Çlş. Süresi / Çalışma Süresi) */
  minutes: minutes.optional(),
  overtimeMinutes: minutes.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  contractState: ContractStateSchema.optional(),
  approvalState: ApprovalStateSchema.optional(),
  /** the state texts as shown, for the history */
  stateText: text.optional(),
  /** the portal's own verdict, "Sözleşme Mevzuata Uygun mu" / sozlesmeMevzuataUygunMu: Evet → true, Hayır → false */
  portalVerdict: z.boolean().optional(),
});
export type AssignmentFacts = z.infer<typeof AssignmentFactsSchema>;

/** The old "SÖZLEŞME ONAY" form's capacity fields. */
export const CapacityFactsSchema = z.object({
  remainingMinutes: minutes.optional(),
  remainingOvertimeMinutes: minutes.optional(),
  note: text.optional(),
});
export type CapacityFacts = z.infer<typeof CapacityFactsSchema>;

/** The new contract form's own computed figures (PAGE-CONTRACT.md, "What the new-contract form's labels mean"). */
export const ContractFormFactsSchema = z.object({
  requiredFullTime: minutes.optional(),
  presentFullTime: minutes.optional(),
  requiredPartTimeMinutes: minutes.optional(),
  runningTotalMinutes: minutes.optional(),
  requiredTotalMinutes: minutes.optional(),
  usedMinutes: minutes.optional(),
  blockedMinutes: minutes.optional(),
  /** Görevlendirme Tipi as shown */
  assignmentTypeText: text.optional(),
  /** the minutes typed in the form; absent while the field is empty or not a number */
  enteredMinutes: minutes.optional(),
  enteredMinutesText: text.optional(),
});
export type ContractFormFacts = z.infer<typeof ContractFormFactsSchema>;

export const RecordKindSchema = z.enum(['assignment', 'approval', 'workplace', 'contract-form', 'institution']);
export type RecordKind = z.infer<typeof RecordKindSchema>;

/** One record of a screen: a grid row or a form. */
export const PageRecordSchema = z.object({
  kind: RecordKindSchema,
  workplace: WorkplaceFactsSchema.optional(),
  assignment: AssignmentFactsSchema.optional(),
  capacity: CapacityFactsSchema.optional(),
  form: ContractFormFactsSchema.optional(),
});
export type PageRecord = z.infer<typeof PageRecordSchema>;

/**
 * The facts whose cell (grid) or field (form) a finding can point at: the content script outlines
 * the cell of the fact a rule is about (minutes → Çalışma Süresi, certificateText → Sertifika Tipi, …).
 */
export const CELL_FIELDS = [
  'minutes',
  'certificateText',
  'tckn',
  'sicilNo',
  'naceText',
  'hazardText',
  'employees',
  'remainingMinutes',
  'personName',
  'portalId',
  'contractState',
] as const;
export type CellField = (typeof CELL_FIELDS)[number];

/** What a screen reader returns: the records (with their elements) and the page-wide facts. */
export interface ScreenRead {
  screen: ScreenId;
  records: {
    element: Element;
    record: PageRecord;
    /** where each fact was read: the cell of a grid row (any part of a split row) or a form's control/value element */
    cells?: Partial<Record<CellField, Element>>;
    /** the control the user types the contract's minutes into (new contract form), for the live note */
    minutesControl?: Element;
  }[];
  /** facts that hold for the whole page (a header naming the chosen workplace) */
  page?: { workplace?: WorkplaceFacts };
}

export interface ScreenReader {
  id: ScreenId;
  /** true when `root` shows this screen */
  detect(root: ParentNode): boolean;
  /** reads the records; never throws on odd markup (skips what it cannot read) */
  read(root: ParentNode): ScreenRead;
}

/** The object without its undefined properties: absent means "the screen does not show it". */
export function withoutUndefined<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** withoutUndefined, or undefined when nothing is left (a record part the screen does not show). */
export function nonEmpty<T extends object>(obj: T): T | undefined {
  const out = withoutUndefined(obj);
  return Object.keys(out).length ? out : undefined;
}
