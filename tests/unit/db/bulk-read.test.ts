// Reading many rows by key (utils/db/bulk-read.ts): the rows come back in the order asked, with
// undefined where none is stored, however the stored keys lie; runs of close rows are read whole.
import { describe, expect, it, vi } from 'vitest';
import { getMany, readPlan } from '@/utils/db/bulk-read';
import type { ChecklistRow, KatipDb } from '@/utils/db/schema';
import { useFreshDb } from './fixtures';

let db: KatipDb;
useFreshDb((fresh) => (db = fresh));

const key = (i: number) => `k${String(i).padStart(5, '0')}`;
const row = (i: number): ChecklistRow => ({ assignmentKey: key(i), steps: {}, updatedAt: `t${i}` });

describe('readPlan', () => {
  it('reads close rows as runs and lone rows a get each', () => {
    const stored = Array.from({ length: 40 }, (_, i) => key(i));
    // 0-9 asked (a run), 10-13 not, 14 asked alone far from the rest, 30-39 every other row (a run with gaps)
    const wanted = new Set([...Array.from({ length: 10 }, (_, i) => key(i)), key(20), ...[30, 32, 34, 36, 38].map(key)]);
    expect(readPlan(stored, wanted, 4, 4)).toEqual({ runs: [[key(0), key(9)], [key(30), key(38)]], singles: [key(20)] });
  });

  it('keeps a short run as single gets', () => {
    expect(readPlan([key(1), key(2), key(3)], new Set([key(1), key(2)]), 4, 8)).toEqual({ runs: [], singles: [key(1), key(2)] });
  });
});

describe('getMany', () => {
  it('gives the stored rows of many keys in the order asked, undefined for the others', async () => {
    // stored: 0-499 (every third missing), asked: 300 keys out of order, some never stored, one twice
    await db.checklists.bulkPut(Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 3 !== 0).map(row));
    const asked = [...Array.from({ length: 150 }, (_, i) => 499 - i), ...Array.from({ length: 150 }, (_, i) => 1000 + i), 7, 7].map(key);
    const rows = await db.transaction('r', db.checklists, () => getMany(db.checklists, asked));
    expect(rows).toHaveLength(asked.length);
    rows.forEach((r, i) => {
      const n = Number(asked[i]!.slice(1));
      expect(r).toEqual(n < 500 && n % 3 !== 0 ? row(n) : undefined);
    });
  });

  it('gives the right rows when the stored keys between the asked ones are too many to read them all', async () => {
    // 64 keys asked, spread over 2,000 stored rows (more than 8 per key): read up to the 512th stored key, then a get each
    await db.checklists.bulkPut(Array.from({ length: 2000 }, (_, i) => row(i)));
    const asked = Array.from({ length: 64 }, (_, i) => key(i * 31 + (i % 2 ? 5000 : 0)));
    expect(await getMany(db.checklists, asked)).toEqual(asked.map((k) => (Number(k.slice(1)) < 2000 ? row(Number(k.slice(1))) : undefined)));
  });

  it('reads a batch of new keys without a get per key', async () => {
    // a table much bigger than the batch: the new keys are told apart by the rows between them alone
    await db.checklists.bulkPut(Array.from({ length: 1000 }, (_, i) => row(i)));
    const spy = vi.spyOn(db.checklists, 'bulkGet');
    const asked = Array.from({ length: 64 }, (_, i) => key(5000 + i));
    expect(await getMany(db.checklists, asked)).toEqual(asked.map(() => undefined));
    expect(spy).not.toHaveBeenCalled();
  });

  it('reads rows stored side by side in one range instead of a get each', async () => {
    await db.checklists.bulkPut(Array.from({ length: 3000 }, (_, i) => row(i)));
    const spy = vi.spyOn(db.checklists, 'bulkGet');
    const asked = Array.from({ length: 500 }, (_, i) => key(1000 + i));
    expect(await getMany(db.checklists, asked)).toEqual(asked.map((k) => row(Number(k.slice(1)))));
    expect(spy).not.toHaveBeenCalled();
  });
});
