// Messages between the content script, the background and the extension pages. Every message is
// zod-checked on receipt: a malformed one is refused with a clear error, never half-applied.
import { z } from 'zod';
import { AssignmentFactsSchema, CELL_FIELDS, PageRecordSchema, ScreenIdSchema, WorkplaceFactsSchema } from './records';
import { FACTS, RULE_IDS } from './rules/types';
import { MAX_FINDINGS_PER_MESSAGE, MAX_RECORDS_PER_MESSAGE, MAX_REPORT_PARTS } from './page-report-parts';

const BilingualSchema = z.object({ tr: z.string(), en: z.string() });

export const FindingSchema = z.object({
  ruleId: z.enum(RULE_IDS),
  severity: z.enum(['error', 'warn']),
  result: z.enum(['fail', 'needs-data']),
  message: BilingualSchema,
  citation: z.string(),
  missing: z.array(z.enum(FACTS)).optional(),
  counted: z.array(BilingualSchema).optional(),
  recordIndex: z.number().int().nonnegative().optional(),
  role: z.enum(['igu', 'ih', 'dsp']).optional(),
});

/**
 * A page-level remark about the page's own data (utils/page-data): the rows could not be marked
 * (no table recognised, the JSON judged alone), or the table and the JSON disagree about a row's fact.
 */
export const PageNoteSchema = z.object({
  id: z.enum(['rows-not-marked', 'facts-differ', 'answer-cut']),
  message: BilingualSchema,
  recordIndex: z.number().int().nonnegative().optional(),
  field: z.string().max(40).optional(),
});
export type PageNoteMessage = z.infer<typeof PageNoteSchema>;

/** content → background: what this page (frame) showed and what the rules found. */
export const PageReportSchema = z.object({
  type: z.literal('page-report'),
  screen: ScreenIdSchema,
  url: z.string(),
  /** page-wide facts, e.g. the workplace a header names */
  page: z.object({ workplace: WorkplaceFactsSchema.optional() }).optional(),
  records: z.array(PageRecordSchema).max(MAX_RECORDS_PER_MESSAGE),
  findings: z.array(FindingSchema).max(MAX_FINDINGS_PER_MESSAGE),
  scanMs: z.number().nonnegative(),
  /** remarks about the page's own data, shown with the findings */
  notes: z.array(PageNoteSchema).max(100).optional(),
  /** one part of a report too big for one message (utils/page-report-parts.ts); absent = whole */
  part: z
    .object({
      id: z.string().min(1).max(100),
      index: z.number().int().nonnegative(),
      count: z.number().int().positive().max(MAX_REPORT_PARTS),
      offset: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    })
    .refine((p) => p.index < p.count, { message: 'part index beyond count' })
    .optional(),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** content → background: the page shows no known screen any more (clears the tab's findings). */
export const PageClearedSchema = z.object({ type: z.literal('page-cleared'), url: z.string() });

/** content → background: the user chose a workplace (old select screen) or selected a grid row (old contracts). */
export const SelectionSchema = z.object({
  type: z.literal('selection'),
  workplace: WorkplaceFactsSchema.optional(),
  assignment: AssignmentFactsSchema.optional(),
});
export type Selection = z.infer<typeof SelectionSchema>;

/** The most workplaces one get-context asks about (a page of a list names at most this many). */
export const MAX_CONTEXT_WORKPLACES = 200;

/**
 * content → background: what the rules need beyond the page, for every workplace a scan names, in
 * ONE message (answered from one read transaction).
 */
export const ContextRequestSchema = z.object({
  type: z.literal('get-context'),
  /** the workplaces the page names (by sicil/DETSİS number or title); the answer keeps their order */
  workplaces: z.array(WorkplaceFactsSchema).max(MAX_CONTEXT_WORKPLACES).optional(),
});
export type ContextRequest = z.infer<typeof ContextRequestSchema>;

/** An assignment the mirror knows, with its label in both languages (findings name it in the reader's). */
export const KnownAssignmentSchema = AssignmentFactsSchema.extend({ key: z.string(), label: BilingualSchema });

/** What the background knows about one workplace. */
export const WorkplaceContextSchema = z.object({
  /** the user's profile for the workplace */
  profile: WorkplaceFactsSchema.optional(),
  /** the workplace as last seen on the portal (from the mirror) */
  mirrored: WorkplaceFactsSchema.optional(),
  /** active assignments the mirror knows for the workplace */
  assignments: z.array(KnownAssignmentSchema),
});
export type WorkplaceContext = z.infer<typeof WorkplaceContextSchema>;

/** The user's settings the content script follows. */
const ContextSettingsShape = {
  /** rule ids the user switched off */
  disabledRules: z.array(z.enum(RULE_IDS)),
  language: z.enum(['tr', 'en']),
  /** mark passing records too ("Uygun"); off by default */
  showPassing: z.boolean(),
  /** ask before the portal's "Kayıt" on a contract with errors; off by default */
  confirmBeforeSave: z.boolean(),
};

/** background → content: the answer to get-context. The content script checks it by hand (utils/content/validate.ts). */
export const ContextAnswerSchema = z.object({
  ...ContextSettingsShape,
  /** the workplace chosen on the select screen (used when the page names none) */
  selectedWorkplace: WorkplaceFactsSchema.optional(),
  /** the assignment selected in the old grid before the approval form opened */
  selectedAssignment: AssignmentFactsSchema.optional(),
  /** the selected workplace's context: for records whose page names no workplace */
  base: WorkplaceContextSchema,
  /** one per workplace asked, in the order asked */
  workplaces: z.array(WorkplaceContextSchema),
});
export type ContextAnswer = z.infer<typeof ContextAnswerSchema>;

/**
 * What the rules get for one workplace (the content script builds it from the answer): the
 * workplace's context with the settings and the selection.
 */
export type ContextResponse = WorkplaceContext &
  Pick<ContextAnswer, 'disabledRules' | 'language' | 'selectedWorkplace' | 'selectedAssignment'> &
  Partial<Pick<ContextAnswer, 'showPassing' | 'confirmBeforeSave'>>;

/**
 * content → background: the user pressed the portal's "Kayıt" on the approval form (RULES.md §10
 * step 8). The checklist ticks step 8 only once a changed approval status is seen afterwards.
 */
export const ApprovalSubmittedSchema = z.object({
  type: z.literal('approval-submitted'),
  /** the assignment the form shows (as read from it) */
  assignment: AssignmentFactsSchema,
});
export type ApprovalSubmitted = z.infer<typeof ApprovalSubmittedSchema>;

/**
 * content (or an extension page) → background: open the options page's workplace profile form,
 * pre-filled with what the page showed (title, SGK number, NACE code).
 */
export const OpenProfileSchema = z.object({
  type: z.literal('open-profile'),
  workplace: WorkplaceFactsSchema,
});
export type OpenProfile = z.infer<typeof OpenProfileSchema>;

export const ContentMessageSchema = z.discriminatedUnion('type', [
  PageReportSchema,
  PageClearedSchema,
  SelectionSchema,
  ContextRequestSchema,
  ApprovalSubmittedSchema,
  OpenProfileSchema,
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** popup → content script (one frame): scroll to a record and focus its badge. */
export const JumpRequestSchema = z.object({
  type: z.literal('jump'),
  recordIndex: z.number().int().nonnegative(),
  /** the fact whose cell to highlight too (a finding's cell) */
  field: z.enum(CELL_FIELDS).optional(),
});
export type JumpRequest = z.infer<typeof JumpRequestSchema>;
