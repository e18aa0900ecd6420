// İGU certificate class against hazard class (RULES.md §4). Transitional rule ended 31.12.2024.
import type { HazardClass } from './hazard';

export type CertificateClass = 'A' | 'B' | 'C';

const ALLOWED: Record<HazardClass, readonly CertificateClass[]> = {
  'cok-tehlikeli': ['A'],
  tehlikeli: ['A', 'B'],
  'az-tehlikeli': ['A', 'B', 'C'],
};

export function iguClassAllowed(certificateClass: CertificateClass, hazard: HazardClass): boolean {
  return ALLOWED[hazard].includes(certificateClass);
}

export function allowedIguClasses(hazard: HazardClass): readonly CertificateClass[] {
  return ALLOWED[hazard];
}

export const CERTIFICATE_CITATION =
  'İş Güvenliği Uzmanlarının Görev, Yetki, Sorumluluk ve Eğitimleri Hakkında Yönetmelik; 6331 sayılı Kanun geçici m. 4 (31.12.2024 sona erdi); İSG Hizmetleri Yönetmeliği m. 5(3)';
