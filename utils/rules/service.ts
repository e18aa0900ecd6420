// Shared judgement of a workplace's minutes and full-time professionals per role (RULES.md §2-§5),
// used by minutes-below-minimum, full-time-required and the page-level "role with no record" findings.
import {
  FULL_TIME_MONTH_MINUTES,
  evaluateWorkplace,
  isActiveAssignment,
  minimumCitation,
  parseEmployment,
  ROLES,
  type EvaluatedAssignment,
  type Role,
  type RoleEvaluation,
  type WorkplaceEvaluation,
} from '@/utils/domain/core';
import type { AssignmentFacts } from '../records';
import { assignmentLabels } from '../keys';

/** How findings name the record being judged when it shows no name. */
const THIS_RECORD = { tr: 'Bu kayıt', en: 'this record' };
import type { Bilingual, Fact, KnownAssignment, Outcome, ResolvedWorkplace, Subject } from './types';
import { capitalise, enNum, hazardLabel, joinBilingual, needsData, roleNounEn, roleShort, trNum } from './wording';

export const SERVICE_CITATION = ROLES.map(minimumCitation).join('; ');

const JUDGED_KINDS = new Set(['assignment', 'approval', 'contract-form']);


function evaluateFor(workplace: ResolvedWorkplace, assignments: EvaluatedAssignment[]): WorkplaceEvaluation {
  return evaluateWorkplace(
    { hazardClass: workplace.hazardClass, employees: workplace.employees, ownUndertaking: workplace.ownUndertaking },
    assignments,
  );
}

/**
 * The assignments to count for the subject's workplace and role. On a contract form the portal's
 * DEVAM EDEN TOPLAM and MEVCUT TAM SÜRELİ figures stand in for the role's other contracts, and the
 * contract being typed counts with the minutes entered.
 */
/**
 * The evaluation for a subject's workplace and role. A grid shows many records of one workplace that
 * share one peers list: when the record is already among its peers the evaluation is the same for
 * all of them, so it is worked out once per peers list and workplace (O(n) per page, not O(n²)).
 */
const sharedEvaluations = new WeakMap<readonly KnownAssignment[], { byKey: Map<string, KnownAssignment>; evals: Map<string, WorkplaceEvaluation> }>();

function evaluateSubject(subject: Subject, own: AssignmentFacts, role: Role): WorkplaceEvaluation {
  return sharedEvaluation(subject, role) ?? evaluateFor(subject.workplace, assignmentsFor(subject, own, role));
}

/**
 * The evaluation a grid record shares with its peers (it is among them, with the same role), or
 * undefined when the record needs one of its own (a form, an approval, a record not among its peers).
 */
export function sharedEvaluation(subject: Subject, role: Role): WorkplaceEvaluation | undefined {
  const { workplace, peers } = subject;
  if (subject.record.kind === 'contract-form' || subject.assignmentKey === undefined) return undefined;
  let shared = sharedEvaluations.get(peers);
  if (!shared) {
    shared = { byKey: new Map(peers.map((p) => [p.key, p])), evals: new Map() };
    sharedEvaluations.set(peers, shared);
  }
  const inPeers = shared.byKey.get(subject.assignmentKey);
  if (!inPeers || inPeers.role !== role) return undefined;
  const key = `${workplace.hazardClass}|${workplace.employees}|${workplace.ownUndertaking}`;
  let ev = shared.evals.get(key);
  if (!ev) shared.evals.set(key, (ev = evaluateFor(workplace, [...peers])));
  return ev;
}

function assignmentsFor(subject: Subject, own: AssignmentFacts, role: Role): EvaluatedAssignment[] {
  const { record } = subject;
  const ownKey = subject.assignmentKey ?? '#self';
  const isForm = record.kind === 'contract-form';
  let others: EvaluatedAssignment[] = subject.peers.filter((p) => p.key !== ownKey);
  const ownEntry: EvaluatedAssignment = { ...own, key: ownKey, label: assignmentLabels(own, THIS_RECORD), role };
  if (!isForm) {
    const inPeers = subject.peers.find((p) => p.key === ownKey);
    return [...others, inPeers ? { ...inPeers, role } : ownEntry];
  }
  const form = record.form ?? {};
  const employment = own.employment ?? (form.assignmentTypeText ? parseEmployment(form.assignmentTypeText) : undefined);
  const typed: EvaluatedAssignment = { ...ownEntry, employment, minutes: form.enteredMinutes };
  typed.label = assignmentLabels({ ...own, role, employment, minutes: form.enteredMinutes }, THIS_RECORD);
  if (form.runningTotalMinutes !== undefined) {
    others = others.filter((p) => p.role !== role || p.employment === 'tam');
    others.push({
      key: '#running',
      label: { tr: `DEVAM EDEN TOPLAM ${trNum(form.runningTotalMinutes)} dk`, en: `running total (DEVAM EDEN TOPLAM) ${enNum(form.runningTotalMinutes)} min` },
      role,
      employment: 'kismi',
      minutes: form.runningTotalMinutes,
    });
  }
  if (form.presentFullTime !== undefined) {
    others = others.filter((p) => p.role !== role || p.employment !== 'tam');
    for (let i = 0; i < form.presentFullTime; i++) {
      others.push({ key: `#full-time-${i}`, label: { tr: `MEVCUT TAM SÜRELİ ${i + 1}`, en: `full-time present (MEVCUT TAM SÜRELİ) ${i + 1}` }, role, employment: 'tam' });
    }
  }
  return [...others, typed];
}

