// Wires one document (page or frame) of the portal: scanner, observer, listeners, panel; everything
// is owned by the content-script context, so a reload or update of the extension leaves nothing behind.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { JumpRequestSchema } from '../messages';
import { requestContext, tell } from './context';
import { createPanel } from './panel';
import { createScanner } from './scanner';

export function startContentScript(ctx: ContentScriptContext, doc: Document = document): void {
  let panel: ReturnType<typeof createPanel> | undefined;
  const scanner = createScanner({
    doc,
    requestContext,
    send: (m) => void tell(m),
    onResult: (result) => {
      if (!result && !panel) return;
      panel ??= createPanel(ctx, jump);
      panel.show(result);
    },
  });

  function jump(recordIndex: number): void {
    const el = scanner.last()?.read.records[recordIndex]?.element;
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const badge = el.querySelector<HTMLElement>('[data-katip-ui="badge"]') ?? el.previousElementSibling;
    if (badge instanceof HTMLElement && badge.hasAttribute('data-katip-ui')) badge.focus({ preventScroll: true });
  }

  // the popup's "Kayda git": scroll to a record of this frame
  const onMessage = (message: unknown) => {
    const jumpTo = JumpRequestSchema.safeParse(message);
    if (jumpTo.success) jump(jumpTo.data.recordIndex);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const observer = new MutationObserver((m) => scanner.onMutations(m));
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    scanner.stop();
  });
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
  void scanner.scan('initial');
}
