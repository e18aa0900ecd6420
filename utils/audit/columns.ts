// The export file's header row and cells → contract records, through the screens' ONE column
// vocabulary (utils/screens): the same labels, synonyms and record mapping as the contract list
// on the page, so a file row and a page row of the same contract become the same record.
import { foldColumnLabel } from '@/utils/screens/grid';
import { NEW_CONTRACTS_GRID, toAssignmentRecord, type Field } from '@/utils/screens/new-contracts';
import type { PageRecord } from '@/utils/records';
import { foldLabel } from '@/utils/domain/core';

/** The columns the audit reads beyond the contract list's own (PORTAL-EVIDENCE.md, export headers). */
export type ExportField = Field | 'portalVerdict' | 'workplacePortalId' | 'province' | 'approver';

// Interim, until utils/screens/vocabulary.ts lands with these export labels: the labels the
// contract list's vocabulary does not hold yet. Removed when the screens' vocabulary has them.
const EXPORT_LABELS: { field: ExportField; labels: string[] }[] = [
  { field: 'contractState', labels: ['Sözleşme Statü', 'Sözleşme Statüsü', 'Statü'] },
  { field: 'sicilOrDetsis', labels: ['SGK/DETSİS No', 'Hizmet Alan İşyeri SGK/DETSİS No'] },
  { field: 'portalVerdict', labels: ['Sözleşme Mevzuata Uygun mu', 'Mevzuata Uygun mu'] },
  { field: 'workplacePortalId', labels: ['Hizmet Alan İşyeri ID'] },
  { field: 'province', labels: ['Hizmet Alan İşyeri İli', 'İşyeri İli', 'İli'] },
  { field: 'approver', labels: ['Onaylayan Kişi Ad Soyad'] },
];

/** Words naming another party: a column so labelled never gives the workplace's or the professional's facts. */
const OTHER_PARTIES = ['hizmet veren', 'onaylayan'];

interface Vocabulary {
  field: ExportField;
  labels: string[];
}

const VOCABULARY: Vocabulary[] = [
  ...EXPORT_LABELS.map((c) => ({ field: c.field, labels: c.labels.map(foldColumnLabel) })),
  ...NEW_CONTRACTS_GRID.columns.map((c) => ({ field: c.field as ExportField, labels: c.labels })),
];

function score(label: string, synonym: string): number {
  if (label === synonym) return 1000 + synonym.length;
  if (` ${label} `.includes(` ${synonym} `)) return synonym.length;
  return 0;
}

export interface HeaderMatch {
  /** field → column index */
  fields: Map<ExportField, number>;
  /** labels no field took, as written */
  unmatched: string[];
}

/** Matches a header row's labels to fields: best score first, one column per field, one field per column. */
export function matchExportHeader(labels: readonly string[]): HeaderMatch {
  const folded = labels.map((l) => (typeof l === 'string' && l.length <= 120 ? foldColumnLabel(l) : ''));
  const pairs: { col: number; field: ExportField; score: number }[] = [];
  folded.forEach((label, col) => {
    if (!label) return;
    const party = OTHER_PARTIES.find((p) => ` ${label} `.includes(` ${p} `));
    for (const v of VOCABULARY) {
      let best = 0;
      for (const s of v.labels) {
        if (party && !s.includes(party)) continue;
        best = Math.max(best, score(label, s));
      }
      if (best > 0) pairs.push({ col, field: v.field, score: best });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const fields = new Map<ExportField, number>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (used.has(p.col) || fields.has(p.field)) continue;
    used.add(p.col);
    fields.set(p.field, p.col);
  }
  const unmatched = labels.filter((l, i) => !used.has(i) && typeof l === 'string' && l.trim() !== '');
  return { fields, unmatched };
}

/** What a header must show to be the contract export: a contract, a person, the minutes, a workplace. */
export const REQUIRED_GROUPS: { fields: ExportField[]; label: { tr: string; en: string } }[] = [
  { fields: ['portalId', 'contractName'], label: { tr: 'Sözleşme ID / Sözleşme Adı', en: 'contract id / name' } },
  { fields: ['tckn', 'personName'], label: { tr: 'Görevlendirilen Kişi TC Kimlik No / Ad Soyad', en: 'professional’s T.C. number / name' } },
  { fields: ['minutes'], label: { tr: 'Çalışma Süresi', en: 'minutes (Çalışma Süresi)' } },
  { fields: ['sicilNo', 'detsisNo', 'sicilOrDetsis', 'title'], label: { tr: 'Hizmet Alan İşyeri SGK/DETSİS No veya Unvanı', en: 'workplace SGK/DETSİS number or title' } },
];

export function missingGroups(match: HeaderMatch): { tr: string; en: string }[] {
  return REQUIRED_GROUPS.filter((g) => !g.fields.some((f) => match.fields.has(f))).map((g) => g.label);
}

export type PortalVerdict = 'evet' | 'hayir';

/** "Evet" / "Hayır" (any case); anything else is no verdict. */
export function parseVerdict(text: string | undefined): PortalVerdict | undefined {
  const f = text ? foldLabel(text) : '';
  if (f === 'evet' || f === 'e' || f === 'true' || f === '1') return 'evet';
  if (f === 'hayir' || f === 'h' || f === 'false' || f === '0') return 'hayir';
  return undefined;
}

export interface ExportRow {
  record: PageRecord;
  portalVerdict?: PortalVerdict;
  workplacePortalId?: string;
  province?: string;
  approver?: string;
}

/** One row's texts (field → text) as the contract record the page's reader would make of the same row. */
export function exportRowFromValues(values: Partial<Record<ExportField, string>>): ExportRow {
  const { portalVerdict, workplacePortalId, province, approver, ...contract } = values;
  const row: ExportRow = { record: toAssignmentRecord(contract) };
  const verdict = parseVerdict(portalVerdict);
  if (verdict) row.portalVerdict = verdict;
  if (workplacePortalId) row.workplacePortalId = workplacePortalId;
  if (province) row.province = province;
  if (approver) row.approver = approver;
  return row;
}
