// The content script's loop for one document (a page or a frame), in four clear steps:
//   read    detect the screen and read its records (utils/screens)
//   context ONE batched, time-boxed request for every workplace the records name
//   judge   build the subjects and run the rules (utils/rules)
//   mark    write the marks, the minutes note and the approval bar; report to the background
// Never blind: the page's own facts are judged and marked at once; the context refines the marks
// when it arrives. Re-runs, debounced with a maximum wait, when the portal re-renders (postback,
// paging, React reconciliation, a recycled virtual row, a tab shown), navigates (SPA) or the user
// types in a form; ignores its own marks; writes nothing once the extension context is gone.
import { createJudgeMemo, judgeScreenSteps, ruleById, type ScreenJudgement } from '../rules';
import type { ContextAnswer, ContextResponse, PageReport } from '../messages';
import type { PageRecord, ScreenRead, ScreenReader, WorkplaceFacts } from '../records';
import type { Finding, RuleId } from '../rules/types';
import { detectScreenSteps } from '../screens';
import { oldContractsReader } from '../screens/old-contracts';
import { foldTurkish } from '../domain/text';
import { CONTEXT_TIMEOUT_MS, contextFor, EMPTY_ANSWER, EMPTY_CONTEXT, MAX_CONTEXT_WORKPLACES, within, type AskContext } from './context';
import { removeApprovalBar, showApprovalBar } from './approval-bar';
import { CELL_ATTR, isOwnNode, LIGHT_FROM, MARK_ATTR, markDocument, markRecord, markRecordPart, ownsCell, ownsLight, RECORD_ATTRS, revealRecord, stateOfMarker, unmarkAll, unmarkDocument, unmarkRecord, wroteRecord, type MarkText } from './marks';
import { rowsInView } from './in-view';
import { removeMinutesNote, showMinutesNote } from './minutes-note';
import { buildSubjectsSteps, contextKeyOf, createSubjectMemo, needsContext, pageWorkplaceOf } from './subjects';
import { Cancelled, createPace, type Pace } from './pace';
import { createRowMemo, forgetRow } from '../screens/grid';
import { isLargeGrid } from '../screens/form';
import { connectTooltip } from './tooltip';
import type { PageNote } from '../page-data/join';
import type { PageDataSource } from '../page-data/source';
import { planPageReport } from '../page-report-parts';

export type ScanReason = 'initial' | 'mutation' | 'input' | 'location' | 'page-data';

export interface ScanResult {
  read: ScreenRead;
  judgement: ScreenJudgement;
  /** every finding of the scan, record findings then page findings (the report's list) */
  findings: Finding[];
  language: 'tr' | 'en';
  scanMs: number;
  /** false while the marks rest on the page alone (the context has not arrived yet) */
  withContext: boolean;
  /** page-level notes about the page's own data (rows not marked, table and JSON disagreeing) */
  pageNotes: PageNote[];
  /** false when the records came from the page's own data alone: no row of the page is marked */
  marked: boolean;
}

export interface ScannerDeps {
  doc: Document;
  /** answers the batched get-context; defaults to "page alone" */
  requestContext?: AskContext;
  /** receives page-report / page-cleared / selection / open-profile / approval-submitted messages */
  send?: (message: unknown) => void;
  /** called after every judged scan (and refinement) and with undefined when the screen is gone */
  onResult?: (result: ScanResult | undefined) => void;
  /** true once the extension context is gone (reloaded, updated): then nothing is written again */
  isInvalid?: () => boolean;
  /** runs the scanner's DOM writes (the observer is paused around them: its own writes are never seen) */
  quietly?: (write: () => void) => void;
  now?: () => number;
  /** how long a scan waits for the context before marking from the page alone (ms) */
  firstWaitMs?: number;
  /** how long a context answer may take at all (ms) */
  contextTimeoutMs?: number;
  /** the page's own list answers (utils/page-data): facts joined into the rows, or the records when no table is recognised */
  pageData?: PageDataSource;
  /** gives the page a turn between two slices of a long check (default: scheduler.yield / MessageChannel) */
  yieldToPage?: () => Promise<void>;
  /** waits for the page to paint between two slices of light marks (default: afterPaint; yieldToPage when only that is given) */
  paintToPage?: () => Promise<void>;
  /** how long one slice of a check may run (ms, default SLICE_MS) */
  sliceMs?: number;
  /**
   * true when a MutationObserver on the whole document hands every change to onMutations (the
   * content script): an unchanged row is then recognised without reading its text again
   */
  observed?: boolean;
}

