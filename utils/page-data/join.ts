// The page's own list answers as a second, independent reader (issue 7 §3): the JSON rows become
// records through the ONE column vocabulary (utils/screens/vocabulary.ts), are joined to the rows
// the table shows by contract id (else T.C. Kimlik No), fill the facts the table does not show
// (employee count, hazard class, NACE, SGK number, the portal's verdict) and say where the table
// and the JSON disagree. Without a recognised table the JSON's records are judged alone and a page
// note says the rows could not be marked.
import { digitsOnly, foldTurkish, normalizeNace, normalizeSpaces, parseHazardClass, ROLE_LABELS } from '@/utils/domain/core';
import { formatNumber, type Lang } from '@/utils/i18n/page';
import { assignmentLabel } from '@/utils/keys';
import type { PageNoteMessage } from '@/utils/messages';
import type { AssignmentFacts, PageRecord, ScreenRead, WorkplaceFacts } from '@/utils/records';
import type { Bilingual } from '@/utils/rules/types';
import { contractRecordFromValues, contractValuesFromJson } from '@/utils/screens/vocabulary';
import type { PageDataAnswerRead } from './receiver';

/** Most records a page report carries (PageReportSchema): JSON-only reads are cut there. */
export const MAX_REPORTED_RECORDS = 5000;
/** Most disagreement notes one scan reports (one per row and fact; the rest are counted). */
const MAX_DIFF_NOTES = 50;

/** A page-level remark about the page's own data (shown with the findings; not a rule). */
export type PageNote = PageNoteMessage;
export type PageNoteId = PageNote['id'];

/** The contract list's rows as records. The professionals' list is not a contract list (its minutes are a capacity). */
export function contractRecordsOf(answer: PageDataAnswerRead | undefined): PageRecord[] {
  if (!answer || answer.endpoint !== 'contracts') return [];
  const out: PageRecord[] = [];
  for (const row of answer.rows) {
    try {
      const record = contractRecordFromValues(contractValuesFromJson(row));
      if (record.assignment || record.workplace) out.push(record);
    } catch {
      // a row the vocabulary cannot read is left out; the others stand
    }
  }
  return out;
}

const idOf = (a: AssignmentFacts | undefined) => (a?.portalId ? normalizeSpaces(a.portalId) : '');
const tcknOf = (a: AssignmentFacts | undefined) => (a?.tckn && !a.tckn.includes('*') ? digitsOnly(a.tckn) : '');

function sameWorkplace(a: WorkplaceFacts | undefined, b: WorkplaceFacts | undefined): boolean {
  if (!a || !b) return true;
  if (a.sicilNo && b.sicilNo) return digitsOnly(a.sicilNo) === digitsOnly(b.sicilNo);
  if (a.title && b.title) return foldTurkish(a.title.replace(/_+/g, ' ')) === foldTurkish(b.title.replace(/_+/g, ' '));
  return true;
}

interface Index {
  byId: Map<string, number[]>;
  byTckn: Map<string, number[]>;
}

function indexRecords(records: readonly PageRecord[]): Index {
  const byId = new Map<string, number[]>();
  const byTckn = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  records.forEach((r, i) => {
    add(byId, idOf(r.assignment), i);
    add(byTckn, tcknOf(r.assignment), i);
  });
  return { byId, byTckn };
}

/**
 * The JSON record of a table row: the one with the row's contract id; a row without an id, by its
 * T.C. Kimlik No when that names one contract (several: the one of the row's workplace and role).
 */
function partnerOf(record: PageRecord, json: readonly PageRecord[], index: Index): number | undefined {
  const id = idOf(record.assignment);
  if (id) {
    const hits = index.byId.get(id);
    return hits?.length === 1 ? hits[0] : undefined;
  }
  const tckn = tcknOf(record.assignment);
  if (!tckn) return undefined;
  let hits = index.byTckn.get(tckn) ?? [];
  if (hits.length > 1) {
    hits = hits.filter((i) => {
      const j = json[i]!;
      const role = record.assignment?.role;
      return sameWorkplace(record.workplace, j.workplace) && (!role || !j.assignment?.role || role === j.assignment.role);
    });
  }
  return hits.length === 1 ? hits[0] : undefined;
}

/** A text fact that is shown but empty counts as not shown: the JSON fills it. */
function shown(value: unknown): boolean {
  return value !== undefined && value !== '';
}

function fill<T extends object>(dom: T | undefined, json: T | undefined, skip: ReadonlySet<string> = new Set()): T | undefined {
  if (!json) return dom;
  const out: Record<string, unknown> = { ...(dom ?? {}) };
  for (const [k, v] of Object.entries(json)) if (!shown(out[k]) && !skip.has(k)) out[k] = v;
  return out as T;
}

interface FactCompare {
  field: string;
  label: Bilingual;
  dom: (r: PageRecord) => unknown;
  same: (a: unknown, b: unknown) => boolean;
  /** how the value is written in the note, in each language */
  show?: (v: unknown, lang: Lang) => string;
}

