// Shared wording of the rules' messages (Turkish first, English alongside; RULES.md §9 number style).
import { HAZARD_LABELS, ROLE_LABELS, formatTurkishNumber, type Role } from '@/utils/domain/core';
import type { Bilingual, Fact, FactSource, ResolvedWorkplace } from './types';

/** 4800 → "4.800" */
export const trNum = formatTurkishNumber;

/** 4800 → "4,800" */
export function enNum(n: number): string {
  return formatTurkishNumber(n).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/** The role as a noun inside an English sentence. */
export const ROLE_NOUN_EN: Record<Role, { one: string; many: string }> = {
  igu: { one: 'OHS specialist', many: 'OHS specialists' },
  ih: { one: 'workplace physician', many: 'workplace physicians' },
  dsp: { one: 'other health personnel', many: 'other health personnel' },
};

export function roleNounEn(role: Role, count: number): string {
  return count === 1 ? ROLE_NOUN_EN[role].one : ROLE_NOUN_EN[role].many;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const roleShort = (role: Role): string => ROLE_LABELS[role].short;

export function hazardLabel(workplace: { hazardClass?: ResolvedWorkplace['hazardClass'] }): Bilingual {
  return workplace.hazardClass ? HAZARD_LABELS[workplace.hazardClass] : { tr: '?', en: '?' };
}

/** "“Tehlikesiz”" */
export function quote(text: string): string {
  return `“${text}”`;
}

export function joinBilingual(parts: Bilingual[], sep = '; '): Bilingual {
  return { tr: parts.map((p) => p.tr).join(sep), en: parts.map((p) => p.en).join(sep) };
}

const SHOWN_BY: Record<FactSource, Bilingual> = {
  page: { tr: 'sayfada', en: 'the page shows' },
  profile: { tr: 'işyeri profilinde', en: 'the workplace profile says' },
  mirror: { tr: 'portalda daha önce görülen kayıtta', en: 'the portal earlier showed' },
  'nace-list': { tr: 'NACE listesinde', en: 'the NACE list gives' },
};
/** Why a workplace fact is missing, in words, saying where the unreadable text came from and where to add it. */
export function missingFactMessage(workplace: ResolvedWorkplace, fact: Fact): Bilingual {
  switch (fact) {
    case 'hazard-class': {
      if (workplace.hazardText === undefined) {
        return {
          tr: 'Tehlike sınıfı bilinmiyor: sayfada, işyeri profilinde ve kayıtlarda yok',
          en: 'Hazard class unknown: not on the page, in a workplace profile or in the saved records',
        };
      }
      const by = SHOWN_BY[workplace.sources?.hazard ?? 'page'];
      return {
        tr: `Tehlike sınıfı bilinmiyor: ${by.tr} ${quote(workplace.hazardText)} yazıyor (üç yasal sınıftan biri değil)`,
        en: `Hazard class unknown: ${by.en} ${quote(workplace.hazardText)} (not one of the three legal classes)`,
      };
    }
    case 'employees':
      return workplace.employeesText !== undefined
        ? {
            tr: `Çalışan sayısı okunamadı: sayfada ${quote(workplace.employeesText)} yazıyor`,
            en: `Employee count unreadable: the page shows ${quote(workplace.employeesText)}`,
          }
        : {
            tr: 'Çalışan sayısı bilinmiyor: sayfada, işyeri profilinde ve kayıtlarda yok',
            en: 'Employee count unknown: not on the page, in a workplace profile or in the saved records',
          };
    case 'role':
      return {
        tr: 'Görev türü (İGU / İH / DSP) bilinmiyor',
        en: 'Role (OHS specialist / physician / other health personnel) unknown',
      };
    case 'minutes':
      return { tr: 'Aylık çalışma süresi bilinmiyor', en: 'Monthly minutes unknown' };
    case 'remaining-capacity':
      return {
        tr: 'Kalan Max. Ayl. Çlş. Süresi (Dk) bilinmiyor',
        en: 'Remaining monthly capacity (Kalan Max. Ayl. Çlş. Süresi) unknown',
      };
    case 'certificate-class':
      return { tr: 'İGU sertifika sınıfı (A/B/C) bilinmiyor', en: 'OHS specialist certificate class (A/B/C) unknown' };
    case 'employment':
      return { tr: 'Çalışma şekli (tam / kısmi süreli) bilinmiyor', en: 'Employment type (full / part time) unknown' };
    case 'contract-state':
      return { tr: 'Sözleşmenin statüsü (devam ediyor / sonlandırıldı / iptal) bilinmiyor', en: 'Contract state (running / ended / cancelled) unknown' };
  }
}

/** A needs-data outcome naming each missing fact. */
export function needsData(workplace: ResolvedWorkplace, missing: Fact[], extra?: Bilingual) {
  if (extra) {
    const parts = missing.map((f) => missingFactMessage(workplace, f));
    parts.push(extra);
    return { result: 'needs-data' as const, missing, message: joinBilingual(parts) };
  }
  // the records of one workplace lack the same facts: the words are worked out once per workplace
  let byFacts = missingWords.get(workplace);
  if (!byFacts) missingWords.set(workplace, (byFacts = new Map()));
  const key = missing.join(',');
  let message = byFacts.get(key);
  if (!message) byFacts.set(key, (message = joinBilingual(missing.map((f) => missingFactMessage(workplace, f)))));
  return { result: 'needs-data' as const, missing, message };
}

const missingWords = new WeakMap<ResolvedWorkplace, Map<string, Bilingual>>();
