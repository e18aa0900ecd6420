// The normalised records that screen readers produce, rules judge, the content script sends and the
// mirror stores: plain types and small helpers, without zod, so the content script's bundle does not
// carry it. The zod schemas for the same shapes live in ./records (background and extension pages),
// checked at compile time to match these types.

export const SCREEN_IDS = [
  'old-contracts',
  'old-approval',
  'old-workplace-select',
  'new-contracts',
  'new-contract-form',
  'public-institutions',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

/**
 * What a screen shows about a workplace. Texts are kept as shown (trimmed, spaces collapsed, at most
 * 2,000 characters); parsed values sit beside them. Absent = the screen does not show it.
 */
export type WorkplaceFacts = {
  /** SGK işyeri sicil no, as shown (not validated: rules judge it) */
  sicilNo?: string;
  /** DETSİS number of a public institution */
  detsisNo?: string;
  title?: string;
  /** NACE code as shown (may be malformed) */
  naceText?: string;
  /** hazard class as shown (may be "Tehlikesiz") */
  hazardText?: string;
  /** employee count; absent when not shown or not a number (then employeesText holds the text) */
  employees?: number;
  employeesText?: string;
  /** the employer runs the service himself (az tehlikeli, < 50 employees; RULES.md §5) */
  ownUndertaking?: boolean;
};

export const ROLE_VALUES = ['igu', 'ih', 'dsp'] as const;
export const CERTIFICATE_CLASS_VALUES = ['A', 'B', 'C'] as const;
export const EMPLOYMENT_VALUES = ['tam', 'kismi'] as const;
export const APPROVAL_STATE_VALUES = ['pending', 'approved', 'rejected'] as const;
export const CONTRACT_STATE_VALUES = ['active', 'ended', 'cancelled'] as const;

/** What a screen shows about one assignment (görevlendirme) or contract. */
export type AssignmentFacts = {
  /** Görevlendirme ID / Sözleşme ID when the screen shows one */
  portalId?: string;
  contractName?: string;
  personName?: string;
  /** T.C. Kimlik No as shown (not validated: rules judge it) */
  tckn?: string;
  role?: (typeof ROLE_VALUES)[number];
  certificateClass?: (typeof CERTIFICATE_CLASS_VALUES)[number];
  /** the category / certificate text as shown, e.g. "C Sınıfı İş Güvenliği Uzmanı" */
  certificateText?: string;
  certificateNo?: string;
  employment?: (typeof EMPLOYMENT_VALUES)[number];
  /** monthly minutes (Ayl. Çlş. Süresi / Çalışma Süresi) */
  minutes?: number;
  overtimeMinutes?: number;
  /** ISO date (yyyy-mm-dd, maybe with THH:mm[:ss]) */
  startDate?: string;
  endDate?: string;
  contractState?: (typeof CONTRACT_STATE_VALUES)[number];
  approvalState?: (typeof APPROVAL_STATE_VALUES)[number];
  /** the state texts as shown, for the history */
  stateText?: string;
  /** the portal's own verdict, "Sözleşme Mevzuata Uygun mu" / sozlesmeMevzuataUygunMu: Evet → true, Hayır → false */
  portalVerdict?: boolean;
};

/** The old "SÖZLEŞME ONAY" form's capacity fields. */
export type CapacityFacts = {
  remainingMinutes?: number;
  remainingOvertimeMinutes?: number;
  note?: string;
};

/** The new contract form's own computed figures (PAGE-CONTRACT.md, "What the new-contract form's labels mean"). */
export type ContractFormFacts = {
  requiredFullTime?: number;
  presentFullTime?: number;
  requiredPartTimeMinutes?: number;
  runningTotalMinutes?: number;
  requiredTotalMinutes?: number;
  usedMinutes?: number;
  blockedMinutes?: number;
  /** Görevlendirme Tipi as shown */
  assignmentTypeText?: string;
  /** the minutes typed in the form; absent while the field is empty or not a number */
  enteredMinutes?: number;
  enteredMinutesText?: string;
};

export const RECORD_KINDS = ['assignment', 'approval', 'workplace', 'contract-form', 'institution'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The facts a screen shows but its reader could not read: two columns tie for the field (ambiguous
 * labels). The rules that need one of them say so (needs-data) instead of judging without it.
 */
export const UNREAD_FACTS = ['minutes', 'contractState', 'hazardText', 'employees', 'certificateText', 'tckn', 'sicilNo', 'naceText', 'role'] as const;
export type UnreadFact = (typeof UNREAD_FACTS)[number];

/** One record of a screen: a grid row or a form. */
export type PageRecord = {
  kind: RecordKind;
  workplace?: WorkplaceFacts;
  assignment?: AssignmentFacts;
  capacity?: CapacityFacts;
  form?: ContractFormFacts;
  /** facts shown but not readable (ambiguous columns) */
  unread?: UnreadFact[];
};

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

/** One record as a reader returns it. */
export interface ReadRecord {
  element: Element;
  record: PageRecord;
  /**
   * A logical row rendered in several row elements (pinned columns: a pinned part and a centre part
   * sharing row-index / aria-rowindex): every part, `element` first. Absent for one-element records.
   */
  parts?: Element[];
  /** where each fact was read: the cell of a grid row (any part of a split row) or a form's control/value element */
  cells?: Partial<Record<CellField, Element>>;
  /** the control the user types the contract's minutes into (new contract form), for the live note */
  minutesControl?: Element;
}

/** What a screen reader returns: the records (with their elements) and the page-wide facts. */
export interface ScreenRead {
  screen: ScreenId;
  records: ReadRecord[];
  /** facts that hold for the whole page (a header naming the chosen workplace) */
  page?: { workplace?: WorkplaceFacts };
}

/** A grid reader's memory of rows between reads (utils/screens/grid.ts). */
export interface RowMemo {
  rows: WeakMap<Element, unknown>;
  /**
   * true when every change inside a remembered row is reported to the memo (forgetRow, called by
   * the content script's MutationObserver): a remembered row is then taken as it was, without
   * comparing its text again. Without it (a read with no observer), each row's text is compared.
   */
  observed?: boolean;
}

export interface ScreenReader {
  id: ScreenId;
  /** true when `root` shows this screen */
  detect(root: ParentNode): boolean;
  /** reads the records; never throws on odd markup (skips what it cannot read) */
  read(root: ParentNode): ScreenRead;
  /**
   * The same read in steps, for a list that may have thousands of rows: it yields every few dozen
   * rows (the content script gives the page a turn), and remembers rows in `memo` between reads.
   */
  readSteps?(root: ParentNode, memo?: RowMemo): Generator<void, ScreenRead, void>;
  /**
   * true for a reader that never looks inside a large grid (the form readers: a big list's cells
   * are data, not labels): a change confined to such a grid cannot change what it detects
   */
  blindToLargeGrids?: boolean;
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
