// A long list is checked in slices (the page gets a turn between them, marks appear slice by
// slice), and after a postback only the rows that changed are written again.
import { describe, expect, it, vi } from 'vitest';
import { createScanner } from '@/utils/content/scanner';
import { detectScreenSteps } from '@/utils/screens';
import { afterPaint, PAINT_WAIT_MS } from '@/utils/content/pace';

const ROLES = ['C Sınıfı İş Güvenliği Uzmanı', 'İşyeri Hekimi', 'Diğer Sağlık Personeli', 'B Sınıfı İş Güvenliği Uzmanı'];

function row(name: string, i: number): string {
  return `<tr><td>${name}</td><td>Dış Grv.</td><td>${ROLES[i % ROLES.length]}</td><td>Kısmi Süreli</td><td>01.02.2026</td><td>Devam Ediyor</td><td></td><td>Onay Bekliyor</td></tr>`;
}

function grid(rows: number): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const body: string[] = [];
  for (let i = 0; i < rows; i++) body.push(row(`Kişi ${i}`, i));
  doc.body.innerHTML = `<h2>Sözleşmeler</h2>
<table><thead><tr><th>Adı Soyadı</th><th>Grv. Türü</th><th>Personel Kategorisi Adı</th><th>Çalışma Şekli</th>
<th>Grv. Başlama Trh.</th><th>Çalışma Durumu</th><th>Grv. Ayrılış Trh.</th><th>Grv. Onay Durumu</th></tr></thead>
<tbody id="rows">${body.join('')}</tbody></table>`;
  return doc;
}

const marked = (doc: Document) => doc.querySelectorAll('#rows tr[data-katip-status]').length;

/** A scanner over an n-row grid whose page turns record how many rows were marked at each turn. */
function slicedScan(rows: number, sliceMs: number) {
  const doc = grid(rows);
  const seen: number[] = [];
  const scanner = createScanner({
    doc,
    sliceMs,
    yieldToPage: async () => {
      seen.push(marked(doc));
      await new Promise((ok) => setTimeout(ok, 0));
    },
  });
  return { doc, seen, scanner };
}