export interface Scanner {
  scan(reason: ScanReason): Promise<ScanResult | undefined>;
  /** schedules a scan: debounced, but never later than the maximum wait after the first request */
  schedule(reason: ScanReason, delayMs?: number): void;
  /** the MutationObserver callback: schedules a scan unless no change can matter */
  onMutations(mutations: MutationRecord[]): void;
  /** delegated click: tells the background which workplace or grid row the user chose */
  onClick(event: Event): void;
  last(): ScanResult | undefined;
  stop(): void;
}

/** The attributes the observer watches: what can show or hide a grid, and marks the page forged. */
export const OBSERVED_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'aria-hidden', 'aria-expanded', ...RECORD_ATTRS, CELL_ATTR, MARK_ATTR, 'data-katip-screen'];
const OWN_ATTRIBUTES = new Set<string>([...RECORD_ATTRS, CELL_ATTR, MARK_ATTR, 'data-katip-screen']);
/** A debounced scan runs at the latest this long after the first change asked for it. */
export const MAX_WAIT_MS = 400;

const ruleText: MarkText['ruleTitle'] = (id: RuleId) => ruleById(id).title;

/**
 * The old approval form may open as a popup over the contracts grid, in the same document: the grid
 * row of the person the form names (the selected one first) tells its role and certificate, unless
 * the background already knows the row the user selected.
 */
export function withRowBehind(read: ScreenRead, ctx: ContextResponse): ContextResponse {
  if (read.screen !== 'old-approval') return ctx;
  const name = read.records[0]?.record.assignment?.personName;
  if (!name || (ctx.selectedAssignment?.personName && sameName(ctx.selectedAssignment.personName, name))) return ctx;
  const root = read.records[0]!.element.ownerDocument;
  if (!oldContractsReader.detect(root)) return ctx;
  const rows = oldContractsReader.read(root).records.filter((r) => sameName(r.record.assignment?.personName, name));
  const chosen = rows.find((r) => isSelectedRow(r.element)) ?? (rows.length === 1 ? rows[0] : undefined);
  return chosen?.record.assignment ? { ...ctx, selectedAssignment: chosen.record.assignment } : ctx;
}

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && foldTurkish(a) === foldTurkish(b);
}

function isSelectedRow(row: Element): boolean {
  return row.getAttribute('aria-selected') === 'true' || !!row.querySelector('input[type="checkbox"]:checked, input[type="radio"]:checked');
}

/** The smallest element holding every record of a read (the grid or the form), or undefined. */
export function regionOf(read: ScreenRead): Element | undefined {
  const elements = read.records.flatMap((r) => r.parts ?? [r.element]);
  let region: Element | null = elements[0] ?? null;
  while (region && !elements.every((e) => region!.contains(e))) region = region.parentElement;
  // a grid's region is its table (or ARIA grid): the pager and the header belong to it
  return region?.closest('table, [role="grid"], [role="table"], [role="treegrid"], form') ?? region ?? undefined;
}

/** The workplaces a read names, keyed as the context is cached (page-wide one first). */
function namedWorkplaces(read: ScreenRead): Map<string, WorkplaceFacts> {
  const wanted = new Map<string, WorkplaceFacts>();
  for (const { record } of read.records) {
    if (!needsContext(record)) continue;
    const w = pageWorkplaceOf(read, record);
    const key = contextKeyOf(w);
    if (key && w && !wanted.has(key)) {
      wanted.set(key, w);
      if (wanted.size >= MAX_CONTEXT_WORKPLACES) break;
    }
  }
  return wanted;
}

/** The context answer as the subjects want it: one context per workplace key, and the base. */
function contextsOf(answer: ContextAnswer, keys: readonly string[]): { contexts: Map<string, ContextResponse>; base: ContextResponse } {
  const base = answer === EMPTY_ANSWER ? EMPTY_CONTEXT : contextFor(answer, answer.base);
  const contexts = new Map<string, ContextResponse>();
  keys.forEach((k, i) => {
    const w = answer.workplaces[i];
    if (w) contexts.set(k, contextFor(answer, w));
  });
  return { contexts, base };
}

