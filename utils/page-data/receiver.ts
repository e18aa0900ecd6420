// The content script's end of the page-data channel (utils/page-data/protocol.ts). What arrives is
// untrusted: any page script can post the same shape. So: a size limit before parsing, JSON.parse
// in try/catch, the answer's shape checked by hand (no zod in the content bundle), rows kept only
// as plain objects of scalars, at most MAX_ROWS of them. The last accepted answer per endpoint wins.
import {
  MAX_ANSWER_CHARS,
  PAGE_DATA_CHANNEL,
  WATCHED_ENDPOINTS,
  type PageDataEndpoint,
  type PageDataReplay,
} from './protocol';

/** Most rows an answer may hold (an OSGB's whole list is a few thousand). */
export const MAX_ROWS = 20_000;
/** Most keys a row may have, and the longest key and text kept. */
const MAX_KEYS = 200;
const MAX_KEY_CHARS = 80;
const MAX_TEXT_CHARS = 4000;

/** One row of the answer: scalars only (nested objects and arrays are dropped). */
export type JsonRow = Record<string, string | number | boolean | null>;

export interface PageDataAnswerRead {
  endpoint: PageDataEndpoint;
  path: string;
  rows: JsonRow[];
  /** rows that were no plain object (dropped) */
  skipped: number;
  /** the answer had more rows than MAX_ROWS: only the first were kept */
  truncated: boolean;
  /** when it was accepted (ms, performance clock or Date.now) */
  at: number;
}

export type Refusal =
  | 'not-ours'
  | 'bad-envelope'
  | 'too-large'
  | 'not-json'
  | 'not-success'
  | 'no-table';

export type AnswerCheck = { ok: true; answer: PageDataAnswerRead } | { ok: false; reason: Refusal };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isEnvelope(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function endpointOf(name: unknown, path: unknown): PageDataEndpoint | undefined {
  if (typeof name !== 'string' || typeof path !== 'string' || path.length > 500) return undefined;
  const watched = WATCHED_ENDPOINTS.find((w) => w.endpoint === name);
  // the path must be the endpoint's own: a message naming one endpoint with another's path is refused
  return watched && watched.pattern.test(path) ? watched.endpoint : undefined;
}

/** A row as plain scalars: odd keys, nested values and overlong texts are dropped; undefined when no object. */
export function cleanRow(value: unknown): JsonRow | undefined {
  if (!isPlainObject(value)) return undefined;
  const row: JsonRow = Object.create(null) as JsonRow;
  let n = 0;
  for (const key of Object.keys(value)) {
    if (++n > MAX_KEYS) break;
    if (key.length > MAX_KEY_CHARS || key === '__proto__') continue;
    const v = value[key];
    if (typeof v === 'string') {
      if (v.length <= MAX_TEXT_CHARS) row[key] = v;
    } else if (typeof v === 'number') {
      if (Number.isFinite(v)) row[key] = v;
    } else if (typeof v === 'boolean' || v === null) {
      row[key] = v;
    }
  }
  return row;
}

/**
 * Checks one message from the channel: envelope, size, JSON, `{ responseStatus: "SUCCESS", body:
 * { tableData: [...] } }`. Never throws.
 */
export function readPageDataMessage(data: unknown, at = 0): AnswerCheck {
  try {
    // the envelope comes from the page's world: in Firefox its prototype is the page's Object.prototype
    if (!isEnvelope(data) || data.channel !== PAGE_DATA_CHANNEL || data.kind !== 'answer') return { ok: false, reason: 'not-ours' };
    const endpoint = endpointOf(data.endpoint, data.path);
    if (!endpoint || typeof data.text !== 'string') return { ok: false, reason: 'bad-envelope' };
    if (data.text.length > MAX_ANSWER_CHARS) return { ok: false, reason: 'too-large' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.text);
    } catch {
      return { ok: false, reason: 'not-json' };
    }
    if (!isPlainObject(parsed)) return { ok: false, reason: 'not-json' };
    if (parsed.responseStatus !== 'SUCCESS') return { ok: false, reason: 'not-success' };
    const body = parsed.body;
    const table = isPlainObject(body) ? body.tableData : undefined;
    if (!Array.isArray(table)) return { ok: false, reason: 'no-table' };
    const rows: JsonRow[] = [];
    let skipped = 0;
    const limit = Math.min(table.length, MAX_ROWS);
    for (let i = 0; i < limit; i++) {
      const row = cleanRow(table[i]);
      if (row) rows.push(row);
      else skipped++;
    }
    return { ok: true, answer: { endpoint, path: data.path as string, rows, skipped, truncated: table.length > MAX_ROWS, at } };
  } catch {
    // a getter on a forged object, a stack overflow: refused, never thrown
    return { ok: false, reason: 'bad-envelope' };
  }
}

export interface PageDataListener {
  /** the last accepted answer per endpoint */
  latest(): ReadonlyMap<PageDataEndpoint, PageDataAnswerRead>;
  /** how many messages were refused since the start, by reason */
  refused(): Readonly<Partial<Record<Refusal, number>>>;
  stop(): void;
}

/**
 * Listens on `win` for the observer's copies (only messages the window posted to itself), keeps the
 * last good answer per endpoint and calls `onAnswer` after each; asks the observer once to replay
 * what it saw before this script started.
 */
export function listenForPageData(win: Window, onAnswer: (answer: PageDataAnswerRead) => void, now: () => number = () => Date.now()): PageDataListener {
  const latest = new Map<PageDataEndpoint, PageDataAnswerRead>();
  const refused: Partial<Record<Refusal, number>> = {};
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win) return;
    const check = readPageDataMessage(event.data, now());
    if (!check.ok) {
      if (check.reason !== 'not-ours') refused[check.reason] = (refused[check.reason] ?? 0) + 1;
      return;
    }
    latest.set(check.answer.endpoint, check.answer);
    onAnswer(check.answer);
  };
  win.addEventListener('message', onMessage);
  const replay: PageDataReplay = { channel: PAGE_DATA_CHANNEL, kind: 'replay' };
  try {
    win.postMessage(replay, '*');
  } catch {
    // no observer to ask
  }
  return {
    latest: () => latest,
    refused: () => refused,
    stop: () => win.removeEventListener('message', onMessage),
  };
}
