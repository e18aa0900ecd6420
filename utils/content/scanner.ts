// The content script's loop for one document (a page or a frame): detect the screen, read it,
// fetch the context, judge, mark, report. Re-runs, debounced, when the portal replaces rows
// (postback, paging), navigates (SPA) or the user types in a form; ignores its own marks.
import { judgeScreen, ruleById, type ScreenJudgement } from '../rules';
import type { ContextResponse, PageReport } from '../messages';
import type { PageRecord, ScreenRead, ScreenReader } from '../records';
import type { Finding, RuleId } from '../rules/types';
import { detectScreen } from '../screens';
import { oldContractsReader } from '../screens/old-contracts';
import { foldTurkish } from '../domain/text';
import { EMPTY_CONTEXT } from './context';
import { isOwnNode, markDocument, markRecord, unmarkAll, unmarkRecord, type MarkText } from './marks';
import { showMinutesNote } from './minutes-note';
import { buildSubjects, contextKeyOf, needsContext, pageWorkplaceOf } from './subjects';

export type ScanReason = 'initial' | 'mutation' | 'input' | 'location';

export interface ScanResult {
  read: ScreenRead;
  judgement: ScreenJudgement;
  /** every finding of the scan, record findings then page findings (the report's and the panel's list) */
  findings: Finding[];
  language: 'tr' | 'en';
  scanMs: number;
}

export interface ScannerDeps {
  doc: Document;
  /** answers get-context; defaults to "page alone" */
  requestContext?: (workplace: PageRecord['workplace']) => Promise<ContextResponse>;
  /** receives page-report / page-cleared / selection messages for the background */
  send?: (message: unknown) => void;
  /** called after every judged scan and with undefined when the screen is gone */
  onResult?: (result: ScanResult | undefined) => void;
  now?: () => number;
}

export interface Scanner {
  scan(reason: ScanReason): Promise<ScanResult | undefined>;
  /** schedules a scan (debounced) */
  schedule(reason: ScanReason, delayMs?: number): void;
  /** the MutationObserver callback: schedules a scan unless every change is the extension's own */
  onMutations(mutations: MutationRecord[]): void;
  /** delegated click: tells the background which workplace or grid row the user chose */
  onClick(event: Event): void;
  last(): ScanResult | undefined;
  stop(): void;
}

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
  const elements = read.records.map((r) => r.element);
  let region: Element | null = elements[0] ?? null;
  while (region && !elements.every((e) => region!.contains(e))) region = region.parentElement;
  // a grid's region is its table (or ARIA grid): the pager and the header belong to it
  return region?.closest('table, [role="grid"], [role="table"], [role="treegrid"], form') ?? region ?? undefined;
}

