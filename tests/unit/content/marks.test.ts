// What the user sees on the portal page: markers on the faulty cell, no badge on rows that pass
// (unless asked), never "Uygun" on an ended contract, one quiet marker for missing data whose
// tooltip offers "Profil ekle", and the context answer checked by hand.
import { describe, expect, it } from 'vitest';
import { markRecord, unmarkRecord, type MarkOptions, type RecordMark } from '@/utils/content/marks';
import { connectTooltip, showTip } from '@/utils/content/tooltip';
import { stateOfMarker } from '@/utils/content/marks';
import { ASSIGNMENT_FIELD_CHECKS, WORKPLACE_FIELD_CHECKS, contextAnswer, jumpRequest } from '@/utils/content/validate';
import { AssignmentFactsSchema, CELL_FIELDS, WorkplaceFactsSchema } from '@/utils/records';
import { MAX_CONTEXT_WORKPLACES as WIRE_MAX } from '@/utils/messages';
import { MAX_CONTEXT_WORKPLACES } from '@/utils/content/context';
import { ruleById, type Finding } from '@/utils/rules';

function row(doc: Document = document.implementation.createHTMLDocument('t')): { doc: Document; tr: HTMLTableRowElement; cells: HTMLTableCellElement[] } {
  doc.body.innerHTML = '<table><tbody><tr><td>Ayşe Yılmaz</td><td>12345678901</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>1.200</td></tr></tbody></table>';
  const tr = doc.querySelector('tr')!;
  return { doc, tr, cells: [...tr.cells] };
}

const fail = (ruleId: Finding['ruleId'], message = 'mesaj'): Finding => ({
  ruleId,
  severity: ruleById(ruleId).severity,
  result: 'fail',
  message: { tr: message, en: `${message} (en)` },
  citation: 'Yönetmelik m. 12',
});
const needs = (ruleId: Finding['ruleId'], missing: Finding['missing']): Finding => ({
  ruleId,
  severity: 'error',
  result: 'needs-data',
  message: { tr: 'Bu işyerinin çalışan sayısı ve tehlike sınıfı bilinmiyor', en: 'Unknown' },
  citation: 'Yönetmelik m. 12',
  missing,
});

const opts = (over: Partial<MarkOptions> = {}): MarkOptions => ({
  text: { language: 'tr', ruleTitle: (id) => ruleById(id).title },
  screen: 'new-contracts',
  showPassing: false,
  ...over,
});

const mark = (findings: Finding[]): RecordMark => {
  const status = findings.some((f) => f.result === 'fail' && f.severity === 'error') ? 'error' : findings.length ? 'unknown' : 'ok';
  return { status, rules: [...new Set(findings.map((f) => (f.result === 'fail' ? f.ruleId : 'needs-data')))].sort().join(' '), findings };
};

const markers = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-katip-ui="mark"]')];

