// Backup (RULES.md §11): export → delete everything → import gives the same records back; a
// corrupt file is refused whole with nothing changed; the import is all or nothing; CSV for Excel-TR.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  applyImport,
  deleteEverything,
  exportAssignmentsCsv,
  exportBackup,
  parseBackup,
  previewImport,
  saveProfile,
  saveSettings,
  setChecklistStep,
  type Backup,
  type KatipDb,
} from '@/utils/db';
import { upsertPageReport } from '@/utils/background/page-report';
import { AYSE, MEHMET, SICIL, freshDb, gridRow, report } from './fixtures';

let db: KatipDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await upsertPageReport(db, report('new-contracts', [gridRow(AYSE), gridRow(MEHMET)]), '2024-06-01T10:00:00.000Z');
  await upsertPageReport(db, report('new-contracts', [gridRow({ ...AYSE, approvalState: 'approved' })]), '2024-06-02T10:00:00.000Z');
  await upsertPageReport(db, report('new-contracts', [gridRow({ personName: 'Zeynep Kaya', role: 'dsp', startDate: '2024-02-02', approvalState: 'pending' })]), '2024-06-03T10:00:00.000Z');
  await saveProfile(db, undefined, { title: 'Kendi Ofisim', hazardText: 'Az Tehlikeli', employees: 12 });
  await saveSettings(db, { language: 'en', disabledRules: ['nace-sicil-mismatch'], showTckn: true });
  const [pending] = await db.assignments.where('pending').equals(1).toArray();
  await setChecklistStep(db, pending!.key, 10, true);
});
afterEach(async () => {
  await db.delete();
});

async function contents() {
  return {
    workplaces: await db.workplaces.orderBy('key').toArray(),
    // pendingStamp counts writes (it tells a kept count of the pending list is still right): every write moves it
    assignments: (await db.assignments.orderBy('key').toArray()).map(({ pendingStamp: _stamp, ...row }) => row),
    history: await db.history.orderBy('id').toArray(),
    checklists: await db.checklists.orderBy('assignmentKey').toArray(),
    settings: await db.settings.toArray(),
  };
}

