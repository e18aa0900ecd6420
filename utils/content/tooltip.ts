// The one shared tooltip of a document: a marker's findings — plain title, message with its numbers,
// which fact is missing and how to add it ("Profil ekle", or on the approval form: select the row in
// the Sözleşmeler grid first), the contracts counted, the source and the rule id (small, for bug
// reports). Shown on hover and focus; Enter, Space or a click pins it and moves focus into it;
// Escape closes it and gives focus back. Page text only ever arrives through textContent.
import type { Finding, RecordStatus } from '../rules/types';
import type { ScreenId, WorkplaceFacts } from '../records';
import { factLabel, PROFILE_FACTS, severityLabel, t } from '../i18n/page';
import { iconElement, type Tone } from './icons';
import { SHADOW_CSS } from './styles';
import type { MarkText } from './marks';

export interface MarkerState {
  findings: Finding[];
  tone: Tone;
  text: MarkText;
  screen: ScreenId;
  workplace?: WorkplaceFacts;
  record: { status: RecordStatus; findings: Finding[] };
}

/** Facts the old approval form does not show, which the selected grid row gives. */
const ROW_FACTS: readonly string[] = ['role', 'certificate-class', 'employment'];

interface Tooltip {
  host: HTMLElement;
  tip: HTMLElement;
  listeners: AbortController;
  current?: HTMLElement;
  pinned: boolean;
  /** focus is going back to the marker after Escape: do not open again */
  returning?: boolean;
  hideTimer?: ReturnType<typeof setTimeout>;
}
const tooltips = new WeakMap<Document, Tooltip>();
const senders = new WeakMap<Document, (message: unknown) => void>();
let stateOf: (el: Element) => MarkerState | undefined = () => undefined;

/** Where the tooltip finds a marker's state, and how "Profil ekle" reaches the background. */
export function connectTooltip(doc: Document, lookup: (el: Element) => MarkerState | undefined, send: (message: unknown) => void): void {
  stateOf = lookup;
  senders.set(doc, send);
}

function markerFrom(target: EventTarget | null): HTMLElement | undefined {
  const el = target as Element | null;
  return el && el.nodeType === 1 && el.getAttribute?.('data-katip-ui') === 'mark' ? (el as HTMLElement) : undefined;
}

/** The light-marked cell (marks.ts MARK_ATTR) the pointer is over, when this script marked it. */
function litCellFrom(target: EventTarget | null): HTMLElement | undefined {
  const el = target as Element | null;
  const cell = el && el.nodeType === 1 ? el.closest?.('[data-katip-mark]') : null;
  return cell && stateOf(cell) ? (cell as HTMLElement) : undefined;
}

/** The light-marked cell of the record the focus entered (a link or box in a big grid's row). */
function litCellOfFocus(target: EventTarget | null): HTMLElement | undefined {
  const el = target as Element | null;
  const row = el && el.nodeType === 1 ? el.closest?.('[data-katip-status]') : null;
  const cell = row?.querySelector('[data-katip-mark]');
  return cell && stateOf(cell) ? (cell as HTMLElement) : undefined;
}

export function installTooltip(doc: Document): void {
  if (tooltips.get(doc)?.host.isConnected) return;
  tooltips.get(doc)?.listeners.abort();
  const host = doc.createElement('span');
  host.setAttribute('data-katip-ui', 'tooltip');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'dialog');
  tip.hidden = true;
  shadow.append(style, tip);
  (doc.body ?? doc.documentElement).append(host);
  const listeners = new AbortController();
  const state: Tooltip = { host, tip, listeners, pinned: false };
  tooltips.set(doc, state);
  const opts = { capture: true, signal: listeners.signal };
  const cancelHide = () => {
    if (state.hideTimer) clearTimeout(state.hideTimer);
    state.hideTimer = undefined;
  };
  const hideSoon = () => {
    cancelHide();
    if (!state.pinned) state.hideTimer = setTimeout(() => hideTip(doc), 250);
  };
  doc.addEventListener('mouseover', (e) => {
    const m = markerFrom(e.target) ?? litCellFrom(e.target);
    if (m) {
      cancelHide();
      if (state.current === m && !tip.hidden) return; // moving between the children of one cell
      if (!state.pinned || state.current !== m) showTip(doc, m);
    } else if (e.target === host) cancelHide();
  }, opts);
  doc.addEventListener('mouseout', (e) => {
    if (markerFrom(e.target) || litCellFrom(e.target) || e.target === host) hideSoon();
  }, opts);
  doc.addEventListener('focusin', (e) => {
    // a marker, or (big grids, light marks) a focusable element of a marked row: the portal's own
    // links and boxes lead a keyboard user through the findings, nothing is added to the tab order
    const m = markerFrom(e.target) ?? litCellOfFocus(e.target);
    if (m && !state.returning) showTip(doc, m);
    state.returning = false;
  }, opts);
  doc.addEventListener('focusout', (e) => {
    const to = (e as FocusEvent).relatedTarget;
    const intoTip = to instanceof Node && (to === host || !!shadow.contains(to));
    if ((markerFrom(e.target) || litCellOfFocus(e.target) || e.target === host) && !intoTip && !markerFrom(to)) {
      state.pinned = false;
      hideTip(doc);
    }
  }, opts);
  const pin = (m: HTMLElement, e: Event) => {
    e.preventDefault();
    e.stopPropagation();
    showTip(doc, m);
    state.pinned = true;
    (tip.querySelector('button') as HTMLElement | null)?.focus();
  };
  doc.addEventListener('click', (e) => {
    const m = markerFrom(e.target);
    if (m) pin(m, e);
    else if (state.pinned && e.target !== host) {
      state.pinned = false;
      hideTip(doc);
    }
  }, opts);
  doc.addEventListener('keydown', (e) => {
    const m = markerFrom(e.target);
    if (m && (e.key === 'Enter' || e.key === ' ')) pin(m, e);
    else if (e.key === 'Escape' && !tip.hidden) {
      const back = state.current;
      state.pinned = false;
      hideTip(doc);
      if (back?.isConnected && e.target === host) {
        state.returning = true;
        back.focus();
      }
    }
  }, opts);
}

