// The export file's header row and cells → contract records, through the screens' ONE column
// vocabulary (utils/screens/vocabulary.ts): the same labels, party words and record mapping as the
// contract list on the page and the page's JSON, so a file row and a page row of the same contract
// become the same record.
import {
  CONTRACT_VOCABULARY,
  contractRecordFromValues,
  matchColumns,
  type ContractField,
  type ContractValues,
} from '@/utils/screens/vocabulary';
import type { PageRecord } from '@/utils/records';

export type ExportField = ContractField;

export interface HeaderMatch {
  /** field → column index */
  fields: Map<ExportField, number>;
  /** fields two columns tie for (neither is read) */
  ambiguous: ExportField[];
  /** labels no field took, as written */
  unmatched: string[];
}

/** Matches a header row's labels to the vocabulary's fields. */
export function matchExportHeader(labels: readonly string[]): HeaderMatch {
  const result = matchColumns(labels.map((l) => (typeof l === 'string' ? l : '')), CONTRACT_VOCABULARY());
  const fields = new Map<ExportField, number>();
  result.fields.forEach((f, i) => {
    if (f !== undefined) fields.set(f, i);
  });
  return { fields, ambiguous: result.ambiguous, unmatched: result.unplaced };
}

/** What a header must show to be the contract export: a contract, a person, the minutes, a workplace. */
export const REQUIRED_GROUPS: { fields: ExportField[]; label: { tr: string; en: string } }[] = [
  { fields: ['portalId', 'contractName'], label: { tr: 'Sözleşme ID / Sözleşme Adı', en: 'contract id / name' } },
  { fields: ['tckn', 'personName'], label: { tr: 'Görevlendirilen Kişi TC Kimlik No / Ad Soyad', en: 'professional’s T.C. number / name' } },
  { fields: ['minutes'], label: { tr: 'Çalışma Süresi', en: 'minutes (Çalışma Süresi)' } },
  {
    fields: ['sicilNo', 'detsisNo', 'sicilOrDetsis', 'title'],
    label: { tr: 'Hizmet Alan İşyeri SGK/DETSİS No veya Unvanı', en: 'workplace SGK/DETSİS number or title' },
  },
];

export function missingGroups(match: HeaderMatch): { tr: string; en: string }[] {
  return REQUIRED_GROUPS.filter((g) => !g.fields.some((f) => match.fields.has(f))).map((g) => g.label);
}

export interface ExportRow {
  record: PageRecord;
  /** Hizmet Alan İşyeri ID */
  workplacePortalId?: string;
  province?: string;
  approver?: string;
}

/** One row's texts (field → text) as the contract record the page's reader makes of the same row. */
export function exportRowFromValues(values: ContractValues): ExportRow {
  const row: ExportRow = { record: contractRecordFromValues(values) };
  if (values.workplaceId) row.workplacePortalId = values.workplaceId.trim();
  if (values.province) row.province = values.province.trim();
  if (values.approvedBy) row.approver = values.approvedBy.trim();
  return row;
}
