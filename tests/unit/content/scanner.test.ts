// The content script's loop on fixture documents: marks per PAGE-CONTRACT.md, context from the
// background, re-judging after a postback and while typing, own marks ignored, nothing executed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createObservedScanner, createScanner } from '@/utils/content/scanner';
import { EMPTY_ANSWER, EMPTY_CONTEXT } from '@/utils/content/context';
import { buildSubjects, resolveWorkplace } from '@/utils/content/subjects';
import { PageReportSchema, type ContextAnswer, type WorkplaceContext } from '@/utils/messages';
import type { WorkplaceFacts } from '@/utils/records';

const fixture = (p: string) => readFileSync(resolve(__dirname, '../../fixtures', p), 'utf8');

const nextTask = () => new Promise((ok) => setTimeout(ok, 0));

function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  return doc;
}

const OLD_GRID = `
<body><h2>Sözleşmeler</h2>
<table id="grid"><thead><tr><th>Adı Soyadı</th><th>Grv. Türü</th><th>Personel Kategorisi Adı</th><th>Çalışma Şekli</th>
<th>Grv. Başlama Trh.</th><th>Çalışma Durumu</th><th>Grv. Ayrılış Trh.</th><th>Grv. Onay Durumu</th></tr></thead>
<tbody>
<tr><td>Ayşe Yılmaz</td><td>Dış Grv.</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>Kısmi Süreli</td><td>01.02.2026</td><td>Devam Ediyor</td><td></td><td>Onay Bekliyor</td></tr>
<tr><td>&lt;img src=x onerror="window.__pwned=1"&gt;</td><td>Dış Grv.</td><td>İşyeri Hekimi</td><td>Kısmi Süreli</td><td>01.02.2026</td><td>Devam Ediyor</td><td></td><td>Onaylandı</td></tr>
</tbody></table></body>`;

/** A background that answers every batched request with `answer` (the base) and `each` per workplace asked. */
export const answering =
  (answer: Partial<ContextAnswer>, each: (w: WorkplaceFacts) => WorkplaceContext = () => ({ assignments: [] })) =>
  async (workplaces: WorkplaceFacts[]): Promise<ContextAnswer> => ({ ...EMPTY_ANSWER, ...answer, workplaces: workplaces.map(each) });

const profile = (hazardText: string, employees: number) =>
  answering({
    selectedWorkplace: { title: 'Demir Çelik A.Ş.', sicilNo: '22410010112345670340100000' },
    base: { profile: { hazardText, employees }, assignments: [] },
  });

describe('resolving the workplace: page first, then the profile, then the saved records', () => {
  it('a page class that is no legal class is reported, and the class of the profile serves the rules that need one', () => {
    const ctx = { ...EMPTY_CONTEXT, profile: { hazardText: 'Çok Tehlikeli', employees: 40 } };
    const w = resolveWorkplace({ title: 'X', hazardText: 'Tehlikesiz' }, ctx);
    expect(w.hazardText).toBe('Tehlikesiz');
    expect(w.hazardClass).toBe('cok-tehlikeli');
    expect(w.sources).toEqual({ hazard: 'profile', employees: 'profile' });
    expect(w.employees).toBe(40);
  });

  it('an empty class shown by the page is shown (hazard-class-unknown judges it), not "absent"', () => {
    const w = resolveWorkplace({ title: 'X', hazardText: '' }, { ...EMPTY_CONTEXT, mirrored: { hazardText: 'Tehlikeli' } });
    expect(w.hazardText).toBe('');
    expect(w.hazardClass).toBe('tehlikeli');
  });

  it('an employee count the page shows but cannot be read (huge, garbage) is not replaced by the saved records, only by the profile the user typed', () => {
    const ctx = { ...EMPTY_CONTEXT, profile: { employees: 40 }, mirrored: { employees: 55 } };
    const mirrorOnly = { ...EMPTY_CONTEXT, mirrored: { employees: 55 } };
    for (const employeesText of ['99999999999999999999', '12.345.678.901.234', '1e309', 'çok']) {
      const w = resolveWorkplace({ title: 'X', hazardText: 'Tehlikeli', employeesText }, mirrorOnly);
      expect(w.employees).toBeUndefined();
      expect(w.employeesText).toBe(employeesText);
      expect(w.sources?.employees).toBeUndefined();
      // the fix the needs-data line offers ("Profil ekle") works: the profile's count is used
      const withProfile = resolveWorkplace({ title: 'X', hazardText: 'Tehlikeli', employeesText }, ctx);
      expect(withProfile.employees).toBe(40);
      expect(withProfile.sources?.employees).toBe('profile');
      expect(withProfile.employeesText).toBeUndefined();
    }
    // a page that shows no count at all still takes the profile's
    expect(resolveWorkplace({ title: 'X' }, ctx).employees).toBe(40);
  });

  it('page facts win over the profile; without a page class the NACE list gives it', () => {
    const ctx = { ...EMPTY_CONTEXT, profile: { hazardText: 'Az Tehlikeli', employees: 10 } };
    expect(resolveWorkplace({ hazardText: 'Tehlikeli', employees: 300 }, ctx)).toMatchObject({ hazardClass: 'tehlikeli', employees: 300 });
    expect(resolveWorkplace({ naceText: '24.51.13' }, EMPTY_CONTEXT)).toMatchObject({ hazardClass: 'cok-tehlikeli', sources: { hazard: 'nace-list' } });
  });
});

