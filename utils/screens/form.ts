// Portal form screens (old "SÖZLEŞME ONAY", new contract entry pages): finds labelled fields and their values.
// Fields are found by the words of their labels, never by ids or classes: the portal's markup changes,
// its words change less. Page text is only ever read as text.
import { foldLabel, normalizeSpaces } from '@/utils/domain/core';
import { figureOf } from './vocabulary';
import { meaningfulValue } from './grid';
import { CELL_FIELDS, nonEmpty, type CellField, type PageRecord, type ScreenId, type ScreenRead, type ScreenReader } from '@/utils/record-types';

/** One field of a form: the label texts the portal writes for it (any case, abbreviated or not). */
export interface FormFieldSpec<K extends string = string> {
  key: K;
  labels: readonly string[];
}

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A field found on the page. */
export interface FormField<K extends string = string> {
  key: K;
  /** the element carrying the label words (for aria-label: the control itself) */
  labelElement: Element;
  /** the label as shown, spaces collapsed */
  labelText: string;
  /** the control or the element holding the value text; null when the label has nothing beside it */
  valueElement: Element | null;
  /** the input/select/textarea when the value is one (its current value is read, not its attribute) */
  control: FormControl | null;
  /** the value as shown, spaces collapsed ('' when empty) */
  text: string;
}

export type FoundFields<K extends string> = Partial<Record<K, FormField<K>>>;

/* ------------------------------------------------------------------------------------------------
 * Label words
 * ---------------------------------------------------------------------------------------------- */

/** The portal's abbreviations and OCR-like spellings, folded (foldLabel), mapped to one word. */
const WORD_CANON: Record<string, string> = {
  ayl: 'aylik',
  cls: 'calisma',
  cig: 'calisma',
  cal: 'calisma',
  cals: 'calisma',
  clsm: 'calisma',
  fzl: 'fazla',
  mes: 'mesai',
  sur: 'suresi',
  sure: 'suresi',
  max: 'maksimum',
  maks: 'maksimum',
  mak: 'maksimum',
  maximum: 'maksimum',
  dk: 'dakika',
  dak: 'dakika',
  grv: 'gorevlendirme',
  gor: 'gorevlendirme',
  trh: 'tarih',
  tarihi: 'tarih',
  numarasi: 'no',
  numara: 'no',
  nu: 'no',
  nosu: 'no',
  adi: 'ad',
  soyadi: 'soyad',
  unvani: 'unvan',
  sertifikasi: 'sertifika',
  turu: 'tipi',
  tip: 'tipi',
  // the role word on the new form ("… İSG SAYISI", "… İGU SAYISI", "… İŞYERİ HEKİMİ SÜRESİ")
  igu: 'isg',
  ih: 'isg',
  dsp: 'isg',
};

/** Multi-word phrases folded to one word before the word map (role words, "T.C."). */
const PHRASE_CANON: [RegExp, string][] = [
  [/\bt c\b/g, 'tc'],
  [/\bis guvenligi uzmanlari?\b|\bis guvenligi uzmanligi\b|\bis guvenligi uzmani\b/g, 'isg'],
  [/\bis ?yeri hekimi\b|\bis ?yeri hekimligi\b/g, 'isg'],
  [/\bdiger saglik personeli\b/g, 'isg'],
  [/\bisg profesyoneli\b/g, 'isg'],
];

/**
 * A label reduced to comparable words: folded, abbreviations expanded, role words made "isg",
 * a trailing unit ("(Dk)", "(Dakika)") dropped.
 * "Kalan Max. Ayl. Çlş. Süresi (Dk)" and "KALAN MAKSİMUM AYLIK ÇALIŞMA SÜRESİ" → "kalan maksimum aylik calisma suresi".
 */
export function canonicalLabel(text: string): string {
  let s = foldLabel(text);
  for (const [re, word] of PHRASE_CANON) s = s.replace(re, word);
  const words = s
    .split(' ')
    .filter(Boolean)
    .map((w) => WORD_CANON[w] ?? w);
  while (words.length > 1 && words[words.length - 1] === 'dakika') words.pop();
  return words.join(' ');
}

