// Screen × fixture matrix: every reader's detector and record rows against every saved portal page.
import { describe, expect, it } from 'vitest';
import { detectScreen, SCREENS } from '@/utils/screens';
import { newContractsReader } from '@/utils/screens/new-contracts';
import { oldContractsReader } from '@/utils/screens/old-contracts';
import { oldWorkplaceSelectReader } from '@/utils/screens/old-workplace-select';
import { publicInstitutionsReader } from '@/utils/screens/public-institutions';
import { allFixtures, expectedRecordElements, expectedScreen, runFixtureScripts, screenDocumentOf } from './grid-fixtures';

const GRID_READERS = [oldContractsReader, oldWorkplaceSelectReader, newContractsReader, publicInstitutionsReader];
const FIXTURES = allFixtures();

describe('fixtures on disk', () => {
  it.each(GRID_READERS.map((r) => r.id))('%s has at least three markup variants', (id) => {
    const own = FIXTURES.filter((f) => f.startsWith(`${id}/`) && !f.endsWith('iframe.html'));
    expect(own.length).toBeGreaterThanOrEqual(3);
  });

  it('has pages that are no screen at all', () => {
    expect(FIXTURES.filter((f) => f.startsWith('none/')).length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(FIXTURES)('%s', (fixture) => {
  const { doc } = screenDocumentOf(fixture);
  // some fixtures render their grid from an inline script (a virtualised grid): run it as the browser would
  const scripts = Array.from(doc.querySelectorAll('script:not([src])')).map((x) => x.textContent ?? '');
  // (pages that load their data over the network stay static here: the e2e tests serve them)
  if (scripts.length && !scripts.some((t) => /fetch\(|XMLHttpRequest/.test(t))) {
    try {
      runFixtureScripts(doc);
    } catch {
      // a script needing more than the document (timers, frames) leaves the static markup
    }
  }
  const expected = expectedScreen(doc);
  // a form shown over a grid (the approval popup over "Sözleşmeler") declares the grid behind it
  const also = (doc.documentElement.getAttribute('data-expect-also') ?? '').split(/\s+/).filter(Boolean);

  it.each(GRID_READERS.map((r) => [r.id, r] as const))(`%s.detect is ${'true only for its own screen'}`, (id, reader) => {
    expect(reader.detect(doc)).toBe(expected === id || also.includes(id));
  });

  it('detectScreen names the declared screen (or none)', () => {
    expect(detectScreen(doc)?.id).toBe(expected);
  });

  if (expected && GRID_READERS.some((r) => r.id === expected)) {
    it('reads exactly the rows the fixture marks as records, in order', () => {
      const reader = GRID_READERS.find((r) => r.id === expected)!;
      const read = reader.read(doc);
      expect(read.screen).toBe(expected);
      // a row split in parts (pinned columns) is one record whose parts are all marked records
      const elements = read.records.flatMap((r) => r.parts ?? [r.element]);
      elements.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : a === b ? 0 : 1));
      expect(elements).toEqual(expectedRecordElements(doc));
      for (const r of read.records) if (r.parts) expect(r.parts[0]).toBe(r.element);
    });

    it('marks expected statuses with the PAGE-CONTRACT values only', () => {
      for (const el of Array.from(doc.querySelectorAll('[data-expect-status]'))) {
        expect(['error', 'warn', 'unknown', 'ok']).toContain(el.getAttribute('data-expect-status'));
        expect(el.getAttribute('data-expect-kind')).toBe('record');
      }
    });
  }
});

describe('registry', () => {
  it('lists each screen once', () => {
    const ids = SCREENS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of GRID_READERS) expect(ids).toContain(r.id);
  });

  it('finds nothing on an empty page', () => {
    const doc = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(detectScreen(doc)).toBeUndefined();
  });
});
