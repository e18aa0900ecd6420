// The MAIN-world observer passes the page's fetch/XHR through untouched and copies only the watched
// list answers; it reads no header, cookie or storage and starts no request. Driven on a fake
// window whose fetch and XMLHttpRequest record what the observer does with them.
import { describe, expect, it, vi } from 'vitest';
import { installPageObserver } from '@/utils/page-data/observer';
import { PAGE_DATA_CHANNEL, watchedEndpoint } from '@/utils/page-data/protocol';

const LIST = '/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing';
const ANSWER = JSON.stringify({ responseStatus: 'SUCCESS', messages: [], body: { tableData: [{ sozlesmeId: 1 }] } });

/** Counts every read of a property that a token thief would look at. */
function secrets() {
  const reads: string[] = [];
  const trap = (name: string) => ({
    get() {
      reads.push(name);
      throw new Error(`${name} read`);
    },
    configurable: true,
  });
  return { reads, trap };
}

class FakeXHR extends EventTarget {
  static instances: FakeXHR[] = [];
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  response: unknown = '';
  opened: unknown[][] = [];
  headerReads = 0;
  sent = 0;
  constructor() {
    super();
    FakeXHR.instances.push(this);
  }
  open(...args: unknown[]): void {
    if (args[0] === 'BAD METHOD') throw new SyntaxError('bad method');
    this.opened.push(args);
  }
  send(): void {
    this.sent++;
  }
  getAllResponseHeaders(): string {
    this.headerReads++;
    return '';
  }
  getResponseHeader(): string | null {
    this.headerReads++;
    return null;
  }
  setRequestHeader(): void {}
  /** the server answered */
  answer(text: string): void {
    this.responseText = text;
    this.dispatchEvent(new Event('load'));
  }
}

function fakeWindow(fetchImpl: (...args: unknown[]) => Promise<Response>) {
  const target = new EventTarget();
  const posted: unknown[] = [];
  const { reads, trap } = secrets();
  const fetchCalls: { args: unknown[]; self: unknown }[] = [];
  const nativeFetch = function fetch(this: unknown, ...args: unknown[]) {
    fetchCalls.push({ args, self: this });
    return fetchImpl(...args);
  };
  class XHR extends FakeXHR {}
  const win = Object.assign(target, {
    fetch: nativeFetch,
    URL,
    Request,
    Response,
    EventTarget,
    XMLHttpRequest: XHR,
    location: { href: 'https://isgkatip.csgb.gov.tr/surec/hizmet-sozlesme-surec' },
    postMessage(message: unknown) {
      posted.push(message);
    },
  });
  Object.defineProperty(win, 'sessionStorage', trap('sessionStorage'));
  Object.defineProperty(win, 'localStorage', trap('localStorage'));
  Object.defineProperty(win, 'document', { get: () => ({ get cookie() { reads.push('cookie'); return ''; } }) });
  installPageObserver(win as unknown as Window & typeof globalThis);
  return { win: win as typeof win & { fetch: typeof fetch }, posted, reads, fetchCalls, nativeFetch, XHR };
}

const settle = () => new Promise((ok) => setTimeout(ok, 0)).then(() => new Promise((ok) => setTimeout(ok, 0)));

describe('the watched endpoints', () => {
  it('are the two list POSTs under /be/, matched by path', () => {
    expect(watchedEndpoint('POST', LIST)).toBe('contracts');
    expect(watchedEndpoint('post', '/be/bsn-inter-instance/personel-sozlesmesi-surec/ongoing')).toBe('personnel');
    expect(watchedEndpoint('POST', '/be/x/hizmet-sozlesmesi-surec-view/past')).toBe('contracts');
    expect(watchedEndpoint('GET', LIST)).toBeUndefined();
    expect(watchedEndpoint('POST', '/be/auth/login')).toBeUndefined();
    expect(watchedEndpoint('POST', '/api/hizmet-sozlesmesi-surec-view/ongoing')).toBeUndefined();
    expect(watchedEndpoint('POST', '/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view-export/ongoing')).toBeUndefined();
  });
});

