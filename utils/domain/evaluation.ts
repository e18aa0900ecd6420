// A workplace's OHS service, required against provided, per role (RULES.md §2-§5; İH/DSP Yönetmelik m. 19(2)).
import type { HazardClass } from './hazard';
import {
  FULL_TIME_MONTH_MINUTES,
  FULL_TIME_THRESHOLDS,
  ROLES,
  minuteRate,
  requiredService,
  type Role,
  type ServiceRequirement,
} from './minimums';
import type { ApprovalState, ContractState, Employment } from './personnel';

export interface EvaluatedWorkplace {
  hazardClass?: HazardClass;
  employees?: number;
  /** the employer runs the service himself (RULES.md §5) */
  ownUndertaking?: boolean;
}

export interface EvaluatedAssignment {
  key: string;
  /** how findings name it, in both languages */
  label: { tr: string; en: string };
  role?: Role;
  employment?: Employment;
  minutes?: number;
  contractState?: ContractState;
  approvalState?: ApprovalState;
  /** Grv. Ayrılış Trh. (ISO); past end dates do not run */
  endDate?: string;
}

export type PartStatus = 'ok' | 'short' | 'unknown';
export type RoleStatus = PartStatus | 'not-required';
export type NotRequiredReason =
  | 'no-employees'
  | 'own-undertaking'
  | 'dsp-hazard-class'
  | 'dsp-under-10'
  | 'dsp-full-time-ih';

export interface RoleEvaluation {
  role: Role;
  required: ServiceRequirement;
  /** minutes per employee (0 where not required) */
  rate: number;
  /** one full-time professional per `threshold` employees; undefined for DSP */
  threshold?: number;
  /** active assignments of the role */
  active: number;
  providedFullTime: number;
  /** part-time minutes known, plus 11.700 dk for each full-time professional beyond floor(N/T) */
  providedMinutes: number;
  /** full-time professionals beyond the requirement, counted as minutes */
  extraFullTime: number;
  /** active assignments of the role whose minutes are unknown (full-time ones excepted) */
  unknownMinutes: number;
  /** active assignments of the role whose employment type is unknown */
  unknownEmployment: number;
  /** active assignments of the workplace whose role is unknown (they may belong to this role) */
  unknownRole: number;
  /**
   * DSP only: active İH assignments whose employment type is unknown while no full-time İH is known.
   * Any of them may be the full-time İH that makes DSP unnecessary (İH/DSP Yönetmelik m. 19(2)).
   */
  exemptionUnknown: number;
  shortfallMinutes: number;
  missingFullTime: number;
  /** labels of the assignments counted, in both languages */
  counted: { tr: string; en: string }[];
  minutesStatus: PartStatus;
  fullTimeStatus: PartStatus;
  status: RoleStatus;
  notRequiredReason?: NotRequiredReason;
}

export type WorkplaceEvaluation =
  | { needs: Array<'hazard-class' | 'employees'>; roles?: undefined }
  | { needs?: undefined; hazardClass: HazardClass; employees: number; roles: Record<Role, RoleEvaluation> };

/** Ended or cancelled contracts (and rejected approvals) never count. */
/** Today as yyyy-mm-dd, worked out at most once a second (a big page asks for every record). */
let todayCache = { at: -Infinity, value: '' };
function todayIso(): string {
  const now = Date.now();
  if (now - todayCache.at > 1000) todayCache = { at: now, value: new Date(now).toISOString().slice(0, 10) };
  return todayCache.value;
}

export function isActiveAssignment(
  a: { contractState?: ContractState; approvalState?: ApprovalState; endDate?: string },
  today: string = todayIso(),
): boolean {
  if (a.contractState === 'ended' || a.contractState === 'cancelled' || a.approvalState === 'rejected') return false;
  // an end date (Grv. Ayrılış Trh.) already past: the assignment no longer runs
  return !(a.endDate && a.endDate.slice(0, 10) < today);
}

function notRequiredReason(
  role: Role,
  hazard: HazardClass,
  employees: number,
  workplace: EvaluatedWorkplace,
  active: EvaluatedAssignment[],
): NotRequiredReason | undefined {
  if (employees <= 0) return 'no-employees';
  if (workplace.ownUndertaking && hazard === 'az-tehlikeli' && employees < 50) return 'own-undertaking';
  if (role !== 'dsp') return undefined;
  if (hazard !== 'cok-tehlikeli') return 'dsp-hazard-class';
  if (employees < 10) return 'dsp-under-10';
  if (active.some((a) => a.role === 'ih' && a.employment === 'tam')) return 'dsp-full-time-ih';
  return undefined;
}

