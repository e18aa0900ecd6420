// Writes the extension's public output into a portal page (PAGE-CONTRACT.md): data-katip-* on the
// document and on each judged record; on the cell a finding is about, an outline and a marker (a
// light, empty element whose icon comes from the page stylesheet). Rows that pass carry no marker
// unless the user asked for them (showPassing), and an ended or cancelled contract is never called
// "Uygun". One shared tooltip (tooltip.ts) tells a marker's findings. Every element and attribute
// this module writes carries the writer's instance token, so an orphaned content script removes
// exactly its own marks.
import type { Bilingual, Finding, RecordStatus, RuleId } from '../rules/types';
import type { CellField, ScreenId, WorkplaceFacts } from '../records';
import { severityLabel, t, type Lang } from '../i18n/page';
import type { Tone } from './icons';
import { PAGE_CSS } from './styles';
import { installTooltip, removeTooltip, type MarkerState } from './tooltip';

export const UI_ATTR = 'data-katip-ui';
export const RECORD_ATTRS = ['data-katip-status', 'data-katip-rules'] as const;
export const CELL_ATTR = 'data-katip-cell';
/**
 * A light mark: on the cell a marker would go in, its tone; the page stylesheet draws the icon as the
 * cell's background. Big grids get light marks only: any element put into a table cell makes the
 * browser lay the whole table out again (measured in Chromium on a 2,000-row grid: 130 ms of layout
 * and 50-100 ms of paint for 2,000 markers, 20-30 ms even for 40), an attribute costs none.
 */
export const MARK_ATTR = 'data-katip-mark';
/** From this many records on, a grid gets light marks (a portal page shows 10 to 100 rows). */
export const LIGHT_FROM = 200;

export interface RecordMark {
  status: RecordStatus;
  rules: string;
  findings: Finding[];
}

export interface MarkText {
  language: Lang;
  ruleTitle(id: RuleId): Bilingual;
}

export interface MarkOptions {
  text: MarkText;
  screen: ScreenId;
  /** badge passing records too (Settings.showPassing) */
  showPassing: boolean;
  /** the workplace the record belongs to, as the page shows it ("Profil ekle" pre-fills it) */
  workplace?: WorkplaceFacts;
  /** the record is an ended or cancelled contract: never "Uygun" */
  inactive?: boolean;
  /** light marks (MARK_ATTR on cells) instead of marker elements: a big grid */
  light?: boolean;
  /**
   * with light marks: false for a row out of view. It gets its PAGE-CONTRACT attributes now and its
   * cells' marks (light mark, outline) only once revealRecord says it is shown: on a 20,000-row
   * table any cell whose style changes costs Chromium a long rendering task, whereas the record's
   * attributes (no style depends on them) cost none.
   */
  shown?: boolean;
  /**
   * the document is observed (the content script): a record marked from these very cells was not
   * touched since (any change in a row makes the scanner read it again, with new cells), so its
   * marks are taken as still in place without looking
   */
  observed?: boolean;
}

/** The fact each rule is about: its finding outlines that cell (or form field). */
export const FIELD_OF_RULE: Partial<Record<string, CellField>> = {
  'minutes-below-minimum': 'minutes',
  'over-capacity': 'minutes',
  'full-time-required': 'minutes',
  'certificate-class': 'certificateText',
  'tckn-invalid': 'tckn',
  'sicil-malformed': 'sicilNo',
  'nace-malformed': 'naceText',
  'nace-not-listed': 'naceText',
  'nace-sicil-mismatch': 'naceText',
  'nace-class-mismatch': 'hazardText',
  'hazard-class-unknown': 'hazardText',
  'portal-verdict-differs': 'contractState',
};

export function markDocument(doc: Document, screen: ScreenId, scanMs: number): void {
  const html = doc.documentElement;
  if (html.getAttribute('data-katip-screen') !== screen) html.setAttribute('data-katip-screen', screen);
  html.setAttribute('data-katip-scan-ms', String(Math.round(scanMs * 10) / 10));
}

export function unmarkDocument(doc: Document): void {
  doc.documentElement.removeAttribute('data-katip-screen');
  doc.documentElement.removeAttribute('data-katip-scan-ms');
}

/** True for nodes the extension itself put into the page (the observer ignores them). */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(UI_ATTR);
}

/** What was written on a record, to update only what changed and to undo it exactly. */
interface Written {
  status: string;
  rules: string;
  markers: HTMLElement[];
  cells: Element[];
  /** cells carrying a light mark */
  lit: Element[];
  /** what the marks were written from: the same again writes nothing */
  from?: { mark: RecordMark; cells: MarkCells | undefined; opts: string; workplace: WorkplaceFacts | undefined };
  /** a big grid's row out of view: its cells' marks, drawn when it is shown (revealRecord) */
  pending?: () => void;
}

