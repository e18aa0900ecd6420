// SGK number digits 2-5 (işkolu kodu) against the NACE code's first four digits (RULES.md §7).
import { NACE_CITATION, parseSicil, SICIL_CITATION } from '@/utils/domain/core';
import { naceFacts } from './nace-facts';
import type { RuleModule } from './types';

export const naceSicilMismatch: RuleModule = {
  id: 'nace-sicil-mismatch',
  severity: 'warn',
  title: { tr: 'SGK işkolu kodu NACE koduna uymuyor', en: 'SGK işkolu code differs from the NACE code' },
  citation: `${SICIL_CITATION}; ${NACE_CITATION}`,
  check({ workplace }) {
    const nace = naceFacts(workplace);
    const sicil = workplace.sicilNo ? parseSicil(workplace.sicilNo) : undefined;
    if (!sicil || nace.state === 'absent' || nace.state === 'malformed') return { result: 'inapplicable' };
    const naceFour = nace.code.slice(0, 2) + nace.code.slice(3, 5);
    if (sicil.iskoluKodu === naceFour) return { result: 'pass' };
    return {
      result: 'fail',
      message: {
        tr: `SGK sicil no işkolu kodu ${sicil.iskoluKodu}, NACE ${nace.code} ise ${naceFour} gerektirir; eski sicil numaraları eski işkolunu taşıyabilir`,
        en: `SGK number işkolu code ${sicil.iskoluKodu}, while NACE ${nace.code} implies ${naceFour}; old numbers may keep an outdated işkolu`,
      },
    };
  },
};
