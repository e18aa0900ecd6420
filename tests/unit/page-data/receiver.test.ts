// What arrives on the page-data channel is untrusted (a page script can post the same shape): only a
// well-formed, size-limited SUCCESS answer of a watched endpoint is kept, rows as plain scalars.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenForPageData, MAX_ROWS, readPageDataMessage, type PageDataAnswerRead } from '@/utils/page-data/receiver';
import { PAGE_DATA_CHANNEL } from '@/utils/page-data/protocol';

const LIST = '/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing';
const FIXTURE = readFileSync(resolve(__dirname, '../../fixtures/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing.json'), 'utf8');
const message = (text: string, extra: Record<string, unknown> = {}) => ({ channel: PAGE_DATA_CHANNEL, kind: 'answer', endpoint: 'contracts', path: LIST, text, ...extra });
const answerOf = (tableData: unknown, status: unknown = 'SUCCESS') => JSON.stringify({ responseStatus: status, messages: [], body: { tableData } });

describe('reading a message from the channel', () => {
  it('accepts the portal answer: every row, as plain scalars', () => {
    const check = readPageDataMessage(message(FIXTURE));
    expect(check.ok).toBe(true);
    const answer = (check as { answer: PageDataAnswerRead }).answer;
    expect(answer.endpoint).toBe('contracts');
    expect(answer.rows).toHaveLength(4);
    expect(answer.rows[0]).toMatchObject({ sozlesmeId: 710001, hizmetAlanIsyeriCalisanSayisi: 120, sozlesmeBitisTarihi: null });
    expect(answer.skipped).toBe(0);
  });

  it('accepts an envelope made in the page\'s world (Firefox: another realm\'s Object.prototype)', () => {
    const foreign = Object.assign(Object.create(Object.create(null) as object) as Record<string, unknown>, message(FIXTURE));
    expect(readPageDataMessage(foreign).ok).toBe(true);
  });

  it('refuses what is not ours, a forged envelope, an endpoint with another path', () => {
    expect(readPageDataMessage(null)).toEqual({ ok: false, reason: 'not-ours' });
    expect(readPageDataMessage('{"channel":1}')).toEqual({ ok: false, reason: 'not-ours' });
    expect(readPageDataMessage({ ...message(FIXTURE), channel: 'other' })).toEqual({ ok: false, reason: 'not-ours' });
    expect(readPageDataMessage(message(FIXTURE, { endpoint: 'tokens' }))).toEqual({ ok: false, reason: 'bad-envelope' });
    expect(readPageDataMessage(message(FIXTURE, { path: '/be/auth/login' }))).toEqual({ ok: false, reason: 'bad-envelope' });
    expect(readPageDataMessage(message(FIXTURE, { endpoint: 'personnel' }))).toEqual({ ok: false, reason: 'bad-envelope' });
    expect(readPageDataMessage(message(FIXTURE, { text: { tableData: [] } }))).toEqual({ ok: false, reason: 'bad-envelope' });
    // a getter that throws on a forged object is a refusal, never an exception
    const trap = { channel: PAGE_DATA_CHANNEL, kind: 'answer', endpoint: 'contracts', path: LIST };
    Object.defineProperty(trap, 'text', { get: () => { throw new Error('boom'); }, enumerable: true });
    expect(readPageDataMessage(trap)).toEqual({ ok: false, reason: 'bad-envelope' });
  });

  it('refuses a huge text before parsing it, and malformed JSON', () => {
    expect(readPageDataMessage(message('['.repeat(8 * 1024 * 1024 + 1)))).toEqual({ ok: false, reason: 'too-large' });
    expect(readPageDataMessage(message('{"responseStatus":"SUCCESS", body:'))).toEqual({ ok: false, reason: 'not-json' });
    expect(readPageDataMessage(message('[1,2,3]'))).toEqual({ ok: false, reason: 'not-json' });
    expect(readPageDataMessage(message('"SUCCESS"'))).toEqual({ ok: false, reason: 'not-json' });
  });

  it('refuses an ERROR answer and one without a table of rows', () => {
    expect(readPageDataMessage(message(answerOf([{ sozlesmeId: 1 }], 'ERROR')))).toEqual({ ok: false, reason: 'not-success' });
    expect(readPageDataMessage(message(JSON.stringify({ responseStatus: 'SUCCESS', body: {} })))).toEqual({ ok: false, reason: 'no-table' });
    expect(readPageDataMessage(message(JSON.stringify({ responseStatus: 'SUCCESS', body: { tableData: { 0: {} } } })))).toEqual({ ok: false, reason: 'no-table' });
    expect(readPageDataMessage(message(JSON.stringify({ responseStatus: 'SUCCESS', body: 'x' })))).toEqual({ ok: false, reason: 'no-table' });
  });

  it('keeps only plain-object rows and scalar values of sane size; odd keys are dropped', () => {
    const text = answerOf([
      { sozlesmeId: 1, nested: { a: 1 }, list: [1], big: 'x'.repeat(5000), ok: true, n: null, ['k'.repeat(100)]: 'long key' },
      [1, 2],
      'row',
      null,
      42,
      JSON.parse('{"__proto__": {"polluted": 1}, "sozlesmeId": 2}'),
    ]);
    const check = readPageDataMessage(message(text));
    expect(check.ok).toBe(true);
    const { rows, skipped } = (check as { answer: PageDataAnswerRead }).answer;
    expect(skipped).toBe(4);
    expect(rows).toHaveLength(2);
    expect({ ...rows[0] }).toEqual({ sozlesmeId: 1, ok: true, n: null });
    expect({ ...rows[1] }).toEqual({ sozlesmeId: 2 });
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it(`keeps at most ${MAX_ROWS} rows and says it cut the answer`, () => {
    const text = answerOf(Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({ sozlesmeId: i })));
    const check = readPageDataMessage(message(text));
    expect(check.ok).toBe(true);
    const answer = (check as { answer: PageDataAnswerRead }).answer;
    expect(answer.rows).toHaveLength(MAX_ROWS);
    expect(answer.truncated).toBe(true);
  });
});

describe('listening on the window', () => {
  it('asks the observer for a replay, keeps the last good answer per endpoint, ignores forgeries and other windows', async () => {
    const posted: unknown[] = [];
    const win = new EventTarget() as EventTarget & { postMessage(m: unknown): void };
    win.postMessage = (m: unknown) => posted.push(m);
    const got: PageDataAnswerRead[] = [];
    const listener = listenForPageData(win as unknown as Window, (a) => got.push(a));
    expect(posted).toEqual([{ channel: PAGE_DATA_CHANNEL, kind: 'replay' }]);
    const deliver = (data: unknown, source: unknown = win) => {
      const event = new Event('message');
      Object.defineProperties(event, { data: { value: data }, source: { value: source } });
      win.dispatchEvent(event);
    };
    deliver(message(FIXTURE));
    deliver(message('not json'));
    deliver(message(answerOf([{ sozlesmeId: 99 }])), {}); // another window (a frame) posting the same shape
    deliver(message(answerOf([{ sozlesmeId: 5 }])));
    expect(got.map((a) => a.rows.length)).toEqual([4, 1]);
    expect(listener.latest().get('contracts')!.rows[0]!.sozlesmeId).toBe(5);
    expect(listener.refused()).toEqual({ 'not-json': 1 });
    listener.stop();
    deliver(message(FIXTURE));
    expect(got).toHaveLength(2);
  });
});
