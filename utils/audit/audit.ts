// The audit of a whole contract export: every contract judged by the same rules as on the page
// (utils/rules judgeScreen), every workplace's required-vs-assigned service by the same
// evaluateWorkplace, every professional's committed minutes. Pure: runs in a worker or a test.
import {
  FULL_TIME_MONTH_MINUTES,
  evaluateWorkplace,
  isActiveAssignment,
  isNaceWellFormed,
  lookupNaceClass,
  ROLES,
  type HazardClass,
  type NotRequiredReason,
  type Role,
} from '@/utils/domain/core';
import { resolveWorkplace } from '@/utils/content/subjects';
import { assignmentLabels, personKeyOf, portalAssignmentKey, stableAssignmentKey, workplaceKeyOf } from '@/utils/keys';
import { missingRoleFindings, judgeScreen, recordVerdict } from '@/utils/rules';
import { requirementText } from '@/utils/rules/service';
import { enNum, trNum } from '@/utils/rules/wording';
import type { AssignmentFacts, WorkplaceFacts } from '@/utils/records';
import type { Bilingual, Finding, KnownAssignment, RecordStatus, ResolvedWorkplace, RuleId, Subject } from '@/utils/rules/types';
import type { RowRead } from './read-file';

export const STATUS_ORDER: readonly RecordStatus[] = ['error', 'warn', 'unknown', 'ok'];
const STATUS_RANK: Record<RecordStatus, number> = { error: 0, warn: 1, unknown: 2, ok: 3 };

export function worstStatus(statuses: Iterable<RecordStatus>): RecordStatus {
  let worst: RecordStatus = 'ok';
  for (const s of statuses) if (STATUS_RANK[s] < STATUS_RANK[worst]) worst = s;
  return worst;
}

export interface AuditContract {
  /** index in AuditResult.contracts */
  i: number;
  /** row number in the file */
  row: number;
  key: string;
  workplaceKey: string;
  personKey?: string;
  facts: AssignmentFacts;
  /** how reports name it, in both languages */
  label: Bilingual;
  active: boolean;
  status: RecordStatus;
  /** data-katip-rules style: fired rule ids plus needs-data, sorted */
  rules: string;
  findings: Finding[];
  /** the portal's own "Sözleşme Mevzuata Uygun mu": true = Evet */
  portalVerdict?: boolean;
  /** the portal says "Evet" where we found an error, or "Hayır" where we found none and judged everything */
  verdictDiffers: boolean;
}

export interface RoleFigures {
  role: Role;
  status: 'ok' | 'short' | 'unknown' | 'not-required';
  notRequiredReason?: NotRequiredReason;
  requiredMinutes: number;
  providedMinutes: number;
  shortfallMinutes: number;
  requiredFullTime: number;
  presentFullTime: number;
  missingFullTime: number;
  /** "600 çalışan: 2 tam süreli İGU + 100 × 40 dk = 4.000 dk" */
  requirement: Bilingual;
}

export interface AuditWorkplace {
  key: string;
  title?: string;
  sicilNo?: string;
  detsisNo?: string;
  portalId?: string;
  province?: string;
  employees?: number;
  employeesText?: string;
  hazardText?: string;
  hazardClass?: HazardClass;
  naceText?: string;
  /** the Tebliğ list's class for the NACE code; null = well-formed but not listed; undefined = no or malformed code */
  naceListClass?: HazardClass | null;
  /** facts the service judgement lacks */
  needs?: ('hazard-class' | 'employees')[];
  roles?: Record<Role, RoleFigures>;
  contracts: number[];
  activeContracts: number;
  /** findings about the workplace as a whole (a required role with no contract at all) */
  findings: Finding[];
  status: RecordStatus;
  rules: string;
  /** minutes missing over all roles (full-time shortfalls counted as 11.700 dk each) */
  shortfallMinutes: number;
  portalVerdicts: { evet: number; hayir: number };
  verdictDiffers: number;
}

export type PersonFindingId = 'over-month' | 'over-remaining' | 'full-time-not-exclusive' | 'certificate-class';

export interface PersonFinding {
  id: PersonFindingId;
  message: Bilingual;
  citation: string;
  /** contract indices the finding is about */
  contracts: number[];
}

