// Backups written by someone else (issue 10, "Unbreakable"): prototype keys, duplicated ids, HTML and
// script in every string, a CSV named .json, truncated, 50 MB, 100,000 levels deep, wrong types and
// versions are refused whole with a clear message and every table of the mirror unchanged, byte for
// byte; a valid backup, audit snapshots included (format v2), round-trips losslessly; v1 still restores.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  applyImport,
  backupText,
  deleteEverything,
  exportAssignmentsCsv,
  exportBackup,
  parseBackup,
  previewImport,
  saveProfile,
  saveSettings,
  setChecklistStep,
  type KatipDb,
} from '@/utils/db';
import { saveSnapshot } from '@/utils/audit/store';
import type { AuditSnapshot } from '@/utils/audit/snapshot';
import { upsertPageReport } from '@/utils/background/page-report';
import { AYSE, MEHMET, freshDb, gridRow, report } from './fixtures';

let db: KatipDb;

function snapshot(at: string, minutes: number): AuditSnapshot {
  const counts = { error: 1, warn: 0, unknown: 0, ok: 1 };
  return {
    at,
    fileName: `Sözleşmeler ${at.slice(0, 10)}.xlsx`,
    counts: { byStatus: counts, byRule: { 'minutes-below-minimum': 1 }, workplacesByStatus: counts, professionalsByStatus: counts, verdictDiffers: 1, activeContracts: 2 },
    contracts: [
      { key: 'portal:1', workplaceKey: 'sgk:1', label: 'Ayşe Yılmaz (İGU)', active: true, minutes, employment: 'kismi', state: 'active', status: 'error', rules: 'minutes-below-minimum' },
      { key: 'portal:2', workplaceKey: 'sgk:1', label: 'Mehmet Öztürk (İH)', active: true, status: 'ok', rules: '' },
    ],
    workplaces: [{ key: 'sgk:1', title: 'ÖRNEK İNŞAAT A.Ş.', status: 'error', short: { igu: 2400 } }],
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await upsertPageReport(db, report('new-contracts', [gridRow(AYSE), gridRow(MEHMET)]), '2024-06-01T10:00:00.000Z');
  await upsertPageReport(db, report('new-contracts', [gridRow({ ...AYSE, approvalState: 'approved' })]), '2024-06-02T10:00:00.000Z');
  await saveProfile(db, undefined, { title: 'Kendi Ofisim', hazardText: 'Az Tehlikeli', employees: 12 });
  await saveSettings(db, { language: 'en', disabledRules: ['nace-sicil-mismatch'], showTckn: true });
  const [first] = await db.assignments.toArray();
  await setChecklistStep(db, first!.key, 2, true);
  await saveSnapshot(db, snapshot('2025-01-01T09:00:00.000Z', 1200));
  await saveSnapshot(db, snapshot('2025-02-01T09:00:00.000Z', 2400));
});
afterEach(async () => {
  await db.delete();
});

/** Every table of the mirror, in primary-key order, as one string: equal strings, equal mirrors. */
async function dump(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of [...db.tables].sort((a, b) => (a.name < b.name ? -1 : 1))) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** What the Verilerim section does with a file: parse it whole, write only a backup that passed. */
async function importText(text: string) {
  const parsed = parseBackup(text);
  if (parsed.ok) await applyImport(db, parsed.backup);
  return parsed;
}

async function exportedText(): Promise<string> {
  return backupText(await exportBackup(db));
}

const edit = (text: string, change: (b: Record<string, any>) => void): string => {
  const b = JSON.parse(text) as Record<string, any>;
  change(b);
  return JSON.stringify(b);
};

