// Text folding for Turkish portal text: İ/ı, upper case, NBSP and stray spaces.
// Used to match the portal's labels and values whatever case or spacing they come in.

/** Collapses every run of white space (NBSP, tabs, newlines, zero-width) to one space and trims. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
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
