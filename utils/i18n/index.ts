// The extension pages' own words (popup, options, side panel, audit), Turkish first with English
// alongside. The words the content script shows in the portal page live in ./page.ts (its bundle
// carries only those); `t` here knows both.
import { fill, PAGE_STRINGS, type Pair } from './page';

export { factLabel, formatNumber, PROFILE_FACTS, severityLabel, type Lang, type Pair } from './page';
import type { Lang } from './page';

const UI_STRINGS = {
  loading: { tr: 'Yükleniyor…', en: 'Loading…' },
  cancel: { tr: 'Vazgeç', en: 'Cancel' },
  save: { tr: 'Kaydet', en: 'Save' },
  edit: { tr: 'Düzenle', en: 'Edit' },
  delete: { tr: 'Sil', en: 'Delete' },
  close: { tr: 'Kapat', en: 'Close' },
  yes: { tr: 'Evet', en: 'Yes' },
  errorLoading: { tr: 'Veriler okunamadı: {detail}', en: 'Could not read the data: {detail}' },

  // the in-page panel
  panelRecordsChecked: { tr: '{count} kayıt denetlendi', en: '{count} records checked' },
  panelOpen: { tr: 'Bulguları göster', en: 'Show findings' },
  panelClose: { tr: 'Bulguları gizle', en: 'Hide findings' },
  panelLocalOnly: { tr: 'Veriler yalnız bu bilgisayarda işlenir.', en: 'Data is processed on this computer only.' },

  // findings
  findingsNone: { tr: 'Bulgu yok: bu sayfada denetlenen kayıtlar uygun.', en: 'No findings: the records checked on this page are fine.' },
  findingsSummary: {
    tr: '{errors} hata, {warnings} uyarı, {needs} veri eksik',
    en: '{errors} errors, {warnings} warnings, {needs} data missing',
  },
  missingHintProfile: {
    tr: 'Bu bilgiyi Ayarlar sayfasında, İşyeri profilleri bölümünden ekleyebilirsiniz.',
    en: 'You can add this in the options page, under Workplace profiles.',
  },
  missingHintPortal: {
    tr: 'Kaydın ayrıntı ekranını portalda açın; eksik bilgi orada görünür.',
    en: 'Open the record’s detail screen on the portal; the missing fact shows there.',
  },
  openProfiles: { tr: 'İşyeri profillerini aç', en: 'Open workplace profiles' },
  jumpToRecord: { tr: 'Kayda git', en: 'Go to record' },
  jumpToRecordLabel: { tr: 'Kayda git: {n}', en: 'Go to record: {n}' },
  contractId: { tr: 'Görevlendirme ID {id}', en: 'Assignment ID {id}' },
  recordN: { tr: '{n}. kayıt', en: 'Record {n}' },
  and: { tr: 've', en: 'and' },

  // the tab's findings (side panel, popup)
  findingsTitle: { tr: 'Bulgular', en: 'Findings' },
  groupByLegend: { tr: 'Gruplama', en: 'Group by' },
  groupByRecord: { tr: 'Kayda göre', en: 'By record' },
  groupByRule: { tr: 'Kurala göre', en: 'By rule' },
  tallyError: { tr: '{n} kayıtta hata', en: '{n} records with errors', en1: '1 record with errors' },
  tallyWarn: { tr: '{n} kayıtta uyarı', en: '{n} records with warnings', en1: '1 record with warnings' },
  tallyNeedsData: { tr: '{n} kayıt değerlendirilemedi', en: '{n} records not judged', en1: '1 record not judged' },
  tallyNone: { tr: 'Sorun bulunmadı', en: 'No problems found' },
  tallyOk: { tr: '{n} kayıtta sorun yok', en: '{n} records without problems', en1: '1 record without problems' },
  tallyEnded: { tr: '{n} sona ermiş veya iptal sözleşme', en: '{n} ended or cancelled contracts', en1: '1 ended or cancelled contract' },
  ruleRecords: { tr: '{n} kayıt', en: '{n} records', en1: '1 record' },
  citationsTitle: { tr: 'Dayanaklar ({n} kural)', en: 'Legal sources ({n} rules)', en1: 'Legal source (1 rule)' },
  gapsTitle: { tr: 'Eksik işyeri bilgisi', en: 'Missing workplace facts' },
  gapMissing: { tr: 'Bu işyerinin {facts} bilinmiyor.', en: 'Not known for this workplace: {facts}.' },
  gapRecords: { tr: 'Bu yüzden {n} kayıt değerlendirilemedi.', en: 'So {n} records could not be judged.', en1: 'So 1 record could not be judged.' },
  gapUnnamedWorkplace: { tr: 'Bu sayfadaki işyeri', en: 'The workplace on this page' },
  missingHintSelectRow: {
    tr: 'Sözleşmeler tablosunda satırı seçip formu yeniden açın.',
    en: 'Select the row in the Sözleşmeler (contracts) grid, then open the form again.',
  },
  pageLevel: { tr: 'Sayfa geneli', en: 'Whole page' },
  showAll: { tr: 'Tümünü göster ({n})', en: 'Show all ({n})' },

  // checklist
  checklistTitle: { tr: 'Onay kontrol listesi', en: 'Approval checklist' },
  checklistProgress: { tr: '{done}/{total} adım tamam', en: '{done}/{total} steps done' },
  tickSeen: { tr: 'görüldü {at}', en: 'seen {at}' },
  tickManual: { tr: 'elle işaretlendi {at}', en: 'ticked by hand {at}' },
  tickAuto: { tr: 'portalda görülünce kendiliğinden işaretlenir', en: 'ticked by itself when seen on the portal' },
  tickAutoRules: { tr: 'kuralları kayıtta geçince kendiliğinden işaretlenir', en: 'ticked by itself when its rules pass on the record' },
  tickAutoSubmit: {
    tr: '"Kayıt"a basıldıktan sonra onay durumu değişince kendiliğinden işaretlenir',
    en: 'ticked by itself once "Kayıt" was pressed and the approval status changed',
  },
  tickFailed: { tr: 'Geçmedi: {rules}', en: 'Failed: {rules}' },
  tickFailedManual: { tr: 'Elle işaretlendi, ama kural geçmedi: {rules}', en: 'Ticked by hand, but the rule failed: {rules}' },
  pendingHasErrors: { tr: 'Hatalı', en: 'Has errors' },
  pendingErrorsLabel: { tr: 'Hatalı: {rules}', en: 'Has errors: {rules}' },

  // NACE lookup
  naceTitle: { tr: 'NACE kodu ara', en: 'Look up a NACE code' },
  naceLabel: { tr: 'NACE kodu veya faaliyet', en: 'NACE code or activity' },
  naceHint: { tr: 'Örnek: 43.22.05 veya “ısıtma tesisatı”', en: 'Example: 43.22.05 or “ısıtma tesisatı” (the official list is in Turkish)' },
  naceCount: { tr: '{n} sonuç', en: '{n} results' },
  naceCountMore: { tr: 'İlk {n} sonuç gösteriliyor; aramayı daraltın.', en: 'Showing the first {n} results; narrow the search.' },
  naceNone: { tr: 'Listede eşleşen kod yok.', en: 'No matching code in the list.' },
  naceCode: { tr: 'Kod', en: 'Code' },
  naceClass: { tr: 'Tehlike sınıfı', en: 'Hazard class' },
  naceActivity: { tr: 'Faaliyet', en: 'Activity' },
  naceClassUnknown: { tr: 'Listede sınıf yok', en: 'No class in the list' },

  // calculator
  calcTitle: { tr: 'Asgari süre hesaplayıcı', en: 'Minimum service calculator' },
  calcRole: { tr: 'Görev', en: 'Role' },
  calcHazard: { tr: 'Tehlike sınıfı', en: 'Hazard class' },
  calcEmployees: { tr: 'Çalışan sayısı', en: 'Employees' },
  calcEmpty: { tr: 'Çalışan sayısını girin.', en: 'Enter the number of employees.' },
  calcNegative: { tr: 'Çalışan sayısı negatif olamaz.', en: 'The number of employees cannot be negative.' },
  calcNotNumber: {
    tr: 'Çalışan sayısı bir tam sayı olmalı (ör. 600); “{value}” okunamadı.',
    en: 'The number of employees must be a whole number (e.g. 600); “{value}” cannot be read.',
  },
  calcFullTime: { tr: 'Tam süreli', en: 'Full-time' },
  calcMinutes: { tr: 'Kısmi süreli dakika / ay', en: 'Part-time minutes / month' },
  calcNoFullTime: { tr: 'tam süreli gerekmez ({count} < {threshold})', en: 'no full-time professional needed ({count} < {threshold})' },
  calcExplainHead: { tr: '{count} çalışan, {hazard}, {role}: ', en: '{count} employees, {hazard}, {role}: ' },
  calcProduct: { tr: '{count} × {rate} dk = {minutes} dk', en: '{count} × {rate} min = {minutes} min' },
  calcSplit: {
    tr: '{count} ÷ {threshold} = {fullTime} tam süreli; kalan {rest} × {rate} dk = {minutes} dk',
    en: '{count} ÷ {threshold} = {fullTime} full-time; remaining {rest} × {rate} min = {minutes} min',
  },
  calcDspNotRequired: {
    tr: 'gerekmez — DSP yalnız Çok Tehlikeli ve en az 10 çalışanlı işyerlerinde istenir.',
    en: 'not required — other health personnel are only required in very hazardous workplaces with at least 10 employees.',
  },
  calcDspBands: {
    tr: 'DSP (yalnız Çok Tehlikeli): 10-49 çalışan 10 dk, 50-249 çalışan 15 dk, 250 ve üzeri 20 dk / çalışan / ay. Tam süreli işyeri hekimi görevlendirilmişse DSP gerekmez.',
    en: 'Other health personnel (very hazardous only): 10-49 employees 10 min, 50-249 15 min, 250 or more 20 min per employee a month. Not required where a full-time physician is assigned.',
  },
  calcFullTimeMonth: {
    tr: 'Bir tam süreli ay 195 saat = {m} dakika sayılır; kısmi süreli dakikalar tam süreli görevlendirmenin yerini tutmaz.',
    en: 'A full-time month counts as 195 hours = {m} minutes; part-time minutes never replace a required full-time professional.',
  },

  // popup
  popupWorkplaces: { tr: 'Sayfadaki işyerleri', en: 'Workplaces on this page' },
  stateEnded: { tr: 'Sona ermiş', en: 'Ended' },
  stateNoProblem: { tr: 'Sorun yok', en: 'No problems' },
  navOptions: { tr: 'Ayarlar', en: 'Options' },
  navSidePanel: { tr: 'Yan panelde aç', en: 'Open in the side panel' },
  navAudit: { tr: 'Denetim', en: 'Audit' },
  popupFindings: { tr: 'Bu sekmedeki bulgular', en: 'Findings on this tab' },
  popupScreen: { tr: 'Ekran: {screen} · {at}', en: 'Screen: {screen} · {at}' },
  popupNotPortal: {
    tr: 'Bu sekmede İSG-KATİP açık değil. Portalda bir sözleşme ekranı açınca bulgular burada görünür.',
    en: 'İSG-KATİP is not open in this tab. Open a contract screen on the portal to see findings here.',
  },
  popupUnrecognised: {
    tr: 'Bu sayfa tanınan bir İSG-KATİP ekranı değil.',
    en: 'This page is not a recognised İSG-KATİP screen.',
  },
  popupPending: { tr: 'Onay bekleyen sözleşmeler', en: 'Contracts awaiting approval' },
  popupPendingNone: { tr: 'Onay bekleyen sözleşme kaydı yok.', en: 'No contract awaiting approval is recorded.' },
  popupOptions: { tr: 'Ayarlar ve işyeri profilleri', en: 'Options and workplace profiles' },
  popupProgress: { tr: 'Kontrol listesi {done}/{total}', en: 'Checklist {done}/{total}' },
  listShowMore: { tr: '{n} tane daha göster ({left} kaldı)', en: 'Show {n} more ({left} left)' },
  listShown: { tr: '{total} kaydın {shown} tanesi gösteriliyor', en: 'Showing {shown} of {total}' },

  // options
  navWorkplaces: { tr: 'İşyerleri', en: 'Workplaces' },
  navRules: { tr: 'Kurallar', en: 'Rules' },
  navTools: { tr: 'Araçlar', en: 'Tools' },
  navData: { tr: 'Verilerim', en: 'My data' },
  navPrivacy: { tr: 'Gizlilik', en: 'Privacy' },
  secDisplay: { tr: 'Görünüm', en: 'Display' },
  secApproval: { tr: 'Onay anı', en: 'The approval moment' },
  confirmBeforeSaveLabel: { tr: 'Kayıt’a basarken hatalı sözleşmede onay iste', en: 'Ask for confirmation when “Kayıt” is pressed on a contract with errors' },
  confirmBeforeSaveHelp: {
    tr: 'Kapalıyken eklenti portalın hiçbir düğmesine karışmaz; açıkken yalnız hatalı sözleşmede bir kez sorar.',
    en: 'While off, the extension never touches the portal’s buttons; while on, it asks once, only on a contract with errors.',
  },
  showPassingLabel: { tr: 'Uygun kayıtları da işaretle', en: 'Mark passing records too' },
  showPassingHelp: {
    tr: 'Kapalıyken yalnız sorunlu hücreler işaretlenir; uygun kayıtlar yan panelde sayı olarak görünür.',
    en: 'While off, only faulty cells are marked; passing records show as a count in the side panel.',
  },
  wpSearch: { tr: 'İşyeri ara (unvan, SGK no, NACE)', en: 'Search workplaces (title, SGK number, NACE)' },
  wpSort: { tr: 'Sırala', en: 'Sort by' },
  wpSortName: { tr: 'Unvan', en: 'Title' },
  wpSortStatus: { tr: 'Durum', en: 'Status' },
  wpSortSeen: { tr: 'Son görülme', en: 'Last seen' },
  wpCount: { tr: '{n} işyeri', en: '{n} workplaces', en1: '1 workplace' },
  wpCountOf: { tr: '{n} / {total} işyeri', en: '{n} of {total} workplaces' },
  wpNoMatch: { tr: '“{q}” ile eşleşen işyeri yok. Aramayı kısaltın veya temizleyin.', en: 'No workplace matches “{q}”. Shorten or clear the search.' },
  wpComplete: { tr: 'Bilgiler tam', en: 'Facts complete' },
  wpMissing: { tr: 'Eksik: {facts}', en: 'Missing: {facts}' },
  wpEmployees: { tr: '{n} çalışan', en: '{n} employees', en1: '1 employee' },
  profilesNoneHelp: {
    tr: 'Portalda İSG-KATİP’in bir sözleşme ekranını açın: gördüğünüz işyerleri burada listelenir. Portalın göstermediği tehlike sınıfı ve çalışan sayısını eklemek için “Yeni işyeri profili”ni kullanın.',
    en: 'Open a contract screen of İSG-KATİP: the workplaces you see are listed here. To add the hazard class and employee count the portal does not show, use “New workplace profile”.',
  },
  profilePrefilled: { tr: 'Form, portal sayfasının gösterdikleriyle dolduruldu; eksikleri tamamlayıp kaydedin.', en: 'The form is filled with what the portal page showed; add what is missing and save.' },
  titlePopup: { tr: 'KATİP Asistanı', en: 'KATİP Assistant' },
  titleOptions: { tr: 'KATİP Asistanı — Ayarlar', en: 'KATİP Assistant — Options' },
  titleSidePanel: { tr: 'KATİP Asistanı — Bulgular', en: 'KATİP Assistant — Findings' },
  optionsTitle: { tr: 'KATİP Asistanı Ayarları', en: 'KATİP Assistant options' },
  skipToContent: { tr: 'İçeriğe geç', en: 'Skip to content' },
  sectionsNav: { tr: 'Bölümler', en: 'Sections' },
  secProfiles: { tr: 'İşyeri profilleri', en: 'Workplace profiles' },
  secRules: { tr: 'Denetlenen kurallar', en: 'Rules checked' },
  secLanguage: { tr: 'Dil', en: 'Language' },
  secPrivacyDisplay: { tr: 'T.C. Kimlik numaraları', en: 'T.C. identity numbers' },
  secNace: { tr: 'NACE kodu ara', en: 'NACE lookup' },
  secCalc: { tr: 'Asgari süre hesaplayıcı', en: 'Minimum calculator' },
  secData: { tr: 'Verileriniz', en: 'Your data' },
  secPrivacy: { tr: 'Gizlilik', en: 'Privacy' },

  profilesIntro: {
    tr: 'Portalın göstermediği bilgileri (tehlike sınıfı, çalışan sayısı) burada girin; kurallar portalda görünmeyen alanlar için bu profili kullanır.',
    en: 'Enter what the portal does not show (hazard class, employee count); the rules use this profile for fields the page does not show.',
  },
  profilesNone: { tr: 'Henüz işyeri yok.', en: 'No workplaces yet.' },
  profileAdd: { tr: 'Yeni işyeri profili', en: 'New workplace profile' },
  profileEditTitle: { tr: 'İşyeri profilini düzenle', en: 'Edit workplace profile' },
  profileNewTitle: { tr: 'Yeni işyeri profili', en: 'New workplace profile' },
  profileTitle: { tr: 'İşyeri unvanı', en: 'Workplace title' },
  profilePublic: { tr: 'Kamu kurumu (DETSİS numarası ile)', en: 'Public institution (DETSİS number)' },
  profileSicil: { tr: 'SGK işyeri sicil numarası (26 hane)', en: 'SGK workplace number (26 digits)' },
  profileDetsis: { tr: 'DETSİS numarası', en: 'DETSİS number' },
  profileNace: { tr: 'NACE kodu (xx.xx.xx)', en: 'NACE code (xx.xx.xx)' },
  profileHazard: { tr: 'Tehlike sınıfı', en: 'Hazard class' },
  profileHazardNone: { tr: '— seçin —', en: '— choose —' },
  profileEmployees: { tr: 'Çalışan sayısı', en: 'Employees' },
  profileSeenAt: { tr: 'portalda görüldü {at}', en: 'seen on the portal {at}' },
  profileHasProfile: { tr: 'profil girildi', en: 'profile entered' },
  profileSaved: { tr: 'Profil kaydedildi.', en: 'Profile saved.' },
  profileDeleted: { tr: 'Profil silindi.', en: 'Profile deleted.' },
  profileDeleteConfirm: {
    tr: '“{title}” profili silinsin mi? Portalda görülen bilgiler kalır.',
    en: 'Delete the profile “{title}”? What was seen on the portal stays.',
  },
  profileDeleteYes: { tr: 'Evet, profili sil', en: 'Yes, delete the profile' },
  errTitleRequired: { tr: 'İşyeri unvanını girin.', en: 'Enter the workplace title.' },
  errIdRequired: {
    tr: 'SGK işyeri sicil numarasını (kamu kurumları için DETSİS numarasını) girin.',
    en: 'Enter the SGK workplace number (the DETSİS number for public institutions).',
  },
  errSicil: {
    tr: 'SGK işyeri sicil numarası 26 haneli olmalı; girilen {n} hane.',
    en: 'The SGK workplace number must have 26 digits; {n} entered.',
  },
  errSicilChars: {
    tr: 'SGK işyeri sicil numarasında yalnız rakam (ve boşluk, nokta, tire) olabilir.',
    en: 'The SGK workplace number may only hold digits (and spaces, dots, dashes).',
  },
  errDetsis: { tr: 'DETSİS numarası yalnız rakamlardan oluşmalı.', en: 'The DETSİS number must be digits only.' },
  errNaceMalformed: {
    tr: 'NACE kodu altı haneli ve xx.xx.xx biçiminde olmalı (ör. 43.22.01).',
    en: 'The NACE code must have six digits written xx.xx.xx (e.g. 43.22.01).',
  },
  errNaceNotListed: {
    tr: '{code} kodu Tehlike Sınıfları Tebliği listesinde yok. Kodu NACE aramasıyla kontrol edin.',
    en: 'The code {code} is not in the Tebliğ list. Check it with the NACE lookup.',
  },
  naceFound: { tr: 'Listede: {activity} ({hazard})', en: 'In the list: {activity} ({hazard})' },
  hazardFromNace: { tr: 'Tehlike sınıfı NACE kodundan dolduruldu: {hazard}.', en: 'Hazard class filled from the NACE code: {hazard}.' },
  hazardOverride: {
    tr: 'Seçtiğiniz tehlike sınıfı ({chosen}), NACE kodunun listedeki sınıfından ({listed}) farklı. Tehlike sınıfı işyerinin ana faaliyetine göre belirlenir (6331 sayılı Kanun m. 9/2).',
    en: 'The hazard class you chose ({chosen}) differs from the list’s class for the NACE code ({listed}). The hazard class follows the main activity (Law 6331 Art. 9(2)).',
  },
  errEmployees: {
    tr: 'Çalışan sayısı negatif olmayan bir tam sayı olmalı (ör. 45).',
    en: 'The number of employees must be a non-negative whole number (e.g. 45).',
  },
  formHasErrors: { tr: 'Formda {n} hata var; lütfen düzeltin.', en: 'The form has {n} errors; please fix them.' },

  rulesIntro: {
    tr: 'Kapattığınız kurallar portal sayfalarında ve açılır pencerede denetlenmez.',
    en: 'Rules you switch off are not checked on portal pages or in the popup.',
  },
  ruleEnabled: { tr: 'Açık', en: 'On' },
  ruleDisabled: { tr: 'Kapalı', en: 'Off' },
  settingsSaved: { tr: 'Ayar kaydedildi.', en: 'Setting saved.' },

  languageLabel: { tr: 'Arayüz dili', en: 'Interface language' },
  langTr: { tr: 'Türkçe', en: 'Turkish (Türkçe)' },
  langEn: { tr: 'İngilizce (English)', en: 'English' },
  showTcknLabel: { tr: 'T.C. Kimlik numaralarını tam göster', en: 'Show T.C. identity numbers in full' },
  showTcknHelp: {
    tr: 'Kapalıyken numaralar maskelenir (ör. 123******50).',
    en: 'While off, numbers are masked (e.g. 123******50).',
  },

  dataIntro: {
    tr: 'Kayıtlarınızı yedekleyin, başka bir tarayıcıya taşıyın veya silin.',
    en: 'Back up your records, move them to another browser, or delete them.',
  },
  exportBackup: { tr: 'Yedeği indir (JSON)', en: 'Download backup (JSON)' },
  exportCsv: { tr: 'Görevlendirmeleri indir (CSV)', en: 'Download assignments (CSV)' },
  exported: { tr: '{file} indirildi.', en: '{file} downloaded.' },
  importLabel: { tr: 'Yedek dosyasını içe aktar', en: 'Import a backup file' },
  importChoose: { tr: 'Dosya seçin…', en: 'Choose a file…' },
  importNoFile: { tr: 'Dosya seçilmedi', en: 'No file chosen' },
  importPreview: { tr: 'İçe aktarılacaklar', en: 'What the import does' },
  importTable: { tr: 'Tablo', en: 'Table' },
  importAdd: { tr: 'Eklenecek', en: 'To add' },
  importChange: { tr: 'Değişecek', en: 'To change' },
  importUnchanged: { tr: 'Değişmeyecek kayıt: {n}', en: 'Records unchanged: {n}' },
  importConfirm: { tr: 'İçe aktarmayı onayla', en: 'Confirm the import' },
  importDone: { tr: 'İçe aktarma tamamlandı.', en: 'Import complete.' },
  importFailed: { tr: 'İçe aktarılamadı; hiçbir şey değişmedi. {detail}', en: 'Import failed; nothing was changed. {detail}' },
  importUnreadable: { tr: 'Dosya okunamadı.', en: 'The file could not be read.' },
  tableWorkplaces: { tr: 'İşyerleri', en: 'Workplaces' },
  tableAssignments: { tr: 'Görevlendirmeler', en: 'Assignments' },
  tableHistory: { tr: 'Geçmiş kayıtları', en: 'History entries' },
  tableChecklists: { tr: 'Kontrol listeleri', en: 'Checklists' },
  tableSettings: { tr: 'Ayarlar', en: 'Settings' },
  tableAuditSnapshots: { tr: 'Kayıtlı denetimler (Denetim sayfası)', en: 'Saved audits (Audit page)' },
  deleteAll: { tr: 'Tüm verileri sil', en: 'Delete everything' },
  deleteAllConfirm: {
    tr: 'İşyerleri, görevlendirmeler, geçmiş, kontrol listeleri, kayıtlı denetimler ve ayarlar bu tarayıcıdan kalıcı olarak silinecek. Emin misiniz? Önce yedek almanız önerilir.',
    en: 'Workplaces, assignments, history, checklists, saved audits and settings will be deleted from this browser for good. Are you sure? Download a backup first.',
  },
  deleteAllYes: { tr: 'Evet, hepsini sil', en: 'Yes, delete everything' },
  deleteAllDone: { tr: 'Tüm veriler silindi.', en: 'All data deleted.' },

  privacyText1: {
    tr: 'Saklananlar: işyerleri (portalda görülen ve sizin girdiğiniz profiller), görevlendirmeler, durum değişikliği geçmişi, onay kontrol listeleri ve ayarlar.',
    en: 'What is stored: workplaces (as seen on the portal and the profiles you enter), assignments, the history of state changes, approval checklists and settings.',
  },
  privacyText2: {
    tr: 'Nerede: yalnız bu tarayıcıdaki eklenti deposunda (IndexedDB). Hiçbir veri bir yere gönderilmez.',
    en: 'Where: only in this browser’s extension storage (IndexedDB). Nothing is sent anywhere.',
  },
  privacyText3: {
    tr: 'Eklenti hiçbir ağ isteği yapmaz, portal oturumunuzu (çerez, belirteç) okumaz ve portala hiçbir şey yazmaz; yalnız ekranda görünen metni okur.',
    en: 'The extension makes no network requests, never reads your portal session (cookies, tokens) and writes nothing to the portal; it only reads the text shown on screen.',
  },

  // extension pages: the bug-report snapshot, the page's notes, what the tab report left out
  snapshotButton: { tr: 'Bu sayfayı hata bildirimi için kaydet', en: 'Save this page for a bug report' },
  snapshotBusy: { tr: 'Sayfa kaydediliyor…', en: 'Saving the page…' },
  snapshotDone: { tr: '{file} indirildi.', en: '{file} downloaded.' },
  snapshotReplaced: {
    tr: 'Kişisel veriler sahteleriyle değiştirildi: {tckn} T.C. Kimlik No, {sicil} SGK sicil no, {names} ad; betikler çıkarıldı.',
    en: 'Personal data replaced by fake values: {tckn} T.C. identity numbers, {sicil} SGK numbers, {names} names; scripts removed.',
  },
  snapshotFrames: { tr: 'Çerçeveler: {inlined} eklendi, {skipped} eklenemedi (başka site).', en: 'Frames: {inlined} included, {skipped} left out (another site).' },
  snapshotFailed: {
    tr: 'Sayfa kaydedilemedi: sayfa yanıt vermedi. Sayfayı yenileyip yeniden deneyin.',
    en: 'The page could not be saved: it did not answer. Reload the page and try again.',
  },
  snapshotHelp: {
    tr: 'Dosya bu bilgisayarda hazırlanır ve hiçbir yere gönderilmez; hata bildirimine siz eklersiniz.',
    en: 'The file is made on this computer and sent nowhere; you attach it to the bug report yourself.',
  },
  notesTitle: { tr: 'Sayfa hakkında notlar', en: 'Notes about this page' },
  notesMore: { tr: '{n} not daha yan panelde.', en: '{n} more notes in the side panel.', en1: '1 more note in the side panel.' },
  moreRecords: { tr: '… ve {n} kayıt daha (toplam {total}), listelenmedi.', en: '… and {n} more records ({total} in all), not listed.', en1: '… and 1 more record ({total} in all), not listed.' },
  moreRecordErrors: { tr: 'Listelenmeyenler dahil {n} kayıtta hata var.', en: 'Counting those not listed, {n} records have errors.', en1: 'Counting those not listed, 1 record has errors.' },
  moreFindings: { tr: '{n} bulgu daha, listelenmedi.', en: '{n} more findings, not listed.', en1: '1 more finding, not listed.' },
} satisfies Record<string, Pair>;