describe('a long list is checked in slices', () => {
  it('the first check gives the page a turn before it looks for a screen (the script\'s evaluation and the first check are two tasks)', async () => {
    const turnsOf = async (reason: 'initial' | 'location') => {
      const doc = grid(3);
      let turns = 0;
      const scanner = createScanner({ doc, sliceMs: 1000, yieldToPage: async () => void turns++ });
      await scanner.scan(reason);
      expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('old-contracts');
      scanner.stop();
      return turns;
    };
    // with a slice long enough for the whole check, the only turn is the one before the first check
    expect(await turnsOf('initial')).toBe(1);
    expect(await turnsOf('location')).toBe(0);
  });

  it('the screens are tried as steps: a page of no known screen may pause after every reader', () => {
    const run = (root: ParentNode) => {
      const steps = detectScreenSteps(root);
      let pauses = 0;
      for (let r = steps.next(); ; r = steps.next(), pauses++) if (r.done) return { screen: r.value?.id, pauses };
    };
    const blank = document.implementation.createHTMLDocument('t');
    blank.body.innerHTML = '<p>Hoş geldiniz</p>';
    const none = run(blank);
    expect(none.screen).toBeUndefined();
    expect(none.pauses).toBeGreaterThanOrEqual(5);
    const found = run(grid(3));
    expect(found.screen).toBe('old-contracts');
    expect(found.pauses).toBeLessThan(none.pauses);
  });

  it('a grid of a page or two (150 rows): the page gets turns while it reads and judges, then every marker is written at once (one layout)', async () => {
    const { doc, seen, scanner } = slicedScan(150, 0.2);
    await scanner.scan('initial');
    expect(marked(doc)).toBe(150);
    expect(doc.documentElement.getAttribute('data-katip-screen')).toBe('old-contracts');
    // the page got turns, and never saw a half-marked list (each slice of markers would cost it a layout of the whole table)
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.filter((n) => n !== 0 && n !== 150)).toEqual([]);
    expect(doc.querySelectorAll('#rows [data-katip-ui="mark"]').length).toBe(150);
    expect(doc.querySelectorAll('#rows [data-katip-mark]').length).toBe(0);
    scanner.stop();
  }, 120_000);

  it('a 1,000-row list gets light marks (no element put into the table), written slice by slice', async () => {
    const { doc, seen, scanner } = slicedScan(1000, 1);
    const before = doc.querySelectorAll('#rows *').length;
    await scanner.scan('initial');
    expect(marked(doc)).toBe(1000);
    // the table holds exactly the elements it held: the tone is on the row's first cell
    expect(doc.querySelectorAll('#rows *').length).toBe(before);
    const firstCells = [...doc.querySelectorAll('#rows tr')].map((r) => r.firstElementChild!.getAttribute('data-katip-mark'));
    expect(new Set(firstCells)).toEqual(new Set(['unknown']));
    // marks appeared while the page had turns: some turns saw part of the list marked
    expect(seen.some((n) => n > 0 && n < 1000)).toBe(true);
    // stopping (the extension reloaded) takes every light mark away
    scanner.stop();
    expect(doc.querySelectorAll('[data-katip-mark], [data-katip-status]').length).toBe(0);
  }, 120_000);

  it('a newer check asked for while one runs stops the older one at its next pause; the newer one marks everything', async () => {
    const doc = grid(600);
    let turns = 0;
    let scanner: ReturnType<typeof createScanner> | undefined;
    let second: Promise<unknown> | undefined;
    const marksAtSecond: number[] = [];
    scanner = createScanner({
      doc,
      sliceMs: 1,
      yieldToPage: async () => {
        turns++;
        if (turns === 2) {
          // a postback while the first check is still reading: the last row is replaced
          const tbody = doc.getElementById('rows')!;
          const tmp = doc.createElement('tbody');
          tmp.innerHTML = row('Yeni Kişi', 1);
          tbody.replaceChild(tmp.firstElementChild!, tbody.lastElementChild!);
          marksAtSecond.push(marked(doc));
          second = scanner!.scan('mutation');
        }
        await new Promise((ok) => setTimeout(ok, 0));
      },
    });
    const first = await scanner.scan('initial');
    await second;
    // the first check was cut short before it marked anything; the newer one (run after it) reads the new row
    expect(first).toBeUndefined();
    expect(marksAtSecond).toEqual([0]);
    await vi.waitFor(() => expect(scanner!.last()?.read.records.length).toBe(600), { timeout: 60_000, interval: 20 });
    expect(marked(doc)).toBe(600);
    expect(doc.querySelector('#rows tr:last-child')!.getAttribute('data-katip-status')).toBe('unknown');
    expect(scanner.last()!.read.records.at(-1)!.record.assignment!.personName).toBe('Yeni Kişi');
    scanner.stop();
  }, 120_000);
});

describe('after a postback only what changed is written', () => {
  it('replaced rows are read and marked; the untouched rows keep their marks and get no attribute written', async () => {
    const doc = grid(300);
    const scanner = createScanner({ doc });
    await scanner.scan('initial');
    const rows = [...doc.querySelectorAll('#rows tr')];
    // 300 rows: light marks, on each row's first cell
    const markersBefore = rows.map((r) => r.querySelector('[data-katip-mark]'));
    expect(markersBefore.every((m) => m !== null)).toBe(true);

    // the postback: the first 5 rows replaced by new people
    const tbody = doc.getElementById('rows')!;
    const fresh = doc.createElement('tbody');
    fresh.innerHTML = [0, 1, 2, 3, 4].map((i) => row(`Yeni Kişi ${i}`, i)).join('');
    for (let i = 0; i < 5; i++) tbody.replaceChild(fresh.firstElementChild!, rows[i]!);

    const writes: Node[] = [];
    const observer = new MutationObserver((ms) => ms.forEach((m) => writes.push(m.target)));
    observer.observe(doc.documentElement, { subtree: true, attributes: true, childList: true });
    await scanner.scan('mutation');
    await new Promise((ok) => setTimeout(ok, 0));
    observer.disconnect();

    const now = [...doc.querySelectorAll('#rows tr')];
    expect(now.slice(0, 5).map((r) => r.getAttribute('data-katip-status'))).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(scanner.last()!.read.records.slice(0, 5).map((r) => r.record.assignment!.personName)).toEqual([0, 1, 2, 3, 4].map((i) => `Yeni Kişi ${i}`));
    // untouched rows: the same marker elements, and nothing written in them
    for (let i = 5; i < now.length; i++) expect(now[i]!.querySelector('[data-katip-mark]')).toBe(markersBefore[i]);
    const untouched = new Set(now.slice(5));
    const inUntouched = writes.filter((n) => [...untouched].some((r) => r === n || r.contains(n)));
    expect(inUntouched).toEqual([]);
    // the new rows did get their marks
    for (let i = 0; i < 5; i++) expect(now[i]!.querySelector('[data-katip-mark]')).not.toBeNull();
    scanner.stop();
  }, 60_000);
});

