// Shared grid locating for the portal's list screens (Sözleşmeler, İSG Hizmet Sözleşmeleri, Kamu Kurumları Listesi, işyeri seçimi).
//
// Grids are found by their Turkish column LABELS, never by ids or classes: header cells in `th` or
// `td`, a header in its own table above the body table (fixed-header grids), or ARIA grids
// (`role="row"` / `columnheader` / `gridcell`). Each screen declares its columns as label synonyms
// → field; this file turns a page into rows of `field → text` for the screen's own record mapping.
import type { CellField, PageRecord, ReadRecord, RowMemo, ScreenId, ScreenRead, UnreadFact } from '@/utils/record-types';
import { CELL_FIELDS } from '@/utils/record-types';
import { runSteps } from '@/utils/steps';
import {
  foldColumnLabel,
  memoize,
  MAX_LABEL_CHARS,
  matchColumns as matchVocabulary,
  compileVocabulary,
  type Vocabulary,
  type VocabularyColumn,
} from './vocabulary';
import {
  foldLabel,
  normalizeSpaces,
  parseApprovalState,
  parseContractState,
  parseCount,
  parseEmployment,
  parsePersonnel,
  parseTurkishDate,
} from '@/utils/domain/core';

// ---------------------------------------------------------------------------------------------
// Declarations

/** A column of a screen's grid: its field, the labels the portal writes, the party it is about. */
export type ColumnDef<F extends string> = VocabularyColumn<F>;

export interface GridSpec<F extends string> {
  columns: readonly ColumnDef<F>[];
  /** each group needs at least one of its fields among the header's columns */
  required: readonly (readonly F[])[];
  /** how many of the spec's columns a header row must show at least */
  minColumns: number;
  /** labels whose presence in the header row means the grid is another screen's */
  excluded?: readonly string[];
  /** a data row must give a value for at least one of these fields */
  keyFields: readonly F[];
  /** a data row must give at least this many non-empty mapped values (default 2) */
  minValues?: number;
}

export interface CompiledGridSpec<F extends string> {
  vocabulary: Vocabulary<F>;
  required: readonly (readonly F[])[];
  minColumns: number;
  excluded: string[];
  keyFields: readonly F[];
  minValues: number;
}

export { foldColumnLabel };

export function compileGridSpec<F extends string>(spec: GridSpec<F>): CompiledGridSpec<F> {
  return {
    vocabulary: compileVocabulary(spec.columns),
    required: spec.required,
    minColumns: spec.minColumns,
    excluded: (spec.excluded ?? []).map(foldColumnLabel),
    keyFields: spec.keyFields,
    minValues: spec.minValues ?? 2,
  };
}

// ---------------------------------------------------------------------------------------------
// DOM helpers (no `table.rows` / `tr.cells`: happy-dom puts nested tables' rows in them)

const SECTION_TAGS = new Set(['THEAD', 'TBODY', 'TFOOT']);

/** The table's own rows in order, without the rows of tables nested in its cells. */
export function ownRows(table: Element, limit = Infinity): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child && rows.length < limit; child = child.nextElementSibling) {
    if (child.tagName === 'TR') rows.push(child);
    else if (SECTION_TAGS.has(child.tagName)) {
      for (let tr = child.firstElementChild; tr && rows.length < limit; tr = tr.nextElementSibling) {
        if (tr.tagName === 'TR') rows.push(tr);
      }
    }
  }
  return rows;
}

const CELL_ROLES = new Set(['gridcell', 'cell', 'rowheader', 'columnheader']);

/** The row's own cells: `td`/`th` children of a `tr`, or the ARIA cells whose row is this row. */
export function ownCells(row: Element): Element[] {
  if (row.tagName === 'TR') {
    const cells: Element[] = [];
    for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'TD' || c.tagName === 'TH') cells.push(c);
    return cells;
  }
  const cells: Element[] = [];
  for (const c of Array.from(row.querySelectorAll('[role]'))) {
    if (CELL_ROLES.has(c.getAttribute('role') ?? '') && c.parentElement?.closest('[role="row"]') === row) cells.push(c);
  }
  // virtualising grids may render cells out of order: aria-colindex then gives the column
  if (cells.length > 1 && cells.every((c) => c.hasAttribute('aria-colindex'))) {
    cells.sort((a, b) => Number(a.getAttribute('aria-colindex')) - Number(b.getAttribute('aria-colindex')));
  }
  return cells;
}

/**
 * The cells of one logical row rendered in several row elements (pinned columns): the parts' own
 * cells in document order, or by aria-colindex when every cell has one.
 */
export function joinedCells(parts: readonly Element[]): Element[] {
  if (parts.length === 1) return ownCells(parts[0]!);
  const cells = parts.flatMap(ownCells);
  if (cells.length > 1 && cells.every((c) => c.hasAttribute('aria-colindex'))) {
    cells.sort((a, b) => Number(a.getAttribute('aria-colindex')) - Number(b.getAttribute('aria-colindex')));
  }
  return cells;
}

function partOf(cell: Element, parts: readonly Element[] | undefined): Element | undefined {
  return parts?.find((p) => p.contains(cell));
}

/**
 * What ties the parts of a split row together: the grid's row index or key, shared by the pinned
 * and the centre row elements (AG Grid's row-index / row-id, aria-rowindex, Ant Design's
 * data-row-key, PrimeFaces' data-ri, …). Undefined for a row without one.
 */
const ROW_KEY_ATTRIBUTES = ['data-row-key', 'row-id', 'row-index', 'aria-rowindex', 'data-rowindex', 'data-row-index', 'data-ri'] as const;

export function rowKey(row: Element): string | undefined {
  for (const name of ROW_KEY_ATTRIBUTES) {
    const v = row.getAttribute(name);
    if (v !== null && v !== '') return `${name}=${v.length > 200 ? v.slice(0, 200) : v}`;
  }
  return undefined;
}

/** Hidden by markup (no computed style: that would cost a layout per cell). */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // an inline display lives in the style attribute: without one, no style object is built
  if (!el.hasAttribute('style')) return false;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none';
}

/**
 * Hidden by markup or by the page's CSS: the engine's own answer (`checkVisibility()`) where it has
 * one, the markup otherwise. Asked only of a matched header's cells (a few dozen per grid).
 */
export function isHiddenColumn(cell: Element): boolean {
  if (isHiddenByMarkup(cell)) return true;
  const check = (cell as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check !== 'function' || !cell.isConnected) return false;
  try {
    return !check.call(cell);
  } catch {
    return false;
  }
}

