// New interface (2025): "Kamu Kurumları/4B İşyerleri Yönetimi → Kamu Kurumları Listesi" grid of public institutions.
import type { PageRecord, ScreenReader } from '@/utils/record-types';
import { compileGridSpec, hasAny, hasGrid, readGridScreen, readGridScreenSteps, type RowValues } from './grid';
import { lazy } from '@/utils/lazy';
import { workplaceFromValues, WORKPLACE_COLUMNS, type WorkplaceField } from './workplace-columns';

type Field = WorkplaceField | 'detailId' | 'detailNo' | 'address' | 'district' | 'status';

/** Column label synonyms → field (the seed's "Kamu Kurumları Listesi" columns, DETSİS / SGK numbers when shown). */
export const PUBLIC_INSTITUTIONS_GRID = lazy(() =>
  compileGridSpec<Field>({
    columns: [
      { field: 'detailId', labels: ['Detay ID'] },
      { field: 'detailNo', labels: ['Detay No'] },
      { field: 'address', labels: ['Kurum Adresi', 'Adres'] },
      { field: 'district', labels: ['Kurum İlçesi', 'İlçe'] },
      { field: 'status', labels: ['Kurum Statü', 'Kurum Statüsü', 'Statü'] },
      ...WORKPLACE_COLUMNS,
    ],
    // Kurum Unvanı plus a column only this list has, plus the workplace facts it is read for
    required: [['title'], ['detailId', 'detailNo', 'address', 'district', 'status', 'detsisNo'], ['naceText', 'hazardText', 'employees']],
    minColumns: 4,
    excluded: ['Sözleşme ID', 'Sözleşme Adı', 'Görevlendirilen Kişi', 'Adı Soyadı'],
    keyFields: ['title', 'detailId', 'detailNo'],
  }),
);

function toInstitutionRecord(v: RowValues<Field>): PageRecord | undefined {
  const workplace = workplaceFromValues(v);
  if (!hasAny(workplace)) return undefined;
  return { kind: 'institution', workplace };
}

export const publicInstitutionsReader: ScreenReader = {
  id: 'public-institutions',
  detect: (root) => hasGrid(root, PUBLIC_INSTITUTIONS_GRID()),
  read: (root) => readGridScreen(root, 'public-institutions', PUBLIC_INSTITUTIONS_GRID(), toInstitutionRecord),
  readSteps: (root, memo) => readGridScreenSteps(root, 'public-institutions', PUBLIC_INSTITUTIONS_GRID(), toInstitutionRecord, memo),
};