type MarkCells = Partial<Record<CellField, Element>>;

/** The options that change what a record's marks say, as a string. */
function optionsKey(opts: MarkOptions): string {
  return `${opts.text.language}|${opts.screen}|${opts.showPassing ? 1 : 0}|${opts.inactive ? 1 : 0}|${opts.light ? 1 : 0}`;
}

/** True when the record's marks were written from this very mark and are all still in place. */
function unchanged(el: Element, prev: Written | undefined, mark: RecordMark, cells: MarkCells | undefined, opts: MarkOptions): boolean {
  const from = prev?.from;
  if (!from || from.mark !== mark || from.cells !== cells || from.workplace !== opts.workplace || from.opts !== optionsKey(opts)) return false;
  if (opts.observed && cells) return true;
  if (el.getAttribute('data-katip-status') !== mark.status || el.getAttribute('data-katip-rules') !== mark.rules) return false;
  for (const m of prev!.markers) if (!m.isConnected) return false;
  for (const c of prev!.cells) if (!c.isConnected || !c.hasAttribute(CELL_ATTR)) return false;
  for (const c of prev!.lit) if (!c.isConnected || !c.hasAttribute(MARK_ATTR)) return false;
  return true;
}
const written = new WeakMap<Element, Written>();
/** cells this script outlined (their data-katip-cell is its own) */
const outlinedCells = new WeakSet<Element>();
/** cells this script gave a light mark */
const litCells = new WeakSet<Element>();

export function ownsCell(el: Element): boolean {
  return outlinedCells.has(el);
}

export function ownsLight(el: Element): boolean {
  return litCells.has(el);
}

function clearLight(cell: Element): void {
  cell.removeAttribute(MARK_ATTR);
  litCells.delete(cell);
  markerState.delete(cell);
}

/** The tone of a group of findings: its worst. */
function toneOf(findings: readonly Finding[]): Tone {
  if (findings.some((f) => f.result === 'fail' && f.severity === 'error')) return 'error';
  if (findings.some((f) => f.result === 'fail')) return 'warn';
  return findings.length ? 'unknown' : 'ok';
}

const isRow = (el: Element) => el.tagName === 'TR' || el.getAttribute('role') === 'row';

/**
 * Marks one record: its PAGE-CONTRACT attributes, the outline on each faulty cell, and markers — one
 * per faulty cell (the first also tells the record's other findings), or one quiet marker when the
 * record only lacks data. `cells` are where the reader found each fact.
 */
export function markRecord(
  el: Element,
  mark: RecordMark,
  cells: Partial<Record<CellField, Element>> | undefined,
  opts: MarkOptions,
): void {
  const doc = el.ownerDocument;
  const prev = written.get(el);
  ensurePageStyles(doc);
  // a row the last check marked from the same verdict: nothing to write (a postback re-judges 50 rows, not 2,000)
  if (unchanged(el, prev, mark, cells, opts)) {
    if (opts.shown !== false) revealRecord(el);
    return;
  }
  if (el.getAttribute('data-katip-status') !== mark.status) el.setAttribute('data-katip-status', mark.status);
  if (el.getAttribute('data-katip-rules') !== mark.rules) el.setAttribute('data-katip-rules', mark.rules);
  const from = { mark, cells, opts: optionsKey(opts), workplace: opts.workplace };
  if (opts.light && opts.shown === false) {
    // out of view: the cells of an older verdict lose their marks (never a stale one), the new ones wait
    if (prev) clearCells(prev);
    written.set(el, { status: mark.status, rules: mark.rules, markers: [], cells: [], lit: [], from, pending: () => drawCells(el, mark, cells, opts, from) });
    return;
  }
  drawCells(el, mark, cells, opts, from);
}

/** Draws a big grid's row marks kept for when it is shown (nothing when they are drawn already). */
export function revealRecord(el: Element): void {
  const entry = written.get(el);
  const draw = entry?.pending;
  if (!draw) return;
  entry.pending = undefined;
  draw();
}

function clearCells(prev: Written): void {
  for (const m of prev.markers) m.remove();
  for (const c of prev.cells) {
    c.removeAttribute(CELL_ATTR);
    outlinedCells.delete(c);
  }
  for (const c of prev.lit) clearLight(c);
}