/** Levenshtein distance, stopping early once above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many misspelt letters a word of this length may carry (OCR-like variants: "TORLAMA", "MERCUY"). */
function allowedTypos(word: string): number {
  if (word.length >= 6) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** Same words in the same order, each equal or a near miss; undefined when not alike. Lower is closer. */
function wordsDistance(text: string[], label: string[]): number | undefined {
  if (text.length !== label.length) return undefined;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const a = text[i]!;
    const b = label[i]!;
    if (a === b) continue;
    const max = Math.min(allowedTypos(a), allowedTypos(b));
    if (max === 0) return undefined;
    const d = editDistance(a, b, max);
    if (d > max) return undefined;
    total += d;
  }
  return total;
}

interface CompiledSpec<K extends string> {
  key: K;
  labels: { canon: string; words: string[] }[];
}

/** A spec list prepared for matching (do it once per screen, not per element). */
export interface LabelMatcher<K extends string> {
  specs: readonly CompiledSpec<K>[];
  exact: Map<string, K>;
  /** answers already worked out, by raw text (grid pages repeat the same cell texts) */
  memo: Map<string, K | undefined>;
}

export function compileFields<K extends string>(specs: readonly FormFieldSpec<K>[]): LabelMatcher<K> {
  const exact = new Map<string, K>();
  const compiled = specs.map((spec) => {
    const labels = spec.labels.map((l) => {
      const canon = canonicalLabel(l);
      if (!exact.has(canon)) exact.set(canon, spec.key);
      return { canon, words: canon.split(' ') };
    });
    return { key: spec.key, labels };
  });
  return { specs: compiled, exact, memo: new Map() };
}

/**
 * Which field a label text names. An exact match (after canonicalLabel) always wins, so
 * "Ayl. Çlş. Süresi" never lands on "Kalan Max. Ayl. Çlş. Süresi" nor on "Ayl. Fzl. Mesai Süresi";
 * otherwise the closest near miss of the same number of words.
 */
export function matchLabel<K extends string>(text: string, matcher: LabelMatcher<K>): K | undefined {
  if (matcher.memo.has(text)) return matcher.memo.get(text);
  const key = matchLabelUncached(text, matcher);
  if (matcher.memo.size > 5000) matcher.memo.clear();
  matcher.memo.set(text, key);
  return key;
}

function matchLabelUncached<K extends string>(text: string, matcher: LabelMatcher<K>): K | undefined {
  const canon = canonicalLabel(text);
  if (!canon) return undefined;
  const hit = matcher.exact.get(canon);
  if (hit !== undefined) return hit;
  const words = canon.split(' ');
  // near misses only for labels of several words: a one-word value ("Soyak") must not pass for "SOYAD"
  if (words.length < 2) return undefined;
  let best: { key: K; distance: number; length: number } | undefined;
  for (const spec of matcher.specs) {
    for (const label of spec.labels) {
      const d = wordsDistance(words, label.words);
      if (d === undefined) continue;
      const length = label.canon.length;
      if (!best || d < best.distance || (d === best.distance && length > best.length)) {
        best = { key: spec.key, distance: d, length };
      }
    }
  }
  return best?.key;
}

/* ------------------------------------------------------------------------------------------------
 * Reading the DOM
 * ---------------------------------------------------------------------------------------------- */

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'BUTTON']);
const CELL_TAGS = new Set(['TD', 'TH', 'DT', 'DD', 'LABEL', 'LEGEND', 'CAPTION']);
const CONTROL_SELECTOR = 'input, select, textarea';
const NON_VALUE_INPUTS = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'file']);
/** Longest text an element may hold to be a label (longer ones are paragraphs or containers). */
const MAX_LABEL_CHARS = 120;
/** Longest raw text (options included) of an element looked at as a possible label. */
const MAX_SCAN_CHARS = 1000;

/** The element's visible words, without the text of controls, options, buttons and scripts. */
export function labelTextOf(el: Element): string {
  if (SKIP_TEXT.has(el.tagName)) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !SKIP_TEXT.has((child as Element).tagName)) {
        out += ' ';
        walk(child);
        out += ' ';
      }
    }
  };
  walk(el);
  return normalizeSpaces(out);
}

