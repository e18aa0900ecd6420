import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { naceClassesPlugin } from './utils/domain/nace/vite-plugin';

export default defineConfig({
  plugins: [WxtVitest(), naceClassesPlugin()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
