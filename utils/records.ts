// The zod schemas of the normalised records (background, messages, backups, extension pages). The
// plain types and helpers live in ./record-types, which the content script imports instead (no zod
// in its bundle); each schema below is checked at compile time to give exactly that type.
import { z } from 'zod';
import {
  APPROVAL_STATE_VALUES,
  CERTIFICATE_CLASS_VALUES,
  CONTRACT_STATE_VALUES,
  EMPLOYMENT_VALUES,
  RECORD_KINDS,
  ROLE_VALUES,
  SCREEN_IDS,
  UNREAD_FACTS,
  type AssignmentFacts as AssignmentFactsType,
  type CapacityFacts as CapacityFactsType,
  type ContractFormFacts as ContractFormFactsType,
  type PageRecord as PageRecordType,
  type WorkplaceFacts as WorkplaceFactsType,
} from './record-types';

export * from './record-types';

/** Compile-time check that a schema's output type is exactly the plain type of ./record-types. */
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

export const ScreenIdSchema = z.enum(SCREEN_IDS);

const text = z.string().max(2000);
const minutes = z.number().finite().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/);

export const WorkplaceFactsSchema = z.object({
  sicilNo: text.optional(),
  detsisNo: text.optional(),
  title: text.optional(),
  naceText: text.optional(),
  hazardText: text.optional(),
  employees: z.number().int().nonnegative().optional(),
  employeesText: text.optional(),
  ownUndertaking: z.boolean().optional(),
});

export const RoleSchema = z.enum(ROLE_VALUES);
export const CertificateClassSchema = z.enum(CERTIFICATE_CLASS_VALUES);
export const EmploymentSchema = z.enum(EMPLOYMENT_VALUES);
export const ApprovalStateSchema = z.enum(APPROVAL_STATE_VALUES);
export const ContractStateSchema = z.enum(CONTRACT_STATE_VALUES);

export const AssignmentFactsSchema = z.object({
  portalId: text.optional(),
  contractName: text.optional(),
  personName: text.optional(),
  tckn: text.optional(),
  role: RoleSchema.optional(),
  certificateClass: CertificateClassSchema.optional(),
  certificateText: text.optional(),
  certificateNo: text.optional(),
  employment: EmploymentSchema.optional(),
  minutes: minutes.optional(),
  overtimeMinutes: minutes.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  contractState: ContractStateSchema.optional(),
  approvalState: ApprovalStateSchema.optional(),
  stateText: text.optional(),
  portalVerdict: z.boolean().optional(),
});

export const CapacityFactsSchema = z.object({
  remainingMinutes: minutes.optional(),
  remainingOvertimeMinutes: minutes.optional(),
  note: text.optional(),
});

export const ContractFormFactsSchema = z.object({
  requiredFullTime: minutes.optional(),
  presentFullTime: minutes.optional(),
  requiredPartTimeMinutes: minutes.optional(),
  runningTotalMinutes: minutes.optional(),
  requiredTotalMinutes: minutes.optional(),
  usedMinutes: minutes.optional(),
  blockedMinutes: minutes.optional(),
  assignmentTypeText: text.optional(),
  enteredMinutes: minutes.optional(),
  enteredMinutesText: text.optional(),
});

export const RecordKindSchema = z.enum(RECORD_KINDS);

export const PageRecordSchema = z.object({
  kind: RecordKindSchema,
  workplace: WorkplaceFactsSchema.optional(),
  assignment: AssignmentFactsSchema.optional(),
  capacity: CapacityFactsSchema.optional(),
  form: ContractFormFactsSchema.optional(),
  unread: z.array(z.enum(UNREAD_FACTS)).max(UNREAD_FACTS.length).optional(),
});

// each schema gives exactly the plain type (a field added to one and not the other fails to compile)
export const SCHEMAS_MATCH_TYPES: [
  Same<z.infer<typeof WorkplaceFactsSchema>, WorkplaceFactsType>,
  Same<z.infer<typeof AssignmentFactsSchema>, AssignmentFactsType>,
  Same<z.infer<typeof CapacityFactsSchema>, CapacityFactsType>,
  Same<z.infer<typeof ContractFormFactsSchema>, ContractFormFactsType>,
  Same<z.infer<typeof PageRecordSchema>, PageRecordType>,
] = [true, true, true, true, true];
