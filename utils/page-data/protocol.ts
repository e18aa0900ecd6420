// The one channel between the MAIN-world observer (utils/page-data/observer.ts) and the isolated
// content script: window.postMessage with these shapes. No imports: the observer stays tiny.
// Anything on this channel may be forged by a page script; the receiver checks everything.

/** `data.channel` of every message on the channel. */
export const PAGE_DATA_CHANNEL = 'katip-asistani/page-data/v1';

/** Path patterns of the list answers the page receives (PORTAL-EVIDENCE.md, "The JSON the page itself receives"). */
export const WATCHED_ENDPOINTS = [
  { endpoint: 'contracts', pattern: /\/be\/(?:[^/?#]+\/)*hizmet-sozlesmesi-surec-view\/[^?#]*$/ },
  { endpoint: 'personnel', pattern: /\/be\/(?:[^/?#]+\/)*personel-sozlesmesi-surec\/[^?#]*$/ },
] as const;

export type PageDataEndpoint = (typeof WATCHED_ENDPOINTS)[number]['endpoint'];

/** The largest answer copied or accepted (one OSGB's 2,443 contracts made 7.1 MB). */
export const MAX_ANSWER_CHARS = 8 * 1024 * 1024;

/** observer → content script: a copy of one answer's body, as text. */
export interface PageDataAnswer {
  channel: typeof PAGE_DATA_CHANNEL;
  kind: 'answer';
  endpoint: PageDataEndpoint;
  /** the request's path (no query: it never carries anything we need) */
  path: string;
  text: string;
}

/** content script → observer: send again the last answer of each endpoint (the content script starts later than the page's first requests). */
export interface PageDataReplay {
  channel: typeof PAGE_DATA_CHANNEL;
  kind: 'replay';
}

/** The endpoint a POST to `pathname` belongs to, or undefined when it is not a watched list. */
export function watchedEndpoint(method: string, pathname: string): PageDataEndpoint | undefined {
  if (method.toUpperCase() !== 'POST') return undefined;
  for (const w of WATCHED_ENDPOINTS) if (w.pattern.test(pathname)) return w.endpoint;
  return undefined;
}
