// ONE column vocabulary for every source of contract facts: the DOM lists (old grid, new lists),
// the JSON the page itself receives, and the portal's Excel export. Labels come from
// PORTAL-EVIDENCE.md (list / export headers, page JSON keys), seed 002 and seed 003.
//
// Public API (imported by the DOM readers, the page-JSON reader and the Excel export reader):
//
//   CONTRACT_VOCABULARY()                the compiled vocabulary of ContractField (built on first call)
//   matchColumns(labels, spec, opts?)    header labels → { fields[i] (ContractField | undefined),
//                                        ambiguous (fields two columns tie for: read neither),
//                                        unplaced (labels that name no field) }
//   contractRecordFromValues(values)     field texts → PageRecord (kind 'assignment'); the ONE mapping
//                                        from texts to a record. Garbage or huge values leave the
//                                        fact absent and never drop the record.
//   contractValuesFromJson(row)          one row of the page's JSON (`body.tableData[i]` of the
//                                        contract list, "hizmet-sozlesmesi-surec-view") → the same
//                                        values shape, codes turned into the texts the parsers read.
//                                        Not for the professionals' list ("personel-sozlesmesi-surec":
//                                        its calismaSuresi is a capacity, not a contract's minutes).
//   foldColumnLabel(text)                a label folded for matching ("Grv. Başlama Trh." =
//                                        "Görevlendirme Başlama Tarihi")
//   compileVocabulary(columns)           a vocabulary of your own fields (same matching rules)
//
// Matching is by whole label: an exact folded label beats all-words (same words, any order), which
// beats partial (every word of a synonym of two or more words is in the label; more words matched is
// closer). Party words must agree: a label naming "Hizmet Alan" (the workplace), "Hizmet Veren" /
// "OSGB" (the provider), "Görevlendirilen" (the professional) or "Onaylayan" (the approver) only
// matches fields of that party, so a provider's title or number is never read as the workplace's.
// A column goes to the field it matches best; two columns tying for one field make it ambiguous and
// neither is read (the record then says the fact is missing), never "first wins".
import type { PageRecord } from '@/utils/record-types';
import { lazy } from '@/utils/lazy';
import {
  digitsOnly,
  foldLabel,
  foldTurkish,
  formatTurkishDate,
  INVISIBLE_CHARS,
  normalizeSpaces,
  parseApprovalState,
  parseContractState,
  parseCount,
  parseEmployment,
  parsePersonnel,
  parseTurkishDate,
  type Personnel,
} from '@/utils/domain/core';

// ---------------------------------------------------------------------------------------------
// Folding labels

/**
 * Abbreviations and suffix variants the portal uses in labels, folded (foldLabel) → one canonical
 * word: "Grv. Başlama Trh." and "Görevlendirme Başlama Tarihi" both become
 * "gorevlendirme baslama tarih".
 */
const LABEL_WORDS: Record<string, string> = {
  grv: 'gorevlendirme',
  gorv: 'gorevlendirme',
  trh: 'tarih',
  tarihi: 'tarih',
  ayl: 'aylik',
  cls: 'calisma',
  clsm: 'calisma',
  fzl: 'fazla',
  dk: 'dakika',
  adi: 'ad',
  soyadi: 'soyad',
  unvani: 'unvan',
  kodu: 'kod',
  sinifi: 'sinif',
  sayisi: 'sayi',
  turu: 'tur',
  tipi: 'tip',
  durumu: 'durum',
  numarasi: 'no',
  numara: 'no',
  nu: 'no',
  ilcesi: 'ilce',
  ili: 'il',
  adresi: 'adres',
  statusu: 'statu',
  status: 'statu',
  suresi: 'sure',
  periyodu: 'periyot',
  periyod: 'periyot',
  kategorisi: 'kategori',
  // seed 002's OCR of "Süreç"
  sirac: 'surec',
};

/** Most characters a label may have to be matched (longer header texts are not labels). */
export const MAX_LABEL_CHARS = 80;

