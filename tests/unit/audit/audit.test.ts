// The audit's figures against hand-computed cases (RULES.md §2-§4; PAGE-CONTRACT.md rule ids).
import { describe, expect, it } from 'vitest';
import { auditContracts } from '@/utils/audit/audit';
import { readExportFile } from '@/utils/audit/read-file';
import { exportAoa, sicilFor, tcknFrom, xlsxBytes, type ExportContract, type ExportWorkplace } from '../../fixtures/audit/make-export.mjs';

const TODAY = '2025-12-01';
// a foundry (çok tehlikeli, NACE 24.10.01) with 600 employees, and its branch with 40 under the same title
const FOUNDRY: ExportWorkplace = { id: 1, title: 'Demir__Döküm__A.Ş.', sgk: sicilFor('24.10.01', 1), n: 600, hazard: 'Çok Tehlikeli', nace: '24.10.01' };
const BRANCH: ExportWorkplace = { ...FOUNDRY, id: 2, sgk: sicilFor('24.10.01', 2), n: 40 };
const SHOP: ExportWorkplace = { id: 3, title: 'Köşe Market', sgk: sicilFor('47.11.02', 3), n: 12, hazard: 'Az Tehlikeli', nace: '47.11.02' };

const P = {
  ali: { tckn: tcknFrom(111111111), person: 'Ali Demir' },
  ayse: { tckn: tcknFrom(222222222), person: 'Ayşe Kaya' },
  can: { tckn: tcknFrom(333333333), person: 'Can Işık' },
  deniz: { tckn: tcknFrom(444444444), person: 'Deniz Öz' },
  ece: { tckn: tcknFrom(555555555), person: 'Ece Şen' },
  fatma: { tckn: tcknFrom(666666666), person: 'Fatma Gül' },
};

let id = 100;
const c = (who: { tckn: string; person: string }, over: Partial<ExportContract>): ExportContract => ({
  id: id++,
  ...who,
  cert: 'A',
  minutes: 0,
  wp: FOUNDRY,
  ...over,
});

function audit(contracts: ExportContract[]) {
  const read = readExportFile(xlsxBytes(exportAoa(contracts)));
  return auditContracts(read.rows, { today: TODAY, at: '2025-12-01T10:00:00Z' });
}

describe('a çok tehlikeli workplace with 600 employees', () => {
  const result = audit([
    c(P.ali, { type: 'Tam Süreli', minutes: 11700 }),
    c(P.ayse, { type: 'Tam Süreli', minutes: 11700 }),
    c(P.can, { minutes: 3000 }), // İGU part-time: 4.000 needed
    c(P.deniz, { cert: 'ih', minutes: 9000 }), // İH: 600 × 15 = 9.000, enough
    c(P.ece, { cert: 'B', minutes: 1600, wp: BRANCH }), // a B class may not serve çok tehlikeli
    c(P.ece, { cert: 'B', minutes: 120, wp: SHOP }), // 12 × 10 = 120: enough
    c(P.can, { minutes: 8000, wp: BRANCH, statu: 'Sözleşme Sonlandırıldı' }), // ended: not counted
  ]);
  const foundry = result.workplaces.find((w) => w.sicilNo === FOUNDRY.sgk)!;
  const branch = result.workplaces.find((w) => w.sicilNo === BRANCH.sgk)!;

  it('needs 2 full-time İGU + 4.000 dk, has 2 + 3.000: 1.000 dk short', () => {
    expect(foundry.roles!.igu).toMatchObject({ requiredFullTime: 2, presentFullTime: 2, requiredMinutes: 4000, providedMinutes: 3000, shortfallMinutes: 1000, status: 'short' });
    expect(foundry.roles!.igu.requirement.tr).toBe('600 çalışan: 2 tam süreli İGU + 100 × 40 dk = 4.000 dk');
    expect(foundry.roles!.ih).toMatchObject({ requiredFullTime: 0, requiredMinutes: 9000, providedMinutes: 9000, status: 'ok' });
    // DSP: 600 × 20 = 12.000 dk and no DSP contract at all
    expect(foundry.roles!.dsp).toMatchObject({ requiredMinutes: 12000, providedMinutes: 0, status: 'short' });
    expect(foundry.findings.map((f) => [f.ruleId, f.role])).toEqual([['minutes-below-minimum', 'dsp']]);
    expect(foundry.shortfallMinutes).toBe(13000);
    expect(foundry.naceListClass).toBe('cok-tehlikeli');
  });

  it('marks every active İGU contract of the workplace, not the İH one', () => {
    const mine = foundry.contracts.map((i) => result.contracts[i]!);
    const igu = mine.filter((k) => k.facts.role === 'igu');
    // the portal said "Evet" on these: portal-verdict-differs (PAGE-CONTRACT.md) fires beside the shortfall
    expect(igu.map((k) => k.rules)).toEqual(Array(3).fill('minutes-below-minimum portal-verdict-differs'));
    expect(mine.find((k) => k.facts.role === 'ih')!.status).toBe('ok');
  });

  it('keeps the branch (same title, other SGK number) apart', () => {
    expect(branch.title).toBe(foundry.title);
    expect(branch.key).not.toBe(foundry.key);
    expect(branch.roles!.igu).toMatchObject({ requiredMinutes: 1600, providedMinutes: 1600, shortfallMinutes: 0 });
    expect(branch.activeContracts).toBe(1);
    expect(branch.contracts).toHaveLength(2);
  });

  it('flags the B class İGU at the çok tehlikeli branch, and per professional', () => {
    const ece = result.professionals.find((p) => p.tckn === P.ece.tckn)!;
    expect(ece.findings.map((f) => f.id)).toEqual(['certificate-class']);
    expect(ece.findings[0]!.contracts).toHaveLength(1);
    expect(ece.committedMinutes).toBe(1720);
    expect(ece.workplaces).toHaveLength(2);
  });

  it('counts contracts by status and by rule', () => {
    expect(result.counts.byStatus).toEqual({ error: 4, warn: 0, unknown: 0, ok: 3 });
    expect(result.counts.byRule).toEqual({ 'minutes-below-minimum': 3, 'certificate-class': 1, 'portal-verdict-differs': 4 });
    expect(result.counts.activeContracts).toBe(6);
    // the largest shortfall first
    expect(result.workplaces[0]!.key).toBe(foundry.key);
  });
});