export interface AuditProfessional {
  key: string;
  tckn?: string;
  name?: string;
  roles: Role[];
  certificateClasses: string[];
  contracts: number[];
  activeContracts: number;
  /** active part-time minutes plus 11.700 dk per active full-time contract */
  committedMinutes: number;
  fullTimeContracts: number;
  /** the last "Kalan Max. Ayl. Çlş. Süresi (Dk)" the mirror saw for this person */
  remainingSeen?: RemainingSeen & { contract?: number };
  workplaces: string[];
  findings: PersonFinding[];
  status: RecordStatus;
}

export interface AuditCounts {
  byStatus: Record<RecordStatus, number>;
  /** contracts per fired rule id (and needs-data) */
  byRule: Record<string, number>;
  workplacesByStatus: Record<RecordStatus, number>;
  professionalsByStatus: Record<RecordStatus, number>;
  verdictDiffers: number;
  activeContracts: number;
}

export interface AuditResult {
  at: string;
  today: string;
  contracts: AuditContract[];
  workplaces: AuditWorkplace[];
  professionals: AuditProfessional[];
  counts: AuditCounts;
}

/** "Kalan Max. Ayl. Çlş. Süresi (Dk)" as the approval form showed it, beside one assignment. */
export interface RemainingSeen {
  minutes: number;
  at?: string;
  /** the mirror's key of the assignment it was shown beside */
  assignmentKey?: string;
}

export interface AuditOptions {
  disabled?: ReadonlySet<RuleId>;
  /** the user's workplace profiles by workplace key: fill facts the file lacks */
  profiles?: ReadonlyMap<string, WorkplaceFacts>;
  /**
   * the last remaining capacity the mirror saw: under `assignment:<key>` for the assignment it was
   * shown beside, and under the person's key (personKeyOf)
   */
  remaining?: ReadonlyMap<string, RemainingSeen>;
  today?: string;
  at?: string;
  /** called every `progressEvery` contracts judged */
  onProgress?: (done: number, total: number) => void;
}

export const FULL_TIME_CITATION = 'İGU Yönetmeliği m. 12; İH ve DSP Yönetmeliği m. 12 (tam süreli ay: 195 saat = 11.700 dk)';
export const CAPACITY_CITATION = 'SÖZLEŞME ONAY: Kalan Max. Ayl. Çlş. Süresi (Dk)';

const EMPTY_CONTEXT = { assignments: [], disabledRules: [], language: 'tr' as const };

function portalVerdictDiffers(verdict: boolean | undefined, findings: readonly Finding[]): boolean {
  if (verdict === undefined) return false;
  const error = findings.some((f) => f.result === 'fail' && f.severity === 'error');
  const unjudged = findings.some((f) => f.result === 'needs-data');
  return verdict ? error : !error && !unjudged;
}

/**
 * A finding as the audit keeps it: without the labels of every peer a workplace total counted (the
 * audit's workplace view lists those contracts) nor the screen's record index (the contract is the
 * row): a fifth of the size, thousands of times over.
 */
function lean(f: Finding): Finding {
  const { counted: _counted, recordIndex: _index, ...rest } = f;
  return rest;
}

/** "2025-11-12T…" as "12.11.2025". */
function formatDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

function zeroCounts(): Record<RecordStatus, number> {
  return { error: 0, warn: 0, unknown: 0, ok: 0 };
}