/** A label folded for column matching: foldLabel, "T.C." and "İş Yeri" joined, abbreviations expanded. */
export function foldColumnLabel(text: string): string {
  const words = foldLabel(text.length > MAX_LABEL_CHARS * 4 ? text.slice(0, MAX_LABEL_CHARS * 4) : text)
    .replace(/\bt c\b/g, 'tc')
    .replace(/\bis yeri\b/g, 'isyeri')
    .split(' ')
    .filter((w) => w !== '');
  return words.map((w) => LABEL_WORDS[w] ?? w).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Vocabularies

/** Who a column is about, when its label says so. */
export type Party = 'workplace' | 'provider' | 'person' | 'approver';

const PARTY_WORDS: [RegExp, Party][] = [
  [/\bhizmet alan\b/, 'workplace'],
  [/\bhizmet veren\b|\bosgb\b/, 'provider'],
  [/\bgorevlendirilen\b|\bsozlesme yapilan\b/, 'person'],
  [/\bonaylayan\b/, 'approver'],
];

/** The party a folded label names, undefined when none (or more than one: then it is no field's). */
function partyOf(folded: string): Party | undefined | null {
  let found: Party | undefined;
  for (const [re, party] of PARTY_WORDS) {
    if (!re.test(folded)) continue;
    if (found && found !== party) return null;
    found = party;
  }
  return found;
}

export interface VocabularyColumn<F extends string> {
  field: F;
  /** the labels as the portal writes them (any case, abbreviated or not) */
  labels: readonly string[];
  /** the party the field is about; a label naming another party never matches it */
  party?: Party;
}

interface CompiledLabel {
  folded: string;
  words: string[];
}

export interface Vocabulary<F extends string> {
  columns: readonly { field: F; party?: Party; labels: CompiledLabel[] }[];
  /** folded label → its best fields and score, worked out once */
  memo: Map<string, { fields: F[]; score: number }>;
}

export function compileVocabulary<F extends string>(columns: readonly VocabularyColumn<F>[]): Vocabulary<F> {
  return {
    columns: columns.map((c) => ({
      field: c.field,
      ...(c.party ? { party: c.party } : {}),
      labels: c.labels.map((l) => {
        const folded = foldColumnLabel(l);
        return { folded, words: folded.split(' ') };
      }),
    })),
    memo: new Map(),
  };
}

const EXACT = 300;
const ALL_WORDS = 200;
const PARTIAL = 100;

/** Words that say whose or what kind a column is, not which fact: they never make a partial match alone. */
const FILLER_WORDS = new Set(['gorevlendirilen', 'kisi', 'hizmet', 'alan', 'veren', 'isyeri', 'sozlesme', 'kurum']);

function scoreLabel(folded: string, words: Set<string>, synonym: CompiledLabel): number {
  if (folded === synonym.folded) return EXACT;
  let content = 0;
  for (const w of synonym.words) {
    if (!words.has(w)) return 0;
    if (!FILLER_WORDS.has(w)) content++;
  }
  if (words.size === new Set(synonym.words).size) return ALL_WORDS;
  // a synonym of one word ("Durum", "Unvan", "Sözleşme ID") names a column only when it is the whole
  // label; a partial match needs two words that name the fact, more of them is closer
  return content >= 2 ? PARTIAL + content : 0;
}

/** The fields a folded label matches best (several when they tie) and the score; none: score 0. */
export function bestFields<F extends string>(folded: string, spec: Vocabulary<F>): { fields: F[]; score: number } {
  const memo = spec.memo.get(folded);
  if (memo) return memo;
  let best: { fields: F[]; score: number } = { fields: [], score: 0 };
  const party = folded === '' ? null : partyOf(folded);
  if (party !== null) {
    const words = new Set(folded.split(' '));
    for (const col of spec.columns) {
      if (party !== undefined && col.party !== party) continue;
      let score = 0;
      for (const synonym of col.labels) score = Math.max(score, scoreLabel(folded, words, synonym));
      if (score === 0 || score < best.score) continue;
      if (score > best.score) best = { fields: [col.field], score };
      else if (!best.fields.includes(col.field)) best.fields.push(col.field);
    }
  }
  if (spec.memo.size > 5000) spec.memo.clear();
  spec.memo.set(folded, best);
  return best;
}

export interface ColumnMatchResult<F extends string> {
  /** per header index: the field its column holds, undefined when none (or ambiguous) */
  fields: (F | undefined)[];
  /** fields that two columns tie for: neither is read */
  ambiguous: F[];
  /** labels (as given, spaces collapsed) that name no field, or lost their field to a closer column */
  unplaced: string[];
}

export interface MatchOptions {
  /** labels already folded with foldColumnLabel (the grid reader folds once per header) */
  folded?: boolean;
  /** per index: the column is hidden; a hidden column loses a tie to a visible one */
  hidden?: readonly boolean[];
  /** give up (match nothing) for more labels than this: no portal grid has hundreds of columns */
  maxLabels?: number;
}

/**
 * Which field each header label names. A label goes to the field it matches best (exact >
 * all-words > partial, party words agreeing); a label tying between two fields names neither;
 * two columns tying for one field make it `ambiguous` and neither is read.
 */
export function matchColumns<F extends string>(
  labels: readonly string[],
  spec: Vocabulary<F>,
  opts: MatchOptions = {},
): ColumnMatchResult<F> {
  const fields: (F | undefined)[] = new Array<F | undefined>(labels.length).fill(undefined);
  const unplaced: string[] = [];
  const ambiguous: F[] = [];
  if (labels.length > (opts.maxLabels ?? 500)) return { fields, ambiguous, unplaced: [] };
  const claims = new Map<F, { index: number; score: number }[]>();
  const scores: number[] = [];
  labels.forEach((label, i) => {
    const folded = opts.folded ? label : foldColumnLabel(label);
    const best = folded === '' ? { fields: [], score: 0 } : bestFields(folded, spec);
    const score = best.score - (opts.hidden?.[i] ? 1 : 0) * 0.5;
    scores[i] = score;
    if (best.fields.length !== 1) return;
    const field = best.fields[0]!;
    const list = claims.get(field) ?? [];
    list.push({ index: i, score });
    claims.set(field, list);
  });
  for (const [field, list] of claims) {
    const top = Math.max(...list.map((c) => c.score));
    const winners = list.filter((c) => c.score === top);
    if (winners.length > 1) ambiguous.push(field);
    else fields[winners[0]!.index] = field;
  }
  labels.forEach((label, i) => {
    if (fields[i] === undefined && label.trim() !== '') unplaced.push(normalizeSpaces(label));
  });
  return { fields, ambiguous, unplaced };
}

// ---------------------------------------------------------------------------------------------
// The contract vocabulary

export const WORKPLACE_FIELDS = [
  'workplaceId',
  'sicilNo',
  'detsisNo',
  'sicilOrDetsis',
  'title',
  'province',
  'naceText',
  'hazardText',
  'employees',
] as const;
export type WorkplaceField = (typeof WORKPLACE_FIELDS)[number];

export const CONTRACT_FIELDS = [
  'processId',
  'portalId',
  'contractName',
  'autoUpdate',
  'tckn',
  'personName',
  'certificateType',
  'certificateNo',
  'assignmentType',
  'contractType',
  'employment',
  'minutes',
  'overtime',
  'period',
  'contractState',
  'approval',
  'personApproval',
  'workplaceApproval',
  'startDate',
  'endDate',
  'approvedBy',
  'portalVerdict',
  ...WORKPLACE_FIELDS,
] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

export type ContractValues = Partial<Record<ContractField, string>>;

/** The workplace's columns, as the new lists, the export and the public-institution list label them. */
export const WORKPLACE_COLUMNS: readonly VocabularyColumn<WorkplaceField>[] = [
  { field: 'workplaceId', party: 'workplace', labels: ['Hizmet Alan İşyeri ID', 'İşyeri ID'] },
  {
    field: 'sicilNo',
    party: 'workplace',
    labels: ['SGK Sicil No', 'SGK İşyeri Sicil No', 'İşyeri Sicil No', 'SGK Sicil Numarası', 'Sicil No', 'Hizmet Alan İşyeri SGK Sicil No'],
  },
  { field: 'detsisNo', party: 'workplace', labels: ['DETSİS No', 'DETSİS Numarası', 'DETSİS', 'Hizmet Alan İşyeri DETSİS No'] },
  {
    field: 'sicilOrDetsis',
    party: 'workplace',
    labels: ['SGK/DETSİS No', 'SGK Sicil No / DETSİS No', 'Sicil No / DETSİS No', 'Hizmet Alan İşyeri SGK/DETSİS No'],
  },
  {
    field: 'title',
    party: 'workplace',
    labels: ['İşyeri Unvanı', 'İşyeri Adı', 'Kurum Unvanı', 'Kurum Adı', 'Kuruluş Unvanı', 'Unvan', 'Unvanı', 'Hizmet Alan İşyeri Unvanı', 'Hizmet Alan İşyeri Adı'],
  },
  { field: 'province', party: 'workplace', labels: ['İşyeri İli', 'Hizmet Alan İşyeri İli'] },
  { field: 'naceText', party: 'workplace', labels: ['NACE Kodu', 'NACE', 'İşyeri NACE Kodu', 'Hizmet Alan İşyeri NACE Kodu'] },
  { field: 'hazardText', party: 'workplace', labels: ['Tehlike Sınıfı', 'İşyeri Tehlike Sınıfı', 'Hizmet Alan İşyeri Tehlike Sınıfı'] },
  {
    field: 'employees',
    party: 'workplace',
    labels: ['Çalışan Sayısı', 'Toplam Çalışan Sayısı', 'İşyeri Çalışan Sayısı', 'Hizmet Alan İşyeri Çalışan Sayısı'],
  },
];

/**
 * Every contract column: the new list and its export (PORTAL-EVIDENCE.md, seed 002) and the old
 * "Sözleşmeler" grid (seed 003: Adı Soyadı, Grv. Türü, Personel Kategorisi Adı, Çalışma Şekli,
 * Grv. Başlama Trh., Çalışma Durumu, Grv. Ayrılış Trh., Grv. Onay Durumu).
 */
export const CONTRACT_COLUMNS: readonly VocabularyColumn<ContractField>[] = [
  { field: 'processId', labels: ['Sözleşme Süreç ID', 'Süreç ID'] },
  { field: 'portalId', labels: ['Sözleşme ID', 'Sözleşme No', 'Görevlendirme ID', 'Grv. ID', 'Görevlendirme No'] },
  { field: 'contractName', labels: ['Sözleşme Adı'] },
  { field: 'autoUpdate', labels: ['Otomatik Güncelleme Onay İzni Var mı', 'Otomatik Güncelleme Onay İzni'] },
  {
    field: 'tckn',
    party: 'person',
    labels: ['Görevlendirilen Kişi TC Kimlik No', 'TC Kimlik No', 'T.C. Kimlik Numarası', 'TCKN', 'Kimlik No'],
  },
  {
    field: 'personName',
    party: 'person',
    labels: [
      'Görevlendirilen Kişi Ad Soyad',
      'Görevlendirilen Kişi',
      'Ad Soyad',
      'Adı ve Soyadı',
      'Personel Adı Soyadı',
      'İSG Profesyoneli Ad Soyad',
    ],
  },
  {
    field: 'certificateType',
    party: 'person',
    labels: [
      'Görevlendirilen Kişi Sertifika Tipi',
      'Sertifika Tipi',
      'Sertifika Türü',
      'Görevler',
      'Personel Kategorisi Adı',
      'Personel Kategorisi',
      'Kategori Adı',
      'Personel Kategori',
    ],
  },
  { field: 'certificateNo', party: 'person', labels: ['Görevlendirilen Kişi Sertifika No', 'Sertifika No', 'Sertifika Numarası'] },
  { field: 'assignmentType', labels: ['Grv. Türü', 'Görevlendirme Türü', 'Görev Türü'] },
  { field: 'contractType', labels: ['Sözleşme Tipi', 'Sözleşme Türü'] },
  { field: 'employment', labels: ['Çalışma Şekli', 'Çalışma Türü', 'Görevlendirme Tipi', 'Görevlendirme Şekli'] },
  {
    field: 'minutes',
    labels: ['Çalışma Süresi', 'Çalışma Süresi (Dakika)', 'Çalışma Süresi (Dk)', 'Ayl. Çlş. Süresi (Dk)', 'Aylık Çalışma Süresi'],
  },
  { field: 'overtime', labels: ['Ayl. Fzl. Mesai Süresi (Dk)', 'Aylık Fazla Mesai Süresi', 'Fazla Mesai Süresi'] },
  { field: 'period', labels: ['Çalışma Periyodu'] },
  {
    field: 'contractState',
    labels: ['Sözleşme Statü', 'Sözleşme Durumu', 'Statü', 'Durum', 'Çalışma Durumu', 'Sözleşme Statüsü'],
  },
  { field: 'approval', labels: ['Onay Durumu', 'Sözleşme Onay Durumu', 'Grv. Onay Durumu', 'Görevlendirme Onay Durumu'] },
  { field: 'personApproval', party: 'person', labels: ['Görevlendirilen Kişi Onay Durumu'] },
  { field: 'workplaceApproval', party: 'workplace', labels: ['Hizmet Alan İşyeri Onay Durumu'] },
  {
    field: 'startDate',
    labels: ['Sözleşme Başlangıç Tarihi', 'Başlangıç Tarihi', 'Başlama Tarihi', 'Grv. Başlama Trh.', 'Görevlendirme Başlama Tarihi'],
  },
  { field: 'endDate', labels: ['Sözleşme Bitiş Tarihi', 'Bitiş Tarihi', 'Grv. Ayrılış Trh.', 'Görevlendirme Ayrılış Tarihi', 'Ayrılış Tarihi'] },
  { field: 'approvedBy', party: 'approver', labels: ['Onaylayan Kişi Ad Soyad', 'Onaylayan Kişi', 'Onaylayan'] },
  { field: 'portalVerdict', labels: ['Sözleşme Mevzuata Uygun mu', 'Mevzuata Uygun mu', 'Mevzuata Uygun'] },
  ...WORKPLACE_COLUMNS,
];

/** Compiled on first use (utils/lazy.ts): the export reader, the page-JSON reader. */
export const CONTRACT_VOCABULARY: () => Vocabulary<ContractField> = lazy(() => compileVocabulary(CONTRACT_COLUMNS));

// ---------------------------------------------------------------------------------------------
// Texts → record

/**
 * Remembers a pure text parser's answers: a list repeats the same few texts (roles, states, dates)
 * on thousands of rows. The memory is dropped whole when it grows past `max`.
 */
export function memoize<T>(parse: (text: string) => T, max = 1000): (text: string) => T {
  const memory = new Map<string, T>();
  return (text) => {
    if (memory.has(text)) return memory.get(text) as T;
    const value = parse(text);
    if (memory.size >= max) memory.clear();
    memory.set(text, value);
    return value;
  };
}

const personnelText = memoize(parsePersonnel);
const employmentText = memoize(parseEmployment);
const contractStateText = memoize(parseContractState);
const approvalText = memoize(parseApprovalState);

/** Longest text a fact keeps (records accept 2,000 characters). */
const MAX_TEXT = 2000;
/** Largest minutes / count a fact may hold: beyond it the text is garbage, not a figure. */
const MAX_FIGURE = 10_000_000;

function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = normalizeSpaces(text.length > MAX_TEXT * 2 ? text.slice(0, MAX_TEXT * 2) : text);
  if (t === '') return undefined;
  return t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t;
}