function evaluateRole(
  role: Role,
  hazard: HazardClass,
  employees: number,
  workplace: EvaluatedWorkplace,
  active: EvaluatedAssignment[],
): RoleEvaluation {
  const mine = active.filter((a) => a.role === role);
  const reason = notRequiredReason(role, hazard, employees, workplace, active);
  const required = reason ? { fullTime: 0, minutes: 0 } : requiredService(role, hazard, employees);
  const fullTimers = mine.filter((a) => a.employment === 'tam');
  const others = mine.filter((a) => a.employment !== 'tam');
  const extraFullTime = Math.max(0, fullTimers.length - required.fullTime);
  let partMinutes = 0;
  let unknownMinutes = 0;
  for (const a of others) {
    if (a.minutes === undefined) unknownMinutes++;
    else partMinutes += a.minutes;
  }
  const providedMinutes = partMinutes + extraFullTime * FULL_TIME_MONTH_MINUTES;
  const unknownEmployment = mine.filter((a) => a.employment === undefined).length;
  const shortfallMinutes = Math.max(0, required.minutes - providedMinutes);
  const missingFullTime = Math.max(0, required.fullTime - fullTimers.length);
  const unknownRole = active.filter((a) => a.role === undefined).length;
  const exemptionUnknown =
    role === 'dsp' && !reason ? active.filter((a) => a.role === 'ih' && a.employment === undefined).length : 0;
  const minutesStatus: PartStatus =
    shortfallMinutes === 0 ? 'ok' : unknownMinutes + unknownRole + exemptionUnknown > 0 ? 'unknown' : 'short';
  const fullTimeStatus: PartStatus =
    missingFullTime === 0 ? 'ok' : unknownEmployment + unknownRole > 0 ? 'unknown' : 'short';
  const status: RoleStatus =
    required.fullTime === 0 && required.minutes === 0
      ? 'not-required'
      : minutesStatus === 'short' || fullTimeStatus === 'short'
        ? 'short'
        : minutesStatus === 'unknown' || fullTimeStatus === 'unknown'
          ? 'unknown'
          : 'ok';
  const evaluation: RoleEvaluation = {
    role,
    required,
    rate: reason ? 0 : minuteRate(role, hazard, employees),
    active: mine.length,
    providedFullTime: fullTimers.length,
    providedMinutes,
    extraFullTime,
    unknownMinutes,
    unknownEmployment,
    unknownRole,
    exemptionUnknown,
    shortfallMinutes,
    missingFullTime,
    counted: mine.filter((a) => a.employment === 'tam' || a.minutes !== undefined).map((a) => a.label),
    minutesStatus,
    fullTimeStatus,
    status,
  };
  if (role !== 'dsp') evaluation.threshold = FULL_TIME_THRESHOLDS[role][hazard];
  if (reason) evaluation.notRequiredReason = reason;
  return evaluation;
}

/**
 * Required against provided service for each role of one workplace.
 * 120 employees, çok tehlikeli, İGU 3.000 dk → igu: required 4.800 dk, shortfall 1.800, status 'short'.
 * Returns `needs` when the hazard class or the employee count is unknown.
 */
export function evaluateWorkplace(
  workplace: EvaluatedWorkplace,
  assignments: readonly EvaluatedAssignment[],
): WorkplaceEvaluation {
  const needs: Array<'hazard-class' | 'employees'> = [];
  if (!workplace.hazardClass) needs.push('hazard-class');
  if (workplace.employees === undefined || !Number.isFinite(workplace.employees)) needs.push('employees');
  if (needs.length > 0 || !workplace.hazardClass || workplace.employees === undefined) return { needs };
  const hazard = workplace.hazardClass;
  const employees = Math.max(0, Math.floor(workplace.employees));
  const active = assignments.filter((a) => isActiveAssignment(a));
  const roles = Object.fromEntries(
    ROLES.map((role) => [role, evaluateRole(role, hazard, employees, workplace, active)]),
  ) as Record<Role, RoleEvaluation>;
  return { hazardClass: hazard, employees, roles };
}
