// The page's own list answer as a second reader: its facts complete the table's rows (joined by
// contract id or T.C. number), disagreements are named, and without a table its records are judged
// alone and still reported. Driven through the real scanner on a happy-dom document.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner } from '@/utils/content/scanner';
import { contractRecordsOf, joinPageData, pageDataOnlyRead } from '@/utils/page-data/join';
import { readPageDataMessage, type PageDataAnswerRead } from '@/utils/page-data/receiver';
import { PAGE_DATA_CHANNEL } from '@/utils/page-data/protocol';
import { createPageDataSource } from '@/utils/page-data/source';
import { PageReportSchema, type PageReport } from '@/utils/messages';
import { newContractsReader } from '@/utils/screens';

const LIST = '/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing';
const FIXTURE = readFileSync(resolve(__dirname, '../../fixtures/be/bsn-inter-instance/hizmet-sozlesmesi-surec-view/ongoing.json'), 'utf8');
const message = (text: string) => ({ channel: PAGE_DATA_CHANNEL, kind: 'answer', endpoint: 'contracts', path: LIST, text });

function answerOf(text: string): PageDataAnswerRead {
  const check = readPageDataMessage(message(text));
  if (!check.ok) throw new Error(check.reason);
  return check.answer;
}

/** The list as the table shows it: no employee count, hazard class, NACE, SGK number or verdict. */
function tableHtml(rows: string[][]): string {
  const head = ['Sözleşme ID', 'Görevlendirilen Kişi TC Kimlik No', 'Görevlendirilen Kişi Ad Soyad', 'Görevlendirilen Kişi Sertifika Tipi', 'Sözleşme Tipi', 'Çalışma Süresi', 'Çalışma Periyodu', 'İşyeri Unvanı', 'Sözleşme Durumu'];
  const cell = (v: string) => `<td>${v}</td>`;
  return `<h1>İSG Hizmet Sözleşmeleri</h1><table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`;
}

const ROWS = [
  ['710001', '17776071332', 'Ayşe Yıldırım', 'C Sınıfı İş Güvenliği Uzmanı', 'Kısmi Süreli', '4.800', 'Aylık', 'DEMİR DÖKÜM SANAYİ A.Ş.', 'Sözleşme Devam Ediyor'],
  ['710002', '98718305708', 'Mehmet Öztürk', 'İşyeri Hekimi', 'Kısmi Süreli', '1.800', 'Aylık', 'DEMİR DÖKÜM SANAYİ A.Ş.', 'Sözleşme Devam Ediyor'],
  ['710003', '34567890170', 'Zeynep Kılıç', 'B Sınıfı İş Güvenliği Uzmanı', 'Kısmi Süreli', '600', 'Aylık', 'ÖZ KESİM METAL LTD. ŞTİ.', 'Sözleşme Devam Ediyor'],
  ['710004', '45678901280', 'İsmail Işık', 'A Sınıfı İş Güvenliği Uzmanı', 'Kısmi Süreli', '1.000', 'Aylık', 'KAYA YAPI İNŞAAT A.Ş.', 'Sözleşme Devam Ediyor'],
];

function docWith(body: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = body;
  return doc;
}

describe('the JSON rows as records', () => {
  it('go through the one vocabulary: facts, state codes and the portal verdict', () => {
    const records = contractRecordsOf(answerOf(FIXTURE));
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({
      kind: 'assignment',
      workplace: { employees: 120, hazardText: 'Çok Tehlikeli', naceText: '24.51.13', sicilNo: '22451010112345670340100000' },
      assignment: { portalId: '710001', role: 'igu', minutes: 4800, contractState: 'active', approvalState: 'approved', portalVerdict: false },
    });
    expect(records[2]!.assignment!.startDate).toMatch(/^2025-03-01/);
  });

  it('the professionals\' list is no contract list (its minutes are a capacity)', () => {
    const personnel = { ...answerOf(FIXTURE), endpoint: 'personnel' as const };
    expect(contractRecordsOf(personnel)).toEqual([]);
  });
});

