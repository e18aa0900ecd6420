// The audit page's words, Turkish first with English alongside (the other pages' words: utils/i18n/).
import type { Lang } from '@/utils/i18n';
import type { RecordStatus } from '@/utils/rules/types';
import type { Role } from '@/utils/domain/core';

const A = {
  title: { tr: 'Denetim', en: 'Audit' },
  pageTitle: { tr: 'KATİP Asistanı — Denetim', en: 'KATİP Assistant — Audit' },
  intro: {
    tr: 'Portalda “Tümünü Dışa Aktar” ile indirdiğiniz sözleşme dosyasını (ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_*.xlsx ya da .csv) bırakın: her sözleşme, işyeri ve profesyonel aynı kurallarla denetlenir. Dosya yalnız bu bilgisayarda okunur.',
    en: 'Drop the contract file you downloaded with “Tümünü Dışa Aktar” on the portal (ISG_HIZMET_SOZLESME_SURECI_DISA_AKTAR_*.xlsx or .csv): every contract, workplace and professional is checked by the same rules. The file is read on this computer only.',
  },
  drop: { tr: 'Dosyayı buraya bırakın ya da seçin', en: 'Drop the file here or choose it' },
  choose: { tr: 'Dosya seç', en: 'Choose file' },
  fileLabel: { tr: 'Dışa aktarım dosyası (.xlsx, .csv)', en: 'Export file (.xlsx, .csv)' },
  reading: { tr: 'Dosya okunuyor…', en: 'Reading the file…' },
  judging: { tr: 'Sözleşmeler denetleniyor: {done} / {total}', en: 'Checking contracts: {done} / {total}' },
  progress: { tr: 'İlerleme', en: 'Progress' },
  refused: { tr: 'Dosya okunmadı', en: 'The file was not read' },
  nothingChanged: { tr: 'Yerel kayıtlarda hiçbir şey değişmedi.', en: 'Nothing changed in the local records.' },
  readSummary: {
    tr: '{file}: {rows} sözleşme okundu ({ms} ms); {skipped} satır atlandı; {formulas} formül hücresi (hesaplanmadı, kayıtlı değeri alındı).',
    en: '{file}: {rows} contracts read ({ms} ms); {skipped} rows skipped; {formulas} formula cells (not evaluated, their stored value used).',
  },
  mirrorDone: { tr: 'Yerel kayıtlara işlendi: {workplaces} işyeri, {contracts} sözleşme. Portal sayfalarındaki işaretler artık bu işyerlerinin çalışan sayısını, tehlike sınıfını ve NACE kodunu bilir.', en: 'Merged into the local records: {workplaces} workplaces, {contracts} contracts. The marks on portal pages now know these workplaces’ employee counts, hazard classes and NACE codes.' },
  mirrorFailed: { tr: 'Yerel kayıtlara işlenemedi: {detail}', en: 'Could not merge into the local records: {detail}' },
  mirrorWorking: { tr: 'Yerel kayıtlara işleniyor…', en: 'Merging into the local records…' },
  tabDashboard: { tr: 'Özet', en: 'Summary' },
  tabContracts: { tr: 'Sözleşmeler', en: 'Contracts' },
  tabWorkplaces: { tr: 'İşyerleri', en: 'Workplaces' },
  tabProfessionals: { tr: 'Profesyoneller', en: 'Professionals' },
  tabChanges: { tr: 'Değişiklikler', en: 'Changes' },
  tabsLabel: { tr: 'Denetim görünümleri', en: 'Audit views' },
  contractsByStatus: { tr: 'Sözleşmeler (durum)', en: 'Contracts by status' },
  workplacesByStatus: { tr: 'İşyerleri (durum)', en: 'Workplaces by status' },
  professionalsByStatus: { tr: 'Profesyoneller (durum)', en: 'Professionals by status' },
  byRule: { tr: 'Kurallara göre sözleşmeler', en: 'Contracts by rule' },
  verdictDiffers: { tr: 'Portalın “Mevzuata Uygun mu” kararı bizimkinden farklı', en: 'The portal’s “Mevzuata Uygun mu” differs from ours' },
  largestShortfall: { tr: 'En büyük eksik süreler', en: 'Largest shortfalls' },
  barsTitle: { tr: 'Gereken ve atanan süre (dk/ay)', en: 'Required and assigned minutes (per month)' },
  required: { tr: 'Gereken', en: 'Required' },
  assigned: { tr: 'Atanan', en: 'Assigned' },
  shortBy: { tr: 'eksik {n} dk', en: '{n} min short' },
  fullTimeShort: { tr: 'tam süreli eksik: {n}', en: 'full-time missing: {n}' },
  barMet: { tr: 'karşılanıyor', en: 'met' },
  showRows: { tr: '{n} satırı göster', en: 'Show the {n} rows' },
  search: { tr: 'Ara (unvan, SGK no, ad, sözleşme no)', en: 'Search (title, SGK no, name, contract no)' },
  statusFilter: { tr: 'Durum', en: 'Status' },
  ruleFilter: { tr: 'Kural', en: 'Rule' },
  roleFilter: { tr: 'Görev', en: 'Role' },
  all: { tr: 'Tümü', en: 'All' },
  clearFilters: { tr: 'Süzgeçleri temizle', en: 'Clear filters' },
  shown: { tr: '{n} / {total} gösteriliyor', en: '{n} of {total} shown' },
  filteredBy: { tr: 'Süzgeç: {what}', en: 'Filter: {what}' },
  colRow: { tr: 'Satır', en: 'Row' },
  colStatus: { tr: 'Durum', en: 'Status' },
  colContract: { tr: 'Sözleşme', en: 'Contract' },
  colPerson: { tr: 'Görevlendirilen', en: 'Professional' },
  colTckn: { tr: 'T.C. Kimlik No', en: 'T.C. number' },
  colRole: { tr: 'Görev', en: 'Role' },
  colMinutes: { tr: 'Süre (dk)', en: 'Minutes' },
  colWorkplace: { tr: 'İşyeri', en: 'Workplace' },
  colSgk: { tr: 'SGK/DETSİS No', en: 'SGK/DETSİS no' },
  colEmployees: { tr: 'Çalışan (N)', en: 'Employees (N)' },
  colHazard: { tr: 'Tehlike sınıfı', en: 'Hazard class' },
  colNace: { tr: 'NACE (liste sınıfı)', en: 'NACE (list class)' },
  colPortal: { tr: 'Portal: Mevzuata Uygun mu', en: 'Portal: compliant?' },
  colFindings: { tr: 'Bulgular', en: 'Findings' },
  colIgu: { tr: 'İGU gereken / atanan', en: 'OHS spec. required / assigned' },
  colIh: { tr: 'İH gereken / atanan', en: 'Physician required / assigned' },
  colDsp: { tr: 'DSP gereken / atanan', en: 'Other health req. / assigned' },
  colFullTime: { tr: 'Tam süreli gereken / mevcut', en: 'Full-time required / present' },
  colContracts: { tr: 'Sözleşme', en: 'Contracts' },
  colCommitted: { tr: 'Taahhüt (dk/ay)', en: 'Committed (min/month)' },
  colCapacity: { tr: '11.700 dk aya göre', en: 'Against 11,700 min' },
  colRemaining: { tr: 'Son görülen Kalan Max.', en: 'Last remaining capacity seen' },
  min: { tr: 'dk', en: 'min' },
  fullTime: { tr: 'Tam süreli', en: 'Full-time' },
  partTime: { tr: 'Kısmi süreli', en: 'Part-time' },
  loadingRows: { tr: 'Satırlar yükleniyor…', en: 'Loading rows…' },
  moreInExcel: { tr: 'İlk {n} gösteriliyor ({total} tanenin tümü Excel raporunda).', en: 'The first {n} shown (all {total} are in the Excel report).' },
  fieldMinutes: { tr: 'süre (dk)', en: 'minutes' },
  fieldEmployment: { tr: 'çalışma şekli', en: 'employment' },
  fieldState: { tr: 'sözleşme statüsü', en: 'contract state' },
  fieldStatus: { tr: 'denetim sonucu', en: 'audit result' },
  asked: { tr: 'istenen {n}', en: '{n} asked' },
  colCertificate: { tr: 'Sertifika', en: 'Certificate' },
  colState: { tr: 'Sözleşme durumu', en: 'Contract state' },
  stateActive: { tr: 'Devam ediyor', en: 'Running' },
  stateEnded: { tr: 'Sona erdi / iptal', en: 'Ended / cancelled' },
  yes: { tr: 'Evet', en: 'Yes' },
  no: { tr: 'Hayır', en: 'No' },
  differs: { tr: 'farklı', en: 'differs' },
  notRequired: { tr: 'gerekmez', en: 'not required' },
  needsFacts: { tr: 'eksik bilgi: {facts}', en: 'missing: {facts}' },
  notListed: { tr: 'listede yok', en: 'not listed' },
  showTckn: { tr: 'T.C. Kimlik numaralarını tam göster', en: 'Show T.C. numbers in full' },
  workplaceFindings: { tr: 'İşyeri geneli', en: 'Whole workplace' },
  changesNone: { tr: 'Karşılaştırılacak önceki denetim yok: bu dosya ilk denetim olarak kaydedildi. Gelecek ay yeni dosyayı bıraktığınızda değişiklikler burada görünür.', en: 'No earlier audit to compare with: this file was saved as the first audit. When you drop next month’s file, the changes show here.' },
  changesSince: { tr: '{at} tarihli denetimden ({file}) bu yana', en: 'Since the audit of {at} ({file})' },
  added: { tr: 'Yeni sözleşmeler', en: 'New contracts' },
  ended: { tr: 'Sona eren sözleşmeler', en: 'Ended contracts' },
  changed: { tr: 'Değişen sözleşmeler', en: 'Changed contracts' },
  fixed: { tr: 'Giderilen eksikler', en: 'Shortfalls fixed' },
  opened: { tr: 'Yeni eksikler', en: 'New shortfalls' },
  stillOpen: { tr: 'Süren eksikler', en: 'Shortfalls still open' },
  snapshots: { tr: 'Kayıtlı denetimler', en: 'Saved audits' },
  compareWith: { tr: 'Karşılaştır', en: 'Compare with' },
  excel: { tr: 'Excel raporu indir', en: 'Download Excel report' },
  print: { tr: 'Yazdır / PDF olarak kaydet', en: 'Print / save as PDF' },
  orgName: { tr: 'İşyeri / OSGB adı (raporda görünür)', en: 'Workplace / OSGB name (shown in the report)' },
  reportTitle: { tr: 'İSG Hizmet Sözleşmeleri Denetim Raporu', en: 'OHS Service Contracts Audit Report' },
  reportDate: { tr: 'Rapor tarihi: {at}', en: 'Report date: {at}' },
  reportFile: { tr: 'Kaynak dosya: {file} ({rows} sözleşme)', en: 'Source file: {file} ({rows} contracts)' },
  reportSources: { tr: 'Dayanaklar', en: 'Legal sources' },
  reportPage: { tr: 'Sayfa', en: 'Page' },
  reportLocal: { tr: 'Bu rapor KATİP Asistanı ile yalnız bu bilgisayarda hazırlandı; hiçbir veri gönderilmedi.', en: 'This report was made with KATİP Assistant on this computer only; no data was sent anywhere.' },
  reportErrorsOnly: { tr: 'Uygun olmayan işyerleri ve sözleşmeler', en: 'Workplaces and contracts out of compliance' },
  newAudit: { tr: 'Başka dosya denetle', en: 'Audit another file' },
  none: { tr: 'Yok.', en: 'None.' },
  pfOverMonth: { tr: '11.700 dk/ay aşıldı', en: 'Over the 11,700-minute month' },
  pfOverRemaining: { tr: 'Kalan Max. süre aşıldı', en: 'Over the remaining capacity' },
  pfFullTime: { tr: 'Tam süreli, başka sözleşmesi var', en: 'Full-time with other contracts' },
  pfCertificate: { tr: 'Sertifika sınıfı işyerine uymuyor', en: 'Certificate class does not fit' },
  personFindings: { tr: 'Profesyonel bulguları', en: 'Findings about the professional' },
} as const satisfies Record<string, { tr: string; en: string }>;

