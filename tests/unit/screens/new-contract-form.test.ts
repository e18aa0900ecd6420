// New interface contract entry pages reader (utils/screens/new-contract-form.ts) on the fixtures and inline pages.
import { describe, expect, it } from 'vitest';
import { newContractFormScreen } from '@/utils/screens/new-contract-form';
import type { PageRecord } from '@/utils/records';
import { isValidTckn, parseSicil } from '@/utils/domain';
import { itFiresNowhereElse, itReadsEachMarkedFixture, loadForm as load, parseForm as parse, readOneRecord, type FormScreen } from './form-fixtures';

const SCREEN: FormScreen = { reader: newContractFormScreen, screen: 'new-contract-form', kind: 'contract-form' };
const readOne = (doc: Document) => readOneRecord(SCREEN, doc);

const EXPECTED: Record<string, PageRecord> = {
  'new-contract-form/table.html': {
    kind: 'contract-form',
    workplace: {
      title: 'ÖZKAN METAL KESİM SANAYİ VE TİCARET LTD. ŞTİ.',
      sicilNo: '22562010110482130340145000',
      employees: 120,
      naceText: '25.62.01',
      hazardText: 'TEHLİKELİ',
    },
    assignment: {
      tckn: '28461903586',
      personName: 'AYŞE KOÇAK',
      role: 'igu',
      certificateClass: 'B',
      certificateText: 'B Sınıfı İş Güvenliği Uzmanlığı',
      certificateNo: 'İGU-B-48213',
      employment: 'kismi',
      minutes: 1200,
    },
    form: {
      requiredFullTime: 0,
      presentFullTime: 0,
      requiredPartTimeMinutes: 2400,
      runningTotalMinutes: 1200,
      requiredTotalMinutes: 2400,
      usedMinutes: 9600,
      blockedMinutes: 0,
      assignmentTypeText: 'Kısmi Süreli',
      enteredMinutes: 1200,
      enteredMinutesText: '1.200',
    },
  },
  'new-contract-form/labels.html': {
    kind: 'contract-form',
    workplace: {
      title: 'Kaya Market Gıda Ltd. Şti.',
      sicilNo: '28541010120736510060312000',
      employees: 45,
      naceText: '47.11.01',
      hazardText: 'Az Tehlikeli',
    },
    assignment: {
      tckn: '39102758410',
      personName: 'Mehmet Şahin',
      role: 'ih',
      certificateText: 'İşyeri Hekimliği',
      certificateNo: 'İH-20931',
      employment: 'kismi',
    },
    form: {
      requiredFullTime: 0,
      presentFullTime: 0,
      requiredPartTimeMinutes: 225,
      runningTotalMinutes: 0,
      requiredTotalMinutes: 225,
      usedMinutes: 4650,
      blockedMinutes: 300,
      assignmentTypeText: 'Kısmi Süreli',
    },
  },
  'new-contract-form/dl.html': {
    kind: 'contract-form',
    workplace: {
      title: 'Karadeniz Teknik Üniversitesi Rektörlüğü Mühendislik Fakültesi',
      detsisNo: '27484531',
      employees: 1340,
      naceText: '85.42.01',
      hazardText: 'AZ TEHLİKELİ',
    },
    assignment: {
      tckn: '14725836950',
      personName: 'Derya Öztürk',
      role: 'igu', // from the process title: the certificate type is empty
      certificateNo: 'A-55102',
      employment: 'tam',
      minutes: 3400,
    },
    form: {
      requiredFullTime: 1,
      presentFullTime: 1,
      requiredPartTimeMinutes: 3400,
      runningTotalMinutes: 11700,
      requiredTotalMinutes: 15100,
      usedMinutes: 0,
      blockedMinutes: 0,
      assignmentTypeText: 'Tam Süreli',
      enteredMinutes: 3400,
      enteredMinutesText: '3.400',
    },
  },
  'new-contract-form/div-grid.html': {
    kind: 'contract-form',
    workplace: {
      title: 'YILMAZLAR İNŞAAT TAAHHÜT A.Ş.',
      sicilNo: '24120020107339120060371000',
      employees: 80,
      naceText: '41.20.01',
      hazardText: 'ÇOK TEHLİKELİ',
    },
    assignment: {
      tckn: '12345678901',
      personName: 'Gülşen Arslan',
      role: 'dsp',
      certificateText: 'Diğer Sağlık Personeli',
      certificateNo: 'DSP-7781',
      employment: 'kismi',
      minutes: 1200,
    },
    form: {
      requiredFullTime: 0,
      presentFullTime: 0,
      requiredPartTimeMinutes: 1200,
      runningTotalMinutes: 0,
      requiredTotalMinutes: 1200,
      usedMinutes: 2400,
      blockedMinutes: 600,
      assignmentTypeText: 'Kısmi Süreli',
      enteredMinutes: 1200,
      enteredMinutesText: '1.200',
    },
  },
  'new-contract-form/hostile.html': {
    kind: 'contract-form',
    workplace: {
      title: '<img src=x onerror="window.__pwned=1">',
      sicilNo: '22562010110482130340145000',
      employees: 30,
      naceText: '25.62.01',
      hazardText: 'Tehlikeli',
    },
    assignment: {
      tckn: '52038471628',
      personName: '<svg onload="window.__pwned=2"> Yalçın',
      role: 'igu',
      certificateClass: 'C',
      certificateText: 'C Sınıfı İş Güvenliği Uzmanlığı',
      minutes: 600,
    },
    form: { requiredTotalMinutes: 600, enteredMinutes: 600, enteredMinutesText: '600' },
  },
  'new-contract-form/garbage.html': {
    kind: 'contract-form',
    workplace: {
      title: 'Deniz Oto Servis',
      sicilNo: '4520 01 01 12A',
      employeesText: 'abc',
      naceText: '45.20',
      hazardText: 'Tehlikesiz',
    },
    assignment: {
      tckn: '63915027418',
      personName: 'Kerem Aydın',
      role: 'igu',
      certificateClass: 'A',
      certificateText: 'A Sınıfı İş Güvenliği Uzmanlığı',
    },
    form: { enteredMinutesText: '1.2.3' },
  },
  'new-contract-form/x-material.html': {
    kind: 'contract-form',
    workplace: {
      title: 'DOĞU AKDENİZ GEMİ SÖKÜM SANAYİ A.Ş.',
      sicilNo: '23011010122334450310415000',
      employees: 310,
      naceText: '30.11.01',
      hazardText: 'ÇOK TEHLİKELİ',
    },
    assignment: {
      tckn: '97361528472',
      personName: 'KORAY TEMİZ',
      role: 'igu',
      certificateClass: 'A',
      certificateText: 'A Sınıfı İş Güvenliği Uzmanlığı',
      certificateNo: 'İGU-A-11873',
      employment: 'kismi',
      minutes: 1000,
    },
    form: {
      requiredFullTime: 1,
      presentFullTime: 1,
      requiredPartTimeMinutes: 1000,
      runningTotalMinutes: 11700,
      requiredTotalMinutes: 12700,
      usedMinutes: 0,
      blockedMinutes: 0,
      assignmentTypeText: 'Kısmi Süreli',
      enteredMinutes: 1000,
      enteredMinutesText: '1.000',
    },
  },
  'new-contract-form/x-custom-controls.html': {
    kind: 'contract-form',
    workplace: {
      title: 'KARADENİZ ÇELİK DÖKÜM SANAYİ A.Ş.',
      sicilNo: '22451010112345670340100000',
      employees: 120,
      naceText: '24.51.13',
      hazardText: 'Çok Tehlikeli',
    },
    assignment: {
      tckn: '10000000146',
      personName: 'Elif Kaya',
      role: 'igu',
      certificateClass: 'B',
      certificateText: 'B Sınıfı İş Güvenliği Uzmanlığı',
      employment: 'kismi',
      minutes: 4800,
    },
    form: {
      requiredFullTime: 0,
      presentFullTime: 0,
      requiredPartTimeMinutes: 4800,
      runningTotalMinutes: 0,
      requiredTotalMinutes: 4800,
      assignmentTypeText: 'Kısmi Süreli',
      enteredMinutes: 4800,
      enteredMinutesText: '4.800',
    },
  },
  'new-contract-form/x-fieldset.html': {
    kind: 'contract-form',
    workplace: {
      title: 'ÖRNEK İLÇE BELEDİYESİ ZABITA MÜDÜRLÜĞÜ',
      detsisNo: '38201455',
      employees: 64,
      naceText: '84.11.02',
      hazardText: 'AZ TEHLİKELİ',
    },
    assignment: {
      tckn: '41285967350',
      personName: 'Nihan Özdemir',
      role: 'ih',
      certificateText: 'İşyeri Hekimi',
      employment: 'kismi',
      minutes: 320,
    },
    form: {
      requiredPartTimeMinutes: 320,
      runningTotalMinutes: 0,
      requiredTotalMinutes: 320,
      usedMinutes: 7200,
      assignmentTypeText: 'Kısmi Süreli Görevlendirme',
      enteredMinutes: 320,
      enteredMinutesText: '320',
    },
  },
};

