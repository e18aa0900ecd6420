// Old interface (v9, ASP.NET): the list of workplaces to enter as, after login (title, SGK number, role) — "Kayıtlı Kullanıcı Girişi".
import type { PageRecord, ScreenRead, ScreenReader } from '@/utils/record-types';
import { digitsOnly, foldTurkish, normalizeSpaces } from '@/utils/domain/core';
import { cellsOf, compact, compileGridSpec, locateGrids, readGridRows, type RowValues } from './grid';
import { lazy } from '@/utils/lazy';

type Field = 'title' | 'sicilNo' | 'userRole';

/** The grid form: İşyeri Unvanı | SGK Sicil No | Kullanıcı Türü (any order, any extra column). */
export const OLD_WORKPLACE_SELECT_GRID = lazy(() =>
  compileGridSpec<Field>({
    columns: [
      { field: 'title', labels: ['İşyeri Unvanı', 'Kuruluş Unvanı', 'Firma Unvanı', 'İşyeri Adı', 'Unvan', 'Unvanı'] },
      { field: 'sicilNo', labels: ['SGK Sicil No', 'SGK İşyeri Sicil No', 'İşyeri Sicil No', 'SGK Sicil Numarası', 'Sicil No'] },
      {
        field: 'userRole',
        labels: ['Kullanıcı Türü', 'Kullanıcı Tipi', 'Kullanıcı Rolü', 'Yetki Türü', 'Yetki', 'Rol', 'Giriş Türü', 'Kullanıcı Kategorisi'],
      },
    ],
    required: [['title'], ['sicilNo'], ['userRole']],
    minColumns: 3,
    // the new interface's lists also show İşyeri Unvanı + SGK Sicil No: they are not this screen
    excluded: ['Sözleşme ID', 'Sözleşme Adı', 'Görevlendirilen Kişi', 'NACE Kodu', 'Tehlike Sınıfı', 'Adı Soyadı'],
    keyFields: ['title', 'sicilNo'],
  }),
);

/**
 * The one-line form of the seed (003, step 5.5), one radio option per workplace:
 * "M… SANAYİ VE TİCARET LTD.ŞTİ. (2xxxxxxxxxxxxxxxxxxxxxxxx0) (Hizmet Alan İşyeri E-Bildirge Kullanıcısı)".
 * The last parenthesised group is the role (it names a "Kullanıcı"), the one before it the SGK
 * number (digits, maybe with spaces, dots or dashes); everything before is the title, kept as
 * shown even when the portal cut it with "...". The title may itself hold parentheses.
 */
const ONE_LINE = /^(.*?)\s*\(\s*([0-9][0-9 .\-/]{4,}[0-9])\s*\)\s*\(([^()]*)\)\s*$/;
const ROLE_WORD = /kullanici/;

export interface WorkplaceLine {
  title: string;
  sicilNo: string;
  role: string;
}

/** Parses one option text of the workplace list; undefined when it is not "title (number) (role)". */
export function parseWorkplaceLine(text: string): WorkplaceLine | undefined {
  const m = ONE_LINE.exec(normalizeSpaces(text));
  if (!m) return undefined;
  const [, title = '', sicil = '', role = ''] = m;
  if (!ROLE_WORD.test(foldTurkish(role)) || digitsOnly(sicil).length < 5) return undefined;
  return { title: title.trim(), sicilNo: normalizeSpaces(sicil), role: normalizeSpaces(role) };
}

/** Elements that may hold one option text. */
const LINE_HOLDER = 'label, option, li, td, [role="radio"], [role="option"], [role="row"]';
/** "Kullanıcısı)" in any case: the end of an option text. */
const ROLE_END = /kullan[ıiİI]c[ıiİI]s[ıiİI]\s*\)\s*$/i;
const ROLE_GROUP = /\([^()]*kullanici[^()]*\)/g;

function optionLines(root: ParentNode): { element: Element; line: WorkplaceLine }[] {
  const out: { element: Element; line: WorkplaceLine }[] = [];
  const used = new Set<Element>();
  const start = root as Node;
  const doc = start.ownerDocument ?? (start as Document);
  // walk text nodes (cheap string tests) rather than asking every cell for its text
  const walker = doc.createTreeWalker(start, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!ROLE_END.test(value)) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const holder = parent.closest(LINE_HOLDER) ?? parent;
    const text = holder.textContent ?? '';
    // one option per holder: a holder with several "(… Kullanıcısı)" is a whole list
    if (text.length > 400 || (foldTurkish(text).match(ROLE_GROUP)?.length ?? 0) !== 1) continue;
    const line = parseWorkplaceLine(text);
    if (!line) continue;
    const element = recordElement(holder);
    if (used.has(element)) continue;
    used.add(element);
    out.push({ element, line });
  }
  return out;
}

/** The record's element: its row (`tr`, `role="row"`, `li`) when the row holds one option only. */
function recordElement(el: Element): Element {
  const row = el.closest('tr, [role="row"], li');
  if (row && row.querySelectorAll('input[type="radio"], [role="radio"], option').length <= 1) return row;
  return el;
}

function gridRecord(v: RowValues<Field>): PageRecord {
  return { kind: 'workplace', workplace: compact({ title: v.title, sicilNo: v.sicilNo }) };
}

export const oldWorkplaceSelectReader: ScreenReader = {
  id: 'old-workplace-select',
  detect: (root) => locateGrids(root, OLD_WORKPLACE_SELECT_GRID(), true).length > 0 || optionLines(root).length > 0,
  read: (root): ScreenRead => {
    const records: ScreenRead['records'] = [];
    const seen = new Set<Element>();
    const push = (element: Element, record: PageRecord, cells?: ScreenRead['records'][number]['cells']) => {
      if (seen.has(element)) return;
      seen.add(element);
      records.push(cells ? { element, record, cells } : { element, record });
    };
    for (const grid of locateGrids(root, OLD_WORKPLACE_SELECT_GRID())) {
      for (const { element, values, cells } of readGridRows(grid, OLD_WORKPLACE_SELECT_GRID())) push(element, gridRecord(values), cellsOf(cells));
    }
    for (const { element, line } of optionLines(root)) {
      push(element, { kind: 'workplace', workplace: compact({ title: line.title, sicilNo: line.sicilNo }) });
    }
    return { screen: 'old-workplace-select', records };
  },
};
