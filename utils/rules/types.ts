// The shape of a rule, axe-style: id, severity, citation, messages, and a pure check.
import type { HazardClass } from '../domain/hazard';
import type { Role } from '../domain/minimums';
import type { AssignmentFacts, PageRecord, UnreadFact, WorkplaceFacts } from '../record-types';

export const RULE_IDS = [
  'minutes-below-minimum',
  'full-time-required',
  'certificate-class',
  'hazard-class-unknown',
  'nace-malformed',
  'nace-not-listed',
  'nace-class-mismatch',
  'nace-sicil-mismatch',
  'tckn-invalid',
  'sicil-malformed',
  'over-capacity',
  'portal-verdict-differs',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warn';

export interface Bilingual {
  tr: string;
  en: string;
}

/** A fact a rule may need and not find. */
export const FACTS = [
  'hazard-class',
  'employees',
  'role',
  'minutes',
  'remaining-capacity',
  'certificate-class',
  'employment',
  'contract-state',
] as const;
export type Fact = (typeof FACTS)[number];

export type FactSource = 'page' | 'profile' | 'mirror' | 'nace-list';

/** The workplace as the rules see it: page facts merged with the mirror and the user's profile. */
export interface ResolvedWorkplace extends WorkplaceFacts {
  /** the legal class, when hazardText (or the profile) names one of the three */
  hazardClass?: HazardClass;
  /** where hazard class and employee count came from */
  sources?: { hazard?: FactSource; employees?: FactSource };
}

/** An assignment known for the workplace (from this page or the mirror), with a key and a short label. */
export interface KnownAssignment extends AssignmentFacts {
  key: string;
  /** how a finding names it, e.g. "Ayşe Yılmaz (İGU, 1.200 dk)" / "Ayşe Yılmaz (OHS specialist, 1,200 min)" */
  label: Bilingual;
}

/** One record to judge, with its context. */
export interface Subject {
  record: PageRecord;
  workplace: ResolvedWorkplace;
  /**
   * The active assignments known for this workplace (this page's and the mirror's, this record's
   * own included when it is active): the basis of the per-workplace, per-role totals.
   */
  peers: KnownAssignment[];
  /** the key of this record's own assignment among peers, when it has one */
  assignmentKey?: string;
}

export type Outcome =
  | { result: 'pass' }
  | { result: 'inapplicable' }
  | { result: 'fail'; message: Bilingual; counted?: Bilingual[]; citation?: string }
  | { result: 'needs-data'; missing: Fact[]; message: Bilingual; citation?: string };

/** A finding: serialisable, shown in badges, the panel and the popup. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  result: 'fail' | 'needs-data';
  message: Bilingual;
  citation: string;
  missing?: Fact[];
  /** labels of the assignments a workplace total counted, in both languages */
  counted?: Bilingual[];
  /** index of the record in the screen's records; absent for page-level findings */
  recordIndex?: number;
  /** for page-level findings about a role with no record */
  role?: Role;
}

export interface RuleModule {
  id: RuleId;
  severity: Severity;
  /** short name of the rule */
  title: Bilingual;
  /** the legal source, as text (an outcome may name a narrower one, e.g. the role's own article) */
  citation: string;
  check(subject: Subject): Outcome;
  /** a rule judged from the other rules' findings (portal-verdict-differs), called after them */
  after?(subject: Subject, findings: readonly Finding[]): Outcome;
  /**
   * The facts the rule reads: when the screen shows one but could not read it (two columns tie for
   * it: `record.unread`), the rule says so (needs-data) instead of judging without it.
   */
  reads?: readonly ReadFact[];
}

/** The unread facts a rule can depend on (the others: tckn, sicilNo, naceText, leave their rules inapplicable). */
export type ReadFact = Exclude<UnreadFact, 'tckn' | 'sicilNo' | 'naceText'>;

export type RecordStatus = 'error' | 'warn' | 'unknown' | 'ok';
