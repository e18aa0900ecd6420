// A page report too big for one message (a 20,000-row list) travels in parts: at most
// REPORT_PART_RECORDS records and REPORT_PART_FINDINGS findings each, in order, all naming the
// same part id. Each part keeps the page-wide facts and findings; record findings keep their
// page-wide recordIndex. The background applies each part to the mirror on its own (idempotent)
// and appends it to the tab's report. No zod here: the content script imports this.
import type { PageReport } from './messages';

/** records per message part (the background refuses more than MAX_RECORDS_PER_MESSAGE) */
export const REPORT_PART_RECORDS = 2000;
/** findings per message part */
export const REPORT_PART_FINDINGS = 10000;
export const MAX_RECORDS_PER_MESSAGE = 5000;
export const MAX_FINDINGS_PER_MESSAGE = 20000;
/** parts of one report (2,000 × 5,000 = 10 million records) */
export const MAX_REPORT_PARTS = 5000;

export interface ReportPart {
  /** the same for every part of one report */
  id: string;
  index: number;
  count: number;
  /** page-wide index of the part's first record */
  offset: number;
  /** records of the whole report */
  total: number;
}

let counter = 0;
function partId(): string {
  counter = (counter + 1) % 1e9;
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The messages to send for a report, in order: the report itself when it fits in one message,
 * else its parts. Send every one of them (fire and forget is fine: the background keeps order).
 */
export function splitPageReport(
  report: PageReport,
  limits: { records?: number; findings?: number } = {},
): PageReport[] {
  const maxRecords = Math.max(1, Math.min(limits.records ?? REPORT_PART_RECORDS, MAX_RECORDS_PER_MESSAGE));
  const maxFindings = Math.max(1, Math.min(limits.findings ?? REPORT_PART_FINDINGS, MAX_FINDINGS_PER_MESSAGE));
  const { part: _ignored, ...whole } = report;
  if (whole.records.length <= maxRecords && whole.findings.length <= maxFindings) return [whole];

  const pageFindings: PageReport['findings'] = [];
  const byRecord = new Map<number, PageReport['findings']>();
  for (const finding of whole.findings) {
    if (finding.recordIndex === undefined) pageFindings.push(finding);
    else {
      let list = byRecord.get(finding.recordIndex);
      if (!list) byRecord.set(finding.recordIndex, (list = []));
      list.push(finding);
    }
  }
  const room = Math.max(1, maxFindings - pageFindings.length);
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  let findings = 0;
  for (let i = 0; i < whole.records.length; i++) {
    const n = byRecord.get(i)?.length ?? 0;
    if (i > from && (i - from >= maxRecords || findings + n > room)) {
      ranges.push({ from, to: i });
      from = i;
      findings = 0;
    }
    findings += n;
  }
  ranges.push({ from, to: whole.records.length });
  // findings that name a record the report does not hold travel with the last part
  const stray = [...byRecord.entries()].filter(([i]) => i >= whole.records.length).flatMap(([, list]) => list);

  const id = partId();
  return ranges.map(({ from: start, to }, index) => {
    const own: PageReport['findings'] = [];
    for (let i = start; i < to; i++) own.push(...(byRecord.get(i) ?? []));
    if (index === ranges.length - 1) own.push(...stray);
    return {
      ...whole,
      records: whole.records.slice(start, to),
      findings: [...own, ...pageFindings],
      part: { id, index, count: ranges.length, offset: start, total: whole.records.length },
    };
  });
}
