// The one column vocabulary: header labels, page JSON keys and export headers onto the same fields.
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_VOCABULARY,
  contractRecordFromValues,
  contractValuesFromJson,
  matchColumns,
  parseVerdict,
} from '@/utils/screens/vocabulary';

const fieldsOf = (labels: string[]) => matchColumns(labels, CONTRACT_VOCABULARY());

describe('matchColumns', () => {
  it('maps every header of the portal export (PORTAL-EVIDENCE.md) to its field', () => {
    const labels = [
      'Hizmet Alan İşyeri ID',
      'Hizmet Alan İşyeri Unvanı',
      'Hizmet Alan İşyeri SGK/DETSİS No',
      'Hizmet Alan İşyeri İli',
      'Hizmet Alan İşyeri Çalışan Sayısı',
      'Hizmet Alan İşyeri Tehlike Sınıfı',
      'Hizmet Alan İşyeri NACE Kodu',
      'Sözleşme Başlangıç Tarihi',
      'Sözleşme Bitiş Tarihi',
      'Sözleşme Statü',
      'Onaylayan Kişi Ad Soyad',
      'Çalışma Süresi',
      'Çalışma Periyodu',
      'Sözleşme Mevzuata Uygun mu',
    ];
    const m = fieldsOf(labels);
    expect(m.fields).toEqual([
      'workplaceId',
      'title',
      'sicilOrDetsis',
      'province',
      'employees',
      'hazardText',
      'naceText',
      'startDate',
      'endDate',
      'contractState',
      'approvedBy',
      'minutes',
      'period',
      'portalVerdict',
    ]);
    expect(m.ambiguous).toEqual([]);
    expect(m.unplaced).toEqual([]);
  });

  it("maps seed 002's columns (with its OCR 'Sıraç') and the old grid's abbreviations", () => {
    const m = fieldsOf([
      'Sözleşme Sıraç ID',
      'Sözleşme Adı',
      'Sözleşme ID',
      'Otomatik Güncelleme Onay İzni Var mı',
      'Görevlendirilen Kişi TC Kimlik No',
      'Görevlendirilen Kişi Ad Soyad',
      'Görevlendirilen Kişi Sertifika Tipi',
      'Görevlendirilen Kişi Sertifika No',
      'Sözleşme Tipi',
      'Çalışma Süresi',
      'Çalışma Periyodu',
    ]);
    expect(m.fields).toEqual([
      'processId',
      'contractName',
      'portalId',
      'autoUpdate',
      'tckn',
      'personName',
      'certificateType',
      'certificateNo',
      'contractType',
      'minutes',
      'period',
    ]);
    const old = fieldsOf([
      'Adı Soyadı',
      'Grv. Türü',
      'Personel Kategorisi Adı',
      'Çalışma Şekli',
      'Grv. Başlama Trh.',
      'Çalışma Durumu',
      'Grv. Ayrılış Trh.',
      'Grv. Onay Durumu',
      'Ayl. Çlş. Süresi (Dk)',
    ]);
    expect(old.fields).toEqual([
      'personName',
      'assignmentType',
      'certificateType',
      'employment',
      'startDate',
      'contractState',
      'endDate',
      'approval',
      'minutes',
    ]);
  });

  it('reads "Statü", "Statüsü" and "Durumu" as the contract state', () => {
    for (const label of ['Statü', 'STATÜSÜ', 'Durumu', 'Sözleşme Statüsü', 'Sözleşme Durumu']) {
      expect(fieldsOf(['Sözleşme ID', label]).fields[1]).toBe('contractState');
    }
  });

  it('never gives a provider column ("Hizmet Veren …", "OSGB …") the workplace field', () => {
    const m = fieldsOf([
      'Hizmet Veren Unvanı',
      'Hizmet Veren SGK Sicil No',
      'Hizmet Alan İşyeri Unvanı',
      'Hizmet Alan İşyeri SGK Sicil No',
      'OSGB Unvanı',
    ]);
    expect(m.fields).toEqual([undefined, undefined, 'title', 'sicilNo', undefined]);
    expect(m.unplaced).toEqual(['Hizmet Veren Unvanı', 'Hizmet Veren SGK Sicil No', 'OSGB Unvanı']);
    // the provider column alone still does not stand in for the workplace
    expect(fieldsOf(['Hizmet Veren Unvanı', 'Sözleşme ID']).fields).toEqual([undefined, 'portalId']);
  });

  it('an exact label beats all-words, which beats partial', () => {
    // "Sözleşme Bitiş Tarihi" exactly, "Bitiş Tarihi (Planlanan)" only partly
    expect(fieldsOf(['Bitiş Tarihi Planlanan', 'Sözleşme Bitiş Tarihi']).fields).toEqual([undefined, 'endDate']);
    // same words, other order, beats a label with extra words
    expect(fieldsOf(['Kimlik No TC', 'TC Kimlik No Eski']).fields).toEqual(['tckn', undefined]);
  });

  it('two columns tying for one field make it ambiguous: neither is read', () => {
    const m = fieldsOf(['Sözleşme ID', 'Sözleşme Durumu', 'Sözleşme Statü']);
    expect(m.fields).toEqual(['portalId', undefined, undefined]);
    expect(m.ambiguous).toEqual(['contractState']);
    const partial = fieldsOf(['Çalışma Süresi Planlanan', 'Çalışma Süresi Gerçekleşen']);
    expect(partial.fields).toEqual([undefined, undefined]);
    expect(partial.ambiguous).toEqual(['minutes']);
  });

  it('a one-word synonym names a column only as the whole label', () => {
    expect(fieldsOf(['Ödeme Durumu', 'İşlem Statü']).fields).toEqual([undefined, undefined]);
  });

  it('a party phrase alone never makes a partial match', () => {
    // "Görevlendirilen Kişi Sertifika Vize Geçerlilik Tarihi" is not the person's name
    expect(fieldsOf(['Görevlendirilen Kişi Sertifika Vize Geçerlilik Tarihi']).fields).toEqual([undefined]);
  });

  it('a hidden column loses a tie to a visible one', () => {
    const m = matchColumns(['Sözleşme Durumu', 'Sözleşme Statü'], CONTRACT_VOCABULARY(), { hidden: [true, false] });
    expect(m.fields).toEqual([undefined, 'contractState']);
  });

  it('gives up on a header of thousands of columns', () => {
    const labels = Array.from({ length: 2000 }, (_, i) => `Sütun ${i}`);
    labels[3] = 'Sözleşme ID';
    expect(fieldsOf(labels).fields.every((f) => f === undefined)).toBe(true);
  });
});