/** A count or minutes: Turkish number, unit allowed, invisible marks ignored; undefined when garbage or absurd. */
const figureText = memoize((text: string) => {
  const n = parseCount(text.replace(INVISIBLE_CHARS, ''));
  return n !== undefined && Number.isFinite(n) && n <= MAX_FIGURE ? n : undefined;
});
const dateText = memoize((text: string) => parseTurkishDate(text.replace(INVISIBLE_CHARS, '')));

export function figureOf(text: string | undefined): number | undefined {
  if (text === undefined || text.length > 64) return undefined;
  return figureText(text);
}

function dateOf(text: string | undefined): string | undefined {
  if (text === undefined || text.length > 40) return undefined;
  return dateText(text);
}

/** "Evet" → true, "Hayır" → false (any case); anything else → undefined. */
export function parseVerdict(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const f = foldTurkish(text);
  if (f === 'evet' || f === 'e' || f === 'true' || f === 'uygun') return true;
  if (f === 'hayir' || f === 'h' || f === 'false' || f === 'uygun degil') return false;
  return undefined;
}

/** The process-type codes of sozlesmeSurecId (PORTAL-EVIDENCE.md): 103 İGU, 140 İH, 177 DSP. */
const PROCESS_ROLE: Record<string, 'igu' | 'ih' | 'dsp'> = { '103': 'igu', '140': 'ih', '177': 'dsp' };

