// Checks a workplace profile as typed (RULES.md §7-8): SGK number, DETSİS number, NACE code, hazard class, employees.
import { readEmployees } from '@/components/MinimumCalculator';
import {
  HAZARD_LABELS,
  digitsOnly,
  lookupNace,
  normalizeNace,
  normalizeSpaces,
  parseHazardClass,
  parseSicil,
  type HazardClass,
  type NaceEntry,
} from '@/utils/domain';
import type { WorkplaceFacts } from '@/utils/records';
import { t, type Lang } from '@/utils/i18n';

export interface ProfileInput {
  title: string;
  isPublic: boolean;
  sicil: string;
  detsis: string;
  nace: string;
  hazard: HazardClass | '';
  employees: string;
}

export type ProfileField = 'title' | 'sicil' | 'detsis' | 'nace' | 'hazard' | 'employees';

export const EMPTY_PROFILE: ProfileInput = { title: '', isPublic: false, sicil: '', detsis: '', nace: '', hazard: '', employees: '' };

/** The form's starting values from stored facts (a profile, or what the portal showed). */
export function profileInputFrom(facts: WorkplaceFacts | undefined): ProfileInput {
  if (!facts) return { ...EMPTY_PROFILE };
  return {
    title: facts.title ?? '',
    isPublic: !facts.sicilNo && !!facts.detsisNo,
    sicil: facts.sicilNo ?? '',
    detsis: facts.detsisNo ?? '',
    nace: facts.naceText ?? '',
    hazard: (facts.hazardText && parseHazardClass(facts.hazardText)) || '',
    employees: facts.employees !== undefined ? String(facts.employees) : (facts.employeesText ?? ''),
  };
}

export type NaceCheck =
  | { state: 'empty' }
  | { state: 'malformed' }
  | { state: 'not-listed'; code: string }
  | { state: 'listed'; code: string; entry: NaceEntry };

export function checkNace(text: string): NaceCheck {
  if (normalizeSpaces(text) === '') return { state: 'empty' };
  const code = normalizeNace(text);
  if (!code) return { state: 'malformed' };
  const entry = lookupNace(code);
  return entry ? { state: 'listed', code, entry } : { state: 'not-listed', code };
}

export interface ProfileCheck {
  errors: Partial<Record<ProfileField, string>>;
  /** the user's class differs from the list's class for the NACE code (allowed, but said) */
  hazardWarning?: string;
  /** the facts to save when there are no errors */
  facts?: WorkplaceFacts;
}

export function validateProfile(input: ProfileInput, lang: Lang): ProfileCheck {
  const errors: ProfileCheck['errors'] = {};
  const title = normalizeSpaces(input.title);
  if (!title) errors.title = t(lang, 'errTitleRequired');

  let sicilNo: string | undefined;
  let detsisNo: string | undefined;
  if (input.isPublic) {
    const d = normalizeSpaces(input.detsis).replace(/\s/g, '');
    if (!d) errors.detsis = t(lang, 'errIdRequired');
    else if (!/^\d+$/.test(d)) errors.detsis = t(lang, 'errDetsis');
    else detsisNo = d;
  } else {
    const s = normalizeSpaces(input.sicil);
    if (!s) errors.sicil = t(lang, 'errIdRequired');
    else {
      const parts = parseSicil(s);
      if (parts) sicilNo = parts.digits;
      else if (/[^\d\s.\-/]/.test(s)) errors.sicil = t(lang, 'errSicilChars');
      else errors.sicil = t(lang, 'errSicil', { n: digitsOnly(s).length });
    }
  }

  const nace = checkNace(input.nace);
  let naceText: string | undefined;
  if (nace.state === 'malformed') errors.nace = t(lang, 'errNaceMalformed');
  else if (nace.state === 'not-listed') errors.nace = t(lang, 'errNaceNotListed', { code: nace.code });
  else if (nace.state === 'listed') naceText = nace.code;

  let hazardWarning: string | undefined;
  if (nace.state === 'listed' && nace.entry.hazardClass && input.hazard && input.hazard !== nace.entry.hazardClass) {
    hazardWarning = t(lang, 'hazardOverride', {
      chosen: HAZARD_LABELS[input.hazard][lang],
      listed: HAZARD_LABELS[nace.entry.hazardClass][lang],
    });
  }

  let employees: number | undefined;
  if (normalizeSpaces(input.employees) !== '') {
    const read = readEmployees(input.employees);
    if (read.ok) employees = read.value;
    else errors.employees = t(lang, 'errEmployees');
  }

  if (Object.keys(errors).length > 0) return hazardWarning ? { errors, hazardWarning } : { errors };
  const facts: WorkplaceFacts = { title };
  if (sicilNo) facts.sicilNo = sicilNo;
  if (detsisNo) facts.detsisNo = detsisNo;
  if (naceText) facts.naceText = naceText;
  if (input.hazard) facts.hazardText = HAZARD_LABELS[input.hazard].tr;
  if (employees !== undefined) facts.employees = employees;
  return hazardWarning ? { errors, hazardWarning, facts } : { errors, facts };
}
