// SGK işyeri sicil numarası: the 26-digit workplace number and its parts (RULES.md §7-8).

export interface SicilParts {
  /** the 26 digits without separators */
  digits: string;
  /** 1 digit */
  mahiyet: string;
  /** 4 digits: the işkolu kodu, the first four digits of the NACE code */
  iskoluKodu: string;
  /** 2 digits */
  degisiklik: string;
  /** 2 digits */
  unite: string;
  /** 7 digits */
  siraNo: string;
  /** 3 digits */
  il: string;
  /** 2 digits */
  ilce: string;
  /** 2 digits (the check-digit algorithm is not published) */
  kontrol: string;
  /** 3 digits: the subcontractor (aracı) number, 000 for the main employer */
  araci: string;
  /** true when aracı is 000 */
  mainEmployer: boolean;
}

export const SICIL_CITATION = 'SGK işyeri sicil numarası yapısı (26 hane: mahiyet, işkolu kodu, değişiklik, ünite, sıra no, il, ilçe, kontrol, aracı)';

/** The widths of the parts, in order (RULES.md §8): 1+4+2+2+7+3+2+2+3 = 26. */
export const SICIL_LAYOUT = [
  ['mahiyet', 1],
  ['iskoluKodu', 4],
  ['degisiklik', 2],
  ['unite', 2],
  ['siraNo', 7],
  ['il', 3],
  ['ilce', 2],
  ['kontrol', 2],
  ['araci', 3],
] as const;

/** White space of any kind (NBSP included), dots, dashes and slashes are separators; nothing else is allowed. */
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff.\-\u2010-\u2015\u2212/]+/g;

/**
 * Splits an SGK number: "2 4322 01 01 1234567 034 01 12 000" or "2.4322.01…" → its parts.
 * Undefined unless exactly 26 digits remain once separators are removed (letters make it undefined).
 * The check digits are not verified: their algorithm is not published.
 */
export function parseSicil(text: string): SicilParts | undefined {
  const digits = text.normalize('NFKC').replace(SEPARATORS, '');
  if (!/^\d{26}$/.test(digits)) return undefined;
  const parts: Record<string, string> = {};
  let at = 0;
  for (const [name, width] of SICIL_LAYOUT) {
    parts[name] = digits.slice(at, at + width);
    at += width;
  }
  return { digits, ...(parts as Omit<SicilParts, 'digits' | 'mainEmployer'>), mainEmployer: parts.araci === '000' };
}

/** The işkolu kodu (digits 2-5) of an SGK number, or undefined when the number is malformed. */
export function sicilIskoluKodu(text: string): string | undefined {
  return parseSicil(text)?.iskoluKodu;
}
