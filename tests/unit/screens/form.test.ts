// Portal form screens: locating labelled fields whatever the layout (utils/screens/form.ts).
import { describe, expect, it } from 'vitest';
import {
  canonicalLabel,
  commonAncestor,
  compileFields,
  controlText,
  formElement,
  locateFormFields,
  matchLabel,
  type FormField,
} from '@/utils/screens/form';

const SPECS = [
  { key: 'minutes', labels: ['Aylık Çalışma Süresi'] },
  { key: 'overtime', labels: ['Aylık Fazla Mesai Süresi'] },
  { key: 'remaining', labels: ['Kalan Maksimum Aylık Çalışma Süresi'] },
  { key: 'employees', labels: ['TOPLAM ÇALIŞAN SAYISI'] },
  { key: 'first', labels: ['AD'] },
  { key: 'last', labels: ['SOYAD'] },
  { key: 'type', labels: ['Görevlendirme Tipi'] },
  { key: 'used', labels: ['KULLANILAN ÇALIŞMA SÜRESİ'] },
  { key: 'entered', labels: ['Çalışma Süresi'] },
  { key: 'tckn', labels: ['TC KİMLİK NO'] },
  { key: 'total', labels: ['GEREKLİ TOPLAM İSG SÜRESİ'] },
] as const;
type Key = (typeof SPECS)[number]['key'];
const MATCHER = compileFields<Key>(SPECS);