export function createScanner(deps: ScannerDeps): Scanner {
  const { doc } = deps;
  const now = deps.now ?? (() => performance.now());
  const send = deps.send ?? (() => {});
  const ask = deps.requestContext ?? (async () => EMPTY_CONTEXT);
  let contexts = new Map<string, ContextResponse>();
  let base: ContextResponse = EMPTY_CONTEXT;
  let marked = new Set<Element>();
  let lastResult: ScanResult | undefined;
  /** the element that holds every record of the last read screen */
  let lastRegion: Element | undefined;
  let lastReportKey = '';
  let running: Promise<ScanResult | undefined> | undefined;
  let rerun: ScanReason | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingReason: ScanReason | undefined;
  let stopped = false;

  async function refreshContexts(read: ScreenRead): Promise<void> {
    const wanted = new Map<string, PageRecord['workplace']>();
    for (const { record } of read.records) {
      if (!needsContext(record)) continue;
      const w = pageWorkplaceOf(read, record);
      const key = contextKeyOf(w);
      if (key && !wanted.has(key)) wanted.set(key, w);
    }
    const keys = [...wanted.keys()].slice(0, 200); // a page of a list: one answer per workplace it names
    const answers = await Promise.all([ask(undefined), ...keys.map((k) => ask(wanted.get(k)))]);
    base = answers[0] ?? EMPTY_CONTEXT;
    contexts = new Map(keys.map((k, i) => [k, answers[i + 1] ?? base]));
  }

  let clearedOnce = false;
  function clear(): void {
    const wasMarked = marked.size > 0 || doc.documentElement.hasAttribute('data-katip-screen');
    if (!wasMarked && clearedOnce) return;
    clearedOnce = true;
    unmarkAll(doc);
    marked = new Set();
    lastResult = undefined;
    lastRegion = undefined;
    lastReportKey = '';
    send({ type: 'page-cleared', url: doc.location?.href ?? '' });
    deps.onResult?.(undefined);
  }

  async function scanOnce(reason: ScanReason): Promise<ScanResult | undefined> {
    const t0 = now();
    const reader: ScreenReader | undefined = detectScreen(doc);
    if (!reader) {
      clear();
      return undefined;
    }
    const read = reader.read(doc);
    const readMs = now() - t0;
    if (reason !== 'input' || !lastResult) await refreshContexts(read);
    if (stopped) return undefined;
    const t1 = now();
    const { subjects, workplaces } = buildSubjects(read, contexts, withRowBehind(read, base));
    const disabled = new Set<RuleId>(base.disabledRules);
    const judgement = judgeScreen(subjects, { disabled, workplaces });
    const text: MarkText = { language: base.language, ruleTitle: ruleText };
    const current = new Set<Element>();
    read.records.forEach(({ element }, i) => {
      const r = judgement.records[i]!;
      markRecord(element, r, text);
      current.add(element);
    });
    read.records.forEach(({ minutesControl }, i) => {
      if (minutesControl) showMinutesNote(minutesControl, subjects[i]!, base.language);
    });
    for (const el of marked) if (!current.has(el)) unmarkRecord(el);
    marked = current;
    const scanMs = readMs + (now() - t1);
    markDocument(doc, read.screen, scanMs);
    const findings = [...judgement.records.flatMap((r) => r.findings), ...judgement.pageFindings];
    lastResult = { read, judgement, findings, language: base.language, scanMs };
    lastRegion = regionOf(read);
    deps.onResult?.(lastResult);
    report(lastResult);
    return lastResult;
  }

  function report(result: ScanResult): void {
    const { findings } = result;
    const records = result.read.records.map((r) => r.record);
    const key = JSON.stringify([result.read.screen, records, findings]);
    if (key === lastReportKey) return;
    lastReportKey = key;
    const message: PageReport = {
      type: 'page-report',
      screen: result.read.screen,
      url: doc.location?.href ?? '',
      page: result.read.page ?? {},
      records,
      findings,
      scanMs: result.scanMs,
    };
    send(message);
  }

  async function scan(reason: ScanReason): Promise<ScanResult | undefined> {
    if (stopped) return undefined;
    if (running) {
      rerun = rerun === undefined || rerun === 'input' ? reason : rerun;
      return running;
    }
    running = scanOnce(reason)
      .catch((err: unknown) => {
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
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const r = pendingReason ?? reason;
      pendingReason = undefined;
      void scan(r);
    }, delayMs);
  }

  /**
   * Whether a mutation can change what was read. Inside the read screen's region (the element that
   * holds all its records), or removing it, any change matters. Elsewhere only added elements do (a
   * popup form may open beside the grid): a ticking clock or a status text never triggers a re-check.
   */
  function matters(m: MutationRecord, region: Element | undefined): boolean {
    const target = m.type === 'characterData' ? m.target.parentNode : m.target;
    if (!target || isOwnNode(target)) return false;
    const nodes = m.type === 'childList' ? [...m.addedNodes, ...m.removedNodes].filter((n) => !isOwnNode(n)) : [];
    if (m.type === 'childList' && !nodes.some((n) => !(n.nodeType === 3 && !n.textContent?.trim()))) return false;
    if (!region || !region.isConnected) return true;
    if (region.contains(target) || target.contains(region)) return true;
    return m.type === 'childList' && [...m.addedNodes].some((n) => n.nodeType === 1 && !isOwnNode(n));
  }

  function onMutations(mutations: MutationRecord[]): void {
    const region = lastRegion;
    if (mutations.some((m) => matters(m, region))) schedule('mutation', region ? 120 : 250);
  }

  function onClick(event: Event): void {
    const result = lastResult;
    const target = event.target as Node | null;
    if (!result || !target) return;
    const hit = result.read.records.find(({ element }) => element.contains(target));
    if (!hit) return;
    if (result.read.screen === 'old-workplace-select' && hit.record.workplace) {
      send({ type: 'selection', workplace: hit.record.workplace });
    } else if (result.read.screen === 'old-contracts' && hit.record.assignment) {
      send({ type: 'selection', assignment: hit.record.assignment });
    }
  }

  return {
    scan,
    schedule,
    onMutations,
    onClick,
    last: () => lastResult,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      unmarkAll(doc);
      marked = new Set();
    },
  };
}

