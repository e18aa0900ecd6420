// Wires one document (page or frame) of the portal: scanner, observer, listeners. Everything is
// owned by the content-script context: once the extension is reloaded or updated (ctx invalid), the
// orphaned script removes its marks, stops observing and never writes again.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { requestContext, tell } from './context';
import { CELL_FIELDS } from '../record-types';
import { createObservedScanner, type Scanner } from './scanner';
import { jumpRequest } from './validate';
import { createPageDataSource } from '../page-data/source';

/** The longest the first check waits for the page's load event (ms). */
export const LOAD_WAIT_MS = 1500;
/** How often an idle page checks that the extension is still there (an orphan cleans up then). */
const ORPHAN_CHECK_MS = 3000;

/** The entry point's start (injected at document_start): startContentScript once the document is parsed. */
export function startWhenParsed(ctx: ContentScriptContext, doc: Document = document): void {
  if (doc.readyState !== 'loading') startContentScript(ctx, doc);
  else ctx.addEventListener(doc, 'DOMContentLoaded', () => startContentScript(ctx, doc), { once: true });
}

export function startContentScript(ctx: ContentScriptContext, doc: Document = document): Scanner {
  // the page's own list answers, copied by the MAIN-world observer (entrypoints/page-observer.content.ts)
  const pageData = createPageDataSource(doc.defaultView ?? window, () => scanner.schedule('page-data', 50));
  // a report not delivered is sent again only while no newer report of this frame was sent (its parts share an id)
  let latestReport: unknown;
  const reportOf = (m: unknown): unknown => {
    const msg = m as { type?: unknown; part?: { id?: unknown } } | null;
    return msg?.type === 'page-report' ? (msg.part?.id ?? msg) : undefined;
  };
  const { scanner, quietly, observe, disconnect } = createObservedScanner({
    doc,
    pageData,
    requestContext,
    send: (m) => {
      const report = reportOf(m);
      if (report !== undefined) latestReport = report;
      void tell(m, () => !ctx.isInvalid && (report === undefined || latestReport === report));
    },
    isInvalid: () => ctx.isInvalid,
  });

  // the popup's or side panel's "Kayda git": scroll to a record of this frame and outline it (and its cell)
  const onMessage = (message: unknown) => {
    const jump = jumpRequest(message, CELL_FIELDS);
    if (!jump || ctx.isInvalid) return;
    const hit = scanner.last()?.read.records[jump.recordIndex];
    if (!hit) return;
    const target = (jump.field && hit.cells?.[jump.field]) || hit.element;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    quietly(() => {
      for (const el of doc.querySelectorAll('[data-katip-jump]')) el.removeAttribute('data-katip-jump');
      hit.element.setAttribute('data-katip-jump', '');
      if (target !== hit.element) target.setAttribute('data-katip-jump', '');
    });
    ctx.setTimeout(() => quietly(() => {
      hit.element.removeAttribute('data-katip-jump');
      target.removeAttribute('data-katip-jump');
    }), 2500);
    const marker = hit.element.querySelector<HTMLElement>('[data-katip-ui="mark"][tabindex="0"]');
    marker?.focus({ preventScroll: true });
  };
  browser.runtime.onMessage.addListener(onMessage);

  observe();
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    pageData.stop();
    disconnect();
    scanner.stop();
  });
  ctx.setInterval(() => {}, ORPHAN_CHECK_MS); // ctx checks runtime.id on each tick and invalidates itself
  ctx.addEventListener(doc, 'input', () => scanner.schedule('input', 150), { capture: true });
  ctx.addEventListener(
    doc,
    'change',
    (e) => {
      scanner.schedule('input', 150);
      scanner.onClick(e); // a radio or checkbox chosen with the keyboard selects its row too
    },
    { capture: true },
  );
  ctx.addEventListener(doc, 'click', (e) => scanner.onClick(e), { capture: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => scanner.schedule('location', 50));
  // The first check starts once the page has loaded (the document is parsed before its load event),
  // or after LOAD_WAIT_MS at the latest (a page whose images never finish): its slices would
  // otherwise run ahead of the page's own load (scheduler.yield continues before other tasks), which
  // was measured as a load event 1.5-1.6 times later on a 2,000-row list. The check reads, judges and
  // marks in slices either way (the 5,000-table page of the bad-pages corpus stays responsive).
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void scanner.scan('initial');
  };
  if (doc.readyState === 'complete') start();
  else {
    ctx.addEventListener(window, 'load', start, { once: true });
    ctx.setTimeout(start, LOAD_WAIT_MS);
  }
  return scanner;
}
