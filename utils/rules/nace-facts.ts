// What the workplace's NACE code is, once: absent, malformed, not listed or listed (RULES.md §7).
// The nace-* rules share it so that one fault gives one finding.
import { isNaceWellFormed, lookupNaceClass, normalizeNace, type NaceClassEntry } from '@/utils/domain/core';
import type { ResolvedWorkplace } from './types';

export type NaceFacts =
  | { state: 'absent' }
  | { state: 'malformed'; text: string }
  | { state: 'not-listed'; text: string; code: string }
  | { state: 'listed'; text: string; code: string; entry: NaceClassEntry };

export function naceFacts(workplace: ResolvedWorkplace): NaceFacts {
  const text = workplace.naceText?.trim();
  if (text === undefined || text === '') return { state: 'absent' };
  const code = isNaceWellFormed(text) ? normalizeNace(text) : undefined;
  if (!code) return { state: 'malformed', text };
  const entry = lookupNaceClass(code);
  return entry ? { state: 'listed', text, code, entry } : { state: 'not-listed', text, code };
}
