// Old interface "SÖZLEŞME ONAY" form reader (utils/screens/old-approval.ts) on the fixtures and inline pages.
import { describe, expect, it } from 'vitest';
import { oldApprovalScreen } from '@/utils/screens/old-approval';
import type { AssignmentFacts, CapacityFacts, PageRecord } from '@/utils/records';
import { itFiresNowhereElse, itReadsEachMarkedFixture, loadForm as load, parseForm as parse, readOneRecord, type FormScreen } from './form-fixtures';

const SCREEN: FormScreen = { reader: oldApprovalScreen, screen: 'old-approval', kind: 'approval' };
const readOne = (doc: Document) => readOneRecord(SCREEN, doc);

/** Each fixture's record: the assignment and, where the page shows it, the remaining capacity. */
const EXPECTED: Record<string, PageRecord> = Object.fromEntries(
  (
    [
      ['old-approval/table.html', { personName: 'ELİF KARATAŞ', portalId: '4871236', minutes: 2400, overtimeMinutes: 0 }, { remainingMinutes: 3150, remainingOvertimeMinutes: 1200, note: 'Ayda iki ziyaret, salı günleri.' }],
      ['old-approval/labels.html', { personName: 'Murat Yıldırım', portalId: '5102294', minutes: 1800, overtimeMinutes: 120 }, { remainingMinutes: 1500, remainingOvertimeMinutes: 600 }],
      ['old-approval/dl.html', { personName: 'Zeynep Aksoy', portalId: '3990417', minutes: 960 }, { remainingMinutes: 11700, remainingOvertimeMinutes: 0, note: 'İşyeri hekimi görevlendirmesi, ayda bir tam gün.' }],
      ['old-approval/div-grid.html', { personName: 'Hakan Demirci', portalId: '6210553', minutes: 3600, overtimeMinutes: 0 }, { remainingMinutes: 2700, remainingOvertimeMinutes: 900, note: 'Kısmi süreli, C sınıfı uzman.' }],
      ['old-approval/iframe-inner.html', { personName: 'OSMAN ÇELİKKAYA', portalId: '7734120', minutes: 4800, overtimeMinutes: 0 }, { remainingMinutes: 4200, remainingOvertimeMinutes: 1170 }],
      ['old-approval/hostile.html', { personName: '<img src=x onerror="window.__pwned=1">', portalId: '2277341', minutes: 1200, overtimeMinutes: 0 }, { remainingMinutes: 900, remainingOvertimeMinutes: 300, note: '<script>window.__pwned=2</script><b>Onaylayın</b>' }],
      ['old-approval/garbage.html', { personName: 'Selin Kurt', portalId: '8102216' }],
      ['old-approval/x-bootstrap.html', { personName: 'Serkan Güler', portalId: '6610034', minutes: 1800, overtimeMinutes: 0 }, { remainingMinutes: 4500, remainingOvertimeMinutes: 900, note: 'Haftada bir yarım gün, pazartesi.' }],
      ['old-approval/x-devexpress-stacked.html', { personName: 'MELTEM YAZICI', portalId: '7012455', minutes: 3000, overtimeMinutes: 0 }, { remainingMinutes: 6300, remainingOvertimeMinutes: 1170, note: 'İşyeri hekimi, ayda iki gün.' }],
      ['flow/3-approval.html', { personName: 'ELİF KARATAŞ', portalId: '5512034', minutes: 2400, overtimeMinutes: 0 }, { remainingMinutes: 1800, remainingOvertimeMinutes: 600 }],
    ] as [string, AssignmentFacts, CapacityFacts?][]
  ).map(([path, assignment, capacity]) => [path, { kind: 'approval', assignment, ...(capacity && { capacity }) }]),
);

