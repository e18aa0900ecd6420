// T.C. Kimlik No checksum (RULES.md §8).
import { isValidTckn, maskTckn } from '@/utils/domain/core';
import type { RuleModule } from './types';

export const tcknInvalid: RuleModule = {
  id: 'tckn-invalid',
  severity: 'error',
  title: { tr: 'T.C. Kimlik No geçersiz', en: 'Invalid T.C. identity number' },
  citation: 'T.C. Kimlik Numarası algoritması (11 hane, 10. ve 11. hane kontrol haneleri)',
  check({ record }) {
    const tckn = record.assignment?.tckn;
    if (tckn === undefined || tckn.trim() === '') return { result: 'inapplicable' };
    if (isValidTckn(tckn)) return { result: 'pass' };
    const masked = maskTckn(tckn);
    return {
      result: 'fail',
      message: {
        tr: `T.C. Kimlik No ${masked} geçersiz: 11 hane ve kontrol haneleri tutmalı`,
        en: `T.C. identity number ${masked} is invalid: it needs 11 digits and matching check digits`,
      },
    };
  },
};
