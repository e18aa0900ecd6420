// Test helpers for the one-record form screens (old-approval, new-contract-form) on tests/fixtures/**.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PageRecordSchema, type PageRecord, type ScreenId, type ScreenReader } from '@/utils/records';
import { FIXTURES_DIR, allFixtures } from './grid-fixtures';

/**
 * A document parsed from page source as a form screen sees it. Frames stay `<iframe>` but load
 * nothing (an empty srcdoc stands in: the inner document is its own fixture).
 */
export function parseForm(source: string): Document {
  const doc = new DOMParser().parseFromString(
    source.replace(/(<iframe\b[^>]*?)\ssrc=/gi, '$1 srcdoc="" data-fixture-src='),
    'text/html',
  );
  // happy-dom 21 mis-sets selectedIndex while parsing <option selected>; a browser selects the marked option
  for (const select of doc.querySelectorAll('select')) {
    const i = Array.from(select.options).findIndex((o) => o.hasAttribute('selected'));
    if (i >= 0) select.selectedIndex = i;
  }
  return doc;
}

/** A fixture file (path relative to tests/fixtures) parsed with `parseForm`. */
export function loadForm(path: string): Document {
  return parseForm(readFileSync(join(FIXTURES_DIR, path), 'utf8'));
}

/** The reader's one record of `doc`, checked to be of `screen`, schema-valid and of `kind`. */
export function readOneRecord({ reader, screen, kind }: FormScreen, doc: Document): { element: Element; record: PageRecord } {
  const read = reader.read(doc);
  expect(read.screen).toBe(screen);
  expect(read.records).toHaveLength(1);
  const only = read.records[0]!;
  expect(PageRecordSchema.safeParse(only.record).success).toBe(true);
  expect(only.record.kind).toBe(kind);
  return only;
}

/** Which screen a form test is about: its reader, screen id and record kind. */
export interface FormScreen {
  reader: ScreenReader;
  screen: ScreenId;
  kind: PageRecord['kind'];
}

/** The marked fixtures of `screen` (data-expect-screen), as paths relative to tests/fixtures. */
function markedAs(screen: ScreenId, marked: boolean): string[] {
  return allFixtures().filter((p) => (loadForm(p).documentElement.getAttribute('data-expect-screen') === screen) === marked);
}

/**
 * Tests (inside the caller's describe): each fixture of `expected` is detected and read field by
 * field with the marked record element, and every fixture marked as the screen is in `expected`.
 */
export function itReadsEachMarkedFixture({ reader, screen, kind }: FormScreen, expected: Record<string, PageRecord>): void {
  it.each(Object.entries(expected))('%s: detected, read field by field, record element as marked', (path, want) => {
    const doc = loadForm(path);
    expect(doc.documentElement.getAttribute('data-expect-screen')).toBe(screen);
    expect(reader.detect(doc)).toBe(true);
    const { element, record } = readOneRecord({ reader, screen, kind }, doc);
    expect(record).toEqual(want);
    expect(element).toBe(doc.querySelector('[data-expect-kind="record"]'));
  });

  it(`every ${screen} fixture marked as one is covered above`, () => {
    expect(markedAs(screen, true).sort()).toEqual(Object.keys(expected).sort());
  });
}

/**
 * Tests (inside the caller's describe): there are at least `minOthers` fixtures of other screens,
 * and neither they nor the `inline` page bodies (name → body HTML) are taken for the screen.
 */
export function itFiresNowhereElse({ reader, screen }: FormScreen, minOthers: number, inline: Record<string, string>): void {
  const others = markedAs(screen, false);

  it('has other fixtures to be checked against', () => {
    expect(others.length).toBeGreaterThanOrEqual(minOthers);
  });

  const pages: [string, () => Document][] = [
    ...others.map((path): [string, () => Document] => [path, () => loadForm(path)]),
    ...Object.entries(inline).map(([name, body]): [string, () => Document] => [
      name,
      () => parseForm(`<!DOCTYPE html><html><body>${body}</body></html>`),
    ]),
  ];
  it.each(pages)('does not fire on %s', (_name, open) => {
    const doc = open();
    expect(reader.detect(doc)).toBe(false);
    expect(reader.read(doc).records).toEqual([]);
  });
}
