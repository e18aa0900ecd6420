// NaceLookup: code and folded word search over the Tebliğ list (RULES.md §7).
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { NaceLookup } from '@/components/NaceLookup';

afterEach(cleanup);

function rows(): HTMLTableRowElement[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

describe('NaceLookup', () => {
  it('finds a code with its class as a word and its activity', async () => {
    const user = userEvent.setup();
    render(<NaceLookup language="tr" />);
    await user.type(screen.getByLabelText('NACE kodu veya faaliyet'), '43.22.05');
    expect(rows()).toHaveLength(1);
    const cells = [...rows()[0]!.cells].map((c) => c.textContent);
    expect(cells[0]).toBe('43.22.05');
    expect(cells[1]).toBe('Çok Tehlikeli');
    expect(cells[2]).toMatch(/Gaz tesisatı/);
    expect(screen.getByRole('status').textContent).toBe('1 sonuç');
  });

  it('lists a class by code prefix and says when a code is not in the list', async () => {
    const user = userEvent.setup();
    render(<NaceLookup language="tr" />);
    const box = screen.getByLabelText('NACE kodu veya faaliyet');
    await user.type(box, '43.22');
    expect(rows().map((r) => r.cells[0]!.textContent)).toEqual(['43.22.03', '43.22.05', '43.22.06', '43.22.07']);
    // 43.22.01 is not in the Tebliğ list: reported, never guessed
    await user.clear(box);
    await user.type(box, '43.22.01');
    expect(rows()).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('Listede eşleşen kod yok.');
  });

  it('finds words folded the Turkish way ("CAY" finds "Çay")', async () => {
    const user = userEvent.setup();
    render(<NaceLookup language="tr" />);
    await user.type(screen.getByLabelText('NACE kodu veya faaliyet'), 'CAY yetistiriciligi');
    const first = rows()[0]!;
    expect(within(first).getByText('01.27.02')).toBeTruthy();
    expect(first.cells[2]!.textContent).toMatch(/^Çay yetiştiriciliği/);
  });

  it('shows the class in English', async () => {
    const user = userEvent.setup();
    render(<NaceLookup language="en" />);
    await user.type(screen.getByLabelText('NACE code or activity'), '01.11.07');
    expect(rows()[0]!.cells[1]!.textContent).toBe('Hazardous');
  });
});
