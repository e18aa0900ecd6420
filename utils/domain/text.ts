// Text folding for Turkish portal text: İ/ı, upper case, NBSP and stray spaces.
// Used to match the portal's labels and values whatever case or spacing they come in.

/**
 * Characters that take no room: zero-width space / joiners (U+200B-U+200D), bidi marks and
 * embeddings (LRM, RLM, U+202A-U+202E, U+2066-U+2069), word joiner and invisible operators
 * (U+2060-U+2064), BOM, soft hyphen, Mongolian vowel separator. A page may put them around a
 * number or a code ("\u200E47.11.02"); they are dropped, never turned into a space.
 */
export const INVISIBLE_CHARS = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Drops the invisible characters and collapses every run of white space (NBSP, narrow NBSP, tabs,
 * newlines, the Unicode spaces) to one space, trimmed.
 */
export function normalizeSpaces(text: string): string {
  // most texts need nothing (no invisible character, single inner spaces): a char loop tells
  // for far less than two regex replaces on thousands of cells
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0xa0) continue;
    if (c === 32 && i !== 0 && i !== last && text.charCodeAt(i + 1) !== 32) continue;
    if (c > 0xa0 && c !== 0xad && !(c >= 0x2000 && c <= 0x200f) && !(c >= 0x2028 && c <= 0x202f) && !(c >= 0x205f && c <= 0x206f) && c !== 0x1680 && c !== 0x180e && c !== 0x3000 && c !== 0xfeff) continue;
    return slowNormalizeSpaces(text);
  }
  return text;
}

function slowNormalizeSpaces(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
}

/**
 * The folded code of a character, for the fast paths of foldTurkish and foldLabel: ASCII lower
 * cased, the Turkish letters (and the circumflexed vowels) reduced to their base letter; SPACE for
 * white space, SKIP for an invisible character; -1 for anything else (then the full path runs).
 */
const SPACE = 32;
const SKIP = -2;
const FOLDED = new Map<number, number>([
  [0xc7, 99], [0xe7, 99], // Ç ç
  [0x11e, 103], [0x11f, 103], // Ğ ğ
  [0x130, 105], [0x131, 105], [0xce, 105], [0xee, 105], // İ ı Î î
  [0xd6, 111], [0xf6, 111], // Ö ö
  [0x15e, 115], [0x15f, 115], // Ş ş
  [0xdc, 117], [0xfc, 117], [0xdb, 117], [0xfb, 117], // Ü ü Û û
  [0xc2, 97], [0xe2, 97], // Â â
  [0xa0, SPACE], [0x202f, SPACE], [0x3000, SPACE], [0x1680, SPACE], [0x2028, SPACE], [0x2029, SPACE], [0x205f, SPACE],
]);

function foldCode(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return c + 32;
    return c === 32 || (c >= 9 && c <= 13) ? SPACE : c;
  }
  const f = FOLDED.get(c);
  if (f !== undefined) return f;
  if (c >= 0x2000 && c <= 0x200a) return SPACE;
  if (c === 0xad || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return SKIP;
  return -1;
}

/** Longest text folded by the char loop (longer ones take the regex path). */
const FAST_FOLD_MAX = 512;
const foldBuffer: number[] = [];

/**
 * The char loop behind foldTurkish (labels: false) and foldLabel (labels: true, every character
 * other than a-z and 0-9 a space); undefined when the text holds a character it does not know.
 */
function fastFold(text: string, labels: boolean): string | undefined {
  if (text.length > FAST_FOLD_MAX) return undefined;
  const out = foldBuffer;
  out.length = 0;
  let space = false;
  let same = true;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    let c = foldCode(raw);
    if (c === -1) return undefined;
    if (labels && c !== SKIP && !((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) c = SPACE;
    if (c === SKIP) {
      same = false;
      continue;
    }
    if (c === SPACE) {
      if (raw !== 32 || space || out.length === 0) same = false;
      space = true;
      continue;
    }
    if (space && out.length > 0) out.push(SPACE);
    space = false;
    if (c !== raw) same = false;
    out.push(c);
  }
  if (space) same = false;
  if (same) return text;
  return String.fromCharCode.apply(null, out);
}

/**
 * Folds Turkish text for comparison: Turkish-aware lower case, then the dotted/dotless i and the
 * letters ç ğ ö ş ü reduced to their base letter, spaces collapsed.
 * "ÇOK TEHLİKELİ", "çok tehlikeli", "COK TEHLIKELI" all fold to "cok tehlikeli".
 */
export function foldTurkish(text: string): string {
  return fastFold(text, false) ?? slowFoldTurkish(text);
}

function slowFoldTurkish(text: string): string {
  return normalizeSpaces(
    text
      .replace(/[İIı]/g, 'i')
      .toLocaleLowerCase('tr')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, ''),
  );
}

/**
 * Folds a screen label for matching: foldTurkish, then punctuation turned into spaces.
 * "Ayl. Çlş. Süresi (Dk)" → "ayl cls suresi dk"; "TEHLİKE  SINIFI:" → "tehlike sinifi".
 */
export function foldLabel(text: string): string {
  return fastFold(text, true) ?? normalizeSpaces(slowFoldTurkish(text).replace(/[^a-z0-9]+/g, ' '));
}

/** The regex versions, for the tests that check the char loops give the same answers. */
export const referenceFolds = {
  normalizeSpaces: slowNormalizeSpaces,
  foldTurkish: slowFoldTurkish,
  foldLabel: (text: string) => normalizeSpaces(slowFoldTurkish(text).replace(/[^a-z0-9]+/g, ' ')),
};

/** Keeps only the digits of a text ("12 345-678" → "12345678"). */
export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '');
}
