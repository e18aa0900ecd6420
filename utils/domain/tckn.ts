// T.C. Kimlik No checksum (RULES.md §8).
import { normalizeSpaces } from './text';

/** 11 digits, first not 0, d10 and d11 check digits. Spaces around are ignored; anything else fails. */
export function isValidTckn(text: string): boolean {
  const s = normalizeSpaces(text);
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  const d = [...s].map(Number) as number[];
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  if (d10 !== d[9]) return false;
  const d11 = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d11 === d[10];
}

/** Masks a T.C. Kimlik No for display: "12345678950" → "123******50". */
export function maskTckn(text: string): string {
  const s = normalizeSpaces(text);
  if (s.length < 6) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 5) + s.slice(-2);
}
