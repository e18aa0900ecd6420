// The approval moment (issue 8): on the SÖZLEŞME ONAY form and the contract entry form, a compact
// bar right beside the portal's "Kayıt" / "Onayla" / "İleri" button (found by its label) listing
// this contract's errors, one line each with their numbers. With Settings.confirmBeforeSave (off by
// default) pressing "Kayıt" on a contract with errors asks window.confirm() first and goes on only
// if the user agrees; nothing else is ever intercepted, and nothing is ever clicked for the user.
// Pressing "Kayıt" on the approval form tells the background (approval-submitted: checklist step 8).
import type { AssignmentFacts, ScreenId } from '../records';
import type { Finding } from '../rules/types';
import { foldTurkish } from '../domain/text';
import { t, type Lang } from '../i18n/page';
import { iconElement, type Tone } from './icons';
import type { MarkText, RecordMark } from './marks';
import { SHADOW_CSS } from './styles';

export interface BarInput {
  screen: ScreenId;
  /** the form record */
  element: Element;
  mark: RecordMark;
  text: MarkText;
  confirmBeforeSave: boolean;
  assignment?: AssignmentFacts;
}

/** Button labels, best first: the portal's save, then approve, then next. */
const SAVE_LABELS = [/^(kayit|kaydet)\b/, /^onayla\b/, /^ileri\b/];
const CANDIDATES = 'button, input[type="submit"], input[type="button"], a, [role="button"]';

function labelOf(el: Element): string {
  const raw = el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
  return foldTurkish(raw || el.getAttribute('aria-label') || '');
}

/** The save button nearest to the record, by its label; undefined when the page shows none. */
export function findSaveButton(record: Element): Element | undefined {
  for (let scope: Element | null = record; scope; scope = scope.parentElement) {
    const found: { el: Element; rank: number }[] = [];
    for (const el of scope.querySelectorAll(CANDIDATES)) {
      if (el.closest('[data-katip-ui]')) continue;
      const label = labelOf(el);
      const rank = SAVE_LABELS.findIndex((re) => re.test(label));
      if (rank >= 0) found.push({ el, rank });
    }
    if (found.length) return found.sort((a, b) => a.rank - b.rank)[0]!.el;
  }
  return undefined;
}

interface Bar {
  host: HTMLElement;
  box: HTMLElement;
  button: Element;
  /** what the bar shows now (re-rendered, and announced, only when it changes) */
  shown?: string;
  input: BarInput;
  listeners: AbortController;
}
const bars = new WeakMap<Document, Bar>();

const errorsOf = (mark: RecordMark) => mark.findings.filter((f) => f.result === 'fail' && f.severity === 'error');

function line(lang: Lang, text: MarkText, f: Finding): string {
  return `${text.ruleTitle(f.ruleId)[lang]}: ${f.message[lang]}`;
}

/** The text window.confirm() shows before saving a contract with errors. */
export function confirmText(input: BarInput): string {
  const lang = input.text.language;
  const errors = errorsOf(input.mark);
  return t(lang, 'confirmSave', { n: errors.length, lines: errors.map((f) => `• ${line(lang, input.text, f)}`).join('\n') });
}

function render(doc: Document, bar: Bar): void {
  const { input, box } = bar;
  const lang = input.text.language;
  const errors = errorsOf(input.mark);
  const warnings = input.mark.findings.filter((f) => f.result === 'fail' && f.severity === 'warn');
  const unjudged = input.mark.findings.filter((f) => f.result === 'needs-data');
  const tone: Tone = errors.length ? 'error' : warnings.length ? 'warn' : unjudged.length ? 'unknown' : 'ok';
  const key = JSON.stringify([lang, input.screen, input.mark.findings.map((f) => [f.ruleId, f.result, f.message[lang]])]);
  if (bar.shown === key) return;
  bar.shown = key;
  const head = doc.createElement('div');
  head.className = 'head';
  const headText = errors.length === 1 ? t(lang, 'barOneError') : errors.length ? t(lang, 'barErrors', { n: errors.length }) : tone === 'ok' || tone === 'warn' ? t(lang, 'barNoErrors') : t(lang, 'markNotJudged');
  head.append(iconElement(doc, tone, 16), doc.createTextNode(headText));
  const list = doc.createElement('ul');
  for (const f of [...errors, ...warnings]) {
    const li = doc.createElement('li');
    const span = doc.createElement('span');
    span.textContent = line(lang, input.text, f);
    li.append(iconElement(doc, f.severity), span);
    list.append(li);
  }
  if (unjudged.length) {
    const li = doc.createElement('li');
    const span = doc.createElement('span');
    const items = [...new Set(unjudged.map((f) => input.text.ruleTitle(f.ruleId)[lang]))].join(', ');
    span.textContent = t(lang, 'barNotJudged', { items });
    if (input.screen === 'old-approval') {
      const hint = doc.createElement('span');
      hint.className = 'small';
      hint.textContent = t(lang, 'hintSelectRow');
      span.append(hint);
    }
    li.append(iconElement(doc, 'unknown'), span);
    list.append(li);
  }
  box.className = `bar ${tone}`;
  box.replaceChildren(head, ...(list.childElementCount ? [list] : []));
}

/**
 * Shows (or updates) the bar of a form record beside its save button. Returns the bar's host, or
 * undefined when the page shows no such button.
 */
export function showApprovalBar(input: BarInput, send: (message: unknown) => void): HTMLElement | undefined {
  const doc = input.element.ownerDocument;
  const button = findSaveButton(input.element);
  let bar = bars.get(doc);
  if (!button) {
    removeApprovalBar(doc);
    return undefined;
  }
  if (!bar || bar.button !== button || !bar.host.isConnected) {
    removeApprovalBar(doc);
    const host = doc.createElement('span');
    host.setAttribute('data-katip-ui', 'approval-bar');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = SHADOW_CSS;
    const box = doc.createElement('div');
    box.setAttribute('role', 'status');
    shadow.append(style, box);
    button.after(host);
    const listeners = new AbortController();
    bar = { host, box, button, input, listeners };
    bars.set(doc, bar);
    const current = bar;
    doc.addEventListener(
      'click',
      (e) => {
        const target = e.target as Node | null;
        if (!target || !(current.button === target || current.button.contains(target))) return;
        const { input: now } = current;
        const isSave = SAVE_LABELS[0]!.test(labelOf(current.button));
        if (!isSave) return;
        if (now.confirmBeforeSave && errorsOf(now.mark).length > 0) {
          const agreed = (doc.defaultView ?? window).confirm(confirmText(now));
          if (!agreed) {
            e.preventDefault();
            e.stopImmediatePropagation();
            return;
          }
        }
        if (now.screen === 'old-approval') send({ type: 'approval-submitted', assignment: now.assignment ?? {} });
      },
      { capture: true, signal: listeners.signal },
    );
  }
  bar.input = input;
  bar.host.setAttribute('aria-label', t(input.text.language, 'barRegion'));
  render(doc, bar);
  return bar.host;
}

export function removeApprovalBar(doc: Document): void {
  const bar = bars.get(doc);
  if (!bar) return;
  bar.listeners.abort();
  bar.host.remove();
  bars.delete(doc);
}
