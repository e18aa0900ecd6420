// FindingList: grouping, counts, needs-data explanations, language, masking, jump buttons.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingList } from '@/components/FindingList';
import type { Finding } from '@/utils/rules/types';

afterEach(cleanup);

const below = (i: number): Finding => ({
  ruleId: 'minutes-below-minimum',
  severity: 'error',
  result: 'fail',
  message: { tr: `İGU süresi yetersiz (${i})`, en: `OHS minutes too low (${i})` },
  citation: 'İGU Yönetmeliği m. 12',
  recordIndex: i,
});

const needs: Finding = {
  ruleId: 'certificate-class',
  severity: 'error',
  result: 'needs-data',
  message: { tr: 'Tehlike sınıfı bilinmiyor', en: 'Hazard class unknown' },
  citation: 'İGU Yönetmeliği',
  missing: ['hazard-class', 'employees'],
  recordIndex: 4,
};

const notListed: Finding = {
  ruleId: 'nace-not-listed',
  severity: 'warn',
  result: 'fail',
  message: { tr: '99.99.99 listede yok', en: '99.99.99 not listed' },
  citation: 'Tebliğ Ek-1',
};

describe('FindingList', () => {
  it('groups findings by rule with counts, errors before warnings', () => {
    render(<FindingList findings={[notListed, below(0), below(1), below(2)]} language="tr" />);
    const groups = screen.getAllByRole('listitem').filter((li) => li.classList.contains('katip-finding-group'));
    expect(groups).toHaveLength(2);
    expect(within(groups[0]!).getByText('minutes-below-minimum — 3')).toBeTruthy();
    expect(within(groups[1]!).getByText('nace-not-listed — 1')).toBeTruthy();
    // severity as a word, not colour alone
    expect(within(groups[0]!).getAllByText('Hata').length).toBeGreaterThan(0);
    expect(within(groups[1]!).getAllByText('Uyarı').length).toBeGreaterThan(0);
    expect(screen.getByRole('status').textContent).toBe('3 hata, 1 uyarı, 0 veri eksik');
    // the rule's title from the rule module
    expect(within(groups[0]!).getByRole('heading').textContent).toMatch(/minutes-below-minimum — 3/);
  });

  it('explains needs-data findings and points to the workplace profile', async () => {
    const open = vi.fn();
    render(<FindingList findings={[needs]} language="tr" onOpenProfiles={open} />);
    expect(screen.getByText('Veri eksik', { selector: '.katip-finding-head *' })).toBeTruthy();
    expect(screen.getByText('Eksik bilgi: tehlike sınıfı, çalışan sayısı')).toBeTruthy();
    expect(screen.getByText(/Ayarlar sayfasında, İşyeri profilleri bölümünden ekleyebilirsiniz/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'İşyeri profillerini aç' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('switches language for messages, severities and hints', () => {
    render(<FindingList findings={[needs, below(0)]} language="en" />);
    expect(screen.getByText('OHS minutes too low (0)')).toBeTruthy();
    expect(screen.queryByText('İGU süresi yetersiz (0)')).toBeNull();
    expect(screen.getByText('Missing: hazard class, employee count')).toBeTruthy();
    expect(screen.getAllByText('Error').length).toBeGreaterThan(0);
    expect(screen.getByText('Data missing', { selector: '.katip-finding-head *' })).toBeTruthy();
  });

  it('offers "Kayda git" only for record findings, with the record index', async () => {
    const jump = vi.fn();
    render(<FindingList findings={[below(2), notListed]} language="tr" onJump={jump} />);
    const buttons = screen.getAllByRole('button', { name: /Kayda git/ });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute('aria-label')).toBe('Kayda git: 3. kayıt');
    await userEvent.setup().click(buttons[0]!);
    expect(jump).toHaveBeenCalledWith(2);
    expect(screen.getByText('Sayfa geneli')).toBeTruthy();
  });

  it('masks T.C. Kimlik numbers in messages unless showTckn is on', () => {
    const tckn: Finding = {
      ruleId: 'tckn-invalid',
      severity: 'error',
      result: 'fail',
      message: { tr: '12345678901 geçersiz T.C. Kimlik No', en: '12345678901 invalid' },
      citation: 'RULES §8',
      counted: ['Ayşe (10000000146)'],
    };
    const { unmount } = render(<FindingList findings={[tckn]} language="tr" />);
    expect(document.body.textContent).not.toContain('12345678901');
    expect(document.body.textContent).not.toContain('10000000146');
    expect(screen.getByText('123******01 geçersiz T.C. Kimlik No')).toBeTruthy();
    unmount();
    render(<FindingList findings={[tckn]} language="tr" showTckn />);
    expect(screen.getByText('12345678901 geçersiz T.C. Kimlik No')).toBeTruthy();
  });

  it('says "Uygun" when there is nothing to report', () => {
    render(<FindingList findings={[]} language="tr" />);
    expect(screen.getByRole('status').textContent).toContain('Uygun');
  });
});
