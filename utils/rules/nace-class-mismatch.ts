// The hazard class shown must equal the list's class for the NACE code (RULES.md §7; 6331 m. 9(2)).
import { HAZARD_LABELS, NACE_CITATION, parseHazardClass } from '@/utils/domain/core';
import { naceFacts } from './nace-facts';
import type { RuleModule } from './types';

export const naceClassMismatch: RuleModule = {
  id: 'nace-class-mismatch',
  severity: 'error',
  title: { tr: 'Tehlike sınıfı NACE koduna uymuyor', en: 'Hazard class does not match the NACE code' },
  citation: NACE_CITATION,
  check({ workplace }) {
    const nace = naceFacts(workplace);
    if (nace.state !== 'listed' || !nace.entry.hazardClass) return { result: 'inapplicable' };
    // The class shown: the page's text when it shows one (an unknown text is hazard-class-unknown's
    // finding), else a class the profile gives; a class taken from the list itself proves nothing.
    const shown =
      workplace.hazardText !== undefined
        ? parseHazardClass(workplace.hazardText)
        : workplace.sources?.hazard === 'nace-list'
          ? undefined
          : workplace.hazardClass;
    if (!shown) return { result: 'inapplicable' };
    const listed = nace.entry.hazardClass;
    if (shown === listed) return { result: 'pass' };
    const a = HAZARD_LABELS[shown];
    const b = HAZARD_LABELS[listed];
    const amendment = nace.entry.amendment ? ` (${nace.entry.amendment.citation})` : '';
    return {
      result: 'fail',
      message: {
        tr: `Tehlike sınıfı ${a.tr}, ancak NACE ${nace.code} listede ${b.tr}${amendment}`,
        en: `Hazard class ${a.en.toLowerCase()}, but NACE ${nace.code} is ${b.en.toLowerCase()} in the list${amendment}`,
      },
    };
  },
};
