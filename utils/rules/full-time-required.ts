// Full-time professionals: one per T employees (RULES.md §3; İGU Yönetmelik m. 12(2)-(4), İH/DSP Yönetmelik m. 12(2)-(4)).
import { judgeService, SERVICE_CITATION } from './service';
import type { RuleModule } from './types';

export const fullTimeRequired: RuleModule = {
  id: 'full-time-required',
  severity: 'error',
  title: { tr: 'Tam süreli profesyonel gerekli', en: 'Full-time professional required' },
  citation: SERVICE_CITATION,
  reads: ['contractState', 'employees', 'hazardText', 'certificateText', 'role'],
  check: (subject) => judgeService(subject, 'full-time'),
};
