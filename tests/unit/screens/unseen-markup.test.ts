// Markup the readers had never seen: UI kits' own controls on forms, rows split by pinned columns,
// invisible characters around numbers and codes, huge and garbage values, frames inlined by the
// page snapshot (utils/screens/form.ts, grid.ts, read-page.ts; fixtures tests/fixtures/*/x-*.html).
import { describe, expect, it } from 'vitest';
import { compileFields, locateFormFields, type FormField } from '@/utils/screens/form';
import { newContractsReader } from '@/utils/screens/new-contracts';
import { publicInstitutionsReader } from '@/utils/screens/public-institutions';
import { readPage } from '@/utils/screens/read-page';
import { isNaceWellFormed, isValidTckn, normalizeNace, normalizeSpaces, parseCount } from '@/utils/domain/core';
import { expectedRecordElements, loadFixture, runFixtureScripts } from './grid-fixtures';

const MATCHER = compileFields([
  { key: 'hazard', labels: ['TEHLİKE SINIFI'] },
  { key: 'type', labels: ['Görevlendirme Tipi'] },
  { key: 'nace', labels: ['NACE KODU'] },
  { key: 'cert', labels: ['SERTİFİKA TİPİ'] },
  { key: 'employees', labels: ['TOPLAM ÇALIŞAN SAYISI'] },
] as const);

