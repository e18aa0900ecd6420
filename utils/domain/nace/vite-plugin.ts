// Build step for the NACE list (Tehlike Sınıfları Tebliği Ek-1): `import t from './x.csv?nace-classes'`
// gives a compact code → class table (7 characters a code: six digits and a/t/c) instead of the whole
// CSV with its activity texts, so the content script stays small. Used by wxt.config.ts and vitest.config.ts.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseNaceCsv } from './csv';

const SUFFIX = '?nace-classes';
const CLASS_LETTER: Record<string, string> = { 'az tehlikeli': 'a', tehlikeli: 't', 'cok tehlikeli': 'c' };

/** "01.11.07,…,Tehlikeli" rows → "011107t…", sorted by code. Throws on a class it does not know. */
export function compactNaceClasses(csv: string): string {
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
  return rows.join('');
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
