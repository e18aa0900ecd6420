// What every reader makes of a page, as text: the screen detected, each grid header's label → field
// mapping, the labels no field took, ambiguous fields, the records and the findings (judged with an
// empty context: no profile, no mirror). Used by `npm run read-page -- <saved.html>`, so a user's saved
// page (or the extension's snapshot of it) becomes a test.
import { buildSubjects } from '@/utils/content/subjects';
import type { ContextResponse } from '@/utils/messages';
import { judgeScreen } from '@/utils/rules';
import { maskTckn } from '@/utils/domain/core';
import { detectScreen, SCREENS } from './index';
import { locateGrids, type CompiledGridSpec } from './grid';
import { NEW_CONTRACTS_GRID } from './new-contracts';
import { OLD_CONTRACTS_GRID } from './old-contracts';
import { OLD_WORKPLACE_SELECT_GRID } from './old-workplace-select';
import { PUBLIC_INSTITUTIONS_GRID } from './public-institutions';

const GRID_SPECS: Record<string, () => CompiledGridSpec<string>> = {
  'old-contracts': OLD_CONTRACTS_GRID as () => CompiledGridSpec<string>,
  'new-contracts': NEW_CONTRACTS_GRID as () => CompiledGridSpec<string>,
  'public-institutions': PUBLIC_INSTITUTIONS_GRID as () => CompiledGridSpec<string>,
  'old-workplace-select': OLD_WORKPLACE_SELECT_GRID as () => CompiledGridSpec<string>,
};

const EMPTY_CONTEXT: ContextResponse = { assignments: [], disabledRules: [], language: 'tr' } as unknown as ContextResponse;

export interface PageReport {
  screen?: string;
  grids: { mapping: { label: string; field?: string }[]; unplaced: string[]; ambiguous: string[] }[];
  /** `parts`: how many row elements the record spans (pinned columns), when more than one */
  records: { element: string; parts?: number; record: unknown; status: string; rules: string; findings: string[] }[];
  pageFindings: string[];
  /** the page's frames inlined as `<iframe srcdoc>` (the extension's snapshot keeps same-origin frames so), each read the same way */
  frames: ({ frame: string } & PageReport)[];
}

export interface ReadPageOptions {
  /** parses a frame's srcdoc into an inert document (no scripts run); default: the global DOMParser */
  parse?: (html: string) => Document;
}

/** Frames nested deeper than this, or more of them than MAX_FRAMES, are left out of the report. */
const MAX_FRAME_DEPTH = 6;
const MAX_FRAMES = 50;

function defaultParse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function frameName(frame: Element, i: number): string {
  const name = frame.getAttribute('name') || frame.getAttribute('title') || frame.getAttribute('id') || frame.getAttribute('src') || '';
  return maskText(`${i + 1}${name ? ` (${name.length > 60 ? `${name.slice(0, 60)}…` : name})` : ''}`);
}

/** Eleven-digit runs (T.C. numbers) masked in free text. */
function maskText(text: string): string {
  return text.replace(/(?<!\d)[1-9]\d{10}(?!\d)/g, (m) => maskTckn(m));
}

