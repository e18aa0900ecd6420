// Writes the extension's public output into a portal page (PAGE-CONTRACT.md): the data-katip-*
// attributes on the document and on each judged record, and a badge per record whose tooltip lists
// the findings. Badges live in their own shadow roots, so the portal's text (what the screen readers
// read) and styles are untouched. Page text only ever reaches the DOM through textContent.
import type { Bilingual, Finding, RecordStatus, RuleId } from '../rules/types';
import type { ScreenId } from '../records';
import { factLabel, severityLabel, type Lang } from '../i18n';
import { BADGE_CSS } from './badge-css';

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

export function markRecord(el: Element, mark: RecordMark, text: MarkText): HTMLElement {
  if (el.getAttribute('data-katip-status') !== mark.status) el.setAttribute('data-katip-status', mark.status);
  if (el.getAttribute('data-katip-rules') !== mark.rules) el.setAttribute('data-katip-rules', mark.rules);
  const badge = findBadge(el) ?? insertBadge(el);
  renderBadge(badge, mark, text);
  return badge;
}

export function unmarkRecord(el: Element): void {
  for (const a of RECORD_ATTRS) el.removeAttribute(a);
  findBadge(el)?.remove();
}

/** Removes every mark from a document (screen gone, extension reloaded). */
export function unmarkAll(doc: Document): void {
  unmarkDocument(doc);
  for (const el of doc.querySelectorAll('[data-katip-status]')) unmarkRecord(el);
  for (const el of doc.querySelectorAll(`[${UI_ATTR}]`)) el.remove();
}

const badgeOf = new WeakMap<Element, HTMLElement>();

function findBadge(record: Element): HTMLElement | undefined {
  const b = badgeOf.get(record);
  return b && b.isConnected ? b : undefined;
}

const TABLE_PARTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'DL', 'UL', 'OL', 'SELECT']);

function insertBadge(record: Element): HTMLElement {
  const doc = record.ownerDocument;
  const host = doc.createElement('span');
  host.setAttribute(UI_ATTR, 'badge');
  host.tabIndex = 0;
  const shadow = host.attachShadow({ mode: 'open' });
  adoptCss(shadow);
  const isRow = record.tagName === 'TR' || record.getAttribute('role') === 'row';
  if (isRow) {
    const cells = record.querySelectorAll(':scope > td, :scope > th, [role="gridcell"], [role="cell"]');
    const cell = [...cells].find((c) => !(c as HTMLElement).hidden && (c as HTMLElement).style?.display !== 'none');
    (cell ?? record).append(host);
  } else {
    let anchor: Element = record;
    while (TABLE_PARTS.has(anchor.tagName) && anchor.parentElement && TABLE_PARTS.has(anchor.parentElement.tagName)) {
      anchor = anchor.parentElement;
    }
    if (TABLE_PARTS.has(anchor.tagName)) anchor.before(host);
    else anchor.prepend(host);
  }
  host.addEventListener('mouseenter', () => placeTip(host));
  host.addEventListener('focus', () => placeTip(host));
  badgeOf.set(record, host);
  return host;
}

function placeTip(host: HTMLElement): void {
  const tip = host.shadowRoot?.querySelector<HTMLElement>('.tip');
  if (!tip) return;
  const r = host.getBoundingClientRect();
  const view = host.ownerDocument.defaultView;
  const width = Math.min(420, (view?.innerWidth ?? 800) - 16);
  const left = Math.max(8, Math.min(r.left, (view?.innerWidth ?? 800) - width - 8));
  const below = r.bottom + 4;
  const room = (view?.innerHeight ?? 600) - below;
  tip.style.left = `${left}px`;
  if (room < 160 && r.top > room) {
    tip.style.top = '';
    tip.style.bottom = `${(view?.innerHeight ?? 600) - r.top + 4}px`;
  } else {
    tip.style.bottom = '';
    tip.style.top = `${below}px`;
  }
}

const sheets = new WeakMap<Document, CSSStyleSheet>();

function adoptCss(shadow: ShadowRoot): void {
  const doc = shadow.ownerDocument;
  try {
    let sheet = sheets.get(doc);
    if (!sheet) {
      const Ctor = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      sheet = new Ctor();
      sheet.replaceSync(BADGE_CSS);
      sheets.set(doc, sheet);
    }
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // constructable stylesheets unavailable: one <style> per badge
  }
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style);
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
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

function renderBadge(host: HTMLElement, mark: RecordMark, text: MarkText): void {
  const key = `${mark.status}|${mark.rules}|${text.language}|${mark.findings.map((f) => f.message.tr).join('|')}`;
  if (host.dataset.katipKey === key) return;
  host.dataset.katipKey = key;
  const shadow = host.shadowRoot!;
  const doc = host.ownerDocument;
  for (const child of [...shadow.childNodes]) if (child.nodeName !== 'STYLE') child.remove();
  const s = severityLabel(text.language, mark.status === 'unknown' ? 'needs-data' : mark.status);
  const count = mark.findings.length;
  const chip = el(doc, 'span', `chip ${mark.status}`);
  chip.append(el(doc, 'span', 'icon', s.icon), el(doc, 'span', 'word', s.word));
  if (count > 1) chip.append(el(doc, 'span', 'count', `(${count})`));
  const tip = el(doc, 'span', 'tip');
  tip.setAttribute('role', 'tooltip');
  tip.append(el(doc, 'h4', undefined, `KATİP Asistanı — ${s.word}`));
  if (count === 0) {
    tip.append(el(doc, 'span', undefined, text.language === 'tr' ? 'Uygulanan kuralların hepsi sağlandı.' : 'Every applicable rule is met.'));
  } else {
    const list = el(doc, 'ul');
    for (const f of mark.findings) {
      const li = el(doc, 'li');
      const kind = severityLabel(text.language, f.result === 'needs-data' ? 'needs-data' : f.severity);
      li.append(el(doc, 'span', 'rule', `${kind.icon} ${f.ruleId}`), doc.createTextNode(' — '));
      li.append(doc.createTextNode(findingLine(f, text)));
      if (f.counted?.length) {
        li.append(el(doc, 'span', 'counted', `${text.language === 'tr' ? 'Sayılan sözleşmeler' : 'Contracts counted'}: ${f.counted.join('; ')}`));
      }
      li.append(el(doc, 'span', 'cite', `${text.language === 'tr' ? 'Kaynak' : 'Source'}: ${f.citation}`));
      list.append(li);
    }
    tip.append(list);
  }
  shadow.append(chip, tip);
  const summary = mark.findings.map((f) => findingLine(f, text)).join(' · ');
  host.setAttribute('aria-label', `KATİP Asistanı: ${s.word}${summary ? `. ${summary}` : ''}`);
  host.setAttribute('role', 'note');
}
