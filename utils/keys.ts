// Stable keys for workplaces and assignments seen on the portal's screens (SGK sicil no, DETSİS
// no, title; Görevlendirme ID or workplace + person + role + start date) and their labels.
import { digitsOnly, foldLabel, formatTurkishNumber, normalizeSpaces, ROLE_LABELS } from '@/utils/domain/core';
import { formatNumber } from '@/utils/i18n/page';
import type { AssignmentFacts, WorkplaceFacts } from './records';

/** Folded title for matching: Turkish-aware, case-blind, punctuation and "__" as spaces. */
export function foldTitle(title: string): string {
  return foldLabel(title);
}

/**
 * The natural key of a workplace: 'sgk:<digits>' when the SGK number is shown, else
 * 'detsis:<digits>', else 'title:<folded title>'. Undefined when none is shown.
 */
export function workplaceKeyOf(facts: WorkplaceFacts | undefined): string | undefined {
  if (!facts) return undefined;
  const sicil = facts.sicilNo ? digitsOnly(facts.sicilNo) : '';
  if (sicil) return `sgk:${sicil}`;
  const detsis = facts.detsisNo ? digitsOnly(facts.detsisNo) || normalizeSpaces(facts.detsisNo) : '';
  if (detsis) return `detsis:${detsis}`;
  const title = facts.title ? foldTitle(facts.title) : '';
  if (title) return `title:${title}`;
  return undefined;
}

/** The person part of an assignment key: the T.C. Kimlik No's digits, else the folded name. */
export function personKeyOf(facts: AssignmentFacts): string | undefined {
  const tckn = facts.tckn ? digitsOnly(facts.tckn) : '';
  if (tckn) return `t${tckn}`;
  const name = facts.personName ? foldTitle(facts.personName) : '';
  if (name) return `n${name}`;
  return undefined;
}

/**
 * The stable key of an assignment that shows no portal id: workplace, person, role, start date.
 * Undefined when the person is unknown (nothing stable to hold on to).
 */
export function stableAssignmentKey(workplaceKey: string | undefined, facts: AssignmentFacts): string | undefined {
  const person = personKeyOf(facts);
  if (!person) return undefined;
  return `a:${workplaceKey ?? '-'}|${person}|${facts.role ?? '-'}|${facts.startDate?.slice(0, 10) ?? '-'}`;
}

/** 'portal:<id>' when the screen shows the Görevlendirme / Sözleşme ID. */
export function portalAssignmentKey(facts: AssignmentFacts): string | undefined {
  const id = facts.portalId ? normalizeSpaces(facts.portalId) : '';
  return id ? `portal:${id}` : undefined;
}

/**
 * How findings and lists name an assignment: "Ayşe Yılmaz (İGU, tam süreli, 1.200 dk)", in English
 * "Ayşe Yılmaz (OHS specialist, full-time, 1,200 min)"; a row without a name falls back to the
 * contract's name, its id, or `fallback`.
 */
export function assignmentLabel(facts: AssignmentFacts, fallback = '?', lang: 'tr' | 'en' = 'tr'): string {
  const id = facts.portalId ? `#${normalizeSpaces(facts.portalId)}` : undefined;
  const name = facts.personName ? normalizeSpaces(facts.personName) : (facts.contractName ?? id ?? fallback);
  const parts: string[] = [];
  if (facts.role) parts.push(lang === 'tr' ? ROLE_LABELS[facts.role].short : inSentence(ROLE_LABELS[facts.role].en));
  if (facts.employment === 'tam') parts.push(lang === 'tr' ? 'tam süreli' : 'full-time');
  if (facts.minutes !== undefined) parts.push(lang === 'tr' ? `${formatTurkishNumber(facts.minutes)} dk` : `${formatNumber('en', facts.minutes)} min`);
  return parts.length ? `${name} (${parts.join(', ')})` : name;
}

/** 'Workplace physician' → 'workplace physician' inside a label; an acronym ('OHS specialist') stays. */
function inSentence(noun: string): string {
  return /^[A-Z][a-z]/.test(noun) ? noun.charAt(0).toLowerCase() + noun.slice(1) : noun;
}

/** An assignment's label in both languages (findings carry both; the reader's language picks one). */
export function assignmentLabels(facts: AssignmentFacts, fallback: string | { tr: string; en: string } = '?'): { tr: string; en: string } {
  const fb = typeof fallback === 'string' ? { tr: fallback, en: fallback } : fallback;
  return { tr: assignmentLabel(facts, fb.tr, 'tr'), en: assignmentLabel(facts, fb.en, 'en') };
}
