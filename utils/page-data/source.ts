// What the scanner asks of the page's own data (ScannerDeps.pageData): the last contract-list answer
// the page received at its current address, turned into records once, and the two uses of it:
// joined into the table's rows, or standing in for a table that was not recognised.
import type { PageRecord, ScreenRead } from '@/utils/records';
import { contractRecordsOf, joinPageData, pageDataOnlyRead, type JoinResult } from './join';
import { listenForPageData, type PageDataAnswerRead } from './receiver';

export interface PageDataSource {
  /**
   * The read to judge: the table's read with the JSON's facts joined in, or (no table recognised)
   * the JSON's records alone with `marked: false`. Undefined when the page received no list here.
   */
  apply(read: ScreenRead | undefined, doc: Document): (JoinResult & { marked: boolean }) | undefined;
  stop(): void;
}

interface Held {
  answer: PageDataAnswerRead;
  /** the page's address when the answer came: an SPA that moves on leaves the answer behind */
  href: string;
  records: PageRecord[];
}

/** Listens on `win` for the observer's copies and calls `onChange` after each accepted answer. */
export function createPageDataSource(win: Window, onChange: () => void): PageDataSource {
  let held: Held | undefined;
  const listener = listenForPageData(win, (answer) => {
    if (answer.endpoint !== 'contracts') return;
    held = { answer, href: win.location.href, records: contractRecordsOf(answer) };
    onChange();
  });
  return {
    apply(read, doc) {
      if (!held || held.href !== win.location.href || held.records.length === 0) return undefined;
      if (read) return { ...joinPageData(read, held.records), marked: true };
      const alone = pageDataOnlyRead(doc, held.records, held.answer);
      return alone && { ...alone, marked: false };
    },
    stop: () => listener.stop(),
  };
}