/** The record's cell outlines and its markers or light marks; `written` keeps what was drawn. */
function drawCells(el: Element, mark: RecordMark, cells: MarkCells | undefined, opts: MarkOptions, from: NonNullable<Written['from']>): void {
  const doc = el.ownerDocument;
  const prev = written.get(el);

  // findings grouped by the cell they are about (null: no cell, e.g. a missing fact)
  const groups = new Map<Element | null, Finding[]>();
  for (const f of mark.findings) {
    const field = f.result === 'fail' ? FIELD_OF_RULE[f.ruleId] : undefined;
    const cell = (field && cells?.[field]) || null;
    const cellOk = cell && cell.isConnected && el.ownerDocument === cell.ownerDocument ? cell : null;
    const list = groups.get(cellOk) ?? [];
    list.push(f);
    groups.set(cellOk, list);
  }
  const faulty = [...groups.keys()].filter((c): c is Element => c !== null);
  const loose = groups.get(null) ?? [];
  const wanted: { anchor: Element | null; findings: Finding[]; tone: Tone; first: boolean }[] = faulty.map((cell, i) => ({
    anchor: cell,
    findings: i === 0 ? [...groups.get(cell)!, ...loose] : groups.get(cell)!,
    tone: toneOf(groups.get(cell)!),
    first: i === 0,
  }));
  if (!faulty.length && loose.length) wanted.push({ anchor: null, findings: loose, tone: toneOf(loose), first: true });
  if (!mark.findings.length && opts.showPassing && !opts.inactive) wanted.push({ anchor: null, findings: [], tone: 'ok', first: true });

  // cell outlines: set the wanted, clear the rest
  const outlined: Element[] = [];
  for (const cell of faulty) {
    const tone = toneOf(groups.get(cell)!);
    if (tone === 'unknown') continue;
    if (cell.getAttribute(CELL_ATTR) !== tone) cell.setAttribute(CELL_ATTR, tone);
    outlined.push(cell);
    outlinedCells.add(cell);
  }
  for (const cell of prev?.cells ?? []) {
    if (outlined.includes(cell)) continue;
    cell.removeAttribute(CELL_ATTR);
    outlinedCells.delete(cell);
  }

  const stateOf = (w: (typeof wanted)[number]): MarkerState => ({
    findings: w.findings,
    tone: w.tone,
    text: opts.text,
    screen: opts.screen,
    ...(opts.workplace ? { workplace: opts.workplace } : {}),
    record: mark,
  });
  const markers: HTMLElement[] = [];
  const lit: Element[] = [];
  const old = prev?.markers ?? [];
  if (opts.light) {
    // light marks: the tone on the cell, no element in the table (no layout)
    for (const w of wanted) {
      const cell = w.anchor ?? fallbackPlace(el).el;
      if (lit.includes(cell)) continue;
      if (cell.getAttribute(MARK_ATTR) !== w.tone) cell.setAttribute(MARK_ATTR, w.tone);
      markerState.set(cell, stateOf(w));
      litCells.add(cell);
      lit.push(cell);
    }
    for (const m of old) m.remove();
  } else {
    // markers: reuse the ones written before, in order
    wanted.forEach((w, i) => {
      let m = old[i];
      if (!m || !m.isConnected) m = doc.createElement('span');
      placeMarker(el, m, w.anchor);
      writeMarker(m, stateOf(w), w.first, mark.findings.length);
      markers.push(m);
    });
    for (const m of old.slice(wanted.length)) m.remove();
  }
  for (const c of prev?.lit ?? []) if (!lit.includes(c)) clearLight(c);
  written.set(el, { status: mark.status, rules: mark.rules, markers, cells: outlined, lit, from });
}

function placeMarker(record: Element, marker: HTMLElement, anchor: Element | null): void {
  if (anchor) {
    if (isRow(record) && !FORM_CONTROLS.has(anchor.tagName)) {
      if (marker.parentElement !== anchor || marker !== anchor.lastElementChild) anchor.append(marker);
    } else if (anchor.nextElementSibling !== marker) {
      anchor.after(marker);
    }
    return;
  }
  const place = fallbackPlace(record);
  if (place.inside) {
    if (marker.parentElement !== place.el) place.el[place.first ? 'prepend' : 'append'](marker);
  } else if (place.el.previousElementSibling !== marker) {
    place.el.before(marker);
  }
}

const FORM_CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'IMG']);
const TABLE_PARTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'DL', 'UL', 'OL', 'SELECT']);

