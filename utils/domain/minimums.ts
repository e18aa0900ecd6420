// Minimum monthly minutes and full-time professionals per role (RULES.md §2-3).
import type { HazardClass } from './hazard';

export type Role = 'igu' | 'ih' | 'dsp';
export const ROLES: readonly Role[] = ['igu', 'ih', 'dsp'];

export const ROLE_LABELS: Record<Role, { tr: string; en: string; short: string }> = {
  igu: { tr: 'İş Güvenliği Uzmanı', en: 'OHS specialist', short: 'İGU' },
  ih: { tr: 'İşyeri Hekimi', en: 'Workplace physician', short: 'İH' },
  dsp: { tr: 'Diğer Sağlık Personeli', en: 'Other health personnel', short: 'DSP' },
};

export const IGU_REGULATION =
  'İş Güvenliği Uzmanlarının Görev, Yetki, Sorumluluk ve Eğitimleri Hakkında Yönetmelik (RG 29.12.2012/28512)';
export const IH_REGULATION =
  'İşyeri Hekimi ve Diğer Sağlık Personelinin Görev, Yetki, Sorumluluk ve Eğitimleri Hakkında Yönetmelik (RG 20.07.2013/28713)';

/** Minutes per employee per month (İGU and İH: RULES.md §2). */
export const MINUTE_RATES: Record<'igu' | 'ih', Record<HazardClass, number>> = {
  igu: { 'az-tehlikeli': 10, tehlikeli: 20, 'cok-tehlikeli': 40 },
  ih: { 'az-tehlikeli': 5, tehlikeli: 10, 'cok-tehlikeli': 15 },
};

/** One full-time professional per T employees (RULES.md §3). DSP has no full-time rule. */
export const FULL_TIME_THRESHOLDS: Record<'igu' | 'ih', Record<HazardClass, number>> = {
  igu: { 'az-tehlikeli': 1000, tehlikeli: 500, 'cok-tehlikeli': 250 },
  ih: { 'az-tehlikeli': 2000, tehlikeli: 1000, 'cok-tehlikeli': 750 },
};

/** A full-time month: 195 hours (45 h a week; secondary source). */
export const FULL_TIME_MONTH_MINUTES = 195 * 60;

/** DSP minutes per employee: only çok tehlikeli; N 10-49: 10, 50-249: 15, ≥250: 20; 0 = not required. */
export function dspRate(hazard: HazardClass, employees: number): number {
  if (hazard !== 'cok-tehlikeli' || employees < 10) return 0;
  if (employees < 50) return 10;
  if (employees < 250) return 15;
  return 20;
}

/** The per-employee rate for a role, 0 where the role is not required. */
export function minuteRate(role: Role, hazard: HazardClass, employees: number): number {
  return role === 'dsp' ? dspRate(hazard, employees) : MINUTE_RATES[role][hazard];
}

export interface ServiceRequirement {
  /** full-time professionals required: floor(N / T) */
  fullTime: number;
  /** part-time minutes a month required on top: (N mod T) × rate, or N × rate when N < T */
  minutes: number;
}

/**
 * The legal requirement for one role in one workplace (RULES.md §2-3).
 * 600 employees, çok tehlikeli, İGU → { fullTime: 2, minutes: 4000 }.
 * DSP: no full-time rule; minutes = N × band rate, 0 where not required.
 */
export function requiredService(role: Role, hazard: HazardClass, employees: number): ServiceRequirement {
  // NaN, ±Infinity or a negative count is no count at all: nothing can be required of it
  const n = Number.isFinite(employees) ? Math.max(0, Math.floor(employees)) : 0;
  if (role === 'dsp') return { fullTime: 0, minutes: n * dspRate(hazard, n) };
  const t = FULL_TIME_THRESHOLDS[role][hazard];
  return { fullTime: Math.floor(n / t), minutes: (n % t) * MINUTE_RATES[role][hazard] };
}

/** Citation for a role's minimums. */
export function minimumCitation(role: Role): string {
  if (role === 'igu') return `${IGU_REGULATION} m. 12 (RG 30.04.2015/29342 değişikliğiyle)`;
  if (role === 'ih') return `${IH_REGULATION} m. 12 (RG 18.12.2014/29209 değişikliğiyle)`;
  return `${IH_REGULATION} m. 19; 6331 sayılı Kanun m. 6`;
}