function describe(el: Element): string {
  const text = maskText((el.textContent ?? '').replace(/\s+/g, ' ').trim());
  return `<${el.tagName.toLowerCase()}> ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

/** T.C. numbers masked in what is printed (the report may be pasted into a bug report). */
function masked(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (k, v: unknown) => (k === 'tckn' && typeof v === 'string' ? maskTckn(v) : v));
}

/**
 * Runs every reader on `root` and judges what the detected screen gives; then the same for each
 * frame inlined as `<iframe srcdoc>` (nested frames too).
 */
export function readPage(root: ParentNode, options: ReadPageOptions = {}): PageReport {
  const budget = { frames: MAX_FRAMES };
  return readOne(root, options.parse ?? defaultParse, 0, budget);
}

function readOne(root: ParentNode, parse: (html: string) => Document, depth: number, budget: { frames: number }): PageReport {
  const report = readScreens(root);
  if (depth >= MAX_FRAME_DEPTH) return report;
  Array.from(root.querySelectorAll('iframe[srcdoc], frame[srcdoc]')).forEach((frame, i) => {
    if (budget.frames-- <= 0) return;
    let doc: Document;
    try {
      doc = parse(frame.getAttribute('srcdoc') ?? '');
    } catch {
      return;
    }
    report.frames.push({ frame: frameName(frame, i), ...readOne(doc, parse, depth + 1, budget) });
  });
  return report;
}

function readScreens(root: ParentNode): PageReport {
  const reader = detectScreen(root);
  const report: PageReport = { screen: reader?.id, grids: [], records: [], pageFindings: [], frames: [] };
  // every grid any reader recognises, with its mapping, also when no screen was detected
  for (const [id, spec] of Object.entries(GRID_SPECS)) {
    if (reader && reader.id !== id) continue;
    for (const grid of locateGrids(root, spec())) {
      const byPos = new Map([...grid.header.fields].map(([f, pos]) => [pos, f]));
      report.grids.push({
        mapping: grid.header.columns.filter((c) => c.raw !== '').map((c) => ({ label: c.raw, field: byPos.get(c.position) })),
        unplaced: grid.header.unplaced,
        ambiguous: grid.header.ambiguous,
      });
    }
  }
  if (!reader) return report;
  const read = reader.read(root);
  const built = buildSubjects(read, new Map(), EMPTY_CONTEXT);
  const judged = judgeScreen(built.subjects, { workplaces: built.workplaces });
  read.records.forEach((r, i) => {
    const j = judged.records[i]!;
    report.records.push({
      element: describe(r.element),
      ...(r.parts && r.parts.length > 1 ? { parts: r.parts.length } : {}),
      record: masked(r.record),
      status: j.status,
      rules: j.rules,
      findings: j.findings.map((f) => maskText(`${f.ruleId} (${f.result}): ${f.message.tr} [${f.citation}]`)),
    });
  });
  report.pageFindings = judged.pageFindings.map((f) => `${f.ruleId} (${f.result}${f.role ? `, ${f.role}` : ''}): ${f.message.tr}`);
  return report;
}

/** The report as the CLI prints it (frames after the page, indented). */
export function formatPageReport(report: PageReport): string {
  const out = [formatOne(report)];
  const frames = (r: PageReport, indent: string) => {
    for (const f of r.frames) {
      out.push(`\n${indent}Çerçeve / frame ${f.frame}:`);
      out.push(formatOne(f).replace(/^(?=.)/gm, `${indent}  `));
      frames(f, `${indent}  `);
    }
  };
  frames(report, '');
  return out.join('\n');
}

function formatOne(report: PageReport): string {
  const out: string[] = [];
  out.push(`Ekran / screen: ${report.screen ?? '(tanınmadı / none)'}`);
  report.grids.forEach((g, i) => {
    out.push(`\nTablo / grid ${i + 1}: sütunlar / columns`);
    for (const m of g.mapping) out.push(`  ${m.label} → ${m.field ?? '(yerleştirilemedi / unplaced)'}`);
    if (g.unplaced.length) out.push(`  yerleştirilemeyen / unplaced: ${g.unplaced.join(' | ')}`);
    if (g.ambiguous.length) out.push(`  belirsiz (okunmadı) / ambiguous (not read): ${g.ambiguous.join(', ')}`);
  });
  out.push(`\nKayıtlar / records: ${report.records.length}`);
  report.records.forEach((r, i) => {
    out.push(`\n#${i + 1} ${r.element}${r.parts ? ` (${r.parts} satır parçası / row parts)` : ''}`);
    out.push(`  status=${r.status} rules="${r.rules}"`);
    out.push(`  ${JSON.stringify(r.record)}`);
    for (const f of r.findings) out.push(`  - ${f}`);
  });
  if (report.pageFindings.length) {
    out.push('\nSayfa bulguları / page findings:');
    for (const f of report.pageFindings) out.push(`  - ${f}`);
  }
  return out.join('\n');
}

export { SCREENS };
