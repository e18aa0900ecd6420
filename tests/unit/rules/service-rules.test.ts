// minutes-below-minimum and full-time-required: per workplace and role (RULES.md §2-§5).
import { describe, expect, it } from 'vitest';
import { fullTimeRequired } from '@/utils/rules/full-time-required';
import { minutesBelowMinimum } from '@/utils/rules/minutes-below-minimum';
import type { Outcome } from '@/utils/rules';
import { known, subject, workplace } from './fixtures';

const veryHazardous = (employees: number) => workplace({ hazardText: 'ÇOK TEHLİKELİ', employees });

function failMessage(o: Outcome) {
  if (o.result !== 'fail') throw new Error(`expected fail, got ${o.result}`);
  return o;
}

describe('minutes-below-minimum', () => {
  it('120 employees çok tehlikeli with 3.000 dk İGU: error, 1.800 dk short', () => {
    const peers = [known('Ayşe', { role: 'igu', employment: 'kismi', minutes: 3000 })];
    const o = failMessage(minutesBelowMinimum.check(subject(veryHazardous(120), peers, 'Ayşe')));
    expect(o.message.tr).toBe('İGU süresi 3.000 dk; 120 çalışan × 40 dk = 4.800 dk gerekli; eksik 1.800 dk');
    expect(o.message.en).toBe(
      'OHS specialist minutes 3,000; 120 employees × 40 min = 4,800 min required; 1,800 min short',
    );
    expect(o.counted?.map((c) => c.tr)).toEqual(['Ayşe']);
  });

  it('counts every active contract of the role and lists them; ended ones do not count', () => {
    const peers = [
      known('Ayşe', { role: 'igu', employment: 'kismi', minutes: 3000 }),
      known('Ali', { role: 'igu', employment: 'kismi', minutes: 1000 }),
      known('Eski', { role: 'igu', employment: 'kismi', minutes: 4800, contractState: 'ended' }),
      known('Hekim', { role: 'ih', employment: 'kismi', minutes: 5000 }),
    ];
    const o = failMessage(minutesBelowMinimum.check(subject(veryHazardous(120), peers, 'Ali')));
    expect(o.counted?.map((c) => c.tr)).toEqual(['Ayşe', 'Ali']);
    expect(o.message.tr).toContain('eksik 800 dk');
    // the ended contract itself is not judged for minutes
    expect(minutesBelowMinimum.check(subject(veryHazardous(120), peers, 'Eski')).result).toBe('inapplicable');
  });

  it("cites the role's own regulation: an İH shortfall cites the İH/DSP Yönetmelik, not the İGU one", () => {
    const peers = [known('Hekim', { role: 'ih', employment: 'kismi', minutes: 100 })];
    const o = failMessage(minutesBelowMinimum.check(subject(veryHazardous(120), peers, 'Hekim')));
    expect(o.citation).toContain('İşyeri Hekimi ve Diğer Sağlık Personelinin');
    expect(o.citation).not.toContain('İş Güvenliği Uzmanlarının');
  });

  it('passes when the total meets the minimum', () => {
    const peers = [
      known('Ayşe', { role: 'igu', employment: 'kismi', minutes: 3000 }),
      known('Ali', { role: 'igu', employment: 'kismi', minutes: 1800 }),
    ];
    expect(minutesBelowMinimum.check(subject(veryHazardous(120), peers, 'Ayşe')).result).toBe('pass');
  });

  it('shows the full-time part for N ≥ T', () => {
    const peers = [
      known('T1', { role: 'igu', employment: 'tam' }),
      known('T2', { role: 'igu', employment: 'tam' }),
      known('P', { role: 'igu', employment: 'kismi', minutes: 3000 }),
    ];
    const o = failMessage(minutesBelowMinimum.check(subject(veryHazardous(600), peers, 'P')));
    expect(o.message.tr).toBe(
      'İGU süresi 3.000 dk; 600 çalışan: 2 tam süreli İGU + 100 × 40 dk = 4.000 dk gerekli; eksik 1.000 dk',
    );
    expect(o.message.en).toContain('600 employees: 2 full-time OHS specialists + 100 × 40 min = 4,000 min required');
  });

  it.each([
    [{ employees: 120 }, ['hazard-class'], 'Tehlike sınıfı bilinmiyor: sayfada, işyeri profilinde ve kayıtlarda yok'],
    [{ hazardText: 'Tehlikesiz', employees: 120 }, ['hazard-class'], 'sayfada “Tehlikesiz” yazıyor'],
    [{ hazardText: 'Tehlikeli' }, ['employees'], 'Çalışan sayısı bilinmiyor'],
  ] as const)('needs data when the workplace lacks a fact (%o)', (facts, missing, text) => {
    const peers = [known('A', { role: 'igu', employment: 'kismi', minutes: 100 })];
    const o = minutesBelowMinimum.check(subject(workplace(facts), peers, 'A'));
    expect(o).toMatchObject({ result: 'needs-data', missing });
    if (o.result === 'needs-data') expect(o.message.tr).toContain(text);
  });

  it('needs the role', () => {
    const o = minutesBelowMinimum.check(subject(veryHazardous(120), [known('X', { minutes: 100 })], 'X'));
    expect(o).toMatchObject({ result: 'needs-data', missing: ['role'] });
  });

  it('unknown minutes: needs data unless the known minutes already suffice', () => {
    const short = [known('A', { role: 'igu', employment: 'kismi', minutes: 3000 }), known('B', { role: 'igu' })];
    expect(minutesBelowMinimum.check(subject(veryHazardous(120), short, 'B'))).toMatchObject({
      result: 'needs-data',
      missing: ['minutes'],
    });
    const enough = [known('A', { role: 'igu', employment: 'kismi', minutes: 4800 }), known('B', { role: 'igu' })];
    expect(minutesBelowMinimum.check(subject(veryHazardous(120), enough, 'B')).result).toBe('pass');
  });

  it('a contract of unknown role may hold the missing minutes: needs-data role', () => {
    const peers = [known('A', { role: 'igu', employment: 'kismi', minutes: 3000 }), known('?', { minutes: 2000 })];
    const o = minutesBelowMinimum.check(subject(veryHazardous(120), peers, 'A'));
    expect(o).toMatchObject({ result: 'needs-data', missing: ['role'] });
    expect(o.result === 'needs-data' && o.message.tr).toContain('1 sözleşmenin görev türü bilinmiyor');
  });

  it('a role that is not required is inapplicable, not needs-data', () => {
    const dsp = [known('D', { role: 'dsp', employment: 'kismi', minutes: 10 })];
    expect(minutesBelowMinimum.check(subject(workplace({ hazardText: 'Az Tehlikeli', employees: 300 }), dsp, 'D')).result).toBe(
      'inapplicable',
    );
    const withIh = [
      known('H', { role: 'ih', employment: 'tam' }),
      known('D', { role: 'dsp', employment: 'kismi', minutes: 10 }),
    ];
    expect(minutesBelowMinimum.check(subject(veryHazardous(300), withIh, 'D')).result).toBe('inapplicable');
    const own = workplace({ hazardText: 'Az Tehlikeli', employees: 30, ownUndertaking: true });
    expect(minutesBelowMinimum.check(subject(own, [known('I', { role: 'igu', minutes: 0 })], 'I')).result).toBe(
      'inapplicable',
    );
  });

  it('records that are not assignments are inapplicable', () => {
    const s = { record: { kind: 'workplace' as const }, workplace: veryHazardous(120), peers: [] };
    expect(minutesBelowMinimum.check(s).result).toBe('inapplicable');
  });

  it('approval record not yet among peers is added to the total', () => {
    const peers = [known('Ayşe', { role: 'igu', employment: 'kismi', minutes: 3000 })];
    const s = subject(veryHazardous(120), peers, { role: 'igu', employment: 'kismi', minutes: 1800, personName: 'Veli' }, 'approval');
    expect(minutesBelowMinimum.check(s).result).toBe('pass');
  });

  describe('on the contract form', () => {
    const form = (f: Record<string, number | undefined>, minutes?: number) =>
      subject(veryHazardous(120), [], { role: 'igu', employment: 'kismi' }, 'contract-form', {
        form: { ...f, enteredMinutes: minutes },
      });

    it('DEVAM EDEN TOPLAM plus the minutes typed against the requirement', () => {
      expect(minutesBelowMinimum.check(form({ runningTotalMinutes: 3000 }, 1800)).result).toBe('pass');
      const o = failMessage(minutesBelowMinimum.check(form({ runningTotalMinutes: 3000 }, 1000)));
      expect(o.message.tr).toContain('İGU süresi 4.000 dk (devam eden 3.000 + girilen 1.000 dk); 120 çalışan');
      expect(o.message.tr).toContain('eksik 800 dk');
    });

    it('no minutes typed yet → needs-data minutes, unless the running total already suffices', () => {
      const o = minutesBelowMinimum.check(form({ runningTotalMinutes: 3000 }));
      expect(o).toMatchObject({ result: 'needs-data', missing: ['minutes'] });
      expect(o.result === 'needs-data' && o.message.tr).toContain('Çalışma Süresi (Dakika) henüz girilmedi');
      expect(minutesBelowMinimum.check(form({ runningTotalMinutes: 5000 })).result).toBe('pass');
    });

    it("shows the portal's own figure when it differs", () => {
      const o = failMessage(minutesBelowMinimum.check(form({ runningTotalMinutes: 0, requiredPartTimeMinutes: 4500 }, 100)));
      expect(o.message.tr).toContain('Portalın hesabı: GEREKLİ KISMİ SÜRELİ 4.500 dk; mevzuata göre 4.800 dk');
    });
  });
});

