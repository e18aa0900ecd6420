// NACE code format: six digits xx.xx.xx (RULES.md §7).
import { NACE_CITATION } from '@/utils/domain/core';
import { naceFacts } from './nace-facts';
import type { RuleModule } from './types';
import { quote } from './wording';

export const naceMalformed: RuleModule = {
  id: 'nace-malformed',
  severity: 'error',
  title: { tr: 'NACE kodu biçimi hatalı', en: 'Malformed NACE code' },
  citation: NACE_CITATION,
  check({ workplace }) {
    const nace = naceFacts(workplace);
    if (nace.state === 'absent') return { result: 'inapplicable' };
    if (nace.state !== 'malformed') return { result: 'pass' };
    return {
      result: 'fail',
      message: {
        tr: `NACE kodu ${quote(nace.text)}: altı haneli xx.xx.xx biçiminde olmalı`,
        en: `NACE code ${quote(nace.text)}: must be six digits written xx.xx.xx`,
      },
    };
  },
};