describe('marks on the cell', () => {
  it('outlines the cell a rule is about and puts the icon there; the row keeps its contract attributes', () => {
    const { tr, cells } = row();
    markRecord(tr, mark([fail('certificate-class'), fail('tckn-invalid')]), { personName: cells[0]!, tckn: cells[1]!, certificateText: cells[2]!, minutes: cells[3]! }, opts());
    expect(tr.getAttribute('data-katip-status')).toBe('error');
    expect(tr.getAttribute('data-katip-rules')).toBe('certificate-class tckn-invalid');
    expect(cells[2]!.getAttribute('data-katip-cell')).toBe('error');
    expect(cells[1]!.getAttribute('data-katip-cell')).toBe('error');
    expect(cells[0]!.hasAttribute('data-katip-cell')).toBe(false);
    expect(cells[3]!.hasAttribute('data-katip-cell')).toBe(false);
    // one marker in each faulty cell; one tab stop per record
    expect(markers(cells[2]!)).toHaveLength(1);
    expect(markers(cells[1]!)).toHaveLength(1);
    expect(markers(tr).filter((m) => m.tabIndex === 0)).toHaveLength(1);
    // the cell's own text is untouched (the readers read it)
    expect(cells[2]!.textContent).toBe('C Sınıfı İş Güvenliği Uzmanı');
    expect(markers(tr).every((m) => m.childNodes.length === 0)).toBe(true);
    // only the row carries the record attributes
    expect(tr.ownerDocument.querySelectorAll('[data-katip-status]')).toHaveLength(1);
  });

  it('follows the findings: a fixed cell loses its outline and marker, a new one gains them', () => {
    const { tr, cells } = row();
    const where = { tckn: cells[1]!, minutes: cells[3]! };
    markRecord(tr, mark([fail('tckn-invalid')]), where, opts());
    markRecord(tr, mark([fail('minutes-below-minimum', '4.800 dk gerekli, 1.200 dk var')]), where, opts());
    expect(cells[1]!.hasAttribute('data-katip-cell')).toBe(false);
    expect(markers(cells[1]!)).toHaveLength(0);
    expect(cells[3]!.getAttribute('data-katip-cell')).toBe('error');
    expect(markers(tr)).toHaveLength(1);
    unmarkRecord(tr);
    expect(tr.ownerDocument.querySelectorAll('[data-katip-cell], [data-katip-status], [data-katip-ui="mark"]')).toHaveLength(0);
  });

  it('without a cell for the fact, the marker sits in the first shown cell', () => {
    const { tr, cells } = row();
    cells[0]!.style.display = 'none';
    markRecord(tr, mark([fail('sicil-malformed')]), undefined, opts());
    expect(markers(cells[1]!)).toHaveLength(1);
  });

  it('rows that pass carry no marker by default; with showPassing they do, but an ended contract is never "Uygun"', () => {
    const { tr } = row();
    markRecord(tr, mark([]), undefined, opts());
    expect(tr.getAttribute('data-katip-status')).toBe('ok');
    expect(tr.getAttribute('data-katip-rules')).toBe('');
    expect(markers(tr)).toHaveLength(0);
    markRecord(tr, mark([]), undefined, opts({ showPassing: true }));
    expect(markers(tr)).toHaveLength(1);
    expect(markers(tr)[0]!.getAttribute('data-katip-tone')).toBe('ok');
    expect(markers(tr)[0]!.getAttribute('aria-label')).toContain('Uygun');
    markRecord(tr, mark([]), undefined, opts({ showPassing: true, inactive: true }));
    expect(markers(tr)).toHaveLength(0);
  });

  it('missing data: one quiet marker, no outline; the tooltip names the facts and "Profil ekle" asks for the pre-filled form', () => {
    const { doc, tr } = row();
    const sent: unknown[] = [];
    connectTooltip(doc, stateOfMarker, (m) => sent.push(m));
    const workplace = { title: 'Demir Çelik A.Ş.', sicilNo: '22410010112345670340100000' };
    markRecord(tr, mark([needs('minutes-below-minimum', ['hazard-class', 'employees']), needs('full-time-required', ['hazard-class', 'employees'])]), undefined, opts({ workplace }));
    expect(markers(tr)).toHaveLength(1);
    expect(markers(tr)[0]!.getAttribute('data-katip-tone')).toBe('unknown');
    expect(doc.querySelectorAll('[data-katip-cell]')).toHaveLength(0);
    const tip = showTip(doc, markers(tr)[0]!)!;
    expect(tip.textContent).toContain('tehlike sınıfı, çalışan sayısı');
    expect(tip.textContent).not.toMatch(/eksik \d/i);
    const button = tip.querySelector('button')!;
    expect(button.textContent).toBe('Profil ekle');
    button.click();
    expect(sent).toEqual([{ type: 'open-profile', workplace }]);
  });

  it('on the approval form, a missing role says to select the row in the Sözleşmeler grid first', () => {
    const { doc, tr } = row();
    connectTooltip(doc, stateOfMarker, () => {});
    markRecord(tr, mark([needs('certificate-class', ['role'])]), undefined, opts({ screen: 'old-approval' }));
    const tip = showTip(doc, markers(tr)[0]!)!;
    expect(tip.textContent).toContain('Sözleşmeler tablosunda');
    expect(tip.querySelector('button')).toBeNull();
  });

  it('the tooltip opens with the keyboard, takes focus, and Escape gives it back', () => {
    const { doc, tr } = row(document);
    connectTooltip(doc, stateOfMarker, () => {});
    markRecord(tr, mark([needs('minutes-below-minimum', ['employees'])]), undefined, opts());
    const marker = markers(tr)[0]!;
    marker.focus();
    marker.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const host = doc.querySelector('[data-katip-ui="tooltip"]')!;
    const tip = host.shadowRoot!.querySelector<HTMLElement>('.tip')!;
    expect(tip.hidden).toBe(false);
    expect(host.shadowRoot!.activeElement?.textContent).toBe('Profil ekle');
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(tip.hidden).toBe(true);
  });
});