describe('contractRecordFromValues', () => {
  it('decides SGK against DETSİS by the value of the combined column', () => {
    const sgk = contractRecordFromValues({ portalId: '1', sicilOrDetsis: '2 4322 01 01 1234567 034 01 12 000' });
    expect(sgk.workplace).toEqual({ sicilNo: '2 4322 01 01 1234567 034 01 12 000' });
    const detsis = contractRecordFromValues({ portalId: '1', sicilOrDetsis: '12345678' });
    expect(detsis.workplace).toEqual({ detsisNo: '12345678' });
    // 25 digits: an SGK number written wrong, so sicil-malformed can say so
    expect(contractRecordFromValues({ sicilOrDetsis: '2432201011234567034011200' }).workplace?.sicilNo).toBe('2432201011234567034011200');
  });

  it('reads the portal verdict: Evet → true, Hayır → false', () => {
    expect(contractRecordFromValues({ portalId: '1', portalVerdict: 'Evet' }).assignment?.portalVerdict).toBe(true);
    expect(contractRecordFromValues({ portalId: '1', portalVerdict: 'HAYIR' }).assignment?.portalVerdict).toBe(false);
    expect(contractRecordFromValues({ portalId: '1', portalVerdict: '▼' }).assignment?.portalVerdict).toBeUndefined();
    expect(parseVerdict('hayır')).toBe(false);
  });

  it('maps the texts of a row to one record', () => {
    const r = contractRecordFromValues({
      portalId: '4711',
      personName: 'Ayşe Yılmaz',
      tckn: '10000000146',
      certificateType: 'C Sınıfı İş Güvenliği Uzmanı',
      contractType: 'Kısmi Süreli',
      minutes: '2.400,00',
      period: 'Aylık',
      contractState: 'Sözleşme İptal Edildi',
      startDate: '01.02.2025 09:30:00',
      title: 'ACME__LTD',
      employees: '1.200',
      hazardText: 'Çok Tehlikeli',
    });
    expect(r).toEqual({
      kind: 'assignment',
      assignment: {
        portalId: '4711',
        personName: 'Ayşe Yılmaz',
        tckn: '10000000146',
        role: 'igu',
        certificateClass: 'C',
        certificateText: 'C Sınıfı İş Güvenliği Uzmanı',
        employment: 'kismi',
        minutes: 2400,
        startDate: '2025-02-01T09:30:00',
        contractState: 'cancelled',
        stateText: 'Sözleşme İptal Edildi',
      },
      workplace: { title: 'ACME__LTD', employees: 1200, hazardText: 'Çok Tehlikeli' },
    });
  });

  it('a huge or garbage figure leaves the fact absent and keeps the record', () => {
    const r = contractRecordFromValues({ portalId: '9', minutes: '99999999999999999999', employees: 'çok', personName: 'X' });
    expect(r.assignment).toEqual({ portalId: '9', personName: 'X' });
    expect(r.workplace).toEqual({ employeesText: 'çok' });
  });

  it('ignores bidi and zero-width marks around numbers', () => {
    const r = contractRecordFromValues({ portalId: '1', minutes: '\u200f\u202a1.200\u202c\u200b', employees: '\u2066120\u2069' });
    expect(r.assignment?.minutes).toBe(1200);
    expect(r.workplace?.employees).toBe(120);
  });

  it('a period other than monthly leaves the minutes unread', () => {
    expect(contractRecordFromValues({ portalId: '1', minutes: '300', period: 'Haftalık' }).assignment?.minutes).toBeUndefined();
  });

  it('takes the role from the process code when nothing else names it', () => {
    expect(contractRecordFromValues({ processId: '140', portalId: '1' }).assignment?.role).toBe('ih');
    expect(contractRecordFromValues({ processId: '177', portalId: '1' }).assignment?.role).toBe('dsp');
    expect(contractRecordFromValues({ processId: '98765', portalId: '1' }).assignment?.role).toBeUndefined();
  });

  it('caps very long texts', () => {
    const r = contractRecordFromValues({ portalId: '1', personName: 'a'.repeat(1_000_000) });
    expect(r.assignment?.personName?.length).toBe(2000);
  });
});