/**
 * A combined "SGK/DETSİS No" value: 26 digits is an SGK number, a DETSİS number has 8. A run of more
 * than 12 digits that is not 26 is an SGK number written wrong (sicil-malformed says so), not a DETSİS.
 */
const SICIL_MIN_DIGITS = 13;

function withoutEmpty<T extends object>(obj: T): T | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const k in obj) {
    const v: unknown = obj[k];
    if (v !== undefined && v !== '') {
      out[k] = v;
      any = true;
    }
  }
  return any ? (out as T) : undefined;
}

/** The workplace facts of a row's values: texts kept as shown (rules judge them), the employee count parsed. */
export function workplaceFromValues(v: Partial<Record<WorkplaceField, string>>): NonNullable<PageRecord['workplace']> {
  let sicilNo = clip(v.sicilNo);
  let detsisNo = clip(v.detsisNo);
  const both = clip(v.sicilOrDetsis);
  if (both) {
    if (digitsOnly(both).length >= SICIL_MIN_DIGITS) sicilNo ??= both;
    else detsisNo ??= both;
  }
  const employeesShown = clip(v.employees);
  const n = figureOf(employeesShown);
  const employees = n !== undefined && Number.isInteger(n) ? n : undefined;
  return (
    withoutEmpty({
      sicilNo,
      detsisNo,
      title: clip(v.title),
      naceText: clip(v.naceText),
      hazardText: clip(v.hazardText),
      employees,
      employeesText: employees === undefined ? employeesShown : undefined,
    }) ?? {}
  );
}

