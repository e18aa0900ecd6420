// NACE codes and their hazard classes: Tehlike Sınıfları Tebliği Ek-1 plus later amendments (RULES.md §7).
import type { HazardClass } from './hazard';
import { NACE_AMENDMENTS, NACE_AMENDMENTS_CITATION, type NaceAmendment } from './nace/amendments';
import NACE_CLASSES from './nace/nace-hazard-classes-2017.csv?nace-classes';
import { normalizeSpaces } from './text';

export { NACE_AMENDMENTS, type NaceAmendment, type NaceAmendmentKind } from './nace/amendments';

export const NACE_CITATION =
  'İş Sağlığı ve Güvenliğine İlişkin İşyeri Tehlike Sınıfları Tebliği (RG 26.12.2012/28509), ' +
  'Ek-1 (27.02.2017 tarihinde yeniden düzenlenen liste); ' +
  NACE_AMENDMENTS_CITATION;


// ---------------------------------------------------------------------------------------------
// Format

/** Dot-like characters the portal or a copy-paste may carry instead of ".". */
const ODD_DOTS = /[\u00b7\u2027\u2022\u2219\u22c5\u3002\uff0e\uff61\u2024\ufe52]/g;
const DOTTED = /^(\d{2}) ?\. ?(\d{2}) ?\. ?(\d{2})$/;
const BARE = /^(\d{2})(\d{2})(\d{2})$/;

export function canonicalText(text: string): string {
  return normalizeSpaces(text.normalize('NFKC')).replace(ODD_DOTS, '.');
}

/**
 * The canonical form "xx.xx.xx" of a NACE code, or undefined when the text is not one six-digit code.
 *
 * Accepted: "01.11.07"; spaces or NBSP around the whole and around each dot ("01 .11. 07");
 * full-width or other dot-like characters ("01．11．07"); full-width digits.
 * Also accepted: six bare digits "011107". RULES.md §7 says codes are "written xx.xx.xx"; six bare
 * digits can only mean the 2-2-2 code (no other NACE level has six digits), and exports and typed
 * input drop the dots, so reading them as the code is safe. Any other grouping is malformed:
 * "72.10", "43.22", "86.90.1", "85.4002", "0111.07", "01-11-07", "01 11 07", "72.10.02 / 86.91.02".
 */
export function normalizeNace(text: string): string | undefined {
  const s = canonicalText(text);
  const m = DOTTED.exec(s) ?? BARE.exec(s);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/**
 * True when the text is one NACE code written the way RULES.md §7 requires, "xx.xx.xx" (spaces and
 * odd dots tolerated). Six bare digits are read as a code by normalizeNace and lookupNace (typed
 * input), but a screen that shows "432201" does not show a well-formed code: nace-malformed says so.
 */
export function isNaceWellFormed(text: string): boolean {
  return DOTTED.test(canonicalText(text));
}

const FIND = /(?<![\d.])(\d{2}) ?\. ?(\d{2}) ?\. ?(\d{2})(?!\.?\d)/g;

/**
 * Every dotted six-digit code inside a longer text, in order, without duplicates:
 * "72.10.02 / 86.91.02" → ["72.10.02", "86.91.02"]; "86.90.1" → []. Bare digit runs are not
 * picked up here (they could be anything).
 */
export function findNaceCodes(text: string): string[] {
  const out: string[] = [];
  for (const m of canonicalText(text).matchAll(FIND)) {
    const code = `${m[1]}.${m[2]}.${m[3]}`;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** The first four digits of a code ("43.22.01" → "4322"): the işkolu kodu in the SGK number (RULES.md §7). */
export function naceIskoluKodu(text: string): string | undefined {
  const code = normalizeNace(text);
  return code ? code.slice(0, 2) + code.slice(3, 5) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Classes: the compact code → class table made at build time (nace/vite-plugin.ts), plus the amendments

/** A listed code's class, without the activity text (what the rules and the content script need). */
export interface NaceClassEntry {
  code: string;
  /** undefined for codes added in 2022 whose class the list does not carry */
  hazardClass?: HazardClass;
  amendment?: NaceAmendment;
}

const LETTER_CLASS: Record<string, HazardClass> = { a: 'az-tehlikeli', t: 'tehlikeli', c: 'cok-tehlikeli' };
export const amendmentByCode: ReadonlyMap<string, NaceAmendment> = new Map(NACE_AMENDMENTS.map((a) => [a.code, a]));

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The build-time table (format: nace/vite-plugin.ts) as six digits → class, decoded on first use. */
export function decodeNaceClasses(table: string): Map<string, HazardClass> {
  const out = new Map<string, HazardClass>();
  let prefix = 0;
  for (const group of table.split(',')) {
    let i = 0;
    while (isDigit(group.charCodeAt(i))) i++;
    prefix += Number(group.slice(0, i));
    const head = String(prefix).padStart(4, '0');
    let cls: HazardClass | undefined;
    let last = 0;
    while (i < group.length) {
      const start = i;
      const letter = LETTER_CLASS[group[i]!];
      if (letter) cls = letter, i++;
      const ch = group[i];
      if (ch === '~') last = 89, i++;
      else if (ch === 'Z') last = Number(group.slice(i + 1, i + 3)) - 1, i += 3;
      else if (ch && ch >= 'A' && ch <= 'Y') last += ch.charCodeAt(0) - 64, i++;
      const digits = i;
      while (isDigit(group.charCodeAt(i))) i++;
      if (i === start) break; // not the format: the rest of the group is left out
      const end = last + (i > digits ? Number(group.slice(digits, i)) : 1);
      while (last < end) if (cls) out.set(head + String(++last).padStart(2, '0'), cls);
    }
  }
  return out;
}

let classTable: Map<string, HazardClass> | undefined;

/** The class in the 2017 list; null when the code is not in it. */
function tableClass(digits: string): HazardClass | null {
  classTable ??= decodeNaceClasses(NACE_CLASSES);
  return classTable.get(digits) ?? null;
}

/** The class of a code after the amendments; undefined when malformed, removed or not in the list. */
export function lookupNaceClass(code: string): NaceClassEntry | undefined {
  const c = normalizeNace(code);
  if (!c) return undefined;
  const a = amendmentByCode.get(c);
  if (a?.kind === 'removed') return undefined;
  if (a?.kind === 'added') return { code: c, amendment: a };
  const listed = tableClass(c.replace(/\./g, ''));
  if (listed === null) return undefined;
  const entry: NaceClassEntry = { code: c, hazardClass: a?.kind === 'reclassified' ? a.hazardClass : listed };
  if (a) entry.amendment = a;
  return entry;
}

/** The amendment that touched a code (reclassified, removed or added), for messages. */
export function naceAmendment(code: string): { citation: string; change: string; changeEn: string } | undefined {
  const c = normalizeNace(code);
  const a = c ? amendmentByCode.get(c) : undefined;
  return a ? { citation: a.citation, change: a.change, changeEn: a.changeEn } : undefined;
}
