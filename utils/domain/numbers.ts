// Numbers as the portal writes them: Turkish style, "1.200" is 1200 and "1,5" is 1.5 (RULES.md §9).
import { foldTurkish, normalizeSpaces } from './text';

const GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/; // 1.200 / 12.345,5
const PLAIN_COMMA = /^[+-]?\d+(?:,\d+)?$/; // 1200 / 1,5
const PLAIN_DOT = /^[+-]?\d+\.\d+$/; // 1.5 (an input's own value, not Turkish grouping)

/** Parses a Turkish-style number; undefined for empty or anything that is not a number. */
export function parseTurkishNumber(text: string): number | undefined {
  const s = normalizeSpaces(text).replace(/ /g, '');
  if (s === '') return undefined;
  let value: number;
  if (GROUPED.test(s)) value = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (PLAIN_COMMA.test(s)) value = Number(s.replace(',', '.'));
  else if (PLAIN_DOT.test(s)) value = Number(s);
  else return undefined;
  return Number.isFinite(value) ? value : undefined;
}

/** A count or a number of minutes: a non-negative number, optionally followed by "dk", "dakika", "kişi". */
export function parseCount(text: string): number | undefined {
  // The unit is matched on the folded text ("KİŞİ" does not match /kişi/i: JS case folding is not Turkish).
  const s = normalizeSpaces(text).normalize('NFC');
  const unit = /\s*(dk\.?|dakika|kisi|adet)$/.exec(foldTurkish(s));
  return parseNonNegative(unit ? s.slice(0, s.length - unit[0].length) : s);
}

function parseNonNegative(s: string): number | undefined {
  const n = parseTurkishNumber(s);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** Formats a number the Turkish way: 4800 → "4.800". */
export function formatTurkishNumber(n: number): string {
  const abs = Math.abs(n);
  // from 1e21 on, toString() writes "1e+21": whole numbers that large are spelled out digit by digit
  const plain = abs >= 1e21 && Number.isFinite(abs) ? BigInt(abs).toString() : abs.toString();
  const [int, frac] = plain.split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (n < 0 ? '-' : '') + grouped + (frac ? ',' + frac : '');
}