describe('a valid backup', () => {
  test('round-trips losslessly, audit snapshots included: export → delete everything → import gives the same mirror', async () => {
    const before = await dump();
    expect(await db.auditSnapshots.count()).toBe(2);
    const text = await exportedText();
    expect(JSON.parse(text)).toMatchObject({ version: 2, auditSnapshots: [{ fileName: 'Sözleşmeler 2025-01-01.xlsx' }, { fileName: 'Sözleşmeler 2025-02-01.xlsx' }] });
    await deleteEverything(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.en);
    expect((await previewImport(db, parsed.backup)).add.auditSnapshots).toBe(2);
    await applyImport(db, parsed.backup);
    expect(await dump()).toBe(before);
  });

  test('imported twice, it doubles no snapshot and changes nothing', async () => {
    const before = await dump();
    const text = await exportedText();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.en);
    expect((await previewImport(db, parsed.backup)).add).toEqual({ workplaces: 0, assignments: 0, history: 0, checklists: 0, auditSnapshots: 0 });
    await applyImport(db, parsed.backup);
    expect(await dump()).toBe(before);
  });

  test('rows whose ids the mirror already uses for other rows are added under new ids, nothing overwritten', async () => {
    const text = await exportedText();
    const backup = JSON.parse(text) as { history: unknown[]; auditSnapshots: unknown[] };
    await deleteEverything(db);
    await db.history.add({ id: 1, assignmentKey: 'portal:elsewhere', at: '2025-05-05T00:00:00.000Z', screen: 'new-contracts', field: 'minutes', to: '60' });
    await saveSnapshot(db, snapshot('2025-05-05T09:00:00.000Z', 60));
    expect(await importText(text)).toMatchObject({ ok: true });
    const history = await db.history.toArray();
    expect(history).toHaveLength(backup.history.length + 1);
    expect(history.find((h) => h.id === 1)?.assignmentKey).toBe('portal:elsewhere');
    expect(await db.auditSnapshots.count()).toBe(backup.auditSnapshots.length + 1);
    expect(new Set(history.map((h) => h.id)).size).toBe(history.length);
  });

  test('a version 1 backup (no snapshots) still restores, and leaves the snapshots the mirror has', async () => {
    const text = edit(await exportedText(), (b) => {
      b.version = 1;
      delete b.auditSnapshots;
    });
    const withSnapshots = await dump();
    await deleteEverything(db);
    await saveSnapshot(db, snapshot('2025-03-01T09:00:00.000Z', 600));
    const parsed = await importText(text);
    expect(parsed.ok).toBe(true);
    const after = JSON.parse(await dump()) as Record<string, unknown[]>;
    const expected = JSON.parse(withSnapshots) as Record<string, unknown[]>;
    expect(after.auditSnapshots).toHaveLength(1);
    expect({ ...after, auditSnapshots: [] }).toEqual({ ...expected, auditSnapshots: [] });
  });

  test('HTML and <script> in every string: stored as the text it is, or refused whole where the field takes no free text', async () => {
    const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const text = await exportedText();
    const base = JSON.parse(text) as Record<string, any>;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (typeof value === 'string') paths.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    expect(paths.length).toBeGreaterThan(60);
    const set = (obj: Record<string, any>, path: (string | number)[], v: string) => {
      let o: any = obj;
      for (const p of path.slice(0, -1)) o = o[p];
      o[path.at(-1)!] = v;
    };
    const before = await dump();
    const accepted: (string | number)[][] = [];
    for (const [i, path] of paths.entries()) {
      const b = structuredClone(base);
      set(b, path, `${PAYLOAD}#${i}`);
      const parsed = parseBackup(JSON.stringify(b));
      if (parsed.ok) {
        accepted.push(path);
        continue;
      }
      // refused (a date, a state, the format's name): the message names the field, nothing was written
      expect(parsed.error.tr).toContain('Hiçbir şey içe aktarılmadı');
      expect(await dump()).toBe(before);
    }
    // free text (titles, names, labels, file names, keys) took the payload: all of them at once, as text
    expect(accepted.map((p) => p.join('.'))).toEqual(expect.arrayContaining(['workplaces.0.profile.title', 'workplaces.1.seen.title', 'assignments.0.personName', 'assignments.0.label', 'auditSnapshots.0.fileName', 'auditSnapshots.0.workplaces.0.title']));
    await deleteEverything(db);
    const all = structuredClone(base);
    accepted.forEach((path) => set(all, path, `${PAYLOAD}#${paths.indexOf(path)}`));
    const parsed = await importText(JSON.stringify(all));
    if (!parsed.ok) throw new Error(parsed.error.en);
    const back = JSON.parse(await exportedText()) as Record<string, any>;
    for (const path of accepted) {
      let o: any = back;
      for (const p of path) o = o?.[p];
      expect(o, path.join('.')).toBe(`${PAYLOAD}#${paths.indexOf(path)}`);
    }
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('a hostile or damaged file is refused whole, every table unchanged byte for byte', () => {
  const cases: Array<[string, (text: string, csv: string) => string, RegExp]> = [
    ['a "__proto__" key at the top', (t) => t.replace('{', '{"__proto__":{"polluted":true},'), /"__proto__" adlı bir alan/],
    ['a "__proto__" key inside an assignment', (t) => t.replace('"assignments": [\n    {', '"assignments": [\n    {"__proto__":{"pending":1},'), /"__proto__"/],
    ['a "__proto__" key written with escapes', (t) => t.replace('"settings": {', '"settings": {"\\u005f\\u005fproto\\u005f\\u005f":{"showTckn":false},'), /"__proto__"/],
    ['a "constructor" key in the settings', (t) => t.replace('"settings": {', '"settings": {"constructor":{"x":1},'), /"constructor"/],
    ['a "prototype" key in a workplace', (t) => t.replace('"workplaces": [\n    {', '"workplaces": [\n    {"prototype":{},'), /"prototype"/],
    ['a "constructor" key among checklist steps', (t) => t.replace('"steps": {', '"steps": {"constructor":{"done":true,"at":"2024","how":"manual"},'), /"constructor"/],
    ['a "__proto__" rule count in an audit snapshot', (t) => t.replace('"byRule": {', '"byRule": {"__proto__":1,'), /"__proto__"/],
    ['a duplicated history id', (t) => edit(t, (b) => b.history.push({ ...b.history[0], to: 'başka' })), /"history: .*" iki kez geçiyor/],
    ['a duplicated audit snapshot id', (t) => edit(t, (b) => b.auditSnapshots.push({ ...b.auditSnapshots[0], fileName: 'başka.xlsx' })), /"auditSnapshots: .*" iki kez geçiyor/],
    ['a duplicated assignment key', (t) => edit(t, (b) => b.assignments.push({ ...b.assignments[0], personName: 'Başka Kişi' })), /"assignments: .*" iki kez geçiyor/],
    ['a duplicated checklist', (t) => edit(t, (b) => b.checklists.push(b.checklists[0])), /"checklists: .*" iki kez geçiyor/],
    ['the CSV register named .json', (_t, csv) => csv, /geçerli bir JSON değil/],
    ['truncated by one character', (t) => t.slice(0, -1), /yarım kalmış/],
    ['truncated in the middle', (t) => t.slice(0, Math.floor(t.length / 2)), /yarım kalmış/],
    ['truncated after the first brace', () => '{', /yarım kalmış/],
    ['an empty file', () => '', /yarım kalmış/],
    ['50 MB', (t) => t.replace('"workplaces": [', `"pad": "${'x'.repeat(50_000_000)}", "workplaces": [`), /çok büyük \(50 MB\)/],
    ['100,000 levels of arrays', (t) => t.replace('"workplaces": [', `"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "workplaces": [`), /iç içe/],
    ['100,000 levels of objects', (t) => t.replace('"workplaces": [', `"deep": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}, "workplaces": [`), /iç içe/],
    ['JSON null', () => 'null', /yedeği değil/],
    ['a JSON string', () => '"katip-asistani-backup"', /yedeği değil/],
    ['version 3', (t) => edit(t, (b) => (b.version = 3)), /sürümü \(3\) desteklenmiyor/],
    ['version "2" as text', (t) => edit(t, (b) => (b.version = '2')), /sürümü \(2\) desteklenmiyor/],
    ['version 2 without its audit snapshots', (t) => edit(t, (b) => delete b.auditSnapshots), /"auditSnapshots" alanı/],
    ['workplaces as an object', (t) => edit(t, (b) => (b.workplaces = { 0: b.workplaces[0] })), /"workplaces" alanı/],
    ['minutes as text', (t) => edit(t, (b) => (b.assignments[0].minutes = '1200')), /assignments\[0\]\.minutes/],
    ['minutes beyond any number (1e999)', (t) => t.replace(/"minutes": \d+/, '"minutes": 1e999'), /minutes/],
    ['pending as 2', (t) => edit(t, (b) => (b.assignments[0].pending = 2)), /assignments\[0\]\.pending/],
    ['showTckn as "true"', (t) => edit(t, (b) => (b.settings.showTckn = 'true')), /settings\.showTckn/],
    ['a history id of 0', (t) => edit(t, (b) => (b.history[0].id = 0)), /history\[0\]\.id/],
    ['a negative count in a snapshot', (t) => edit(t, (b) => (b.auditSnapshots[0].counts.byStatus.ok = -1)), /auditSnapshots\[0\]\.counts\.byStatus\.ok/],
    ['a snapshot status that is no status', (t) => edit(t, (b) => (b.auditSnapshots[1].contracts[0].status = 'uygun')), /auditSnapshots\[1\]\.contracts\[0\]\.status/],
    ['snapshot contracts as null', (t) => edit(t, (b) => (b.auditSnapshots[0].contracts = null)), /auditSnapshots\[0\]\.contracts/],
    ['an export time that is a number', (t) => edit(t, (b) => (b.exportedAt = 1733140000000)), /exportedAt/],
  ];
  test.each(cases)('%s', async (_name, corrupt, trPattern) => {
    const text = await exportedText();
    const csv = await exportAssignmentsCsv(db);
    const bad = corrupt(text, csv);
    expect(bad).not.toBe(text);
    const before = await dump();
    const parsed = await importText(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.tr).toMatch(trPattern);
    expect(parsed.error.tr).toContain('Hiçbir şey içe aktarılmadı');
    expect(parsed.error.en).toContain('Nothing was imported');
    expect(await dump()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('delete everything', () => {
  test('empties every table, the audit snapshots included', async () => {
    expect(await db.auditSnapshots.count()).toBe(2);
    await deleteEverything(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