const INACTIVE_STATES = new Set(['ended', 'cancelled']);

/** What a mutation is to the scanner: nothing, a change inside the last read region, or one elsewhere. */
type Change = false | 'region' | 'elsewhere';

export function createScanner(deps: ScannerDeps): Scanner {
  const { doc } = deps;
  const now = deps.now ?? (() => performance.now());
  const send = deps.send ?? (() => {});
  const ask: AskContext = deps.requestContext ?? (async () => undefined);
  const invalid = deps.isInvalid ?? (() => false);
  const quietly = deps.quietly ?? ((write: () => void) => write());
  const firstWaitMs = deps.firstWaitMs ?? 50;
  const contextTimeoutMs = deps.contextTimeoutMs ?? CONTEXT_TIMEOUT_MS;
  const paceOptions = { now, ...(deps.yieldToPage ? { yieldFn: deps.yieldToPage } : {}), ...(deps.paintToPage ? { paintFn: deps.paintToPage } : {}), ...(deps.sliceMs !== undefined ? { sliceMs: deps.sliceMs } : {}) };

  /** the latest usable answer, and the workplace keys it answered (in order) */
  let answer: ContextAnswer = EMPTY_ANSWER;
  let answeredKeys: string[] = [];
  let hasAnswer = false;
  let marked = new Set<Element>();
  let notes = new Set<Element>();
  let lastResult: ScanResult | undefined;
  /** the element that holds every record of the last read screen */
  let lastRegion: Element | undefined;
  /** the reader of the last check, and whether the observer saw a change outside its region since */
  let lastReader: ScreenReader | undefined;
  let changedElsewhere = true;
  let lastReportKey = '';
  let running: Promise<ScanResult | undefined> | undefined;
  let rerun: ScanReason | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAskedAt: number | undefined;
  let pendingReason: ScanReason | undefined;
  /** bumped by every read: a late context answer refines only the read it was asked for */
  let generation = 0;
  let stopped = false;
  /** set when a newer check is asked for while one runs: the running one stops at its next pause */
  let cancelled = false;
  const observed = deps.observed ?? false;
  /** rows, subjects and verdicts remembered between checks: an unchanged row is neither read nor judged again */
  const rowMemo = createRowMemo(observed);
  const subjectMemo = createSubjectMemo();
  const judgeMemo = createJudgeMemo();
  /** what the page's own data adds to the current read */
  let fromData: { pageNotes: PageNote[]; onPage: boolean } = { pageNotes: [], onPage: true };

  connectTooltip(doc, stateOfMarker, send);

  /** the big grid's record rows (light marks), in order: the rows scrolled into view get their cells' marks */
  let shownRows: Element[] = [];
  function revealInView(): void {
    // a document made by a script (a test) has no window of its own
    const [from, to] = rowsInView(shownRows, (doc.defaultView ?? globalThis).innerHeight ?? 0);
    for (let i = from; i <= to; i++) revealRecord(shownRows[i]!);
  }
  let frameAsked = false;
  const onScroll = () => {
    if (frameAsked || !shownRows.length) return;
    frameAsked = true;
    const win = doc.defaultView;
    const later = win?.requestAnimationFrame ? (f: () => void) => win.requestAnimationFrame(f) : (f: () => void) => setTimeout(f, 16);
    later(() => {
      frameAsked = false;
      if (!gone() && shownRows.length) quietly(revealInView);
    });
  };
  // scroll does not bubble: listened to while captured, for the page and any scrolling box in it
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  doc.defaultView?.addEventListener('resize', onScroll, { passive: true });

  function gone(): boolean {
    if (!stopped && invalid()) stop();
    return stopped;
  }

  let clearedOnce = false;
  function clear(): void {
    const wasMarked = marked.size > 0 || doc.documentElement.hasAttribute('data-katip-screen');
    if (!wasMarked && clearedOnce) return;
    clearedOnce = true;
    quietly(() => {
      unmarkAll(doc, marked);
      for (const c of notes) removeMinutesNote(c);
      removeApprovalBar(doc);
    });
    marked = new Set();
    notes = new Set();
    lastResult = undefined;
    lastRegion = undefined;
    shownRows = [];
    lastReportKey = '';
    send({ type: 'page-cleared', url: doc.location?.href ?? '' });
    deps.onResult?.(undefined);
  }

  /**
   * Judges a read with a context answer and writes the marks (step 3 and 4), in slices: a big list
   * gives the page a turn every few milliseconds (`pace`), and its marks appear slice by slice.
   */
  async function apply(read: ScreenRead, using: ContextAnswer, keys: readonly string[], readMs: number, final: boolean, pace: Pace): Promise<ScanResult | undefined> {
    if (gone()) return undefined;
    const applyFrom = pace.busyMs();
    const { contexts, base } = contextsOf(using, keys);
    const { subjects, workplaces } = await pace.run(buildSubjectsSteps(read, contexts, withRowBehind(read, base), subjectMemo));
    const disabled = new Set<RuleId>(using.disabledRules);
    const judgement = await pace.run(judgeScreenSteps(subjects, { disabled, workplaces, memo: judgeMemo }));
    if (gone()) return undefined;
    const text: MarkText = { language: using.language, ruleTitle: ruleText };
    const current = new Set<Element>();
    const currentNotes = new Set<Element>();
    let bar = false;
    // Records of the page's data alone stand for no element.
    const count = fromData.onPage ? read.records.length : 0;
    // a big grid gets light marks (attributes only, no layout): written slice by slice
    const light = count >= LIGHT_FROM;
    const markOne = (i: number, shown?: boolean) => {
      const { element, parts, record, cells, minutesControl } = read.records[i]!;
      const mark = judgement.records[i]!;
      const workplace = pageWorkplaceOf(read, record);
      // a row split in parts (pinned columns): every part carries the record's marks (PAGE-CONTRACT)
      for (const part of parts ?? []) {
        if (part === element) continue;
        markRecordPart(part, mark);
        current.add(part);
        marked.add(part);
      }
      markRecord(element, mark, cells, {
        text,
        screen: read.screen,
        showPassing: using.showPassing,
        inactive: INACTIVE_STATES.has(record.assignment?.contractState ?? ''),
        light,
        observed,
        ...(shown === undefined ? {} : { shown }),
        ...(workplace ? { workplace } : {}),
      });
      current.add(element);
      // every element written is remembered at once: a check cut short by a newer one leaves nothing it cannot undo
      marked.add(element);
      if (minutesControl) {
        showMinutesNote(minutesControl, subjects[i]!, using.language);
        currentNotes.add(minutesControl);
        notes.add(minutesControl);
      }
      if (!bar && (read.screen === 'old-approval' || read.screen === 'new-contract-form')) {
        bar = !!showApprovalBar(
          { screen: read.screen, element, mark, text, confirmBeforeSave: using.confirmBeforeSave, ...(record.assignment ? { assignment: record.assignment } : {}) },
          send,
        );
      }
    };
    // Marker elements are written in one go, not slice by slice: every slice of new markers would
    // cost the page a layout of its whole table (measured: 20,000 rows marked slice by slice took one
    // full table layout per slice, minutes in all). A big grid's rows get their attributes slice by
    // slice (no style depends on them: no rendering), then the rows in view their cells' marks, once
    // the page has painted; the others as they are scrolled to (any cell restyled on a 20,000-row
    // table costs Chromium a long rendering task: 30-80 ms for one cell, 390 ms for 700).
    let next = 0;
    if (light) {
      while (next < count) {
        quietly(() => {
          do markOne(next++, false);
          while (next < count && !pace.due());
        });
        if (next < count) await pace.pause();
      }
      shownRows = read.records.slice(0, count).map((r) => r.element);
      await pace.paint();
      if (gone()) return undefined;
      quietly(revealInView);
    } else shownRows = [];
    quietly(() => {
      for (; next < count; next++) markOne(next);
      if (!bar) removeApprovalBar(doc);
      for (const el of marked) if (!current.has(el)) unmarkRecord(el);
      for (const c of notes) if (!currentNotes.has(c)) removeMinutesNote(c);
    });
    marked = current;
    notes = currentNotes;
    const scanMs = readMs + (pace.busyMs() - applyFrom);
    const { pageNotes, onPage } = fromData;
    quietly(() => (onPage ? markDocument(doc, read.screen, scanMs) : unmarkDocument(doc)));
    const findings: Finding[] = [];
    for (const r of judgement.records) for (const f of r.findings) findings.push(f);
    for (const f of judgement.pageFindings) findings.push(f);
    lastResult = { read, judgement, findings, language: using.language, scanMs, withContext: final, pageNotes, marked: onPage };
    // without marked rows any change may bring the table
    lastRegion = onPage ? regionOf(read) : undefined;
    deps.onResult?.(lastResult);
    // the report (serialised for the background) runs in a task of its own: the page gets a turn first
    if (final) {
      const result = lastResult;
      setTimeout(() => {
        if (!gone() && lastResult === result) report(result);
      }, 0);
    }
    return lastResult;
  }

  async function scanOnce(reason: ScanReason): Promise<ScanResult | undefined> {
    if (gone()) return undefined;
    const gen = ++generation;
    cancelled = false;
    const pace = createPace({ ...paceOptions, wanted: () => !stopped && !cancelled && gen === generation });
    // the first check gives the page a turn after the script's own evaluation: two tasks, not one long one
    if (reason === 'initial') await pace.pause();
    // Changes confined to the big grid last read cannot show a form (the form readers never look
    // inside one): only the grid readers are tried again. Anything else tries every screen.
    const skipBlind =
      observed && reason === 'mutation' && !changedElsewhere && !!lastReader && !lastReader.blindToLargeGrids && !!lastRegion?.isConnected && isLargeGrid(lastRegion);
    changedElsewhere = false;
    const reader: ScreenReader | undefined = await pace.run(detectScreenSteps(doc, { skipBlind }));
    lastReader = reader;
    const shown = reader?.readSteps ? await pace.run(reader.readSteps(doc, rowMemo)) : reader?.read(doc);
    const withData = deps.pageData?.apply(shown, doc);
    const read = withData?.read ?? shown;
    if (!read) {
      clear();
      return undefined;
    }
    fromData = { pageNotes: withData?.notes ?? [], onPage: withData?.marked ?? true };
    const readMs = pace.busyMs();
    const wanted = namedWorkplaces(read);
    const keys = [...wanted.keys()];
    const covered = hasAnswer && keys.every((k) => answeredKeys.includes(k));
    // typing re-judges from the answer at hand; everything else asks again (the mirror may have learnt)
    if (reason === 'input' && covered) return apply(read, answer, answeredKeys, readMs, true, pace);

    const asked = within(ask([...wanted.values()]), contextTimeoutMs);
    const quick = await pace.wait(within(asked, firstWaitMs));
    if (gone()) return undefined;
    if (quick) {
      remember(quick, keys);
      return apply(read, quick, keys, readMs, true, pace);
    }
    // never blind: mark from what is known now, refine when (if) the answer comes
    const result = await apply(read, covered ? answer : EMPTY_ANSWER, covered ? answeredKeys : [], readMs, covered, pace);
    void asked.then(async (late) => {
      if (gone() || gen !== generation) return;
      if (late) remember(late, keys);
      if (!late && covered) return;
      const refine = createPace({ ...paceOptions, wanted: () => !stopped && gen === generation });
      try {
        await apply(read, late ?? answer, late ? keys : answeredKeys, readMs, true, refine);
      } catch (err) {
        if (!(err instanceof Cancelled)) console.error('[katip] refining the marks failed', err);
      }
    });
    return result;
  }

  function remember(a: ContextAnswer, keys: string[]): void {
    answer = a;
    answeredKeys = keys;
    hasAnswer = true;
  }

  /** What the last report was made of: the same records and findings (the same objects) are not sent again. */
  let lastReported: { screen: string; records: PageRecord[]; verdicts: ScreenJudgement['records']; pageFindings: string; notes: string } | undefined;

  function sameAsReported(result: ScanResult, records: PageRecord[]): boolean {
    const last = lastReported;
    const pageFindings = JSON.stringify(result.judgement.pageFindings);
    const notes = JSON.stringify(result.pageNotes);
    const verdicts = result.judgement.records;
    lastReported = { screen: result.read.screen, records, verdicts, pageFindings, notes };
    if (!last || last.screen !== result.read.screen || last.records.length !== records.length || last.pageFindings !== pageFindings || last.notes !== notes) return false;
    for (let i = 0; i < records.length; i++) if (last.records[i] !== records[i] || last.verdicts[i]!.findings !== verdicts[i]!.findings) return false;
    return true;
  }

  function report(result: ScanResult): void {
    const { findings } = result;
    const records = result.read.records.map((r) => r.record);
    // after a clear (lastReportKey '') the report always goes
    const same = sameAsReported(result, records);
    if (same && lastReportKey !== '') return;
    lastReportKey = 'sent';
    const message: PageReport = {
      type: 'page-report',
      screen: result.read.screen,
      url: doc.location?.href ?? '',
      page: result.read.page ?? {},
      records,
      findings,
      scanMs: result.scanMs,
    };
    if (result.pageNotes.length) message.notes = result.pageNotes;
    // a big list goes in parts (utils/page-report-parts.ts): one message would be refused; each part
    // made and sent in a task of its own, so copying a 20,000-row report never freezes the page
    const plan = planPageReport(message);
    const sendFrom = (i: number) => {
      if (gone()) return;
      send(plan.part(i));
      if (i + 1 < plan.count) setTimeout(() => sendFrom(i + 1), 0);
    };
    sendFrom(0);
  }

  async function scan(reason: ScanReason): Promise<ScanResult | undefined> {
    if (stopped) return undefined;
    if (running) {
      rerun = rerun === undefined || rerun === 'input' ? reason : rerun;
      cancelled = true; // the running check stops at its next pause; this one starts after it
      return running;
    }
    running = scanOnce(reason)
      .catch((err: unknown) => {
        if (err instanceof Cancelled) return undefined;
        console.error(`[katip] scan failed (${reason}) on ${doc.location?.href ?? '?'}`, err);
        return undefined;
      })
      .finally(() => {
        running = undefined;
        const again = rerun;
        rerun = undefined;
        if (again && !stopped) void scan(again);
      });
    return running;
  }

  function schedule(reason: ScanReason, delayMs = 120): void {
    if (stopped) return;
    pendingReason = pendingReason && pendingReason !== 'input' ? pendingReason : reason;
    const t = now();
    firstAskedAt ??= t;
    if (timer) clearTimeout(timer);
    // a debounce with a maximum wait: a cell changing every 50 ms cannot postpone a scan for ever
    const wait = Math.max(0, Math.min(delayMs, MAX_WAIT_MS - (t - firstAskedAt)));
    timer = setTimeout(() => {
      timer = undefined;
      firstAskedAt = undefined;
      const r = pendingReason ?? reason;
      pendingReason = undefined;
      void scan(r);
    }, wait);
  }

  /**
   * Whether a mutation can change what was read. Inside the read screen's region (the element that
   * holds all its records), or removing it, any change of content matters. Elsewhere only added
   * elements do (a popup form may open beside the grid), and attribute changes that may show or hide
   * a grid or a form (a collapsed tab opening): a ticking clock never triggers a re-check.
   */
  function matters(m: MutationRecord, region: Element | undefined): Change {
    const target = m.type === 'characterData' ? m.target.parentNode : m.target;
    if (!target || isOwnNode(target)) return false;
    // any change in a remembered row: the row is read again next time (a row hidden by an attribute too)
    forgetRow(rowMemo, target);
    const inRegion = !!region?.isConnected && region.contains(target);
    if (m.type === 'attributes') {
      const el = target as Element;
      if (OWN_ATTRIBUTES.has(m.attributeName ?? '')) return forged(el, m.attributeName!) && (inRegion ? 'region' : 'elsewhere');
      // a row's hover class: nothing to check now
      if (inRegion) return false;
      return el.nodeType === 1 && (el === region || el.contains(region ?? null) || !!el.querySelector('table, [role="grid"], [role="table"], form, input')) && 'elsewhere';
    }
    const nodes = m.type === 'childList' ? [...m.addedNodes, ...m.removedNodes].filter((n) => !isOwnNode(n)) : [];
    if (m.type === 'childList' && !nodes.some((n) => !(n.nodeType === 3 && !n.textContent?.trim()))) return false;
    if (inRegion) return 'region';
    if (!region || !region.isConnected || target.contains(region)) return 'elsewhere';
    return m.type === 'childList' && [...m.addedNodes].some((n) => n.nodeType === 1 && !isOwnNode(n)) && 'elsewhere';
  }

  /**
   * A data-katip-* attribute the scanner did not write just now (it writes with the observer paused):
   * on one of its records it is re-marked; elsewhere the page forged it, and it is removed.
   */
  function forged(el: Element, attr: string): boolean {
    if (attr === 'data-katip-screen') return el === doc.documentElement;
    if (attr === CELL_ATTR ? ownsCell(el) : attr === MARK_ATTR ? ownsLight(el) : wroteRecord(el)) return true;
    if (el.hasAttribute(attr) && !gone()) quietly(() => el.removeAttribute(attr));
    return false;
  }

  function onMutations(mutations: MutationRecord[]): void {
    if (gone()) return;
    const region = lastRegion;
    let any = false;
    for (const m of mutations) {
      const change = matters(m, region); // every forged attribute is stripped
      if (change === 'elsewhere') changedElsewhere = true;
      if (change) any = true;
    }
    if (any) schedule('mutation', region ? 120 : 250);
  }

  function onClick(event: Event): void {
    const result = lastResult;
    const target = event.target as Node | null;
    if (!result || !target) return;
    const hit = result.read.records.find(({ element, parts }) => element.contains(target) || !!parts?.some((p) => p.contains(target)));
    if (!hit) return;
    if (result.read.screen === 'old-workplace-select' && hit.record.workplace) {
      send({ type: 'selection', workplace: hit.record.workplace });
    } else if (result.read.screen === 'old-contracts' && hit.record.assignment) {
      send({ type: 'selection', assignment: hit.record.assignment });
    }
  }

  /** Page-written data-katip-* on anything that is not one of this scanner's records or cells goes (PAGE-CONTRACT). */
  function stripForgeries(): void {
    for (const el of doc.querySelectorAll('[data-katip-status], [data-katip-rules], [data-katip-cell], [data-katip-mark]')) {
      if (!wroteRecord(el)) for (const a of RECORD_ATTRS) el.removeAttribute(a);
      if (!ownsCell(el)) el.removeAttribute(CELL_ATTR);
      if (!ownsLight(el)) el.removeAttribute(MARK_ATTR);
    }
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    const records = marked;
    marked = new Set();
    shownRows = [];
    doc.removeEventListener('scroll', onScroll, { capture: true });
    doc.defaultView?.removeEventListener('resize', onScroll);
    unmarkAll(doc, records);
    for (const c of notes) removeMinutesNote(c);
    notes = new Set();
    removeApprovalBar(doc);
  }

  return {
    scan: async (reason) => {
      if (reason === 'initial' && !gone()) quietly(stripForgeries);
      return scan(reason);
    },
    schedule,
    onMutations,
    onClick,
    last: () => lastResult,
    stop,
  };
}

export interface ObservedScanner {
  scanner: Scanner;
  /** runs DOM writes with the observer paused (they are never seen as the page's changes) */
  quietly: (write: () => void) => void;
  /** starts observing the whole document */
  observe: () => void;
  disconnect: () => void;
}

/**
 * The content script's scanner: one MutationObserver on the whole document hands it every change
 * but its own writes (the observer is paused around them, and what it had gathered is handed over
 * after). Observed, the scanner takes a row no change touched as it was read and marked, without
 * reading its text again (`ScannerDeps.observed`). Call `observe()` to start.
 */
export function createObservedScanner(deps: Omit<ScannerDeps, 'quietly' | 'observed'>): ObservedScanner {
  const { doc } = deps;
  const observer = new MutationObserver((m) => scanner.onMutations(m));
  const observe = () =>
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
  const quietly = (write: () => void) => {
    const pending = observer.takeRecords();
    observer.disconnect();
    try {
      write();
    } finally {
      observe();
      if (pending.length) scanner.onMutations(pending);
    }
  };
  const scanner = createScanner({ ...deps, quietly, observed: true });
  return { scanner, quietly, observe, disconnect: () => observer.disconnect() };
}
