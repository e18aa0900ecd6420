// The lists as the audit page reads them from the worker: filtered, searched and sorted there, a
// page at a time; the dashboard's figures without any list; the diff cut for the page.
import { describe, expect, it } from 'vitest';
import { auditContracts } from '@/utils/audit/audit';
import { readExportFile } from '@/utils/audit/read-file';
import { diffSnapshots, snapshotLabel, toSnapshot } from '@/utils/audit/snapshot';
import { auditSummary, AuditViews, type ContractRow, type ProfessionalRow } from '@/utils/audit/views';
import { printPageCss } from '@/utils/audit/print';
import { exportAoa, sicilFor, syntheticContracts, tcknFrom, xlsxBytes, type ExportContract } from '../../fixtures/audit/make-export.mjs';

const SHOP = { id: 3, title: 'Köşe__Market', sgk: sicilFor('47.11.02', 3), n: 12, hazard: 'Az Tehlikeli', nace: '47.11.02' };
const SITE = { id: 4, title: 'Yapı İnşaat', sgk: sicilFor('41.20.01', 4), n: 30, hazard: 'Çok Tehlikeli', nace: '41.20.01' };
const ALI = { tckn: tcknFrom(111111111), person: 'Ali Demir' };
const CAN = { tckn: tcknFrom(333333333), person: 'Can Işık' };

function auditOf(contracts: ExportContract[], remaining?: Map<string, { minutes: number; assignmentKey?: string }>) {
  return auditContracts(readExportFile(xlsxBytes(exportAoa(contracts))).rows, { today: '2025-12-01', at: '2025-12-01T09:00:00Z', ...(remaining ? { remaining } : {}) });
}

// the shop: İGU 100 of 120 dk (20 short); the site (30, çok tehlikeli): İGU 1.300 of 1.200, İH 450 of 450, DSP 300 of 300 (ok)
const result = auditOf(
  [
    { id: 1, ...ALI, cert: 'A', minutes: 100, wp: SHOP },
    { id: 2, ...CAN, cert: 'A', minutes: 1300, wp: SITE },
    { id: 3, ...CAN, cert: 'ih', minutes: 450, wp: SITE },
    { id: 4, ...ALI, cert: 'ih', minutes: 60, wp: SHOP },
    { id: 5, ...ALI, cert: 'dsp', minutes: 300, wp: SITE },
  ],
  new Map([[`t${CAN.tckn}`, { minutes: 1200, assignmentKey: 'portal:2' }]]),
);
const views = new AuditViews(result);

describe('the lists, a page at a time', () => {
  it('contracts of the workplaces with a status (a dashboard figure clicked), with their workplace titles', () => {
    const shop = result.workplaces.find((w) => w.title === 'Köşe__Market')!;
    expect(shop.status).toBe('error');
    expect(result.workplaces.find((w) => w.title === 'Yapı İnşaat')!.status).toBe('ok');
    const page = views.page({ list: 'contracts', filter: { workplaceStatus: 'error' } }, 0, 100);
    expect(page.total).toBe(2);
    expect((page.items as ContractRow[]).map((c) => [c.facts.portalId, c.workplaceTitle])).toEqual([
      ['1', 'Köşe Market'],
      ['4', 'Köşe Market'],
    ]);
  });

  it('contracts of the professionals with a status, and a search by workplace title in Turkish case', () => {
    const can = result.professionals.find((p) => p.name === 'Can Işık')!;
    const byPerson = views.page({ list: 'contracts', filter: { personStatus: can.status } }, 0, 100);
    expect((byPerson.items as ContractRow[]).every((c) => c.personKey === can.key)).toBe(true);
    expect(views.page({ list: 'contracts', filter: { query: 'YAPI İNŞAAT' } }, 0, 100).total).toBe(3);
    expect(views.page({ list: 'contracts', filter: { query: 'köşe market' } }, 0, 100).total).toBe(2);
  });

  it('professionals sorted by findings, with the contract their Kalan Max. was seen beside', () => {
    const page = views.page({ list: 'professionals' }, 0, 100);
    const rows = page.items as ProfessionalRow[];
    expect(rows[0]!.name).toBe('Can Işık');
    expect(rows[0]!.beside).toEqual({ label: { tr: 'Can Işık (İGU, 1.300 dk)', en: 'Can Işık (OHS specialist, 1,300 min)' }, row: 3, asked: 1300 });
    expect(rows[1]!.beside).toBeUndefined();
  });

  it('a page is the slice asked for, and the total is the whole filtered list', () => {
    const big = new AuditViews(auditOf(syntheticContracts(450)));
    const page = big.page({ list: 'contracts', filter: {} }, 400, 100);
    expect(page).toMatchObject({ total: 450, from: 400 });
    expect(page.items.map((c) => (c as ContractRow).i)).toEqual(Array.from({ length: 50 }, (_, k) => 400 + k));
    expect(big.page({ list: 'contracts', filter: {} }, 9999, 100)).toMatchObject({ total: 450, from: 450, items: [] });
  });
});

