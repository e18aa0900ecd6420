// New interface (2025): the contract entry pages, "Sözleşme / Görevlendirme Bilgileri Giriş Sayfası" and
// "Form Durumu Sayfası" (seed 002; PAGE-CONTRACT.md "What the new-contract form's labels mean").
import { clipText, compileFields, fieldCount, fieldText, formScreen, labelTextOf, type FormField } from './form';
import { lazy } from '@/utils/lazy';
import {
  digitsOnly,
  foldTurkish,
  parseEmployment,
  parsePersonnel,
  type Employment,
  type Personnel,
} from '@/utils/domain/core';
import { nonEmpty, type PageRecord } from '@/utils/record-types';

type ContractFormField =
  | 'title'
  | 'detsisTitle'
  | 'sicilNo'
  | 'detsisNo'
  | 'employees'
  | 'nace'
  | 'hazard'
  | 'requiredFullTime'
  | 'presentFullTime'
  | 'requiredPartTimeMinutes'
  | 'runningTotalMinutes'
  | 'requiredTotalMinutes'
  | 'tckn'
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'certificateType'
  | 'certificateNo'
  | 'usedMinutes'
  | 'blockedMinutes'
  | 'assignmentType'
  | 'enteredMinutes';

/**
 * Label synonyms → field. "İSG" in a label also stands for the role word the portal may write there
 * ("İGU", "İŞ GÜVENLİĞİ UZMANI", "İŞYERİ HEKİMİ", "DİĞER SAĞLIK PERSONELİ"): canonicalLabel folds them
 * all to "isg". A trailing "(Dakika)" / "Dakika" / "(Dk)" is optional everywhere.
 * KULLANILAN / BLOKE EDİLEN ÇALIŞMA SÜRESİ are the professional's capacity elsewhere, never this
 * contract's minutes: they match whole and stay apart from "Çalışma Süresi".
 */
export const NEW_CONTRACT_FORM_FIELDS = [
  { key: 'title', labels: ['UNVAN', 'İŞYERİ UNVANI', 'KURUM UNVANI', 'İŞVEREN UNVANI'] },
  { key: 'detsisTitle', labels: ['DETSİS UNVANI', 'DETSİS KURUM UNVANI'] },
  { key: 'sicilNo', labels: ['SGK SİCİL NO', 'SGK İŞYERİ SİCİL NO', 'İŞYERİ SİCİL NO', 'SİCİL NO', 'SGK NO'] },
  { key: 'detsisNo', labels: ['DETSİS NO', 'DETSİS'] },
  { key: 'employees', labels: ['TOPLAM ÇALIŞAN SAYISI', 'TOPLAM ÇALIŞAN'] },
  { key: 'nace', labels: ['NACE KODU', 'NACE', 'İŞYERİ NACE KODU'] },
  { key: 'hazard', labels: ['TEHLİKE SINIFI', 'İŞYERİ TEHLİKE SINIFI'] },
  { key: 'requiredFullTime', labels: ['GEREKLİ TAM SÜRELİ İSG SAYISI'] },
  { key: 'presentFullTime', labels: ['MEVCUT TAM SÜRELİ İSG SAYISI'] },
  {
    key: 'requiredPartTimeMinutes',
    labels: ['GEREKLİ (ASGARİ) KISMİ SÜRELİ İSG SÜRESİ', 'GEREKLİ KISMİ SÜRELİ İSG SÜRESİ', 'ASGARİ KISMİ SÜRELİ İSG SÜRESİ'],
  },
  { key: 'runningTotalMinutes', labels: ['DEVAM EDEN TOPLAM İSG SÜRESİ', 'DEVAM EDEN İSG SÜRESİ'] },
  { key: 'requiredTotalMinutes', labels: ['GEREKLİ TOPLAM İSG SÜRESİ', 'GEREKLİ (ASGARİ) TOPLAM İSG SÜRESİ'] },
  { key: 'tckn', labels: ['TC KİMLİK NO', 'T.C. KİMLİK NUMARASI', 'KİMLİK NO', 'TCKN', 'TC NO'] },
  { key: 'firstName', labels: ['AD', 'ADI'] },
  { key: 'lastName', labels: ['SOYAD', 'SOYADI'] },
  { key: 'fullName', labels: ['AD SOYAD', 'ADI SOYADI'] },
  { key: 'certificateType', labels: ['SERTİFİKA TİPİ', 'SERTİFİKA TÜRÜ', 'BELGE TİPİ'] },
  { key: 'certificateNo', labels: ['SERTİFİKA NO', 'BELGE NO'] },
  { key: 'usedMinutes', labels: ['KULLANILAN ÇALIŞMA SÜRESİ', 'KULLANILAN SÜRE'] },
  { key: 'blockedMinutes', labels: ['BLOKE EDİLEN ÇALIŞMA SÜRESİ', 'BLOKE ÇALIŞMA SÜRESİ', 'BLOKE EDİLEN SÜRE'] },
  { key: 'assignmentType', labels: ['Görevlendirme Tipi', 'Görevlendirme Şekli'] },
  { key: 'enteredMinutes', labels: ['Çalışma Süresi', 'Çalışma Süresi (Dakika)', 'Aylık Çalışma Süresi'] },
] as const satisfies readonly { key: ContractFormField; labels: readonly string[] }[];

type Fields = Partial<Record<ContractFormField, FormField<ContractFormField>>>;