export type AuditStringKey = keyof typeof A;

export function at(lang: Lang, key: AuditStringKey, vars?: Record<string, string | number>): string {
  const text: string = A[key][lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const STATUS_WORDS: Record<RecordStatus, { tr: string; en: string; icon: string }> = {
  error: { tr: 'Hata', en: 'Error', icon: '✖' },
  warn: { tr: 'Uyarı', en: 'Warning', icon: '⚠' },
  unknown: { tr: 'Veri eksik', en: 'Data missing', icon: '?' },
  ok: { tr: 'Uygun', en: 'OK', icon: '✔' },
};

export const ROLE_WORDS: Record<Role, { tr: string; en: string }> = {
  igu: { tr: 'İGU', en: 'OHS spec.' },
  ih: { tr: 'İH', en: 'Physician' },
  dsp: { tr: 'DSP', en: 'Other health' },
};

/** Numbers as the user's language writes them: 4.800 / 4,800. */
export function num(lang: Lang, n: number): string {
  // one formatter per language: toLocaleString builds a new one on every call (~0.05 ms each, and a
  // dashboard writes hundreds of numbers)
  const f = (NUMBER_FORMATS[lang] ??= new Intl.NumberFormat(lang === 'tr' ? 'tr-TR' : 'en-GB', { maximumFractionDigits: 1 }));
  return f.format(n);
}
const NUMBER_FORMATS: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** A title as the portal means it: "__" stands for a space. */
export function displayTitle(title: string | undefined): string | undefined {
  return title?.replace(/_{2,}/g, ' ').replace(/\s+/g, ' ').trim();
}
