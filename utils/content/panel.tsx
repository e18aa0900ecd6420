// Mounts the findings panel (components/PagePanel) in a shadow root on a recognised portal page.
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PagePanel, PAGE_PANEL_CSS } from '@/components/PagePanel';
import { componentCss } from '@/components/styles';
import { UI_ATTR } from './marks';
import type { ScanResult } from './scanner';

export interface PanelHandle {
  show(result: ScanResult | undefined): void;
}

export function createPanel(ctx: ContentScriptContext, jump: (recordIndex: number) => void): PanelHandle {
  let ui: Promise<ShadowRootContentScriptUi<Root>> | undefined;
  let mounted = false;

  function ensure(): Promise<ShadowRootContentScriptUi<Root>> {
    ui ??= createShadowRootUi<Root>(ctx, {
      name: 'katip-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: `${componentCss}\n${PAGE_PANEL_CSS}`,
      onMount(container, _shadow, host) {
        host.setAttribute(UI_ATTR, 'panel');
        const root = createRoot(container);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    return ui;
  }

  return {
    show(result) {
      if (!result) {
        if (mounted) {
          void ensure()
            .then((u) => u.remove())
            .catch(logFailure);
        }
        mounted = false;
        return;
      }
      void ensure()
        .then((u) => {
          if (!mounted) {
            u.mount();
            mounted = true;
          }
          u.mounted?.render(
            <PagePanel
              screen={result.read.screen}
              findings={result.findings}
              counts={result.judgement.counts}
              language={result.language}
              scanMs={result.scanMs}
              onJump={jump}
            />,
          );
        })
        .catch(logFailure);
    },
  };
}

/** The panel could not be created (the page is unloading, the context is gone): logged, the marks stay. */
function logFailure(err: unknown): void {
  console.warn('[katip] findings panel not shown', err);
}