/** "Aylık" or no period: the minutes are monthly; any other period leaves them unread. */
function monthlyMinutes(minutes: string | undefined, period: string | undefined): number | undefined {
  if (period && !/^ay/.test(foldLabel(period))) return undefined;
  return figureOf(minutes);
}

/** The role and İGU class: the certificate type, else the certificate number ("İGU-123"), else the process code. */
function personnelOf(v: ContractValues): Personnel {
  for (const text of [v.certificateType, v.certificateNo, v.assignmentType]) {
    if (!text || text.length > 200) continue;
    const p = personnelText(text);
    if (p.role) return p;
  }
  const code = v.processId ? PROCESS_ROLE[normalizeSpaces(v.processId)] : undefined;
  return code ? { role: code } : {};
}

function stateOf<T>(text: string | undefined, parse: (t: string) => T | undefined): T | undefined {
  return text && text.length <= 200 ? parse(text) : undefined;
}

/**
 * The record of one contract row, whatever the source (DOM list, page JSON, Excel export). Texts are
 * kept as shown; figures, dates and states parsed; a value that cannot be read leaves its fact
 * absent (the rules then say which fact is missing) and the record is still returned.
 */
export function contractRecordFromValues(values: ContractValues): PageRecord {
  const v: ContractValues = {};
  for (const k in values) {
    const t = clip(values[k as ContractField]);
    if (t !== undefined) v[k as ContractField] = t;
  }
  const personnel = personnelOf(v);
  const approval = v.approval ?? v.workplaceApproval;
  const states = [v.contractState, v.approval, v.workplaceApproval, v.personApproval].filter((s): s is string => !!s);
  const stateText = clip(states.join(' / '));
  const workplace = workplaceFromValues(v);
  const verdict = parseVerdict(v.portalVerdict);
  const assignment = withoutEmpty({
    portalId: v.portalId,
    contractName: v.contractName,
    personName: v.personName,
    tckn: v.tckn,
    role: personnel.role,
    certificateClass: personnel.role === 'igu' ? personnel.certificateClass : undefined,
    certificateText: v.certificateType,
    certificateNo: v.certificateNo,
    employment: stateOf(v.employment ?? v.contractType, employmentText),
    minutes: monthlyMinutes(v.minutes, v.period),
    overtimeMinutes: figureOf(v.overtime),
    startDate: dateOf(v.startDate),
    endDate: dateOf(v.endDate),
    contractState: stateOf(v.contractState, contractStateText),
    approvalState: stateOf(approval, approvalText),
    stateText,
    portalVerdict: verdict,
  });
  const record: PageRecord = { kind: 'assignment' };
  if (assignment) record.assignment = assignment;
  if (Object.keys(workplace).length) record.workplace = workplace;
  return record;
}