describe('contractValuesFromJson', () => {
  const row = {
    sozlesmeId: 55501,
    sozlesmeSurecId: 103,
    calismaSuresi: 1800,
    sozlesmeBaslangicTarihi: '2025-01-01T00:00:00',
    sozlesmeBitisTarihi: null,
    sozlesmeStatu: 5002,
    sozlesmeOnayDurumu: 5004,
    gorevlendirilenKisiTckn: '10000000146',
    gorevlendirilenKisiAdSoyad: 'A*** Y****',
    gorevlendirilenKisiSertifikaNo: 'İGU-1234',
    gorevlendirilenKisiOnayDurumu: 'Sözleşme Onaylandı',
    hizmetAlanIsyeriOnayDurumu: 'Sözleşme Onay Bekliyor',
    hizmetAlanIsyeriUnvani: 'ACME',
    hizmetAlanIsyeriSgkDetsisNo: '24322010112345670340112000',
    hizmetAlanIsyeriCalisanSayisi: 120,
    hizmetAlanIsyeriTehlikeSinifi: 'Çok Tehlikeli',
    hizmetAlanIsyeriNaceKodu: '43.22.01',
    sozlesmeMevzuataUygunMu: 'Hayır',
    asgariSuredenFazlaMi: 0,
    nested: { x: 1 },
  };

  it('maps the JSON fields onto the same values, codes as texts', () => {
    expect(contractValuesFromJson(row)).toEqual({
      portalId: '55501',
      processId: '103',
      minutes: '1800',
      startDate: '01.01.2025',
      contractState: 'Sözleşme Sonlandırıldı',
      approval: 'Onaylandı',
      tckn: '10000000146',
      personName: 'A*** Y****',
      certificateNo: 'İGU-1234',
      personApproval: 'Sözleşme Onaylandı',
      workplaceApproval: 'Sözleşme Onay Bekliyor',
      title: 'ACME',
      sicilOrDetsis: '24322010112345670340112000',
      employees: '120',
      hazardText: 'Çok Tehlikeli',
      naceText: '43.22.01',
      portalVerdict: 'Hayır',
    });
  });

  it('makes the same record as the list row showing the same facts', () => {
    const fromJson = contractRecordFromValues(contractValuesFromJson(row));
    expect(fromJson.assignment).toMatchObject({
      portalId: '55501',
      role: 'igu',
      minutes: 1800,
      contractState: 'ended',
      approvalState: 'approved',
      startDate: '2025-01-01',
      portalVerdict: false,
    });
    expect(fromJson.workplace).toEqual({
      sicilNo: '24322010112345670340112000',
      title: 'ACME',
      naceText: '43.22.01',
      hazardText: 'Çok Tehlikeli',
      employees: 120,
    });
  });

  it('translates every state code', () => {
    const state = (code: number) => contractRecordFromValues(contractValuesFromJson({ sozlesmeId: 1, sozlesmeStatu: code })).assignment?.contractState;
    expect(state(5001)).toBe('active');
    expect(state(5002)).toBe('ended');
    expect(state(5006)).toBe('cancelled');
    expect(state(5000)).toBeUndefined(); // pending: runs once approved, counted like the list shows it
    const approval = (code: number) =>
      contractRecordFromValues(contractValuesFromJson({ sozlesmeId: 1, sozlesmeOnayDurumu: code })).assignment?.approvalState;
    expect(approval(5003)).toBe('pending');
    expect(approval(5004)).toBe('approved');
  });

  it('reads keys it does not list by their words, through the same vocabulary', () => {
    expect(contractValuesFromJson({ hizmetAlanIsyeriTehlikeSinifi: 'Tehlikeli', sozlesmeAdi: 'X', calismaPeriyodu: 'Aylık' })).toEqual({
      hazardText: 'Tehlikeli',
      contractName: 'X',
      period: 'Aylık',
    });
    expect(contractValuesFromJson({ hizmetVerenUnvani: 'OSGB A.Ş.' })).toEqual({});
  });

  it('reads every key of the contract list rows as its field (by its words, gorevlendirilenKisiTckn by name)', () => {
    const keys: Record<string, string> = {
      sozlesmeSurecId: 'processId',
      sozlesmeId: 'portalId',
      sozlesmeAdi: 'contractName',
      otomatikGuncellemeOnayIzniVarMi: 'autoUpdate',
      gorevlendirilenKisiTckn: 'tckn',
      gorevlendirilenKisiTcKimlikNo: 'tckn',
      gorevlendirilenKisiAdSoyad: 'personName',
      gorevlendirilenKisiSertifikaTipi: 'certificateType',
      gorevlendirilenKisiSertifikaNo: 'certificateNo',
      gorevlendirilenKisiOnayDurumu: 'personApproval',
      sozlesmeTipi: 'contractType',
      gorevlendirmeTipi: 'employment',
      calismaSuresi: 'minutes',
      calismaPeriyodu: 'period',
      sozlesmeStatu: 'contractState',
      sozlesmeStatusu: 'contractState',
      sozlesmeOnayDurumu: 'approval',
      hizmetAlanIsyeriOnayDurumu: 'workplaceApproval',
      sozlesmeBaslangicTarihi: 'startDate',
      sozlesmeBitisTarihi: 'endDate',
      onaylayanKisiAdSoyad: 'approvedBy',
      sozlesmeMevzuataUygunMu: 'portalVerdict',
      hizmetAlanIsyeriId: 'workplaceId',
      hizmetAlanIsyeriUnvani: 'title',
      hizmetAlanIsyeriSgkDetsisNo: 'sicilOrDetsis',
      hizmetAlanIsyeriSgkSicilNo: 'sicilNo',
      hizmetAlanIsyeriDetsisNo: 'detsisNo',
      hizmetAlanIsyeriIli: 'province',
      hizmetAlanIsyeriCalisanSayisi: 'employees',
      hizmetAlanIsyeriTehlikeSinifi: 'hazardText',
      hizmetAlanIsyeriNaceKodu: 'naceText',
    };
    for (const [key, field] of Object.entries(keys)) {
      const value = field === 'startDate' || field === 'endDate' ? '01.02.2025' : 'x';
      expect(contractValuesFromJson({ [key]: value }), key).toEqual({ [field]: value });
    }
    // the first of two keys naming one field wins, as the row lists them
    expect(contractValuesFromJson({ sozlesmeStatusu: '5001', sozlesmeStatu: '5002' })).toEqual({ contractState: 'Sözleşme Devam Ediyor' });
  });

  it('survives hostile input', () => {
    expect(contractValuesFromJson(null as unknown as Record<string, unknown>)).toEqual({});
    expect(contractValuesFromJson(JSON.parse('{"__proto__": {"x": 1}, "sozlesmeId": 7}'))).toEqual({ portalId: '7' });
    expect(contractValuesFromJson({ calismaSuresi: Number.POSITIVE_INFINITY, sozlesmeBaslangicTarihi: 1735678800000 })).toEqual({
      startDate: '01.01.2025',
    });
  });
});
