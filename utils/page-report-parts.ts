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
export function splitPageReport(report: PageReport, limits: { records?: number; findings?: number } = {}): PageReport[] {
  const plan = planPageReport(report, limits);
  return Array.from({ length: plan.count }, (_, i) => plan.part(i));
}

/** A report's messages, each made only when it is about to be sent (a 20,000-row list: no task copies it all). */
export interface ReportPlan {
  count: number;
  /** the message at `index` (0 ≤ index < count), as splitPageReport gives it */
  part(index: number): PageReport;
}

/** Plans splitPageReport's messages: which records (and findings) go in each, made on demand. */
export function planPageReport(report: PageReport, limits: { records?: number; findings?: number } = {}): ReportPlan {
  const maxRecords = Math.max(1, Math.min(limits.records ?? REPORT_PART_RECORDS, MAX_RECORDS_PER_MESSAGE));
  const maxFindings = Math.max(1, Math.min(limits.findings ?? REPORT_PART_FINDINGS, MAX_FINDINGS_PER_MESSAGE));
  const { part: _ignored, ...whole } = report;
  if (whole.records.length <= maxRecords && whole.findings.length <= maxFindings) return { count: 1, part: () => whole };

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
  const stray = () => [...byRecord.entries()].filter(([i]) => i >= whole.records.length).flatMap(([, list]) => list);

  const id = partId();
  return {
    count: ranges.length,
    part(index) {
      const { from: start, to } = ranges[index]!;
      const own: PageReport['findings'] = [];
      for (let i = start; i < to; i++) {
        const list = byRecord.get(i);
        if (list) for (const f of list) own.push(f);
      }
      if (index === ranges.length - 1) own.push(...stray());
      return {
        ...whole,
        records: whole.records.slice(start, to),
        findings: [...own, ...pageFindings],
        part: { id, index, count: ranges.length, offset: start, total: whole.records.length },
      };
    },
  };
}

// ---- the texts of findings, sent once per message ----
//
// A long list repeats the same few finding texts on thousands of records (every row of a page
// whose workplace is unknown says "Tehlike sınıfı bilinmiyor…"): sent as they are, they are ~85 %
// of a 2,000-record part (3.1 of 3.6 MB), copied by the page, the browser and the service worker.
// On the way, each distinct (message, citation) is written once in the message's `texts`, and a
// finding carries its number there (`text`) instead; the background puts them back before it
// checks the message, so everything after the check sees the report as the content script made it.

/** One finding text: what a finding says and its legal basis. */
export interface FindingText {
  message: { tr: string; en: string };
  citation: string;
}

type Finding = PageReport['findings'][number];
/** A finding on the way: its texts by number. */
export type PackedFinding = Omit<Finding, 'message' | 'citation'> & { text: number };
/** A page report on the way: findings with their texts by number, the texts once. */
export type PackedPageReport = Omit<PageReport, 'findings'> & { findings: PackedFinding[]; texts: FindingText[] };

/** The report with every distinct finding text written once (`texts`) and findings naming theirs by number. */
export function packFindingTexts(report: PageReport): PackedPageReport {
  const numbers = new Map<string, number>();
  // the records of one workplace share their message objects: one lookup by the object, not by its words
  const byMessage = new Map<object, { citation: string; text: number }>();
  const texts: FindingText[] = [];
  const findings = report.findings.map((finding): PackedFinding => {
    const { message, citation, ...rest } = finding;
    const seen = byMessage.get(message);
    if (seen && seen.citation === citation) return { ...rest, text: seen.text };
    // \u0000 never occurs in a finding's text: the three parts cannot run into each other
    const key = `${message.tr}\u0000${message.en}\u0000${citation}`;
    let text = numbers.get(key);
    if (text === undefined) {
      text = texts.length;
      numbers.set(key, text);
      texts.push({ message: { tr: message.tr, en: message.en }, citation });
    }
    byMessage.set(message, { citation, text });
    return { ...rest, text };
  });
  return { ...report, findings, texts };
}

/**
 * A message as the content script made it: a packed page report gets its findings' texts back
 * (each finding its own copy of the message object); any other message, or a packed one that is
 * malformed, comes back as it came, for the message check to accept or refuse. Never throws.
 */
export function unpackFindingTexts(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return message;
  const m = message as { type?: unknown; texts?: unknown; findings?: unknown };
  if (m.type !== 'page-report' || !Array.isArray(m.texts) || !Array.isArray(m.findings)) return message;
  const texts = m.texts as unknown[];
  const findings = (m.findings as unknown[]).map((finding) => {
    if (typeof finding !== 'object' || finding === null || !('text' in finding)) return finding;
    const { text: n, ...rest } = finding as { text: unknown };
    const text = Number.isInteger(n) && (n as number) >= 0 ? texts[n as number] : undefined;
    if (typeof text !== 'object' || text === null) return finding;
    const { message: said, citation } = text as { message?: unknown; citation?: unknown };
    if (typeof said !== 'object' || said === null) return finding;
    const { tr, en } = said as { tr?: unknown; en?: unknown };
    return { ...rest, message: { tr, en }, citation };
  });
  const { texts: _texts, ...report } = m;
  return { ...report, findings };
}
