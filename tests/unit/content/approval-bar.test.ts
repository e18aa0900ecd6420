// The approval moment: the bar beside "Kayıt" lists this contract's errors with their numbers;
// confirmBeforeSave asks before saving a contract with errors and stops only when the user says no;
// pressing "Kayıt" on the approval form tells the background.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmText, findSaveButton, removeApprovalBar, showApprovalBar, type BarInput } from '@/utils/content/approval-bar';
import { ruleById, type Finding } from '@/utils/rules';

function page(buttons = '<button type="button">Kayıt</button> <button type="button">Kapat</button>'): { doc: Document; form: HTMLElement } {
  const doc = document;
  doc.body.innerHTML = `<div>${buttons}</div><h3>SÖZLEŞME ONAY</h3><table id="form"><tr><td>Adı Soyadı</td><td>ELİF KARATAŞ</td></tr></table>`;
  return { doc, form: doc.getElementById('form')! };
}

const error = (ruleId: Finding['ruleId'], tr: string): Finding => ({
  ruleId,
  severity: 'error',
  result: 'fail',
  message: { tr, en: tr },
  citation: 'm. 12',
});

const input = (form: Element, findings: Finding[], over: Partial<BarInput> = {}): BarInput => ({
  screen: 'old-approval',
  element: form,
  mark: { status: findings.length ? 'error' : 'ok', rules: '', findings },
  text: { language: 'tr', ruleTitle: (id) => ruleById(id).title },
  confirmBeforeSave: false,
  assignment: { personName: 'ELİF KARATAŞ', portalId: '5512034' },
  ...over,
});

const THREE = [
  error('certificate-class', 'B sınıfı İGU çok tehlikeli işyerinde görev alamaz'),
  error('minutes-below-minimum', '4.800 dk gerekli, 2.400 dk var'),
  error('over-capacity', '2.400 dk istenen, kalan 1.800 dk'),
];

const lines = (host: HTMLElement) => [...host.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

const stubConfirm = (answer: () => boolean) => {
  const confirm = vi.fn(answer);
  vi.stubGlobal('confirm', confirm);
  window.confirm = confirm;
  return confirm;
};

afterEach(() => vi.unstubAllGlobals());

describe('the approval bar', () => {
  it('finds the save button by its label, Kayıt before Onayla before İleri, never Kapat', () => {
    expect(findSaveButton(page().form)?.textContent).toBe('Kayıt');
    expect(findSaveButton(page('<button>İLERİ</button><input type="submit" value="Onayla">').form)?.getAttribute('value')).toBe('Onayla');
    expect(findSaveButton(page('<button>Kaydet ve Devam Et</button>').form)?.textContent).toBe('Kaydet ve Devam Et');
    expect(findSaveButton(page('<button>Kapat</button><button>Vazgeç</button>').form)).toBeUndefined();
  });

  it('sits right after the button and lists each error on one line, with its numbers', () => {
    const { form } = page();
    const host = showApprovalBar(input(form, THREE), () => {})!;
    expect(host.previousElementSibling?.textContent).toBe('Kayıt');
    expect(host.shadowRoot!.textContent).toContain('3 hata');
    expect(lines(host)).toHaveLength(3);
    expect(lines(host)[1]).toContain('4.800 dk gerekli, 2.400 dk var');
    // updated in place, not doubled
    showApprovalBar(input(form, THREE.slice(0, 1)), () => {});
    expect(form.ownerDocument.querySelectorAll('[data-katip-ui="approval-bar"]')).toHaveLength(1);
    expect(lines(host)).toHaveLength(1);
    showApprovalBar(input(form, []), () => {});
    expect(host.shadowRoot!.textContent).toContain('hata bulunmadı');
  });

  it('without confirmBeforeSave nothing is asked, and Kayıt tells the background', () => {
    const { doc, form } = page();
    const sent: unknown[] = [];
    const confirm = stubConfirm(() => false);
    showApprovalBar(input(form, THREE), (m) => sent.push(m));
    const onPortal = vi.fn();
    const kayit = doc.querySelector('button')!;
    kayit.addEventListener('click', onPortal);
    kayit.click();
    expect(confirm).not.toHaveBeenCalled();
    expect(onPortal).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ type: 'approval-submitted', assignment: { personName: 'ELİF KARATAŞ', portalId: '5512034' } }]);
    removeApprovalBar(doc);
  });

  it('with confirmBeforeSave, "no" stops the save, "yes" lets the portal go on; a contract without errors is never asked about', () => {
    const { doc, form } = page();
    const sent: unknown[] = [];
    let answer = false;
    const confirm = stubConfirm(() => answer);
    showApprovalBar(input(form, THREE, { confirmBeforeSave: true }), (m) => sent.push(m));
    const onPortal = vi.fn();
    const kayit = doc.querySelector('button')!;
    kayit.addEventListener('click', onPortal);
    kayit.click();
    expect(confirm).toHaveBeenCalledWith(confirmText(input(form, THREE)));
    expect(confirmText(input(form, THREE))).toContain('3 hata');
    expect(onPortal).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    answer = true;
    kayit.click();
    expect(onPortal).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    showApprovalBar(input(form, [], { confirmBeforeSave: true }), () => {});
    confirm.mockClear();
    kayit.click();
    expect(confirm).not.toHaveBeenCalled();
    expect(onPortal).toHaveBeenCalledTimes(2);
    // "Kapat" is never intercepted
    doc.querySelectorAll('button')[1]!.click();
    expect(confirm).not.toHaveBeenCalled();
    removeApprovalBar(doc);
  });

  it('missing facts on the approval form: one line saying to select the row in the grid first, no shortfall figure', () => {
    const { form } = page();
    const needs: Finding = { ruleId: 'minutes-below-minimum', severity: 'error', result: 'needs-data', message: { tr: 'görev türü bilinmiyor', en: '' }, citation: '', missing: ['role'] };
    const host = showApprovalBar(input(form, [needs]), () => {})!;
    expect(lines(host)).toHaveLength(1);
    expect(lines(host)[0]).toContain('Sözleşmeler tablosunda');
    expect(host.shadowRoot!.textContent).not.toMatch(/eksik [\d.]+ dk/i);
  });
});
