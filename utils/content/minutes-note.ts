// The live note beside the new contract form's minutes field (PAGE-CONTRACT.md: judged again as the
// clerk types): required, already running, entered, shortfall — and which fact is missing, if any.
import { formatTurkishNumber } from '../domain/core';
import { factLabel, type Lang } from '../i18n';
import type { ContractFormFacts } from '../records';
import { serviceFigures } from '../rules/service';
import type { Subject } from '../rules/types';
import { BADGE_CSS } from './badge-css';
import { UI_ATTR } from './marks';

const n = (v: number | undefined) => (v === undefined ? '?' : formatTurkishNumber(v));

/** The note's text and tone for a contract-form subject. */
export function minutesNoteText(subject: Subject, lang: Lang): { text: string; tone: 'ok' | 'error' | 'unknown' } {
  const figures = serviceFigures(subject);
  const form: ContractFormFacts = subject.record.form ?? {};
  const tr = lang === 'tr';
  if (figures.state === 'inapplicable') {
    return { tone: 'ok', text: tr ? 'Bu görev için asgari süre aranmıyor.' : 'No minimum applies to this role here.' };
  }
  if (figures.state === 'needs') {
    const facts = figures.missing.map((f) => factLabel(lang, f)).join(', ');
    return { tone: 'unknown', text: tr ? `Gerekli süre hesaplanamadı; eksik bilgi: ${facts}.` : `Required minutes cannot be computed; missing: ${facts}.` };
  }
  const parts = [
    `${tr ? 'Gerekli' : 'Required'}: ${figures.requirement[lang]}`,
    `${tr ? 'Devam eden' : 'Running'}: ${n(form.runningTotalMinutes)} dk`,
    `${tr ? 'Girilen' : 'Entered'}: ${form.enteredMinutes === undefined ? (tr ? 'henüz yok' : 'none yet') : `${n(form.enteredMinutes)} dk`}`,
  ];
  if (form.enteredMinutes === undefined) return { tone: 'unknown', text: parts.join(' · ') };
  if (figures.shortfallMinutes > 0) {
    parts.push(`${tr ? 'Eksik' : 'Short'}: ${n(figures.shortfallMinutes)} dk`);
    return { tone: 'error', text: `⛔ ${parts.join(' · ')}` };
  }
  parts.push(tr ? 'Yeterli' : 'Enough');
  return { tone: 'ok', text: `✓ ${parts.join(' · ')}` };
}

/** The note of each minutes control: its host (in the page) and the text element in its shadow root. */
const notes = new WeakMap<Element, { host: HTMLElement; note: HTMLElement }>();

/** Shows (or updates) the note right after the minutes control. */
export function showMinutesNote(control: Element, subject: Subject, lang: Lang): HTMLElement {
  let shown = notes.get(control);
  if (!shown || !shown.host.isConnected) {
    const doc = control.ownerDocument;
    const host = doc.createElement('span');
    host.setAttribute(UI_ATTR, 'minutes-note');
    host.setAttribute('role', 'status');
    host.setAttribute('aria-live', 'polite');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    const note = doc.createElement('span');
    note.className = 'note';
    shadow.append(style, note);
    control.after(host);
    shown = { host, note };
    notes.set(control, shown);
  }
  const { host, note } = shown;
  const { text, tone } = minutesNoteText(subject, lang);
  if (note.textContent !== text) note.textContent = text;
  note.className = `note ${tone}`;
  host.setAttribute('aria-label', text);
  return host;
}