function html(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

function fields(body: string): Partial<Record<Key, FormField<Key>>> {
  return locateFormFields(html(body), MATCHER);
}

describe('canonicalLabel', () => {
  it('makes the abbreviated, upper-case and written-out labels equal', () => {
    const want = 'kalan maksimum aylik calisma suresi';
    expect(canonicalLabel('Kalan Max. Ayl. Çlş. Süresi (Dk)')).toBe(want);
    expect(canonicalLabel('KALAN MAX. AYL. ÇLŞ. SÜRESİ (DK)')).toBe(want);
    expect(canonicalLabel('Kalan Maksimum Aylık Çalışma Süresi (Dakika):')).toBe(want);
    expect(canonicalLabel('Kalan\u00a0Max.  Ayl. Çiğ. Süresi (Dk) *')).toBe(want);
  });

  it('folds the role words of the new form to one word', () => {
    const want = canonicalLabel('GEREKLİ TOPLAM İSG SÜRESİ');
    for (const role of ['İGU', 'İŞ GÜVENLİĞİ UZMANI', 'İŞYERİ HEKİMİ', 'İŞ YERİ HEKİMİ', 'DİĞER SAĞLIK PERSONELİ', 'DSP']) {
      expect(canonicalLabel(`GEREKLİ TOPLAM ${role} SÜRESİ`)).toBe(want);
    }
  });

  it('reads "T.C." and "TC" alike', () => {
    expect(canonicalLabel('T.C. Kimlik No:')).toBe(canonicalLabel('TC KİMLİK NO'));
  });
});

describe('matchLabel', () => {
  it('keeps the contract minutes, the overtime and the remaining capacity apart', () => {
    expect(matchLabel('Ayl. Çlş. Süresi (Dk)', MATCHER)).toBe('minutes');
    expect(matchLabel('Ayl. Fzl. Mesai Süresi (Dk)', MATCHER)).toBe('overtime');
    expect(matchLabel('Kalan Max. Ayl. Çlş. Süresi (Dk)', MATCHER)).toBe('remaining');
    expect(matchLabel('KULLANILAN ÇALIŞMA SÜRESİ', MATCHER)).toBe('used');
    expect(matchLabel('Çalışma Süresi Dakika', MATCHER)).toBe('entered');
  });

  it('accepts OCR-like misspellings of labels of several words', () => {
    expect(matchLabel('TORLAMA ÇALIŞAN SAYISI', MATCHER)).toBe('employees');
    expect(matchLabel('GEREKLİ TORLAMA İSG SURESİ', MATCHER)).toBe('total');
  });

  it('never takes a one-word value or an unrelated text for a label', () => {
    expect(matchLabel('Soyak', MATCHER)).toBeUndefined();
    expect(matchLabel('Ada', MATCHER)).toBeUndefined();
    expect(matchLabel('Çalışma Şekli', MATCHER)).toBeUndefined();
    expect(matchLabel('Çalışan Sayısı', MATCHER)).toBeUndefined();
    expect(matchLabel('', MATCHER)).toBeUndefined();
  });
});

describe('locateFormFields: layouts', () => {
  it('reads <label for> pairs, wrapping labels and the input the user typed into', () => {
    const doc = html(`
      <label for="x1">Ad *</label><input id="x1" value="Ayşe">
      <label>Soyad <input value="Koç"></label>
      <label for="x3">Çalışma Süresi (Dakika):</label><input id="x3" value="">`);
    const found = locateFormFields(doc, MATCHER);
    expect(found.first?.text).toBe('Ayşe');
    expect(found.last?.text).toBe('Koç');
    expect(found.entered?.text).toBe('');
    (doc.getElementById('x3') as HTMLInputElement).value = '450';
    expect(locateFormFields(doc, MATCHER).entered?.text).toBe('450');
  });

  it('reads table rows, the value in the next cell or two cells on, labels in th or nested in bold', () => {
    const f = fields(`<table>
      <tr><td>AD</td><td>MEHMET</td></tr>
      <tr><th>SOYAD</th><td>:</td><td>ÖZ</td></tr>
      <tr><td><b>TOPLAM ÇALIŞAN SAYISI</b> <span>*</span></td><td>&nbsp;</td><td>1.250</td></tr>
      <tr><td>TC KİMLİK NO</td><td></td></tr>
      <tr><td>KULLANILAN ÇALIŞMA SÜRESİ</td><td>300</td></tr>
    </table>`);
    expect(f.first?.text).toBe('MEHMET');
    expect(f.last?.text).toBe('ÖZ');
    expect(f.employees?.text).toBe('1.250');
    expect(f.tckn?.text).toBe('');
    expect(f.tckn?.valueElement?.tagName).toBe('TD');
    expect(f.used?.text).toBe('300');
  });

  it('reads definition lists and div grids, an empty value staying empty', () => {
    const dl = fields('<dl><dt>AD:</dt><dd>Elif</dd><dt>SOYAD:</dt><dd></dd><dt>TC KİMLİK NO</dt><dd>10000000146</dd></dl>');
    expect(dl.first?.text).toBe('Elif');
    expect(dl.last?.text).toBe('');
    expect(dl.tckn?.text).toBe('10000000146');
    const grid = fields(`<div class="g">
      <div class="row"><span>AD</span><span>Can</span></div>
      <div class="row"><span>SOYAD</span><span></span></div>
      <div class="row"><span>TC KİMLİK NO</span><span>12345678950</span></div></div>`);
    expect(grid.first?.text).toBe('Can');
    expect(grid.last?.text).toBe('');
    expect(grid.tckn?.text).toBe('12345678950');
  });

  it('reads controls named by aria-labelledby and aria-label', () => {
    const f = fields(`
      <span id="l1">Çalışma Süresi</span><div><input aria-labelledby="l1" value="90"></div>
      <input aria-label="Görevlendirme Tipi" value="Tam Süreli">`);
    expect(f.entered?.text).toBe('90');
    expect(f.entered?.control?.tagName).toBe('INPUT');
    expect(f.type?.text).toBe('Tam Süreli');
  });

  it('reads the selected option text of a select, and nothing for a "Seçiniz" placeholder', () => {
    const doc = html(`<label for="s">Görevlendirme Tipi</label>
      <select id="s"><option value="">Seçiniz</option><option value="1">Kısmi Süreli</option><option value="2">Tam Süreli</option></select>`);
    expect(locateFormFields(doc, MATCHER).type?.text).toBe('');
    const select = doc.getElementById('s') as HTMLSelectElement;
    select.selectedIndex = 2;
    expect(locateFormFields(doc, MATCHER).type?.text).toBe('Tam Süreli');
    expect(controlText(select)).toBe('Tam Süreli');
  });

  it('does not take a grid column header for a form label', () => {
    const f = fields(`<table>
      <thead><tr><th>AD</th><th>SOYAD</th><th>Çalışma Süresi</th></tr></thead>
      <tbody><tr><td>Ali</td><td>Er</td><td>600</td></tr></tbody></table>
      <table><tr><th>TC KİMLİK NO</th><th>AD</th><th>SOYAD</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>`);
    expect(f).toEqual({});
  });

  it('prefers the occurrence of a label that has a value beside it', () => {
    const f = fields(`<p>AD</p><table><tr><td>AD</td><td><input value="Deniz"></td></tr></table>`);
    expect(f.first?.text).toBe('Deniz');
  });

  it('reads page text as text: markup in a value is not parsed', () => {
    const doc = html('<table><tr><td>AD</td><td>&lt;img src=x onerror="window.__pwned=1"&gt;</td></tr></table>');
    const f = locateFormFields(doc, MATCHER);
    expect(f.first?.text).toBe('<img src=x onerror="window.__pwned=1">');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it('works on an element or a fragment as root and does not throw on empty or odd roots', () => {
    const doc = html('<div id="a"><dl><dt>AD</dt><dd>Nur</dd></dl></div><div id="b"><dl><dt>AD</dt><dd>Gül</dd></dl></div>');
    expect(locateFormFields(doc.getElementById('b')!, MATCHER).first?.text).toBe('Gül');
    const fragment = doc.createDocumentFragment();
    expect(locateFormFields(fragment, MATCHER)).toEqual({});
    expect(locateFormFields(html('<label for="">AD</label><label for="missing">SOYAD</label>'), MATCHER).first?.text).toBe('');
  });
});

describe('record element', () => {
  it('is the table holding every field, not its tbody', () => {
    const doc = html(`<div id="page"><table id="t"><tr><td>AD</td><td>Ali</td></tr><tr><td>SOYAD</td><td>Er</td></tr></table></div>`);
    const found = Object.values(locateFormFields(doc, MATCHER)) as FormField[];
    expect(formElement(found)?.id).toBe('t');
  });

  it('is the smallest element holding fields spread over two sections', () => {
    const doc = html(`<main id="m"><section><dl><dt>AD</dt><dd>Ali</dd></dl></section>
      <section><label for="i">Çalışma Süresi</label><input id="i"></section></main><footer>AD</footer>`);
    const found = Object.values(locateFormFields(doc, MATCHER)) as FormField[];
    expect(formElement(found)?.id).toBe('m');
  });

  it('commonAncestor of nothing is null', () => {
    expect(commonAncestor([])).toBeNull();
  });
});
