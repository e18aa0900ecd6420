// Grid locating shared by the list screens, on tiny inline tables (utils/screens/grid.ts).
import { describe, expect, it } from 'vitest';
import {
  cellValue,
  compileGridSpec,
  foldColumnLabel,
  locateGrids,
  ownCells,
  ownRows,
  readGridRows,
  readGridScreen,
} from '@/utils/screens/grid';
import { oldContractsReader } from '@/utils/screens/old-contracts';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`, 'text/html');
}

type F = 'name' | 'category' | 'state' | 'minutes';
const SPEC = compileGridSpec<F>({
  columns: [
    { field: 'name', labels: ['Adı Soyadı'] },
    { field: 'category', labels: ['Personel Kategorisi Adı'] },
    { field: 'state', labels: ['Grv. Onay Durumu'] },
    { field: 'minutes', labels: ['Ayl. Çlş. Süresi (Dk)'] },
  ],
  required: [['name'], ['category']],
  minColumns: 3,
  keyFields: ['name'],
});

function rows(doc: Document) {
  return locateGrids(doc, SPEC).flatMap((g) => readGridRows(g, SPEC)).map((r) => r.values);
}

const HEAD = '<tr><th>Adı Soyadı</th><th>Personel Kategorisi Adı</th><th>Grv. Onay Durumu</th></tr>';

describe('foldColumnLabel', () => {
  it('reads abbreviated and full labels alike', () => {
    expect(foldColumnLabel('Grv. Başlama Trh.')).toBe(foldColumnLabel('Görevlendirme Başlama Tarihi'));
    expect(foldColumnLabel('Ayl. Çlş. Süresi (Dk)')).toBe(foldColumnLabel('Aylık Çalışma Süresi (Dakika)'));
    expect(foldColumnLabel('GÖREVLENDİRİLEN KİŞİ T.C. KİMLİK NO')).toBe(foldColumnLabel('Görevlendirilen Kişi TC Kimlik No'));
  });

  it('ignores case, İ/ı and stray spaces or NBSP', () => {
    expect(foldColumnLabel('PERSONEL\u00a0KATEGORİSİ   ADI')).toBe(foldColumnLabel('personel kategorisi adı'));
    expect(foldColumnLabel('ÇALIŞMA DURUMU')).toBe('calisma durum');
  });
});

describe('locating a grid by its labels', () => {
  it('finds th headers in any column order, with extra columns', () => {
    const doc = page(`<table>
      <tr><th>Sıra</th><th>GRV. ONAY DURUMU</th><th>Not</th><th>ADI SOYADI</th><th>Personel Kategorisi Adı</th></tr>
      <tr><td>1</td><td>Onaylandı</td><td>x</td><td>Ali Veli</td><td>İşyeri Hekimi</td></tr></table>`);
    expect(rows(doc)).toEqual([{ state: 'Onaylandı', name: 'Ali Veli', category: 'İşyeri Hekimi' }]);
  });

  it('finds td headers wrapped in nested layout tables', () => {
    const doc = page(`<table>
      <tr><td><table><tr><td>Adı&nbsp;Soyadı</td><td><img alt="[Filtre]"></td></tr></table></td>
          <td><table><tr><td>Personel Kategorisi Adı</td></tr></table></td>
          <td>Grv. Onay Durumu</td></tr>
      <tr><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td></tr></table>`);
    expect(rows(doc)).toEqual([{ name: 'Ali Veli', category: 'İşyeri Hekimi', state: 'Onaylandı' }]);
  });

  it('needs enough of the key labels together', () => {
    const few = page('<table><tr><th>Adı Soyadı</th><th>Personel Kategorisi Adı</th><th>Kullanıcı Grubu</th></tr><tr><td>A</td><td>B</td><td>C</td></tr></table>');
    expect(locateGrids(few, SPEC)).toHaveLength(0);
    const noCategory = page('<table><tr><th>Adı Soyadı</th><th>Grv. Onay Durumu</th><th>Ayl. Çlş. Süresi (Dk)</th></tr></table>');
    expect(locateGrids(noCategory, SPEC)).toHaveLength(0);
  });

  it('does not take a layout cell holding every label for a header', () => {
    const doc = page(`<table><tr><td>Menü</td><td>Adı Soyadı Personel Kategorisi Adı Grv. Onay Durumu</td><td>x</td></tr></table>`);
    expect(locateGrids(doc, SPEC)).toHaveLength(0);
  });

  it('reads a body table below a separate header table (fixed header)', () => {
    const doc = page(`<div><table><thead>${HEAD}</thead></table></div>
      <div><table><tbody><tr id="r1"><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onay Bekliyor</td></tr></tbody></table></div>`);
    const grid = locateGrids(doc, SPEC)[0]!;
    const read = readGridRows(grid, SPEC);
    expect(read.map((r) => r.element.id)).toEqual(['r1']);
    expect(read[0]!.values.state).toBe('Onay Bekliyor');
  });

  it('reads an ARIA grid without a table, cells ordered by aria-colindex', () => {
    const doc = page(`<div role="grid">
      <div role="row"><div role="columnheader" aria-colindex="1">Adı Soyadı</div><div role="columnheader" aria-colindex="2">Personel Kategorisi Adı</div><div role="columnheader" aria-colindex="3">Grv. Onay Durumu</div></div>
      <div role="row" id="a"><div role="gridcell" aria-colindex="3">Onaylandı</div><div role="gridcell" aria-colindex="1">Ali Veli</div><div role="gridcell" aria-colindex="2">İşyeri Hekimi</div></div>
    </div>`);
    const grid = locateGrids(doc, SPEC)[0]!;
    const read = readGridRows(grid, SPEC);
    expect(read.map((r) => r.element.id)).toEqual(['a']);
    expect(read[0]!.values).toEqual({ name: 'Ali Veli', category: 'İşyeri Hekimi', state: 'Onaylandı' });
  });
});

describe('rows that are not records', () => {
  it('skips filter, group, pager, empty-message and repeated header rows', () => {
    const doc = page(`<table>
      ${HEAD}
      <tr><td><input type="text" value=""></td><td><input type="text"></td><td><select><option selected>(Tümü)</option><option>Onaylandı</option></select></td></tr>
      <tr><td colspan="3">Grv. Onay Durumu: Onaylandı (1 kayıt)</td></tr>
      <tr><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td></tr>
      ${HEAD}
      <tr><td>1</td><td>2</td><td>&gt;</td></tr>
      <tr><td colspan="3">Sayfa 1 Toplam 1 kayıt</td></tr>
    </table>`);
    expect(rows(doc)).toEqual([{ name: 'Ali Veli', category: 'İşyeri Hekimi', state: 'Onaylandı' }]);
  });

  it('reads no record from an empty grid', () => {
    for (const message of ['Kayıt bulunamadı', '100 - Toplam 0 kayıt bulundu.']) {
      const doc = page(`<table>${HEAD}<tr><td colspan="3">${message}</td></tr></table>`);
      expect(locateGrids(doc, SPEC)).toHaveLength(1);
      expect(rows(doc)).toEqual([]);
    }
  });

  it('does not read the rows of a table nested in a cell as grid rows', () => {
    const doc = page(`<table>${HEAD}
      <tr><td>Ali Veli</td><td><table><tr><td>İşyeri</td><td>Hekimi</td><td>x</td></tr><tr><td>Ayşe</td><td>B</td><td>C</td></tr></table></td><td>Onaylandı</td></tr>
    </table>`);
    expect(rows(doc)).toEqual([{ name: 'Ali Veli', category: 'İşyeri Hekimi x Ayşe B C', state: 'Onaylandı' }]);
    expect(ownRows(doc.querySelector('table')!)).toHaveLength(2);
  });
});

describe('hidden columns', () => {
  it('aligns a body that leaves out a column the header hides', () => {
    const doc = page(`<table>
      <tr><th style="display:none">Kayıt No</th><th>Adı Soyadı</th><th hidden>Gizli</th><th>Personel Kategorisi Adı</th><th>Grv. Onay Durumu</th></tr>
      <tr><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td></tr></table>`);
    expect(rows(doc)).toEqual([{ name: 'Ali Veli', category: 'İşyeri Hekimi', state: 'Onaylandı' }]);
  });

  it('aligns a body that keeps hidden cells', () => {
    const doc = page(`<table>
      <tr><th aria-hidden="true">Kayıt No</th><th>Adı Soyadı</th><th>Personel Kategorisi Adı</th><th>Grv. Onay Durumu</th></tr>
      <tr><td aria-hidden="true">77</td><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td></tr></table>`);
    expect(rows(doc)).toEqual([{ name: 'Ali Veli', category: 'İşyeri Hekimi', state: 'Onaylandı' }]);
  });
});

describe('cellValue', () => {
  it('reads text, an input value or the chosen option', () => {
    const doc = page(`<table><tr>
      <td id="a">&nbsp;Ali&nbsp;&nbsp;Veli </td>
      <td id="b"><input type="text" value="1.200"></td>
      <td id="c"><select><option>Tam Süreli</option><option selected>Kısmi Süreli</option></select></td>
      <td id="d"><span style="display:none">gizli</span><a href="#">Görünen</a><script>var x = 1;</script></td>
      <td id="e"><input type="checkbox"></td>
    </tr></table>`);
    const v = (id: string) => cellValue(doc.getElementById(id)!);
    expect([v('a'), v('b'), v('c'), v('d'), v('e')]).toEqual(['Ali Veli', '1.200', 'Kısmi Süreli', 'Görünen', '']);
  });

  it('gives the cells of a row without those of nested tables', () => {
    const doc = page('<table><tr id="r"><td>a</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>');
    expect(ownCells(doc.getElementById('r')!)).toHaveLength(2);
  });
});

describe('readGridScreen', () => {
  it('keeps a row with an overlong text, clipped to what records hold', () => {
    const long = 'A'.repeat(2500);
    const doc = page(`<table><tr><th>Adı Soyadı</th><th>Personel Kategorisi Adı</th><th>Grv. Onay Durumu</th><th>Çalışma Durumu</th></tr>
      <tr id="bad"><td>${long}</td><td>İşyeri Hekimi</td><td>Onaylandı</td><td>Devam Ediyor</td></tr>
      <tr id="good"><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td><td>Devam Ediyor</td></tr></table>`);
    const read = oldContractsReader.read(doc);
    expect(read.records.map((r) => r.element.id)).toEqual(['bad', 'good']);
    expect(read.records[0]!.record.assignment?.personName?.length).toBe(2000);
  });

  it('skips a row whose mapping throws', () => {
    const doc = page(`<table>${HEAD}<tr><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td></tr></table>`);
    const read = readGridScreen(doc, 'old-contracts', SPEC, () => {
      throw new Error('boom');
    });
    expect(read.records).toEqual([]);
  });

  it('reads a 2,000-row grid', () => {
    const row = '<tr><td>Ali Veli</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>Kısmi Süreli</td><td>01.02.2024</td><td>Devam Ediyor</td><td></td><td>Onaylandı</td></tr>';
    const doc = page(`<table><tr><th>Adı Soyadı</th><th>Personel Kategorisi Adı</th><th>Çalışma Şekli</th><th>Grv. Başlama Trh.</th><th>Çalışma Durumu</th><th>Grv. Ayrılış Trh.</th><th>Grv. Onay Durumu</th></tr>${row.repeat(2000)}</table>`);
    const read = oldContractsReader.read(doc);
    expect(read.records).toHaveLength(2000);
    expect(read.records[1999]!.record.assignment?.startDate).toBe('2024-02-01');
    // a correctness test on a big page, not a timed one (speed is measured by the bench): room for a loaded machine
  }, 30_000);
});

describe('a 2,000-column grid', () => {
  const LABELS = ['Adı Soyadı', 'Personel Kategorisi Adı', 'Çalışma Şekli', 'Grv. Başlama Trh.', 'Çalışma Durumu', 'Grv. Ayrılış Trh.', 'Grv. Onay Durumu'];
  const VALUES = ['Ali Veli', 'C Sınıfı İş Güvenliği Uzmanı', 'Kısmi Süreli', '01.02.2024', 'Devam Ediyor', '', 'Onaylandı'];
  const wide = (labels: string[], values: (i: number) => string[], rows = 20) => {
    const extra = (k: number) => Array.from({ length: 2000 - labels.length }, (_, j) => `<${k ? 'td' : 'th'}>${k ? (j * 7 + k) % 1000 : `Sütun ${j + 1}`}</${k ? 'td' : 'th'}>`).join('');
    const head = `<tr>${labels.map((l) => `<th>${l}</th>`).join('')}${extra(0)}</tr>`;
    const body = Array.from({ length: rows }, (_, i) => `<tr>${values(i).map((v) => `<td>${v}</td>`).join('')}${extra(i + 1)}</tr>`).join('');
    return page(`<table><thead>${head}</thead><tbody>${body}</tbody></table>`);
  };

  it('whose labelled columns come first is read: its labels matched among the first cells, the rest kept as positions', () => {
    const doc = wide(LABELS, (i) => VALUES.map((v, k) => (k === 0 ? `${v} ${i}` : v)));
    const [grid] = locateGrids(doc, SPEC);
    expect(grid!.header.width).toBe(2000);
    const read = oldContractsReader.read(doc);
    expect(read.records).toHaveLength(20);
    expect(read.records[19]!.record.assignment).toMatchObject({ personName: 'Ali Veli 19', startDate: '2024-02-01', approvalState: 'approved' });
    // the marks go on the row's own cells
    expect(read.records[0]!.cells!.personName?.textContent).toBe('Ali Veli 0');
  });

  it('whose labels sit beyond the first 300 columns is not matched (bounded work), and one of figures only is left alone', () => {
    const late = page(`<table><tr>${Array.from({ length: 400 }, (_, j) => `<th>Sütun ${j}</th>`).join('')}${LABELS.map((l) => `<th>${l}</th>`).join('')}</tr><tr>${'<td>1</td>'.repeat(400)}${VALUES.map((v) => `<td>${v}</td>`).join('')}</tr></table>`);
    expect(oldContractsReader.read(late).records).toEqual([]);
    expect(oldContractsReader.detect(wide([], () => []))).toBe(false);
  });

  it('a header row of more than 5,000 positions is no grid', () => {
    const doc = page(`<table><tr>${LABELS.map((l) => `<th>${l}</th>`).join('')}<th colspan="100"></th>`.repeat(1) + '<th colspan="100">x</th>'.repeat(50) + `</tr><tr>${VALUES.map((v) => `<td>${v}</td>`).join('')}</tr></table>`);
    expect(locateGrids(doc, SPEC)).toEqual([]);
  });
});

describe('roots other than a document', () => {
  it('reads a grid inside a shadow root or an element', () => {
    const doc = page('<div id="host"></div><section id="s"></section>');
    const table = `<table>${HEAD}<tr><td>Ali Veli</td><td>İşyeri Hekimi</td><td>Onaylandı</td></tr></table>`;
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const inner = new DOMParser().parseFromString(`<body>${table}</body>`, 'text/html').body.firstElementChild!;
    shadow.appendChild(doc.importNode(inner, true));
    expect(locateGrids(shadow, SPEC).flatMap((g) => readGridRows(g, SPEC))).toHaveLength(1);
    doc.getElementById('s')!.appendChild(doc.importNode(inner, true));
    expect(locateGrids(doc.getElementById('s')!, SPEC)).toHaveLength(1);
  });
});
