// "Bu sayfayı hata bildirimi için kaydet" (issue 7 §5): the current page's DOM as one .html file a
// user can attach to a bug report and `npm run read-page` can read. Made here, on this machine:
//   - nothing of the page runs: <script>, <object>, <embed>, <base>, refreshes, on* attributes and
//     javascript: URLs are dropped; images and frames lose their src (opening the file fetches nothing);
//   - what the user sees is kept: typed values, checked boxes and chosen options become attributes,
//     same-origin frames are serialised inline (iframe srcdoc), stylesheets the page can read inline;
//   - personal data is replaced consistently: T.C. Kimlik numbers by fake ones (a valid number by a
//     valid one, an invalid one by an invalid one, so tckn-invalid still fires where it did), the
//     names the readers find by fake names, SGK numbers keep mahiyet and işkolu (digits 1-5, which
//     nace-sicil-mismatch reads) and the rest is replaced; hidden inputs (view state, tokens) are emptied.
// The page is only read: the copy is built in an inert document, never written back. It runs as
// entrypoints/snapshot.ts, injected into the top frame when the user asks (not in the content script).
import { isValidTckn } from '@/utils/domain/core';
import { detectScreen } from '@/utils/screens';
import { UI_ATTR } from '@/utils/content/marks';

/** What entrypoints/snapshot.ts returns to the extension page (popup / side panel) that injected it. */
export interface SnapshotResponse {
  type: 'snapshot';
  /** the sanitised page, a complete HTML document */
  html: string;
  /** a file name for the download: katip-sayfa-YYYY-MM-DD-HHMM.html */
  fileName: string;
  replaced: { tckn: number; sicil: number; names: number };
  frames: { inlined: number; skipped: number };
}

const FIRST_NAMES = ['Deniz', 'Ece', 'Kerem', 'Nehir', 'Ozan', 'Selin', 'Tuna', 'Umut', 'Yağmur', 'Derya', 'Emre', 'İpek'];
const SURNAMES = ['Arslan', 'Bulut', 'Çınar', 'Doğan', 'Erdem', 'Güneş', 'Karaca', 'Özkan', 'Sezer', 'Tekin', 'Uysal', 'Yücel'];

