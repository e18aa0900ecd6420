// Writes the extension's public output into a portal page (PAGE-CONTRACT.md): the data-katip-*
// attributes on the document and on each judged record, and a badge per record. Badges are light
// (no text nodes, no shadow root each: a 2,000-row grid must stay fast); one shared tooltip, in a
// shadow root, lists a badge's findings on hover or focus. Page text only ever reaches the DOM
// through textContent.
import type { Bilingual, Finding, RecordStatus, RuleId } from '../rules/types';
import type { ScreenId } from '../records';
import { factLabel, PROFILE_FACTS, severityLabel, t, type Lang } from '../i18n';
import { BADGE_CSS, PAGE_CSS } from './badge-css';

export const UI_ATTR = 'data-katip-ui';
const RECORD_ATTRS = ['data-katip-status', 'data-katip-rules'] as const;

export interface RecordMark {
  status: RecordStatus;
  rules: string;
  findings: Finding[];
}

export interface MarkText {
  language: Lang;
  ruleTitle(id: RuleId): Bilingual;
}

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

interface BadgeState {
  mark: RecordMark;
  text: MarkText;
}
const badgeOf = new WeakMap<Element, HTMLElement>();
const stateOf = new WeakMap<Element, BadgeState>();

export function markRecord(el: Element, mark: RecordMark, text: MarkText): HTMLElement {
  if (el.getAttribute('data-katip-status') !== mark.status) el.setAttribute('data-katip-status', mark.status);
  if (el.getAttribute('data-katip-rules') !== mark.rules) el.setAttribute('data-katip-rules', mark.rules);
  ensurePageStyles(el.ownerDocument);
  let badge = badgeOf.get(el);
  if (!badge || !badge.isConnected) {
    badge = insertBadge(el);
    badgeOf.set(el, badge);
  }
  stateOf.set(badge, { mark, text });
  const s = severityLabel(text.language, mark.status === 'unknown' ? 'needs-data' : mark.status);
  const count = mark.findings.length;
  const label = `${s.icon} ${s.word}${count > 1 ? ` (${count})` : ''}`;
  if (badge.getAttribute('data-katip-label') !== label) badge.setAttribute('data-katip-label', label);
  if (badge.getAttribute('data-katip-tone') !== mark.status) badge.setAttribute('data-katip-tone', mark.status);
  const summary = mark.findings.map((f) => findingLine(f, text)).join(' · ');
  const name = `KATİP Asistanı: ${s.word}${summary ? `. ${summary}` : ''}`;
  if (badge.getAttribute('aria-label') !== name) badge.setAttribute('aria-label', name);
  return badge;
}

export function unmarkRecord(el: Element): void {
  for (const a of RECORD_ATTRS) el.removeAttribute(a);
  badgeOf.get(el)?.remove();
  badgeOf.delete(el);
}

/** Removes every mark from a document (screen gone, extension reloaded). */
export function unmarkAll(doc: Document): void {
  unmarkDocument(doc);
  for (const el of doc.querySelectorAll('[data-katip-status]')) unmarkRecord(el);
  for (const el of doc.querySelectorAll(`[${UI_ATTR}]`)) el.remove();
  tooltips.get(doc)?.listeners.abort();
  tooltips.delete(doc);
}

const TABLE_PARTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'DL', 'UL', 'OL', 'SELECT']);

function insertBadge(record: Element): HTMLElement {
  const doc = record.ownerDocument;
  const badge = doc.createElement('span');
  badge.setAttribute(UI_ATTR, 'badge');
  badge.setAttribute('role', 'note');
  badge.tabIndex = 0;
  const isRow = record.tagName === 'TR' || record.getAttribute('role') === 'row';
  if (isRow) {
    const cells = record.querySelectorAll(':scope > td, :scope > th, [role="gridcell"], [role="cell"]');
    let cell: Element | undefined;
    for (const c of cells) {
      const h = c as HTMLElement;
      if (!h.hidden && h.style?.display !== 'none') {
        cell = c;
        break;
      }
    }
    (cell ?? record).append(badge);
  } else {
    let anchor: Element = record;
    while (TABLE_PARTS.has(anchor.tagName) && anchor.parentElement && TABLE_PARTS.has(anchor.parentElement.tagName)) {
      anchor = anchor.parentElement;
    }
    if (TABLE_PARTS.has(anchor.tagName)) anchor.before(badge);
    else anchor.prepend(badge);
  }
  return badge;
}

/** The page stylesheet of each document; markRecord runs per record, so this is checked without a query. */
const pageStyles = new WeakMap<Document, HTMLStyleElement>();