function isControl(el: Element): el is FormControl {
  const tag = el.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  return !NON_VALUE_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
}

/**
 * A control that holds no value the user sees: hidden from everyone (aria-hidden, `hidden`,
 * inline display:none), like the key a custom select keeps in an input beside its shown text
 * (`<input aria-hidden="true" tabindex="-1" value="K">` next to "Kısmi Süreli").
 */
function isUnseenControl(el: Element): boolean {
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || (el as HTMLElement).style?.display === 'none';
}

function firstControlIn(el: Element): FormControl | null {
  if (isControl(el)) return isUnseenControl(el) ? null : el;
  for (const c of el.querySelectorAll(CONTROL_SELECTOR)) if (isControl(c) && !isUnseenControl(c)) return c;
  return null;
}

/** ARIA roles of a control drawn by a UI kit (a custom select, a number box) instead of a native one. */
const WIDGET_ROLES = new Set(['combobox', 'listbox', 'spinbutton', 'textbox', 'searchbox']);

/** An element drawn as a control by a UI kit: a `role="combobox"` div, a button opening a listbox. */
function isCustomControl(el: Element): boolean {
  if (isControl(el)) return false;
  const role = el.getAttribute('role');
  if (role && WIDGET_ROLES.has(role)) return true;
  const popup = el.getAttribute('aria-haspopup');
  return el.tagName === 'BUTTON' && (popup === 'listbox' || popup === 'true');
}

/** Parts of a widget that are not its value: the option list, tooltips, the clear / arrow buttons. */
const POPUP_ROLES = new Set(['listbox', 'option', 'tooltip', 'menu', 'menuitem', 'dialog', 'alert', 'status', 'img', 'presentation']);

/**
 * The text an element shows as a value: its visible words, without hidden parts (`hidden`,
 * aria-hidden, inline display:none), option lists and tooltips, scripts and controls' own text;
 * a control's placeholder word ("Seçiniz") or a lone glyph ("▼", "×") is no value.
 */
function shownText(el: Element): string {
  let out = '';
  let budget = MAX_SCAN_CHARS;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && budget > 0; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const v = child.nodeValue ?? '';
        out += v.slice(0, budget);
        budget -= v.length;
      } else if (child.nodeType === 1) {
        const e = child as Element;
        const role = e.getAttribute('role');
        if (SKIP_TEXT.has(e.tagName) || isUnseenControl(e) || (role && POPUP_ROLES.has(role))) continue;
        out += ' ';
        walk(e);
        out += ' ';
      }
    }
  };
  walk(el);
  return meaningfulValue(normalizeSpaces(out));
}

/** True for a control that is part of a UI kit's select / combobox (its own value may be empty while the widget shows one). */
function inWidget(el: Element): boolean {
  let e: Element | null = el;
  for (let up = 0; e && up < 3; up++, e = e.parentElement) {
    if (e.getAttribute('role') === 'combobox' || e.hasAttribute('aria-activedescendant') || e.getAttribute('aria-haspopup') === 'listbox') return true;
  }
  return false;
}

/**
 * The value a custom select / combobox shows when its input is empty: the widget's displayed text
 * (Ant Design's selected item beside its search input, a MUI select's div), found by climbing from
 * the control while the ancestor does not hold the field's label; else the option its
 * aria-activedescendant names.
 */
function widgetValue(control: Element, label: Element, root: ParentNode): string {
  let e: Element | null = control;
  for (let up = 0; e && up < 4; up++, e = e.parentElement) {
    if (e !== control && (e.contains(label) || e === root)) break;
    if ((e.textContent ?? '').length > MAX_SCAN_CHARS) break;
    const text = shownText(e);
    if (text !== '') return text;
  }
  for (let c: Element | null = control; c; c = c === control ? c.closest('[aria-activedescendant]') : null) {
    const id = c.getAttribute('aria-activedescendant');
    const option = id ? elementById(root, id) : null;
    const text = option ? meaningfulValue(normalizeSpaces(option.textContent ?? '')) : '';
    if (text !== '') return text;
    if (c !== control) break;
  }
  return '';
}

