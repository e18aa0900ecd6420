// The pending approvals' own indexes (schema v5, issue 10): the popup and the options page show the
// first 50 of 10,000+ pending approvals without reading them all, and their count without
// counting them each time. Only pending rows carry the three fields, so the indexes hold only them:
// - `pendingOrder`: the name a pending approval is listed by ("Şule Çağlar" or its label), as a
//   key whose plain (binary) order is the Turkish alphabetical order the lists use
//   (Intl.Collator('tr', { sensitivity: 'base' })): c < ç < d, h < ı < i, o < ö < p, s < ş < t,
//   u < ü < v, case and other accents ignored;
// - `pendingPerson`: [the folded person the lists group by, role, workplace key]: what telling two
//   sightings of one approval apart needs, read from the index keys alone;
// - `pendingStamp`: a number that grows with every write of a pending row: with the number of
//   pending rows it tells whether the count kept in `meta` still holds (readPendingPage).
// All three are derived from the row on every write by a DBCore middleware, so no writer (the
// page reports, the Excel import, a backup restored, a test) can forget them.
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { foldTitle } from '../keys';
import type { AssignmentRow } from './schema';

/** The fields the person of a pending approval is read from. */
type PersonFields = Pick<AssignmentRow, 'personName' | 'tckn' | 'label'>;

/** The person the lists fold sightings by: the folded name, else the folded T.C. number, else the folded label. */
export function pendingPersonOf(row: PersonFields): string {
  return (row.personName ? foldTitle(row.personName) : '') || (row.tckn ? foldTitle(row.tckn) : '') || (row.label ? foldTitle(row.label) : '');
}

/** The text a pending approval is listed by: the person's name as shown, else its label. */
export function pendingNameOf(row: Pick<AssignmentRow, 'personName' | 'label'>): string {
  return row.personName ?? row.label;
}

// The order of the Turkish alphabet (CLDR tr), q w x in their Latin places.
const ALPHABET = 'abcçdefgğhıijklmnoöpqrsştuüvwxyz';
const LETTER_BASE = 0x100;
// ICU's root order of ASCII punctuation and symbols, all before the digits
const PUNCTUATION = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
const PUNCT_BASE = 0x21;
const DIGIT_BASE = 0x60;
const OTHER_BASE = 0x1000;

/** The letter's rank in the alphabet, case-blind (the Turkish lower case: I → ı, İ → i); -1 for any other character. */
function letterRank(ch: string): number {
  return ALPHABET.indexOf(ch.toLocaleLowerCase('tr'));
}

/** One character's place: a char whose code orders as the Turkish collator orders letters at base strength. */
function placeOf(ch: string): string {
  if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0') return ' ';
  let rank = letterRank(ch);
  if (rank < 0) {
    // â î û é Î …: the base letter, as other accents weigh nothing at base strength (Î is I's, so ı's)
    const [base, ...marks] = ch.normalize('NFD');
    if (base && marks.length && marks.every((m) => /[\u0300-\u036f]/.test(m))) rank = letterRank(base);
    else if (base && /[\u0300-\u036f]/.test(base)) return '';
  }
  if (rank >= 0) return String.fromCharCode(LETTER_BASE + rank);
  if (ch >= '0' && ch <= '9') return String.fromCharCode(DIGIT_BASE + ch.charCodeAt(0) - 48);
  const punct = PUNCTUATION.indexOf(ch);
  if (punct >= 0) return String.fromCharCode(PUNCT_BASE + punct);
  const code = ch.toLocaleLowerCase('tr').codePointAt(0) ?? 0;
  return String.fromCharCode(OTHER_BASE + Math.min(code, 0xefff));
}

const placeCache = new Map<string, string>();

/**
 * A key whose binary order is the Turkish alphabetical order of `text` (case-blind): what an
 * IndexedDB index can sort by, as the collator cannot give a sort key. It agrees with the collator
 * on the Turkish and Latin letters (accents other than Turkish ones ignored), digits, spaces and
 * ASCII punctuation (tests/unit/db/pending-page.test.ts); other scripts and symbols follow the
 * alphabet in code point order, where the collator may place them elsewhere.
 */
export function turkishOrderKey(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    let place = placeCache.get(ch);
    if (place === undefined) placeCache.set(ch, (place = placeOf(ch)));
    out += place;
  }
  return out;
}

/** The order and person fields of a row: both for a pending row, none for any other. */
export function pendingIndexFields(row: AssignmentRow): Pick<AssignmentRow, 'pendingOrder' | 'pendingPerson'> {
  if (row.pending !== 1) return {};
  return { pendingOrder: turkishOrderKey(pendingNameOf(row)), pendingPerson: [pendingPersonOf(row), row.role ?? '', row.workplaceKey ?? ''] };
}

/** The row as stored: a pending row with its index fields recomputed and `stamp`, any other without them. */
export function withPendingIndex(row: AssignmentRow, stamp: number): AssignmentRow {
  if (row.pending !== 1) return withoutPendingIndex(row);
  return { ...row, ...pendingIndexFields(row), pendingStamp: stamp };
}

/** The row without its index fields (derived, so never in a backup). */
export function withoutPendingIndex(row: AssignmentRow): AssignmentRow {
  if (row.pendingOrder === undefined && row.pendingPerson === undefined && row.pendingStamp === undefined) return row;
  const { pendingOrder: _o, pendingPerson: _p, pendingStamp: _s, ...rest } = row;
  return rest;
}

const ANY_KEY = { type: 3 } as DBCoreKeyRange; // DBCoreRangeType.Any (a const enum)

/**
 * The stamp of the next write: above every stamp stored (one reverse step of the index, in the
 * writing transaction) and never below the clock, so a table emptied and filled again does not
 * give back a stamp a kept count was made with.
 */
async function nextStamp(table: DBCoreTable, trans: DBCoreTransaction): Promise<number> {
  let last = 0;
  const index = table.schema.getIndexByKeyPath('pendingStamp');
  if (index) {
    try {
      const cursor = await table.openCursor({ trans, values: false, reverse: true, query: { index, range: ANY_KEY } });
      if (cursor && typeof cursor.key === 'number') last = cursor.key;
    } catch {
      // an upgrade from before v5 is writing: the index does not exist yet
    }
  }
  return Math.max(last + 1, Date.now());
}

/** The DBCore middleware that keeps the index fields of `assignments` right on every add and put. */
export const pendingIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'katip-pending-index',
  create(down) {
    return {
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (name !== 'assignments') return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            const values = req.values as AssignmentRow[];
            const stamp = values.some((v) => v.pending === 1) ? await nextStamp(table, req.trans) : 0;
            return table.mutate({ ...req, values: values.map((v) => withPendingIndex(v, stamp)) } as DBCoreMutateRequest);
          },
        };
      },
    };
  },
};
