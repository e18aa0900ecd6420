// Build step for the NACE list (Tehlike Sınıfları Tebliği Ek-1): `import t from './x.csv?nace-classes'`
// gives a compact code → class table instead of the whole CSV with its activity texts, so the content
// script stays small (about 1.5 KB gzipped for 2,195 codes). Used by wxt.config.ts and vitest.config.ts.
//
// The format, read by decodeNaceClasses in ../nace.ts: one group per four-digit class (sorted), groups
// joined by ",". A group is the decimal step from the previous group's four digits (the first from 0),
// then runs of consecutive codes. A run is an optional class letter (a/t/c; the group's first run
// always has one, the others keep the class before them), an optional jump, and an optional decimal
// count (1 when absent; written out before a run that starts with a jump alone): the run's codes are
// the count codes after the jump. Without a jump a run starts at the code after the previous one (01
// for the first); "A".."Y" skip 1 to 25 codes, "~"
// goes to 90 (the "diğer" code most classes end with) and "Z" with two digits goes to those digits.
// "0163:01t.02t.03t.04t.05a.06t.07t.90t" after 0162 is "1t4at2~".
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

/** The run of codes from `from` (the code before it) to `to` in the format above. */
function jump(from: number, to: number): string {
  const gap = to - from - 1;
  if (gap === 0) return '';
  if (to === 90) return '~';
  return gap <= 25 ? String.fromCharCode(64 + gap) : `Z${String(to).padStart(2, '0')}`;
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
    let body = '';
    let cls = '';
    let last = 0;
    let run = 0;
    const endRun = () => {
      if (run > 1) body += String(run);
      run = 0;
    };
    for (const c of codes) {
      const n = Number(c.slice(0, 2));
      const letter = c[2]!;
      if (run > 0 && n === last + 1 && letter === cls) {
        run++;
      } else {
        // "t" then "B4" would read as one run "tB4": a one-code run before a jump keeps its count
        if (run === 1 && letter === cls) body += '1';
        endRun();
        if (letter !== cls) body += letter;
        body += jump(last, n);
        cls = letter;
        run = 1;
      }
      last = n;
    }
    endRun();
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