describe('old-approval on its fixtures', () => {
  itReadsEachMarkedFixture(SCREEN, EXPECTED);

  it('the page around the popup frame is not the form itself', () => {
    const outer = load('old-approval/iframe.html');
    expect(outer.querySelector('iframe')).not.toBeNull();
    expect(oldApprovalScreen.detect(outer)).toBe(false);
    expect(oldApprovalScreen.read(outer).records).toEqual([]);
  });

  it('garbage numbers are left out rather than guessed', () => {
    const { record } = readOne(load('old-approval/garbage.html'));
    expect(record.assignment?.minutes).toBeUndefined(); // "abc"
    expect(record.assignment?.overtimeMinutes).toBeUndefined(); // "-30"
    expect(record.capacity).toBeUndefined(); // "1.2.3", "—", empty note
  });

  it('hostile text comes back as plain text and builds no element', () => {
    const doc = load('old-approval/hostile.html');
    const before = doc.querySelectorAll('*').length;
    const { record } = readOne(doc);
    expect(record.assignment?.personName).toBe('<img src=x onerror="window.__pwned=1">');
    expect(doc.querySelectorAll('img, script, b').length).toBe(0);
    expect(doc.querySelectorAll('*').length).toBe(before);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('re-reads what the clerk typed into the minutes input', () => {
    const doc = load('old-approval/iframe-inner.html');
    const input = doc.querySelector<HTMLInputElement>('input[name="txtAylikCalisma"]')!;
    input.value = '5.100';
    expect(readOne(doc).record.assignment?.minutes).toBe(5100);
    input.value = '';
    expect(readOne(doc).record.assignment?.minutes).toBeUndefined();
  });
});

describe('old-approval detection elsewhere', () => {
  const INLINE: Record<string, string> = {
    'the portal home page': `<div id="header">İş Sağlığı ve Güvenliği Kayıt, Takip ve İzleme Programı İSG-KATİP v9.19.01.10</div>
      <ul><li>Kayıtlı Kullanıcı Girişi</li><li>Sorgulama &amp; Başvuru</li><li>Vazgeç &amp; Çıkış Yap</li></ul>
      <h3>ONAY BEKLEYEN SÖZLEŞMELER</h3><p>2 adet Onay Bekleyen Sözleşmeniz Bulunuyor.</p>
      <p>Sisteme [Tarih] tarihinde, [TC Kimlik Numarası] ve [İp Adresi] ile girişiniz kayıt altına alındı.</p>`,
    'the old contracts grid': `<div>Yeni İşe Grv. Onayla Sözleşme İptal Sil Detay Yazdır</div>
      <table><tr><th>Adı Soyadı</th><th>Grv. Türü</th><th>Personel Kategorisi Adı</th><th>Çalışma Şekli</th><th>Grv. Başlama Trh.</th><th>Çalışma Durumu</th><th>Grv. Ayrılış Trh.</th><th>Grv. Onay Durumu</th></tr>
      <tr><td>ELİF KARATAŞ</td><td>Dış Grv.</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>Kısmi Süreli</td><td>01.02.2025</td><td>Devam Ediyor</td><td></td><td>Onay Bekliyor</td></tr></table>`,
    'a title with a single field': `<div>SÖZLEŞME ONAY</div><table><tr><td>Adı Soyadı</td><td>Ali Er</td></tr></table>`,
    'an empty page': '',
  };
  itFiresNowhereElse(SCREEN, 6, INLINE);
});

describe('old-approval labels', () => {
  it('matches the most specific label whatever the order of the rows', () => {
    const doc = parse(`<html><body><table>
      <tr><td>KALAN MAX. AYL. FZL. MESAİ SÜRESİ (DK)</td><td>40</td></tr>
      <tr><td>KALAN MAX. AYL. ÇLŞ. SÜRESİ (DK)</td><td>30</td></tr>
      <tr><td>AYL. FZL. MESAİ SÜRESİ (DK)</td><td>20</td></tr>
      <tr><td>AYL. ÇLŞ. SÜRESİ (DK)</td><td>10</td></tr>
    </table></body></html>`);
    expect(oldApprovalScreen.detect(doc)).toBe(true);
    const { record } = readOne(doc);
    expect(record.assignment).toEqual({ minutes: 10, overtimeMinutes: 20 });
    expect(record.capacity).toEqual({ remainingMinutes: 30, remainingOvertimeMinutes: 40 });
  });

  it('reads the unabbreviated labels of another portal version', () => {
    const doc = parse(`<html><body><h2>SÖZLEŞME ONAY</h2><dl>
      <dt>Aylık Çalışma Süresi (Dakika)</dt><dd>1.140</dd>
      <dt>Kalan Maksimum Aylık Çalışma Süresi</dt><dd>10.560</dd></dl></body></html>`);
    expect(oldApprovalScreen.detect(doc)).toBe(true);
    const { record } = readOne(doc);
    expect(record.assignment?.minutes).toBe(1140);
    expect(record.capacity?.remainingMinutes).toBe(10560);
  });
});

describe('old-approval in other frameworks\' markup', () => {
  it('a Bootstrap modal over the contracts grid: the form is the record, the grid headers are no labels', () => {
    const doc = load('old-approval/x-bootstrap.html');
    const { element, record } = readOne(doc);
    expect(element.tagName).toBe('FORM');
    expect(element.closest('table')).toBeNull();
    expect(record.assignment?.personName).toBe('Serkan Güler'); // from the plain-text span, not the grid cell
  });

  it('floating labels after their input are read from the input before them', () => {
    const doc = load('old-approval/x-bootstrap.html');
    const inputs = doc.querySelectorAll<HTMLInputElement>('.form-floating input');
    inputs[0]!.value = '3.000';
    expect(readOne(doc).record.capacity?.remainingMinutes).toBe(3000);
  });

  it('captions stacked over their values (caption row above value row) are read from the row below', () => {
    const { record } = readOne(load('old-approval/x-devexpress-stacked.html'));
    expect(record.capacity).toMatchObject({ remainingMinutes: 6300, remainingOvertimeMinutes: 1170 });
  });
});