describe('joining the JSON to the table', () => {
  const json = contractRecordsOf(answerOf(FIXTURE));

  it('fills the facts the table does not show, by contract id; the table\'s own values stay', () => {
    const read = newContractsReader.read(docWith(tableHtml(ROWS)));
    expect(read.records[0]!.record.workplace?.hazardText).toBeUndefined();
    const { read: joined, joined: n } = joinPageData(read, json);
    expect(n).toBe(4);
    expect(joined.records[0]!.record.workplace).toMatchObject({ employees: 120, hazardText: 'Çok Tehlikeli', sicilNo: '22451010112345670340100000' });
    expect(joined.records[3]!.record.assignment!.portalVerdict).toBe(true);
    expect(joined.records[2]!.record.assignment!.minutes).toBe(600); // the table's, not the JSON's 300
    expect(joined.records[0]!.element).toBe(read.records[0]!.element);
  });

  it('names the row and the fact where the table and the JSON disagree, never writing out a T.C. number', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[0]![1] = '17776071300'; // another T.C. number shown on row 1
    const { notes } = joinPageData(newContractsReader.read(docWith(tableHtml(rows))), json);
    expect(notes.map((n) => [n.id, n.recordIndex, n.field])).toEqual([
      ['facts-differ', 0, 'tckn'],
      ['facts-differ', 2, 'minutes'],
    ]);
    expect(notes[1]!.message.tr).toBe(
      '3. satır (Zeynep Kılıç (İGU, 600 dk)): tablodaki çalışma süresi (dk) "600", sayfanın aldığı veride "300". Kayıt tablodaki değerle değerlendirildi.',
    );
    expect(notes[1]!.message.en).toBe(
      'Row 3 (Zeynep Kılıç (OHS specialist, 600 min)): the table shows working minutes "600", the page\'s own data says "300". The record was judged with the table\'s value.',
    );
    expect(notes[0]!.message.tr).not.toContain('17776071');
  });

  it('writes each language\'s number format and words in the notes: minutes, roles, yes/no', () => {
    const rows = ROWS.map((r) => [...r]);
    const table = newContractsReader.read(docWith(tableHtml(rows)));
    const big = json.map((r, i) => (i === 2 ? { ...r, assignment: { ...r.assignment!, minutes: 12400 } } : r));
    const { notes } = joinPageData(table, big);
    const note = notes.find((n) => n.field === 'minutes')!;
    expect(note.message.tr).toContain('"12.400"');
    expect(note.message.en).toContain('"12,400"');
    expect(note.message.en).not.toMatch(/İGU|\bdk\b/);
  });

  it('a row without an id joins by T.C. number when that names one contract, else by the row\'s workplace', () => {
    const noId = ROWS.map(([, ...rest]) => ['', ...rest]);
    noId[3]![1] = '17776071332';
    const same = contractRecordsOf(answerOf(FIXTURE.replaceAll('"45678901280"', '"17776071332"')));
    const read = newContractsReader.read(docWith(tableHtml(noId)));
    const { read: joined } = joinPageData(read, same);
    // Ayşe has two contracts in the JSON (two workplaces): the row's workplace title picks hers
    expect(joined.records[0]!.record.workplace?.employees).toBe(120);
    expect(joined.records[3]!.record.workplace?.employees).toBe(60);
    expect(joined.records[1]!.record.workplace?.employees).toBe(120);
  });

  it('a row whose id the JSON does not hold is left as the table shows it', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[1]![0] = '999999';
    const { read, joined } = joinPageData(newContractsReader.read(docWith(tableHtml(rows))), json);
    expect(joined).toBe(3);
    expect(read.records[1]!.record.workplace?.employees).toBeUndefined();
  });

  it('without a table the JSON is judged alone, on stand-in elements, and a note says the rows are not marked', () => {
    const doc = docWith('<p>kartlar</p>');
    const alone = pageDataOnlyRead(doc, json, answerOf(FIXTURE))!;
    expect(alone.read.records).toHaveLength(4);
    expect(alone.read.records.every((r) => !r.element.isConnected)).toBe(true);
    expect(alone.notes[0]!.id).toBe('rows-not-marked');
    expect(alone.notes[0]!.message.tr).toContain('satırlar işaretlenemedi');
  });
});