function colSpan(cell: Element): number {
  const name = cell.tagName === 'TD' || cell.tagName === 'TH' ? 'colspan' : 'aria-colspan';
  if (!cell.hasAttribute(name)) return 1;
  const n = Number(cell.getAttribute(name));
  return Number.isInteger(n) && n > 1 ? Math.min(n, 100) : 1;
}

/** Longest cell text looked at: a value is never longer (records keep 2,000 characters). */
const MAX_CELL_CHARS = 4000;

function capped(text: string): string {
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

/** Control words a cell may show instead of a value: "(Tümü)", "Seçiniz", "-- Seçiniz --" … */
const PLACEHOLDER_WORDS = new Set(['tumu', 'hepsi', 'seciniz', 'lutfen seciniz', 'secim yapiniz', 'secin', 'all', 'select']);
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A cell's text is a value only when it holds a letter or digit and is not a control's placeholder:
 * "▼", "×", "…", "(Tümü)", "Seçiniz" hold none.
 */
export function meaningfulValue(text: string): string {
  if (text === '' || !HAS_LETTER_OR_DIGIT.test(text)) return '';
  if (text.length <= 24 && isPlaceholderWord(text)) return '';
  return text;
}

/** The short texts of a list repeat on every row (states, roles, dates): each is folded once. */
const isPlaceholderWord = memoize((text: string) => PLACEHOLDER_WORDS.has(foldLabel(text)), 2000);

const SKIPPED_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'OPTION', 'TEXTAREA']);
const VALUE_INPUT_TYPES = new Set(['', 'text', 'search', 'number', 'tel', 'email', 'date', 'datetime-local']);

function collectText(el: Element, out: string[], budget = { left: MAX_CELL_CHARS }): void {
  for (let node = el.firstChild; node && budget.left > 0; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      const t = v.length > budget.left ? v.slice(0, budget.left) : v;
      budget.left -= t.length;
      out.push(t);
    }
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (SKIPPED_TEXT_TAGS.has(child.tagName) || isHiddenByMarkup(child)) continue;
      out.push(' ');
      collectText(child, out, budget);
      out.push(' ');
    }
  }
}

/** The text a form control shows: a select's chosen option, an input's or textarea's value. */
function controlText(cell: Element): string | undefined {
  const control = cell.querySelector('select, input, textarea');
  if (!control) return undefined;
  if (control.tagName === 'SELECT') {
    const select = control as HTMLSelectElement;
    const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
    return option ? normalizeSpaces(option.textContent ?? '') : '';
  }
  if (control.tagName === 'TEXTAREA') return normalizeSpaces((control as HTMLTextAreaElement).value);
  const input = control as HTMLInputElement;
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  if (!VALUE_INPUT_TYPES.has(type)) return undefined;
  return normalizeSpaces(input.value);
}

/**
 * The value a cell shows: its visible text; when it has none, the value of its input or the
 * chosen option of its select. Spaces (NBSP included) collapsed.
 */
export function cellValue(cell: Element): string {
  return readCell(cell).value;
}

/**
 * The column's own name repeated at the start of a cell, as responsive grids print it for narrow
 * screens (`<td><span class="p-column-title">Ad Soyad</span>Berkay Şen</td>`, hidden by a style
 * sheet): an element first in the cell, followed by the value, whose words are the column label's
 * (the whole label, or two words of it or more).
 */
function isRepeatedLabel(first: Element, headerLabel: string): boolean {
  if (first.nextSibling === null || headerLabel === '') return false;
  const text = first.textContent ?? '';
  if (text.length === 0 || text.length > MAX_LABEL_CHARS) return false;
  const folded = foldColumnLabel(text);
  if (folded === '' || !` ${headerLabel} `.includes(` ${folded} `)) return false;
  return folded === headerLabel || folded.includes(' ');
}

/** A cell's value and whether it came from a form control (filter rows hold only controls). */
function readCell(cell: Element, headerLabel = ''): { value: string; fromControl: boolean } {
  const first = cell.firstElementChild;
  if (first === null) return { value: meaningfulValue(normalizeSpaces(capped(cell.textContent ?? ''))), fromControl: false };
  const parts: string[] = [];
  if (first === cell.firstChild && isRepeatedLabel(first, headerLabel)) {
    const budget = { left: MAX_CELL_CHARS };
    for (let n = first.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 3) parts.push(capped(n.nodeValue ?? ''));
      else if (n.nodeType === 1 && !SKIPPED_TEXT_TAGS.has((n as Element).tagName) && !isHiddenByMarkup(n as Element)) {
        parts.push(' ');
        collectText(n as Element, parts, budget);
        parts.push(' ');
      }
    }
    const rest = meaningfulValue(normalizeSpaces(parts.join('')));
    if (rest !== '') return { value: rest, fromControl: false };
    return fromControlOf(cell);
  }
  collectText(cell, parts);
  const text = meaningfulValue(normalizeSpaces(parts.join('')));
  if (text !== '') return { value: text, fromControl: false };
  return fromControlOf(cell);
}

function fromControlOf(cell: Element): { value: string; fromControl: boolean } {
  const control = controlText(cell);
  return { value: control === undefined ? '' : meaningfulValue(capped(control)), fromControl: control !== undefined };
}

// ---------------------------------------------------------------------------------------------
// Header matching

export interface HeaderColumn {
  /** position among the header's columns, colspans counted */
  position: number;
  /** the label folded (foldColumnLabel); '' for a cell without a label (gutter, selection, actions) */
  label: string;
  /** the label as shown */
  raw: string;
  /** positions the cell spans (colspan) */
  span: number;
  hidden: boolean;
}

export interface HeaderMatch<F extends string> {
  row: Element;
  columns: HeaderColumn[];
  /** field → position */
  fields: Map<F, number>;
  /** fields that two columns tie for: neither is read */
  ambiguous: F[];
  /** labels that name no field of the spec */
  unplaced: string[];
  /** total positions of the header (colspans counted), and those not hidden */
  width: number;
  visibleWidth: number;
}

/**
 * Labels are matched among a header row's first MAX_HEADER_CELLS cells only: a wider grid (2,000
 * columns) whose labelled columns come first is read, its later columns kept as unlabelled
 * positions so body cells still line up. A row wider than MAX_ROW_CELLS positions is no grid's.
 */
const MAX_HEADER_CELLS = 300;
const MAX_ROW_CELLS = 5000;

function containsLabel(header: string, label: string): boolean {
  return header === label || ` ${header} `.includes(` ${label} `);
}

