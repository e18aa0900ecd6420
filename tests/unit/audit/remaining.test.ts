// "Kalan Max. Ayl. Çlş. Süresi (Dk)" (RULES.md §6): the approval form's remaining capacity is kept in
// the mirror beside its assignment, and the audit judges the contract it was shown beside against it.
import { describe, expect, it } from 'vitest';
import { handlePageReport } from '@/utils/background/page-report';
import { auditContracts } from '@/utils/audit/audit';
import { readExportFile } from '@/utils/audit/read-file';
import { remainingSeen } from '@/utils/audit/store';
import { mergeExportIntoMirror } from '@/utils/audit/mirror';
import type { KatipDb } from '@/utils/db';
import { exportAoa, sicilFor, tcknFrom, xlsxBytes, type ExportContract } from '../../fixtures/audit/make-export.mjs';
import { report, useFreshDb } from '../db/fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));
const sender = { tab: { id: 9 }, frameId: 0 };

const SHOP = { id: 3, title: 'Köşe Market', sgk: sicilFor('47.11.02', 3), n: 12, hazard: 'Az Tehlikeli', nace: '47.11.02' };
const SITE = { id: 4, title: 'Yapı İnşaat', sgk: sicilFor('41.20.01', 4), n: 30, hazard: 'Çok Tehlikeli', nace: '41.20.01' };
const CAN = { tckn: tcknFrom(333333333), person: 'Can Işık' };

async function approvalFormShows(portalId: string, minutes: number, remaining: number) {
  await handlePageReport(db, report('old-approval', [{ kind: 'approval', assignment: { personName: 'CAN IŞIK', portalId, minutes }, capacity: { remainingMinutes: remaining } }]), sender);
}

function auditWith(contracts: ExportContract[], remaining: [string, { minutes: number; at?: string; assignmentKey?: string }][]) {
  const read = readExportFile(xlsxBytes(exportAoa(contracts)));
  return { read, result: auditContracts(read.rows, { today: '2025-12-01', remaining: new Map(remaining) }) };
}

describe('Kalan Max. in the mirror and in the audit', () => {
  it('is stored beside the assignment the approval form showed, and found again by the audit', async () => {
    await approvalFormShows('77001', 1300, 1200);
    const row = await db.assignments.where('portalId').equals('77001').first();
    expect(row?.remaining?.minutes).toBe(1200);
    const { read, result } = auditWith(
      [
        { id: 77001, ...CAN, cert: 'A', minutes: 1300, wp: SITE }, // 30 × 40 = 1.200 needed; the form left 1.200
        { id: 77002, ...CAN, cert: 'A', minutes: 9000, wp: SHOP },
      ],
      await remainingSeen(db),
    );
    const can = result.professionals[0]!;
    expect(can.remainingSeen).toMatchObject({ minutes: 1200, contract: 0 });
    // 1.300 asked where 1.200 were left: 100 over; the other contract is not part of that figure
    const f = can.findings.find((x) => x.id === 'over-remaining')!;
    expect(f.contracts).toEqual([0]);
    expect(f.message.tr).toMatch(/1\.300 dk atanmış.*Kalan Max\. Ayl\. Çlş\. Süresi 1\.200 dk gösterdi: 100 dk fazla/);
    // each language names the contract in its own words and numbers
    expect(f.message.tr).toContain('Can Işık (İGU, 1.300 dk) sözleşmesine');
    expect(f.message.en).toContain('1,300 min assigned in Can Işık (OHS specialist, 1,300 min);');
    expect(f.message.en).not.toMatch(/\bdk\b/);
    expect(f.citation).toMatch(/Kalan Max/);
    // importing the export afterwards keeps what the form showed
    await mergeExportIntoMirror(db, read.rows);
    expect((await db.assignments.where('portalId').equals('77001').first())?.remaining?.minutes).toBe(1200);
  });

  it('a contract within what was left is no finding, even when the person commits more elsewhere', () => {
    const { result } = auditWith(
      [
        { id: 5, ...CAN, cert: 'A', minutes: 1200, wp: SITE },
        { id: 6, ...CAN, cert: 'A', minutes: 9000, wp: SHOP },
      ],
      [['assignment:portal:5', { minutes: 1500, at: '2025-11-12T10:00:00Z', assignmentKey: 'portal:5' }]],
    );
    const can = result.professionals[0]!;
    expect(can.committedMinutes).toBe(10200);
    expect(can.remainingSeen?.minutes).toBe(1500);
    expect(can.findings).toEqual([]);
  });

  it('a full-time contract asks for the whole month (11.700 dk)', () => {
    const { result } = auditWith([{ id: 8, ...CAN, cert: 'A', type: 'Tam Süreli', minutes: 11700, wp: SITE }], [[`t${CAN.tckn}`, { minutes: 6000, assignmentKey: 'portal:8' }]]);
    expect(result.professionals[0]!.findings.map((f) => [f.id, f.contracts])).toEqual([['over-remaining', [0]]]);
  });
});
