// Minimum monthly minutes per workplace and role (RULES.md §2-3; İGU Yönetmelik m. 12, İH/DSP Yönetmelik m. 12, 19).
import { judgeService, SERVICE_CITATION } from './service';
import type { RuleModule } from './types';

export const minutesBelowMinimum: RuleModule = {
  id: 'minutes-below-minimum',
  severity: 'error',
  title: { tr: 'Aylık süre asgari sürenin altında', en: 'Monthly minutes below the minimum' },
  citation: SERVICE_CITATION,
  reads: ['minutes', 'contractState', 'employees', 'hazardText', 'certificateText', 'role'],
  check: (subject) => judgeService(subject, 'minutes'),
};
