// The three legal hazard classes (6331 s. Kanun Art. 9; Tehlike Sınıfları Tebliği). RULES.md §1.
import { foldTurkish } from './text';

export type HazardClass = 'az-tehlikeli' | 'tehlikeli' | 'cok-tehlikeli';
export const HAZARD_CLASSES: readonly HazardClass[] = ['az-tehlikeli', 'tehlikeli', 'cok-tehlikeli'];

export const HAZARD_LABELS: Record<HazardClass, { tr: string; en: string }> = {
  'az-tehlikeli': { tr: 'Az Tehlikeli', en: 'Low hazard' },
  tehlikeli: { tr: 'Tehlikeli', en: 'Hazardous' },
  'cok-tehlikeli': { tr: 'Çok Tehlikeli', en: 'Very hazardous' },
};

const BY_FOLDED: Record<string, HazardClass> = {
  'az tehlikeli': 'az-tehlikeli',
  tehlikeli: 'tehlikeli',
  'cok tehlikeli': 'cok-tehlikeli',
};

/** "ÇOK TEHLİKELİ", " çok  tehlikeli ", "Cok Tehlikeli" → 'cok-tehlikeli'; "Tehlikesiz", "", "3" → undefined. */
export function parseHazardClass(text: string): HazardClass | undefined {
  return BY_FOLDED[foldTurkish(text).replace(/[-_]/g, ' ').replace(/\s+/g, ' ')];
}

export const HAZARD_CITATION = '6331 sayılı Kanun m. 9; İşyeri Tehlike Sınıfları Tebliği';