describe('new-contract-form on its fixtures', () => {
  itReadsEachMarkedFixture(SCREEN, EXPECTED);

  it('the fixtures carry checksum-valid T.C. numbers except the one meant to be invalid, and 26-digit SGK numbers', () => {
    for (const [path, expected] of Object.entries(EXPECTED)) {
      const tckn = expected.assignment?.tckn ?? '';
      expect(isValidTckn(tckn), path).toBe(path !== 'new-contract-form/div-grid.html');
      const sicil = expected.workplace?.sicilNo;
      if (sicil) expect(parseSicil(sicil) !== undefined, path).toBe(path !== 'new-contract-form/garbage.html');
    }
  });

  it('KULLANILAN and BLOKE EDİLEN ÇALIŞMA SÜRESİ are never taken for the contract minutes', () => {
    const { record } = readOne(load('new-contract-form/labels.html'));
    expect(record.form?.usedMinutes).toBe(4650);
    expect(record.form?.blockedMinutes).toBe(300);
    expect(record.form?.enteredMinutes).toBeUndefined();
    expect(record.assignment?.minutes).toBeUndefined();
  });
});

describe('new-contract-form as the clerk types', () => {
  it('an empty minutes input reads as nothing entered, then as what was typed', () => {
    const doc = load('new-contract-form/labels.html');
    const input = doc.getElementById('a2') as HTMLInputElement;
    expect(readOne(doc).record.form?.enteredMinutesText).toBeUndefined();
    input.value = '225';
    const { record } = readOne(doc);
    expect(record.form?.enteredMinutes).toBe(225);
    expect(record.form?.enteredMinutesText).toBe('225');
    expect(record.assignment?.minutes).toBe(225);
  });

  it('a typed value replaces the one the page came with', () => {
    const doc = load('new-contract-form/table.html');
    const input = doc.querySelector<HTMLInputElement>('input[name="calismaSuresi"]')!;
    input.value = '2.400';
    expect(readOne(doc).record.form?.enteredMinutes).toBe(2400);
    input.value = '12x';
    const { record } = readOne(doc);
    expect(record.form?.enteredMinutes).toBeUndefined();
    expect(record.form?.enteredMinutesText).toBe('12x');
    expect(record.assignment?.minutes).toBeUndefined();
  });

  it('choosing another Görevlendirme Tipi changes the employment', () => {
    const doc = load('new-contract-form/table.html');
    const select = doc.querySelector<HTMLSelectElement>('select[name="gorevlendirmeTipi"]')!;
    select.selectedIndex = 2;
    const { record } = readOne(doc);
    expect(record.form?.assignmentTypeText).toBe('Tam Süreli');
    expect(record.assignment?.employment).toBe('tam');
    select.selectedIndex = 0; // "Seçiniz"
    const again = readOne(doc).record;
    expect(again.form?.assignmentTypeText).toBeUndefined();
    expect(again.assignment?.employment).toBeUndefined();
  });

  it('garbage numbers: enteredMinutes absent, the text kept; employee count kept as text', () => {
    const { record } = readOne(load('new-contract-form/garbage.html'));
    expect(record.form?.enteredMinutes).toBeUndefined();
    expect(record.form?.enteredMinutesText).toBe('1.2.3');
    expect(record.form?.requiredTotalMinutes).toBeUndefined();
    expect(record.workplace?.employees).toBeUndefined();
    expect(record.workplace?.employeesText).toBe('abc');
  });

  it('hostile text comes back as plain text and builds no element', () => {
    const doc = load('new-contract-form/hostile.html');
    const before = doc.querySelectorAll('*').length;
    const { record } = readOne(doc);
    expect(record.workplace?.title).toBe('<img src=x onerror="window.__pwned=1">');
    expect(doc.querySelectorAll('img, svg').length).toBe(0);
    expect(doc.querySelectorAll('*').length).toBe(before);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('new-contract-form detection elsewhere', () => {
  const INLINE: Record<string, string> = {
    'the public-institution list': `<table><thead><tr><th>Detay ID</th><th>Detay No</th><th>Kurum Unvanı</th><th>Kurum Adresi</th><th>Kurum İlçesi</th><th>NACE Kodu</th><th>Tehlike Sınıfı</th><th>Çalışan Sayısı</th><th>Kurum Statü</th></tr></thead>
      <tbody><tr><td>101</td><td>27484531</td><td>Karadeniz Teknik Üniversitesi</td><td>Kalkınma Mah.</td><td>Ortahisar</td><td>85.42.01</td><td>Az Tehlikeli</td><td>1.340</td><td>Aktif</td></tr></tbody></table>`,
    'a contract list showing the workplace columns': `<table><tr><th>Sözleşme ID</th><th>UNVAN</th><th>TOPLAM ÇALIŞAN SAYISI</th><th>TEHLİKE SINIFI</th><th>Çalışma Süresi</th></tr>
      <tr><td>9001</td><td>Kaya Market</td><td>45</td><td>Az Tehlikeli</td><td>450</td></tr></table>`,
    'the process choice dialog': `<h3>Süreç Seçimi</h3><ul><li>KAMU İŞYERİ İLE ÇALIŞANLARI ARASINDAKİ İŞ GÜVENLİĞİ UZMANI GÖREVLENDİRMESİ</li>
      <li>KAMU İŞYERİ İLE ÇALIŞANLARI ARASINDAKİ DİĞER SAĞLIK PERSONELİ GÖREVLENDİRMESİ</li></ul><button>Başlat</button>`,
    'the workplace part without any minutes field': `<dl><dt>TOPLAM ÇALIŞAN SAYISI</dt><dd>12</dd><dt>TEHLİKE SINIFI</dt><dd>Tehlikeli</dd></dl>`,
    'an empty page': '',
  };
  itFiresNowhereElse(SCREEN, 8, INLINE);
});

describe('new-contract-form labels', () => {
  it('reads the role words the portal writes instead of "İSG" and the OCR-like variants', () => {
    const doc = parse(`<html><body><table>
      <tr><td>TOPLAM ÇALIŞAN SAYISI</td><td>600</td></tr>
      <tr><td>TEHLİKE SINIFI</td><td>Çok Tehlikeli</td></tr>
      <tr><td>GEREKLİ TAM SÜRELİ İGU SAYISI</td><td>2</td></tr>
      <tr><td>MERCUY TAM SURELI İGU SAHİPİ</td><td>1</td></tr>
      <tr><td>GEREKLİ (ASGARİ) KISMİ SÜRELİ İŞ GÜVENLİĞİ UZMANI SÜRESİ</td><td>4.000</td></tr>
      <tr><td>GEREKLİ TORLAMA İGU SURESİ</td><td>27.400</td></tr>
    </table></body></html>`);
    expect(newContractFormScreen.detect(doc)).toBe(true);
    const { record } = readOne(doc);
    expect(record.workplace).toEqual({ employees: 600, hazardText: 'Çok Tehlikeli' });
    expect(record.form).toEqual({ requiredFullTime: 2, presentFullTime: 1, requiredPartTimeMinutes: 4000, requiredTotalMinutes: 27400 });
    expect(record.assignment).toEqual({ role: 'igu' }); // from "İŞ GÜVENLİĞİ UZMANI" in a label
  });

  it('a fraction of an employee is not a count', () => {
    const doc = parse(`<html><body><dl><dt>TOPLAM ÇALIŞAN SAYISI</dt><dd>12,5</dd><dt>TEHLİKE SINIFI</dt><dd>Tehlikeli</dd>
      <dt>Çalışma Süresi</dt><dd><input value=""></dd></dl></body></html>`);
    const { record } = readOne(doc);
    expect(record.workplace).toEqual({ employeesText: '12,5', hazardText: 'Tehlikeli' });
  });
});

describe('new-contract-form in other frameworks\' markup', () => {
  it('Material floating labels after the input: the required marker "*" is no value, typing is re-read', () => {
    const doc = load('new-contract-form/x-material.html');
    expect(readOne(doc).record.assignment?.tckn).toBe('97361528472');
    const minutes = doc.querySelector<HTMLInputElement>('input[aria-labelledby="lblSure lblSureBirim"]')!;
    minutes.value = '1.500';
    const { record, minutesControl } = newContractFormScreen.read(doc).records[0]!;
    expect(record.form?.enteredMinutes).toBe(1500);
    expect(minutesControl).toBe(minutes);
  });

  it('captions in a row above their values, a label "for" a wrapper div, aria-labelledby with two ids', () => {
    const { record } = readOne(load('new-contract-form/x-fieldset.html'));
    expect(record.workplace).toMatchObject({ title: 'ÖRNEK İLÇE BELEDİYESİ ZABITA MÜDÜRLÜĞÜ', detsisNo: '38201455', employees: 64 });
    expect(record.workplace?.hazardText).toBe('AZ TEHLİKELİ');
    expect(record.assignment?.tckn).toBe('41285967350');
  });
});
