// Shared grid locating for the portal's list screens (Sözleşmeler, İSG Hizmet Sözleşmeleri, Kamu Kurumları Listesi, işyeri seçimi).
//
// Grids are found by their Turkish column LABELS, never by ids or classes: header cells in `th` or
// `td`, a header in its own table above the body table (fixed-header grids), or ARIA grids
// (`role="row"` / `columnheader` / `gridcell`). Each screen declares its columns as label synonyms
// → field; this file turns a page into rows of `field → text` for the screen's own record mapping.
import { PageRecordSchema, type PageRecord, type ScreenId, type ScreenRead } from '@/utils/records';
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

export interface ColumnDef<F extends string> {
  field: F;
  /** the labels as the portal writes them (any case, abbreviated or not) */
  labels: readonly string[];
}

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

interface CompiledColumn<F extends string> {
  field: F;
  labels: string[];
}

export interface CompiledGridSpec<F extends string> {
  columns: CompiledColumn<F>[];
  required: readonly (readonly F[])[];
  minColumns: number;
  excluded: string[];
  keyFields: readonly F[];
  minValues: number;
}

/**
 * Abbreviations and suffix variants the portal uses in labels, folded (foldLabel) → one canonical
 * word: "Grv. Başlama Trh." and "Görevlendirme Başlama Tarihi" both become
 * "gorevlendirme baslama tarih".
 */
const LABEL_WORDS: Record<string, string> = {
  grv: 'gorevlendirme',
  gorv: 'gorevlendirme',
  trh: 'tarih',
  tarihi: 'tarih',
  ayl: 'aylik',
  cls: 'calisma',
  clsm: 'calisma',
  fzl: 'fazla',
  dk: 'dakika',
  adi: 'ad',
  soyadi: 'soyad',
  unvani: 'unvan',
  kodu: 'kod',
  sinifi: 'sinif',
  sayisi: 'sayi',
  turu: 'tur',
  tipi: 'tip',
  durumu: 'durum',
  numarasi: 'no',
  numara: 'no',
  nu: 'no',
  ilcesi: 'ilce',
  adresi: 'adres',
  statusu: 'statu',
  suresi: 'sure',
  periyodu: 'periyot',
  periyod: 'periyot',
  kategorisi: 'kategori',
};

/** A label folded for column matching: foldLabel, "T.C." joined, abbreviations expanded. */
export function foldColumnLabel(text: string): string {
  const words = foldLabel(text)
    .replace(/\bt c\b/g, 'tc')
    .split(' ')
    .filter((w) => w !== '');
  return words.map((w) => LABEL_WORDS[w] ?? w).join(' ');
}

export function compileGridSpec<F extends string>(spec: GridSpec<F>): CompiledGridSpec<F> {
  return {
    columns: spec.columns.map((c) => ({ field: c.field, labels: c.labels.map(foldColumnLabel) })),
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

/** Hidden by markup (no computed style: that would cost a layout per cell). */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none';
}

function colSpan(cell: Element): number {
  const name = cell.tagName === 'TD' || cell.tagName === 'TH' ? 'colspan' : 'aria-colspan';
  if (!cell.hasAttribute(name)) return 1;
  const n = Number(cell.getAttribute(name));
  return Number.isInteger(n) && n > 1 ? Math.min(n, 100) : 1;
}

/**
 * normalizeSpaces, skipped for the usual text that needs none (most cells): a char loop costs far
 * less than a regex replace on thousands of cells.
 */
function tidy(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0xa0) continue;
    if (c === 32 && i !== 0 && i !== last && text.charCodeAt(i + 1) !== 32) continue;
    if (c > 0xa0 && !(c >= 0x2000 && c <= 0x200b) && c !== 0x1680 && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0x3000 && c !== 0xfeff) continue;
    return normalizeSpaces(text);
  }
  return text;
}

const SKIPPED_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'OPTION', 'TEXTAREA']);
const VALUE_INPUT_TYPES = new Set(['', 'text', 'search', 'number', 'tel', 'email', 'date', 'datetime-local']);

function collectText(el: Element, out: string[]): void {
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) out.push(node.nodeValue ?? '');
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (SKIPPED_TEXT_TAGS.has(child.tagName) || isHiddenByMarkup(child)) continue;
      out.push(' ');
      collectText(child, out);
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
  if (text.length === 0 || text.length > MAX_LABEL_LENGTH) return false;
  const folded = foldColumnLabel(text);
  if (folded === '' || !` ${headerLabel} `.includes(` ${folded} `)) return false;
  return folded === headerLabel || folded.includes(' ');
}

