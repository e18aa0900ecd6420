// Old interface (v9, ASP.NET): the "SÖZLEŞME ONAY" form the employer approves a contract in (seed 003, 5.9).
import { clipText, compileFields, findHeading, formElement, locateFormFields, type FormField } from './form';
import { normalizeSpaces, parseCount } from '@/utils/domain/core';
import { PageRecordSchema, type PageRecord, type ScreenRead, type ScreenReader } from '@/utils/records';

type ApprovalField =
  | 'personName'
  | 'portalId'
  | 'minutes'
  | 'overtimeMinutes'
  | 'remainingMinutes'
  | 'remainingOvertimeMinutes'
  | 'note';

/**
 * Label synonyms → field. Abbreviations ("Ayl.", "Çlş.", "Fzl.", "Max.", "(Dk)") are expanded by
 * canonicalLabel, so one unabbreviated spelling covers "Ayl. Çlş. Süresi (Dk)", "AYL. ÇLŞ. SÜRESİ (DK)"
 * and "Aylık Çalışma Süresi (Dakika)". Labels match whole, so the remaining-capacity fields never
 * pass for the contract's own minutes.
 */
export const OLD_APPROVAL_FIELDS = [
  { key: 'personName', labels: ['Adı Soyadı', 'Ad Soyad', 'Adı Soyad', 'Personel Adı Soyadı', 'İSG Profesyoneli Adı Soyadı'] },
  { key: 'portalId', labels: ['Görevlendirme ID', 'Görevlendirme Id No', 'Görevlendirme No', 'Grv. ID'] },
  { key: 'minutes', labels: ['Aylık Çalışma Süresi', 'Aylık Çalışma Süresi (Dakika)', 'Ayl. Çlş. Süresi (Dk)'] },
  { key: 'overtimeMinutes', labels: ['Aylık Fazla Mesai Süresi', 'Ayl. Fzl. Mesai Süresi (Dk)', 'Aylık Fazla Mesai'] },
  {
    key: 'remainingMinutes',
    labels: ['Kalan Maksimum Aylık Çalışma Süresi', 'Kalan Max. Ayl. Çlş. Süresi (Dk)', 'Kalan Aylık Çalışma Süresi'],
  },
  {
    key: 'remainingOvertimeMinutes',
    labels: [
      'Kalan Maksimum Aylık Fazla Mesai Süresi',
      'Kalan Max. Ayl. Fzl. Mesai Süresi (Dk)',
      'Kalan Aylık Fazla Mesai Süresi',
    ],
  },
  { key: 'note', labels: ['Açıklama', 'Açıklamalar'] },
] as const satisfies readonly { key: ApprovalField; labels: readonly string[] }[];

const MATCHER = compileFields<ApprovalField>(OLD_APPROVAL_FIELDS);
const HEADINGS = ['SÖZLEŞME ONAY', 'Sözleşme Onayı', 'SÖZLEŞME ONAY FORMU'];

function fieldsOf(root: ParentNode): Partial<Record<ApprovalField, FormField<ApprovalField>>> {
  return locateFormFields(root, MATCHER);
}

/** Enough of the form to be sure: the capacity label or the heading with one more field, or four fields. */
function looksLikeApproval(root: ParentNode, fields: Partial<Record<ApprovalField, FormField>>): boolean {
  const count = Object.keys(fields).length;
  if (count >= 4) return true;
  if (count >= 2 && (fields.remainingMinutes || fields.remainingOvertimeMinutes)) return true;
  return count >= 2 && findHeading(root, HEADINGS) !== null;
}

function minutesOf(field: FormField | undefined): number | undefined {
  return field ? parseCount(field.text) : undefined;
}

function textOf(field: FormField | undefined): string | undefined {
  const t = field ? clipText(normalizeSpaces(field.text)) : '';
  return t === '' ? undefined : t;
}

/** Drops the keys whose value is undefined, so the record carries only what the form shows. */
function defined<T extends object>(obj: T): T | undefined {
  const out = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}

export function readOldApproval(root: ParentNode): ScreenRead {
  const read: ScreenRead = { screen: 'old-approval', records: [] };
  try {
    const fields = fieldsOf(root);
    if (!looksLikeApproval(root, fields)) return read;
    const found = Object.values(fields).filter((f): f is FormField<ApprovalField> => f !== undefined);
    const element = formElement(found);
    if (!element) return read;
    const candidate: PageRecord = {
      kind: 'approval',
      assignment: defined({
        personName: textOf(fields.personName),
        portalId: textOf(fields.portalId),
        minutes: minutesOf(fields.minutes),
        overtimeMinutes: minutesOf(fields.overtimeMinutes),
      }),
      capacity: defined({
        remainingMinutes: minutesOf(fields.remainingMinutes),
        remainingOvertimeMinutes: minutesOf(fields.remainingOvertimeMinutes),
        note: textOf(fields.note),
      }),
    };
    const parsed = PageRecordSchema.safeParse(defined(candidate));
    read.records.push({ element, record: parsed.success ? parsed.data : { kind: 'approval' } });
  } catch {
    // never throw on odd markup
  }
  return read;
}

export const oldApprovalScreen: ScreenReader = {
  id: 'old-approval',
  detect(root) {
    try {
      return looksLikeApproval(root, fieldsOf(root));
    } catch {
      return false;
    }
  },
  read: readOldApproval,
};
