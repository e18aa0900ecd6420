// Test helpers for the screen fixtures in tests/fixtures/** (portal screens saved as self-contained HTML).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const FIXTURES_DIR = resolve(__dirname, '../../fixtures');

/** Every fixture file, as a path relative to tests/fixtures ("old-contracts/plain.html"). */
export function allFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(relative(FIXTURES_DIR, full));
    }
  };
  walk(FIXTURES_DIR);
  return out;
}

/**
 * A fresh document parsed from a fixture file (scripts do not run). Frames become inert
 * `<fixture-frame data-fixture-src>` elements: happy-dom would try to load them.
 */
export function loadFixture(path: string): Document {
  const html = readFileSync(join(FIXTURES_DIR, path), 'utf8')
    .replace(/<iframe\b([^>]*?)\ssrc=/gi, '<iframe$1 data-fixture-src=')
    .replace(/<(\/?)iframe\b/gi, '<$1fixture-frame');
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * The document the reader runs in: the fixture itself, or for an outer page that only frames a
 * screen (iframe.html), the framed file's document.
 */
export function screenDocumentOf(path: string): { path: string; doc: Document } {
  const doc = loadFixture(path);
  const frame = doc.querySelector('fixture-frame[data-fixture-src]');
  if (frame && !doc.documentElement.hasAttribute('data-expect-screen')) {
    const inner = join(dirname(path), frame.getAttribute('data-fixture-src') ?? '');
    return { path: inner, doc: loadFixture(inner) };
  }
  return { path, doc };
}

/** The screen a fixture declares (`<html data-expect-screen>`), undefined for none/ pages. */
export function expectedScreen(doc: Document): string | undefined {
  return doc.documentElement.getAttribute('data-expect-screen') ?? undefined;
}

/** Runs the fixture's inline scripts against its own document (postback fixtures wire their buttons). */
export function runFixtureScripts(doc: Document): void {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('document', script.textContent ?? '')(doc);
  }
}

/** The elements a fixture marks as records, in document order. */
export function expectedRecordElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('[data-expect-kind="record"]'));
}
