// New interface (2025): "Süreç Yönetimi → İSG Hizmet Sözleşmeleri" lists, any tab, with the workplace columns when shown.
import type { ScreenReader } from '@/utils/record-types';
import { compileGridSpec, hasGrid, readGridScreen, readGridScreenSteps } from './grid';
import { lazy } from '@/utils/lazy';
import { CONTRACT_COLUMNS, contractRecordFromValues, type ContractField } from './vocabulary';

/** The whole contract vocabulary (seed 002's columns, PORTAL-EVIDENCE.md's list and export labels, the workplace and state columns). */
export const NEW_CONTRACTS_GRID = lazy(() =>
  compileGridSpec<ContractField>({
    columns: CONTRACT_COLUMNS,
    // a contract column and a person column
    required: [['portalId', 'contractName', 'processId'], ['tckn', 'personName', 'certificateType']],
    minColumns: 4,
    excluded: ['Grv. Onay Durumu', 'Personel Kategorisi', 'Görevlendirme ID', 'Kurum Statü'],
    keyFields: ['portalId', 'contractName', 'tckn', 'personName'],
  }),
);

export const newContractsReader: ScreenReader = {
  id: 'new-contracts',
  detect: (root) => hasGrid(root, NEW_CONTRACTS_GRID()),
  read: (root) => readGridScreen(root, 'new-contracts', NEW_CONTRACTS_GRID(), contractRecordFromValues),
  readSteps: (root, memo) => readGridScreenSteps(root, 'new-contracts', NEW_CONTRACTS_GRID(), contractRecordFromValues, memo),
};