function ensurePageStyles(doc: Document): void {
  if (pageStyles.get(doc)?.isConnected) return;
  const found = doc.querySelector<HTMLStyleElement>(`style[${UI_ATTR}="styles"]`);
  if (found) {
    pageStyles.set(doc, found);
    return;
  }
  const style = doc.createElement('style');
  style.setAttribute(UI_ATTR, 'styles');
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
  pageStyles.set(doc, style);
  installTooltip(doc);
}

// ---------------------------------------------------------------------------------------------
// The shared tooltip

interface Tooltip {
  host: HTMLElement;
  tip: HTMLElement;
  listeners: AbortController;
}
const tooltips = new WeakMap<Document, Tooltip>();

function installTooltip(doc: Document): void {
  if (tooltips.has(doc)) return;
  const host = doc.createElement('span');
  host.setAttribute(UI_ATTR, 'tooltip');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  shadow.append(style, tip);
  (doc.body ?? doc.documentElement).append(host);
  const listeners = new AbortController();
  const opts = { capture: true, signal: listeners.signal };
  tooltips.set(doc, { host, tip, listeners });
  const show = (event: Event) => {
    const badge = badgeFrom(event.target);
    if (badge) showTip(doc, badge);
  };
  const hide = (event: Event) => {
    const badge = badgeFrom(event.target);
    if (badge) tooltips.get(doc)?.tip.setAttribute('hidden', '');
  };
  doc.addEventListener('mouseover', show, opts);
  doc.addEventListener('focusin', show, opts);
  doc.addEventListener('mouseout', hide, opts);
  doc.addEventListener('focusout', hide, opts);
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape') tip.setAttribute('hidden', '');
    },
    opts,
  );
}

function badgeFrom(target: EventTarget | null): HTMLElement | undefined {
  const el = target as Element | null;
  return el && el.nodeType === 1 && el.getAttribute?.(UI_ATTR) === 'badge' ? (el as HTMLElement) : undefined;
}

function node<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One line per finding, as text (also the badge's accessible name). */
export function findingLine(f: Finding, text: MarkText): string {
  const title = text.ruleTitle(f.ruleId)[text.language];
  if (f.result === 'needs-data') {
    const facts = (f.missing ?? []).map((m) => factLabel(text.language, m)).join(', ');
    const prefix = text.language === 'tr' ? 'Değerlendirilemedi' : 'Could not be judged';
    return `${prefix} (${title}): ${f.message[text.language]}${facts ? ` [${facts}]` : ''}`;
  }
  return `${title}: ${f.message[text.language]}`;
}

/** Fills the shared tooltip with a badge's findings and places it beside the badge. */
export function showTip(doc: Document, badge: HTMLElement): HTMLElement | undefined {
  const tooltip = tooltips.get(doc);
  const state = stateOf.get(badge);
  if (!tooltip || !state) return undefined;
  const { mark, text } = state;
  const tip = tooltip.tip;
  const s = severityLabel(text.language, mark.status === 'unknown' ? 'needs-data' : mark.status);
  tip.replaceChildren(node(doc, 'h4', undefined, `KATİP Asistanı — ${s.word}`));
  if (mark.findings.length === 0) {
    tip.append(node(doc, 'span', undefined, text.language === 'tr' ? 'Uygulanan kuralların hepsi sağlandı.' : 'Every applicable rule is met.'));
  } else {
    const list = node(doc, 'ul');
    for (const f of mark.findings) {
      const kind = severityLabel(text.language, f.result === 'needs-data' ? 'needs-data' : f.severity);
      const li = node(doc, 'li');
      li.append(node(doc, 'span', 'rule', `${kind.icon} ${f.ruleId}`), doc.createTextNode(' — '), doc.createTextNode(findingLine(f, text)));
      if (f.result === 'needs-data' && f.missing?.some((m) => PROFILE_FACTS.includes(m))) {
        li.append(node(doc, 'span', 'counted', t(text.language, 'missingHintProfile')));
      }
      if (f.counted?.length) {
        li.append(node(doc, 'span', 'counted', `${text.language === 'tr' ? 'Sayılan sözleşmeler' : 'Contracts counted'}: ${f.counted.join('; ')}`));
      }
      li.append(node(doc, 'span', 'cite', `${text.language === 'tr' ? 'Kaynak' : 'Source'}: ${f.citation}`));
      list.append(li);
    }
    tip.append(list);
  }
  tip.removeAttribute('hidden');
  const r = badge.getBoundingClientRect();
  const view = doc.defaultView;
  const vw = view?.innerWidth ?? 800;
  const vh = view?.innerHeight ?? 600;
  tip.style.left = `${Math.max(8, Math.min(r.left, vw - Math.min(420, vw - 16) - 8))}px`;
  const below = r.bottom + 4;
  if (vh - below < 160 && r.top > vh - below) {
    tip.style.top = '';
    tip.style.bottom = `${vh - r.top + 4}px`;
  } else {
    tip.style.bottom = '';
    tip.style.top = `${below}px`;
  }
  return tip;
}