/** The check digits of a T.C. Kimlik No from its first nine digits. */
function withChecksum(nine: string): string {
  const d = [...nine].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (d.reduce((a, b) => a + b, 0) + d10) % 10;
  return `${nine}${d10}${d11}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Consistent replacements within one snapshot: the same real value always becomes the same fake one. */
export class Pseudonymizer {
  private tckns = new Map<string, string>();
  private digits = new Map<string, string>();
  private names = new Map<string, string>();
  private namePattern: RegExp | undefined;
  private nameLookup = new Map<string, string>();
  private givenNames = 0;
  private surnames = 0;
  readonly count = { tckn: 0, sicil: 0, names: 0 };

  /** A fake T.C. Kimlik No: valid when the real one is, invalid when it is not. */
  tckn(real: string): string {
    let fake = this.tckns.get(real);
    if (!fake) {
      const n = this.tckns.size + 1;
      let candidate = withChecksum(String(100_000_000 + ((n * 7_919_117) % 899_999_999)));
      if (!isValidTckn(real)) candidate = candidate.slice(0, 10) + String((Number(candidate[10]) + 1) % 10);
      if (candidate === real) candidate = withChecksum(String(900_000_000 + n));
      fake = candidate;
      this.tckns.set(real, fake);
    }
    this.count.tckn++;
    return fake;
  }

  /** A fake digit for position `i` of the real number `key`: consistent per number. */
  private fakeDigits(key: string, count: number): string {
    let fake = this.digits.get(key);
    if (!fake || fake.length < count) {
      const seed = this.digits.size + 1;
      fake = '';
      for (let i = 0; i < count; i++) fake += String((seed * 7 + i * 3 + ((seed * (i + 1)) % 9)) % 10);
      this.digits.set(key, fake);
    }
    return fake;
  }

  /** An SGK number (26 digits, separators kept; also malformed runs of 13+ digits): digits 1-5 kept, the rest replaced. */
  sicil(real: string): string {
    const only = real.replace(/\D/g, '');
    const fake = this.fakeDigits(`s:${only}`, only.length);
    let i = 0;
    this.count.sicil++;
    return real.replace(/\d/g, (d) => {
      const at = i++;
      return at < 5 ? d : fake[at]!;
    });
  }

  /** A masked T.C. Kimlik No ("123******50"): its visible digits replaced. */
  masked(real: string): string {
    const fake = this.fakeDigits(`m:${real}`, real.length);
    let i = 0;
    return real.replace(/\d/g, () => fake[i++]!);
  }

  /**
   * Registers the names to replace (as the readers found them). Each word is replaced on its own
   * (given names by fake given names, the last word by a fake surname), so a form that shows AD and
   * SOYAD in two fields, or a list that shows the surname alone, is covered too.
   */
  addNames(names: Iterable<string>): void {
    const fakeFor = (word: string, surname: boolean): string => {
      const known = this.names.get(word);
      if (known) return known;
      const list = surname ? SURNAMES : FIRST_NAMES;
      const i = surname ? this.surnames++ : this.givenNames++;
      const fake = `${list[i % list.length]}${i >= list.length ? ` ${Math.floor(i / list.length) + 1}` : ''}`;
      this.names.set(word, fake);
      return fake;
    };
    for (const raw of names) {
      if (raw.includes('*')) continue; // already masked by the portal
      const words = raw.split(/[\s,]+/).filter((w) => w.length >= 2 && /^\p{L}[\p{L}'’.-]*$/u.test(w));
      words.forEach((w, i) => fakeFor(w, i === words.length - 1 && words.length > 1));
    }
    this.nameLookup = new Map();
    for (const [real, fake] of this.names) {
      this.nameLookup.set(real, fake);
      this.nameLookup.set(real.toLocaleUpperCase('tr'), fake.toLocaleUpperCase('tr'));
      this.nameLookup.set(real.toLocaleLowerCase('tr'), fake.toLocaleLowerCase('tr'));
    }
    const alternatives = [...this.nameLookup.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.namePattern = alternatives.length ? new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'gu') : undefined;
  }

  /** Every personal datum in a text replaced. */
  text(text: string): string {
    if (!text) return text;
    let out = text;
    if (/\d/.test(out)) {
      out = out
        .replace(/(?<!\d)\d(?:[ .\-\u00a0]?\d){12,25}(?!\d)/g, (m) => (m.replace(/\D/g, '').length >= 13 ? this.sicil(m) : m))
        .replace(/(?<!\d)\d{11}(?!\d)/g, (m) => (m[0] === '0' ? m : this.tckn(m)))
        .replace(/(?<![\d*])\d{2,3}\*{4,8}\d{2}(?![\d*])/g, (m) => this.masked(m));
    }
    if (this.namePattern) {
      out = out.replace(this.namePattern, (m) => {
        const fake = this.nameLookup.get(m);
        if (fake === undefined) return m;
        this.count.names++;
        return fake;
      });
    }
    return out;
  }
}

/** The person names the readers find in a document (what a screen shows as a record's person). */
export function namesShown(doc: Document): string[] {
  try {
    const reader = detectScreen(doc);
    if (!reader) return [];
    return reader
      .read(doc)
      .records.map((r) => r.record.assignment?.personName)
      .filter((n): n is string => !!n);
  } catch {
    return [];
  }
}

const DROPPED = 'script, object, embed, applet, base, meta[http-equiv], link[rel~="preload"], link[rel~="prefetch"], link[rel~="modulepreload"], link[rel~="import"]';
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data']);
const FETCHING = new Set(['IMG', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK', 'INPUT', 'IFRAME', 'FRAME', 'EMBED']);
const MAX_FRAME_DEPTH = 4;

interface Walk {
  names: Pseudonymizer;
  frames: { inlined: number; skipped: number };
}

/** Stylesheet text the page lets us read (same origin), or undefined. */
function sheetText(link: Element): string | undefined {
  try {
    const sheet = (link as HTMLLinkElement).sheet;
    if (!sheet) return undefined;
    return [...sheet.cssRules].map((r) => r.cssText).join('\n');
  } catch {
    return undefined; // another origin's stylesheet
  }
}

function frameDocument(frame: Element): Document | undefined {
  try {
    const d = (frame as HTMLIFrameElement).contentDocument;
    return d && d.documentElement ? d : undefined;
  } catch {
    return undefined;
  }
}

function serialize(doc: Document, walk: Walk, depth: number): string {
  const inert = doc.implementation.createHTMLDocument('');
  const root = inert.importNode(doc.documentElement, true) as Element;
  const originals = [doc.documentElement, ...doc.documentElement.querySelectorAll('*')];
  const copies = [root, ...root.querySelectorAll('*')];
  const removed: Element[] = [];
  // the two lists are the same tree in the same order: each copy learns its original's live state
  for (let i = 0; i < copies.length && i < originals.length; i++) {
    const orig = originals[i]!;
    const copy = copies[i]!;
    if (copy.matches(DROPPED) || copy.hasAttribute(UI_ATTR)) {
      removed.push(copy);
      continue;
    }
    for (const attr of [...copy.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || name === 'nonce' || name === 'integrity' || name === 'srcdoc') copy.removeAttribute(attr.name);
      else if (URL_ATTRS.has(name) && /^(javascript|vbscript|data):/.test(value.replace(/\s+/g, ''))) copy.removeAttribute(attr.name);
      else if ((name === 'src' || name === 'srcset') && FETCHING.has(copy.tagName)) copy.removeAttribute(attr.name);
      else copy.setAttribute(attr.name, walk.names.text(attr.value));
    }
    const tag = copy.tagName;
    if (tag === 'LINK' && /\bstylesheet\b/i.test(copy.getAttribute('rel') ?? '')) {
      const css = sheetText(orig);
      const style = inert.createElement('style');
      if (css !== undefined) style.textContent = css;
      copy.replaceWith(style);
    } else if (tag === 'INPUT') {
      const input = orig as HTMLInputElement;
      const type = (input.type || 'text').toLowerCase();
      if (type === 'hidden' || type === 'password') copy.removeAttribute('value');
      else if (type === 'checkbox' || type === 'radio') copy.toggleAttribute('checked', input.checked);
      else if (type !== 'file') copy.setAttribute('value', walk.names.text(input.value));
    } else if (tag === 'TEXTAREA') {
      copy.textContent = walk.names.text((orig as HTMLTextAreaElement).value);
    } else if (tag === 'OPTION') {
      copy.toggleAttribute('selected', (orig as HTMLOptionElement).selected);
    } else if (tag === 'IFRAME' || tag === 'FRAME') {
      const inner = depth < MAX_FRAME_DEPTH ? frameDocument(orig) : undefined;
      if (inner) {
        copy.setAttribute('srcdoc', serialize(inner, walk, depth + 1));
        walk.frames.inlined++;
      } else {
        copy.setAttribute('data-katip-frame', 'not-saved');
        walk.frames.skipped++;
      }
    }
  }
  for (const el of removed) el.remove();
  // every text of the copy (styles excepted) with the personal data replaced
  const texts = inert.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (node.parentElement?.tagName === 'STYLE') continue;
    const replaced = walk.names.text(node.nodeValue ?? '');
    if (replaced !== node.nodeValue) node.nodeValue = replaced;
  }
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '<!DOCTYPE html>';
  return `${doctype}\n${root.outerHTML}`;
}

/** The names every same-origin document of the page shows (frames too). */
function allNames(doc: Document, depth = 0): string[] {
  const names = namesShown(doc);
  if (depth >= MAX_FRAME_DEPTH) return names;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    const inner = frameDocument(frame);
    if (inner) names.push(...allNames(inner, depth + 1));
  }
  return names;
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`;
}

/** The sanitised snapshot of `doc` (and its same-origin frames). Never changes the page. */
export function snapshotPage(doc: Document, now: Date = new Date()): SnapshotResponse {
  const names = new Pseudonymizer();
  names.addNames(allNames(doc));
  const walk: Walk = { names, frames: { inlined: 0, skipped: 0 } };
  const body = serialize(doc, walk, 0);
  const path = doc.location?.pathname ?? '';
  const note = `<!-- KATİP Asistanı: hata bildirimi için kaydedilen sayfa (${path.replace(/--/g, '-')}, ${now.toISOString()}). Kişisel veriler yerel olarak sahteleriyle değiştirildi; betikler çıkarıldı. / Page saved for a bug report; personal data replaced locally, scripts removed. -->`;
  const [doctype, ...rest] = body.split('\n');
  return {
    type: 'snapshot',
    html: `${doctype}\n${note}\n${rest.join('\n')}`,
    fileName: `katip-sayfa-${stamp(now)}.html`,
    replaced: { ...names.count },
    frames: walk.frames,
  };
}
