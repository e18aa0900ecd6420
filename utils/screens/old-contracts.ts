// Old interface (v9, ASP.NET): "Hizmet Alan İşyeri Modülü → Sözleşmeler" grid of assignments (görevlendirmeler).
import type { ScreenReader } from '@/utils/record-types';
import { compileGridSpec, hasGrid, readGridScreen, readGridScreenSteps } from './grid';
import { lazy } from '@/utils/lazy';
import { CONTRACT_COLUMNS, contractRecordFromValues, type ContractField } from './vocabulary';

/** The old grid's columns (seed 003), from the one contract vocabulary. */
const OLD_FIELDS: ReadonlySet<ContractField> = new Set<ContractField>([
  'portalId',
  'personName',
  'assignmentType',
  'certificateType',
  'employment',
  'startDate',
  'contractState',
  'endDate',
  'approval',
  'minutes',
  'overtime',
]);

export const OLD_CONTRACTS_GRID = lazy(() =>
  compileGridSpec<ContractField>({
    columns: CONTRACT_COLUMNS.filter((c) => OLD_FIELDS.has(c.field)),
    // Adı Soyadı + Personel Kategorisi + one of the assignment columns
    required: [['personName'], ['certificateType'], ['approval', 'contractState', 'assignmentType', 'startDate', 'employment']],
    minColumns: 4,
    excluded: ['Sözleşme ID', 'Görevlendirilen Kişi Ad Soyad', 'Kullanıcı Grubu'],
    keyFields: ['personName'],
  }),
);

export const oldContractsReader: ScreenReader = {
  id: 'old-contracts',
  detect: (root) => hasGrid(root, OLD_CONTRACTS_GRID()),
  read: (root) => readGridScreen(root, 'old-contracts', OLD_CONTRACTS_GRID(), contractRecordFromValues),
  readSteps: (root, memo) => readGridScreenSteps(root, 'old-contracts', OLD_CONTRACTS_GRID(), contractRecordFromValues, memo),
};
