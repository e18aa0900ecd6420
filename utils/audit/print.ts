// The printed audit report's pages (Yazdır / PDF olarak kaydet): A4 (style.css), and in CSS
// @page margin boxes the page number ("Sayfa 2 / 7") bottom right and the report's title, the
// user's workplace or OSGB name and the report's date bottom left, in the page's language.
import type { Lang } from '@/utils/i18n';
import { at } from './i18n';

/** A CSS string: the text between double quotes, its quotes and backslashes escaped, line breaks dropped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n\f]+/g, ' ')}"`;
}

/** The @page rule of the printed report: its numbered pages and running footer. */
export function printPageCss(lang: Lang, orgName: string, date: string): string {
  const left = [at(lang, 'reportTitle'), orgName.trim(), date].filter(Boolean).join(' — ');
  return `@page { @bottom-right { content: ${cssString(`${at(lang, 'reportPage')} `)} counter(page) " / " counter(pages); font-size: 9pt; } @bottom-left { content: ${cssString(left)}; font-size: 8pt; } }`;
}
