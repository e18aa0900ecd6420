// Old interface (v9, ASP.NET): "Hizmet Alan İşyeri Modülü → Sözleşmeler" grid of assignments (görevlendirmeler).
import type { ScreenReader } from '@/utils/records';
import { compact, compileGridSpec, rowParsers, hasGrid, readGridScreen, type RowValues } from './grid';

// the same texts repeat on every row: grid.ts parses each once
const { parsePersonnel, parseEmployment, parseContractState, parseApprovalState, parseTurkishDate, parseCount } = rowParsers;

type Field =
  | 'portalId'
  | 'personName'
  | 'assignmentType'
  | 'category'
  | 'employment'
  | 'startDate'
  | 'workState'
  | 'endDate'
  | 'approval'
  | 'minutes'
  | 'overtime';

/** Column label synonyms → field (labels as the seeds and the portal write them; abbreviations expand). */
export const OLD_CONTRACTS_GRID = compileGridSpec<Field>({
  columns: [
    { field: 'portalId', labels: ['Görevlendirme ID', 'Grv. ID', 'Görevlendirme No'] },
    { field: 'personName', labels: ['Adı Soyadı', 'Ad Soyad', 'Adı ve Soyadı', 'Personel Adı Soyadı'] },
    { field: 'assignmentType', labels: ['Grv. Türü', 'Görevlendirme Türü', 'Görev Türü'] },
    { field: 'category', labels: ['Personel Kategorisi Adı', 'Personel Kategorisi', 'Kategori Adı', 'Personel Kategori'] },
    { field: 'employment', labels: ['Çalışma Şekli', 'Çalışma Türü'] },
    { field: 'startDate', labels: ['Grv. Başlama Trh.', 'Görevlendirme Başlama Tarihi', 'Başlama Tarihi', 'Başlangıç Tarihi'] },
    { field: 'workState', labels: ['Çalışma Durumu'] },
    { field: 'endDate', labels: ['Grv. Ayrılış Trh.', 'Görevlendirme Ayrılış Tarihi', 'Ayrılış Tarihi', 'Bitiş Tarihi'] },
    { field: 'approval', labels: ['Grv. Onay Durumu', 'Görevlendirme Onay Durumu', 'Onay Durumu'] },
    { field: 'minutes', labels: ['Ayl. Çlş. Süresi (Dk)', 'Aylık Çalışma Süresi', 'Çalışma Süresi (Dk)', 'Çalışma Süresi'] },
    { field: 'overtime', labels: ['Ayl. Fzl. Mesai Süresi (Dk)', 'Aylık Fazla Mesai Süresi', 'Fazla Mesai Süresi'] },
  ],
  // Adı Soyadı + Personel Kategorisi + one of the assignment columns
  required: [['personName'], ['category'], ['approval', 'workState', 'assignmentType', 'startDate', 'employment']],
  minColumns: 4,
  excluded: ['Sözleşme ID', 'Görevlendirilen Kişi Ad Soyad', 'Kullanıcı Grubu'],
  keyFields: ['personName'],
});

function toAssignmentRecord(v: RowValues<Field>) {
  const personnel = v.category ? parsePersonnel(v.category) : {};
  const states = [v.workState, v.approval].filter((s): s is string => !!s);
  return {
    kind: 'assignment' as const,
    assignment: compact({
      portalId: v.portalId,
      personName: v.personName,
      role: personnel.role,
      certificateClass: personnel.certificateClass,
      certificateText: v.category,
      employment: v.employment ? parseEmployment(v.employment) : undefined,
      minutes: v.minutes ? parseCount(v.minutes) : undefined,
      overtimeMinutes: v.overtime ? parseCount(v.overtime) : undefined,
      startDate: v.startDate ? parseTurkishDate(v.startDate) : undefined,
      endDate: v.endDate ? parseTurkishDate(v.endDate) : undefined,
      contractState: v.workState ? parseContractState(v.workState) : undefined,
      approvalState: v.approval ? parseApprovalState(v.approval) : undefined,
      stateText: states.length ? states.join(' / ') : undefined,
    }),
  };
}

export const oldContractsReader: ScreenReader = {
  id: 'old-contracts',
  detect: (root) => hasGrid(root, OLD_CONTRACTS_GRID),
  read: (root) => readGridScreen(root, 'old-contracts', OLD_CONTRACTS_GRID, toAssignmentRecord),
};