const eq = (a: unknown, b: unknown) => a === b;
const digitsEq = (a: unknown, b: unknown) => digitsOnly(String(a)) === digitsOnly(String(b));
const foldEq = (a: unknown, b: unknown) => foldTurkish(String(a)) === foldTurkish(String(b));
const YES_NO: Record<Lang, [string, string]> = { tr: ['Evet', 'Hayır'], en: ['Yes', 'No'] };
const yesNo = (v: unknown, lang: Lang) => (v === true ? YES_NO[lang][0] : v === false ? YES_NO[lang][1] : String(v));
/** A value as the note writes it: numbers in the language's format ("1.240" / "1,240"). */
const shownValue = (v: unknown, lang: Lang) => (typeof v === 'number' ? formatNumber(lang, v) : String(v));
/** A label for each known value of an enumerated fact; an unknown value is written as it is. */
const labelled =
  (labels: Record<string, Record<Lang, string>>) =>
  (v: unknown, lang: Lang): string =>
    labels[String(v)]?.[lang] ?? String(v);
const showRole = labelled({
  igu: { tr: ROLE_LABELS.igu.short, en: ROLE_LABELS.igu.en },
  ih: { tr: ROLE_LABELS.ih.short, en: ROLE_LABELS.ih.en },
  dsp: { tr: ROLE_LABELS.dsp.short, en: ROLE_LABELS.dsp.en },
});
const showContractState = labelled({
  active: { tr: 'devam ediyor', en: 'running' },
  ended: { tr: 'sonlandırıldı', en: 'ended' },
  cancelled: { tr: 'iptal', en: 'cancelled' },
});
const showApprovalState = labelled({
  pending: { tr: 'onay bekliyor', en: 'awaiting approval' },
  approved: { tr: 'onaylandı', en: 'approved' },
  rejected: { tr: 'reddedildi', en: 'rejected' },
});

/** The facts compared between a table row and its JSON row (masked names and numbers are not compared). */
const COMPARED: FactCompare[] = [
  { field: 'employees', label: { tr: 'çalışan sayısı', en: 'employee count' }, dom: (r) => r.workplace?.employees, same: eq },
  {
    field: 'hazardText',
    label: { tr: 'tehlike sınıfı', en: 'hazard class' },
    dom: (r) => r.workplace?.hazardText || undefined,
    same: (a, b) => {
      const ca = parseHazardClass(String(a));
      const cb = parseHazardClass(String(b));
      return ca && cb ? ca === cb : foldEq(a, b);
    },
  },
  {
    field: 'naceText',
    label: { tr: 'NACE kodu', en: 'NACE code' },
    dom: (r) => r.workplace?.naceText,
    same: (a, b) => (normalizeNace(String(a)) ?? foldTurkish(String(a))) === (normalizeNace(String(b)) ?? foldTurkish(String(b))),
  },
  { field: 'sicilNo', label: { tr: 'SGK işyeri sicil numarası', en: 'SGK workplace number' }, dom: (r) => r.workplace?.sicilNo, same: digitsEq },
  {
    field: 'tckn',
    label: { tr: 'T.C. Kimlik No', en: 'T.C. identity number' },
    dom: (r) => (r.assignment?.tckn?.includes('*') ? undefined : r.assignment?.tckn),
    same: digitsEq,
    show: () => '…', // never written out in a note
  },
  { field: 'minutes', label: { tr: 'çalışma süresi (dk)', en: 'working minutes' }, dom: (r) => r.assignment?.minutes, same: eq },
  { field: 'role', label: { tr: 'görev (İGU/İH/DSP)', en: 'role' }, dom: (r) => r.assignment?.role, same: eq, show: showRole },
  { field: 'contractState', label: { tr: 'sözleşme statüsü', en: 'contract state' }, dom: (r) => r.assignment?.contractState, same: eq, show: showContractState },
  { field: 'approvalState', label: { tr: 'onay durumu', en: 'approval state' }, dom: (r) => r.assignment?.approvalState, same: eq, show: showApprovalState },
  { field: 'startDate', label: { tr: 'başlangıç tarihi', en: 'start date' }, dom: (r) => r.assignment?.startDate, same: (a, b) => String(a).slice(0, 10) === String(b).slice(0, 10) },
  { field: 'endDate', label: { tr: 'bitiş tarihi', en: 'end date' }, dom: (r) => r.assignment?.endDate, same: (a, b) => String(a).slice(0, 10) === String(b).slice(0, 10) },
  {
    field: 'portalVerdict',
    label: { tr: '"Sözleşme Mevzuata Uygun mu"', en: '"Sözleşme Mevzuata Uygun mu" (portal verdict)' },
    dom: (r) => (r.assignment as { portalVerdict?: boolean } | undefined)?.portalVerdict,
    same: eq,
    show: yesNo,
  },
];

