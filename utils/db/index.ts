// The local mirror of İSG-KATİP (RULES.md §11): public face of utils/db for the background and
// the extension's pages. Content scripts never import this: they talk to the background.
export {
  KatipDb,
  openDb,
  getDb,
  DEFAULT_DB_NAME,
  DEFAULT_SETTINGS,
  type WorkplaceRow,
  type AssignmentRow,
  type HistoryRow,
  type HistoryField,
  type ChecklistStepId,
  type ChecklistTick,
  type ChecklistRow,
  type Settings,
} from './schema';
export {
  listWorkplaces,
  workplaceName,
  findWorkplace,
  saveProfile,
  deleteProfile,
  effectiveWorkplace,
  factsOnly,
  listAssignments,
  isActiveAssignment,
  listPendingApprovals,
  listOpenChecklists,
  getSettings,
  saveSettings,
  type PendingApproval,
  type FactOrigin,
} from './queries';
export { CHECKLIST_STEPS, getChecklist, setChecklistStep, type ChecklistStep } from './checklist';
export { assignmentLabel, workplaceKeyOf } from '../keys';
export {
  exportBackup,
  backupText,
  parseBackup,
  previewImport,
  applyImport,
  exportAssignmentsCsv,
  deleteEverything,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type ImportPreview,
} from './backup';
export { importContracts, type ImportContractsOptions, type ImportContractsResult } from './import-contracts';
export { getTabReport, getTabReports, setTabReport, clearTabReport, type StoredTabReport } from './tab-reports';