// ---------------------------------------------------------------------------------------------
// The page's JSON → values

/** sozlesmeStatu codes (PORTAL-EVIDENCE.md) as the texts parseContractState reads. */
const CONTRACT_STATE_CODES: Record<string, string> = {
  '5000': 'Sözleşme Onay Bekliyor',
  '5001': 'Sözleşme Devam Ediyor',
  '5002': 'Sözleşme Sonlandırıldı',
  '5006': 'Sözleşme Tamamlanmadı',
};
/** sozlesmeOnayDurumu codes as the texts parseApprovalState reads. */
const APPROVAL_CODES: Record<string, string> = { '5003': 'Onay Bekliyor', '5004': 'Onaylandı' };

/**
 * The page's JSON keys whose words name no label of the vocabulary. Every other key of the contract
 * list rows (PORTAL-EVIDENCE.md: sozlesmeId, calismaSuresi, hizmetAlanIsyeriNaceKodu, …) is read by
 * its words, which are the list's column labels ("hizmet Alan Isyeri Nace Kodu").
 */
const JSON_ONLY_KEYS: Readonly<Record<string, ContractField>> = {
  gorevlendirilenKisiTckn: 'tckn',
};

/** "hizmetAlanIsyeriNaceKodu" → "hizmet Alan Isyeri Nace Kodu" (then folded like a label). */
function keyWords(key: string): string {
  return key.replace(/([a-zçğıöşü0-9])([A-ZÇĞİÖŞÜ])/g, '$1 $2').replace(/[_-]+/g, ' ');
}