describe('building subjects', () => {
  it("a workplace the page names never borrows the selected workplace's profile when no answer covers it", () => {
    const read = {
      screen: 'new-contracts' as const,
      records: [
        {
          element: document.createElement('tr'),
          record: { kind: 'assignment' as const, workplace: { sicilNo: '11083010198765430610200000' }, assignment: { personName: 'A', role: 'igu' as const, minutes: 100 } },
        },
      ],
    };
    const base = { ...EMPTY_CONTEXT, selectedWorkplace: { title: 'Başka' }, profile: { hazardText: 'Çok Tehlikeli', employees: 999 } };
    const { subjects } = buildSubjects(read, new Map(), base);
    expect(subjects[0]!.workplace.hazardClass).toBeUndefined();
    expect(subjects[0]!.workplace.employees).toBeUndefined();
  });
});

describe('content scanner', () => {
  let sent: unknown[];
  beforeEach(() => {
    sent = [];
    (globalThis as { __pwned?: number }).__pwned = undefined;
  });

  it('marks the document and every record of the old grid; without a profile the minutes cannot be judged', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, send: (m) => sent.push(m) });
    await scanner.scan('initial');
    expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('old-contracts');
    expect(Number(doc.documentElement.getAttribute('data-katip-scan-ms'))).toBeGreaterThanOrEqual(0);
    const rows = [...doc.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    for (const row of rows) {
      expect(row.getAttribute('data-katip-status')).toBe('unknown');
      expect(row.getAttribute('data-katip-rules')).toBe('needs-data');
    }
    expect(doc.querySelectorAll('[data-katip-status]')).toHaveLength(2);
    expect(doc.querySelector('thead tr')!.hasAttribute('data-katip-status')).toBe(false);
    // hostile cell stays text: no element was created from it
    expect(doc.querySelector('img')).toBeNull();
    expect(rows[1]!.cells[0]!.textContent).toContain('<img src=x');
    // the tooltip says which facts are missing and where to add them
    const badge = rows[0]!.querySelector<HTMLElement>('[data-katip-ui="mark"]')!;
    badge.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const tip = doc.querySelector('[data-katip-ui="tooltip"]')!.shadowRoot!.textContent!;
    expect(tip).toContain('tehlike sınıfı');
    expect(tip).toContain('Profil ekle');
    // the report is a valid message (sent in a task of its own, after the marks)
    await nextTask();
    const report = sent.find((m) => (m as { type: string }).type === 'page-report');
    expect(PageReportSchema.safeParse(report).success).toBe(true);
  });

  it('puts one stylesheet in the page for all badges, and puts it back when the portal drops it', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, send: (m) => sent.push(m) });
    await scanner.scan('initial');
    expect(doc.querySelectorAll('style[data-katip-ui="styles"]')).toHaveLength(1);
    doc.querySelector('style[data-katip-ui="styles"]')!.remove();
    await scanner.scan('mutation');
    expect(doc.querySelectorAll('style[data-katip-ui="styles"]')).toHaveLength(1);
    // the result lists every finding once, the same list the page report carries
    await nextTask();
    const report = sent.filter((m) => (m as { type: string }).type === 'page-report').at(-1) as { findings: unknown[] };
    expect(scanner.last()!.findings).toEqual(report.findings);
    expect(scanner.last()!.findings.length).toBe(scanner.last()!.judgement.records.flatMap((r) => r.findings).length);
  });

  it('uses the workplace profile from the background: a C class İGU in a çok tehlikeli workplace is an error', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, requestContext: profile('Çok Tehlikeli', 120) });
    await scanner.scan('initial');
    const [igu, ih] = [...doc.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(igu!.getAttribute('data-katip-status')).toBe('error');
    expect(igu!.getAttribute('data-katip-rules')!.split(' ')).toContain('certificate-class');
    // the old grid shows no minutes: the minutes rule still needs data
    expect(igu!.getAttribute('data-katip-rules')!.split(' ')).toContain('needs-data');
    expect(ih!.getAttribute('data-katip-rules')!.split(' ')).not.toContain('certificate-class');
    // the badge carries the finding text, without touching the cell's own text
    const badge = igu!.querySelector('[data-katip-ui="mark"]')!;
    expect(badge.getAttribute('aria-label')).toMatch(/sertifika|Sertifika|sınıf/);
    expect(igu!.cells[0]!.textContent).toBe('Ayşe Yılmaz');
  });

  it('shows the findings of a badge, with citation, in the shared tooltip on focus; page text stays text', async () => {
    const doc = load(OLD_GRID.replace('Ayşe Yılmaz', '&lt;b onclick=x&gt;Ayşe&lt;/b&gt;'));
    const scanner = createScanner({ doc, requestContext: profile('Çok Tehlikeli', 120) });
    await scanner.scan('initial');
    const badge = doc.querySelector<HTMLElement>('tbody tr [data-katip-ui="mark"]')!;
    expect(badge.getAttribute('aria-label')).toMatch(/Hata/);
    expect(badge.getAttribute('data-katip-tone')).toBe('error');
    expect(badge.tabIndex).toBe(0);
    badge.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const tip = doc.querySelector('[data-katip-ui="tooltip"]')!.shadowRoot!.querySelector('.tip')!;
    expect(tip.hasAttribute('hidden')).toBe(false);
    expect(tip.textContent).toContain('certificate-class');
    expect(tip.textContent).toContain('Dayanak:');
    expect(tip.querySelector('b')).toBeNull();
    badge.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(tip.hasAttribute('hidden')).toBe(true);
    // the badge holds no text node: the cell's text, which the readers read, is unchanged
    expect(badge.childNodes).toHaveLength(0);
    expect(doc.querySelector('tbody td')!.textContent).toBe('<b onclick=x>Ayşe</b>');
    scanner.stop();
    expect(doc.querySelectorAll('[data-katip-ui], [data-katip-status]')).toHaveLength(0);
  });

  it('re-judges after a postback replaces the rows, and unmarks what is no longer a record', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, requestContext: profile('Az Tehlikeli', 20) });
    await scanner.scan('initial');
    const tbody = doc.querySelector('tbody')!;
    const old = [...tbody.querySelectorAll("tr")];
    const fresh = old[0]!.cloneNode(true) as HTMLTableRowElement;
    for (const a of ['data-katip-status', 'data-katip-rules']) fresh.removeAttribute(a);
    fresh.querySelector('[data-katip-ui]')?.remove();
    fresh.cells[0]!.textContent = 'Can Öztürk';
    tbody.replaceChildren(fresh);
    await scanner.scan('mutation');
    expect(fresh.hasAttribute('data-katip-status')).toBe(true);
    expect(old[0]!.hasAttribute('data-katip-status')).toBe(false);
    expect(doc.querySelectorAll('[data-katip-status]')).toHaveLength(1);
  });

  describe('what makes it look again', () => {
    const PAGE = OLD_GRID.replace('<body>', '<body><div id="clock">10:41:00</div><div id="menu"></div>');
    const childList = (target: Node, added: Node[] = [], removed: Node[] = []) =>
      ({ type: 'childList', target, addedNodes: added, removedNodes: removed }) as unknown as MutationRecord;
    const text = (node: Text) => ({ type: 'characterData', target: node }) as unknown as MutationRecord;

    async function setup() {
      const doc = load(PAGE);
      const onResult = vi.fn();
      const scanner = createScanner({ doc, onResult });
      await scanner.scan('initial');
      onResult.mockClear();
      vi.useFakeTimers();
      const scans = async () => {
        await vi.advanceTimersByTimeAsync(600);
        return onResult.mock.calls.length;
      };
      return { doc, scanner, scans };
    }

    afterEach(() => vi.useRealTimers());

    it('ignores its own badges', async () => {
      const { doc, scanner, scans } = await setup();
      const badge = doc.createElement('span');
      badge.setAttribute('data-katip-ui', 'mark');
      scanner.onMutations([childList(doc.querySelector('td')!, [badge])]);
      expect(await scans()).toBe(0);
    });

    it('ignores a clock ticking outside the grid', async () => {
      const { doc, scanner, scans } = await setup();
      const clock = doc.getElementById('clock')!;
      scanner.onMutations([text(clock.firstChild as Text), childList(clock, [doc.createTextNode('10:41:01')], [clock.firstChild!])]);
      expect(await scans()).toBe(0);
    });

    it('looks again when a cell of the grid changes', async () => {
      const { doc, scanner, scans } = await setup();
      const cell = doc.querySelector('tbody td')!;
      scanner.onMutations([text(cell.firstChild as Text)]);
      expect(await scans()).toBeGreaterThan(0);
    });

    it('looks again when an element appears elsewhere (a popup form opening beside the grid)', async () => {
      const { doc, scanner, scans } = await setup();
      const popup = doc.createElement('div');
      doc.getElementById('menu')!.append(popup);
      scanner.onMutations([childList(doc.getElementById('menu')!, [popup])]);
      expect(await scans()).toBeGreaterThan(0);
    });

    it('looks again when the grid is replaced (postback)', async () => {
      const { doc, scanner, scans } = await setup();
      const table = doc.querySelector('table')!;
      table.remove();
      scanner.onMutations([childList(doc.body, [], [table])]);
      expect(await scans()).toBeGreaterThan(0);
    });
  });

  it('judges the new-contract form again as the clerk types the minutes', async () => {
    const doc = load(fixture('new-contract-form/labels.html'));
    const scanner = createScanner({ doc });
    await scanner.scan('initial');
    const form = doc.querySelector('form')!;
    expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('new-contract-form');
    // empty minutes field: not judgeable yet
    expect(form.getAttribute('data-katip-rules')!.split(' ')).toContain('needs-data');
    const input = doc.getElementById('a2') as HTMLInputElement;
    input.value = '100';
    await scanner.scan('input');
    expect(form.getAttribute('data-katip-status')).toBe('error');
    expect(form.getAttribute('data-katip-rules')!.split(' ')).toContain('minutes-below-minimum');
    const note = () => doc.querySelector('[data-katip-ui="minutes-note"]')!.shadowRoot!.textContent;
    // 45 employees × 5 dk (az tehlikeli, İH) = 225 dk; 0 running; 100 entered
    expect(note()).toContain('Gerekli: 45 çalışan × 5 dk = 225 dk');
    expect(note()).toContain('Girilen: 100 dk');
    expect(note()).toContain('Eksik: 125 dk');
    input.value = '225';
    await scanner.scan('input');
    expect(form.getAttribute('data-katip-rules')!.split(' ')).not.toContain('minutes-below-minimum');
    expect(note()).toContain('Yeterli');
    expect(doc.querySelectorAll('[data-katip-ui="minutes-note"]')).toHaveLength(1);
  });

  it('leaves a page that is no known screen untouched, and clears marks when the screen goes away', async () => {
    const doc = load('<body><h1>Hoşgeldiniz</h1><table><tr><td>Duyurular</td><td>Tarih</td></tr></table></body>');
    const scanner = createScanner({ doc, send: (m) => sent.push(m) });
    await scanner.scan('initial');
    expect(doc.documentElement.hasAttribute('data-katip-screen')).toBe(false);
    expect(doc.querySelectorAll('[data-katip-status],[data-katip-ui]')).toHaveLength(0);

    const grid = load(OLD_GRID);
    const s2 = createScanner({ doc: grid, send: (m) => sent.push(m) });
    await s2.scan('initial');
    grid.body.replaceChildren(grid.createElement('p'));
    await s2.scan('location');
    expect(grid.documentElement.hasAttribute('data-katip-screen')).toBe(false);
    expect(sent.some((m) => (m as { type: string }).type === 'page-cleared')).toBe(true);
  });

  it('an approval popup over the contracts grid takes the role and class from the grid row of the same person', async () => {
    const doc = load(fixture('old-approval/x-bootstrap.html'));
    const scanner = createScanner({ doc, requestContext: answering({ base: { profile: { hazardText: 'Çok Tehlikeli', employees: 120 }, assignments: [] } }) });
    await scanner.scan('initial');
    expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('old-approval');
    const form = doc.querySelector('[data-katip-status]')!;
    // Serkan Güler is a C class İGU in the grid behind: no class may serve çok tehlikeli but A
    expect(form.getAttribute('data-katip-rules')!.split(' ')).toContain('certificate-class');
    expect(form.getAttribute('data-katip-rules')!.split(' ')).toContain('minutes-below-minimum');
  });

  it('speaks English when the user chose it: badge words, tooltip and messages', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, requestContext: answering({ language: 'en', base: { profile: { hazardText: 'Çok Tehlikeli', employees: 120 }, assignments: [] } }) });
    await scanner.scan('initial');
    const badge = doc.querySelector<HTMLElement>('tbody tr [data-katip-ui="mark"]')!;
    expect(badge.getAttribute('aria-label')).toMatch(/Error/);
    expect(badge.getAttribute('aria-label')).toMatch(/certificate/i);
    expect(badge.getAttribute('aria-label')).not.toMatch(/Hata/);
  });

  it('names the contracts a total counted in the reader\'s language: "Counted: … (OHS specialist, 1,200 min)" in English, "Sayılan: … (İGU, 1.200 dk)" in Turkish', async () => {
    const tipFor = async (language: 'tr' | 'en') => {
      const doc = load(fixture('new-contracts/plain.html'));
      const scanner = createScanner({ doc, requestContext: answering({ language }) });
      await scanner.scan('initial');
      const row = [...doc.querySelectorAll('tr[data-katip-rules]')].find((r) => r.getAttribute('data-katip-rules')!.split(' ').includes('minutes-below-minimum'))!;
      // the row's own marker lists every finding ("Hata (3)"); the others sit beside the fact they judge
      const mark = [...row.querySelectorAll('[data-katip-ui="mark"]')].find((m) => /\(\d+\)/.test(m.getAttribute('aria-label')!))!;
      mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      const text = doc.querySelector('[data-katip-ui="tooltip"]')!.shadowRoot!.querySelector('.tip')!.textContent!;
      scanner.stop();
      return text;
    };
    const en = await tipFor('en');
    expect(en).toMatch(/Counted: [^;]*\(OHS specialist, [\d,]+ min\)/);
    expect(en).not.toMatch(/İGU, [\d.]+ dk/);
    const tr = await tipFor('tr');
    expect(tr).toMatch(/Sayılan: [^;]*\(İGU, [\d.]+ dk\)/);
    expect(tr).not.toMatch(/ min\)/);
  });

  it('sends an unchanged page only once', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, send: (m) => sent.push(m) });
    await scanner.scan('initial');
    await nextTask();
    await scanner.scan('mutation');
    await nextTask();
    expect(sent.filter((m) => (m as { type: string }).type === 'page-report')).toHaveLength(1);
  });

  it('tells the background which grid row the user selected (old interface)', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, send: (m) => sent.push(m) });
    await scanner.scan('initial');
    const cell = doc.querySelector('tbody td')!;
    scanner.onClick({ target: cell } as unknown as Event);
    const sel = sent.find((m) => (m as { type: string }).type === 'selection') as { assignment: { personName: string } };
    expect(sel.assignment.personName).toBe('Ayşe Yılmaz');
  });
});

