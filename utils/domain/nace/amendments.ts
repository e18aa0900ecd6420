// Amendments to Ek-1 of the İşyeri Tehlike Sınıfları Tebliği after 27.02.2017 (RULES.md §7; see README.md here).
import type { HazardClass } from '../hazard';

export type NaceAmendmentKind = 'reclassified' | 'removed' | 'added';

export interface NaceAmendment {
  /** the six-digit code, xx.xx.xx */
  code: string;
  kind: NaceAmendmentKind;
  /** the class after a reclassification; absent for removals and for additions (class not known here) */
  hazardClass?: HazardClass;
  /** Resmî Gazete date (ISO) and number */
  gazette: { date: string; number: number };
  /** "Resmî Gazete 31.01.2018/30318": the Tebliğ amendment published there */
  citation: string;
  /** what changed, in Turkish, for messages (no final full stop) */
  change: string;
  /** the same in English */
  changeEn: string;
}

const RG_2018 = { date: '2018-01-31', number: 30318 } as const;
const RG_2022 = { date: '2022-03-18', number: 31782 } as const;
const CITE_2018 = 'Resmî Gazete 31.01.2018/30318';
const CITE_2022 = 'Resmî Gazete 18.03.2022/31782';

function added(code: string): NaceAmendment {
  return {
    code,
    kind: 'added',
    gazette: RG_2022,
    citation: CITE_2022,
    change: `${code} listeye eklendi; tehlike sınıfı bu listede yer almıyor`,
    changeEn: `${code} was added to the list; its hazard class is not in this list`,
  };
}

function removed(code: string): NaceAmendment {
  return {
    code,
    kind: 'removed',
    gazette: RG_2022,
    citation: CITE_2022,
    change: `${code} listeden çıkarıldı`,
    changeEn: `${code} was removed from the list`,
  };
}

/** Every amendment, in gazette order. */
export const NACE_AMENDMENTS: readonly NaceAmendment[] = [
  {
    code: '84.22.05',
    kind: 'reclassified',
    hazardClass: 'az-tehlikeli',
    gazette: RG_2018,
    citation: CITE_2018,
    change: '84.22.05 Tehlikeli sınıfından Az Tehlikeli sınıfına alındı',
    changeEn: '84.22.05 moved from Tehlikeli (hazardous) to Az Tehlikeli (low hazard)',
  },
  removed('23.32.01'),
  removed('45.32.02'),
  added('23.32.02'),
  added('23.32.03'),
  added('45.32.07'),
  added('45.32.08'),
  added('93.29.11'),
];

/** Short citation of all amendments, for NACE_CITATION. */
export const NACE_AMENDMENTS_CITATION = 'değişiklikler: RG 31.01.2018/30318, RG 18.03.2022/31782';
