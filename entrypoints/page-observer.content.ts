// MAIN-world pass-through observer (issue 7 §3): copies the page's own list answers to the content
// script, never starting a request nor reading a header, cookie or storage. See utils/page-data/observer.ts.
import { installPageObserver } from '@/utils/page-data/observer';

export default defineContentScript({
  matches: ['https://isgkatip.csgb.gov.tr/*', 'https://isgkatip.ailevecalisma.gov.tr/*'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  main() {
    installPageObserver(window);
  },
});