/** A new-interface contract list naming several workplaces (the headers of the SPA fixture). */
const HEADERS = ['Sözleşme ID', 'Görevlendirilen Kişi TC Kimlik No', 'Görevlendirilen Kişi Ad Soyad', 'Görevlendirilen Kişi Sertifika Tipi', 'Sözleşme Tipi', 'Çalışma Süresi', 'SGK Sicil No', 'İşyeri Unvanı', 'Sözleşme Durumu'];
function multiWorkplaceList(workplaces: number): string {
  const rows = Array.from({ length: workplaces }, (_, i) => {
    const sicil = `2245101011234567034010${String(i).padStart(4, '0')}`;
    return `<tr><td>${610100 + i}</td><td>17776071332</td><td>Kişi ${i}</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>Kısmi Süreli</td><td>600</td><td>${sicil}</td><td>İşyeri ${i} A.Ş.</td><td>Sözleşme Devam Ediyor</td></tr>`;
  });
  return `<body><h1>İSG Hizmet Sözleşmeleri</h1><table><thead><tr>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></body>`;
}

describe('context: one batched request per scan, never blind', () => {
  afterEach(() => vi.useRealTimers());

  it('asks once for all workplaces the page names, and gives each row its own workplace answer', async () => {
    const doc = load(multiWorkplaceList(5));
    const asked: WorkplaceFacts[][] = [];
    const ask = async (ws: WorkplaceFacts[]) => {
      asked.push(ws);
      return answering({}, (w) => ({ profile: w.sicilNo?.endsWith('0003') ? { hazardText: 'Çok Tehlikeli', employees: 100 } : { hazardText: 'Az Tehlikeli', employees: 5 }, assignments: [] }))(ws);
    };
    const scanner = createScanner({ doc, requestContext: ask });
    await scanner.scan('initial');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(5);
    const rows = [...doc.querySelectorAll('tbody tr')];
    // a C class İGU may not serve the çok tehlikeli workplace only
    expect(rows.map((r) => r.getAttribute('data-katip-rules')!.includes('certificate-class'))).toEqual([false, false, false, true, false]);
  });

  it('marks from the page at once when the background is slow, then refines when the answer comes', async () => {
    const doc = load(OLD_GRID);
    let release!: () => void;
    const slow = answering({ base: { profile: { hazardText: 'Çok Tehlikeli', employees: 120 }, assignments: [] } });
    const sent: unknown[] = [];
    const scanner = createScanner({
      doc,
      send: (m) => sent.push(m),
      requestContext: (ws) => new Promise((ok) => (release = () => ok(slow(ws)))),
    });
    const t0 = performance.now();
    const first = await scanner.scan('initial');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(first!.withContext).toBe(false);
    const igu = doc.querySelector('tbody tr')!;
    expect(igu.getAttribute('data-katip-status')).toBe('unknown'); // the page alone: no class, no count
    expect(sent.filter((m) => (m as { type: string }).type === 'page-report')).toHaveLength(0);
    release();
    await vi.waitFor(() => expect(igu.getAttribute('data-katip-status')).toBe('error'));
    expect(scanner.last()!.withContext).toBe(true);
    await nextTask();
    expect(sent.filter((m) => (m as { type: string }).type === 'page-report')).toHaveLength(1);
  });

  it('a background that never answers: the page alone is judged and reported after the time box', async () => {
    const doc = load(OLD_GRID);
    const sent: unknown[] = [];
    const scanner = createScanner({ doc, send: (m) => sent.push(m), contextTimeoutMs: 100, requestContext: () => new Promise(() => {}) });
    await scanner.scan('initial');
    expect(doc.querySelector('tbody tr')!.getAttribute('data-katip-status')).toBe('unknown');
    await vi.waitFor(() => expect(sent.some((m) => (m as { type: string }).type === 'page-report')).toBe(true));
  });
});