/** The field a JSON key names (its words matching a label exactly or with all words), or undefined. */
function fieldOfKey(key: string): ContractField | undefined {
  if (Object.prototype.hasOwnProperty.call(JSON_ONLY_KEYS, key)) return JSON_ONLY_KEYS[key];
  if (key.length > 80) return undefined;
  const best = bestFields(foldColumnLabel(keyWords(key)), CONTRACT_VOCABULARY());
  return best.fields.length === 1 && best.score >= ALL_WORDS ? best.fields[0] : undefined;
}

/** fieldOfKey per key, worked out once: every row of a list repeats the same keys. */
const keyFields = memoize(fieldOfKey, 2000);

/** An epoch (ms) or ISO date as "dd.mm.yyyy [HH:mm:ss]", in Turkey's time (UTC+3). */
function jsonDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e14) {
    const d = new Date(value + 3 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return time === '00:00:00' ? date : `${date} ${time}`;
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    // "2024-03-05T00:00:00.000+03:00" → "05.03.2024"
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(s)!;
    const time = m[2] && !/^00:00(:00)?$/.test(m[2]) ? `T${m[2].length === 5 ? `${m[2]}:00` : m[2]}` : '';
    return formatTurkishDate(m[1]! + time);
  }
  return s;
}

/** A JSON scalar as text; objects, arrays and null give nothing. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > MAX_TEXT * 2 ? value.slice(0, MAX_TEXT * 2) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'Evet' : 'Hayır';
  return undefined;
}

/**
 * One row of the page's contract-list JSON as the vocabulary's values: keys by their words through
 * the same vocabulary (exact or all-words only), the few others by JSON_ONLY_KEYS; state codes
 * (sozlesmeStatu 5000/5001/5002/5006, sozlesmeOnayDurumu 5003/5004) as the texts the parsers read;
 * dates as "dd.mm.yyyy". Untrusted input: anything odd is left out, nothing throws.
 */
export function contractValuesFromJson(row: Record<string, unknown>): ContractValues {
  const out: ContractValues = {};
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return out;
  let keys = 0;
  for (const key of Object.keys(row)) {
    if (++keys > 400) break;
    const field = keyFields(key);
    if (!field || out[field] !== undefined) continue;
    const value = row[key];
    let text: string | undefined;
    if (field === 'startDate' || field === 'endDate') text = jsonDate(value);
    else text = scalarText(value);
    if (text === undefined) continue;
    if (field === 'contractState') text = CONTRACT_STATE_CODES[text.trim()] ?? text;
    else if (field === 'approval') text = APPROVAL_CODES[text.trim()] ?? text;
    if (normalizeSpaces(text) === '') continue;
    out[field] = text;
  }
  return out;
}
