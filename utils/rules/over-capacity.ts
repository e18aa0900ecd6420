// Minutes asked against the professional's remaining capacity on the SÖZLEŞME ONAY form (RULES.md §6).
import type { Fact, RuleModule } from './types';
import { enNum, needsData, trNum } from './wording';

export const overCapacity: RuleModule = {
  id: 'over-capacity',
  severity: 'error',
  title: { tr: 'Süre kalan kapasiteyi aşıyor', en: 'Minutes exceed the remaining capacity' },
  citation: 'İSG-KATİP "SÖZLEŞME ONAY" formu: Kalan Max. Ayl. Çlş. Süresi (Dk)',
  check({ record, workplace }) {
    if (record.kind !== 'approval') return { result: 'inapplicable' };
    const minutes = record.assignment?.minutes;
    const remaining = record.capacity?.remainingMinutes;
    const missing: Fact[] = [];
    if (minutes === undefined) missing.push('minutes');
    if (remaining === undefined) missing.push('remaining-capacity');
    if (minutes === undefined || remaining === undefined) return needsData(workplace, missing);
    if (minutes <= remaining) return { result: 'pass' };
    return {
      result: 'fail',
      message: {
        tr: `Ayl. Çlş. Süresi ${trNum(minutes)} dk, Kalan Max. Ayl. Çlş. Süresi ${trNum(remaining)} dk; ${trNum(minutes - remaining)} dk fazla`,
        en: `Monthly minutes ${enNum(minutes)}, remaining capacity ${enNum(remaining)} min; ${enNum(minutes - remaining)} min over`,
      },
    };
  },
};