describe('professionals across workplaces', () => {
  it('a full-time professional with another contract, and one over the 11.700-minute month', () => {
    const result = audit([
      c(P.ali, { type: 'Tam Süreli', minutes: 11700 }),
      c(P.ali, { minutes: 120, wp: SHOP }),
      c(P.fatma, { minutes: 7000, wp: BRANCH }),
      c(P.fatma, { minutes: 6000, wp: FOUNDRY }),
      c(P.fatma, { minutes: 5000, wp: SHOP, statu: 'Sözleşme Sonlandırıldı' }),
    ]);
    const ali = result.professionals.find((p) => p.tckn === P.ali.tckn)!;
    expect(ali.findings.map((f) => f.id).sort()).toEqual(['full-time-not-exclusive', 'over-month']);
    expect(ali.committedMinutes).toBe(11820);
    const fatma = result.professionals.find((p) => p.tckn === P.fatma.tckn)!;
    expect(fatma.committedMinutes).toBe(13000);
    expect(fatma.findings.map((f) => f.id)).toEqual(['over-month']);
    expect(fatma.findings[0]!.message.tr).toContain('13.000 dk');
    expect(fatma.findings[0]!.contracts).toHaveLength(2);
  });

  it('the last remaining capacity seen in the mirror, beside the contract it was shown for', () => {
    const read = readExportFile(xlsxBytes(exportAoa([c(P.can, { minutes: 900, wp: SHOP }), c(P.can, { minutes: 300, wp: BRANCH })])));
    const key = `portal:${read.rows[0]!.record.assignment!.portalId}`;
    const result = auditContracts(read.rows, { today: TODAY, remaining: new Map([[`t${P.can.tckn}`, { minutes: 800, assignmentKey: key }]]) });
    const can = result.professionals[0]!;
    expect(can.findings.map((f) => [f.id, f.contracts])).toEqual([['over-remaining', [0]]]);
    expect(can.findings[0]!.message.en).toContain('900 min assigned');
  });
});

describe('the portal verdict beside ours', () => {
  it('"Evet" where an error fired, and "Hayır" where everything passed, differ', () => {
    const result = audit([
      c(P.can, { minutes: 100, wp: SHOP, verdict: 'Hayır' }), // İGU 100 + 120 ≥ 12 × 10: ok, the portal says Hayır: differs
      c(P.ali, { minutes: 120, wp: SHOP, verdict: 'Evet', cert: 'C' }), // ok and Evet: agree
      c(P.deniz, { cert: 'ih', minutes: 60, wp: SHOP, verdict: 'Hayır' }), // 12 × 5 = 60: ok, portal Hayır: differs
    ]);
    expect(result.contracts.map((k) => [k.status, k.portalVerdict, k.verdictDiffers])).toEqual([
      ['warn', false, true],
      ['ok', true, false],
      ['warn', false, true],
    ]);
    expect(result.counts.verdictDiffers).toBe(2);
  });

  it('"Evet" on a contract short of minutes differs', () => {
    const result = audit([c(P.can, { minutes: 100, wp: SHOP, verdict: 'Evet' })]);
    expect(result.contracts.map((k) => [k.status, k.rules, k.verdictDiffers])).toEqual([['error', 'minutes-below-minimum portal-verdict-differs', true]]);
  });
});