const STRINGS = { ...PAGE_STRINGS, ...UI_STRINGS };

export type StringKey = keyof typeof STRINGS;

/**
 * The UI text for a key in a language, with `{name}` placeholders filled in; numbers are written
 * the language's way, and English takes the singular text when `{n}` is 1.
 */
export function t(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  return fill(STRINGS[key], lang, vars);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const EN_DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * An ISO timestamp in local time: "22.11.2026 10:41" in Turkish, "22 Nov 2026, 10:41" in English;
 * text that is not a date comes back unchanged.
 */
export function formatLocalDateTime(iso: string, lang: Lang = 'tr'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang === 'en') return EN_DATE_TIME.format(d);
  return `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Masks every T.C. Kimlik No-like run of 11 digits inside a text ("… 12345678950 …" → "… 123******50 …"). */
export function maskTcknsIn(text: string, mask: (tckn: string) => string): string {
  return text.replace(/(?<!\d)[1-9]\d{10}(?!\d)/g, (m) => mask(m));
}

/** The portal screens' names (PAGE-CONTRACT.md), as the popup shows them. */
export const SCREEN_LABELS: Record<string, Pair> = {
  'old-contracts': { tr: 'Sözleşmeler (eski arayüz)', en: 'Contracts (old interface)' },
  'old-approval': { tr: 'Sözleşme onay formu (eski arayüz)', en: 'Contract approval form (old interface)' },
  'old-workplace-select': { tr: 'İşyeri seçimi (eski arayüz)', en: 'Workplace selection (old interface)' },
  'new-contracts': { tr: 'İSG hizmet sözleşmeleri', en: 'OHS service contracts' },
  'new-contract-form': { tr: 'Sözleşme bilgileri formu', en: 'Contract entry form' },
  'public-institutions': { tr: 'Kamu kurumları listesi', en: 'Public institutions list' },
};

export function screenLabel(lang: Lang, screen: string): string {
  return SCREEN_LABELS[screen]?.[lang] ?? screen;
}
