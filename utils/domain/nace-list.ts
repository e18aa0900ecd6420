// The NACE list with its activity texts (Tehlike Sınıfları Tebliği Ek-1 plus amendments, RULES.md §7):
// lookups with the activity, the whole list, counts and the options page's search. The content
// script needs only classes (./nace.ts), so the 327 kB of activity text stays out of its bundle.
import type { HazardClass } from './hazard';
import { HAZARD_CLASSES, parseHazardClass } from './hazard';
import { amendmentByCode, canonicalText, normalizeNace } from './nace';
import { NACE_AMENDMENTS, type NaceAmendment } from './nace/amendments';
import { parseNaceCsv, splitCsvLine } from './nace/csv';
import NACE_CSV from './nace/nace-hazard-classes-2017.csv?raw';
import { foldLabel } from './text';

export interface NaceEntry {
  /** xx.xx.xx */
  code: string;
  /** the list's class; undefined for codes added in 2022 whose class the list does not carry */
  hazardClass?: HazardClass;
  /** the activity text (Turkish, as in the Tebliğ; for codes without text, a note about the amendment) */
  activity: string;
  /** the amendment that changed or added this entry, if any */
  amendment?: NaceAmendment;
}

// ---------------------------------------------------------------------------------------------
// The list, parsed on first use

interface NaceList {
  entries: NaceEntry[];
  byCode: Map<string, NaceEntry>;
  /** code without dots, parallel to entries */
  digits: string[];
}

let list: NaceList | undefined;
let folded: string[] | undefined;

function addedActivity(a: NaceAmendment): string {
  return (
    `${a.code}: ${a.citation} ile listeye eklenen kod; tehlike sınıfı bu listede yer almıyor. ` +
    `(Code added by RG 18.03.2022/31782; its hazard class is not in this list.)`
  );
}

function buildList(): NaceList {
  const byCode = new Map<string, NaceEntry>();
  const classOf = new Map<string, HazardClass | undefined>(); // three distinct texts: fold each once
  for (const row of parseNaceCsv(NACE_CSV)) {
    let hazardClass = classOf.get(row.hazardText);
    if (!classOf.has(row.hazardText)) classOf.set(row.hazardText, (hazardClass = parseHazardClass(row.hazardText)));
    const entry: NaceEntry = { code: row.code, activity: row.activity };
    if (hazardClass) entry.hazardClass = hazardClass;
    byCode.set(row.code, entry);
  }
  for (const a of NACE_AMENDMENTS) {
    if (a.kind === 'removed') byCode.delete(a.code);
    else if (a.kind === 'reclassified') {
      const entry = byCode.get(a.code);
      if (entry) {
        entry.hazardClass = a.hazardClass;
        entry.amendment = a;
      }
    } else byCode.set(a.code, { code: a.code, activity: addedActivity(a), amendment: a });
  }
  const entries = [...byCode.values()].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  for (const e of entries) Object.freeze(e); // shared by every caller
  return { entries, byCode, digits: entries.map((e) => e.code.replace(/\./g, '')) };
}

function naceList(): NaceList {
  return (list ??= buildList());
}

const singles = new Map<string, NaceEntry | undefined>();
const classTexts = new Map<string, HazardClass | undefined>();

/**
 * One code without parsing the whole list: the content script looks up one or two codes per page, so
 * before the list is built a lookup finds the code's line in the raw text (well under a millisecond)
 * instead of parsing 2,195 rows (a few milliseconds). Same result as the full list (tested).
 */
function lookupSingle(code: string): NaceEntry | undefined {
  if (singles.has(code)) return singles.get(code);
  const a = amendmentByCode.get(code);
  let entry: NaceEntry | undefined;
  if (a?.kind === 'added') entry = { code, activity: addedActivity(a), amendment: a };
  else if (a?.kind !== 'removed') {
    const at = NACE_CSV.indexOf('\n' + code + ',');
    if (at >= 0) {
      const end = NACE_CSV.indexOf('\n', at + 1);
      const line = NACE_CSV.slice(at + 1, end < 0 ? undefined : end).replace(/\r$/, '');
      const [, activity = '', hazardText = ''] = splitCsvLine(line);
      if (!classTexts.has(hazardText)) classTexts.set(hazardText, parseHazardClass(hazardText));
      entry = { code, activity };
      const hazardClass = a?.kind === 'reclassified' ? a.hazardClass : classTexts.get(hazardText);
      if (hazardClass) entry.hazardClass = hazardClass;
      if (a) entry.amendment = a;
    }
  }
  if (entry) Object.freeze(entry);
  singles.set(code, entry);
  return entry;
}

/** The entry for a code after the amendments; undefined when malformed, removed or not in the list. */
export function lookupNace(code: string): NaceEntry | undefined {
  const c = normalizeNace(code);
  if (!c) return undefined;
  return list ? list.byCode.get(c) : lookupSingle(c);
}


/** All entries after the amendments, ordered by code. Do not mutate. */
export function naceEntries(): readonly NaceEntry[] {
  return naceList().entries;
}

/** Counts after the amendments; 'unknown' counts codes whose class the list does not carry. */
export function naceListStats(): { total: number; byClass: Record<HazardClass | 'unknown', number> } {
  const byClass = Object.fromEntries([...HAZARD_CLASSES, 'unknown'].map((k) => [k, 0])) as Record<
    HazardClass | 'unknown',
    number
  >;
  const { entries } = naceList();
  for (const e of entries) byClass[e.hazardClass ?? 'unknown']++;
  return { total: entries.length, byClass };
}

// ---------------------------------------------------------------------------------------------
// Search (for the options page's NACE picker)

const CODE_LIKE = /^[\d .]+$/;

/**
 * Code-prefix search ("43.2", "4322", "43.22.0") or word search over the activity texts, folded the
 * Turkish way: every word must occur, in any order ("cay" finds "çay", "ISITMA" finds "ısıtma").
 * Code-prefix matches come first, then activities where every word starts a word, then the rest;
 * each group in code order. Codes added in 2022 (no activity text) are found by code only.
 */
export function searchNace(query: string, limit = 50): NaceEntry[] {
  const q = canonicalText(query);
  if (q === '' || limit <= 0) return [];
  const { entries, digits } = naceList();
  const byCode: NaceEntry[] = [];
  if (CODE_LIKE.test(q)) {
    const prefix = q.replace(/[ .]/g, '');
    if (prefix.length === 0 || prefix.length > 6) return [];
    for (let i = 0; i < entries.length && byCode.length < limit; i++) {
      if (digits[i]!.startsWith(prefix)) byCode.push(entries[i]!);
    }
    return byCode;
  }
  const words = foldLabel(q).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  folded ??= entries.map((e) => (e.amendment?.kind === 'added' ? '' : ' ' + foldLabel(e.activity)));
  const starts: NaceEntry[] = [];
  const inside: NaceEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const text = folded[i]!;
    if (text === '') continue;
    let all = true;
    let allStart = true;
    for (const w of words) {
      if (/^\d+$/.test(w) && digits[i]!.startsWith(w)) continue; // a code prefix among the words
      if (!text.includes(w)) {
        all = false;
        break;
      }
      if (!text.includes(' ' + w)) allStart = false;
    }
    if (all) (allStart ? starts : inside).push(entries[i]!);
  }
  return [...starts, ...inside].slice(0, limit);
}