/** Names an icon-only header may carry instead of text. */
const NAME_ATTRIBUTES = ['aria-label', 'title', 'data-title'] as const;

/**
 * A header cell's label: its visible text with element boundaries kept as spaces ("GRV.<br>ONAY<br>DURUMU",
 * "<span>SGK SİCİL</span><span>NO</span>"), hidden sort icons left out; for an icon-only header, the
 * name in its `aria-label` / `title` (or that of the one element inside carrying one).
 */
function headerText(cell: Element): string {
  if (cell.firstElementChild === null) {
    const text = normalizeSpaces(cell.textContent ?? '');
    if (text !== '') return text;
  } else {
    if ((cell.textContent ?? '').length > MAX_LABEL_CHARS * 4) return '';
    const parts: string[] = [];
    collectText(cell, parts);
    const text = normalizeSpaces(parts.join(''));
    if (/[\p{L}\d]/u.test(text)) return text;
  }
  for (const name of NAME_ATTRIBUTES) {
    const own = cell.getAttribute(name);
    if (own && own.trim() !== '') return normalizeSpaces(own);
  }
  const named = cell.querySelectorAll('[aria-label], [title]');
  if (named.length === 1 && !named[0]!.matches('input, select, textarea, button, a')) {
    return normalizeSpaces(named[0]!.getAttribute('aria-label') ?? named[0]!.getAttribute('title') ?? '');
  }
  return '';
}

/** Matches one candidate header row against a spec; undefined when it is not the spec's header. */
export function matchHeaderRow<F extends string>(row: Element, spec: CompiledGridSpec<F>, parts?: readonly Element[]): HeaderMatch<F> | undefined {
  if (!parts && row.tagName === 'TR') {
    const n = row.childElementCount;
    if (n < spec.minColumns || n > MAX_ROW_CELLS) return undefined;
    // a wide row is looked at only when it is a header row by markup: its data rows cost nothing
    if (n > MAX_HEADER_CELLS && row.parentElement?.tagName !== 'THEAD' && row.firstElementChild?.tagName !== 'TH') return undefined;
  }
  const cells = parts ? joinedCells(parts) : ownCells(row);
  if (cells.length < spec.minColumns || cells.length > MAX_ROW_CELLS) return undefined;
  if (cells.length > MAX_HEADER_CELLS && row.parentElement?.tagName !== 'THEAD' && !cells.every(isHeaderCell)) return undefined;
  const columns: HeaderColumn[] = [];
  let position = 0;
  /** a pinned column may be rendered in two parts (its copy in the centre): the same label in a later part is that copy */
  const labelsBefore = new Set<string>();
  let partLabels = new Set<string>();
  let part = cells[0] ? partOf(cells[0], parts) : undefined;
  for (const cell of cells) {
    if (columns.length >= MAX_HEADER_CELLS) {
      // past the matched cells: a position and its span only
      const span = colSpan(cell);
      columns.push({ position, label: '', raw: '', span, hidden: false });
      position += span;
      continue;
    }
    const cellPart = partOf(cell, parts);
    if (cellPart !== part) {
      for (const l of partLabels) labelsBefore.add(l);
      partLabels = new Set();
      part = cellPart;
    }
    let raw = headerLabelOf(cell);
    let label = raw === '' ? '' : foldColumnLabel(raw);
    if (label !== '' && labelsBefore.has(label)) raw = label = '';
    if (label !== '') partLabels.add(label);
    const span = colSpan(cell);
    columns.push({ position, label, raw, span, hidden: isHiddenByMarkup(cell) });
    position += span;
  }
  if (position > MAX_ROW_CELLS) return undefined;
  const m = matchHeaderColumns(row, columns, position, spec);
  if (!m) return undefined;
  // matched: ask the engine which columns the page's CSS hides, and match again with that
  let changed = false;
  cells.forEach((cell, i) => {
    if (i < MAX_HEADER_CELLS && !columns[i]!.hidden && isHiddenColumn(cell)) {
      columns[i]!.hidden = true;
      changed = true;
    }
  });
  return changed ? matchHeaderColumns(row, columns, position, spec) : m;
}

function headerLabelOf(cell: Element): string {
  const raw = headerText(cell);
  return raw.length > MAX_LABEL_CHARS ? '' : raw;
}