/** Audits the contract rows of an export. */
export function auditContracts(rows: readonly RowRead[], opts: AuditOptions = {}): AuditResult {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const disabled = opts.disabled ?? new Set<RuleId>();

  // 1. workplaces: one per key (SGK number, else DETSİS, else title), branch numbers kept apart
  interface Draft {
    key: string;
    facts: WorkplaceFacts;
    resolved?: ResolvedWorkplace;
    rows: number[];
    peers: Map<string, KnownAssignment>;
    portalId?: string;
    province?: string;
  }
  const drafts = new Map<string, Draft>();
  const prepared = rows.map((r, index) => {
    const w = r.record.workplace ?? {};
    const wkey = workplaceKeyOf(w) ?? (r.workplacePortalId ? `portal-workplace:${r.workplacePortalId}` : '-');
    let d = drafts.get(wkey);
    if (!d) drafts.set(wkey, (d = { key: wkey, facts: {}, rows: [], peers: new Map() }));
    // a later row fills what an earlier one left empty; the first shown value stays
    for (const [k, v] of Object.entries(w)) if ((d.facts as Record<string, unknown>)[k] === undefined) (d.facts as Record<string, unknown>)[k] = v;
    d.portalId ??= r.workplacePortalId;
    d.province ??= r.province;
    d.rows.push(index);
    const facts = r.record.assignment ?? {};
    const key = portalAssignmentKey(facts) ?? stableAssignmentKey(wkey, facts) ?? `row:${r.row}`;
    const active = isActiveAssignment(facts, today);
    const label = assignmentLabels(facts);
    const known: KnownAssignment = { ...facts, key, label };
    if (active) d.peers.set(key, known);
    return { r, index, wkey, key, facts, active, label };
  });
  for (const d of drafts.values()) {
    const profile = opts.profiles?.get(d.key);
    d.resolved = resolveWorkplace(d.facts, profile ? { ...EMPTY_CONTEXT, profile } : EMPTY_CONTEXT);
  }

  // 2. every contract through the rules, with its workplace's active contracts as peers
  const peersOf = new Map<string, KnownAssignment[]>();
  for (const d of drafts.values()) peersOf.set(d.key, [...d.peers.values()]);
  const subjects: Subject[] = prepared.map((p) => {
    const d = drafts.get(p.wkey)!;
    // the record's own workplace facts are the workplace's (one resolution per workplace)
    return { record: { ...p.r.record, workplace: d.facts }, workplace: d.resolved!, peers: peersOf.get(p.wkey)!, assignmentKey: p.key };
  });
  const judged = judgeInChunks(subjects, disabled, opts.onProgress);

  const contracts: AuditContract[] = prepared.map((p, i) => {
    const j = judged[i]!;
    const c: AuditContract = {
      i,
      row: p.r.row,
      key: p.key,
      workplaceKey: p.wkey,
      facts: p.facts,
      label: p.label,
      active: p.active,
      status: j.status,
      rules: j.rules,
      findings: j.findings.map(lean),
      verdictDiffers: portalVerdictDiffers(p.facts.portalVerdict, j.findings),
    };
    const person = personKeyOf(p.facts);
    if (person) c.personKey = person;
    if (p.facts.portalVerdict !== undefined) c.portalVerdict = p.facts.portalVerdict;
    return c;
  });

  // 3. workplaces: required against assigned per role, the roles with no contract at all
  const workplaces: AuditWorkplace[] = [];
  for (const d of drafts.values()) {
    const w = d.resolved!;
    const peers = peersOf.get(d.key)!;
    const findings = missingRoleFindings(w, peers, disabled).map(lean);
    const mine = d.rows.map((i) => contracts[i]!);
    const aw: AuditWorkplace = {
      key: d.key,
      contracts: d.rows,
      activeContracts: mine.filter((c) => c.active).length,
      findings,
      status: 'ok',
      rules: '',
      shortfallMinutes: 0,
      portalVerdicts: { evet: mine.filter((c) => c.portalVerdict === true).length, hayir: mine.filter((c) => c.portalVerdict === false).length },
      verdictDiffers: mine.filter((c) => c.verdictDiffers).length,
    };
    const copy: (keyof WorkplaceFacts & keyof AuditWorkplace)[] = ['title', 'sicilNo', 'detsisNo', 'employees', 'employeesText', 'hazardText', 'naceText'];
    for (const k of copy) if (w[k] !== undefined) (aw as unknown as Record<string, unknown>)[k] = w[k];
    if (w.hazardClass) aw.hazardClass = w.hazardClass;
    if (d.portalId) aw.portalId = d.portalId;
    if (d.province) aw.province = d.province;
    if (w.naceText && isNaceWellFormed(w.naceText)) aw.naceListClass = lookupNaceClass(w.naceText)?.hazardClass ?? null;
    const ev = evaluateWorkplace({ hazardClass: w.hazardClass, employees: w.employees, ownUndertaking: w.ownUndertaking }, peers);
    if (ev.needs) aw.needs = ev.needs;
    else {
      const roles = {} as Record<Role, RoleFigures>;
      for (const role of ROLES) {
        const r = ev.roles[role];
        const fig: RoleFigures = {
          role,
          status: r.status,
          requiredMinutes: r.required.minutes,
          providedMinutes: r.providedMinutes,
          shortfallMinutes: r.shortfallMinutes,
          requiredFullTime: r.required.fullTime,
          presentFullTime: r.providedFullTime,
          missingFullTime: r.missingFullTime,
          requirement: requirementText(r, ev.employees),
        };
        if (r.notRequiredReason) fig.notRequiredReason = r.notRequiredReason;
        roles[role] = fig;
        aw.shortfallMinutes += r.shortfallMinutes + r.missingFullTime * FULL_TIME_MONTH_MINUTES;
      }
      aw.roles = roles;
    }
    const all = [...mine.flatMap((c) => c.findings), ...findings];
    const verdict = recordVerdict(all);
    aw.status = verdict.status;
    aw.rules = verdict.rules;
    workplaces.push(aw);
  }

  // 4. professionals: minutes committed everywhere, full-time exclusivity, certificate class per workplace
  const people = new Map<string, AuditContract[]>();
  for (const c of contracts) {
    if (!c.personKey) continue;
    const list = people.get(c.personKey);
    if (list) list.push(c);
    else people.set(c.personKey, [c]);
  }
  const titleOf = new Map(workplaces.map((w) => [w.key, w.title ?? w.sicilNo ?? w.detsisNo ?? w.key]));
  const professionals: AuditProfessional[] = [];
  for (const [key, list] of people) {
    const active = list.filter((c) => c.active);
    const fullTime = active.filter((c) => c.facts.employment === 'tam');
    const committed = active.reduce((sum, c) => sum + (c.facts.employment === 'tam' ? FULL_TIME_MONTH_MINUTES : (c.facts.minutes ?? 0)), 0);
    const first = list.find((c) => c.facts.tckn) ?? list[0]!;
    const named = list.find((c) => c.facts.personName);
    const p: AuditProfessional = {
      key,
      roles: ROLES.filter((r) => list.some((c) => c.facts.role === r)),
      certificateClasses: [...new Set(list.map((c) => c.facts.certificateClass).filter((x): x is NonNullable<typeof x> => !!x))],
      contracts: list.map((c) => c.i),
      activeContracts: active.length,
      committedMinutes: committed,
      fullTimeContracts: fullTime.length,
      workplaces: [...new Set(list.map((c) => c.workplaceKey))],
      findings: [],
      status: 'ok',
    };
    if (first.facts.tckn) p.tckn = first.facts.tckn;
    if (named?.facts.personName) p.name = named.facts.personName;
    // the remaining capacity: the one shown beside a contract of this file (the latest), else by person
    let seen: (RemainingSeen & { contract?: number }) | undefined;
    for (const c of list) {
      const s = opts.remaining?.get(`assignment:${c.key}`);
      if (s && (!seen || (s.at ?? '') > (seen.at ?? ''))) seen = { ...s, contract: c.i };
    }
    if (!seen) {
      const byPerson = opts.remaining?.get(key) ?? (named?.facts.personName ? opts.remaining?.get(personKeyOf({ personName: named.facts.personName }) ?? '') : undefined);
      if (byPerson) {
        const beside = byPerson.assignmentKey ? list.find((c) => c.key === byPerson.assignmentKey) : undefined;
        seen = beside ? { ...byPerson, contract: beside.i } : { ...byPerson };
      }
    }
    if (seen) p.remainingSeen = seen;
    const activeIdx = active.map((c) => c.i);
    if (committed > FULL_TIME_MONTH_MINUTES) {
      p.findings.push({
        id: 'over-month',
        contracts: activeIdx,
        citation: FULL_TIME_CITATION,
        message: {
          tr: `${active.length} sözleşmede toplam ${trNum(committed)} dk/ay taahhüt edilmiş; bir tam süreli ay ${trNum(FULL_TIME_MONTH_MINUTES)} dk, fazlası ${trNum(committed - FULL_TIME_MONTH_MINUTES)} dk`,
          en: `${enNum(committed)} min/month committed over ${active.length} contracts; a full-time month is ${enNum(FULL_TIME_MONTH_MINUTES)} min, ${enNum(committed - FULL_TIME_MONTH_MINUTES)} min over`,
        },
      });
    }
    // the form shows what is left beside the contract being approved: that contract must fit in it
    const beside = seen?.contract !== undefined ? contracts[seen.contract] : undefined;
    if (seen && beside?.active) {
      const asked = beside.facts.employment === 'tam' ? FULL_TIME_MONTH_MINUTES : beside.facts.minutes;
      if (asked !== undefined && asked > seen.minutes) {
        const when = seen.at ? formatDay(seen.at) : undefined;
        p.findings.push({
          id: 'over-remaining',
          contracts: [beside.i],
          citation: CAPACITY_CITATION,
          message: {
            tr: `${beside.label.tr} sözleşmesine ${trNum(asked)} dk atanmış; onay formu${when ? ` ${when} tarihinde` : ''} Kalan Max. Ayl. Çlş. Süresi ${trNum(seen.minutes)} dk gösterdi: ${trNum(asked - seen.minutes)} dk fazla`,
            en: `${enNum(asked)} min assigned in ${beside.label.en}; the approval form${when ? ` on ${when}` : ''} showed a remaining capacity (Kalan Max.) of ${enNum(seen.minutes)} min: ${enNum(asked - seen.minutes)} min over`,
          },
        });
      }
    }
    if (fullTime.length > 0 && active.length > 1) {
      p.findings.push({
        id: 'full-time-not-exclusive',
        contracts: activeIdx,
        citation: FULL_TIME_CITATION,
        message: {
          tr: `Tam süreli ${fullTime.length} sözleşmenin yanında ${active.length - fullTime.length === 0 ? 'başka tam süreli' : trNum(active.length - fullTime.length)} sözleşme daha var; tam süreli görevlendirilen başka sözleşme üstlenemez`,
          en: `Besides ${fullTime.length} full-time contract(s), ${active.length - 1} more active contract(s); a full-time professional may hold no other contract`,
        },
      });
    }
    const certificateFaults = list.filter((c) => c.findings.some((f) => f.ruleId === 'certificate-class' && f.result === 'fail'));
    if (certificateFaults.length > 0) {
      const places = [...new Set(certificateFaults.map((c) => titleOf.get(c.workplaceKey) ?? c.workplaceKey))];
      p.findings.push({
        id: 'certificate-class',
        contracts: certificateFaults.map((c) => c.i),
        citation: certificateFaults[0]!.findings.find((f) => f.ruleId === 'certificate-class')!.citation,
        message: {
          tr: `Sertifika sınıfı ${p.certificateClasses.join(', ') || '?'}; ${places.length} işyerinin tehlike sınıfına uymuyor: ${places.slice(0, 5).join('; ')}${places.length > 5 ? '…' : ''}`,
          en: `Certificate class ${p.certificateClasses.join(', ') || '?'} does not fit the hazard class of ${places.length} workplace(s): ${places.slice(0, 5).join('; ')}${places.length > 5 ? '…' : ''}`,
        },
      });
    }
    const tcknInvalid = list.some((c) => c.findings.some((f) => f.ruleId === 'tckn-invalid' && f.result === 'fail'));
    const minutesUnknown = active.some((c) => c.facts.employment !== 'tam' && c.facts.minutes === undefined);
    p.status = p.findings.length > 0 || tcknInvalid ? 'error' : minutesUnknown ? 'unknown' : 'ok';
    professionals.push(p);
  }

  // 5. counts
  const counts: AuditCounts = {
    byStatus: zeroCounts(),
    byRule: {},
    workplacesByStatus: zeroCounts(),
    professionalsByStatus: zeroCounts(),
    verdictDiffers: 0,
    activeContracts: 0,
  };
  for (const c of contracts) {
    counts.byStatus[c.status]++;
    for (const id of c.rules.split(' ')) if (id) counts.byRule[id] = (counts.byRule[id] ?? 0) + 1;
    if (c.verdictDiffers) counts.verdictDiffers++;
    if (c.active) counts.activeContracts++;
  }
  for (const w of workplaces) counts.workplacesByStatus[w.status]++;
  for (const p of professionals) counts.professionalsByStatus[p.status]++;
  workplaces.sort((a, b) => b.shortfallMinutes - a.shortfallMinutes || STATUS_RANK[a.status] - STATUS_RANK[b.status] || (a.title ?? a.key).localeCompare(b.title ?? b.key, 'tr'));
  return { at: opts.at ?? new Date().toISOString(), today, contracts, workplaces, professionals, counts };
}

/** judgeScreen over the subjects in slices, reporting progress between them. */
function judgeInChunks(subjects: Subject[], disabled: ReadonlySet<RuleId>, onProgress?: (done: number, total: number) => void) {
  const CHUNK = 2000;
  const out: ReturnType<typeof judgeScreen>['records'] = [];
  for (let start = 0; start < subjects.length; start += CHUNK) {
    out.push(...judgeScreen(subjects.slice(start, start + CHUNK), { disabled }).records);
    onProgress?.(Math.min(subjects.length, start + CHUNK), subjects.length);
  }
  return out;
}
