// Injecting the content script (the bundle's top-level evaluation) runs in one task before the page's
// load event: the label vocabularies, grid specs and form matchers are built at the first check, not
// on import (utils/lazy.ts). Measured by tests/bench/injection.mjs; here: no label is folded on import.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazy } from '@/utils/lazy';

const folded = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/utils/domain/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@/utils/domain/core')>();
  return {
    ...core,
    foldLabel: (text: string) => {
      folded.count++;
      return core.foldLabel(text);
    },
  };
});

afterEach(() => {
  folded.count = 0;
});

describe('the content script injection', () => {
  it('folds no label when its modules are imported; the first check compiles the vocabularies', async () => {
    await import('@/utils/content/main');
    const { detectScreen } = await import('@/utils/screens');
    expect(folded.count).toBe(0);
    const doc = new DOMParser().parseFromString(
      `<table><thead><tr><th>Adı Soyadı</th><th>Personel Kategorisi</th><th>Onay Durumu</th><th>Çalışma Süresi</th></tr></thead>
       <tbody><tr><td>Ayşe Yılmaz</td><td>İş Güvenliği Uzmanı (C)</td><td>Onaylandı</td><td>450</td></tr></tbody></table>`,
      'text/html',
    );
    expect(detectScreen(doc)?.id).toBe('old-contracts');
    expect(folded.count).toBeGreaterThan(0);
  });
});

describe('lazy', () => {
  it('makes the value on the first call only, and gives the same value after', () => {
    const make = vi.fn(() => ({ made: true }));
    const value = lazy(make);
    expect(make).not.toHaveBeenCalled();
    const first = value();
    expect(value()).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });
});