/** "120 çalışan × 40 dk = 4.800 dk" or "600 çalışan: 2 tam süreli İGU + 100 × 40 dk = 4.000 dk". */
export function requirementText(r: RoleEvaluation, employees: number): Bilingual {
  const { fullTime, minutes } = r.required;
  if (fullTime === 0) {
    return {
      tr: `${trNum(employees)} çalışan × ${trNum(r.rate)} dk = ${trNum(minutes)} dk`,
      en: `${enNum(employees)} employees × ${enNum(r.rate)} min = ${enNum(minutes)} min`,
    };
  }
  const rest = employees - fullTime * (r.threshold ?? employees);
  return {
    tr: `${trNum(employees)} çalışan: ${trNum(fullTime)} tam süreli ${roleShort(r.role)} + ${trNum(rest)} × ${trNum(r.rate)} dk = ${trNum(minutes)} dk`,
    en: `${enNum(employees)} employees: ${enNum(fullTime)} full-time ${roleNounEn(r.role, fullTime)} + ${enNum(rest)} × ${enNum(r.rate)} min = ${enNum(minutes)} min`,
  };
}

function extraFullTimeNote(r: RoleEvaluation): Bilingual {
  if (r.extraFullTime === 0) return { tr: '', en: '' };
  return {
    tr: ` (${trNum(r.extraFullTime)} fazla tam süreli × ${trNum(FULL_TIME_MONTH_MINUTES)} dk dahil)`,
    en: ` (incl. ${enNum(r.extraFullTime)} extra full-time × ${enNum(FULL_TIME_MONTH_MINUTES)} min)`,
  };
}

function portalNote(label: string, portal: number | undefined, ours: number, unit: Bilingual): Bilingual {
  if (portal === undefined || portal === ours) return { tr: '', en: '' };
  return {
    tr: `. Portalın hesabı: ${label} ${trNum(portal)}${unit.tr}; mevzuata göre ${trNum(ours)}${unit.tr}`,
    en: `. The portal's figure: ${label} ${enNum(portal)}${unit.en}; by the regulation ${enNum(ours)}${unit.en}`,
  };
}

function minutesMessage(subject: Subject, r: RoleEvaluation, employees: number): Bilingual {
  const req = requirementText(r, employees);
  const extra = extraFullTimeNote(r);
  const form = subject.record.kind === 'contract-form' ? subject.record.form : undefined;
  const portal = form
    ? portalNote('GEREKLİ KISMİ SÜRELİ', form.requiredPartTimeMinutes, r.required.minutes, { tr: ' dk', en: ' min' })
    : { tr: '', en: '' };
  const noun = capitalise(roleNounEn(r.role, 1));
  if (form?.runningTotalMinutes !== undefined && form.enteredMinutes !== undefined) {
    extra.tr += ` (devam eden ${trNum(form.runningTotalMinutes)} + girilen ${trNum(form.enteredMinutes)} dk)`;
    extra.en += ` (running ${enNum(form.runningTotalMinutes)} + entered ${enNum(form.enteredMinutes)} min)`;
  }
  return {
    tr: `${roleShort(r.role)} süresi ${trNum(r.providedMinutes)} dk${extra.tr}; ${req.tr} gerekli; eksik ${trNum(r.shortfallMinutes)} dk${portal.tr}`,
    en: `${noun} minutes ${enNum(r.providedMinutes)}${extra.en}; ${req.en} required; ${enNum(r.shortfallMinutes)} min short${portal.en}`,
  };
}