/** The current value of a control as text: what the user typed, or the selected option's text. */
export function controlText(control: FormControl): string {
  if (control.tagName === 'SELECT') {
    const select = control as HTMLSelectElement;
    const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
    if (!option) return '';
    // a "Seçiniz" placeholder has an empty value: nothing is chosen yet
    if (option.hasAttribute('value') && option.getAttribute('value') === '') return '';
    return normalizeSpaces(option.textContent ?? '');
  }
  if (control.tagName === 'INPUT') {
    const input = control as HTMLInputElement;
    const type = (input.type || 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio') return input.checked ? normalizeSpaces(input.value) : '';
  }
  return normalizeSpaces(String(control.value ?? ''));
}

function ownerDocumentOf(root: ParentNode): Document | null {
  if ((root as Document).nodeType === 9) return root as Document;
  return (root as Node).ownerDocument ?? null;
}

function elementById(root: ParentNode, id: string): Element | null {
  if (!id) return null;
  const doc = ownerDocumentOf(root);
  const found = doc?.getElementById(id) ?? null;
  if (found && (root === doc || (root as Node).contains(found))) return found;
  for (const el of root.querySelectorAll('[id]')) if (el.id === id) return el;
  return null;
}

/** A header cell of a grid (column title), which names a column, not a form field. */
function isColumnHeader(el: Element): boolean {
  const cell = el.closest('th, td, [role="columnheader"], [role="gridcell"], [role="cell"]');
  if (!cell) return false;
  if (cell.getAttribute('role') === 'columnheader' || cell.closest('thead')) return true;
  if (cell.tagName !== 'TH') return false;
  const row = cell.parentElement;
  if (!row || row.tagName !== 'TR') return false;
  const cells = Array.from(row.children).filter((c) => c.tagName === 'TH' || c.tagName === 'TD');
  return cells.length >= 3 && cells.every((c) => c.tagName === 'TH');
}

/** True when the element itself holds a word (not only its children): where label words live. */
function hasOwnWords(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && /\p{L}/u.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/** Grids with more rows than any form has: their cells are data, never a form's labels (and skipping them keeps big grid pages fast). */
const FORM_MAX_ROWS = 80;
const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);
/** A grid with more rows than any form has (FORM_MAX_ROWS): the form readers never look inside it. */
export function isLargeGrid(el: Element): boolean {
  if (el.tagName === 'TABLE') return (el as HTMLTableElement).rows.length > FORM_MAX_ROWS;
  const role = el.getAttribute('role');
  return role !== null && GRID_ROLES.has(role) && el.querySelectorAll('[role="row"]').length > FORM_MAX_ROWS;
}

/**
 * One walk of the page for its form fields, in document order, without scripts, controls' option
 * lists and the insides of large data grids: the elements that hold words of their own (where
 * labels and headings live), and the elements named by aria-label / aria-labelledby (a control
 * may be named so). The grids are recognised as the walk meets them: a query for them, or for the
 * named elements, over the whole page would cost a 2,000-row list more than the rest of the walk.
 */
function formElements(root: ParentNode): { words: Element[]; named: Element[] } {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const words: Element[] = [];
  const named: Element[] = [];
  const walker = doc.createTreeWalker(root as Node, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => {
      const el = n as Element;
      if (el.hasAttribute('aria-labelledby') || el.hasAttribute('aria-label')) named.push(el);
      return SKIP_TEXT.has(el.tagName) || isLargeGrid(el) ? 2 /* REJECT */ : 1 /* ACCEPT */;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (hasOwnWords(n as Element)) words.push(n as Element);
  }
  return { words, named };
}

interface LabelHit<K extends string> {
  key: K;
  element: Element;
  text: string;
}

/** Every element whose own words are one of the fields' labels (the deepest such element). */
function findLabelElements<K extends string>(words: readonly Element[], matcher: LabelMatcher<K>): LabelHit<K>[] {
  const hits: LabelHit<K>[] = [];
  for (const el of words) {
    if (isControl(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > MAX_SCAN_CHARS) continue;
    const text = labelTextOf(el);
    if (!text || text.length > MAX_LABEL_CHARS) continue;
    const key = matchLabel(text, matcher);
    if (key === undefined || isColumnHeader(el)) continue;
    hits.push({ key, element: el, text });
  }
  // keep the deepest element of each nest (<td><b>AD</b></td>: the <b>)
  return hits.filter((h) => !hits.some((o) => o !== h && o.key === h.key && h.element.contains(o.element)));
}

interface ValueHit {
  valueElement: Element | null;
  control: FormControl | null;
}

/** The value next to a label: in the following cell/sibling, skipping separators (":") and spacers. */
function valueBesideLabel(
  label: Element,
  key: string,
  root: ParentNode,
  isLabel: (el: Element) => boolean,
  matcher: LabelMatcher<string>,
): ValueHit {
  // <label for="…">, also when the words sit in an element inside it (<label for><mat-label>AD</mat-label> *</label>)
  const labelTag = label.tagName === 'LABEL' ? label : label.closest('label');
  if (labelTag) {
    const forId = labelTag.getAttribute('for');
    if (forId) {
      const target = elementById(root, forId);
      if (target && isControl(target) && !isUnseenControl(target)) return { valueElement: target, control: target };
      if (target && isCustomControl(target)) return { valueElement: target, control: null };
    }
  }
  // <label>AD <input></label>
  const inside = firstControlIn(label);
  if (inside) return { valueElement: inside, control: inside };

  let cur: Element = label;
  let fallback: Element | null = null; // an empty cell beside the label: the field is there, blank
  for (let depth = 0; depth < 4; depth++) {
    let stopped = false;
    let sib = cur.nextElementSibling;
    for (let steps = 0; sib && steps < 3; steps++, sib = sib.nextElementSibling) {
      if (SKIP_TEXT.has(sib.tagName) && !isControl(sib) && !isCustomControl(sib)) continue;
      if (isLabel(sib)) {
        stopped = true; // the next field begins: this one is empty
        break;
      }
      const control = firstControlIn(sib);
      if (control) return { valueElement: control, control };
      if (foldLabel(labelTextOf(sib)) !== '' || (isCustomControl(sib) && shownText(sib) !== '')) return { valueElement: sib, control: null };
      fallback ??= sib;
    }
    if (stopped) break;
    // nothing beside: climb while the parent still only holds the label (<td><b>AD</b> *</td>)
    if (CELL_TAGS.has(cur.tagName) && cur.tagName !== 'LABEL') break;
    const parent = cur.parentElement;
    if (!parent || parent === root || !(root as Node).contains(parent)) break;
    if ((parent.textContent ?? '').length > MAX_SCAN_CHARS) break;
    if (matchLabel(labelTextOf(parent), matcher) !== key) break;
    // a wrapper holding only this label and a control before it (floating labels: <input><label>AD</label>)
    const wrapped = firstControlIn(parent);
    if (wrapped) return { valueElement: wrapped, control: wrapped };
    cur = parent;
  }
  if (fallback === null) {
    const below = cellBelow(cur);
    if (below && !isLabel(below)) {
      const control = firstControlIn(below);
      if (control) return { valueElement: control, control };
      if (foldLabel(labelTextOf(below)) !== '') return { valueElement: below, control: null };
    }
  }
  return { valueElement: fallback, control: null };
}

/**
 * Captions stacked over their values (a caption row above a value row, as DevExpress form layouts
 * and ASP.NET tables put them): the cell at the same place in the next row.
 */
function cellBelow(cell: Element): Element | null {
  if (cell.tagName !== 'TD' && cell.tagName !== 'TH') return null;
  const row = cell.parentElement;
  if (!row || row.tagName !== 'TR') return null;
  let index = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) if (c.tagName === 'TD' || c.tagName === 'TH') index++;
  let next = row.nextElementSibling;
  while (next && next.tagName !== 'TR') next = next.nextElementSibling;
  if (!next) return null;
  let i = 0;
  for (let c = next.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName !== 'TD' && c.tagName !== 'TH') continue;
    if (i++ === index) return c;
  }
  return null;
}

function fieldFrom<K extends string>(key: K, labelElement: Element, labelText: string, value: ValueHit, root: ParentNode): FormField<K> {
  const { valueElement, control } = value;
  let text: string;
  if (control) {
    // a UI kit's select keeps its input empty and shows the chosen text beside it
    text = controlText(control);
    if (text === '' && inWidget(control)) text = widgetValue(control, labelElement, root);
  } else if (valueElement && isCustomControl(valueElement)) {
    text = shownText(valueElement) || widgetValue(valueElement, labelElement, root);
  } else {
    text = valueElement ? labelTextOf(valueElement) : '';
  }
  return { key, labelElement, labelText, valueElement, control, text };
}

/** How good a found field is: a control or a value text beats an empty value beats nothing beside. */
function fieldScore(f: FormField): number {
  if (f.control) return 3;
  if (f.valueElement && f.text) return 2;
  if (f.valueElement) return 1;
  return 0;
}

/**
 * Finds the fields of a form under `root`, whatever the layout: `<label for>` and wrapping labels,
 * table rows (label and value cells, the value possibly two cells on), `<dt>/<dd>`, div grids,
 * `aria-labelledby` and `aria-label` on controls. Grid column headers are not labels. For a label
 * shown more than once, the occurrence with a value wins (the first of equals).
 */
export function locateFormFields<K extends string>(
  root: ParentNode,
  specs: readonly FormFieldSpec<K>[] | LabelMatcher<K>,
): FoundFields<K> {
  const matcher = 'exact' in specs ? specs : compileFields(specs);
  const found: FoundFields<K> = {};
  const keep = (field: FormField<K>): void => {
    const prev = found[field.key];
    if (!prev || fieldScore(field) > fieldScore(prev)) found[field.key] = field;
  };

  try {
    const { words, named } = formElements(root);
    // (e) controls named by aria-labelledby / aria-label
    for (const el of named) {
      const native = isControl(el);
      if (native ? isUnseenControl(el) : !isCustomControl(el)) continue;
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      // a combobox often names itself after its label ("lbl-tip tip-value"): its own text is the value, not the name
      const labels = ids
        .map((id) => elementById(root, id))
        .filter((x): x is Element => x !== null && !el.contains(x) && !x.contains(el));
      const text = labels.length
        ? normalizeSpaces(labels.map(labelTextOf).join(' '))
        : normalizeSpaces(el.getAttribute('aria-label') ?? '');
      const key = matchLabel(text, matcher);
      if (key === undefined) continue;
      keep(fieldFrom(key, labels[0] ?? el, text, native ? { valueElement: el, control: el } : { valueElement: el, control: null }, root));
    }

    // (a)-(d) label words in the page
    const hits = findLabelElements(words, matcher);
    const labelSet = new Set(hits.map((h) => h.element));
    const isLabel = (el: Element): boolean => {
      if (labelSet.has(el)) return true;
      for (const h of labelSet) if (el.contains(h)) return true;
      return false;
    };
    for (const hit of hits) {
      if (found[hit.key]?.control) continue; // aria already gave the control
      const value = valueBesideLabel(hit.element, hit.key, root, isLabel, matcher as LabelMatcher<string>);
      keep(fieldFrom(hit.key, hit.element, hit.text, value, root));
    }
  } catch {
    // odd markup: return what was found so far
  }
  return found;
}

/* ------------------------------------------------------------------------------------------------
 * The record element
 * ---------------------------------------------------------------------------------------------- */

/** The smallest element holding all of `elements` (null for none). */
export function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let anc: Element | null = first;
  while (anc && !rest.every((el) => anc!.contains(el))) anc = anc.parentElement;
  return anc;
}

