// `node tests/bench/idb-floor.mjs`: what IndexedDB itself costs the mirror, measured in the
// extension's service worker (real Chromium, no Dexie, none of our code): the writes of one
// 2,000-record part of the bench list (2,000 assignment puts, 4,000 history adds, 500 checklists
// for the pending quarter) in one relaxed transaction, against the same puts without indexes,
// assignments alone, history alone, the same 2,000 rows as ONE value, and two history layouts the
// mirror does not have (a row per sighting, a row per part). The records/s it prints
// is the most the mirror could store with one IndexedDB request per row, whatever our code does.
// (The extension must be built: `npx wxt build`.) A measuring tool, not a test.
import { launchBrowser, startPortal } from '../e2e/harness.mjs';

const REPS = Number(process.env.KATIP_FLOOR_REPS ?? 5);
const portal = await startPortal({});
const browser = await launchBrowser({ port: portal.port });
try {
  const result = await browser.worker.evaluate(async (reps) => {
    const open = (name, setup) =>
      new Promise((ok, fail) => {
        const r = indexedDB.open(name, 1);
        r.onupgradeneeded = () => setup(r.result);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const committed = (tx) =>
      new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      });
    const at = new Date().toISOString();
    const row = (tag, i) => ({
      personName: `Ayşe Yılmaz ${tag}${i}`,
      role: 'igu',
      employment: 'kismi',
      startDate: '2024-03-01',
      contractState: 'active',
      approvalState: i % 4 ? 'approved' : 'pending',
      key: `a:|nayse yilmaz ${tag}${i}|igu|2024-03-01`,
      label: `Ayşe Yılmaz ${tag}${i} (İGU)`,
      firstSeenAt: at,
      lastSeenAt: at,
      lastScreen: 'old-contracts',
      pending: i % 4 ? 0 : 1,
    });
    const mirrorStores = (indexes) => (db) => {
      const a = db.createObjectStore('assignments', { keyPath: 'key' });
      const h = db.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('checklists', { keyPath: 'assignmentKey' });
      if (!indexes) return;
      for (const name of ['workplaceKey', 'pending', 'portalId']) a.createIndex(name, name);
      h.createIndex('assignmentKey', 'assignmentKey');
    };
    const assignments = (tx, tag) => {
      const store = tx.objectStore('assignments');
      for (let i = 0; i < 2000; i++) store.put(row(tag, i));
      return 2000;
    };
    const history = (tx, tag) => {
      const store = tx.objectStore('history');
      for (let i = 0; i < 2000; i++) {
        const key = `a:|nayse yilmaz ${tag}${i}|igu|2024-03-01`;
        store.add({ assignmentKey: key, at, screen: 'old-contracts', field: 'approvalState', to: i % 4 ? 'approved' : 'pending' });
        store.add({ assignmentKey: key, at, screen: 'old-contracts', field: 'contractState', to: 'active' });
      }
      return 4000;
    };
    const checklists = (tx, tag) => {
      const store = tx.objectStore('checklists');
      for (let i = 0; i < 2000; i += 4) store.put({ assignmentKey: `a:|nayse yilmaz ${tag}${i}|igu|2024-03-01`, steps: { 1: { done: true, at, how: 'seen' }, 3: { done: true, at, how: 'seen' } }, updatedAt: at });
      return 500;
    };
    const part = (tx, tag) => assignments(tx, tag) + history(tx, tag) + checklists(tx, tag);
    // layouts the mirror does not have, for comparison: a history row per sighting of an assignment
    // (its changed fields together), and one history row for the whole part
    const historyPerSighting = (tx, tag) => {
      const store = tx.objectStore('history');
      for (let i = 0; i < 2000; i++) {
        const key = `a:|nayse yilmaz ${tag}${i}|igu|2024-03-01`;
        store.add({ assignmentKey: key, at, screen: 'old-contracts', changes: [{ field: 'approvalState', to: i % 4 ? 'approved' : 'pending' }, { field: 'contractState', to: 'active' }] });
      }
      return 2000;
    };
    const historyPerPart = (tx, tag) => {
      const changes = [];
      for (let i = 0; i < 2000; i++) {
        const key = `a:|nayse yilmaz ${tag}${i}|igu|2024-03-01`;
        changes.push({ assignmentKey: key, field: 'approvalState', to: i % 4 ? 'approved' : 'pending' }, { assignmentKey: key, field: 'contractState', to: 'active' });
      }
      tx.objectStore('history').add({ assignmentKey: changes.map((c) => c.assignmentKey), at, screen: 'old-contracts', changes });
      return 1;
    };
    const oneValue = (tx, tag) => {
      tx.objectStore('history').add({ rows: Array.from({ length: 2000 }, (_, i) => row(tag, i)) });
      return 1;
    };
    const variants = [
      ['one part as the mirror writes it (indexes as in schema v4)', true, part],
      ['the same without any index', false, part],
      ['2,000 assignment puts alone', true, assignments],
      ['4,000 history adds alone', true, history],
      ['the 2,000 rows as one value', true, oneValue],
      ['(not the mirror) assignments + checklists + a history row per sighting', true, (tx, tag) => assignments(tx, tag) + historyPerSighting(tx, tag) + checklists(tx, tag)],
      ['(not the mirror) assignments + checklists + one history row per part', true, (tx, tag) => assignments(tx, tag) + historyPerPart(tx, tag) + checklists(tx, tag)],
    ];
    const out = [];
    for (const [name, indexes, write] of variants) {
      const db = await open(`katip-floor-${out.length}-${Date.now()}`, mirrorStores(indexes));
      const ms = [];
      let requests = 0;
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        const tx = db.transaction(['assignments', 'history', 'checklists'], 'readwrite', { durability: 'relaxed' });
        requests = write(tx, `r${r}-`);
        await committed(tx);
        ms.push(performance.now() - t0);
      }
      db.close();
      await new Promise((ok) => {
        const del = indexedDB.deleteDatabase(db.name);
        del.onsuccess = del.onerror = del.onblocked = ok;
      });
      ms.sort((a, b) => a - b);
      out.push({ name, requests, median: ms[Math.floor(ms.length / 2)] });
    }
    return { ua: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0], out };
  }, REPS);
  console.log(`${result.ua}, median of ${REPS}, one relaxed transaction each:`);
  for (const v of result.out) {
    const perRequest = v.requests > 1 ? `, ${((v.median * 1000) / v.requests).toFixed(0)} µs per request` : '';
    console.log(`${v.median.toFixed(0).padStart(6)} ms  ${v.name} (${v.requests} requests${perRequest})`);
  }
  const mirror = result.out[0];
  const rate = (v) => `${Math.round(2000 / (v.median / 1000)).toLocaleString('en')} records/s`;
  console.log(`=> at most ${rate(mirror)} with one request per row (${(mirror.requests / 2000).toFixed(2)} requests per record)`);
  for (const v of result.out.slice(-2)) console.log(`   ${rate(v)} if ${v.name.replace('(not the mirror) ', '')} (${(v.requests / 2000).toFixed(2)} requests per record)`);
} finally {
  await browser.close();
  await portal.close();
}
