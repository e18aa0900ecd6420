// Old interface (v9, ASP.NET): the "SÖZLEŞME ONAY" form the employer approves a contract in (seed 003, 5.9).
import { compileFields, fieldCount, fieldText, findHeading, formScreen, type FoundFields } from './form';
import { lazy } from '@/utils/lazy';
import { nonEmpty } from '@/utils/record-types';

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

const HEADINGS = ['SÖZLEŞME ONAY', 'Sözleşme Onayı', 'SÖZLEŞME ONAY FORMU'];

/** Enough of the form to be sure: the capacity label or the heading with one more field, or four fields. */
function looksLikeApproval(root: ParentNode, fields: FoundFields<ApprovalField>): boolean {
  const count = Object.keys(fields).length;
  if (count >= 4) return true;
  if (count >= 2 && (fields.remainingMinutes || fields.remainingOvertimeMinutes)) return true;
  return count >= 2 && findHeading(root, HEADINGS) !== null;
}

export const oldApprovalScreen = formScreen<ApprovalField>({
  id: 'old-approval',
  kind: 'approval',
  matcher: lazy(() => compileFields<ApprovalField>(OLD_APPROVAL_FIELDS)),
  looksLike: looksLikeApproval,
  toRecord: (_root, fields) => ({
    kind: 'approval',
    assignment: nonEmpty({
      personName: fieldText(fields.personName),
      portalId: fieldText(fields.portalId),
      minutes: fieldCount(fields.minutes),
      overtimeMinutes: fieldCount(fields.overtimeMinutes),
    }),
    capacity: nonEmpty({
      remainingMinutes: fieldCount(fields.remainingMinutes),
      remainingOvertimeMinutes: fieldCount(fields.remainingOvertimeMinutes),
      note: fieldText(fields.note),
    }),
  }),
});

export const readOldApproval = oldApprovalScreen.read;