export function removeTooltip(doc: Document): void {
  const state = tooltips.get(doc);
  if (!state) return;
  state.listeners.abort();
  if (state.hideTimer) clearTimeout(state.hideTimer);
  state.host.remove();
  tooltips.delete(doc);
}

export function hideTip(doc: Document): void {
  const state = tooltips.get(doc);
  if (!state) return;
  state.tip.hidden = true;
  state.current = undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One failed rule as a list item of the tooltip: plain title, message with its numbers, counted, source. */
function findingItem(doc: Document, f: Finding, s: MarkerState): HTMLElement {
  const lang = s.text.language;
  const li = el(doc, 'li');
  const body = el(doc, 'div');
  body.append(el(doc, 'span', 'title', s.text.ruleTitle(f.ruleId)[lang]), doc.createTextNode(' — '), doc.createTextNode(f.message[lang]));
  if (f.counted?.length) body.append(el(doc, 'span', 'small', `${t(lang, 'counted')}: ${f.counted.map((c) => c[lang]).join('; ')}`));
  const cite = el(doc, 'span', 'small', `${t(lang, 'citation')}: ${f.citation} `);
  cite.append(el(doc, 'span', 'id', f.ruleId));
  body.append(cite);
  li.append(iconElement(doc, f.severity), body);
  return li;
}

/**
 * Everything that could not be judged, as ONE item: which rules, which facts are missing (once), and
 * the one way to add them — "Profil ekle", or on the approval form: select the row in the grid first.
 */
function missingItem(doc: Document, list: Finding[], s: MarkerState): HTMLElement {
  const lang = s.text.language;
  const li = el(doc, 'li');
  const body = el(doc, 'div');
  const titles = [...new Set(list.map((f) => s.text.ruleTitle(f.ruleId)[lang]))].join('; ');
  body.append(el(doc, 'span', 'title', `${t(lang, 'markNotJudged')}: `), doc.createTextNode(titles));
  const missing = [...new Set(list.flatMap((f) => f.missing ?? []))];
  if (missing.length) body.append(el(doc, 'span', 'small', t(lang, 'missingFacts', { facts: missing.map((m) => factLabel(lang, m)).join(', ') })));
  if (s.screen === 'old-approval' && missing.some((m) => ROW_FACTS.includes(m))) body.append(el(doc, 'span', 'small', t(lang, 'hintSelectRow')));
  if (missing.some((m) => PROFILE_FACTS.includes(m))) {
    const button = el(doc, 'button', undefined, t(lang, 'profileAddFor'));
    button.type = 'button';
    button.addEventListener('click', () => senders.get(doc)?.({ type: 'open-profile', workplace: s.workplace ?? {} }));
    body.append(button);
  }
  const ids = el(doc, 'span', 'small');
  ids.append(el(doc, 'span', 'id', [...new Set(list.map((f) => f.ruleId))].join(' ')));
  body.append(ids);
  li.append(iconElement(doc, 'unknown'), body);
  return li;
}

/** Fills the shared tooltip with a marker's findings and places it beside the marker. */
export function showTip(doc: Document, marker: HTMLElement): HTMLElement | undefined {
  const tooltip = tooltips.get(doc);
  const s = stateOf(marker);
  if (!tooltip || !s) return undefined;
  const lang = s.text.language;
  const { tip } = tooltip;
  tooltip.current = marker;
  tooltip.pinned = false;
  const sev = severityLabel(lang, s.tone === 'unknown' ? 'needs-data' : s.tone);
  const head = el(doc, 'div', 'head');
  head.append(iconElement(doc, s.tone, 16), doc.createTextNode(`${t(lang, 'appName')} — ${sev.word}`));
  tip.replaceChildren(head);
  tip.setAttribute('aria-label', `${t(lang, 'appName')} — ${sev.word}`);
  if (s.findings.length === 0) {
    tip.append(el(doc, 'span', undefined, t(lang, 'markAllMet')));
  } else {
    const list = el(doc, 'ul');
    // errors first, then warnings, then (as one item) what could not be judged
    const failed = s.findings.filter((f) => f.result === 'fail');
    for (const f of [...failed].sort((a, b) => Number(a.severity === 'warn') - Number(b.severity === 'warn'))) list.append(findingItem(doc, f, s));
    const unjudged = s.findings.filter((f) => f.result === 'needs-data');
    if (unjudged.length) list.append(missingItem(doc, unjudged, s));
    tip.append(list);
  }
  tip.hidden = false;
  const r = marker.getBoundingClientRect();
  const view = doc.defaultView;
  const vw = view?.innerWidth ?? 800;
  const vh = view?.innerHeight ?? 600;
  tip.style.left = `${Math.max(8, Math.min(r.left, vw - Math.min(440, vw - 16) - 8))}px`;
  const below = r.bottom + 4;
  if (vh - below < 180 && r.top > vh - below) {
    tip.style.top = '';
    tip.style.bottom = `${vh - r.top + 4}px`;
  } else {
    tip.style.bottom = '';
    tip.style.top = `${below}px`;
  }
  return tip;
}
