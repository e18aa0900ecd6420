// New interface "İSG Hizmet Sözleşmeleri" list reader against the saved variants (tests/fixtures/new-contracts).
import { describe, expect, it } from 'vitest';
import { newContractsReader } from '@/utils/screens/new-contracts';
import { isValidTckn } from '@/utils/domain';
import { loadFixture, runFixtureScripts } from './grid-fixtures';

const records = (path: string) => newContractsReader.read(loadFixture(path)).records.map((r) => r.record);

describe('new-contracts plain list with workplace columns', () => {
  const recs = records('new-contracts/plain.html');
  const a = recs.map((r) => r.assignment!);

  it('reads one assignment per row, with its workplace', () => {
    expect(recs).toHaveLength(5);
    expect(recs.every((r) => r.kind === 'assignment' && r.workplace !== undefined)).toBe(true);
  });

  it('reads contract, person and certificate columns', () => {
    expect(a[0]).toEqual({
      portalId: '100245',
      contractName: 'OSGB İLE SGK İŞYERİ ARASINDAKİ İSG HİZMET SÖZLEŞMESİ',
      personName: 'Ayşe Yıldırım',
      tckn: '17776071332',
      role: 'igu',
      certificateClass: 'C',
      certificateText: 'C Sınıfı İş Güvenliği Uzmanı',
      certificateNo: 'İGU-C-58211',
      employment: 'kismi',
      minutes: 4800,
      contractState: 'active',
      approvalState: 'approved',
      stateText: 'Sözleşme Devam Ediyor / Onaylandı',
    });
    expect(a.map((x) => x.role)).toEqual(['igu', 'ih', 'igu', 'dsp', 'igu']);
  });

  it('keeps a T.C. number that fails the checksum as shown (the rule judges it)', () => {
    expect(a[2]!.tckn).toBe('12345678900');
  });

  it('reads the three contract states', () => {
    expect(a.map((x) => x.contractState)).toEqual(['active', 'active', 'active', 'cancelled', 'ended']);
    expect(a.map((x) => x.approvalState)).toEqual(['approved', 'approved', 'pending', 'rejected', 'approved']);
  });

  it('reads the workplace: SGK number, NACE and class kept as shown, employees parsed', () => {
    expect(recs[0]!.workplace).toEqual({
      sicilNo: '12562010112345670341234000',
      title: 'ÖZ DEMİR METAL İŞLEME SANAYİ VE TİCARET LTD. ŞTİ.',
      naceText: '25.62.01',
      hazardText: 'Tehlikeli',
      employees: 120,
    });
    expect(recs[3]!.workplace).toMatchObject({ employeesText: 'otuz beş' });
    expect(recs[3]!.workplace!.employees).toBeUndefined();
  });

  it('keeps markup in a name as text', () => {
    expect(a[4]!.personName).toBe('<img src=x onerror="window.__pwned=1">');
  });
});

describe('new-contracts DevExpress list (seed columns only)', () => {
  const doc = loadFixture('new-contracts/devexpress.html');
  const read = newContractsReader.read(doc);
  const a = read.records.map((r) => r.record.assignment!);

  it('reads the visible tab, skips the empty tab, filter and footer rows', () => {
    expect(a.map((x) => x.personName)).toEqual(['BURAK ÇELİK', 'SELİN GÜNEŞ', 'OĞUZ KARATAŞ', '<script>window.__pwned=1</script>']);
    expect(doc.querySelector('script')).toBeNull();
  });

  it('takes Sözleşme ID, not Sözleşme Sıra ID', () => {
    expect(a.map((x) => x.portalId)).toEqual(['200411', '200412', '200450', '200451']);
  });

  it('reads short certificate types and "… Dakika" minutes; non-monthly minutes stay unread', () => {
    expect(a.map((x) => [x.role, x.certificateClass])).toEqual([
      ['igu', 'A'],
      ['ih', undefined],
      ['igu', 'C'],
      ['igu', 'B'],
    ]);
    expect(a.map((x) => x.minutes)).toEqual([2400, 1200, undefined, 720]);
    expect(a[2]!.employment).toBe('tam');
    expect(read.records.every((r) => r.record.workplace === undefined)).toBe(true);
  });
});

describe('new-contracts ARIA grid', () => {
  const doc = loadFixture('new-contracts/aria.html');
  const read = newContractsReader.read(doc);

  it('reads role="row" elements, cells placed by aria-colindex', () => {
    expect(read.records.map((r) => r.element.getAttribute('role'))).toEqual(['row', 'row', 'row', 'row']);
    const melike = read.records[1]!.record;
    expect(melike.assignment).toMatchObject({ portalId: '300119', personName: 'Melike Kurt', tckn: '51878145706', role: 'ih', minutes: 900 });
    expect(melike.workplace).toMatchObject({ naceText: '25.62.01', hazardText: 'Tehlikeli', employees: 120 });
  });

  it('keeps a malformed SGK number and NACE code as shown', () => {
    expect(read.records[2]!.record.workplace).toMatchObject({ sicilNo: '2562010112345670341234', naceText: '25.6201' });
  });

  it('keeps a tag in a name as text', () => {
    expect(read.records[3]!.record.assignment!.personName).toBe('<b onmouseover="window.__pwned=1">Gül Tan</b>');
    expect(doc.querySelector('b')).toBeNull();
  });
});

