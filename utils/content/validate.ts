// Small hand checks of what reaches the content script (the background's context answer, the
// popup's jump request): no zod in the page's bundle. What does not fit is dropped field by field
// (a wrong fact is absent, never half-trusted); a wrong answer as a whole is refused.
import type { ContextAnswer, JumpRequest, WorkplaceContext } from '../messages';
import type { AssignmentFacts, CellField, WorkplaceFacts } from '../records';
import { RULE_IDS, type RuleId } from '../rules/types';

type Check = (v: unknown) => boolean;

const MAX_TEXT = 2000;
const text: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
const count: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const minutes: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const isoDate: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(v);

/** WorkplaceFactsSchema (utils/records.ts), field by field; a unit test keeps the two in step. */
export const WORKPLACE_FIELD_CHECKS: Record<keyof WorkplaceFacts, Check> = {
  sicilNo: text,
  detsisNo: text,
  title: text,
  naceText: text,
  hazardText: text,
  employees: count,
  employeesText: text,
  ownUndertaking: bool,
};

/** AssignmentFactsSchema (utils/records.ts), field by field. */
export const ASSIGNMENT_FIELD_CHECKS: Record<keyof AssignmentFacts, Check> = {
  portalId: text,
  contractName: text,
  personName: text,
  tckn: text,
  role: oneOf('igu', 'ih', 'dsp'),
  certificateClass: oneOf('A', 'B', 'C'),
  certificateText: text,
  certificateNo: text,
  employment: oneOf('tam', 'kismi'),
  minutes,
  overtimeMinutes: minutes,
  startDate: isoDate,
  endDate: isoDate,
  contractState: oneOf('active', 'ended', 'cancelled'),
  approvalState: oneOf('pending', 'approved', 'rejected'),
  stateText: text,
  portalVerdict: bool,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields that pass their check; undefined when `v` is no object or nothing passes. */
function facts<T extends object>(v: unknown, checks: Record<string, Check>): T | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(checks)) {
    const value = v[key];
    if (value !== undefined && checks[key]!(value)) {
      out[key] = value;
      any = true;
    }
  }
  return any ? (out as T) : undefined;
}

export const workplaceFacts = (v: unknown) => facts<WorkplaceFacts>(v, WORKPLACE_FIELD_CHECKS);
export const assignmentFacts = (v: unknown) => facts<AssignmentFacts>(v, ASSIGNMENT_FIELD_CHECKS);

const MAX_ASSIGNMENTS = 20_000;

function workplaceContext(v: unknown): WorkplaceContext | undefined {
  if (!isObject(v) || !Array.isArray(v.assignments) || v.assignments.length > MAX_ASSIGNMENTS) return undefined;
  const out: WorkplaceContext = { assignments: [] };
  const profile = workplaceFacts(v.profile);
  const mirrored = workplaceFacts(v.mirrored);
  if (profile) out.profile = profile;
  if (mirrored) out.mirrored = mirrored;
  for (const a of v.assignments) {
    if (!isObject(a) || !text(a.key) || !isObject(a.label) || !text(a.label.tr) || !text(a.label.en)) continue;
    out.assignments.push({ ...assignmentFacts(a), key: a.key as string, label: { tr: a.label.tr as string, en: a.label.en as string } });
  }
  return out;
}

const RULES = new Set<string>(RULE_IDS);

/** The background's answer to get-context for `asked` workplaces, or undefined when it is not one. */
export function contextAnswer(v: unknown, asked: number): ContextAnswer | undefined {
  if (!isObject(v) || !Array.isArray(v.disabledRules) || !Array.isArray(v.workplaces) || v.workplaces.length !== asked) return undefined;
  if (v.language !== 'tr' && v.language !== 'en') return undefined;
  const base = workplaceContext(v.base);
  if (!base) return undefined;
  const workplaces: WorkplaceContext[] = [];
  for (const w of v.workplaces) {
    const c = workplaceContext(w);
    if (!c) return undefined;
    workplaces.push(c);
  }
  const answer: ContextAnswer = {
    disabledRules: v.disabledRules.filter((id): id is RuleId => typeof id === 'string' && RULES.has(id)),
    language: v.language,
    showPassing: v.showPassing === true,
    confirmBeforeSave: v.confirmBeforeSave === true,
    base,
    workplaces,
  };
  const selectedWorkplace = workplaceFacts(v.selectedWorkplace);
  const selectedAssignment = assignmentFacts(v.selectedAssignment);
  if (selectedWorkplace) answer.selectedWorkplace = selectedWorkplace;
  if (selectedAssignment) answer.selectedAssignment = selectedAssignment;
  return answer;
}

/** The popup's (or side panel's) "Kayda git", or undefined. */
export function jumpRequest(v: unknown, fields: readonly CellField[]): JumpRequest | undefined {
  if (!isObject(v) || v.type !== 'jump' || !count(v.recordIndex)) return undefined;
  const out: JumpRequest = { type: 'jump', recordIndex: v.recordIndex as number };
  if (typeof v.field === 'string' && (fields as readonly string[]).includes(v.field)) out.field = v.field as CellField;
  return out;
}
