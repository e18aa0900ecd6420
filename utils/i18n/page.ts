// The words the content script writes into a portal page (markers, tooltip, approval bar, minutes
// note), Turkish first with English alongside, and the helpers that fill them in. Kept apart from the
// extension pages' words (./index.ts) so the content script carries only these; ./index.ts adds the
// rest and its `t` knows every key.
import type { Fact, Severity } from '../rules/types';

export type Lang = 'tr' | 'en';

export interface Pair {
  tr: string;
  en: string;
  /** English singular, used when `{n}` is 1 ("1 record" / "2 records") */
  en1?: string;
}

export const PAGE_STRINGS = {
  appName: { tr: 'KATİP Asistanı', en: 'KATİP Assistant' },
  sevError: { tr: 'Hata', en: 'Error' },
  sevWarn: { tr: 'Uyarı', en: 'Warning' },
  sevNeedsData: { tr: 'Veri eksik', en: 'Data missing' },
  sevOk: { tr: 'Uygun', en: 'OK' },
  markNotJudged: { tr: 'Değerlendirilemedi', en: 'Could not be judged' },
  markAllMet: { tr: 'Uygulanan kuralların hepsi sağlandı.', en: 'Every applicable rule is met.' },
  hintSelectRow: {
    tr: 'Önce Sözleşmeler tablosunda bu kişinin satırını seçin, sonra onay formunu açın: görev türü ve sertifika oradan okunur.',
    en: 'Select this person’s row in the Sözleşmeler grid first, then open the approval form: the role and certificate are read from it.',
  },
  barErrors: { tr: 'Kayıt öncesi: {n} hata', en: 'Before saving: {n} errors' },
  barOneError: { tr: 'Kayıt öncesi: 1 hata', en: 'Before saving: 1 error' },
  barNoErrors: { tr: 'Bu sözleşmede hata bulunmadı.', en: 'No errors found in this contract.' },
  barNotJudged: { tr: 'Değerlendirilemeyen: {items}', en: 'Not judged: {items}' },
  barRegion: { tr: 'KATİP Asistanı: bu sözleşmenin denetimi', en: 'KATİP Assistant: this contract’s check' },
  confirmSave: {
    tr: 'KATİP Asistanı: bu sözleşmede {n} hata var.\n\n{lines}\n\nYine de kaydedilsin mi?',
    en: 'KATİP Assistant: this contract has {n} errors.\n\n{lines}\n\nSave anyway?',
  },
  noteInapplicable: { tr: 'Bu görev için asgari süre aranmıyor.', en: 'No minimum applies to this role here.' },
  noteCannot: { tr: 'Gerekli süre hesaplanamadı; eksik bilgi: {facts}.', en: 'Required time cannot be computed; missing: {facts}.' },
  noteRequired: { tr: 'Gerekli', en: 'Required' },
  noteRunning: { tr: 'Devam eden', en: 'Running' },
  noteEntered: { tr: 'Girilen', en: 'Entered' },
  noteNoneYet: { tr: 'henüz yok', en: 'none yet' },
  noteShort: { tr: 'Eksik', en: 'Short' },
  noteEnough: { tr: 'Yeterli', en: 'Enough' },
  unitMinutes: { tr: '{n} dk', en: '{n} min' },
  missingFacts: { tr: 'Eksik bilgi: {facts}', en: 'Missing: {facts}' },
  citation: { tr: 'Dayanak', en: 'Source' },
  counted: { tr: 'Sayılan', en: 'Counted' },
  factHazard: { tr: 'tehlike sınıfı', en: 'hazard class' },
  factEmployees: { tr: 'çalışan sayısı', en: 'employee count' },
  factRole: { tr: 'görev türü', en: 'role' },
  factMinutes: { tr: 'aylık çalışma süresi', en: 'monthly minutes' },
  factCapacity: { tr: 'kalan azami çalışma süresi', en: 'remaining capacity' },
  factCertificate: { tr: 'sertifika sınıfı', en: 'certificate class' },
  factEmployment: { tr: 'çalışma şekli', en: 'employment type' },
  factContractState: { tr: 'sözleşme statüsü', en: 'contract state' },
  profileAddFor: { tr: 'Profil ekle', en: 'Add profile' },
} satisfies Record<string, Pair>;

export type PageStringKey = keyof typeof PAGE_STRINGS;

let numberFormats: Record<Lang, Intl.NumberFormat> | undefined;

/** A number as the language writes it: "1.240" in Turkish, "1,240" in English (never "1240"). */
export function formatNumber(lang: Lang, n: number): string {
  numberFormats ??= {
    tr: new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 2 }),
    en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
  };
  return numberFormats[lang].format(n);
}

/**
 * A text in a language with `{name}` placeholders filled in; numbers are written the language's
 * way, and English takes the singular text when `{n}` is 1.
 */
export function fill(pair: Pair, lang: Lang, vars?: Record<string, string | number>): string {
  const text = lang === 'en' && pair.en1 !== undefined && vars?.n === 1 ? pair.en1 : pair[lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const value = vars[name]!;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** The in-page text for a key (the content script's own `t`: only the words it shows). */
export function t(lang: Lang, key: PageStringKey, vars?: Record<string, string | number>): string {
  return fill(PAGE_STRINGS[key], lang, vars);
}

const FACT_KEYS: Record<Fact, PageStringKey> = {
  'hazard-class': 'factHazard',
  employees: 'factEmployees',
  role: 'factRole',
  minutes: 'factMinutes',
  'remaining-capacity': 'factCapacity',
  'certificate-class': 'factCertificate',
  employment: 'factEmployment',
  'contract-state': 'factContractState',
};

/** "tehlike sınıfı" for 'hazard-class'; an unknown fact comes back as its id. */
export function factLabel(lang: Lang, fact: string): string {
  const key = FACT_KEYS[fact as Fact];
  return key ? t(lang, key) : fact;
}

/** Facts the user can fill in a workplace profile. */
export const PROFILE_FACTS: readonly string[] = ['employees', 'hazard-class'];

/** Severity as icon + word (never colour alone). */
export function severityLabel(lang: Lang, kind: Severity | 'needs-data' | 'ok'): { icon: string; word: string } {
  switch (kind) {
    case 'error':
      return { icon: '✖', word: t(lang, 'sevError') };
    case 'warn':
      return { icon: '⚠', word: t(lang, 'sevWarn') };
    case 'needs-data':
      return { icon: '?', word: t(lang, 'sevNeedsData') };
    default:
      return { icon: '✔', word: t(lang, 'sevOk') };
  }
}
