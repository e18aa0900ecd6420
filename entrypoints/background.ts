// The background (MV3 service worker / MV2 page): wiring only. It keeps no state in globals; the
// mirror lives in IndexedDB (utils/db) and per-tab state in storage.session.
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/schema';
import { handleMessage, isForRouter } from '@/utils/background/router';
import { handleTabRemoved, handleTabUpdated } from '@/utils/background/tabs';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isForRouter(message, sender)) return undefined;
    return handleMessage(getDb(), message, sender);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    handleTabRemoved(tabId).catch((error: unknown) => console.error('[KATİP Asistanı] tabs.onRemoved', { tabId, error }));
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    handleTabUpdated(tabId, change).catch((error: unknown) => console.error('[KATİP Asistanı] tabs.onUpdated', { tabId, error }));
  });
});
