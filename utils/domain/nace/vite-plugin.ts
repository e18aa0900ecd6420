// Build step for the NACE list (Tehlike Sınıfları Tebliği Ek-1): `import t from './x.csv?nace-classes'`
// gives a compact code → class table instead of the whole CSV with its activity texts, so the content
// script stays small (about 1.8 KB gzipped for 2,195 codes). Used by wxt.config.ts and vitest.config.ts.
//
// The format, read by decodeNaceClasses in ../nace.ts: one group per four-digit class (sorted), groups
// joined by ",". A group is the decimal step from the previous group's four digits (the first from 0),
// then either one class letter (a/t/c) that all of its codes share followed by one character per code,
// or "*" followed by a character and a class letter per code. A code's character is
// String.fromCharCode(48 + its last two digits − the previous code's in the group (0 for the first)).
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseNaceCsv } from './csv';

const SUFFIX = '?nace-classes';
const CLASS_LETTER: Record<string, string> = { 'az tehlikeli': 'a', tehlikeli: 't', 'cok tehlikeli': 'c' };

/** "01.11.07,…,Tehlikeli" rows → "011107t…", sorted by code. Throws on a class it does not know. */
export function naceClassRows(csv: string): string[] {
  const rows = parseNaceCsv(csv)
    .map((r) => {
      const folded = r.hazardText
        .replace(/[İIı]/g, 'i')
        .toLocaleLowerCase('tr')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .trim();
      const letter = CLASS_LETTER[folded];
      if (!letter || !/^\d\d\.\d\d\.\d\d$/.test(r.code)) throw new Error(`NACE row not understood: ${r.code} ${r.hazardText}`);
      return r.code.replace(/\./g, '') + letter;
    })
    .sort();
  return rows;
}

/** The table in the grouped format described above. */
export function compactNaceClasses(csv: string): string {
  const groups = new Map<string, string[]>();
  for (const row of naceClassRows(csv)) {
    const key = row.slice(0, 4);
    const list = groups.get(key) ?? [];
    list.push(row.slice(4));
    groups.set(key, list);
  }
  let previous = 0;
  const out: string[] = [];
  for (const [key, codes] of groups) {
    let last = 0;
    const steps = codes.map((c) => {
      const n = Number(c.slice(0, 2));
      const step = String.fromCharCode(48 + n - last);
      last = n;
      return step;
    });
    const classes = new Set(codes.map((c) => c[2]));
    const body = classes.size === 1 ? codes[0]![2] + steps.join('') : '*' + codes.map((c, i) => steps[i]! + c[2]).join('');
    out.push(String(Number(key) - previous) + body);
    previous = Number(key);
  }
  return out.join(',');
}

export function naceClassesPlugin(): Plugin {
  return {
    name: 'katip-nace-classes',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? resolved.id + SUFFIX : null;
    },
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(compactNaceClasses(readFileSync(file, 'utf8')))};`;
    },
  };
}
