// Workplace columns shared by the new interface's lists (İSG Hizmet Sözleşmeleri, Kamu Kurumları Listesi) and the işyeri seçimi list.
import type { WorkplaceFacts } from '@/utils/records';
import { digitsOnly, parseCount } from '@/utils/domain/core';
import { compact, type ColumnDef, type RowValues } from './grid';

export type WorkplaceField =
  | 'sicilNo'
  | 'detsisNo'
  | 'sicilOrDetsis'
  | 'title'
  | 'naceText'
  | 'hazardText'
  | 'employees';

export const WORKPLACE_COLUMNS: readonly ColumnDef<WorkplaceField>[] = [
  { field: 'sicilNo', labels: ['SGK Sicil No', 'SGK İşyeri Sicil No', 'İşyeri Sicil No', 'SGK Sicil Numarası', 'Sicil No'] },
  { field: 'detsisNo', labels: ['DETSİS No', 'DETSİS Numarası', 'DETSİS'] },
  { field: 'sicilOrDetsis', labels: ['SGK Sicil No / DETSİS No', 'SGK Sicil No DETSİS No', 'Sicil No / DETSİS No'] },
  { field: 'title', labels: ['İşyeri Unvanı', 'İşyeri Adı', 'Kurum Unvanı', 'Kurum Adı', 'Kuruluş Unvanı', 'Unvan', 'Unvanı'] },
  { field: 'naceText', labels: ['NACE Kodu', 'NACE', 'İşyeri NACE Kodu'] },
  { field: 'hazardText', labels: ['Tehlike Sınıfı', 'İşyeri Tehlike Sınıfı'] },
  { field: 'employees', labels: ['Çalışan Sayısı', 'Toplam Çalışan Sayısı', 'İşyeri Çalışan Sayısı'] },
];

/** SGK numbers have 26 digits, DETSİS numbers 8: a combined column is told apart by its length. */
const SICIL_MIN_DIGITS = 15;

/** The workplace facts of a row: texts kept as shown (rules judge them), the employee count parsed. */
export function workplaceFromValues(v: RowValues<WorkplaceField>): WorkplaceFacts {
  let { sicilNo, detsisNo } = v;
  if (v.sicilOrDetsis) {
    if (digitsOnly(v.sicilOrDetsis).length >= SICIL_MIN_DIGITS) sicilNo ??= v.sicilOrDetsis;
    else detsisNo ??= v.sicilOrDetsis;
  }
  let employees: number | undefined;
  let employeesText: string | undefined;
  if (v.employees !== undefined) {
    const n = parseCount(v.employees);
    if (n !== undefined && Number.isInteger(n)) employees = n;
    else employeesText = v.employees;
  }
  return compact({
    sicilNo,
    detsisNo,
    title: v.title,
    naceText: v.naceText,
    hazardText: v.hazardText,
    employees,
    employeesText,
  });
}