describe('fetch passes through untouched', () => {
  it('returns the very promise of the native fetch, called once with the same arguments and this; the page reads the whole body', async () => {
    let made: Promise<Response> | undefined;
    const { win, posted, fetchCalls, reads } = fakeWindow(() => (made = Promise.resolve(new Response(ANSWER))));
    const init = { method: 'POST', body: '{"body":{"pageIndex":0}}' };
    Object.defineProperty(init, 'headers', {
      get() {
        reads.push('headers');
        return { Authorization: 'Bearer secret' };
      },
      enumerable: true,
    });
    const result = win.fetch(LIST, init);
    expect(result).toBe(made);
    expect(fetchCalls).toHaveLength(1);
    expect(fetchCalls[0]!.args).toEqual([LIST, init]);
    expect(fetchCalls[0]!.args[1]).toBe(init);
    expect(fetchCalls[0]!.self).toBe(win);
    const response = await result;
    expect(await response.text()).toBe(ANSWER);
    await settle();
    expect(posted).toEqual([{ channel: PAGE_DATA_CHANNEL, kind: 'answer', endpoint: 'contracts', path: LIST, text: ANSWER }]);
    expect(reads).toEqual([]);
    expect(fetchCalls).toHaveLength(1); // no request of its own
  });

  it('keeps the native name and length', () => {
    const { win, nativeFetch } = fakeWindow(() => Promise.resolve(new Response('')));
    expect(win.fetch).not.toBe(nativeFetch);
    expect(win.fetch.name).toBe('fetch');
    expect(win.fetch.length).toBe(nativeFetch.length);
  });

  it('a rejected fetch rejects with the same error; a synchronous throw throws the same error', async () => {
    const failure = new TypeError('Failed to fetch');
    const { win, posted } = fakeWindow(() => Promise.reject(failure));
    await expect(win.fetch(LIST, { method: 'POST' })).rejects.toBe(failure);
    const thrown = new TypeError('Illegal invocation');
    const sync = fakeWindow(() => {
      throw thrown;
    });
    expect(() => sync.win.fetch(LIST, { method: 'POST' })).toThrow(thrown);
    await settle();
    expect(posted).toEqual([]);
  });

  it('copies nothing for other endpoints, GETs, or URL shapes it does not know', async () => {
    const { win, posted, fetchCalls } = fakeWindow(() => Promise.resolve(new Response(ANSWER)));
    await win.fetch('/be/auth/token', { method: 'POST' });
    await win.fetch(LIST);
    await win.fetch(new Request(`https://isgkatip.csgb.gov.tr/be/menu`, { method: 'POST' }));
    const odd = { toString: vi.fn(() => LIST) };
    await win.fetch(odd as unknown as string, { method: 'POST' });
    await settle();
    expect(posted).toEqual([]);
    expect(odd.toString).not.toHaveBeenCalled(); // page objects are not stringified by us
    expect(fetchCalls).toHaveLength(4);
  });

  it('reads a Request or a URL object, and the body the page reads is the same', async () => {
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response(ANSWER)));
    const viaRequest = await win.fetch(new Request(`https://isgkatip.csgb.gov.tr${LIST}`, { method: 'POST', body: '{}' }));
    const viaUrl = await win.fetch(new URL(`https://isgkatip.csgb.gov.tr/be/bsn-inter-instance/personel-sozlesmesi-surec/ongoing`), { method: 'POST' });
    expect(await viaRequest.json()).toEqual(JSON.parse(ANSWER));
    expect(await viaUrl.text()).toBe(ANSWER);
    await settle();
    expect(posted.map((m) => (m as { endpoint: string }).endpoint)).toEqual(['contracts', 'personnel']);
  });

  it('an answer too big or empty is not copied', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024 + 1);
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response(big)));
    expect((await (await win.fetch(LIST, { method: 'POST' })).text()).length).toBe(big.length);
    const empty = fakeWindow(() => Promise.resolve(new Response('')));
    await empty.win.fetch(LIST, { method: 'POST' });
    await settle();
    expect(posted).toEqual([]);
    expect(empty.posted).toEqual([]);
  });
});

describe('XMLHttpRequest passes through untouched', () => {
  it('open gets the same arguments and this; after load the answer is copied; no header is read', () => {
    const { win, posted, reads } = fakeWindow(() => Promise.resolve(new Response('')));
    const xhr = new win.XMLHttpRequest();
    expect(xhr.open('POST', LIST, true)).toBeUndefined();
    expect(xhr.opened).toEqual([['POST', LIST, true]]);
    xhr.setRequestHeader();
    xhr.send();
    xhr.answer(ANSWER);
    expect(posted).toEqual([{ channel: PAGE_DATA_CHANNEL, kind: 'answer', endpoint: 'contracts', path: LIST, text: ANSWER }]);
    expect(xhr.headerReads).toBe(0);
    expect(xhr.sent).toBe(1);
    expect(reads).toEqual([]);
  });

  it('errors of open propagate unchanged; reused for another URL, it stops copying', () => {
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response('')));
    const xhr = new win.XMLHttpRequest();
    expect(() => xhr.open('BAD METHOD', LIST)).toThrow(SyntaxError);
    xhr.open('POST', LIST);
    xhr.answer(ANSWER);
    xhr.open('POST', '/be/auth/me');
    xhr.answer('{"secret":1}');
    xhr.open('GET', LIST);
    xhr.answer(ANSWER);
    expect(posted).toHaveLength(1);
  });

  it('a json responseType is copied as text; a blob one is left alone', () => {
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response('')));
    const xhr = new win.XMLHttpRequest();
    xhr.open('POST', LIST);
    xhr.responseType = 'json';
    xhr.response = JSON.parse(ANSWER);
    xhr.dispatchEvent(new Event('load'));
    const blob = new win.XMLHttpRequest();
    blob.open('POST', LIST);
    blob.responseType = 'blob';
    blob.dispatchEvent(new Event('load'));
    expect(posted).toHaveLength(1);
    expect(JSON.parse((posted[0] as { text: string }).text)).toEqual(JSON.parse(ANSWER));
  });
});

describe('replay for a content script that starts late', () => {
  it('sends the last answer of each endpoint again when asked on the channel, and ignores anything else', async () => {
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response(ANSWER)));
    await win.fetch(LIST, { method: 'POST' });
    await settle();
    expect(posted).toHaveLength(1);
    const ask = (data: unknown, source: unknown = win) => {
      const event = new Event('message') as MessageEvent;
      Object.defineProperties(event, { data: { value: data }, source: { value: source } });
      win.dispatchEvent(event);
    };
    ask({ channel: PAGE_DATA_CHANNEL, kind: 'replay' });
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual(posted[0]);
    ask({ channel: 'other', kind: 'replay' });
    ask({ channel: PAGE_DATA_CHANNEL, kind: 'replay' }, {});
    ask(null);
    expect(posted).toHaveLength(2);
  });
});
