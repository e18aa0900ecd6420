// Reading the portal's words for people and states (RULES.md §4, §9): roles, certificate classes,
// employment type, approval and contract states.
import type { CertificateClass } from './certificate';
import type { Role } from './minimums';
import { foldTurkish } from './text';

export interface Personnel {
  role?: Role;
  certificateClass?: CertificateClass;
}

/**
 * Role and İGU class from any portal text naming a professional or a certificate:
 * "C Sınıfı İş Güvenliği Uzmanı", "A Sınıfı", "A Sınıfı İş Güvenliği Uzmanlığı", "İşyeri Hekimi",
 * "İş Yeri Hekimliği", "Diğer Sağlık Personeli", certificate numbers "İGU-123", "İH-45", "DSP-6".
 */
export function parsePersonnel(text: string): Personnel {
  const f = foldTurkish(text);
  if (!f) return {};
  // "C Sınıfı", "A Sınıf", "(A) Sınıfı"; and after an İGU title, a bare "(B)"
  const isIgu = /guvenligi\s*uzman|^igu\b|\bisg\s*uzman/.test(f);
  const clsText = /(?:^|[^a-z])\(?([abc])\)?\s*sinif/.exec(f)?.[1] ?? (isIgu ? /\(([abc])\)/.exec(f)?.[1] : undefined);
  const cls = clsText?.toUpperCase() as CertificateClass | undefined;
  if (isIgu || (cls && !/hekim|saglik/.test(f))) {
    return cls ? { role: 'igu', certificateClass: cls } : { role: 'igu' };
  }
  if (/diger\s*saglik|^dsp\b/.test(f)) return { role: 'dsp' };
  if (/(is\s*)?yeri\s*hekim|^ih\b|^hekim/.test(f)) return { role: 'ih' };
  return {};
}

export type Employment = 'tam' | 'kismi';

/** "Tam Süreli" → 'tam'; "Kısmi Süreli", "KISMİ ZAMANLI" → 'kismi'. */
export function parseEmployment(text: string): Employment | undefined {
  const f = foldTurkish(text);
  if (/^tam\b/.test(f)) return 'tam';
  if (/^kismi\b/.test(f)) return 'kismi';
  return undefined;
}

export type ApprovalState = 'pending' | 'approved' | 'rejected';

/** "Onay Bekliyor", "Sözleşme Onay Bekliyor" → pending; "Onaylandı" → approved; "Reddedildi" → rejected. */
export function parseApprovalState(text: string): ApprovalState | undefined {
  const f = foldTurkish(text);
  if (/onay\s*bekl/.test(f)) return 'pending';
  if (/onaylandi|onayli\b/.test(f)) return 'approved';
  if (/redd?edildi|onaylanmadi/.test(f)) return 'rejected';
  return undefined;
}

export type ContractState = 'active' | 'ended' | 'cancelled';

/**
 * "Sözleşme Devam Ediyor", "Devam Ediyor" → active; "… Sonlandırıldı" → ended; "… İptal Edildi" and
 * "… Tamamlanmadı" (never in force) → cancelled.
 */
export function parseContractState(text: string): ContractState | undefined {
  const f = foldTurkish(text);
  if (/devam\s*ediyor/.test(f)) return 'active';
  if (/sonlandi|sona\s*erdi|ayrildi|bitti/.test(f)) return 'ended';
  if (/iptal/.test(f)) return 'cancelled';
  // sozlesmeStatu 5006: the contract was never completed, so it never took effect
  if (/tamamlanmadi/.test(f)) return 'cancelled';
  return undefined;
}