describe('light marks (big grids)', () => {
  const lightRow = (doc: Document = document.implementation.createHTMLDocument('t')) => {
    doc.body.innerHTML = '<table><tbody><tr><td><a href="#k">Ayşe Yılmaz</a></td><td>12345678901</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>1.200</td></tr></tbody></table>';
    const tr = doc.querySelector('tr')!;
    return { doc, tr, cells: [...tr.cells] };
  };
  const tipOf = (doc: Document) => doc.querySelector('[data-katip-ui="tooltip"]')!.shadowRoot!.querySelector<HTMLElement>('.tip')!;

  it('put no element into the row: the tone goes on the faulty cell (or the first cell), the outline stays, the text is untouched', () => {
    const { tr, cells } = lightRow();
    const before = tr.innerHTML;
    markRecord(tr, mark([fail('certificate-class')]), { certificateText: cells[2]! }, opts({ light: true }));
    expect(tr.getAttribute('data-katip-status')).toBe('error');
    expect(cells[2]!.getAttribute('data-katip-mark')).toBe('error');
    expect(cells[2]!.getAttribute('data-katip-cell')).toBe('error');
    expect(markers(tr)).toHaveLength(0);
    expect(tr.querySelectorAll('*')).toHaveLength(5);
    // missing data only: the first cell carries the quiet tone
    markRecord(tr, mark([needs('minutes-below-minimum', ['employees'])]), undefined, opts({ light: true }));
    expect(cells[2]!.hasAttribute('data-katip-mark')).toBe(false);
    expect(cells[0]!.getAttribute('data-katip-mark')).toBe('unknown');
    unmarkRecord(tr);
    expect(tr.outerHTML).toBe(`<tr>${before}</tr>`);
  });

  it('a grid that grows past the threshold trades its markers for light marks, and back', () => {
    const { tr, cells } = lightRow();
    const m = mark([fail('tckn-invalid')]);
    markRecord(tr, m, { tckn: cells[1]! }, opts());
    expect(markers(tr)).toHaveLength(1);
    markRecord(tr, m, { tckn: cells[1]! }, opts({ light: true }));
    expect(markers(tr)).toHaveLength(0);
    expect(cells[1]!.getAttribute('data-katip-mark')).toBe('error');
    markRecord(tr, m, { tckn: cells[1]! }, opts());
    expect(markers(tr)).toHaveLength(1);
    expect(cells[1]!.hasAttribute('data-katip-mark')).toBe(false);
  });

  it('the pointer over the cell shows its findings; a click goes to the portal untouched', () => {
    const { doc, tr, cells } = lightRow(document);
    connectTooltip(doc, stateOfMarker, () => {});
    markRecord(tr, mark([fail('minutes-below-minimum', '4.800 dk gerekli, 1.200 dk var')]), { minutes: cells[3]! }, opts({ light: true }));
    cells[3]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(tipOf(doc).hidden).toBe(false);
    expect(tipOf(doc).textContent).toContain('4.800 dk gerekli');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    cells[3]!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    unmarkRecord(tr);
  });

  it("the keyboard reaching the row's own link shows the row's findings; leaving it hides them", () => {
    const { doc, tr, cells } = lightRow(document);
    connectTooltip(doc, stateOfMarker, () => {});
    markRecord(tr, mark([needs('minutes-below-minimum', ['employees'])]), undefined, opts({ light: true }));
    const link = cells[0]!.querySelector('a')!;
    link.focus();
    expect(tipOf(doc).hidden).toBe(false);
    expect(tipOf(doc).textContent).toContain('çalışan sayısı');
    link.blur();
    expect(tipOf(doc).hidden).toBe(true);
    unmarkRecord(tr);
  });
});

describe('hand checks at the message boundary (no zod in the page)', () => {
  it('check every field the schemas have', () => {
    expect(Object.keys(WORKPLACE_FIELD_CHECKS).sort()).toEqual(Object.keys(WorkplaceFactsSchema.shape).sort());
    expect(Object.keys(ASSIGNMENT_FIELD_CHECKS).sort()).toEqual(Object.keys(AssignmentFactsSchema.shape).sort());
    expect(MAX_CONTEXT_WORKPLACES).toBe(WIRE_MAX);
  });

  const good = {
    disabledRules: ['nace-not-listed', 'no-such-rule'],
    language: 'en',
    showPassing: true,
    confirmBeforeSave: 'yes',
    base: { assignments: [] },
    workplaces: [{ profile: { employees: 40, hazardText: 'Tehlikeli', title: 7 }, assignments: [{ key: 'k', label: { tr: 'A', en: 'B' }, minutes: -5, role: 'igu' }, { label: 'no key' }, { key: 'plain', label: 'only Turkish' }] }],
  };

  it('keep what fits and drop, field by field, what does not', () => {
    const a = contextAnswer(good, 1)!;
    expect(a.disabledRules).toEqual(['nace-not-listed']);
    expect(a).toMatchObject({ language: 'en', showPassing: true, confirmBeforeSave: false });
    expect(a.workplaces[0]!.profile).toEqual({ employees: 40, hazardText: 'Tehlikeli' });
    expect(a.workplaces[0]!.assignments).toEqual([{ key: 'k', label: { tr: 'A', en: 'B' }, role: 'igu' }]);
  });

  it('refuse an answer that is not one, or answers another number of workplaces', () => {
    expect(contextAnswer(good, 2)).toBeUndefined();
    expect(contextAnswer({ ...good, language: 'de' }, 1)).toBeUndefined();
    expect(contextAnswer({ ok: false, error: 'x' }, 0)).toBeUndefined();
    expect(contextAnswer(undefined, 0)).toBeUndefined();
  });

  it('read the jump request', () => {
    expect(jumpRequest({ type: 'jump', recordIndex: 3, field: 'minutes' }, CELL_FIELDS)).toEqual({ type: 'jump', recordIndex: 3, field: 'minutes' });
    expect(jumpRequest({ type: 'jump', recordIndex: 3, field: 'bogus' }, CELL_FIELDS)).toEqual({ type: 'jump', recordIndex: 3 });
    expect(jumpRequest({ type: 'jump', recordIndex: -1 }, CELL_FIELDS)).toBeUndefined();
  });
});