function rowSpan(cell: Element): number {
  if (!cell.hasAttribute('rowspan')) return 1;
  const n = Number(cell.getAttribute('rowspan'));
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/**
 * A two-row grouped header (`<th colspan=3>Görevlendirilen Kişi</th>` over "TC Kimlik No", "Ad Soyad",
 * …; the other columns `rowspan=2`) read as one row: each leaf column labelled "group leaf", so
 * "Görevlendirilen Kişi TC Kimlik No" and "İşyeri Tehlike Sınıfı" match as the portal writes them.
 * Undefined when `top` groups nothing or `below` is not a header row.
 */
export function matchGroupedHeader<F extends string>(top: Element, below: Element, spec: CompiledGridSpec<F>): HeaderMatch<F> | undefined {
  const topCells = ownCells(top);
  if (topCells.length > MAX_HEADER_CELLS || !topCells.some((c) => colSpan(c) > 1) || !isHeaderLike(below)) return undefined;
  const leaves = ownCells(below);
  const columns: HeaderColumn[] = [];
  let leaf = 0;
  for (const cell of topCells) {
    const raw = headerLabelOf(cell);
    const hidden = isHiddenByMarkup(cell);
    const span = colSpan(cell);
    for (let k = 0; k < span; k++) {
      let text = raw;
      let leafHidden = false;
      if (rowSpan(cell) < 2) {
        const under = leaves[leaf++];
        const sub = under ? headerLabelOf(under) : '';
        leafHidden = under ? isHiddenByMarkup(under) : false;
        text = raw && sub ? `${raw} ${sub}` : raw || sub;
      }
      columns.push({ position: columns.length, label: text === '' ? '' : foldColumnLabel(text), raw: text, span: 1, hidden: hidden || leafHidden });
    }
  }
  if (leaf !== leaves.length) return undefined; // the rows do not line up
  return matchHeaderColumns(below, columns, columns.length, spec);
}

function matchHeaderColumns<F extends string>(
  row: Element,
  columns: HeaderColumn[],
  width: number,
  spec: CompiledGridSpec<F>,
): HeaderMatch<F> | undefined {
  for (const col of columns) {
    if (col.label === '') continue;
    for (const ex of spec.excluded) if (containsLabel(col.label, ex)) return undefined;
  }
  const matched = columns.length > MAX_HEADER_CELLS ? columns.slice(0, MAX_HEADER_CELLS) : columns;
  const result = matchVocabulary(
    matched.map((c) => c.label),
    spec.vocabulary,
    { folded: true, hidden: matched.map((c) => c.hidden), maxLabels: MAX_HEADER_CELLS },
  );
  const placed: [F, number][] = [];
  result.fields.forEach((f, i) => {
    if (f !== undefined) placed.push([f, columns[i]!.position]);
  });
  const shown = new Set<F>([...placed.map((p) => p[0]), ...result.ambiguous]);
  if (shown.size < spec.minColumns) return undefined;
  for (const group of spec.required) if (!group.some((f) => shown.has(f))) return undefined;
  // fields in column order, so a row's values come in the order the screen shows them
  placed.sort((a, b) => a[1] - b[1]);
  let visibleWidth = 0;
  for (const c of columns) if (!c.hidden) visibleWidth += c.span;
  const unplaced = columns.filter((c, i) => result.fields[i] === undefined && c.raw !== '').map((c) => c.raw);
  return { row, columns, fields: new Map(placed), ambiguous: result.ambiguous, unplaced, width, visibleWidth };
}

// ---------------------------------------------------------------------------------------------
// Locating grids

export interface LocatedGrid<F extends string> {
  header: HeaderMatch<F>;
  /** the rows that may hold records, in order (header rows excluded) */
  bodyRows: Element[];
  /**
   * The grid renders each logical row in several row elements (pinned columns): body rows sharing a
   * row key (rowKey) are the parts of one row, whose cells line up with the joined header's.
   */
  split?: boolean;
  /** a split grid whose rows carry no key: each logical row's parts, joined by position */
  rowParts?: Element[][];
}

/** How many leading rows of a table may be looked at for its header (title, group panel, header). */
const HEADER_SEARCH_ROWS = 12;

function isHeaderCell(c: Element): boolean {
  return c.tagName === 'TH' || c.getAttribute('role') === 'columnheader';
}

function isHeaderLike(row: Element): boolean {
  const cells = ownCells(row);
  return cells.length > 0 && cells.every(isHeaderCell);
}

/** The first table after `table` in document order (not inside it) whose rows fit the header's width. */
function findBodyTable<F extends string>(
  tables: ArrayLike<Element>,
  index: number,
  header: HeaderMatch<F>,
): Element | undefined {
  const table = tables[index]!;
  for (let i = index + 1; i < tables.length && i <= index + 40; i++) {
    const next = tables[i]!;
    if (table.contains(next)) continue;
    // several leading rows may be placeholders (a hidden measure row, an empty spacer)
    const rows = ownRows(next, 8);
    for (const row of rows) if (positionsOf(row, header as HeaderMatch<string>, true)) return next;
  }
  return undefined;
}

function expandedWidth(row: Element): number {
  let w = 0;
  for (const c of ownCells(row)) w += colSpan(c);
  return w;
}

/**
 * Every grid in `root` whose header row matches the spec (tables first, then ARIA grids).
 * `headersOnly` skips collecting the body rows (detection needs the header alone) and stops at
 * the first grid found.
 */
export function locateGrids<F extends string>(
  root: ParentNode,
  spec: CompiledGridSpec<F>,
  headersOnly = false,
): LocatedGrid<F>[] {
  const found: LocatedGrid<F>[] = [];
  const seenRows = new Set<Element>();
  // a live collection: much cheaper than querySelectorAll on pages with thousands of tables
  const tables: ArrayLike<Element> =
    'getElementsByTagName' in root
      ? (root as Document | Element).getElementsByTagName('table')
      : root.querySelectorAll('table'); // a fragment or shadow root
  /** tables already read as a grid: the layout tables nested in their cells are not grids */
  let inside: Element[] = [];
  /** tables whose body rows carry a row key: maybe parts of one grid split by pinned columns */
  const fragments: TableFragment<F>[] = [];
  for (let index = 0; index < tables.length; index++) {
    const table = tables[index]!;
    if (inside.length && inside.some((t) => t.contains(table))) continue;
    const rows = ownRows(table, HEADER_SEARCH_ROWS);
    let best: HeaderMatch<F> | undefined;
    for (let r = 0; r < rows.length; r++) {
      const m = matchHeaderRow(rows[r]!, spec);
      if (m && (!best || m.fields.size > best.fields.size)) best = m;
      const below = rows[r + 1];
      const g = below && (m || rows[r]!.childElementCount < 40) ? matchGroupedHeader(rows[r]!, below, spec) : undefined;
      if (g && (!best || g.fields.size > best.fields.size)) best = g;
    }
    if (!best) {
      const f = headerFragment<F>(table, index, rows, tables);
      if (f) fragments.push(f);
      continue;
    }
    const header = best;
    if (headersOnly) return [{ header, bodyRows: [] }];
    seenRows.add(header.row);
    const all = ownRows(table);
    const after = all.slice(all.indexOf(header.row) + 1); // repeated header rows are skipped when read
    const hasData = after.some((r) => positionsOf(r, header as HeaderMatch<string>, true) !== undefined);
    let bodyRows = after;
    inside = [...inside, table];
    if (!hasData) {
      const body = findBodyTable(tables, index, header);
      if (body) {
        bodyRows = ownRows(body);
        inside = [...inside, body];
      }
    }
    found.push({ header, bodyRows });
    fragments.push({ table, index, headerRow: header.row, bodyRows, key: firstRowKey(bodyRows), grid: found[found.length - 1] });
  }
  if (fragments.length > 1) {
    joinSplitTables(fragments.filter((f) => f.key !== undefined), spec, found);
    if (found.length) joinKeylessParts(fragments, spec, found);
    if (headersOnly && found.length) return [{ header: found[0]!.header, bodyRows: [] }];
  }

  // ARIA grids: rows holding column headers
  const headerRows = new Set<Element>();
  for (const ch of Array.from(root.querySelectorAll('[role="columnheader"]'))) {
    const row = ch.closest('[role="row"], tr');
    if (row && row.tagName !== 'TR' && !seenRows.has(row)) headerRows.add(row);
  }
  for (const parts of splitHeaderGroups(headerRows)) {
    const row = parts[0]!;
    const m = parts.length > 1 ? matchHeaderRow(row, spec, parts) : matchHeaderRow(row, spec);
    if (!m) continue;
    if (headersOnly) return [{ header: m, bodyRows: [] }];
    const grid = nearestGrid(row) ?? row.parentElement?.parentElement ?? row.parentElement;
    if (!grid) continue;
    const bodyRows: Element[] = [];
    for (const r of Array.from(grid.querySelectorAll('[role="row"]'))) {
      if (parts.includes(r) || isHeaderLike(r)) continue;
      const owner = nearestGrid(r);
      // rows of a grid nested in a cell belong to that grid, not this one
      if (owner !== null && owner !== grid && grid.contains(owner)) continue;
      if (row.compareDocumentPosition(r) & 4 /* DOCUMENT_POSITION_FOLLOWING */) bodyRows.push(r);
    }
    found.push(parts.length > 1 ? { header: m, bodyRows, split: true } : { header: m, bodyRows });
  }
  return found;
}

/**
 * ARIA header rows grouped into logical header rows: in one grid, the rows with the same
 * aria-rowindex are the parts of one row (a pinned-left, a centre and a pinned-right header).
 */
function splitHeaderGroups(headerRows: Iterable<Element>): Element[][] {
  const groups: Element[][] = [];
  const byGrid = new Map<Element, Map<string, Element[]>>();
  for (const row of headerRows) {
    const grid = nearestGrid(row);
    const index = row.getAttribute('aria-rowindex');
    if (!grid || index === null || index === '') {
      groups.push([row]);
      continue;
    }
    let rows = byGrid.get(grid);
    if (!rows) byGrid.set(grid, (rows = new Map()));
    const group = rows.get(index);
    if (group) group.push(row);
    else {
      const fresh = [row];
      rows.set(index, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** A table with a header row and keyed body rows: one grid, or one part of a grid split by pinned columns. */
interface TableFragment<F extends string> {
  table: Element;
  index: number;
  headerRow: Element;
  bodyRows: Element[];
  /** the first body row's key; undefined for rows without one */
  key: string | undefined;
  /** the grid this table makes on its own, when it does */
  grid?: LocatedGrid<F>;
}

function firstRowKey(rows: readonly Element[]): string | undefined {
  for (let i = 0; i < rows.length && i < 8; i++) {
    const key = rowKey(rows[i]!);
    if (key !== undefined) return key;
  }
  return undefined;
}

/**
 * A table that is no grid on its own but may be a pinned part of one: a header row (th cells, at
 * least one label) and body rows (with a row key or not), in the table itself or in the body table
 * after it (a fixed header).
 */
function headerFragment<F extends string>(table: Element, index: number, rows: Element[], tables: ArrayLike<Element>): TableFragment<F> | undefined {
  const headerRow = rows.find((r) => r.childElementCount <= MAX_HEADER_CELLS && isHeaderLike(r));
  if (!headerRow || !ownCells(headerRow).some((c) => headerLabelOf(c) !== '')) return undefined;
  const all = ownRows(table);
  let bodyRows = all.slice(all.indexOf(headerRow) + 1).filter((r) => !isHeaderLike(r));
  if (bodyRows.length === 0) {
    for (let i = index + 1; i < tables.length && i <= index + 2; i++) {
      const next = tables[i]!;
      if (table.contains(next)) continue;
      const nextRows = ownRows(next);
      if (nextRows.some((r) => isHeaderLike(r))) break;
      bodyRows = nextRows;
      break;
    }
  }
  return bodyRows.length === 0 ? undefined : { table, index, headerRow, bodyRows, key: firstRowKey(bodyRows) };
}

/** True when `a` and `b` sit close together: their common ancestor at most five levels above each. */
function near(a: Element, b: Element): boolean {
  let anc: Element | null = a.parentElement;
  for (let up = 0; anc && up < 5; up++, anc = anc.parentElement) {
    if (!anc.contains(b)) continue;
    let depth = 0;
    for (let e: Element | null = b.parentElement; e && e !== anc; e = e.parentElement) depth++;
    return depth < 5;
  }
  return false;
}

/**
 * Tables that render one grid in parts (a pinned-columns table beside the scrolling one, as Ant
 * Design 3, PrimeFaces frozen columns or DevExtreme fixed columns do): near each other, their body rows
 * sharing row keys. Their headers joined match as one grid, whose rows join by key; it replaces
 * the parts' own grids when it reads more fields.
 */
function joinSplitTables<F extends string>(fragments: TableFragment<F>[], spec: CompiledGridSpec<F>, found: LocatedGrid<F>[]): void {
  const used = new Set<TableFragment<F>>();
  for (let i = 0; i < fragments.length; i++) {
    const first = fragments[i]!;
    if (used.has(first)) continue;
    const group = [first];
    for (let j = i + 1; j < fragments.length && fragments[j]!.index - first.index <= 6; j++) {
      const f = fragments[j]!;
      if (!used.has(f) && f.key === first.key && near(first.table, f.table)) group.push(f);
    }
    if (group.length < 2) continue;
    const header = matchHeaderRow(first.headerRow, spec, group.map((f) => f.headerRow));
    if (!header) continue;
    const own = group.map((f) => f.grid).filter((g): g is LocatedGrid<F> => g !== undefined);
    // a part readable alone joins a part that is not (its pinned copy), or parts that complete each
    // other; two lists that each read alone with the same columns stay two lists
    const most = Math.max(0, ...own.map((g) => g.header.fields.size));
    if (most > header.fields.size || (own.length > 1 && most === header.fields.size)) continue;
    for (const f of group) used.add(f);
    const at = own.length ? found.indexOf(own[0]!) : found.length;
    for (const g of own) found.splice(found.indexOf(g), 1);
    found.splice(Math.min(at, found.length), 0, { header, bodyRows: group.flatMap((f) => f.bodyRows), split: true });
  }
}

/** The rows a person sees (a hidden measure or spacer row is none). */
function shownRows(rows: readonly Element[]): Element[] {
  return rows.filter((r) => !isHiddenRow(r));
}

/**
 * Split rows without row keys (pinned columns rendered as a table of their own, no data-row-key,
 * data-ri or aria-rowindex): a grid read alone and the keyless tables near it that are no grid
 * alone and show as many rows. Their headers joined match as one grid reading more fields than the
 * grid alone; its rows join by position (the n-th shown row of each part).
 */
function joinKeylessParts<F extends string>(fragments: TableFragment<F>[], spec: CompiledGridSpec<F>, found: LocatedGrid<F>[]): void {
  const keyless = fragments.filter((f) => f.key === undefined);
  const used = new Set<TableFragment<F>>();
  for (const anchor of keyless) {
    const grid = anchor.grid;
    if (!grid || used.has(anchor) || !found.includes(grid)) continue;
    const count = shownRows(anchor.bodyRows).length;
    if (count === 0) continue;
    const group = keyless.filter(
      (f) => f === anchor || (!f.grid && !used.has(f) && Math.abs(f.index - anchor.index) <= 6 && near(anchor.table, f.table) && shownRows(f.bodyRows).length === count),
    );
    if (group.length < 2) continue;
    group.sort((a, b) => a.index - b.index);
    const header = matchHeaderRow(group[0]!.headerRow, spec, group.map((f) => f.headerRow));
    if (!header || header.fields.size <= grid.header.fields.size) continue;
    for (const f of group) used.add(f);
    const parts = group.map((f) => shownRows(f.bodyRows));
    const rowParts = parts[0]!.map((_, i) => parts.map((p) => p[i]!));
    found.splice(found.indexOf(grid), 1, { header, bodyRows: rowParts.map((r) => r[0]!), split: true, rowParts });
  }
}

function nearestGrid(el: Element): Element | null {
  return el.parentElement?.closest('[role="grid"], [role="treegrid"], [role="table"]') ?? null;
}

/** True when `root` shows a grid with the spec's header. */
export function hasGrid<F extends string>(root: ParentNode, spec: CompiledGridSpec<F>): boolean {
  return locateGrids(root, spec, true).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Reading rows

export type RowValues<F extends string> = Partial<Record<F, string>>;

/** Rows that are messages, not data: "Kayıt bulunamadı", "100 - Toplam 0 kayıt bulundu.", pagers, "Yükleniyor…". */
const NOISE_TEXT =
  /^(kayit bulunamadi|gosterilecek kayit (yok|bulunamadi)|kayit yok|veri yok|no data|\d+ toplam \d+ kayit|toplam \d+ kayit|sayfa \d+|yukleniyor|loading|lutfen bekleyin)/;
/** The label of a totals row (the whole text of a cell): "Toplam", "GENEL TOPLAM:", "Ara Toplam". */
const TOTALS_LABEL = /^(genel |ara )?toplam( tutar)?$/;
/** A pager's page links spread over cells: "1", "2", "…", ">". */
const PAGER_CELL = /^[\d<>«»….|]{1,4}$/;

/** Cheap first test before folding: the words every message row holds. */
const NOISE_HINT = /kay[ıiIİ]t|sayfa|toplam|veri|data|y[üu]kleniyor|loading|bekleyin/i;

/** `values` in column order: a message starts the row; a totals label in any value or the row's first cell. */
function isNoiseRow(values: string[], firstCell: Element | undefined): boolean {
  const first = values[0] ?? '';
  if (first.length <= 6 && values.every((v) => v.length <= 6 && PAGER_CELL.test(v.replace(/\s+/g, '')))) return true;
  const lead = firstCell?.textContent ?? '';
  for (const t of [lead, ...values]) {
    if (t.length <= 40 && NOISE_HINT.test(t) && TOTALS_LABEL.test(foldLabel(t))) return true;
  }
  if (!NOISE_HINT.test(first)) return false;
  return TOTALS_LABEL.test(foldLabel(first)) || NOISE_TEXT.test(foldLabel(values.join(' ')));
}

/** A row that is not shown: hidden, or a measure row (aria-hidden) a fixed-header table sizes its columns with. */
function isHiddenRow(row: Element): boolean {
  return isHiddenByMarkup(row);
}

/** A cell holding no value of its own: empty, a glyph, a checkbox / radio, an expand button. */
function isPlaceholderCell(cell: Element): boolean {
  const text = capped(cell.textContent ?? '');
  if (!HAS_LETTER_OR_DIGIT.test(text)) return true;
  return cell.querySelector('input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="radio"]') !== null && text.trim().length <= 2;
}

/** How many leading / trailing header columns hold no label and no field (selection, expand, gutter, actions). */
function emptyEnds(header: HeaderMatch<string>): { lead: number; trail: number } {
  const used = new Set(header.fields.values());
  const free = (c: HeaderColumn) => c.label === '' && !used.has(c.position);
  let lead = 0;
  for (const c of header.columns) {
    if (!free(c)) break;
    lead += c.span;
  }
  let trail = 0;
  for (let i = header.columns.length - 1; i >= 0; i--) {
    const c = header.columns[i]!;
    if (!free(c)) break;
    trail += c.span;
  }
  return { lead, trail };
}

/**
 * Each header position's cell in a body row, by column positions. Tolerates a body that leaves out
 * the columns the header hides, header-only placeholder columns (a scrollbar gutter, a selection or
 * action column without label) and body-only ones (a selection or expand cell the header lacks,
 * trailing action cells). Undefined for rows that do not line up (group, pager, message rows).
 * `probe` only asks whether the row lines up (any width ≥ 2), for finding a body table.
 */
function positionsOf(row: Element, header: HeaderMatch<string>, _probe = false, cells = ownCells(row)): (Element | undefined)[] | undefined {
  if (isHiddenRow(row)) return undefined;
  if (cells.length < 2 || cells.length > MAX_ROW_CELLS || cells.every(isHeaderCell)) return undefined;
  const half = Math.max(3, Math.ceil(header.width / 2));
  const spans = cells.map(colSpan);
  let width = 0;
  for (const span of spans) {
    if (span >= half) return undefined; // group, pager, message rows
    width += span;
  }
  const map: (Element | undefined)[] = new Array<Element | undefined>(header.width);
  const place = (start: number) => {
    let pos = start;
    cells.forEach((c, i) => {
      for (let k = 0; k < spans[i]!; k++) if (pos + k >= 0 && pos + k < header.width) map[pos + k] = c;
      pos += spans[i]!;
    });
    return map;
  };
  if (width === header.width) return place(0);
  if (width > header.width) {
    // extra body cells: leading ones when they hold no value (selection, expand), else trailing (actions)
    const extra = width - header.width;
    let leading = 0;
    for (let i = 0; i < cells.length && leading < extra; i++) {
      if (!isPlaceholderCell(cells[i]!)) break;
      leading += spans[i]!;
    }
    return place(leading >= extra ? -extra : 0);
  }
  // header-only placeholder columns: a trailing scrollbar gutter first, then leading selection cells
  const missing = header.width - width;
  const { lead, trail } = emptyEnds(header);
  const t = Math.min(trail, missing);
  const start = missing - t <= lead ? missing - t : undefined;
  const hiddenCols = header.columns.filter((c) => c.hidden);
  if (start !== undefined) {
    const placed = place(start);
    // the body keeps the hidden columns' cells (hidden as well): positions line up as they are
    if (hiddenCols.length === 0 || hiddenCols.every((c) => !placed[c.position] || isHiddenColumn(placed[c.position]!))) return placed;
  }
  if (width === header.visibleWidth || (width < header.visibleWidth && width >= header.visibleWidth - trail)) {
    // the body leaves out the columns the header hides (and maybe the trailing gutter)
    map.fill(undefined);
    const visible = header.columns.filter((col) => !col.hidden);
    let v = 0;
    cells.forEach((c, i) => {
      for (let k = 0; k < spans[i]!; k++) {
        const col = visible[v++];
        if (col) map[col.position] = c;
      }
    });
    return map;
  }
  if (start !== undefined) return place(start);
  return undefined;
}

/** One row's values and the cell each came from. */
export interface GridRow<F extends string> {
  element: Element;
  /** a row split in parts (pinned columns): every part, `element` first */
  parts?: Element[];
  values: RowValues<F>;
  cells: Partial<Record<F, Element>>;
}

/** A logical row: its first row element, its parts when split, its cells in column order. */
interface LogicalRow {
  element: Element;
  parts?: Element[];
  cells?: Element[];
}

/** The body rows as logical rows: for a split grid, the parts sharing a row key joined (in document order). */
function logicalRows(grid: LocatedGrid<string>): LogicalRow[] {
  if (!grid.split) return grid.bodyRows.map((element) => ({ element }));
  if (grid.rowParts) return grid.rowParts.map((parts) => ({ element: parts[0]!, parts, cells: joinedCells(parts) }));
  const out: LogicalRow[] = [];
  const byKey = new Map<string, LogicalRow>();
  for (const row of grid.bodyRows) {
    const key = rowKey(row);
    const known = key === undefined ? undefined : byKey.get(key);
    if (known) {
      (known.parts ??= [known.element]).push(row);
      continue;
    }
    const entry: LogicalRow = { element: row };
    if (key !== undefined) byKey.set(key, entry);
    out.push(entry);
  }
  for (const r of out) if (r.parts) r.cells = joinedCells(r.parts);
  return out;
}

export type { RowMemo };

/**
 * What the scanner remembers (RowMemo) of a grid's rows between two reads: each row element's text, the
 * header it was read under, and what it gave (values, cells, the record). A row whose element, text
 * and header are the same is not read again (the scanner forgets a row when its observer sees
 * anything else change in it: an attribute, a control). Readers without a memo read every row.
 */
interface MemoRow {
  /** the row's text when it was read ('' in an observed memo, which never compares it) */
  sig: string;
  header: string;
  row: PreRead;
  /** the record made of the row, for the ambiguous-field list it was made with */
  record?: { unread: string; read: ReadRecord | null };
}

export function createRowMemo(observed = false): RowMemo {
  return observed ? { rows: new WeakMap(), observed } : { rows: new WeakMap() };
}

const memoRows = (memo: RowMemo) => memo.rows as WeakMap<Element, MemoRow>;

/**
 * The memo forgets every remembered row holding `node` (a row of a grid nested in a cell, and the
 * outer row too): called for each change the observer sees.
 */
export function forgetRow(memo: RowMemo, node: Node): void {
  for (let el: Node | null = node; el; el = el.parentNode) if (el.nodeType === 1) memo.rows.delete(el as Element);
}

/** A row's values and cells before the filters that depend on the rows around it. */
interface PreRead {
  out: GridRow<string>;
  count: number;
  textCells: number;
  controlCells: number;
  firstCell: Element | undefined;
  noise?: boolean;
}

function headerKeyOf(header: HeaderMatch<string>): string {
  let key = `${header.width}|${header.visibleWidth}|`;
  for (const c of header.columns) key += `${c.position}:${c.span}:${c.hidden ? 1 : 0}:${c.label}|`;
  for (const [f, pos] of header.fields) key += `${f}@${pos},`;
  return key;
}

/** The remembered row's cells are still the row's own (a re-render may replace cells with equal text). */
function cellsStillThere(pre: PreRead, row: Element): boolean {
  const cells = pre.out.cells as Record<string, Element | undefined>;
  for (const f in cells) {
    const c = cells[f];
    if (c && c.parentNode !== row && !row.contains(c)) return false;
  }
  return true;
}

/** How many rows are read between two chances for the caller to pause (readGridScreenSteps). */
const ROWS_PER_STEP = 64;

/**
 * The data rows of a located grid as `field → text`, with filter, pager, group, totals, loading and
 * message rows left out. A row is kept when it gives a key field holding a letter or digit and at
 * least `minValues` values.
 */
export function readGridRows<F extends string>(grid: LocatedGrid<F>, spec: CompiledGridSpec<F>): GridRow<F>[] {
  const out: GridRow<F>[] = [];
  for (const row of gridRowSteps(grid, spec)) if (row) out.push(row);
  return out;
}

/** readGridRows as steps: each row kept, and `undefined` now and then (a place to pause). */
function* gridRowSteps<F extends string>(grid: LocatedGrid<F>, spec: CompiledGridSpec<F>, memo?: RowMemo): Generator<GridRow<F> | undefined, void, void> {
  let seenRecord = false;
  const labelAt: string[] = [];
  for (const col of grid.header.columns) labelAt[col.position] = col.label;
  const headerKey = memo ? headerKeyOf(grid.header as HeaderMatch<string>) : '';
  let n = 0;
  for (const { element: row, parts, cells: joined } of logicalRows(grid as LocatedGrid<string>)) {
    if (++n % ROWS_PER_STEP === 0) yield undefined;
    let pre: PreRead | undefined;
    let sig: string | undefined;
    if (memo && !parts) {
      const hit = memoRows(memo).get(row);
      // an observed memo holds only rows unchanged since they were read (a hidden row is never kept)
      if (hit && memo.observed && hit.header === headerKey) pre = hit.row;
      else {
        if (isHiddenRow(row)) continue; // as positionsOf says
        // an observed memo needs no text to compare
        sig = memo.observed ? '' : (row.textContent ?? '');
        if (!memo.observed && hit && hit.sig === sig && hit.header === headerKey && cellsStillThere(hit.row, row)) pre = hit.row;
      }
    }
    if (!pre) {
      pre = preRead(row, parts, joined, grid.header as HeaderMatch<string>, labelAt);
      if (!pre) continue;
      // a value read from a control (or a row of controls only) is not in the row's text: read it again next time
      if (sig !== undefined && pre.controlCells === 0 && pre.textCells > 0) memoRows(memo!).set(row, { sig, header: headerKey, row: pre });
    }
    const { values } = pre.out;
    // a filter row: inputs (or glyph-only editors) under the headers, before any data row
    if (!seenRecord && pre.textCells === 0 && (pre.controlCells > 0 || (parts ?? [row]).some(rowHasControls))) continue;
    if (pre.count < spec.minValues) continue;
    if (!spec.keyFields.some((f) => (values as RowValues<F>)[f] !== undefined)) continue;
    pre.noise ??= isNoiseRow(Object.values(values) as string[], pre.firstCell);
    if (pre.noise) continue;
    seenRecord = true;
    yield pre.out as GridRow<F>;
  }
}

function preRead(
  row: Element,
  parts: Element[] | undefined,
  joined: Element[] | undefined,
  header: HeaderMatch<string>,
  labelAt: string[],
): PreRead | undefined {
  const positions = positionsOf(row, header, false, joined);
  if (!positions) return undefined;
  const values: RowValues<string> = {};
  const cells: Partial<Record<string, Element>> = {};
  let count = 0;
  let textCells = 0;
  let controlCells = 0;
  for (const [field, pos] of header.fields) {
    const cell = positions[pos];
    if (!cell) continue;
    const { value, fromControl } = readCell(cell, labelAt[pos]);
    if (value === '') continue;
    if (fromControl) controlCells++;
    else textCells++;
    values[field] = value;
    cells[field] = cell;
    count++;
  }
  const out: GridRow<string> = parts ? { element: row, parts, values, cells } : { element: row, values, cells };
  return { out, count, textCells, controlCells, firstCell: positions.find((c) => c !== undefined) };
}

function rowHasControls(row: Element): boolean {
  return row.querySelector('input:not([type="hidden"]), select, textarea, [role="combobox"], [role="textbox"]') !== null;
}

/** A grid field whose name is not a CellField: the cell it points at. */
const CELL_ALIASES: Readonly<Record<string, CellField>> = {
  certificateType: 'certificateText',
  category: 'certificateText',
  sicilOrDetsis: 'sicilNo',
  workState: 'contractState',
};
const CELL_FIELD_SET: ReadonlySet<string> = new Set(CELL_FIELDS);

/** The record's cells by CellField, from the row's cells by grid field. */
export function cellsOf<F extends string>(cells: Partial<Record<F, Element>>): Partial<Record<CellField, Element>> {
  const out: Partial<Record<CellField, Element>> = {};
  for (const f in cells) {
    const target = CELL_FIELD_SET.has(f) ? (f as CellField) : CELL_ALIASES[f];
    const cell = cells[f];
    if (target && cell && !out[target]) out[target] = cell;
  }
  return out;
}

/** A grid field that two columns tie for: the fact the record then lacks. */
const UNREAD_OF: Readonly<Record<string, UnreadFact>> = {
  minutes: 'minutes',
  period: 'minutes',
  contractState: 'contractState',
  workState: 'contractState',
  hazardText: 'hazardText',
  employees: 'employees',
  certificateType: 'certificateText',
  category: 'certificateText',
  tckn: 'tckn',
  sicilNo: 'sicilNo',
  sicilOrDetsis: 'sicilNo',
  naceText: 'naceText',
};

/** The facts a header leaves unread (its ambiguous fields), in a fixed order. */
export function unreadOf(ambiguous: readonly string[]): UnreadFact[] {
  const set = new Set<UnreadFact>();
  for (const f of ambiguous) {
    const u = UNREAD_OF[f];
    if (u) set.add(u);
  }
  return [...set].sort();
}

/**
 * Reads a grid screen: every matching grid's rows mapped to records by `toRecord`; a row whose
 * mapping throws or gives nothing is skipped, never thrown. Each record carries the cells its facts
 * were read from, and the facts its header left unread (ambiguous columns).
 */
export function readGridScreen<F extends string>(
  root: ParentNode,
  screen: ScreenId,
  spec: CompiledGridSpec<F>,
  toRecord: (values: RowValues<F>) => PageRecord | undefined,
): ScreenRead {
  return runSteps(readGridScreenSteps(root, screen, spec, toRecord));
}

/**
 * readGridScreen in steps (it yields every few dozen rows: the caller may give the page a turn),
 * remembering rows in `memo`: a row unchanged since the last read gives the same record object.
 */
export function* readGridScreenSteps<F extends string>(
  root: ParentNode,
  screen: ScreenId,
  spec: CompiledGridSpec<F>,
  toRecord: (values: RowValues<F>) => PageRecord | undefined,
  memo?: RowMemo,
): Generator<void, ScreenRead, void> {
  const records: ReadRecord[] = [];
  const seen = new Set<Element>();
  for (const grid of locateGrids(root, spec)) {
    const unread = unreadOf(grid.header.ambiguous);
    const unreadKey = unread.join(' ');
    for (const row of gridRowSteps(grid, spec, memo)) {
      if (!row) {
        yield;
        continue;
      }
      const { element, parts, values, cells } = row;
      if (seen.has(element) || parts?.some((p) => seen.has(p))) continue;
      for (const p of parts ?? [element]) seen.add(p);
      const remembered = memo && !parts ? memoRows(memo).get(element) : undefined;
      if (remembered && remembered.row.out === row && remembered.record?.unread === unreadKey) {
        if (remembered.record.read) records.push(remembered.record.read);
        continue;
      }
      let record: PageRecord | undefined;
      try {
        record = toRecord(values);
      } catch {
        record = undefined;
      }
      let read: ReadRecord | null = null;
      if (record) {
        if (unread.length) record = { ...record, unread };
        read = parts ? { element, parts, record, cells: cellsOf(cells) } : { element, record, cells: cellsOf(cells) };
        records.push(read);
      }
      if (remembered && remembered.row.out === row) remembered.record = { unread: unreadKey, read };
    }
  }
  return { screen, records };
}

// ---------------------------------------------------------------------------------------------
// Small value helpers shared by the readers

/** Drops undefined and empty-string properties, so the zod schemas see only what the screen shows. */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    const v: unknown = obj[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out as T;
}

export { memoize };

/**
 * The assignment grids' cell parsers (old-contracts, new-contracts), memoized: the same texts
 * repeat on every row, so each is parsed once.
 */
export const rowParsers = {
  parsePersonnel: memoize(parsePersonnel),
  parseEmployment: memoize(parseEmployment),
  parseContractState: memoize(parseContractState),
  parseApprovalState: memoize(parseApprovalState),
  parseTurkishDate: memoize(parseTurkishDate),
  parseCount: memoize(parseCount),
};

/** True when an object has at least one property. */
export function hasAny(obj: object): boolean {
  return Object.keys(obj).length > 0;
}
