// The options page shows its content only once its first reads settle (a skeleton meanwhile), so a
// list that arrives late cannot push what is below it under the user's pointer.
import { useQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettledView } from '@/components/SettledView';
import { renderWithDb, teardown } from './helpers';

afterEach(teardown);

function List({ name, answer }: { name: string; answer: Promise<string[]> }) {
  const q = useQuery({ queryKey: [name], queryFn: () => answer });
  return <ul aria-label={name}>{q.data?.map((x) => <li key={x}>{x}</li>)}</ul>;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const content = () => document.querySelector('.katip-settled > div:last-child') as HTMLElement;

describe('SettledView', () => {
  it('hides the content behind a skeleton until every list has answered, then shows it for good', async () => {
    const first = deferred<string[]>();
    const second = deferred<string[]>();
    renderWithDb(
      <SettledView loadingLabel="Yükleniyor…">
        <List name="workplaces" answer={first.promise} />
        <List name="pending" answer={second.promise} />
        <button type="button">Kaydet</button>
      </SettledView>,
    );
    expect(screen.getByRole('status').textContent).toBe('Yükleniyor…');
    expect(content().className).toBe('katip-unsettled');
    await act(async () => first.resolve(['ÖZ DEMİR METAL']));
    await act(() => new Promise((r) => setTimeout(r, 150)));
    // one list is still loading: the page would still grow
    expect(content().className).toBe('katip-unsettled');
    await act(async () => second.resolve(['Mehmet Öztürk']));
    await act(() => new Promise((r) => setTimeout(r, 150)));
    expect(content().hasAttribute('data-settled')).toBe(true);
    expect(content().className).toBe('');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('Mehmet Öztürk')).toBeTruthy();
  });

  it('a read that never answers hides the page for at most the timeout', async () => {
    renderWithDb(
      <SettledView loadingLabel="Loading…" timeout={200}>
        <List name="never" answer={new Promise(() => {})} />
      </SettledView>,
    );
    expect(content().className).toBe('katip-unsettled');
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(content().hasAttribute('data-settled')).toBe(true);
  });
});
