// The portal's words for professionals, certificates and states (RULES.md §4, §9).
import { describe, expect, test } from 'vitest';
import { parseApprovalState, parseContractState, parseEmployment, parsePersonnel } from '@/utils/domain';

describe('parsePersonnel', () => {
  test.each([
    ['C Sınıfı İş Güvenliği Uzmanı', { role: 'igu', certificateClass: 'C' }],
    ['A Sınıfı', { role: 'igu', certificateClass: 'A' }],
    ['B SINIFI', { role: 'igu', certificateClass: 'B' }],
    ['A SINIFI İŞ GÜVENLİĞİ UZMANLIĞI', { role: 'igu', certificateClass: 'A' }],
    ['B Sınıfı İş Güvenliği Uzmanlığı', { role: 'igu', certificateClass: 'B' }],
    ['İş Güvenliği Uzmanı', { role: 'igu' }],
    ['İGU-12345', { role: 'igu' }],
    ['İşyeri Hekimi', { role: 'ih' }],
    ['İŞYERİ HEKİMLİĞİ', { role: 'ih' }],
    ['İş Yeri Hekimliği', { role: 'ih' }],
    ['İH-99', { role: 'ih' }],
    ['Diğer Sağlık Personeli', { role: 'dsp' }],
    ['DİĞER SAĞLIK PERSONELİ', { role: 'dsp' }],
    ['DSP-7', { role: 'dsp' }],
    ['', {}],
    ['Muhasebe', {}],
  ] as const)('%j → %j', (text, expected) => {
    expect(parsePersonnel(text)).toEqual(expected);
  });
});

describe('parseEmployment (Çalışma Şekli)', () => {
  test.each([
    ['Tam Süreli', 'tam'],
    ['TAM SÜRELİ', 'tam'],
    ['Kısmi Süreli', 'kismi'],
    ['KISMİ SÜRELİ', 'kismi'],
    ['Kısmi\u00a0Süreli', 'kismi'],
    ['', undefined],
    ['Belirsiz', undefined],
  ] as const)('%j → %s', (text, expected) => {
    expect(parseEmployment(text)).toBe(expected);
  });
});

describe('parseApprovalState (Grv. Onay Durumu)', () => {
  test.each([
    ['Onay Bekliyor', 'pending'],
    ['Sözleşme Onay Bekliyor', 'pending'],
    ['SÖZLEŞME ONAY BEKLİYOR', 'pending'],
    ['Onaylandı', 'approved'],
    ['Sözleşme Onaylandı', 'approved'],
    ['ONAYLANDI', 'approved'],
    ['Reddedildi', 'rejected'],
    ['', undefined],
    ['Devam Ediyor', undefined],
  ] as const)('%j → %s', (text, expected) => {
    expect(parseApprovalState(text)).toBe(expected);
  });
});

describe('parseContractState (Sözleşme Durumu / Çalışma Durumu)', () => {
  test.each([
    ['Sözleşme Devam Ediyor', 'active'],
    ['Devam Ediyor', 'active'],
    ['DEVAM EDİYOR', 'active'],
    ['Sözleşme Sonlandırıldı', 'ended'],
    ['SÖZLEŞME SONLANDIRILDI', 'ended'],
    ['Sözleşme İptal Edildi', 'cancelled'],
    ['İPTAL EDİLDİ', 'cancelled'],
    ['', undefined],
    ['Onay Bekliyor', undefined],
  ] as const)('%j → %s', (text, expected) => {
    expect(parseContractState(text)).toBe(expected);
  });
});