/**
 * The element that holds all of a form's found fields (labels and values): their smallest common
 * ancestor, lifted from a table section or row to its table, and from a control to its container.
 */
export function formElement(fields: readonly FormField[]): Element | null {
  const parts: Element[] = [];
  for (const f of fields) {
    parts.push(f.labelElement);
    if (f.valueElement) parts.push(f.valueElement);
  }
  let el = commonAncestor(parts);
  if (el && parts.length > 1 && (isControl(el) || ['TBODY', 'THEAD', 'TFOOT', 'TR'].includes(el.tagName))) {
    el = el.closest('table') ?? el.parentElement ?? el;
  }
  if (el && isControl(el)) el = el.parentElement ?? el;
  return el;
}

/** Cuts a page text to what the records accept (zod `text`: at most 2,000 characters). */
export function clipText(text: string, max = 2000): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The first element (document order) whose own words fold to one of `texts` (a heading, a title bar). */
export function findHeading(root: ParentNode, texts: readonly string[]): Element | null {
  const wanted = new Set(texts.map(foldLabel));
  try {
    for (const el of formElements(root).words) {
      const raw = el.textContent ?? '';
      if (raw.length === 0 || raw.length > 200) continue;
      if (wanted.has(foldLabel(labelTextOf(el)))) return el;
    }
  } catch {
    // odd markup
  }
  return null;
}

