// The options page's downloads use the shared helper (components/download.ts).
export { datedFileName, downloadText } from '@/components/download';
