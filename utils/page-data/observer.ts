// The pass-through observer that runs in the page's own (MAIN) world at document_start. It wraps
// window.fetch and XMLHttpRequest.prototype.open so every call goes through exactly as before (the
// same arguments to the same native function, the same promise or return value, the same errors),
// and for the watched list endpoints only (POST …/hizmet-sozlesmesi-surec-view/…,
// …/personel-sozlesmesi-surec/…) posts a copy of the answer body to the content script.
//
// It never reads a header, a cookie or any storage, never starts a request and never changes an
// answer: it reads the URL and method of a call, clones the Response (fetch) or reads responseText
// after `load` (XHR). Anything that fails inside it is swallowed after the page's call has been made.
// No imports but the channel's constants: this file is the whole MAIN-world bundle.
import { MAX_ANSWER_CHARS, PAGE_DATA_CHANNEL, watchedEndpoint, type PageDataAnswer, type PageDataEndpoint } from './protocol';

interface Target {
  endpoint: PageDataEndpoint;
  path: string;
}

type PageWindow = Window & typeof globalThis;

function noop(): void {}

/** The wrapper answers `name` and `length` as the native does. */
function keepSignature(wrapper: Function, native: Function): void {
  try {
    Object.defineProperty(wrapper, 'name', { value: native.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: native.length, configurable: true });
  } catch {
    // cosmetic only
  }
}

export function installPageObserver(win: PageWindow): void {
  // the natives, taken before any page script runs: a page that later patches them does not reach us
  const apply = Reflect.apply;
  const then = Promise.prototype.then;
  const URLCtor = win.URL;
  const RequestCtor = win.Request;
  const ResponseProto = win.Response?.prototype;
  const clone = ResponseProto?.clone;
  const readText = ResponseProto?.text;
  const stringify = JSON.stringify;
  const post = win.postMessage;
  const listen = win.EventTarget?.prototype.addEventListener;
  const last = new Map<PageDataEndpoint, PageDataAnswer>();

  function send(message: unknown): void {
    try {
      apply(post, win, [message, '*']);
    } catch {
      // a frame being torn down: nothing to tell
    }
  }

  function deliver(target: Target, text: unknown): void {
    if (typeof text !== 'string' || text.length === 0 || text.length > MAX_ANSWER_CHARS) return;
    const answer: PageDataAnswer = { channel: PAGE_DATA_CHANNEL, kind: 'answer', endpoint: target.endpoint, path: target.path, text };
    last.set(target.endpoint, answer);
    send(answer);
  }

  /** The watched endpoint of a call, from its method and URL only (strings, URL or Request objects; anything else is not looked at). */
  function targetOf(method: unknown, url: unknown): Target | undefined {
    if (typeof method !== 'string') return undefined;
    let href: string;
    if (typeof url === 'string') href = url;
    else if (URLCtor && url instanceof URLCtor) href = url.href;
    else return undefined;
    const { pathname } = new URLCtor(href, win.location.href);
    const endpoint = watchedEndpoint(method, pathname);
    return endpoint ? { endpoint, path: pathname } : undefined;
  }

  const nativeFetch = win.fetch;
  if (typeof nativeFetch === 'function' && clone && readText) {
    const fetch = function fetch(this: unknown, ...args: Parameters<typeof win.fetch>): Promise<Response> {
      const result: Promise<Response> = apply(nativeFetch, this, args);
      try {
        const [input, init] = args;
        const isRequest = RequestCtor && input instanceof RequestCtor;
        const method = init && init.method !== undefined ? init.method : isRequest ? input.method : 'GET';
        const target = targetOf(method, isRequest ? input.url : input);
        if (target) {
          apply(then, result, [
            (response: Response) => {
              try {
                const copy: Response = apply(clone, response, []);
                const body: Promise<string> = apply(readText, copy, []);
                apply(then, body, [(text: string) => deliver(target, text), noop]);
              } catch {
                // a body already used or a response that cannot be cloned: the page's copy is untouched
              }
            },
            noop,
          ]);
        }
      } catch {
        // the page's call is made and its promise returned as it is
      }
      return result;
    };
    keepSignature(fetch, nativeFetch);
    win.fetch = fetch as typeof win.fetch;
  }

  const XHRProto = win.XMLHttpRequest?.prototype;
  const nativeOpen = XHRProto?.open;
  if (XHRProto && typeof nativeOpen === 'function' && listen) {
    const targets = new WeakMap<XMLHttpRequest, Target>();
    const listening = new WeakSet<XMLHttpRequest>();
    const onLoad = function (this: XMLHttpRequest): void {
      try {
        const target = targets.get(this);
        if (!target) return;
        const type = this.responseType;
        if (type === '' || type === 'text') deliver(target, this.responseText);
        else if (type === 'json') deliver(target, stringify(this.response));
      } catch {
        // nothing of this reaches the page
      }
    };
    const open = function open(this: XMLHttpRequest, ...args: unknown[]): void {
      const result: void = apply(nativeOpen, this, args);
      try {
        const target = targetOf(args[0], args[1]);
        if (!target) {
          targets.delete(this);
        } else {
          targets.set(this, target);
          if (!listening.has(this)) {
            listening.add(this);
            apply(listen, this, ['load', onLoad]);
          }
        }
      } catch {
        // the request is opened as the page asked
      }
      return result;
    };
    keepSignature(open, nativeOpen);
    XHRProto.open = open as typeof XHRProto.open;
  }

  // the content script starts after the page's first requests: it asks for the last answers again
  if (listen) {
    apply(listen, win, [
      'message',
      (event: MessageEvent) => {
        try {
          const data: unknown = event.source === win ? event.data : undefined;
          if (data && typeof data === 'object' && (data as { channel?: unknown }).channel === PAGE_DATA_CHANNEL && (data as { kind?: unknown }).kind === 'replay') {
            for (const answer of last.values()) send(answer);
          }
        } catch {
          // ignore
        }
      },
    ]);
  }
}