/** A found field's text, spaces collapsed and clipped; undefined when the field is absent or empty. */
export function fieldText(field: FormField | undefined): string | undefined {
  const t = field ? clipText(normalizeSpaces(field.text)) : '';
  return t === '' ? undefined : t;
}

/** A found field's count or minutes (Turkish numbers, "dk" allowed); undefined when not a number. */
export function fieldCount(field: FormField | undefined): number | undefined {
  return field ? figureOf(field.text) : undefined;
}

/** What makes a form screen: its labels, when the page shows it, and how its fields make one record. */
export interface FormScreenSpec<K extends string> {
  id: ScreenId;
  kind: 'approval' | 'contract-form';
  /** made on the first check, not when the content script is injected (compileFields folds every label) */
  matcher: () => LabelMatcher<K>;
  looksLike(root: ParentNode, fields: FoundFields<K>): boolean;
  toRecord(root: ParentNode, fields: FoundFields<K>): PageRecord;
  /** the field the user types the contract's minutes into (for the live note) */
  minutesField?: K;
  /** fields whose key is not the CellField they show (enteredMinutes → minutes); the others map by name */
  cells?: Partial<Record<K, CellField>>;
}

const CELL_FIELD_NAMES: ReadonlySet<string> = new Set(CELL_FIELDS);

