import { defineConfig } from 'wxt';
import { naceClassesPlugin } from './utils/domain/nace/vite-plugin';

const PORTAL_HOSTS = ['https://isgkatip.csgb.gov.tr/*', 'https://isgkatip.ailevecalisma.gov.tr/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // the audit page's worker is bundled apart: it needs the NACE class table plugin too
  vite: () => ({ plugins: [naceClassesPlugin()], worker: { format: 'es', plugins: () => [naceClassesPlugin()] } }),
  manifest: {
    name: 'KATİP Asistanı',
    description: '__MSG_extDescription__',
    default_locale: 'tr',
    permissions: ['storage'],
    host_permissions: PORTAL_HOSTS,
    action: { default_title: 'KATİP Asistanı' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
});
