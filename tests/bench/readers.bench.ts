// Micro benchmark of the portal screen readers (utils/screens) over every screen fixture, in happy-dom (about 10× slower than Chromium).
// Run by `npm run bench` through `vitest bench --run`; prints numbers, asserts nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bench, describe } from 'vitest';
import { detectScreen } from '@/utils/screens';

const FIXTURES = join(process.cwd(), 'tests/fixtures');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return htmlFiles(full);
      return name.endsWith('.html') ? [full] : [];
    });
}

const parser = new DOMParser();
const pages = htmlFiles(FIXTURES)
  .map((file) => ({ path: relative(FIXTURES, file), doc: parser.parseFromString(readFileSync(file, 'utf8'), 'text/html') }))
  .filter(({ doc }) => doc.documentElement.hasAttribute('data-expect-screen'));

describe('detectScreen + read, per fixture', () => {
  for (const { path, doc } of pages) {
    bench(path, () => {
      detectScreen(doc)?.read(doc);
    });
  }
});
