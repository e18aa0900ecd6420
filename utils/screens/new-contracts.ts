// New interface (2025): "Süreç Yönetimi → İSG Hizmet Sözleşmeleri" lists, any tab, with the workplace columns when shown.
import type { PageRecord, ScreenReader } from '@/utils/records';
import { foldLabel } from '@/utils/domain/core';
import { compact, compileGridSpec, rowParsers, hasAny, hasGrid, readGridScreen, type RowValues } from './grid';
import { workplaceFromValues, WORKPLACE_COLUMNS, type WorkplaceField } from './workplace-columns';

// the same texts repeat on every row: grid.ts parses each once
const { parsePersonnel, parseEmployment, parseContractState, parseApprovalState, parseTurkishDate, parseCount } = rowParsers;

type Field =
  | WorkplaceField
  | 'portalId'
  | 'contractName'
  | 'tckn'
  | 'personName'
  | 'certificateType'
  | 'certificateNo'
  | 'contractType'
  | 'minutes'
  | 'period'
  | 'contractState'
  | 'approval'
  | 'startDate'
  | 'endDate';

/** Column label synonyms → field (the seed's "İSG Hizmet Sözleşmeleri" columns plus the workplace and state columns). */
export const NEW_CONTRACTS_GRID = compileGridSpec<Field>({
  columns: [
    { field: 'portalId', labels: ['Sözleşme ID', 'Sözleşme No'] },
    { field: 'contractName', labels: ['Sözleşme Adı'] },
    { field: 'tckn', labels: ['Görevlendirilen Kişi TC Kimlik No', 'Görevlendirilen Kişi T.C. Kimlik No', 'TC Kimlik No', 'T.C. Kimlik Numarası'] },
    { field: 'personName', labels: ['Görevlendirilen Kişi Ad Soyad', 'Görevlendirilen Kişi Adı Soyadı', 'Görevlendirilen Kişi', 'Ad Soyad'] },
    { field: 'certificateType', labels: ['Görevlendirilen Kişi Sertifika Tipi', 'Sertifika Tipi', 'Sertifika Türü', 'Görevler'] },
    { field: 'certificateNo', labels: ['Görevlendirilen Kişi Sertifika No', 'Sertifika No', 'Sertifika Numarası'] },
    { field: 'contractType', labels: ['Sözleşme Tipi', 'Sözleşme Türü', 'Görevlendirme Tipi'] },
    { field: 'minutes', labels: ['Çalışma Süresi', 'Çalışma Süresi (Dakika)', 'Çalışma Süresi Dakika', 'Çalışma Süresi (Dk)'] },
    { field: 'period', labels: ['Çalışma Periyodu'] },
    { field: 'contractState', labels: ['Sözleşme Durumu', 'Durum'] },
    { field: 'approval', labels: ['Onay Durumu', 'Sözleşme Onay Durumu'] },
    { field: 'startDate', labels: ['Sözleşme Başlangıç Tarihi', 'Başlangıç Tarihi', 'Başlama Tarihi'] },
    { field: 'endDate', labels: ['Sözleşme Bitiş Tarihi', 'Bitiş Tarihi'] },
    ...WORKPLACE_COLUMNS,
  ],
  // a contract column and a person column
  required: [['portalId', 'contractName'], ['tckn', 'personName', 'certificateType']],
  minColumns: 4,
  excluded: ['Grv. Onay Durumu', 'Personel Kategorisi Adı', 'Kurum Statü'],
  keyFields: ['portalId', 'contractName', 'tckn', 'personName'],
});

/** "Aylık" or no period column: the minutes are monthly; any other period leaves them unread. */
function monthlyMinutes(minutes: string | undefined, period: string | undefined): number | undefined {
  if (!minutes) return undefined;
  if (period && !/^ay/.test(foldLabel(period))) return undefined;
  return parseCount(minutes);
}

function toAssignmentRecord(v: RowValues<Field>): PageRecord {
  // the type names the role; a number like "İGU-123" or "İH-45" may tell it when the type does not
  let personnel = v.certificateType ? parsePersonnel(v.certificateType) : {};
  if (!personnel.role && v.certificateNo) personnel = parsePersonnel(v.certificateNo);
  const states = [v.contractState, v.approval].filter((s): s is string => !!s);
  const workplace = workplaceFromValues(v);
  return compact({
    kind: 'assignment' as const,
    assignment: compact({
      portalId: v.portalId,
      contractName: v.contractName,
      personName: v.personName,
      tckn: v.tckn,
      role: personnel.role,
      certificateClass: personnel.certificateClass,
      certificateText: v.certificateType,
      certificateNo: v.certificateNo,
      employment: v.contractType ? parseEmployment(v.contractType) : undefined,
      minutes: monthlyMinutes(v.minutes, v.period),
      startDate: v.startDate ? parseTurkishDate(v.startDate) : undefined,
      endDate: v.endDate ? parseTurkishDate(v.endDate) : undefined,
      contractState: v.contractState ? parseContractState(v.contractState) : undefined,
      approvalState: v.approval ? parseApprovalState(v.approval) : undefined,
      stateText: states.length ? states.join(' / ') : undefined,
    }),
    workplace: hasAny(workplace) ? workplace : undefined,
  });
}

export const newContractsReader: ScreenReader = {
  id: 'new-contracts',
  detect: (root) => hasGrid(root, NEW_CONTRACTS_GRID),
  read: (root) => readGridScreen(root, 'new-contracts', NEW_CONTRACTS_GRID, toAssignmentRecord),
};

