// The content script's compact NACE class table (utils/domain/nace/vite-plugin.ts → nace.ts): every
// code of the 2017 list comes back with its class, nothing else is made up, and it stays small.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compactNaceClasses, naceClassRows } from '../../../utils/domain/nace/vite-plugin';
import { decodeNaceClasses } from '../../../utils/domain/nace';
import csv from '../../../utils/domain/nace/nace-hazard-classes-2017.csv?raw';


const CLASS = { a: 'az-tehlikeli', t: 'tehlikeli', c: 'cok-tehlikeli' } as const;

describe('compact NACE class table', () => {
  const table = compactNaceClasses(csv);
  const decoded = decodeNaceClasses(table);

  it('gives back every code of the list with its class, and no other code', () => {
    const rows = naceClassRows(csv);
    expect(rows).toHaveLength(2195);
    expect(decoded.size).toBe(rows.length);
    for (const row of rows) expect(decoded.get(row.slice(0, 6))).toBe(CLASS[row[6] as keyof typeof CLASS]);
  });

  it('knows a class shared by a whole group and one that differs inside a group', () => {
    expect(decoded.get('011317')).toBe('tehlikeli');
    expect(decoded.get('013003')).toBe('az-tehlikeli');
    expect(decoded.get('432203')).toBe('cok-tehlikeli');
    // 43.99: three classes in one four-digit class; 43.99.09 is not in the list
    expect([decoded.get('439903'), decoded.get('439904'), decoded.get('439905')]).toEqual(['tehlikeli', 'az-tehlikeli', 'cok-tehlikeli']);
    expect(decoded.get('439909')).toBeUndefined();
    expect(decoded.get('999999')).toBeUndefined();
  });

  it('stays under 1.6 KB gzipped (the content script carries it)', () => {
    expect(gzipSync(table, { level: 9 }).length).toBeLessThan(1600);
  });
});