/** Where a record's marker goes when no cell is named: a row's first shown cell; before a form. */
function fallbackPlace(record: Element): { el: Element; inside: boolean; first?: boolean } {
  if (isRow(record)) {
    // the row's own cells first (no selector engine: this runs for every marked row)
    for (let c = record.firstElementChild; c; c = c.nextElementSibling) {
      const cell = c.tagName === 'TD' || c.tagName === 'TH' || c.getAttribute('role') === 'gridcell' || c.getAttribute('role') === 'cell';
      const h = c as HTMLElement;
      if (cell && !h.hidden && h.style?.display !== 'none') return { el: c, inside: true };
    }
    const nested = record.querySelector('[role="gridcell"], [role="cell"]');
    return { el: nested ?? record, inside: true };
  }
  let anchor: Element = record;
  while (TABLE_PARTS.has(anchor.tagName) && anchor.parentElement && TABLE_PARTS.has(anchor.parentElement.tagName)) anchor = anchor.parentElement;
  return TABLE_PARTS.has(anchor.tagName) ? { el: anchor, inside: false } : { el: anchor, inside: true, first: true };
}

const markerState = new WeakMap<Element, MarkerState>();

export function stateOfMarker(el: Element): MarkerState | undefined {
  return markerState.get(el);
}

function writeMarker(m: HTMLElement, state: MarkerState, first: boolean, total: number): void {
  markerState.set(m, state);
  const set = (name: string, value: string | null) => {
    if (value === null) {
      if (m.hasAttribute(name)) m.removeAttribute(name);
    } else if (m.getAttribute(name) !== value) m.setAttribute(name, value);
  };
  set(UI_ATTR, 'mark');
  set('data-katip-tone', state.tone);
  set('role', 'button');
  set('aria-haspopup', 'dialog');
  // one tab stop per record: its first marker, which tells all of the record's findings
  set('tabindex', first ? '0' : '-1');
  const failed = state.findings.filter((f) => f.result === 'fail').length;
  set('data-katip-count', failed > 1 ? String(failed) : null);
  set('aria-label', accessibleName(state, first ? total : state.findings.length));
}

function accessibleName(state: MarkerState, count: number): string {
  const lang = state.text.language;
  const s = severityLabel(lang, state.tone === 'unknown' ? 'needs-data' : state.tone);
  const titles = [...new Set(state.findings.map((f) => state.text.ruleTitle(f.ruleId)[lang]))].join('; ');
  return `${t(lang, 'appName')}: ${s.word}${count > 1 ? ` (${count})` : ''}${titles ? `. ${titles}` : ''}`;
}

/**
 * Marks one more part of a record split in several row elements (pinned columns): the record's
 * PAGE-CONTRACT attributes only; its markers and cell outlines are written once, by markRecord on
 * the record's element (cells in any part).
 */
export function markRecordPart(el: Element, mark: RecordMark): void {
  const prev = written.get(el);
  if (prev && (prev.markers.length || prev.cells.length || prev.lit.length)) unmarkRecord(el); // a recycled element that was a record of its own
  if (el.getAttribute('data-katip-status') !== mark.status) el.setAttribute('data-katip-status', mark.status);
  if (el.getAttribute('data-katip-rules') !== mark.rules) el.setAttribute('data-katip-rules', mark.rules);
  written.set(el, { status: mark.status, rules: mark.rules, markers: [], cells: [], lit: [] });
}

export function unmarkRecord(el: Element): void {
  for (const a of RECORD_ATTRS) el.removeAttribute(a);
  const prev = written.get(el);
  if (!prev) return;
  clearCells(prev);
  written.delete(el);
}

/** The elements whose record attributes this script wrote and still holds (for stripping forgeries). */
export function wroteRecord(el: Element): boolean {
  return written.has(el);
}

/** Removes every mark this script wrote in a document (screen gone, extension reloaded). */
export function unmarkAll(doc: Document, records: Iterable<Element>): void {
  unmarkDocument(doc);
  for (const el of records) unmarkRecord(el);
  pageStyles.get(doc)?.remove();
  pageStyles.delete(doc);
  removeTooltip(doc);
}

/** The page stylesheet of each document: one per script instance, put back when the portal drops it. */
const pageStyles = new WeakMap<Document, HTMLStyleElement>();

function ensurePageStyles(doc: Document): void {
  // the tooltip's host lives in <body>: a page that replaces its body (an SPA) takes it away
  installTooltip(doc);
  if (pageStyles.get(doc)?.isConnected) return;
  const style = doc.createElement('style');
  style.setAttribute(UI_ATTR, 'styles');
  style.textContent = PAGE_CSS();
  (doc.head ?? doc.documentElement).append(style);
  pageStyles.set(doc, style);
}
