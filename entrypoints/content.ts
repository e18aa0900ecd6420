export default defineContentScript({
  matches: ['https://isgkatip.csgb.gov.tr/*', 'https://isgkatip.ailevecalisma.gov.tr/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {},
});
