// The live note beside the new contract form's minutes field (PAGE-CONTRACT.md: judged again as the
// clerk types): required, already running, entered, shortfall — and which fact is missing, if any.
// Never a shortfall figure while the minutes (or the requirement) are unknown.
import { formatTurkishNumber } from '../domain/core';
import { factLabel, t, type Lang } from '../i18n/page';
import type { ContractFormFacts } from '../records';
import { serviceFigures } from '../rules/service';
import type { Subject } from '../rules/types';
import { iconElement, type Tone } from './icons';
import { SHADOW_CSS } from './styles';

/** A number in the language's format: "1.200" in Turkish, "1,200" in English. */
export function formatNumber(lang: Lang, v: number): string {
  return lang === 'tr' ? formatTurkishNumber(v) : v.toLocaleString('en');
}

const minutesText = (lang: Lang, v: number | undefined) => (v === undefined ? '?' : t(lang, 'unitMinutes', { n: formatNumber(lang, v) }));

/** The note's text and tone for a contract-form subject. */
export function minutesNoteText(subject: Subject, lang: Lang): { text: string; tone: Extract<Tone, 'ok' | 'error' | 'unknown'> } {
  const figures = serviceFigures(subject);
  const form: ContractFormFacts = subject.record.form ?? {};
  if (figures.state === 'inapplicable') return { tone: 'ok', text: t(lang, 'noteInapplicable') };
  if (figures.state === 'needs') {
    return { tone: 'unknown', text: t(lang, 'noteCannot', { facts: figures.missing.map((f) => factLabel(lang, f)).join(', ') }) };
  }
  const parts = [
    `${t(lang, 'noteRequired')}: ${figures.requirement[lang]}`,
    `${t(lang, 'noteRunning')}: ${minutesText(lang, form.runningTotalMinutes)}`,
    `${t(lang, 'noteEntered')}: ${form.enteredMinutes === undefined ? t(lang, 'noteNoneYet') : minutesText(lang, form.enteredMinutes)}`,
  ];
  if (form.enteredMinutes === undefined) return { tone: 'unknown', text: parts.join(' · ') };
  if (figures.shortfallMinutes > 0) {
    parts.push(`${t(lang, 'noteShort')}: ${minutesText(lang, figures.shortfallMinutes)}`);
    return { tone: 'error', text: parts.join(' · ') };
  }
  parts.push(t(lang, 'noteEnough'));
  return { tone: 'ok', text: parts.join(' · ') };
}

/** The note of each minutes control: its host (in the page) and the parts in its shadow root. */
const notes = new WeakMap<Element, { host: HTMLElement; note: HTMLElement; label: HTMLElement; tone?: string }>();

/** Shows (or updates) the note right after the minutes control. */
export function showMinutesNote(control: Element, subject: Subject, lang: Lang): HTMLElement {
  let shown = notes.get(control);
  if (!shown || !shown.host.isConnected) {
    const doc = control.ownerDocument;
    const host = doc.createElement('span');
    host.setAttribute('data-katip-ui', 'minutes-note');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = SHADOW_CSS;
    const note = doc.createElement('span');
    note.setAttribute('role', 'status');
    const label = doc.createElement('span');
    note.append(label);
    shadow.append(style, note);
    control.after(host);
    shown = { host, note, label };
    notes.set(control, shown);
  }
  const { note, label } = shown;
  const { text, tone } = minutesNoteText(subject, lang);
  if (label.textContent !== text) label.textContent = text;
  if (shown.tone !== tone) {
    note.className = `note ${tone}`;
    note.firstChild !== label && note.firstChild?.remove();
    note.prepend(iconElement(control.ownerDocument, tone));
    shown.tone = tone;
  }
  return shown.host;
}

/** Removes the note of a control (the form is gone or the script is stopping). */
export function removeMinutesNote(control: Element): void {
  notes.get(control)?.host.remove();
  notes.delete(control);
}