describe('what crosses to the page', () => {
  it('the dashboard figures carry no list of contracts, only the 10 largest shortfalls', () => {
    const big = auditOf(syntheticContracts(600));
    const summary = auditSummary(big);
    expect(summary.totals).toEqual({ contracts: 600, workplaces: big.workplaces.length, professionals: big.professionals.length });
    expect(summary.top.length).toBeLessThanOrEqual(10);
    expect(summary.top.every((w) => w.shortfallMinutes > 0)).toBe(true);
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(big.contracts).length / 10);
  });

  it('the diff: counts in full, lists cut, the titles of the workplaces named', () => {
    const before = auditOf(syntheticContracts(30));
    const after = auditOf(syntheticContracts(60));
    const diff = diffSnapshots(toSnapshot(before, 'a.xlsx'), toSnapshot(after, 'b.xlsx'));
    const view = new AuditViews(after).diffView(diff, 10);
    expect(view.counts.added).toBe(diff.added.length);
    expect(diff.added.length).toBeGreaterThan(10);
    expect(view.added).toHaveLength(10);
    for (const c of view.added) expect(view.titles[c.workplaceKey]).toBeTruthy();
  });

  it('the diff names contracts in the reader\'s language; a snapshot saved before English labels shows its Turkish one', () => {
    const before = toSnapshot(auditOf(syntheticContracts(2)), 'a.xlsx');
    const after = toSnapshot(auditOf(syntheticContracts(4)), 'b.xlsx');
    const added = diffSnapshots(before, after).added[0]!;
    expect(snapshotLabel(added, 'tr')).toMatch(/ dk\)$/);
    expect(snapshotLabel(added, 'en')).toMatch(/ min\)$/);
    const { labelEn: _gone, ...older } = added;
    expect(snapshotLabel(older, 'en')).toBe(added.label);
  });

  it('the printed report lists the workplaces out of compliance and the professionals with findings', () => {
    const data = views.printData();
    expect(data.workplaces.map((w) => w.title)).toEqual(['Köşe__Market']);
    expect(data.professionals.map((p) => p.name)).toEqual(['Can Işık']);
  });
});

describe('the printed pages', () => {
  it('number every page "Sayfa N / M" and carry the title, the OSGB and the date, in either language', () => {
    const tr = printPageCss('tr', 'Örnek OSGB "Merkez"', '01.12.2025 12:00');
    expect(tr).toContain('@bottom-right { content: "Sayfa " counter(page) " / " counter(pages)');
    expect(tr).toContain('@bottom-left { content: "İSG Hizmet Sözleşmeleri Denetim Raporu — Örnek OSGB \\"Merkez\\" — 01.12.2025 12:00"');
    expect(printPageCss('en', '', '1 Dec 2025')).toContain('content: "Page " counter(page) " / " counter(pages)');
    // a name cannot end the CSS string early
    expect(printPageCss('tr', 'a\\"; } body { display: none', 'x')).toContain('"İSG Hizmet Sözleşmeleri Denetim Raporu — a\\\\\\"; } body { display: none — x"');
  });
});
