// Content script: on both İSG-KATİP hosts, in every frame. All logic lives in utils/content/.
import { startWhenParsed } from '@/utils/content/main';

export default defineContentScript({
  matches: ['https://isgkatip.csgb.gov.tr/*', 'https://isgkatip.ailevecalisma.gov.tr/*'],
  allFrames: true,
  // document_start, not document_idle: Chromium holds the page's load event until a document_idle
  // script has been injected and lays the page out and paints it first (a 2,000-row list: 90-150 ms
  // of layout between DOMContentLoaded and load, none without the extension; tests/bench/injection.mjs).
  // Injected at document_start the script only waits: the wiring starts once the document is parsed
  // and the first check still waits for the load event (utils/content/main.ts).
  runAt: 'document_start',
  main(ctx) {
    startWhenParsed(ctx);
  },
});