describe('full-time-required', () => {
  it('600 employees çok tehlikeli with 1 full-time İGU: error', () => {
    const peers = [
      known('T1', { role: 'igu', employment: 'tam' }),
      known('P', { role: 'igu', employment: 'kismi', minutes: 20000 }),
    ];
    const o = failMessage(fullTimeRequired.check(subject(veryHazardous(600), peers, 'P')));
    expect(o.message.tr).toContain('600 çalışan, Çok Tehlikeli: 2 tam süreli İGU gerekli (250 çalışanda bir)');
    expect(o.message.tr).toContain('eksik 1');
    expect(o.message.en).toContain('Part-time minutes cannot replace a full-time professional');
  });

  it('passes with the full-time professionals required', () => {
    const peers = [known('T1', { role: 'igu', employment: 'tam' }), known('T2', { role: 'igu', employment: 'tam' })];
    expect(fullTimeRequired.check(subject(veryHazardous(600), peers, 'T1')).result).toBe('pass');
  });

  it('is inapplicable below the threshold', () => {
    const peers = [known('P', { role: 'igu', employment: 'kismi', minutes: 100 })];
    expect(fullTimeRequired.check(subject(veryHazardous(249), peers, 'P')).result).toBe('inapplicable');
  });

  it('unknown employment type → needs-data employment', () => {
    const peers = [known('X', { role: 'igu', minutes: 11700 })];
    expect(fullTimeRequired.check(subject(veryHazardous(300), peers, 'X'))).toMatchObject({
      result: 'needs-data',
      missing: ['employment'],
    });
  });

  it('on the contract form counts MEVCUT TAM SÜRELİ and the contract typed', () => {
    const s = (present: number, employment: 'tam' | 'kismi') =>
      subject(veryHazardous(600), [], { role: 'igu', employment }, 'contract-form', {
        form: { presentFullTime: present, requiredFullTime: 3, runningTotalMinutes: 4000 },
      });
    expect(fullTimeRequired.check(s(1, 'tam')).result).toBe('pass');
    const o = failMessage(fullTimeRequired.check(s(0, 'tam')));
    expect(o.message.tr).toContain('Portalın hesabı: GEREKLİ TAM SÜRELİ İSG SAYISI 3; mevzuata göre 2');
  });
});
