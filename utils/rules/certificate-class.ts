// İGU certificate class against the workplace's hazard class (RULES.md §4; 6331 geçici m. 4 ended 31.12.2024).
import { allowedIguClasses, CERTIFICATE_CITATION, iguClassAllowed, isActiveAssignment } from '@/utils/domain/core';
import type { KnownAssignment, RuleModule } from './types';
import type { HazardClass } from '../domain/hazard';
import { hazardLabel, needsData } from './wording';

/** A full-time İGU of a class the hazard class allows (the exception of İSG Hizmetleri Yönetmeliği m. 5(3)). */
export function isMatchingFullTimeIgu(p: KnownAssignment, hazardClass: HazardClass): boolean {
  return p.role === 'igu' && p.employment === 'tam' && p.certificateClass !== undefined && isActiveAssignment(p) && iguClassAllowed(p.certificateClass, hazardClass);
}

export const certificateClass: RuleModule = {
  id: 'certificate-class',
  severity: 'error',
  title: { tr: 'İGU sertifika sınıfı tehlike sınıfına uymuyor', en: 'OHS certificate class does not fit the hazard class' },
  citation: CERTIFICATE_CITATION,
  reads: ['certificateText', 'hazardText', 'contractState'],
  check({ record, workplace, peers, assignmentKey }) {
    const a = record.assignment;
    if (!a || a.role !== 'igu' || !isActiveAssignment(a)) return { result: 'inapplicable' };
    // every class may serve an az tehlikeli workplace: nothing to know about the certificate
    if (workplace.hazardClass && allowedIguClasses(workplace.hazardClass).length === 3) return { result: 'pass' };
    // an A class may serve every hazard class: nothing to know about the workplace
    if (a.certificateClass === 'A') return { result: 'pass' };
    const missing = [
      ...(a.certificateClass ? [] : (['certificate-class'] as const)),
      ...(workplace.hazardClass ? [] : (['hazard-class'] as const)),
    ];
    if (missing.length > 0 || !a.certificateClass || !workplace.hazardClass) return needsData(workplace, missing);
    if (iguClassAllowed(a.certificateClass, workplace.hazardClass)) return { result: 'pass' };
    const hazard = hazardLabel(workplace);
    const hazardClass = workplace.hazardClass;
    const allowed = allowedIguClasses(hazardClass).join(', ');
    // İSG Hizmetleri Yönetmeliği m. 5(3): where several İGU must serve (listed sectors), one full-time
    // İGU of the matching class is enough. The sector list is not known here: name the exception.
    const matchingFullTime = peers.some((p) => p.key !== assignmentKey && isMatchingFullTimeIgu(p, hazardClass));
    const exception = matchingFullTime
      ? {
          tr: `. İstisna (İSG Hizmetleri Yönetmeliği m. 5(3)): birden fazla İGU görevlendirilmesi gereken listedeki sektörlerde yalnızca bir tam süreli İGU'nun uygun sınıfta olması yeterlidir; bu işyerinde uygun sınıfta tam süreli İGU var, sektör listedeyse bu görevlendirme geçerlidir`,
          en: `. Exception (İSG Hizmetleri Yönetmeliği Art. 5(3)): where several OHS specialists must serve in the listed sectors, only one full-time specialist needs the matching class; this workplace has one, so if its sector is listed this assignment is lawful`,
        }
      : { tr: '', en: '' };
    return {
      result: 'fail',
      message: {
        tr: `${a.certificateClass} sınıfı İGU, ${hazard.tr} işyerinde görev alamaz; izin verilen: ${allowed}. Geçiş hükmü 31.12.2024'te sona erdi${exception.tr}`,
        en: `A class ${a.certificateClass} OHS specialist may not serve a ${hazard.en.toLowerCase()} workplace; allowed: ${allowed}. The transitional rule ended on 31.12.2024${exception.en}`,
      },
    };
  },
};
