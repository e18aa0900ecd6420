// npm run read-page -- <saved.html> [--json]: every reader on a saved portal page, in happy-dom.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { formatPageReport, readPage } from '@/utils/screens/read-page';

const args = process.argv.slice(2).filter((a) => a !== '--');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Kullanım / usage: npm run read-page -- <kaydedilmiş-sayfa.html> [--json]');
  process.exit(2);
}
const window = new Window({ url: 'https://isgkatip.csgb.gov.tr/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const report = readPage(parse(readFileSync(file, 'utf8')), { parse });
console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatPageReport(report));
await window.happyDOM.close();
