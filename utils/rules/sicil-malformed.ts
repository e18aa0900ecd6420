// SGK işyeri sicil no: 26 digits (RULES.md §8).
import { digitsOnly, parseSicil, SICIL_CITATION } from '@/utils/domain/core';
import type { RuleModule } from './types';
import { quote } from './wording';

export const sicilMalformed: RuleModule = {
  id: 'sicil-malformed',
  severity: 'error',
  title: { tr: 'SGK işyeri sicil no 26 hane değil', en: 'SGK workplace number is not 26 digits' },
  citation: SICIL_CITATION,
  check({ workplace }) {
    const text = workplace.sicilNo;
    if (text === undefined || text.trim() === '') return { result: 'inapplicable' };
    if (parseSicil(text)) return { result: 'pass' };
    const n = digitsOnly(text).length;
    // 26 digits that still fail carry characters other than digits and separators
    const message =
      n === 26
        ? {
            tr: `SGK işyeri sicil no ${quote(text)}: 26 rakamın yanında rakam olmayan karakterler var; yalnızca 26 rakam olmalı`,
            en: `SGK workplace number ${quote(text)}: 26 digits plus characters that are not digits; it must be 26 digits only`,
          }
        : {
            tr: `SGK işyeri sicil no ${quote(text)}: ${n} rakam; 26 rakam olmalı`,
            en: `SGK workplace number ${quote(text)}: ${n} digits; it must have 26`,
          };
    return { result: 'fail', message };
  },
};
