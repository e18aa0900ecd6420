// The hazard class shown must be one of the three legal classes (RULES.md §1; 6331 s. Kanun m. 9).
import { HAZARD_CITATION, parseHazardClass } from '@/utils/domain/core';
import type { RuleModule } from './types';
import { quote } from './wording';

export const hazardClassUnknown: RuleModule = {
  id: 'hazard-class-unknown',
  severity: 'error',
  title: { tr: 'Tehlike sınıfı yasal sınıflardan biri değil', en: 'Hazard class is not a legal class' },
  citation: HAZARD_CITATION,
  reads: ['hazardText'],
  check({ workplace }) {
    const text = workplace.hazardText;
    // an empty cell or a missing column is a missing fact (RULES.md §1): the rules needing the class say so
    if (text === undefined || text.trim() === '') return { result: 'inapplicable' };
    if (parseHazardClass(text)) return { result: 'pass' };
    const shown = text;
    return {
      result: 'fail',
      message: {
        tr: `Tehlike sınıfı ${quote(shown)}: Az Tehlikeli, Tehlikeli veya Çok Tehlikeli olmalı`,
        en: `Hazard class ${quote(shown)}: must be Az Tehlikeli, Tehlikeli or Çok Tehlikeli`,
      },
    };
  },
};
