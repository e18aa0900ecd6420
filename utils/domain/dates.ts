// Dates as the portal writes them: "DD.MM.YYYY", sometimes with " HH:mm:ss" (RULES.md §9).
import { normalizeSpaces } from './text';

const TR_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * "05.03.2024" → "2024-03-05"; "5.3.2024 09:07" → "2024-03-05T09:07:00";
 * "05.03.2024 09:07:31" → "2024-03-05T09:07:31". NBSP and stray spaces are tolerated.
 * Undefined for impossible dates ("31.02.2024", "29.02.2023", "12.13.2024", "25:00") and anything else.
 */
export function parseTurkishDate(text: string): string | undefined {
  const m = TR_DATE.exec(normalizeSpaces(text));
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return date;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/**
 * "2024-03-05" → "05.03.2024"; "2024-03-05T09:07:31" → "05.03.2024 09:07:31" (seconds dropped when
 * the ISO text has none). Text that is not an ISO date comes back unchanged.
 */
export function formatTurkishDate(iso: string): string {
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return iso;
  const date = `${m[3]}.${m[2]}.${m[1]}`;
  if (m[4] === undefined) return date;
  return m[6] === undefined ? `${date} ${m[4]}:${m[5]}` : `${date} ${m[4]}:${m[5]}:${m[6]}`;
}
