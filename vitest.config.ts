import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { naceClassesPlugin } from './utils/domain/nace/vite-plugin';

export default defineConfig({
  plugins: [WxtVitest(), naceClassesPlugin()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // correctness tests on big fixtures (2,000-row grids in happy-dom, ~10× slower than Chromium) must not
    // fail on a busy 2-core machine; speed is measured by npm run bench, never by a test's time
    testTimeout: 30_000,
  },
});
