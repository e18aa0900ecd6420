// Every reader says where each fact was read (ScreenRead.records[].cells): the content script outlines it.
import { describe, expect, it } from 'vitest';
import { detectScreen } from '@/utils/screens';
import { allFixtures, screenDocumentOf } from './grid-fixtures';

const FACT_OF = {
  minutes: (r: any) => r.assignment?.minutes ?? r.form?.enteredMinutes,
  tckn: (r: any) => r.assignment?.tckn,
  hazardText: (r: any) => r.workplace?.hazardText,
  employees: (r: any) => r.workplace?.employees,
  naceText: (r: any) => r.workplace?.naceText,
  portalId: (r: any) => r.assignment?.portalId,
  remainingMinutes: (r: any) => r.capacity?.remainingMinutes,
} as const;

describe.each(allFixtures().filter((f) => !f.startsWith('none/')))('%s', (fixture) => {
  it('points every shown fact at the cell or control it was read from', () => {
    const { doc } = screenDocumentOf(fixture);
    const reader = detectScreen(doc);
    if (!reader) return;
    for (const { element, parts, record, cells } of reader.read(doc).records) {
      for (const [field, get] of Object.entries(FACT_OF)) {
        if (get(record) === undefined) continue;
        const cell = cells?.[field as keyof typeof FACT_OF];
        expect(cell, `${field} of ${element.tagName}`).toBeDefined();
        // a grid's cell lies in its row (in one of its parts, for a row split by pinned columns); a form's control in the document
        if (record.kind !== 'approval' && record.kind !== 'contract-form') expect((parts ?? [element]).some((p) => p.contains(cell!))).toBe(true);
        else expect(cell!.isConnected || doc.contains(cell!)).toBe(true);
      }
    }
  });
});
