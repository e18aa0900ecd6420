// NACE code must be in the Tehlike Sınıfları Tebliği's list, amendments applied (RULES.md §7).
import { NACE_CITATION, naceAmendment } from '@/utils/domain/core';
import { naceFacts } from './nace-facts';
import type { RuleModule } from './types';

export const naceNotListed: RuleModule = {
  id: 'nace-not-listed',
  severity: 'warn',
  title: { tr: 'NACE kodu listede yok', en: 'NACE code not in the list' },
  citation: NACE_CITATION,
  check({ workplace }) {
    const nace = naceFacts(workplace);
    if (nace.state === 'absent' || nace.state === 'malformed') return { result: 'inapplicable' };
    if (nace.state === 'listed') return { result: 'pass' };
    const amendment = naceAmendment(nace.code);
    return {
      result: 'fail',
      message: {
        tr:
          `NACE kodu ${nace.code} Tehlike Sınıfları Tebliği listesinde yok` +
          (amendment ? ` (${amendment.citation}: ${amendment.change})` : ''),
        en:
          `NACE code ${nace.code} is not in the hazard class list` +
          (amendment ? ` (${amendment.citation}: ${amendment.changeEn})` : ''),
      },
    };
  },
};
