// The bug-report snapshot: nothing of the page runs, personal data replaced consistently (valid T.C.
// numbers by valid ones, invalid by invalid, names by fake names, SGK numbers keeping işkolu), and
// the saved file, read back by the readers, shows the same screen with the same records.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidTckn } from '@/utils/domain/core';
import { detectScreen } from '@/utils/screens';
import { Pseudonymizer, snapshotPage } from '@/utils/page-data/snapshot';

const FIXTURES = resolve(__dirname, '../../fixtures');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (path: string) => parse(readFileSync(resolve(FIXTURES, path), 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, ''));

function readBack(doc: Document) {
  const reader = detectScreen(doc);
  return { screen: reader?.id, records: reader ? reader.read(doc).records.map((r) => r.record) : [] };
}

describe('pseudonymising', () => {
  it('a valid T.C. number becomes a valid fake one, an invalid one an invalid fake one, the same each time', () => {
    const p = new Pseudonymizer();
    const a = p.text('17776071332');
    expect(a).not.toBe('17776071332');
    expect(isValidTckn(a)).toBe(true);
    expect(p.text('TC: 17776071332.')).toBe(`TC: ${a}.`);
    const bad = p.text('12345678900');
    expect(isValidTckn('12345678900')).toBe(false);
    expect(isValidTckn(bad)).toBe(false);
    expect(bad).toMatch(/^[1-9]\d{10}$/);
    expect(p.text('98718305708')).not.toBe(a);
  });

  it('an SGK number keeps mahiyet and işkolu (digits 1-5) and its separators; the rest is replaced', () => {
    const p = new Pseudonymizer();
    const out = p.text('22451010112345670340100000');
    expect(out.slice(0, 5)).toBe('22451');
    expect(out).toMatch(/^\d{26}$/);
    expect(out).not.toBe('22451010112345670340100000');
    expect(p.text('2 2451 01 01 1234567 034 01 00 000')).toMatch(/^2 2451 \d\d \d\d \d{7} \d{3} \d\d \d\d \d{3}$/);
    // a malformed (too short) number stays as long as it was
    expect(p.text('2245101011234567034010')).toMatch(/^22451\d{17}$/);
  });

  it('names the readers found become fake names, in any case, consistently', () => {
    const p = new Pseudonymizer();
    p.addNames(['Ayşe Yıldırım', 'Mehmet Öztürk', 'A*** Y***']);
    const a = p.text('Ayşe Yıldırım');
    expect(a).not.toContain('Ayşe');
    expect(p.text('Onaylayan: AYŞE YILDIRIM, Ayşe  Yıldırım')).toBe(`Onaylayan: ${a.toLocaleUpperCase('tr')}, ${a.replace(' ', '  ')}`);
    expect(p.text('Yıldırımlar')).toBe('Yıldırımlar'); // not a whole word
    expect(p.text('Sayın YILDIRIM')).toBe(`Sayın ${a.split(' ')[1]!.toLocaleUpperCase('tr')}`);
    expect(p.text('A*** Y***')).toBe('A*** Y***');
  });
});

describe('the snapshot of a page', () => {
  it('strips scripts, handlers and javascript: URLs; keeps typed values; empties hidden inputs; leaves the page untouched', () => {
    const doc = parse(`<!DOCTYPE html><html><head><base href="https://x.example/"><meta http-equiv="refresh" content="0;url=https://x.example"></head><body>
      <script>window.__ran = 1</script><img src="https://x.example/p.png" onerror="window.__ran=2">
      <a href="javascript:alert(1)" onclick="x()">bağlantı</a><form action="/kaydet"><input name="__VIEWSTATE" type="hidden" value="c2VjcmV0">
      <label>Çalışma Süresi <input id="m" value="10"></label><input type="checkbox" id="c"><select id="s"><option>A</option><option>B</option></select>
      <textarea id="t"></textarea></form><svg><a href=" javascript:alert(2)"><text>x</text></a></svg></body></html>`);
    (doc.getElementById('m') as HTMLInputElement).value = '1.800';
    (doc.getElementById('c') as HTMLInputElement).checked = true;
    (doc.getElementById('s') as HTMLSelectElement).selectedIndex = 1;
    (doc.getElementById('t') as HTMLTextAreaElement).value = 'not 17776071332';
    const before = doc.documentElement.outerHTML;
    const { html } = snapshotPage(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<base|http-equiv|c2VjcmV0|p\.png/i);
    const back = parse(html);
    expect(back.getElementById('m')!.getAttribute('value')).toBe('1.800');
    expect(back.getElementById('c')!.hasAttribute('checked')).toBe(true);
    expect((back.getElementById('s') as HTMLSelectElement).value).toBe('B');
    expect(back.getElementById('t')!.textContent).toMatch(/^not [1-9]\d{10}$/);
    expect(back.getElementById('t')!.textContent).not.toContain('17776071332');
  });

  it.each(['new-contracts/plain.html', 'old-contracts/plain.html', 'old-approval/table.html', 'new-contract-form/table.html', 'public-institutions/plain.html', 'old-workplace-select/plain.html'])(
    '%s read back: the same screen, the same records but for the personal data',
    (path) => {
      const doc = fixture(path);
      const original = readBack(doc);
      expect(original.screen).toBeDefined();
      const snap = snapshotPage(doc);
      const back = readBack(parse(snap.html));
      expect(back.screen).toBe(original.screen);
      expect(back.records).toHaveLength(original.records.length);
      back.records.forEach((r, i) => {
        const o = original.records[i]!;
        expect(r.kind).toBe(o.kind);
        // the facts the rules judge are kept
        expect(r.assignment?.minutes).toBe(o.assignment?.minutes);
        expect(r.assignment?.role).toBe(o.assignment?.role);
        expect(r.workplace?.hazardText).toBe(o.workplace?.hazardText);
        expect(r.workplace?.naceText).toBe(o.workplace?.naceText);
        expect(r.workplace?.employees).toBe(o.workplace?.employees);
        // personal data is not: a T.C. number keeps only its validity, an SGK number its first five digits
        if (o.assignment?.tckn && /^\d{11}$/.test(o.assignment.tckn)) {
          expect(r.assignment!.tckn).not.toBe(o.assignment.tckn);
          expect(isValidTckn(r.assignment!.tckn!)).toBe(isValidTckn(o.assignment.tckn));
        }
        if (o.assignment?.personName && /^[\p{L} .'-]+$/u.test(o.assignment.personName)) expect(r.assignment!.personName).not.toBe(o.assignment.personName);
        if (o.workplace?.sicilNo && o.workplace.sicilNo.replace(/\D/g, '').length >= 13) {
          expect(r.workplace!.sicilNo).not.toBe(o.workplace.sicilNo);
          expect(r.workplace!.sicilNo!.slice(0, 5)).toBe(o.workplace.sicilNo.slice(0, 5));
        }
      });
      for (const o of original.records) {
        if (o.assignment?.tckn && /^\d{11}$/.test(o.assignment.tckn)) expect(snap.html).not.toContain(o.assignment.tckn);
      }
    },
  );
});
