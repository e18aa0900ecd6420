// MinimumCalculator: the arithmetic of RULES.md §2-3 shown in words, and bad input refused clearly.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MinimumCalculator, readEmployees } from '@/components/MinimumCalculator';

afterEach(cleanup);

async function setup(lang: 'tr' | 'en' = 'tr') {
  const user = userEvent.setup();
  render(<MinimumCalculator language={lang} />);
  const employees = screen.getByLabelText(lang === 'tr' ? 'Çalışan sayısı' : 'Employees');
  return { user, employees };
}

describe('MinimumCalculator', () => {
  it('shows 600 çok tehlikeli İGU as 2 full-time plus 4.000 minutes, with the citation', async () => {
    const { user, employees } = await setup();
    await user.selectOptions(screen.getByLabelText('Görev'), 'igu');
    await user.selectOptions(screen.getByLabelText('Tehlike sınıfı'), 'cok-tehlikeli');
    await user.type(employees, '600');
    expect(screen.getByText('600 çalışan, Çok Tehlikeli, İGU: 600 ÷ 250 = 2 tam süreli; kalan 100 × 40 dk = 4.000 dk')).toBeTruthy();
    expect(screen.getByText(/İş Güvenliği Uzmanlarının Görev/)).toBeTruthy();
  });

  it('below the threshold gives N × rate and says no full-time is needed', async () => {
    const { user, employees } = await setup();
    await user.selectOptions(screen.getByLabelText('Tehlike sınıfı'), 'az-tehlikeli');
    await user.type(employees, '3');
    expect(screen.getByText(/3 çalışan, Az Tehlikeli, İGU: 3 × 10 dk = 30 dk/)).toBeTruthy();
  });

  it('gives the DSP band and says when DSP is not required', async () => {
    const { user, employees } = await setup();
    await user.selectOptions(screen.getByLabelText('Görev'), 'dsp');
    await user.type(employees, '120');
    expect(screen.getByText('120 çalışan, Çok Tehlikeli, DSP: 120 × 15 dk = 1.800 dk')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Tehlike sınıfı'), 'tehlikeli');
    expect(screen.getByText('120 çalışan, Tehlikeli, DSP: gerekmez — DSP yalnız Çok Tehlikeli ve en az 10 çalışanlı işyerlerinde istenir.')).toBeTruthy();
  });

  it('refuses negative, non-numeric and empty input with a message and no result', async () => {
    const { user, employees } = await setup();
    await user.type(employees, 'abc');
    expect(screen.getByText(/Çalışan sayısı bir tam sayı olmalı/)).toBeTruthy();
    expect(employees.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/tam süreli;/)).toBeNull();
    await user.clear(employees);
    await user.type(employees, '-5');
    expect(screen.getByText(/negatif olamaz/)).toBeTruthy();
    await user.clear(employees);
    expect(screen.getByText('Çalışan sayısını girin.')).toBeTruthy();
    expect(screen.queryByText(/dk =/)).toBeNull();
  });

  it('reads Turkish-grouped counts and refuses fractions', () => {
    expect(readEmployees('1.200')).toEqual({ ok: true, value: 1200 });
    expect(readEmployees('12,5')).toEqual({ ok: false, reason: 'not-number' });
    expect(readEmployees('  ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('speaks English when asked', async () => {
    const { user, employees } = await setup('en');
    await user.type(employees, '600');
    expect(screen.getByText('600 employees, very hazardous, OHS specialist: 600 ÷ 250 = 2 full-time; remaining 100 × 40 min = 4,000 min')).toBeTruthy();
  });

  it('in English writes no Turkish abbreviation, unit or number format', async () => {
    const { user, employees } = await setup('en');
    await user.selectOptions(screen.getByLabelText('Role'), 'ih');
    await user.type(employees, '1.200');
    const text = document.body.textContent ?? '';
    expect(text).toContain('1,200 employees, very hazardous, workplace physician:');
    expect(screen.getByRole('option', { name: 'OHS specialist' })).toBeTruthy();
    // the citation names the Turkish regulation; everything before it is English
    const shown = text.slice(0, text.indexOf('Source'));
    expect(shown).not.toMatch(/İGU|İH\b|DSP|\bdk\b|tam süreli|\d\.\d{3}/);
  });
});
