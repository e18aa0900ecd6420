// Content script: on both İSG-KATİP hosts, in every frame. All logic lives in utils/content/.
import { startContentScript } from '@/utils/content/main';

export default defineContentScript({
  matches: ['https://isgkatip.csgb.gov.tr/*', 'https://isgkatip.ailevecalisma.gov.tr/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx);
  },
});