function fullTimeMessage(subject: Subject, r: RoleEvaluation, employees: number): Bilingual {
  const hazard = hazardLabel(subject.workplace);
  const form = subject.record.kind === 'contract-form' ? subject.record.form : undefined;
  const portal = form
    ? portalNote('GEREKLİ TAM SÜRELİ İSG SAYISI', form.requiredFullTime, r.required.fullTime, { tr: '', en: '' })
    : { tr: '', en: '' };
  const short = roleShort(r.role);
  return {
    tr:
      `${trNum(employees)} çalışan, ${hazard.tr}: ${trNum(r.required.fullTime)} tam süreli ${short} gerekli ` +
      `(${trNum(r.threshold ?? 0)} çalışanda bir); bilinen tam süreli ${short} ${trNum(r.providedFullTime)}; ` +
      `eksik ${trNum(r.missingFullTime)}. Kısmi süreli dakikalar tam süreli profesyonelin yerini tutmaz${portal.tr}`,
    en:
      `${enNum(employees)} employees, ${hazard.en.toLowerCase()}: ${enNum(r.required.fullTime)} full-time ` +
      `${roleNounEn(r.role, r.required.fullTime)} required (one per ${enNum(r.threshold ?? 0)} employees); ` +
      `${enNum(r.providedFullTime)} full-time known; ${enNum(r.missingFullTime)} missing. ` +
      `Part-time minutes cannot replace a full-time professional${portal.en}`,
  };
}

/** Which contracts left the judgement open: "2 sözleşmenin süresi bilinmiyor". */
function uncertainty(r: RoleEvaluation, fact: 'minutes' | 'employment'): Bilingual {
  const n = fact === 'minutes' ? r.unknownMinutes : r.unknownEmployment;
  const parts: Bilingual[] = [];
  if (n > 0) {
    parts.push(
      fact === 'minutes'
        ? { tr: `${n} sözleşmenin süresi bilinmiyor`, en: `minutes of ${n} contract(s) unknown` }
        : { tr: `${n} sözleşmenin çalışma şekli bilinmiyor`, en: `employment type of ${n} contract(s) unknown` },
    );
  }
  if (r.unknownRole > 0) {
    parts.push({ tr: `${r.unknownRole} sözleşmenin görev türü bilinmiyor`, en: `role of ${r.unknownRole} contract(s) unknown` });
  }
  if (fact === 'minutes' && r.exemptionUnknown > 0) parts.push(exemptionText(r.exemptionUnknown));
  return joinBilingual(parts, ', ');
}

/** "1 İH sözleşmesinin çalışma şekli bilinmiyor (tam süreli İH varsa DSP gerekmez)": İH/DSP Yönetmelik m. 19(2). */
function exemptionText(n: number): Bilingual {
  return {
    tr: `${n} İH sözleşmesinin çalışma şekli bilinmiyor (tam süreli İH varsa DSP gerekmez)`,
    en: `employment type of ${n} physician contract(s) unknown (no DSP is required where a full-time physician is assigned)`,
  };
}

/** The facts whose absence left a minutes judgement open, in a fixed order. */
function minutesMissing(r: RoleEvaluation): Fact[] {
  const missing: Fact[] = [];
  if (r.unknownMinutes > 0) missing.push('minutes');
  if (r.unknownRole > 0) missing.push('role');
  if (r.exemptionUnknown > 0) missing.push('employment');
  return missing.length > 0 ? missing : ['role'];
}

export type ServicePart = 'minutes' | 'full-time';

/** The minutes or the full-time judgement of one record's workplace and role, citing that role's own article. */
export function judgeService(subject: Subject, part: ServicePart): Outcome {
  const outcome = judgeServiceOf(subject, part);
  const role = subject.record.assignment?.role;
  if ((outcome.result === 'fail' || outcome.result === 'needs-data') && role) return { ...outcome, citation: minimumCitation(role) };
  return outcome;
}

/** The page shows an employee count that is no count (garbage, or beyond any workplace's size). */
function unreadableCount(workplace: ResolvedWorkplace): boolean {
  return workplace.employeesText !== undefined && workplace.employees === undefined;
}

