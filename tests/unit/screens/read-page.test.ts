// `npm run read-page`: every reader on a saved page, printed (utils/screens/read-page.ts).
import { describe, expect, it } from 'vitest';
import { formatPageReport, readPage } from '@/utils/screens/read-page';
import { expectedRecordElements, loadFixture } from './grid-fixtures';

describe('read-page on a saved both-parties list', () => {
  const doc = loadFixture('new-contracts/x-osgb-both-parties.html');
  const report = readPage(doc);

  it('names the screen and maps each header, the provider columns unplaced', () => {
    expect(report.screen).toBe('new-contracts');
    expect(report.grids).toHaveLength(1);
    const map = Object.fromEntries(report.grids[0]!.mapping.map((m) => [m.label, m.field]));
    expect(map['Hizmet Alan İşyeri Unvanı']).toBe('title');
    expect(map['Hizmet Alan İşyeri SGK/DETSİS No']).toBe('sicilOrDetsis');
    expect(map['Hizmet Veren Unvanı']).toBeUndefined();
    expect(report.grids[0]!.unplaced).toEqual(['Hizmet Veren Unvanı', 'Hizmet Veren SGK Sicil No']);
    expect(report.grids[0]!.ambiguous).toEqual([]);
  });

  it('judges the records as the fixture declares, with an empty context', () => {
    const want = expectedRecordElements(doc).map((el) => [el.getAttribute('data-expect-status'), el.getAttribute('data-expect-rules')]);
    expect(report.records.map((r) => [r.status, r.rules])).toEqual(want);
  });

  it('prints the mapping, the records and their findings, T.C. numbers masked', () => {
    const text = formatPageReport(report);
    expect(text).toContain('Ekran / screen: new-contracts');
    expect(text).toContain('Hizmet Veren Unvanı → (yerleştirilemedi / unplaced)');
    expect(text).toContain('minutes-below-minimum (fail): İGU süresi 1.800 dk');
    expect(text).not.toContain('12345678950');
    expect(text).toContain('123******50');
  });
});

describe('read-page on a page that is no screen', () => {
  it('says so and lists no records', () => {
    const report = readPage(loadFixture('none/login.html'));
    expect(report.screen).toBeUndefined();
    expect(report.records).toEqual([]);
    expect(formatPageReport(report)).toContain('(tanınmadı / none)');
  });
});