/** TOPLAM ÇALIŞAN SAYISI and TEHLİKE SINIFI together with a minutes field of the form. */
function looksLikeContractForm(fields: Fields): boolean {
  if (!fields.employees || !fields.hazard) return false;
  return Boolean(
    fields.enteredMinutes ||
      fields.requiredPartTimeMinutes ||
      fields.requiredTotalMinutes ||
      fields.runningTotalMinutes ||
      fields.usedMinutes ||
      fields.blockedMinutes,
  );
}


/** An SGK number as digits when it is only digits and separators; as shown otherwise (rules judge it). */
function sicilOf(field: FormField | undefined): string | undefined {
  const t = fieldText(field);
  if (t === undefined) return undefined;
  return /^[\d\s.\-/]+$/.test(t) ? digitsOnly(t) : t;
}

/** Görevlendirme Tipi: "Tam Süreli", "Kısmi Süreli Görevlendirme", "OSGB Üzerinden Kısmi Süreli" … */
function employmentOf(text: string | undefined): Employment | undefined {
  if (!text) return undefined;
  const direct = parseEmployment(text);
  if (direct) return direct;
  const f = foldTurkish(text);
  if (/\btam (sureli|zamanli)\b/.test(f)) return 'tam';
  if (/\bkismi (sureli|zamanli)\b/.test(f)) return 'kismi';
  return undefined;
}

/** The role from the process title ("… İŞ GÜVENLİĞİ UZMANI GÖREVLENDİRMESİ") shown on the page. */
function roleFromProcessTitle(root: ParentNode): Personnel {
  for (const el of root.querySelectorAll('h1, h2, h3, h4, h5, h6, legend, caption, [role="heading"], title, p, span, div, td, th, b, strong')) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 300) continue;
    const text = labelTextOf(el);
    if (!/gorevlendirmesi|sozlesmesi/.test(foldTurkish(text))) continue;
    const p = parsePersonnel(text);
    if (p.role) return { role: p.role };
  }
  return {};
}

/** The role from a role word in the form's own labels ("GEREKLİ TAM SÜRELİ İŞ GÜVENLİĞİ UZMANI SAYISI"). */
function roleFromLabels(fields: Fields): Personnel {
  for (const f of Object.values(fields)) {
    const p = f ? parsePersonnel(f.labelText) : {};
    if (p.role) return { role: p.role };
  }
  return {};
}

function recordOf(root: ParentNode, fields: Fields): PageRecord {
  const employeesCount = fieldCount(fields.employees);
  const employees = employeesCount !== undefined && Number.isInteger(employeesCount) ? employeesCount : undefined;
  const employeesShown = fieldText(fields.employees);

  const certificateText = fieldText(fields.certificateType);
  let personnel: Personnel = certificateText ? parsePersonnel(certificateText) : {};
  if (!personnel.role) personnel = roleFromProcessTitle(root);
  if (!personnel.role) personnel = roleFromLabels(fields);

  const first = fieldText(fields.firstName);
  const last = fieldText(fields.lastName);
  const personName = first || last ? [first, last].filter(Boolean).join(' ') : fieldText(fields.fullName);

  const assignmentTypeText = fieldText(fields.assignmentType);
  const enteredMinutesText = fieldText(fields.enteredMinutes);
  const enteredMinutes = fieldCount(fields.enteredMinutes);

  return {
    kind: 'contract-form',
    workplace: nonEmpty({
      title: fieldText(fields.title) ?? fieldText(fields.detsisTitle),
      sicilNo: sicilOf(fields.sicilNo),
      detsisNo: fieldText(fields.detsisNo),
      employees,
      employeesText: employees === undefined ? employeesShown : undefined,
      naceText: fieldText(fields.nace),
      hazardText: fieldText(fields.hazard),
    }),
    assignment: nonEmpty({
      tckn: fieldText(fields.tckn),
      personName: personName ? clipText(personName) : undefined,
      role: personnel.role,
      certificateClass: personnel.role === 'igu' ? personnel.certificateClass : undefined,
      certificateText,
      certificateNo: fieldText(fields.certificateNo),
      employment: employmentOf(assignmentTypeText),
      minutes: enteredMinutes,
    }),
    form: nonEmpty({
      requiredFullTime: fieldCount(fields.requiredFullTime),
      presentFullTime: fieldCount(fields.presentFullTime),
      requiredPartTimeMinutes: fieldCount(fields.requiredPartTimeMinutes),
      runningTotalMinutes: fieldCount(fields.runningTotalMinutes),
      requiredTotalMinutes: fieldCount(fields.requiredTotalMinutes),
      usedMinutes: fieldCount(fields.usedMinutes),
      blockedMinutes: fieldCount(fields.blockedMinutes),
      assignmentTypeText,
      enteredMinutes,
      enteredMinutesText,
    }),
  };
}

export const newContractFormScreen = formScreen<ContractFormField>({
  id: 'new-contract-form',
  kind: 'contract-form',
  matcher: lazy(() => compileFields<ContractFormField>(NEW_CONTRACT_FORM_FIELDS)),
  looksLike: (_root, fields) => looksLikeContractForm(fields),
  toRecord: recordOf,
  minutesField: 'enteredMinutes',
  cells: {
    enteredMinutes: 'minutes',
    nace: 'naceText',
    hazard: 'hazardText',
    certificateType: 'certificateText',
    fullName: 'personName',
    firstName: 'personName',
  },
});

export const readNewContractForm = newContractFormScreen.read;