describe('backup', () => {
  test('round trip: export → JSON → deleteEverything → import gives back the same records', async () => {
    const before = await contents();
    // the seed has changed states, so the backup carries history rows (changes only)
    expect(before.history.length).toBeGreaterThan(0);
    const text = JSON.stringify(await exportBackup(db));
    await deleteEverything(db);
    expect(await db.assignments.count()).toBe(0);
    expect(await db.workplaces.count()).toBe(0);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.en);
    const preview = await previewImport(db, parsed.backup);
    expect(preview.add).toEqual({ workplaces: 2, assignments: 3, history: before.history.length, checklists: 2, auditSnapshots: 0 });
    expect(preview.change).toEqual({ workplaces: 0, assignments: 0, checklists: 0, settings: true });
    await applyImport(db, parsed.backup);
    expect(await contents()).toEqual(before);
  });

  test('importing the same backup again adds nothing and doubles no history', async () => {
    const backup = await exportBackup(db);
    const before = await contents();
    const preview = await previewImport(db, backup);
    expect(preview.add).toEqual({ workplaces: 0, assignments: 0, history: 0, checklists: 0, auditSnapshots: 0 });
    expect(preview.change).toEqual({ workplaces: 0, assignments: 0, checklists: 0, settings: false });
    await applyImport(db, backup);
    expect(await contents()).toEqual(before);
  });

  test('preview counts a changed row as a change', async () => {
    const backup = await exportBackup(db);
    backup.assignments[0] = { ...backup.assignments[0]!, minutes: 4321 };
    expect((await previewImport(db, backup)).change.assignments).toBe(1);
  });

  const broken: Array<[string, (text: string) => string, RegExp]> = [
    ['truncated JSON', (t) => t.slice(0, t.length / 2), /JSON/],
    ['not a backup', () => JSON.stringify({ hello: 'world' }), /KATİP Asistanı yedeği değil/],
    ['a JSON array', () => '[]', /yedeği değil/],
    ['a newer version', (t) => t.replace('"version":2', '"version":3'), /sürümü \(3\)/],
    ['an assignment missing its key', (t) => {
      const b = JSON.parse(t) as Backup;
      delete (b.assignments[1] as Partial<Backup['assignments'][number]>).key;
      return JSON.stringify(b);
    }, /assignments\[1\]\.key/],
    ['a wrong approval state', (t) => t.replace('"approvalState":"approved"', '"approvalState":"yes"'), /approvalState/],
    ['50 MB', (t) => t.replace('"workplaces":[', `"pad":"${'x'.repeat(50_000_000)}","workplaces":[`), /çok büyük/],
    ['100,000 levels deep', (t) => t.replace('"workplaces":[', `"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},"workplaces":[`), /iç içe/],
    ['a CSV named .json', () => 'İşyeri;SGK Sicil No\r\nA;1\r\n', /JSON/],
    ['a duplicated workplace', (t) => {
      const b = JSON.parse(t) as Backup;
      b.workplaces.push(b.workplaces[0]!);
      return JSON.stringify(b);
    }, /iki kez/],
  ];
  test.each(broken)('%s is refused whole with a bilingual message and nothing changes', async (_name, corrupt, trPattern) => {
    const text = JSON.stringify(await exportBackup(db));
    const before = await contents();
    const parsed = parseBackup(corrupt(text));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.tr).toMatch(trPattern);
    expect(parsed.error.tr).toContain('Hiçbir şey içe aktarılmadı');
    expect(parsed.error.en).toContain('Nothing was imported');
    expect(await contents()).toEqual(before);
  });

  test('a failure mid-way through the import leaves the existing data untouched', async () => {
    const backup = await exportBackup(db);
    backup.assignments.push({ ...backup.assignments[0]!, key: 'portal:new-1', personName: 'Yeni Kişi' });
    backup.workplaces.push({ key: 'title:yeni', profile: { title: 'Yeni', updatedAt: '2024-01-01' }, updatedAt: '2024-01-01' });
    backup.settings = { ...backup.settings, language: 'tr' };
    const before = await contents();
    // the checklists are written after workplaces and assignments: make that step fail
    db.checklists.hook('creating', () => {
      throw new Error('disk full');
    });
    db.checklists.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(applyImport(db, backup)).rejects.toThrow();
    expect(await contents()).toEqual(before);
    expect(await db.assignments.get('portal:new-1')).toBeUndefined();
  });

  test('delete everything empties every table', async () => {
    await deleteEverything(db);
    const after = await contents();
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
  });
});

describe('CSV register', () => {
  test('BOM, Turkish headers, ";" separated, CRLF, one line per assignment', async () => {
    const csv = await exportAssignmentsCsv(db);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'İşyeri;SGK Sicil No;Adı Soyadı;T.C. Kimlik No;Görev;Sertifika Sınıfı;Çalışma Şekli;Aylık Süre (dk);Başlama Tarihi;Ayrılış Tarihi;Onay Durumu;Sözleşme Durumu',
    );
    expect(lines).toHaveLength(5);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const ayse = lines.find((l) => l.includes('Ayşe Yılmaz'))!.split(';');
    expect(ayse).toEqual([
      'ÖRNEK İNŞAAT A.Ş.',
      SICIL,
      'Ayşe Yılmaz',
      '10000000146',
      'İş Güvenliği Uzmanı',
      'A',
      'Kısmi Süreli',
      '1200',
      '05.03.2024',
      '',
      'Onaylandı',
      'Devam Ediyor',
    ]);
  });

  test('T.C. Kimlik No is masked unless the user shows it', async () => {
    await saveSettings(db, { showTckn: false });
    expect(await exportAssignmentsCsv(db)).toContain('100******46');
    expect(await exportAssignmentsCsv(db)).not.toContain('10000000146');
  });

  test('quotes doubled, separators quoted, formulas neutralised', async () => {
    await upsertPageReport(db, report('new-contracts', [gridRow({ personName: '=HYPERLINK("x";"y")', role: 'ih', startDate: '2024-01-01' }, { sicilNo: '1', title: 'A; "B" Ltd.' })]));
    await upsertPageReport(db, report('new-contracts', [gridRow({ personName: '@SUM(1)', role: 'ih', startDate: '2024-01-01' }, { sicilNo: '2', title: '-x' })]));
    const csv = await exportAssignmentsCsv(db);
    expect(csv).toContain(`"A; ""B"" Ltd.";1;"'=HYPERLINK(""x"";""y"")";`);
    expect(csv).toContain(`'-x;2;'@SUM(1);`);
  });
});