describe('the scanner with the page\'s own data', () => {
  async function scanWith(body: string, answerText: string | undefined) {
    const doc = docWith(body);
    const win = new EventTarget() as EventTarget & Window;
    Object.assign(win, { location: { href: 'https://isgkatip.csgb.gov.tr/surec/hizmet-sozlesme-surec' }, postMessage() {} });
    const sent: unknown[] = [];
    let changed = 0;
    const source = createPageDataSource(win, () => changed++);
    if (answerText !== undefined) {
      const event = new Event('message');
      Object.defineProperties(event, { data: { value: message(answerText) }, source: { value: win } });
      win.dispatchEvent(event);
    }
    const scanner = createScanner({ doc, pageData: source, send: (m) => sent.push(m) });
    await scanner.scan('page-data');
    await new Promise((ok) => setTimeout(ok, 20)); // the report is sent in a task of its own after the marks
    const report = sent.filter((m) => (m as { type: string }).type === 'page-report').at(-1) as PageReport | undefined;
    return { doc, report, changed, win, source, scanner };
  }

  it('marks the rows with the JSON\'s facts: a C class İGU in a çok tehlikeli workplace the table does not name', async () => {
    const without = await scanWith(tableHtml(ROWS), undefined);
    const before = [...without.doc.querySelectorAll('tr')].slice(1).map((r) => r.getAttribute('data-katip-status'));
    expect(before[0]).toBe('unknown');
    const { doc, report, changed } = await scanWith(tableHtml(ROWS), FIXTURE);
    expect(changed).toBe(1);
    const rows = [...doc.querySelectorAll('tr')].slice(1);
    expect(rows.map((r) => r.getAttribute('data-katip-status'))).toEqual(['error', 'ok', 'ok', 'error']);
    expect(rows[0]!.getAttribute('data-katip-rules')).toBe('certificate-class');
    expect(rows[3]!.getAttribute('data-katip-rules')!.split(' ')).toContain('minutes-below-minimum');
    expect(PageReportSchema.safeParse(report).success).toBe(true);
    expect(report!.records[0]!.workplace?.employees).toBe(120);
    expect(report!.notes?.map((n) => n.field)).toEqual(['minutes']);
  });

  it('with JSON and no recognisable table: nothing is marked, the findings and the note reach the report', async () => {
    const { doc, report, scanner } = await scanWith('<h1>İSG Hizmet Sözleşmeleri</h1><div class="card">DEMİR DÖKÜM</div>', FIXTURE);
    expect(doc.documentElement.hasAttribute('data-katip-screen')).toBe(false);
    expect(doc.querySelectorAll('[data-katip-status], [data-katip-ui="badge"]')).toHaveLength(0);
    expect(PageReportSchema.safeParse(report).success).toBe(true);
    expect(report!.screen).toBe('new-contracts');
    expect(report!.records).toHaveLength(4);
    const failed = (rule: string) => report!.findings.filter((f) => f.ruleId === rule && f.result === 'fail').map((f) => f.recordIndex);
    // the JSON's own minutes: 300 of 600 for row 3, 1.000 of 2.400 for row 4
    expect(failed('minutes-below-minimum')).toEqual([2, 3]);
    // the JSON gives no certificate class ("İGU-…" numbers only): the class rule says what is missing
    expect(report!.findings.some((f) => f.ruleId === 'certificate-class' && f.result === 'needs-data' && f.recordIndex === 0)).toBe(true);
    expect(report!.notes?.[0]?.id).toBe('rows-not-marked');
    expect(scanner.last()!.marked).toBe(false);
  });

  it('an answer received at another address (the SPA moved on) is not used', async () => {
    const { win, source, doc } = await scanWith('<p>Anasayfa</p>', FIXTURE);
    expect(source.apply(undefined, doc)).toBeDefined();
    (win as unknown as { location: { href: string } }).location.href = 'https://isgkatip.csgb.gov.tr/anasayfa';
    expect(source.apply(undefined, doc)).toBeUndefined();
  });
});