describe('new-contracts paging without reload', () => {
  it('reads page 2 after "Sonraki Sayfa"', () => {
    const doc = loadFixture('new-contracts/postback.html');
    runFixtureScripts(doc);
    expect(newContractsReader.read(doc).records.map((r) => r.record.assignment!.portalId)).toEqual(['410001', '410002']);
    (doc.getElementById('sonraki') as HTMLButtonElement).click();
    const after = newContractsReader.read(doc).records;
    expect(after.map((r) => r.record.assignment)).toEqual([
      {
        portalId: '410003',
        contractName: 'OSGB İLE SGK İŞYERİ ARASINDAKİ İSG HİZMET SÖZLEŞMESİ',
        tckn: '48239151216',
        personName: 'Canan Özer',
        role: 'igu',
        certificateClass: 'C',
        certificateText: 'C Sınıfı',
        minutes: 1440,
        approvalState: 'pending',
        stateText: 'Onay Bekliyor',
      },
    ]);
  });
});

describe('new-contracts in DataTables scrollX markup (two-row grouped header)', () => {
  const doc = loadFixture('new-contracts/x-datatables.html');
  const read = newContractsReader.read(doc);
  const recs = read.records.map((r) => r.record);

  it('reads the rows of the body table, not its hidden sizing header', () => {
    expect(read.records.every((r) => r.element.closest('table')!.id === 'tblSozlesme')).toBe(true);
    expect(recs.map((r) => r.assignment!.portalId)).toEqual(['520114', '520131', '520177']);
  });

  it('"Görevlendirilen Kişi" over "TC Kimlik No" / "Ad Soyad" / "Sertifika Tipi" gives each its own column', () => {
    expect(recs[0]!.assignment).toEqual({
      portalId: '520114',
      contractName: 'OSGB İLE SGK İŞYERİ ARASINDAKİ İSG HİZMET SÖZLEŞMESİ',
      personName: 'Tuba Ekinci',
      tckn: '38472619550',
      role: 'igu',
      certificateClass: 'B',
      certificateText: 'B Sınıfı İş Güvenliği Uzmanı',
      employment: 'kismi',
      minutes: 1800,
      approvalState: 'approved',
      stateText: 'Onaylandı',
    });
    expect(recs.map((r) => r.assignment!.personName)).toEqual(['Tuba Ekinci', 'Caner Polat', 'Derya Aslan']);
    expect(recs.map((r) => r.assignment!.role)).toEqual(['igu', 'ih', 'dsp']);
  });

  it('reads the workplace group and leaves weekly minutes unread', () => {
    expect(recs[2]!.workplace).toEqual({ sicilNo: '24120020107339120060371000', hazardText: 'Çok Tehlikeli' });
    expect(recs.map((r) => r.assignment!.minutes)).toEqual([1800, 600, undefined]);
  });
});

describe('new-contracts in PrimeNG div-table markup', () => {
  const doc = loadFixture('new-contracts/x-primeng.html');
  const read = newContractsReader.read(doc);
  const a = read.records.map((r) => r.record.assignment!);

  it('reads role="row" rows, skipping the filter row, the hidden empty message and the totals footer', () => {
    expect(read.records.map((r) => r.element.getAttribute('aria-selected'))).toEqual(['false', 'true']);
  });

  it('drops the column names repeated in each cell, reads the icon header by its aria-label and read-only inputs', () => {
    expect(a[0]).toEqual({
      portalId: '610402',
      contractName: 'KAMU İŞYERİ İLE ÇALIŞANLARI ARASINDAKİ İŞ GÜVENLİĞİ UZMANI GÖREVLENDİRMESİ',
      personName: 'Berkay Şen',
      tckn: '73184625994',
      role: 'igu',
      certificateClass: 'A',
      certificateText: 'A Sınıfı',
      minutes: 3600,
      contractState: 'active',
      approvalState: 'pending',
      stateText: 'Sözleşme Devam Ediyor / Onay Bekliyor',
    });
    expect(a[1]).toMatchObject({ personName: 'Pınar Uçar', tckn: '84639251750', role: 'ih', minutes: 900 });
  });

  it('the T.C. numbers of the new fixtures pass the checksum', () => {
    const all = [...a, ...newContractsReader.read(loadFixture('new-contracts/x-datatables.html')).records.map((r) => r.record.assignment!)];
    expect(all.every((x) => isValidTckn(x.tckn ?? ''))).toBe(true);
  });
});