/** A cell's value and whether it came from a form control (filter rows hold only controls). */
function readCell(cell: Element, headerLabel = ''): { value: string; fromControl: boolean } {
  const first = cell.firstElementChild;
  if (first === null) return { value: tidy(cell.textContent ?? ''), fromControl: false };
  const parts: string[] = [];
  if (first === cell.firstChild && isRepeatedLabel(first, headerLabel)) {
    for (let n = first.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
      else if (n.nodeType === 1 && !SKIPPED_TEXT_TAGS.has((n as Element).tagName) && !isHiddenByMarkup(n as Element)) {
        parts.push(' ');
        collectText(n as Element, parts);
        parts.push(' ');
      }
    }
    const rest = normalizeSpaces(parts.join(''));
    if (rest !== '') return { value: rest, fromControl: false };
    const control = controlText(cell);
    return { value: control ?? '', fromControl: control !== undefined };
  }
  collectText(cell, parts);
  const text = normalizeSpaces(parts.join(''));
  if (text !== '') return { value: text, fromControl: false };
  const control = controlText(cell);
  return { value: control ?? '', fromControl: control !== undefined };
}

// ---------------------------------------------------------------------------------------------
// Header matching

export interface HeaderColumn {
  /** position among the header's columns, colspans counted */
  position: number;
  label: string;
  hidden: boolean;
}

export interface HeaderMatch<F extends string> {
  row: Element;
  columns: HeaderColumn[];
  /** field → position */
  fields: Map<F, number>;
  /** total positions of the header (colspans counted), and those not hidden */
  width: number;
  visibleWidth: number;
}

const MAX_LABEL_LENGTH = 80;

