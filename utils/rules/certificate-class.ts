// İGU certificate class against the workplace's hazard class (RULES.md §4; 6331 geçici m. 4 ended 31.12.2024).
import { allowedIguClasses, CERTIFICATE_CITATION, iguClassAllowed, isActiveAssignment } from '@/utils/domain';
import type { RuleModule } from './types';
import { hazardLabel, needsData } from './wording';

export const certificateClass: RuleModule = {
  id: 'certificate-class',
  severity: 'error',
  title: { tr: 'İGU sertifika sınıfı tehlike sınıfına uymuyor', en: 'OHS certificate class does not fit the hazard class' },
  citation: CERTIFICATE_CITATION,
  check({ record, workplace }) {
    const a = record.assignment;
    if (!a || a.role !== 'igu' || !isActiveAssignment(a)) return { result: 'inapplicable' };
    // every class may serve an az tehlikeli workplace: nothing to know about the certificate
    if (workplace.hazardClass && allowedIguClasses(workplace.hazardClass).length === 3) return { result: 'pass' };
    const missing = [
      ...(a.certificateClass ? [] : (['certificate-class'] as const)),
      ...(workplace.hazardClass ? [] : (['hazard-class'] as const)),
    ];
    if (missing.length > 0 || !a.certificateClass || !workplace.hazardClass) return needsData(workplace, missing);
    if (iguClassAllowed(a.certificateClass, workplace.hazardClass)) return { result: 'pass' };
    const hazard = hazardLabel(workplace);
    const allowed = allowedIguClasses(workplace.hazardClass).join(', ');
    return {
      result: 'fail',
      message: {
        tr: `${a.certificateClass} sınıfı İGU, ${hazard.tr} işyerinde görev alamaz; izin verilen: ${allowed}. Geçiş hükmü 31.12.2024'te sona erdi`,
        en: `A class ${a.certificateClass} OHS specialist may not serve a ${hazard.en.toLowerCase()} workplace; allowed: ${allowed}. The transitional rule ended on 31.12.2024`,
      },
    };
  },
};