function judgeServiceOf(subject: Subject, part: ServicePart): Outcome {
  const { record, workplace } = subject;
  if (!JUDGED_KINDS.has(record.kind)) {
    // a list of workplaces (Kamu Kurumları Listesi, işyeri seçimi) shows N for the contracts judged
    // later: an unreadable one is said once (by the minutes rule), never passed over as fine
    return part === 'minutes' && unreadableCount(workplace) ? needsData(workplace, ['employees']) : { result: 'inapplicable' };
  }
  const own = record.assignment ?? (record.kind === 'contract-form' ? {} : undefined);
  if (!own || !isActiveAssignment(own)) return { result: 'inapplicable' };
  if (!own.role) return needsData(workplace, ['role']);
  const role = own.role;
  const ev = evaluateSubject(subject, own, role);
  if (ev.needs) return needsData(workplace, ev.needs);
  const r = ev.roles[role];
  if (r.status === 'not-required') return { result: 'inapplicable' };
  if (part === 'full-time') {
    if (r.required.fullTime === 0) return { result: 'inapplicable' };
    if (r.fullTimeStatus === 'ok') return { result: 'pass' };
    const message = fullTimeMessage(subject, r, ev.employees);
    if (r.fullTimeStatus === 'short') return { result: 'fail', message, counted: r.counted };
    return needsData(workplace, r.unknownEmployment > 0 ? ['employment'] : ['role'], {
      tr: `${uncertainty(r, 'employment').tr}; ${message.tr}`,
      en: `${uncertainty(r, 'employment').en}; ${message.en}`,
    });
  }
  if (r.minutesStatus === 'ok') return { result: 'pass' };
  const message = minutesMessage(subject, r, ev.employees);
  if (r.minutesStatus === 'short') return { result: 'fail', message, counted: r.counted };
  const typing = record.kind === 'contract-form' && record.form?.enteredMinutes === undefined;
  if (typing && r.unknownMinutes === 1) {
    return needsData(workplace, ['minutes'], {
      tr: `Çalışma Süresi (Dakika) henüz girilmedi; girilmeden ${message.tr}`,
      en: `Çalışma Süresi (minutes) not entered yet; without it: ${message.en}`,
    });
  }
  return needsData(workplace, minutesMissing(r), {
    tr: `${uncertainty(r, 'minutes').tr}; bilinenlerle ${message.tr}`,
    en: `${uncertainty(r, 'minutes').en}; with the known ones: ${message.en}`,
  });
}

export interface MissingRole {
  role: Role;
  part: ServicePart;
  result: 'fail' | 'needs-data';
  message: Bilingual;
  citation: string;
  /** for needs-data: the facts that would settle it */
  missing?: Fact[];
}

/** Roles the law requires for which no active record exists at all (no DSP contract where one is required). */
export function missingRoles(workplace: ResolvedWorkplace, peers: readonly KnownAssignment[]): MissingRole[] {
  const active = peers.filter((a) => isActiveAssignment(a));
  const ev = evaluateFor(workplace, active);
  if (ev.needs) return [];
  const roleUnknown = active.some((p) => !p.role);
  const out: MissingRole[] = [];
  for (const role of ROLES) {
    const r = ev.roles[role];
    if (r.status === 'not-required' || r.active > 0) continue;
    const req = requirementText(r, ev.employees);
    const message: Bilingual = {
      tr: `${roleShort(role)} sözleşmesi yok; ${req.tr} gerekli`,
      en: `No ${roleNounEn(role, 1)} contract; ${req.en} required`,
    };
    const missing: Fact[] = [];
    if (roleUnknown) {
      missing.push('role');
      message.tr += '; görev türü bilinmeyen sözleşmeler var';
      message.en += '; some contracts have an unknown role';
    }
    if (r.exemptionUnknown > 0) {
      missing.push('employment');
      const note = exemptionText(r.exemptionUnknown);
      message.tr += `; ${note.tr}`;
      message.en += `; ${note.en}`;
    }
    const result = missing.length > 0 ? 'needs-data' : 'fail';
    const citation = minimumCitation(role);
    const push = (part: ServicePart) =>
      out.push(missing.length > 0 ? { role, part, result, message, citation, missing } : { role, part, result, message, citation });
    if (r.required.fullTime > 0) push('full-time');
    if (r.required.minutes > 0 || r.required.fullTime === 0) push('minutes');
  }
  return out;
}

/** The figures behind a contract form's minutes judgement, for the note beside the minutes field. */
export type ServiceFigures =
  | { state: 'inapplicable' }
  | { state: 'needs'; missing: Fact[] }
  | {
      state: 'judged';
      role: Role;
      /** "120 çalışan × 40 dk = 4.800 dk" */
      requirement: Bilingual;
      requiredMinutes: number;
      requiredFullTime: number;
      providedMinutes: number;
      shortfallMinutes: number;
      missingFullTime: number;
    };

export function serviceFigures(subject: Subject): ServiceFigures {
  const { record, workplace } = subject;
  if (!JUDGED_KINDS.has(record.kind)) return { state: 'inapplicable' };
  const own = record.assignment ?? (record.kind === 'contract-form' ? {} : undefined);
  if (!own || !isActiveAssignment(own)) return { state: 'inapplicable' };
  if (!own.role) return { state: 'needs', missing: ['role'] };
  const ev = evaluateSubject(subject, own, own.role);
  if (ev.needs) return { state: 'needs', missing: ev.needs };
  const r = ev.roles[own.role];
  if (r.status === 'not-required') return { state: 'inapplicable' };
  return {
    state: 'judged',
    role: own.role,
    requirement: requirementText(r, ev.employees),
    requiredMinutes: r.required.minutes,
    requiredFullTime: r.required.fullTime,
    providedMinutes: r.providedMinutes,
    shortfallMinutes: r.shortfallMinutes,
    missingFullTime: r.missingFullTime,
  };
}
