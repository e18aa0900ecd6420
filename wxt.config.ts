import { defineConfig } from 'wxt';
import { naceClassesPlugin } from './utils/domain/nace/vite-plugin';

/** The Firefox add-on id: never change it, Firefox keys the add-on's storage by it. */
const GECKO_ID = 'katip-asistani@katip-asistani.tr';

const PORTAL_HOSTS = ['https://isgkatip.csgb.gov.tr/*', 'https://isgkatip.ailevecalisma.gov.tr/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // the audit page's worker is bundled apart: it needs the NACE class table plugin too
  // KATIP_NO_MINIFY=1 builds readable bundles for CPU profiles (tests/bench/profile.mjs)
  vite: () => ({
    plugins: [naceClassesPlugin()],
    worker: { format: 'es', plugins: () => [naceClassesPlugin()] },
    ...(process.env.KATIP_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  hooks: {
    // The content script talks to the browser's own promise-based API (wxt's plain `browser`: Firefox's
    // `browser`, Chromium's MV3 `chrome`) instead of webextension-polyfill, which the pages keep: the
    // script injected into every portal page stays small (issue 10).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) config.resolve!.alias = alias.filter((a) => a.find !== 'wxt/browser');
      else if (alias && typeof alias === 'object') delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  manifest: ({ browser }) => ({
    name: 'KATİP Asistanı',
    description: '__MSG_extDescription__',
    default_locale: 'tr',
    // scripting: the bug-report snapshot is injected into the portal tab on the user's click (issue 10)
    permissions: ['storage', 'scripting'],
    host_permissions: PORTAL_HOSTS,
    action: { default_title: 'KATİP Asistanı' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Firefox / addons.mozilla.org: a stable add-on id (storage and the mirror survive updates), and the
    // data-collection declaration AMO requires of new add-ons: nothing is collected or sent (Firefox 140+
    // reads the key; 140 is the current ESR).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