describe('light marks wait for the page to paint', () => {
  it('a wait for a paint is a frame, then a task: what follows starts only once the page painted', async () => {
    const order: string[] = [];
    let frame: (() => void) | undefined;
    const win = { requestAnimationFrame: (cb: () => void) => ((frame = cb), 1) } as unknown as Window;
    const painted = afterPaint(win).then(() => order.push('next slice'));
    await new Promise((ok) => setTimeout(ok, 0));
    expect(order).toEqual([]); // no frame yet: no next slice
    order.push('frame');
    frame!();
    await painted;
    expect(order).toEqual(['frame', 'next slice']);
  });

  it('a hidden tab paints no frame: the slices go on after a short wait, never stall', async () => {
    vi.useFakeTimers();
    try {
      const win = { requestAnimationFrame: () => 1 } as unknown as Window;
      let done = false;
      const p = afterPaint(win).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(PAINT_WAIT_MS - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await p;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a 300-row list (light marks): every row gets its attributes first, slice by slice with no paint waited for; then, once the page painted, the rows in view get their cells\' marks', async () => {
    const doc = grid(300);
    const paints: { records: number; lit: number }[] = [];
    const lit = () => doc.querySelectorAll('#rows [data-katip-mark]').length;
    const scanner = createScanner({
      doc,
      sliceMs: 0.5,
      yieldToPage: async () => {},
      paintToPage: async () => void paints.push({ records: marked(doc), lit: lit() }),
    });
    await scanner.scan('initial');
    expect(marked(doc)).toBe(300);
    // one paint, after all 300 rows had their attributes and before any cell was restyled
    expect(paints).toEqual([{ records: 300, lit: 0 }]);
    // a test document has no layout: every row counts as in view
    expect(lit()).toBe(300);
    scanner.stop();
  }, 60_000);

  it('a big list\'s rows out of view get their cells\' marks when they are scrolled to', async () => {
    const doc = grid(300);
    // rows 20 px high under a 400 px viewport; `scrolled` moves them up
    let scrolled = 0;
    const rows = [...doc.querySelectorAll('#rows tr')];
    rows.forEach((r, i) => {
      r.getBoundingClientRect = () => ({ top: i * 20 - scrolled, bottom: i * 20 + 20 - scrolled, left: 0, right: 100, width: 100, height: 20, x: 0, y: i * 20 - scrolled, toJSON: () => ({}) }) as DOMRect;
    });
    // a test document has no window of its own: the scanner takes the global one's height
    const height = Object.getOwnPropertyDescriptor(window, 'innerHeight');
    Object.defineProperty(window, 'innerHeight', { value: 400, configurable: true });
    const scanner = createScanner({ doc, yieldToPage: async () => {}, paintToPage: async () => {} });
    await scanner.scan('initial');
    expect(marked(doc)).toBe(300);
    const litRows = () => rows.filter((r) => r.querySelector('[data-katip-mark]')).length;
    // in view and a screen below it: rows 0-40 (their tops at 0-800 px); the rest wait
    expect(litRows()).toBe(41);
    expect(rows[40]!.querySelector('[data-katip-mark]')).not.toBeNull();
    expect(rows[41]!.querySelector('[data-katip-mark]')).toBeNull();
    // scrolled down to row 200: the rows around it get theirs at the next frame
    scrolled = 4000;
    doc.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(rows[200]!.querySelector('[data-katip-mark]')).not.toBeNull(), { timeout: 2000, interval: 10 });
    expect(rows[239]!.querySelector('[data-katip-mark]')).not.toBeNull();
    expect(rows[260]!.querySelector('[data-katip-mark]')).toBeNull();
    // the rows seen before keep theirs
    expect(rows[10]!.querySelector('[data-katip-mark]')).not.toBeNull();
    expect(litRows()).toBe(41 + 62); // 179-240 as well
    scanner.stop();
    expect(doc.querySelectorAll('[data-katip-mark], [data-katip-status]').length).toBe(0);
    if (height) Object.defineProperty(window, 'innerHeight', height);
  }, 60_000);
});
