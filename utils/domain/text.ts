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
  return text.replace(INVISIBLE_CHARS, '').replace(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
}

/**
 * Folds Turkish text for comparison: Turkish-aware lower case, then the dotted/dotless i and the
 * letters ç ğ ö ş ü reduced to their base letter, spaces collapsed.
 * "ÇOK TEHLİKELİ", "çok tehlikeli", "COK TEHLIKELI" all fold to "cok tehlikeli".
 */
export function foldTurkish(text: string): string {
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
  return normalizeSpaces(foldTurkish(text).replace(/[^a-z0-9]+/g, ' '));
}

/** Keeps only the digits of a text ("12 345-678" → "12345678"). */
export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '');
}