function labelScore(header: string, synonym: string): number {
  if (header === synonym) return 1000 + synonym.length;
  if (` ${header} `.includes(` ${synonym} `)) return synonym.length;
  return 0;
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
    const text = tidy(cell.textContent ?? '');
    if (text !== '') return text;
  } else {
    if ((cell.textContent ?? '').length > MAX_LABEL_LENGTH * 4) return '';
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
export function matchHeaderRow<F extends string>(row: Element, spec: CompiledGridSpec<F>): HeaderMatch<F> | undefined {
  if (row.tagName === 'TR' && row.childElementCount < spec.minColumns) return undefined;
  const cells = ownCells(row);
  if (cells.length < spec.minColumns) return undefined;
  const columns: HeaderColumn[] = [];
  let position = 0;
  for (const cell of cells) {
    columns.push({ position, label: foldedHeaderLabel(cell), hidden: isHiddenByMarkup(cell) });
    position += colSpan(cell);
  }
  let visibleWidth = 0;
  for (const cell of cells) if (!isHiddenByMarkup(cell)) visibleWidth += colSpan(cell);
  return matchColumns(row, columns, position, visibleWidth, spec);
}

function foldedHeaderLabel(cell: Element): string {
  const raw = headerText(cell);
  return raw.length > MAX_LABEL_LENGTH ? '' : foldColumnLabel(raw);
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
  if (!topCells.some((c) => colSpan(c) > 1) || !isHeaderLike(below)) return undefined;
  const leaves = ownCells(below);
  const columns: HeaderColumn[] = [];
  let visibleWidth = 0;
  let leaf = 0;
  for (const cell of topCells) {
    const label = foldedHeaderLabel(cell);
    const hidden = isHiddenByMarkup(cell);
    const span = colSpan(cell);
    for (let k = 0; k < span; k++) {
      let text = label;
      if (rowSpan(cell) < 2) {
        const under = leaves[leaf++];
        const sub = under ? foldedHeaderLabel(under) : '';
        text = label && sub ? `${label} ${sub}` : label || sub;
      }
      columns.push({ position: columns.length, label: text, hidden });
      if (!hidden) visibleWidth++;
    }
  }
  if (leaf !== leaves.length) return undefined; // the rows do not line up
  return matchColumns(below, columns, columns.length, visibleWidth, spec);
}

function matchColumns<F extends string>(
  row: Element,
  columns: HeaderColumn[],
  width: number,
  visibleWidth: number,
  spec: CompiledGridSpec<F>,
): HeaderMatch<F> | undefined {
  for (const col of columns) {
    if (col.label === '') continue;
    for (const ex of spec.excluded) if (labelScore(col.label, ex) > 0) return undefined;
  }
  const pairs: { col: number; field: F; score: number }[] = [];
  columns.forEach((col, i) => {
    if (col.label === '') return;
    for (const def of spec.columns) {
      let best = 0;
      for (const synonym of def.labels) best = Math.max(best, labelScore(col.label, synonym));
      if (best > 0) pairs.push({ col: i, field: def.field, score: best - (col.hidden ? 0.5 : 0) });
    }
  });
  pairs.sort((a, b) => b.score - a.score);
  const fields = new Map<F, number>();
  const usedCols = new Set<number>();
  for (const p of pairs) {
    if (usedCols.has(p.col) || fields.has(p.field)) continue;
    usedCols.add(p.col);
    fields.set(p.field, columns[p.col]!.position);
  }
  if (fields.size < spec.minColumns) return undefined;
  // fields in column order, so a row's values come in the order the screen shows them
  const ordered = new Map([...fields].sort((a, b) => a[1] - b[1]));
  for (const group of spec.required) if (!group.some((f) => fields.has(f))) return undefined;
  return { row, columns, fields: ordered, width, visibleWidth };
}

// ---------------------------------------------------------------------------------------------
// Locating grids

export interface LocatedGrid<F extends string> {
  header: HeaderMatch<F>;
  /** the rows that may hold records, in order (header rows excluded) */
  bodyRows: Element[];
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
    const rows = ownRows(next, 3);
    for (const row of rows) {
      const width = expandedWidth(row);
      if (width === header.width || width === header.visibleWidth) return next;
    }
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
    if (!best) continue;
    const header = best;
    if (headersOnly) return [{ header, bodyRows: [] }];
    seenRows.add(header.row);
    const all = ownRows(table);
    const after = all.slice(all.indexOf(header.row) + 1); // repeated header rows are skipped when read
    const hasData = after.some((r) => {
      const w = expandedWidth(r);
      return w >= 2 && (w === header.width || w === header.visibleWidth || w > header.width);
    });
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
  }

  // ARIA grids: rows holding column headers
  const headerRows = new Set<Element>();
  for (const ch of Array.from(root.querySelectorAll('[role="columnheader"]'))) {
    const row = ch.closest('[role="row"], tr');
    if (row && row.tagName !== 'TR' && !seenRows.has(row)) headerRows.add(row);
  }
  for (const row of headerRows) {
    const m = matchHeaderRow(row, spec);
    if (!m) continue;
    if (headersOnly) return [{ header: m, bodyRows: [] }];
    const grid = nearestGrid(row) ?? row.parentElement?.parentElement ?? row.parentElement;
    if (!grid) continue;
    const bodyRows: Element[] = [];
    for (const r of Array.from(grid.querySelectorAll('[role="row"]'))) {
      if (r === row || isHeaderLike(r)) continue;
      const owner = nearestGrid(r);
      // rows of a grid nested in a cell belong to that grid, not this one
      if (owner !== null && owner !== grid && grid.contains(owner)) continue;
      if (row.compareDocumentPosition(r) & 4 /* DOCUMENT_POSITION_FOLLOWING */) bodyRows.push(r);
    }
    found.push({ header: m, bodyRows });
  }
  return found;
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

/** Rows that are messages, not data: "Kayıt bulunamadı", "100 - Toplam 0 kayıt bulundu.", pagers. */
const NOISE_TEXT =
  /^(kayit bulunamadi|gosterilecek kayit (yok|bulunamadi)|kayit yok|veri yok|no data|\d+ toplam \d+ kayit|toplam \d+ kayit|sayfa \d+)/;
/** The label of a totals row (the whole first value). */
const TOTALS_LABEL = /^(genel |ara )?toplam( tutar)?$/;
/** A pager's page links spread over cells: "1", "2", "…", ">". */
const PAGER_CELL = /^[\d<>«»….|]{1,4}$/;

/** Cheap first test before folding: the words every message row holds. */
const NOISE_HINT = /kay[ıiIİ]t|sayfa|toplam|veri|data/i;

/** `values` in column order: a message starts the row. */
function isNoiseRow(values: string[]): boolean {
  const first = values[0] ?? '';
  if (first.length <= 6 && values.every((v) => v.length <= 6 && PAGER_CELL.test(v.replace(/\s+/g, '')))) return true;
  if (!NOISE_HINT.test(first)) return false;
  // a footer's totals row: "Toplam" / "Genel Toplam:" in the first column, sums beside it
  return TOTALS_LABEL.test(foldLabel(first)) || NOISE_TEXT.test(foldLabel(values.join(' ')));
}

function positionsOf(row: Element, header: HeaderMatch<string>): (Element | undefined)[] | undefined {
  const cells = ownCells(row);
  if (cells.length < 2 || cells.every(isHeaderCell)) return undefined;
  const half = Math.max(3, Math.ceil(header.width / 2));
  const spans = cells.map(colSpan);
  let width = 0;
  for (const span of spans) {
    if (span >= half) return undefined; // group, pager, message rows
    width += span;
  }
  const map: (Element | undefined)[] = new Array<Element | undefined>(header.width);
  if (width >= header.width) {
    // extra leading cells (a selection column the header lacks) are skipped from the left
    let pos = header.width - width;
    cells.forEach((c, i) => {
      for (let k = 0; k < spans[i]!; k++) if (pos + k >= 0) map[pos + k] = c;
      pos += spans[i]!;
    });
    return map;
  }
  if (width === header.visibleWidth) {
    // the body leaves out the columns the header hides
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
  return undefined;
}

/**
 * The data rows of a located grid as `field → text`, with filter, pager, group and message rows
 * left out. A row is kept when it gives a key field and at least `minValues` values.
 */
export function readGridRows<F extends string>(
  grid: LocatedGrid<F>,
  spec: CompiledGridSpec<F>,
): { element: Element; values: RowValues<F> }[] {
  const out: { element: Element; values: RowValues<F> }[] = [];
  let seenRecord = false;
  const labelAt: string[] = [];
  for (const col of grid.header.columns) labelAt[col.position] = col.label;
  for (const row of grid.bodyRows) {
    const positions = positionsOf(row, grid.header as HeaderMatch<string>);
    if (!positions) continue;
    const values: RowValues<F> = {};
    let count = 0;
    let textCells = 0;
    let controlCells = 0;
    for (const [field, pos] of grid.header.fields) {
      const cell = positions[pos];
      if (!cell) continue;
      const { value, fromControl } = readCell(cell, labelAt[pos]);
      if (value === '') continue;
      if (fromControl) controlCells++;
      else textCells++;
      values[field] = value;
      count++;
    }
    // a filter row: inputs under the headers, before any data row
    if (!seenRecord && textCells === 0 && (controlCells > 0 || rowHasControls(row))) continue;
    if (count < spec.minValues) continue;
    if (!spec.keyFields.some((f) => values[f] !== undefined)) continue;
    if (isNoiseRow(Object.values(values) as string[])) continue;
    seenRecord = true;
    out.push({ element: row, values });
  }
  return out;
}

function rowHasControls(row: Element): boolean {
  return row.querySelector('input:not([type="hidden"]), select, textarea') !== null;
}

/**
 * Reads a grid screen: every matching grid's rows mapped to records by `toRecord`, each validated
 * with PageRecordSchema; rows that map to nothing or fail validation are skipped, never thrown.
 */
export function readGridScreen<F extends string>(
  root: ParentNode,
  screen: ScreenId,
  spec: CompiledGridSpec<F>,
  toRecord: (values: RowValues<F>) => PageRecord | undefined,
): ScreenRead {
  const records: ScreenRead['records'] = [];
  const seen = new Set<Element>();
  for (const grid of locateGrids(root, spec)) {
    for (const { element, values } of readGridRows(grid, spec)) {
      if (seen.has(element)) continue;
      seen.add(element);
      let record: PageRecord | undefined;
      try {
        record = toRecord(values);
      } catch {
        record = undefined;
      }
      if (!record) continue;
      const parsed = PageRecordSchema.safeParse(record);
      if (parsed.success) records.push({ element, record: parsed.data });
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

/**
 * Remembers a pure text parser's answers: a grid repeats the same few texts (roles, states,
 * dates) on thousands of rows. The memory is dropped whole when it grows past `max`.
 */
export function memoize<T>(parse: (text: string) => T, max = 1000): (text: string) => T {
  const memory = new Map<string, T>();
  return (text) => {
    if (memory.has(text)) return memory.get(text) as T;
    const value = parse(text);
    if (memory.size >= max) memory.clear();
    memory.set(text, value);
    return value;
  };
}

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