/** Where each fact of a form was read: the field's control, else its value element. */
function formCells<K extends string>(fields: FoundFields<K>, map: Partial<Record<K, CellField>> = {}): Partial<Record<CellField, Element>> {
  const out: Partial<Record<CellField, Element>> = {};
  for (const key in fields) {
    const f = fields[key];
    const target = map[key] ?? (CELL_FIELD_NAMES.has(key) ? (key as unknown as CellField) : undefined);
    const el = f?.control ?? f?.valueElement;
    if (target && el && !out[target]) out[target] = el;
  }
  return out;
}

/**
 * A ScreenReader for a form: one record, its element the smallest one holding every found field,
 * zod-checked; never throws on odd markup (it reads nothing instead).
 */
export function formScreen<K extends string>(spec: FormScreenSpec<K>): ScreenReader {
  const located = (root: ParentNode): FoundFields<K> | undefined => {
    const fields = locateFormFields(root, spec.matcher());
    return spec.looksLike(root, fields) ? fields : undefined;
  };
  return {
    id: spec.id,
    blindToLargeGrids: true,
    detect(root) {
      try {
        return located(root) !== undefined;
      } catch {
        return false;
      }
    },
    read(root) {
      const read: ScreenRead = { screen: spec.id, records: [] };
      try {
        const fields = located(root);
        const element = fields && formElement(Object.values(fields).filter((f): f is FormField<K> => f !== undefined));
        if (!fields || !element) return read;
        const entry: ScreenRead['records'][number] = {
          element,
          record: nonEmpty(spec.toRecord(root, fields)) ?? { kind: spec.kind },
          cells: formCells(fields, spec.cells),
        };
        const control = spec.minutesField ? fields[spec.minutesField]?.control : undefined;
        if (control) entry.minutesControl = control;
        read.records.push(entry);
      } catch {
        // never throw on odd markup
      }
      return read;
    },
  };
}