function rowName(record: PageRecord, index: number, lang: Lang): string {
  return assignmentLabel(record.assignment ?? {}, `#${index + 1}`, lang);
}

function differNote(index: number, record: PageRecord, fact: FactCompare, dom: unknown, json: unknown): PageNote {
  const show = fact.show ?? shownValue;
  const [trRow, enRow] = [formatNumber('tr', index + 1), formatNumber('en', index + 1)];
  return {
    id: 'facts-differ',
    recordIndex: index,
    field: fact.field,
    message: {
      tr: `${trRow}. satır (${rowName(record, index, 'tr')}): tablodaki ${fact.label.tr} "${show(dom, 'tr')}", sayfanın aldığı veride "${show(json, 'tr')}". Kayıt tablodaki değerle değerlendirildi.`,
      en: `Row ${enRow} (${rowName(record, index, 'en')}): the table shows ${fact.label.en} "${show(dom, 'en')}", the page's own data says "${show(json, 'en')}". The record was judged with the table's value.`,
    },
  };
}

export interface JoinResult {
  read: ScreenRead;
  notes: PageNote[];
  /** table rows that found their JSON row */
  joined: number;
}

/**
 * The table's rows with the JSON's facts filled in where the table does not show them (the table's
 * own values always win), and a note for every fact the two show differently.
 */
export function joinPageData(read: ScreenRead, json: readonly PageRecord[]): JoinResult {
  if (json.length === 0) return { read, notes: [], joined: 0 };
  const index = indexRecords(json);
  const notes: PageNote[] = [];
  let differing = 0;
  let joined = 0;
  const records = read.records.map((entry, i) => {
    if (entry.record.kind !== 'assignment') return entry;
    const at = partnerOf(entry.record, json, index);
    if (at === undefined) return entry;
    joined++;
    const partner = json[at]!;
    const dom = entry.record;
    for (const fact of COMPARED) {
      const d = fact.dom(dom);
      const j = fact.dom(partner);
      if (d === undefined || j === undefined || fact.same(d, j)) continue;
      if (notes.length < MAX_DIFF_NOTES) notes.push(differNote(i, dom, fact, d, j));
      differing++;
    }
    // an employee count shown as text the table could not read: the JSON's number is not put over it
    const skipWorkplace = new Set(dom.workplace?.employeesText !== undefined ? ['employees'] : []);
    const workplace = fill(dom.workplace, partner.workplace, skipWorkplace);
    const assignment = fill(dom.assignment, partner.assignment);
    const record: PageRecord = { ...dom };
    if (workplace) record.workplace = workplace;
    if (assignment) record.assignment = assignment;
    return { ...entry, record };
  });
  if (differing > notes.length) {
    const more = differing - notes.length;
    notes.push({
      id: 'facts-differ',
      message: {
        tr: `Tablo ile sayfanın aldığı veri ${formatNumber('tr', more)} değerde daha farklı.`,
        en: more === 1 ? `The table and the page's own data differ in 1 more value.` : `The table and the page's own data differ in ${formatNumber('en', more)} more values.`,
      },
    });
  }
  return { read: { ...read, records }, notes, joined };
}

/**
 * No table was recognised but the page received its list: the JSON's records judged alone, each on a
 * detached stand-in element (nothing in the page is marked), with a note saying so.
 */
export function pageDataOnlyRead(doc: Document, json: readonly PageRecord[], answer: PageDataAnswerRead): JoinResult | undefined {
  if (json.length === 0) return undefined;
  const kept = json.slice(0, MAX_REPORTED_RECORDS);
  const notes: PageNote[] = [
    {
      id: 'rows-not-marked',
      message: {
        tr: `Sayfadaki tablo tanınamadı: sayfanın aldığı ${formatNumber('tr', kept.length)} sözleşme kaydı değerlendirildi, ancak satırlar işaretlenemedi.`,
        en: `The table on this page was not recognised: the ${formatNumber('en', kept.length)} contract records the page received were judged, but the rows could not be marked.`,
      },
    },
  ];
  const cut = json.length - kept.length + answer.skipped;
  if (cut > 0 || answer.truncated) {
    notes.push({
      id: 'answer-cut',
      message: {
        tr: `Sayfanın aldığı veriden ${answer.truncated ? 'bir kısmı' : `${formatNumber('tr', cut)} kayıt`} değerlendirilmedi (çok büyük ya da okunamadı).`,
        en: answer.truncated
          ? `Part of the page's own data was not judged (too large or unreadable).`
          : `${formatNumber('en', cut)} ${cut === 1 ? 'record' : 'records'} of the page's own data ${cut === 1 ? 'was' : 'were'} not judged (too large or unreadable).`,
      },
    });
  }
  return {
    read: { screen: 'new-contracts', records: kept.map((record) => ({ element: doc.createElement('tr'), record })) },
    notes,
    joined: 0,
  };
}
