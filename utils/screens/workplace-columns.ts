// Workplace columns shared by the new interface's lists (İSG Hizmet Sözleşmeleri, Kamu Kurumları Listesi):
// the one column vocabulary's (./vocabulary), kept here under their old names.
export { WORKPLACE_COLUMNS, workplaceFromValues, type WorkplaceField } from './vocabulary';