describe('keeping up, and never looping', () => {
  afterEach(() => vi.useRealTimers());

  it('a debounce with a maximum wait: a cell changing every 50 ms cannot starve a scan', async () => {
    const doc = load(OLD_GRID);
    const onResult = vi.fn();
    const scanner = createScanner({ doc, onResult });
    await scanner.scan('initial');
    onResult.mockClear();
    vi.useFakeTimers();
    const cell = doc.querySelector('tbody td')!;
    for (let i = 0; i < 20; i++) {
      scanner.onMutations([{ type: 'characterData', target: cell.firstChild } as unknown as MutationRecord]);
      await vi.advanceTimersByTimeAsync(50);
    }
    // 1 s of changes every 50 ms: scans ran (bounded), not zero and not one per change
    expect(onResult.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(onResult.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('follows a React-style re-render that keeps the row elements and swaps their text', async () => {
    const doc = load(OLD_GRID);
    const scanner = createScanner({ doc, requestContext: profile('Çok Tehlikeli', 120) });
    await scanner.scan('initial');
    const [first, second] = [...doc.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
    expect(first!.getAttribute('data-katip-rules')).toContain('certificate-class');
    expect(second!.getAttribute('data-katip-rules')).not.toContain('certificate-class');
    // sort: the same two <tr> now show each other's person
    const texts = (tr: HTMLTableRowElement) => [...tr.cells].map((c) => c.firstChild?.textContent ?? '');
    const a = texts(first!);
    const b = texts(second!);
    [...first!.cells].forEach((c, i) => (c.firstChild ? (c.firstChild.textContent = b[i]!) : c.append(b[i]!)));
    [...second!.cells].forEach((c, i) => (c.firstChild ? (c.firstChild.textContent = a[i]!) : c.append(a[i]!)));
    await scanner.scan('mutation');
    expect(first!.getAttribute('data-katip-rules')).not.toContain('certificate-class');
    expect(second!.getAttribute('data-katip-rules')).toContain('certificate-class');
    expect(first!.querySelectorAll('[data-katip-ui="mark"]').length).toBeLessThanOrEqual(1);
  });

  it('strips data-katip-* the page wrote on things that are not records', async () => {
    const doc = load(OLD_GRID.replace('<h2>', '<h2 data-katip-status="ok" data-katip-rules="">').replace('<thead><tr>', '<thead><tr data-katip-status="error" data-katip-cell="error">'));
    const scanner = createScanner({ doc });
    await scanner.scan('initial');
    expect(doc.querySelectorAll('[data-katip-status]')).toHaveLength(2);
    expect(doc.querySelector('h2')!.hasAttribute('data-katip-rules')).toBe(false);
    expect(doc.querySelector('thead tr')!.hasAttribute('data-katip-cell')).toBe(false);
    // written later, it is stripped as soon as the observer reports it
    const h2 = doc.querySelector('h2')!;
    h2.setAttribute('data-katip-status', 'error');
    scanner.onMutations([{ type: 'attributes', target: h2, attributeName: 'data-katip-status' } as unknown as MutationRecord]);
    expect(h2.hasAttribute('data-katip-status')).toBe(false);
  });

  it('once the extension context is gone, the orphaned scanner removes its marks and never marks again', async () => {
    const doc = load(OLD_GRID);
    let invalid = false;
    const scanner = createScanner({ doc, isInvalid: () => invalid });
    await scanner.scan('initial');
    expect(doc.querySelectorAll('[data-katip-status]').length).toBe(2);
    invalid = true;
    doc.querySelector('tbody td')!.textContent = 'Can Öztürk';
    scanner.onMutations([{ type: 'childList', target: doc.querySelector('tbody td'), addedNodes: [doc.createTextNode('Can')], removedNodes: [] } as unknown as MutationRecord]);
    expect(doc.querySelectorAll('[data-katip-status], [data-katip-ui], [data-katip-cell]')).toHaveLength(0);
    expect(doc.documentElement.hasAttribute('data-katip-screen')).toBe(false);
    expect(await scanner.scan('mutation')).toBeUndefined();
    expect(doc.querySelectorAll('[data-katip-status]')).toHaveLength(0);
  });
});

describe('observed by the content script: an untouched row is taken as read and marked, a touched one is read again', () => {
  /** the content script's wiring: the scanner fed by a MutationObserver on the document */
  async function observedPage(html: string, requestContext = profile('Çok Tehlikeli', 120)) {
    const doc = load(html);
    const { scanner, observe, disconnect } = createObservedScanner({ doc, requestContext });
    observe();
    await scanner.scan('initial');
    /** the observer's records delivered, then the check they ask for */
    const checked = async () => {
      await nextTask();
      await scanner.scan('mutation');
    };
    return { doc, scanner, checked, done: () => (disconnect(), scanner.stop()) };
  }
  const rows = (doc: Document) => [...doc.querySelectorAll('tbody tr')] as HTMLTableRowElement[];

  it('follows rows that keep their elements and swap their text (a React re-render)', async () => {
    const { doc, checked, done } = await observedPage(OLD_GRID);
    const [first, second] = rows(doc);
    expect(first!.getAttribute('data-katip-rules')).toContain('certificate-class');
    const texts = (tr: HTMLTableRowElement) => [...tr.cells].map((c) => c.firstChild?.textContent ?? '');
    const [a, b] = [texts(first!), texts(second!)];
    [...first!.cells].forEach((c, i) => (c.firstChild ? (c.firstChild.textContent = b[i]!) : c.append(b[i]!)));
    [...second!.cells].forEach((c, i) => (c.firstChild ? (c.firstChild.textContent = a[i]!) : c.append(a[i]!)));
    await checked();
    expect(first!.getAttribute('data-katip-rules')).not.toContain('certificate-class');
    expect(second!.getAttribute('data-katip-rules')).toContain('certificate-class');
    done();
  });

  it('puts back a badge or an attribute the page removed from a row whose text did not change', async () => {
    const { doc, checked, done } = await observedPage(OLD_GRID);
    const [first] = rows(doc);
    const rules = first!.getAttribute('data-katip-rules');
    first!.querySelector('[data-katip-ui="mark"]')!.remove();
    await checked();
    expect(first!.querySelectorAll('[data-katip-ui="mark"]')).toHaveLength(1);
    first!.removeAttribute('data-katip-status');
    first!.removeAttribute('data-katip-rules');
    await checked();
    expect(first!.getAttribute('data-katip-status')).toBe('error');
    expect(first!.getAttribute('data-katip-rules')).toBe(rules);
    done();
  });

  it('a row hidden by its style is no record any more; shown again, it is marked again', async () => {
    const { doc, checked, done } = await observedPage(OLD_GRID);
    const [first] = rows(doc);
    first!.style.display = 'none';
    await checked();
    expect(first!.hasAttribute('data-katip-status')).toBe(false);
    expect(doc.querySelectorAll('[data-katip-status]')).toHaveLength(1);
    first!.style.display = '';
    await checked();
    expect(first!.getAttribute('data-katip-status')).toBe('error');
    done();
  });

  it('a cell replaced by one with the same text: the outline goes on the new cell', async () => {
    const { doc, checked, done } = await observedPage(OLD_GRID);
    const [first] = rows(doc);
    const old = first!.cells[2]!;
    expect(old.getAttribute('data-katip-cell')).toBe('error');
    const fresh = doc.createElement('td');
    fresh.textContent = 'C Sınıfı İş Güvenliği Uzmanı';
    old.replaceWith(fresh);
    await checked();
    expect(fresh.getAttribute('data-katip-cell')).toBe('error');
    expect(first!.getAttribute('data-katip-status')).toBe('error');
    done();
  });

  it('a big grid: a change in a row is read again, and a form opening beside the grid is still found', async () => {
    const row = (i: number) =>
      `<tr><td>Kişi ${i}</td><td>Dış Grv.</td><td>C Sınıfı İş Güvenliği Uzmanı</td><td>Kısmi Süreli</td><td>01.02.2026</td><td>Devam Ediyor</td><td></td><td>Onay Bekliyor</td></tr>`;
    const big = OLD_GRID.replace(/<tbody>[\s\S]*<\/tbody>/, `<tbody>${Array.from({ length: 120 }, (_, i) => row(i)).join('')}</tbody>`);
    const { doc, checked, done } = await observedPage(big);
    expect(doc.querySelectorAll('[data-katip-status]')).toHaveLength(120);
    const tenth = rows(doc)[9]!;
    expect(tenth.getAttribute('data-katip-rules')).toContain('certificate-class');
    tenth.cells[2]!.firstChild!.textContent = 'A Sınıfı İş Güvenliği Uzmanı';
    await checked();
    expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('old-contracts');
    expect(tenth.getAttribute('data-katip-rules')).not.toContain('certificate-class');
    // the approval popup opens over the grid, in the same document: the form screen wins (forms first)
    const popup = load(fixture('old-approval/table.html')).querySelector('form')!;
    doc.body.append(doc.importNode(popup, true));
    await checked();
    expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('old-approval');
    done();
  });

  it('a text changed deep inside a cell is read again', async () => {
    const doc0 = OLD_GRID.replace('<td>C Sınıfı İş Güvenliği Uzmanı</td>', '<td><div><span><b><i>C Sınıfı İş Güvenliği Uzmanı</i></b></span></div></td>');
    const { doc, checked, done } = await observedPage(doc0);
    const [first] = rows(doc);
    expect(first!.getAttribute('data-katip-rules')).toContain('certificate-class');
    first!.querySelector('i')!.firstChild!.textContent = 'A Sınıfı İş Güvenliği Uzmanı';
    await checked();
    expect(first!.getAttribute('data-katip-rules')).not.toContain('certificate-class');
    done();
  });
});