function fields(body: string): Partial<Record<string, FormField>> {
  return locateFormFields(new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html'), MATCHER);
}

describe('values shown in custom controls', () => {
  it('an Ant Select: the chosen item beside the empty search input, its placeholder no value', () => {
    const select = (item: string) => `<label for="h">TEHLİKE SINIFI</label><div class="x"><div class="y"><span><input id="h" role="combobox" readonly value=""></span>${item}</div><span aria-hidden="true"><span role="img" aria-label="down">▼</span></span></div>`;
    const chosen = fields(select('<span class="z" title="Tehlikeli">Tehlikeli</span>'));
    expect(chosen.hazard?.text).toBe('Tehlikeli');
    expect(chosen.hazard?.control?.id).toBe('h'); // findings point at the control
    expect(fields(select('<span class="p">Seçiniz</span>')).hazard?.text).toBe('');
  });

  it('a MUI select: the combobox div\'s text, not the key in its aria-hidden input; the label id list names itself too', () => {
    const f = fields(`<label id="l">Görevlendirme Tipi</label><div><div role="combobox" id="v" aria-labelledby="l v" aria-haspopup="listbox">Tam Süreli</div><input aria-hidden="true" tabindex="-1" value="T"></div>`);
    expect(f.type?.text).toBe('Tam Süreli');
  });

  it('an empty combobox input: the option its aria-activedescendant names', () => {
    const f = fields(`<span id="n">NACE KODU</span><input role="combobox" aria-labelledby="n" aria-activedescendant="o2" value="">
      <div role="listbox" hidden><div role="option" id="o1">01.11.01</div><div role="option" id="o2">47.11.02</div></div>`);
    expect(f.nace?.text).toBe('47.11.02');
  });

  it('a listbox button beside its label, and a DevExpress editor whose raw value sits in a hidden state input', () => {
    const f = fields(`<div><label>SERTİFİKA TİPİ</label><button type="button" aria-haspopup="listbox"><span>A Sınıfı İş Güvenliği Uzmanlığı</span><span aria-hidden="true">▾</span></button></div>
      <table><tr><td><label>TOPLAM ÇALIŞAN SAYISI:</label></td><td><table><tr><td><input class="dxeEditArea" readonly value="1.850"></td></tr></table><input type="hidden" value="{&quot;rawValue&quot;:&quot;9&quot;}"></td></tr></table>`);
    expect(f.cert?.text).toBe('A Sınıfı İş Güvenliği Uzmanlığı');
    expect(f.employees?.text).toBe('1.850');
  });

  it('an empty native input outside any widget stays empty (a hint beside it is no value)', () => {
    const f = fields(`<div><label for="e">TOPLAM ÇALIŞAN SAYISI</label><div><input id="e" value=""><span>Sayı giriniz</span></div></div>`);
    expect(f.employees?.text).toBe('');
  });
});

describe('rows split by pinned columns', () => {
  it('AG Grid: left, centre and right parts are one record, the centre rendered in another order', () => {
    const doc = loadFixture('new-contracts/x-aggrid-pinned.html');
    const read = newContractsReader.read(doc);
    expect(read.records).toHaveLength(3);
    for (const r of read.records) {
      expect(r.parts).toHaveLength(3);
      const ids = new Set(r.parts!.map((p) => p.getAttribute('row-id')));
      expect(ids.size).toBe(1);
    }
    const second = read.records[1]!;
    // the facts come from both parts; each points at the cell in the part that shows it
    expect(second.record.assignment).toMatchObject({ portalId: '720002', tckn: '12345678901', role: 'ih', minutes: 1200 });
    expect(second.parts![0]!.contains(second.cells!.tckn!)).toBe(true);
    expect(second.parts![1]!.contains(second.cells!.minutes!)).toBe(true);
    expect(second.record.workplace).toMatchObject({ sicilNo: '12562010155555550341234000', employees: 120 });
  });

  it('PrimeFaces frozen columns: two tables, two <tr> per contract joined by data-ri', () => {
    const doc = loadFixture('new-contracts/x-primefaces-frozen.html');
    const read = newContractsReader.read(doc);
    expect(read.records.map((r) => r.record.assignment?.portalId)).toEqual(['720001', '720002', '720003']);
    for (const r of read.records) expect(r.parts?.map((p) => p.closest('table'))).toHaveLength(2);
    expect(read.records[2]!.record.assignment).toMatchObject({ tckn: '17776071332', certificateClass: 'C' });
  });

  it('frozen columns without row keys: the two tables\' rows joined by position when both show as many', () => {
    const doc = loadFixture('new-contracts/x-frozen-keyless.html');
    const read = newContractsReader.read(doc);
    expect(read.records.map((r) => r.record.assignment?.portalId)).toEqual(['720001', '720002', '720003']);
    for (const r of read.records) expect(new Set(r.parts?.map((p) => p.closest('table')))).toHaveProperty('size', 2);
    expect(read.records.map((r) => [r.record.assignment?.tckn, r.record.assignment?.personName])).toEqual([
      ['10000000146', 'Elif Kaya'],
      ['12345678901', 'Kerem Aydın'],
      ['17776071332', 'Serkan Polat'],
    ]);
    // the hidden measure row is no part of any record; each fact points at the part that shows it
    expect(read.records.some((r) => r.parts!.some((p) => p.classList.contains('measure-row')))).toBe(false);
    expect(read.records[1]!.parts![0]!.contains(read.records[1]!.cells!.tckn!)).toBe(true);
    expect(read.records[1]!.parts![1]!.contains(read.records[1]!.cells!.minutes!)).toBe(true);
  });

  it('frozen columns without row keys whose parts show different numbers of rows are not joined', () => {
    const doc = loadFixture('new-contracts/x-frozen-keyless.html');
    doc.querySelector('.ui-datatable-frozen-container tbody tr:last-child')!.remove();
    const read = newContractsReader.read(doc);
    // the scrolling part is read alone: its own facts, no T.C. number guessed from another row
    expect(read.records.map((r) => [r.record.assignment?.portalId, r.record.assignment?.tckn, r.parts])).toEqual([
      ['720001', undefined, undefined],
      ['720002', undefined, undefined],
      ['720003', undefined, undefined],
    ]);
  });

  it('Ant Design 3 fixed columns: the pinned copy joins its row, nothing read twice', () => {
    const doc = loadFixture('public-institutions/x-antd3-fixed-columns.html');
    const read = publicInstitutionsReader.read(doc);
    expect(read.records).toHaveLength(3);
    expect(read.records.every((r) => r.parts?.length === 2)).toBe(true);
    expect(read.records.map((r) => r.record.workplace?.title)).toEqual(['ÖRNEK BELEDİYESİ', 'ÖRNEK ANADOLU LİSESİ', 'ÖRNEK HALK KÜTÜPHANESİ']);
  });

  it('two lists side by side with the same row keys stay two lists', () => {
    const table = (title: string) => `<table><thead><tr><th>Kurum Unvanı</th><th>Detay ID</th><th>NACE Kodu</th><th>Tehlike Sınıfı</th></tr></thead>
      <tbody><tr data-row-key="1"><td>${title}</td><td>1</td><td>84.11.41</td><td>Az Tehlikeli</td></tr></tbody></table>`;
    const doc = new DOMParser().parseFromString(`<div><div>${table('A KURUMU')}</div><div>${table('B KURUMU')}</div></div>`, 'text/html');
    const read = publicInstitutionsReader.read(doc);
    expect(read.records.map((r) => [r.record.workplace?.title, r.parts])).toEqual([['A KURUMU', undefined], ['B KURUMU', undefined]]);
  });
});

describe('invisible characters and huge values', () => {
  it('bidi marks, isolates, zero-width characters and BOM are dropped; narrow NBSP is a space', () => {
    expect(normalizeSpaces('\u200E47.11.02')).toBe('47.11.02');
    expect(normalizeSpaces('\u206685.31\u200B.12\u2069')).toBe('85.31.12');
    expect(normalizeSpaces('\u202AAz\u00A0Tehlikeli\u202C')).toBe('Az Tehlikeli');
    expect(normalizeNace('\u200F47.11.02\u200F')).toBe('47.11.02');
    expect(isNaceWellFormed('\u200E47.11.02')).toBe(true);
    expect(parseCount('1\u202F200')).toBe(1200);
    expect(parseCount('\uFEFF2.400\u200D')).toBe(2400);
    expect(isValidTckn('\u200E10000000146\u200E')).toBe(true);
  });

  it('the fixture: codes well-formed, counts read, a huge or garbage count kept as text, a 1 MB cell clipped', () => {
    const doc = loadFixture('public-institutions/x-bidi-huge.html');
    runFixtureScripts(doc);
    const read = publicInstitutionsReader.read(doc);
    expect(read.records.map((r) => r.element)).toEqual(expectedRecordElements(doc));
    const w = read.records.map((r) => r.record.workplace!);
    expect(w.map((x) => x.naceText)).toEqual(['47.11.02', '85.31.12', '84.11.41', '91.01', '84.11.41', '84.11.41', '84.11.41']);
    expect(w.slice(0, 3).map((x) => x.employees)).toEqual([1200, 85, 2400]);
    expect(w[4]).toMatchObject({ employeesText: '99999999999999999999' });
    expect(w[4]!.employees).toBeUndefined();
    expect(w[5]).toMatchObject({ employeesText: '1e308' });
    expect(w[6]!.title!.length).toBeLessThanOrEqual(2000);
    expect(w[6]!.title!.startsWith('ÖRNEK SPOR SALONU AÇIKLAMA')).toBe(true);
  });
});

describe('fixtures of unseen markup judged as they declare (read-page, empty context)', () => {
  it.each([
    'new-contracts/x-aggrid-pinned.html',
    'new-contracts/x-primefaces-frozen.html',
    'new-contracts/x-frozen-keyless.html',
    'public-institutions/x-antd3-fixed-columns.html',
    'public-institutions/x-bidi-huge.html',
    'new-contract-form/x-custom-controls.html',
  ])('%s', (path) => {
    const doc = loadFixture(path);
    runFixtureScripts(doc);
    const report = readPage(doc);
    // one entry per record, in the order of the first part of each: parts share a row key, or
    // (rows without keys) their position among the expected rows of their own body
    const keyOf = (el: Element) =>
      el.getAttribute('data-row-key') ?? el.getAttribute('row-id') ?? el.getAttribute('data-ri') ?? `#${[...el.parentElement!.children].filter((c) => c.hasAttribute('data-expect-kind')).indexOf(el)}`;
    const firsts = expectedRecordElements(doc).filter((el, i, all) => all.findIndex((o) => keyOf(o) === keyOf(el)) === i);
    const want = firsts.map((el) => [el.getAttribute('data-expect-status'), el.getAttribute('data-expect-rules')]);
    expect(report.records.map((r) => [r.status, r.rules])).toEqual(want.map(([s, r]) => [s ?? expect.any(String), r ?? expect.any(String)]));
  });
});

describe('read-page on a snapshot with inlined frames', () => {
  it('reads the frames inlined as srcdoc, nested ones too, and names them', () => {
    const inner = new XMLSerializer().serializeToString(loadFixture('public-institutions/x-antd3-fixed-columns.html'));
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const middle = `<html><body><p>ara</p><iframe name="icerik" srcdoc="${escape(inner)}"></iframe></body></html>`;
    const page = new DOMParser().parseFromString(`<html><body><iframe name="menu" srcdoc="&lt;p&gt;menü&lt;/p&gt;"></iframe><iframe name="ana" srcdoc="${escape(middle)}"></iframe></body></html>`, 'text/html');
    const report = readPage(page);
    expect(report.screen).toBeUndefined();
    expect(report.frames.map((f) => f.frame)).toEqual(['1 (menu)', '2 (ana)']);
    const nested = report.frames[1]!.frames[0]!;
    expect(nested.frame).toBe('1 (icerik)');
    expect(nested.screen).toBe('public-institutions');
    expect(nested.records.map((r) => [r.status, r.parts])).toEqual([['ok', 2], ['error', 2], ['error', 2]]);
  });
});
