// The audit page: drop the portal's export, see every workplace out of compliance, every
// professional over capacity and what changed since the last audit; Excel and printable reports.
import { startTransition, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { AuditBars } from '@/components/AuditBars';
import { FileChooser } from '@/components/FileChooser';
import { AuditVirtualList, usePagedRows, type AuditColumn } from '@/components/AuditVirtualList';
import { useDb } from '@/components/DbContext';
import { useSettings } from '@/components/hooks';
import { ruleInfo } from '@/components/ruleInfo';
import { maskTckn, ROLES, type Role } from '@/utils/domain/core';
import { HAZARD_LABELS, HAZARD_CITATION } from '@/utils/domain/hazard';
import { CERTIFICATE_CITATION, minimumCitation } from '@/utils/domain/core';
import { formatLocalDateTime, type Lang } from '@/utils/i18n';
import type { RecordStatus, RuleId } from '@/utils/rules/types';
import type { AuditWorkplace, PersonFindingId } from '@/utils/audit/audit';
import { FULL_TIME_CITATION, STATUS_ORDER } from '@/utils/audit/audit';
import { at, displayTitle, num, ROLE_WORDS, STATUS_WORDS, type AuditStringKey } from '@/utils/audit/i18n';
import type { ReadSummary } from '@/utils/audit/worker';
import { printPageCss } from '@/utils/audit/print';
import { runAuditInWorker, type AuditPort } from '@/utils/audit/run';
import { snapshotLabel, type ContractChangeField } from '@/utils/audit/snapshot';
import type { AuditSummary, AuditView, ContractFilter, ContractRow, DiffView, PrintData, PrintWorkplace, ProfessionalRow } from '@/utils/audit/views';
import { NACE_CITATION } from '@/utils/domain/nace';

type Tab = 'dashboard' | 'contracts' | 'workplaces' | 'professionals' | 'changes';

interface Filter extends ContractFilter {
  /** what a clicked figure or name selected, in words */
  onlyLabel?: string;
  query: string;
}

type State =
  | { phase: 'idle' }
  | { phase: 'working'; fileName: string; stage: 'read' | 'judge'; done: number; total: number }
  | { phase: 'error'; fileName: string; text: { tr: string; en: string } }
  | { phase: 'done'; fileName: string; read: ReadSummary; summary: AuditSummary; port: AuditPort; ms: number; startedAt: number };

type MirrorState = { state: 'working' } | { state: 'done'; workplaces: number; contracts: number } | { state: 'failed'; detail: string };

const PERSON_FINDING_KEY: Record<PersonFindingId, AuditStringKey> = {
  'over-month': 'pfOverMonth',
  'over-remaining': 'pfOverRemaining',
  'full-time-not-exclusive': 'pfFullTime',
  'certificate-class': 'pfCertificate',
};

function StatusWord({ status, lang }: { status: RecordStatus; lang: Lang }) {
  const w = STATUS_WORDS[status];
  return (
    <span className={`audit-status audit-status-${status}`}>
      <span aria-hidden="true">{w.icon}</span> {w[lang]}
    </span>
  );
}

function ruleName(id: string, lang: Lang): string {
  if (id === 'needs-data') return STATUS_WORDS.unknown[lang];
  return ruleInfo(id as RuleId)?.title[lang] ?? id;
}

export function AuditApp() {
  const db = useDb();
  const settings = useSettings();
  const lang: Lang = settings.data?.language ?? 'tr';
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [mirror, setMirror] = useState<MirrorState | undefined>();
  const [diff, setDiff] = useState<DiffView | null | undefined>();
  const [tab, setTab] = useState<Tab>('dashboard');
  const [filter, setFilter] = useState<Filter>({ query: '' });
  const [showTckn, setShowTckn] = useState(false);
  const [orgName, setOrgName] = useState(() => localStorage.getItem('katip-audit-org') ?? '');
  useEffect(() => setShowTckn(settings.data?.showTckn ?? false), [settings.data?.showTckn]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = at(lang, 'pageTitle');
  }, [lang]);
  useEffect(() => {
    document.documentElement.dataset.auditState = state.phase;
  }, [state.phase]);
  // the printed report is built only for printing (thousands of rows stay out of the first paint)
  const [printing, setPrinting] = useState(false);
  const [printData, setPrintData] = useState<PrintData | undefined>();
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  useEffect(() => {
    if (mirror) document.documentElement.dataset.auditMirror = mirror.state;
    else delete document.documentElement.dataset.auditMirror;
  }, [mirror]);
  // file chosen → dashboard painted, for the bench (npm run bench) and the curious
  useEffect(() => {
    if (state.phase !== 'done') return;
    delete document.documentElement.dataset.auditMs;
    requestAnimationFrame(() => setTimeout(() => (document.documentElement.dataset.auditMs = String(Math.round(performance.now() - state.startedAt)))));
  }, [state]);

  // one worker per file: the previous file's is ended (after its mirror merge) when a new one is chosen
  const port = useRef<AuditPort | undefined>(undefined);
  useEffect(() => () => port.current?.close(), []);
  // the printed report's lists, fetched once the mirror has the rows (Ctrl+P prints them too)
  useEffect(() => {
    if (state.phase !== 'done' || printData || !mirror || mirror.state === 'working') return;
    state.port.print().then(setPrintData, () => undefined);
  }, [state, mirror, printData]);
  async function print() {
    if (state.phase !== 'done') return;
    const data = printData ?? (await state.port.print().catch(() => undefined));
    if (data) flushSync(() => setPrintData(data));
    window.print();
  }

  async function audit(file: File) {
    port.current?.close();
    port.current = undefined;
    setPrintData(undefined);
    setMirror(undefined);
    setDiff(undefined);
    setState({ phase: 'working', fileName: file.name, stage: 'read', done: 0, total: 1 });
    const started = performance.now();
    const bytes = await file.arrayBuffer();
    // profiles, capacities seen, the snapshot and the mirror merge: all in the worker
    const reply = await runAuditInWorker(
      { bytes, fileName: file.name, disabled: settings.data?.disabledRules ?? [], dbName: db.name },
      {
        onProgress: (p) => setState({ phase: 'working', fileName: file.name, stage: p.stage, done: p.done, total: p.total }),
        onSnapshot: (d) => setDiff(d ?? null),
        onMirror: (r) => setMirror('failed' in r ? { state: 'failed', detail: r.failed } : { state: 'done', workplaces: r.workplaces, contracts: r.contracts }),
      },
    );
    if (reply.type === 'error') {
      setState({ phase: 'error', fileName: file.name, text: reply.text });
      return;
    }
    port.current = reply.port;
    // rendered as a transition: React renders the dashboard in slices of a few ms between other tasks
    startTransition(() => {
      setState({ phase: 'done', fileName: file.name, read: reply.read, summary: reply.summary, port: reply.port, ms: performance.now() - started, startedAt: started });
      setMirror((m) => m ?? { state: 'working' });
      setTab('dashboard');
      setFilter({ query: '' });
    });
  }

  const show = (f: Partial<Filter>) => {
    setFilter({ query: '', ...f });
    setTab('contracts');
  };

  return (
    <div className="katip-ui audit" lang={lang}>
      <div className="audit-screen">
        <header className="audit-header">
          <h1>
            {at(lang, 'pageTitle')}
          </h1>
          <p>{at(lang, 'intro')}</p>
        </header>
        <main id="main">
          <AuditDropZone lang={lang} busy={state.phase === 'working'} onFile={audit} />
          {state.phase === 'working' && <Progress state={state} lang={lang} />}
          {state.phase === 'error' && (
            <div role="alert" className="audit-error">
              <h2>
                <span aria-hidden="true">✖</span> {at(lang, 'refused')}: {state.fileName}
              </h2>
              <p>{state.text[lang]}</p>
              <p>{at(lang, 'nothingChanged')}</p>
            </div>
          )}
          {state.phase === 'done' && (
            <Results
              state={state}
              lang={lang}
              tab={tab}
              setTab={setTab}
              filter={filter}
              setFilter={setFilter}
              show={show}
              showTckn={showTckn}
              setShowTckn={setShowTckn}
              mirror={mirror}
              diff={diff}
              onPrint={print}
              orgName={orgName}
              setOrgName={(v) => {
                setOrgName(v);
                localStorage.setItem('katip-audit-org', v);
              }}
            />
          )}
        </main>
      </div>
      {state.phase === 'done' && printing && <PrintReport state={state} data={printData} lang={lang} orgName={orgName} showTckn={showTckn} diff={diff ?? undefined} />}
    </div>
  );
}

function AuditDropZone({ lang, busy, onFile }: { lang: Lang; busy: boolean; onFile: (f: File) => void }) {
  const inputId = useId();
  const [chosen, setChosen] = useState('');
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'audit-drop audit-drop-over' : 'audit-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f && !busy) {
          setChosen(f.name);
          onFile(f);
        }
      }}
    >
      <p className="audit-drop-text">
        <span aria-hidden="true">⇩ </span>
        {at(lang, 'drop')}
      </p>
      <label htmlFor={inputId}>{at(lang, 'fileLabel')}</label>{' '}
      <FileChooser
        id={inputId}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        lang={lang}
        fileName={chosen}
        disabled={busy}
        testId="audit-file"
        onChoose={(f, input) => {
          if (f) {
            setChosen(f.name);
            onFile(f);
          }
          input.value = ''; // the same file can be chosen again
        }}
      />
    </div>
  );
}

function Progress({ state, lang }: { state: Extract<State, { phase: 'working' }>; lang: Lang }) {
  const label = state.stage === 'read' ? at(lang, 'reading') : at(lang, 'judging', { done: num(lang, state.done), total: num(lang, state.total) });
  const value = state.stage === 'read' ? 10 : 10 + Math.round((90 * state.done) / Math.max(1, state.total));
  return (
    <div className="audit-progress" role="status" aria-live="polite">
      <label>
        {label}
        <progress max={100} value={value} aria-label={at(lang, 'progress')} />
      </label>
    </div>
  );
}

interface ResultsProps {
  state: Extract<State, { phase: 'done' }>;
  lang: Lang;
  tab: Tab;
  setTab: (t: Tab) => void;
  filter: Filter;
  setFilter: (f: Filter) => void;
  show: (f: Partial<Filter>) => void;
  showTckn: boolean;
  setShowTckn: (v: boolean) => void;
  mirror?: MirrorState;
  diff?: DiffView | null;
  onPrint: () => void;
  orgName: string;
  setOrgName: (v: string) => void;
}

function Results(props: ResultsProps) {
  const { state, lang, tab, setTab } = props;
  const { summary, read } = state;
  const orgId = useId();
  const tckn = (v: string | undefined) => (v ? (props.showTckn ? v : maskTckn(v)) : '');
  const tabs: [Tab, AuditStringKey][] = [
    ['dashboard', 'tabDashboard'],
    ['contracts', 'tabContracts'],
    ['workplaces', 'tabWorkplaces'],
    ['professionals', 'tabProfessionals'],
    ['changes', 'tabChanges'],
  ];
  const [excelBusy, setExcelBusy] = useState(false);
  async function downloadExcel() {
    setExcelBusy(true);
    try {
      // written in the worker, beside the whole result
      const blob = await state.port.excel({ showTckn: props.showTckn, orgName: props.orgName });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `katip-denetim-${summary.at.slice(0, 10)}.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      setExcelBusy(false);
    }
  }
  return (
    <section className="audit-results" aria-label={at(lang, 'title')} data-audit-ready="true">
      <p className="audit-summary" role="status">
        {at(lang, 'readSummary', {
          file: state.fileName,
          rows: num(lang, read.rowCount),
          ms: num(lang, Math.round(state.ms)),
          skipped: num(lang, read.skipped.length),
          formulas: num(lang, read.formulas),
        })}
      </p>
      <p className="audit-mirror" role="status" aria-live="polite">
        {props.mirror?.state === 'working' && at(lang, 'mirrorWorking')}
        {props.mirror?.state === 'done' && at(lang, 'mirrorDone', { workplaces: num(lang, props.mirror.workplaces), contracts: num(lang, props.mirror.contracts) })}
        {props.mirror?.state === 'failed' && at(lang, 'mirrorFailed', { detail: props.mirror.detail })}
      </p>
      <div className="audit-actions">
        <button type="button" onClick={downloadExcel} disabled={excelBusy}>
          {at(lang, 'excel')}
        </button>
        <button type="button" onClick={props.onPrint}>
          {at(lang, 'print')}
        </button>
        <label htmlFor={orgId}>{at(lang, 'orgName')}</label>
        <input id={orgId} value={props.orgName} maxLength={120} onChange={(e) => props.setOrgName(e.currentTarget.value)} />
        <label className="audit-check">
          <input type="checkbox" checked={props.showTckn} onChange={(e) => props.setShowTckn(e.currentTarget.checked)} /> {at(lang, 'showTckn')}
        </label>
      </div>
      <div role="tablist" aria-label={at(lang, 'tabsLabel')} className="audit-tabs">
        {tabs.map(([id, key]) => (
          <button key={id} role="tab" type="button" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => setTab(id)}>
            {at(lang, key)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="audit-panel">
        {tab === 'dashboard' && <Dashboard summary={summary} lang={lang} show={props.show} diff={props.diff} />}
        {tab === 'contracts' && <ContractsView {...props} tckn={tckn} />}
        {tab === 'workplaces' && <WorkplacesView port={state.port} summary={summary} lang={lang} show={props.show} />}
        {tab === 'professionals' && <ProfessionalsView port={state.port} summary={summary} lang={lang} show={props.show} tckn={tckn} />}
        {tab === 'changes' && <ChangesView diff={props.diff} lang={lang} />}
      </div>
    </section>
  );
}

function CountButton({ n, label, onClick, status, lang }: { n: number; label: ReactNode; onClick?: () => void; status?: RecordStatus; lang: Lang }) {
  return (
    <button type="button" className={`audit-count ${status ? `audit-count-${status}` : ''}`} onClick={onClick} disabled={n === 0 || !onClick}>
      <span className="audit-count-n">{num(lang, n)}</span>
      <span className="audit-count-label">{label}</span>
    </button>
  );
}

function Dashboard({ summary, lang, show, diff }: { summary: AuditSummary; lang: Lang; show: (f: Partial<Filter>) => void; diff?: DiffView | null }) {
  const { counts, top } = summary;
  const rules = Object.entries(counts.byRule).sort((a, b) => b[1] - a[1]);
  return (
    <div className="audit-dashboard">
      <section aria-labelledby="d-contracts">
        <h2 id="d-contracts">{at(lang, 'contractsByStatus')}</h2>
        <div className="audit-counts">
          {STATUS_ORDER.map((s) => (
            <CountButton key={s} lang={lang} n={counts.byStatus[s]} status={s} label={<StatusWord status={s} lang={lang} />} onClick={() => show({ status: s })} />
          ))}
          <CountButton lang={lang} n={counts.verdictDiffers} label={at(lang, 'verdictDiffers')} onClick={() => show({ verdictDiffers: true })} status="warn" />
        </div>
      </section>
      <section aria-labelledby="d-wp">
        <h2 id="d-wp">{at(lang, 'workplacesByStatus')}</h2>
        <div className="audit-counts">
          {STATUS_ORDER.map((s) => (
            <CountButton
              key={s}
              lang={lang}
              n={counts.workplacesByStatus[s]}
              status={s}
              label={<StatusWord status={s} lang={lang} />}
              onClick={() => show({ workplaceStatus: s, onlyLabel: `${at(lang, 'tabWorkplaces')}: ${STATUS_WORDS[s][lang]}` })}
            />
          ))}
        </div>
        <h2 id="d-pr">{at(lang, 'professionalsByStatus')}</h2>
        <div className="audit-counts">
          {STATUS_ORDER.map((s) => (
            <CountButton
              key={s}
              lang={lang}
              n={counts.professionalsByStatus[s]}
              status={s}
              label={<StatusWord status={s} lang={lang} />}
              onClick={() => show({ personStatus: s, onlyLabel: `${at(lang, 'tabProfessionals')}: ${STATUS_WORDS[s][lang]}` })}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="d-rules">
        <h2 id="d-rules">{at(lang, 'byRule')}</h2>
        {rules.length === 0 ? (
          <p>{at(lang, 'none')}</p>
        ) : (
          <ul className="audit-rule-list">
            {rules.map(([id, n]) => (
              <li key={id}>
                <button type="button" className="audit-link" onClick={() => show({ rule: id })}>
                  <code>{id}</code> {ruleName(id, lang)}: <strong>{num(lang, n)}</strong>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="d-short">
        <h2 id="d-short">{at(lang, 'largestShortfall')}</h2>
        {top.length === 0 ? (
          <p>{at(lang, 'none')}</p>
        ) : (
          <ol className="audit-top">
            {top.map((w) => (
              <li key={w.key}>
                <button type="button" className="audit-link" onClick={() => show({ workplace: w.key, onlyLabel: displayTitle(w.title) ?? w.key })}>
                  {displayTitle(w.title) ?? w.sicilNo ?? w.key}
                </button>{' '}
                — {at(lang, 'shortBy', { n: num(lang, w.shortfallMinutes) })} ({w.sicilNo ?? w.detsisNo ?? ''})
              </li>
            ))}
          </ol>
        )}
      </section>
      {/* the whole width: the chart's labels and figures stay legible (in one column they shrank to ~3 px) */}
      <section className="audit-bars-section" aria-labelledby="d-bars">
        <h2 id="d-bars">{at(lang, 'barsTitle')}</h2>
        <AuditBars workplaces={summary.bars} lang={lang} onSelect={(key) => show({ workplace: key })} />
      </section>
      {diff && (
        <section aria-labelledby="d-changes">
          <h2 id="d-changes">{at(lang, 'changesSince', { at: formatLocalDateTime(diff.previousAt, lang), file: diff.previousFile })}</h2>
          <DiffCounts diff={diff} lang={lang} />
        </section>
      )}
    </div>
  );
}

function ContractsView(props: ResultsProps & { tckn: (v: string | undefined) => string }) {
  const { state, lang, filter, setFilter, tckn } = props;
  const { summary, port } = state;
  const ids = useId();
  // the worker filters and searches; the list asks it for the rows in view
  const { onlyLabel: _label, ...contractFilter } = filter;
  const view = useMemo<AuditView>(() => ({ list: 'contracts', filter: contractFilter }), [JSON.stringify(contractFilter)]);
  const rows = usePagedRows<ContractRow>(JSON.stringify(view), (from, count) => port.rows(view as Extract<AuditView, { list: 'contracts' }>, from, count));
  const rules = Object.keys(summary.counts.byRule).sort();
  const columns: AuditColumn<ContractRow>[] = [
    { id: 'row', header: at(lang, 'colRow'), width: '4rem', cell: (c) => c.row, align: 'end' },
    { id: 'status', header: at(lang, 'colStatus'), width: '7.5rem', cell: (c) => <StatusWord status={c.status} lang={lang} /> },
    { id: 'contract', header: at(lang, 'colContract'), width: 'minmax(8rem, 1fr)', cell: (c) => <span title={c.facts.contractName}>{c.facts.portalId ?? c.facts.contractName}</span> },
    { id: 'person', header: at(lang, 'colPerson'), width: 'minmax(9rem, 1.2fr)', cell: (c) => c.facts.personName },
    { id: 'tckn', header: at(lang, 'colTckn'), width: '8.5rem', cell: (c) => tckn(c.facts.tckn) },
    { id: 'role', header: at(lang, 'colRole'), width: '5rem', cell: (c) => (c.facts.role ? ROLE_WORDS[c.facts.role][lang] : '?') + (c.facts.certificateClass ? ` ${c.facts.certificateClass}` : '') },
    { id: 'min', header: at(lang, 'colMinutes'), width: '6rem', align: 'end', cell: (c) => (c.facts.employment === 'tam' ? at(lang, 'fullTime') : c.facts.minutes !== undefined ? num(lang, c.facts.minutes) : '—') },
    { id: 'wp', header: at(lang, 'colWorkplace'), width: 'minmax(10rem, 1.6fr)', cell: (c) => c.workplaceTitle },
    {
      id: 'portal',
      header: at(lang, 'colPortal'),
      width: '7rem',
      cell: (c) => (c.portalVerdict === undefined ? '—' : `${at(lang, c.portalVerdict ? 'yes' : 'no')}${c.verdictDiffers ? ` ⚠ ${at(lang, 'differs')}` : ''}`),
    },
    {
      id: 'findings',
      header: at(lang, 'colFindings'),
      width: 'minmax(14rem, 3fr)',
      cell: (c) => {
        const text = c.findings.map((f) => `${f.message[lang]} (${f.citation})`).join(' · ');
        return (
          <span className="audit-findings" title={text}>
            {c.active ? text || '—' : `${at(lang, 'stateEnded')}${text ? ` · ${text}` : ''}`}
          </span>
        );
      },
    },
  ];
  const active: string[] = [];
  if (filter.onlyLabel) active.push(filter.onlyLabel);
  if (filter.status) active.push(STATUS_WORDS[filter.status][lang]);
  if (filter.rule) active.push(ruleName(filter.rule, lang));
  if (filter.workplace && !filter.onlyLabel) active.push(filter.workplace);
  if (filter.person) active.push(filter.person.startsWith('t') ? tckn(filter.person.slice(1)) : filter.person.slice(1));
  if (filter.verdictDiffers) active.push(at(lang, 'verdictDiffers'));
  return (
    <div>
      <div className="audit-filters">
        <label htmlFor={`${ids}-q`}>{at(lang, 'search')}</label>
        <input id={`${ids}-q`} type="search" value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.currentTarget.value })} />
        <label htmlFor={`${ids}-s`}>{at(lang, 'statusFilter')}</label>
        <select id={`${ids}-s`} value={filter.status ?? ''} onChange={(e) => setFilter({ ...filter, status: (e.currentTarget.value || undefined) as RecordStatus | undefined })}>
          <option value="">{at(lang, 'all')}</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s][lang]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-r`}>{at(lang, 'ruleFilter')}</label>
        <select id={`${ids}-r`} value={filter.rule ?? ''} onChange={(e) => setFilter({ ...filter, rule: e.currentTarget.value || undefined })}>
          <option value="">{at(lang, 'all')}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {ruleName(r, lang)}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-g`}>{at(lang, 'roleFilter')}</label>
        <select id={`${ids}-g`} value={filter.role ?? ''} onChange={(e) => setFilter({ ...filter, role: (e.currentTarget.value || undefined) as Role | undefined })}>
          <option value="">{at(lang, 'all')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_WORDS[r][lang]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setFilter({ query: '' })}>
          {at(lang, 'clearFilters')}
        </button>
      </div>
      <p role="status" className="audit-shown">
        {rows.total !== undefined && at(lang, 'shown', { n: num(lang, rows.total), total: num(lang, summary.totals.contracts) })}
        {active.length > 0 && ` · ${at(lang, 'filteredBy', { what: active.join(', ') })}`}
      </p>
      <AuditVirtualList rows={rows} columns={columns} label={at(lang, 'tabContracts')} rowKey={(c) => c.i} rowClass={(c) => `audit-row-${c.status}`} empty={at(lang, 'none')} loading={at(lang, 'loadingRows')} />
    </div>
  );
}

function roleText(w: Pick<PrintWorkplace, 'roles' | 'needs'>, role: Role, lang: Lang): string {
  const r = w.roles?.[role];
  if (!r) return w.needs ? at(lang, 'needsFacts', { facts: w.needs.join(', ') }) : '—';
  if (r.status === 'not-required') return at(lang, 'notRequired');
  return `${num(lang, r.requiredMinutes)} / ${num(lang, r.providedMinutes)}${r.shortfallMinutes > 0 ? ` ✖ ${at(lang, 'shortBy', { n: num(lang, r.shortfallMinutes) })}` : ''}`;
}

function WorkplacesView({ port, summary, lang, show }: { port: AuditPort; summary: AuditSummary; lang: Lang; show: (f: Partial<Filter>) => void }) {
  const [q, setQ] = useState('');
  const id = useId();
  const rows = usePagedRows<AuditWorkplace>(`workplaces:${q}`, (from, count) => port.rows({ list: 'workplaces', query: q }, from, count));
  const columns: AuditColumn<AuditWorkplace>[] = [
    { id: 'status', header: at(lang, 'colStatus'), width: '7.5rem', cell: (w) => <StatusWord status={w.status} lang={lang} /> },
    {
      id: 'title',
      header: at(lang, 'colWorkplace'),
      width: 'minmax(12rem, 2fr)',
      cell: (w) => (
        <button type="button" className="audit-link" onClick={() => show({ workplace: w.key, onlyLabel: displayTitle(w.title) ?? w.key })}>
          {displayTitle(w.title) ?? w.key} ({w.contracts.length})
        </button>
      ),
    },
    { id: 'sgk', header: at(lang, 'colSgk'), width: '14rem', cell: (w) => w.sicilNo ?? w.detsisNo ?? '' },
    { id: 'n', header: at(lang, 'colEmployees'), width: '6rem', align: 'end', cell: (w) => (w.employees !== undefined ? num(lang, w.employees) : (w.employeesText ?? '?')) },
    { id: 'hz', header: at(lang, 'colHazard'), width: '8rem', cell: (w) => (w.hazardClass ? HAZARD_LABELS[w.hazardClass][lang] : (w.hazardText ?? '?')) },
    {
      id: 'nace',
      header: at(lang, 'colNace'),
      width: '10rem',
      cell: (w) => `${w.naceText ?? '—'}${w.naceListClass === null ? ` (${at(lang, 'notListed')})` : w.naceListClass ? ` (${HAZARD_LABELS[w.naceListClass][lang]})` : ''}`,
    },
    { id: 'igu', header: at(lang, 'colIgu'), width: 'minmax(9rem, 1fr)', cell: (w) => roleText(w, 'igu', lang) },
    { id: 'ih', header: at(lang, 'colIh'), width: 'minmax(9rem, 1fr)', cell: (w) => roleText(w, 'ih', lang) },
    { id: 'dsp', header: at(lang, 'colDsp'), width: 'minmax(9rem, 1fr)', cell: (w) => roleText(w, 'dsp', lang) },
    {
      id: 'ft',
      header: at(lang, 'colFullTime'),
      width: '8rem',
      cell: (w) => (w.roles ? `${ROLE_WORDS.igu[lang]} ${num(lang, w.roles.igu.requiredFullTime)}/${num(lang, w.roles.igu.presentFullTime)} · ${ROLE_WORDS.ih[lang]} ${num(lang, w.roles.ih.requiredFullTime)}/${num(lang, w.roles.ih.presentFullTime)}` : '—'),
    },
    { id: 'portal', header: at(lang, 'colPortal'), width: '7rem', cell: (w) => `${num(lang, w.portalVerdicts.evet)} / ${num(lang, w.portalVerdicts.hayir)}${w.verdictDiffers ? ` ⚠ ${num(lang, w.verdictDiffers)}` : ''}` },
  ];
  return (
    <div>
      <div className="audit-filters">
        <label htmlFor={id}>{at(lang, 'search')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </div>
      <p role="status" className="audit-shown">
        {rows.total !== undefined && at(lang, 'shown', { n: num(lang, rows.total), total: num(lang, summary.totals.workplaces) })}
      </p>
      <AuditVirtualList rows={rows} columns={columns} label={at(lang, 'tabWorkplaces')} rowKey={(w) => w.key} rowClass={(w) => `audit-row-${w.status}`} empty={at(lang, 'none')} loading={at(lang, 'loadingRows')} />
    </div>
  );
}

function ProfessionalsView({ port, summary, lang, show, tckn }: { port: AuditPort; summary: AuditSummary; lang: Lang; show: (f: Partial<Filter>) => void; tckn: (v: string | undefined) => string }) {
  const [q, setQ] = useState('');
  const id = useId();
  const rows = usePagedRows<ProfessionalRow>(`professionals:${q}`, (from, count) => port.rows({ list: 'professionals', query: q }, from, count));
  const columns: AuditColumn<ProfessionalRow>[] = [
    { id: 'status', header: at(lang, 'colStatus'), width: '7.5rem', cell: (p) => <StatusWord status={p.status} lang={lang} /> },
    {
      id: 'name',
      header: at(lang, 'colPerson'),
      width: 'minmax(10rem, 1.3fr)',
      cell: (p) => (
        <button type="button" className="audit-link" onClick={() => show({ person: p.key, onlyLabel: p.name ?? tckn(p.tckn) })}>
          {p.name ?? '?'} ({p.contracts.length})
        </button>
      ),
    },
    { id: 'tckn', header: at(lang, 'colTckn'), width: '8.5rem', cell: (p) => tckn(p.tckn) },
    { id: 'role', header: at(lang, 'colRole'), width: '6rem', cell: (p) => p.roles.map((r) => ROLE_WORDS[r][lang]).join(', ') + (p.certificateClasses.length ? ` ${p.certificateClasses.join('')}` : '') },
    { id: 'c', header: at(lang, 'colContracts'), width: '5.5rem', align: 'end', cell: (p) => `${num(lang, p.activeContracts)} / ${num(lang, p.contracts.length)}` },
    { id: 'm', header: at(lang, 'colCommitted'), width: '8rem', align: 'end', cell: (p) => num(lang, p.committedMinutes) },
    {
      id: 'cap',
      header: at(lang, 'colCapacity'),
      width: '9rem',
      cell: (p) => (p.committedMinutes > 11700 ? `✖ +${num(lang, p.committedMinutes - 11700)}` : `✔ ${num(lang, 11700 - p.committedMinutes)}`),
    },
    {
      id: 'rem',
      header: at(lang, 'colRemaining'),
      width: '10rem',
      cell: (p) => {
        const seen = p.remainingSeen;
        if (!seen) return '—';
        const asked = p.beside?.asked;
        return (
          <span title={p.beside?.label[lang]}>
            {num(lang, seen.minutes)} {at(lang, 'min')}
            {seen.at ? ` (${formatLocalDateTime(seen.at, lang)})` : ''}
            {asked !== undefined && (asked > seen.minutes ? ` ✖ ${at(lang, 'asked', { n: num(lang, asked) })}` : ` ✔ ${at(lang, 'asked', { n: num(lang, asked) })}`)}
          </span>
        );
      },
    },
    {
      id: 'f',
      header: at(lang, 'colFindings'),
      width: 'minmax(14rem, 3fr)',
      cell: (p) => {
        const text = p.findings.map((f) => `${at(lang, PERSON_FINDING_KEY[f.id])}: ${f.message[lang]}`).join(' · ');
        return (
          <span className="audit-findings" title={text}>
            {text || '—'}
          </span>
        );
      },
    },
  ];
  return (
    <div>
      <div className="audit-filters">
        <label htmlFor={id}>{at(lang, 'search')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </div>
      <p role="status" className="audit-shown">
        {rows.total !== undefined && at(lang, 'shown', { n: num(lang, rows.total), total: num(lang, summary.totals.professionals) })}
      </p>
      <AuditVirtualList rows={rows} columns={columns} label={at(lang, 'tabProfessionals')} rowKey={(p) => p.key} rowClass={(p) => `audit-row-${p.status}`} empty={at(lang, 'none')} loading={at(lang, 'loadingRows')} />
    </div>
  );
}

function changeValue(field: ContractChangeField, v: string | number | undefined, lang: Lang): string {
  if (v === undefined || v === '') return '—';
  if (typeof v === 'number') return num(lang, v);
  if (field === 'status' && v in STATUS_WORDS) return STATUS_WORDS[v as RecordStatus][lang];
  if (field === 'employment') return v === 'tam' ? at(lang, 'fullTime') : v === 'kismi' ? at(lang, 'partTime') : String(v);
  return String(v);
}

function DiffCounts({ diff, lang }: { diff: DiffView; lang: Lang }) {
  const c = diff.counts;
  return (
    <p>
      {at(lang, 'added')}: {num(lang, c.added)} · {at(lang, 'ended')}: {num(lang, c.ended)} · {at(lang, 'changed')}: {num(lang, c.changed)} · {at(lang, 'fixed')}: {num(lang, c.fixed)} ·{' '}
      {at(lang, 'opened')}: {num(lang, c.opened)}
    </p>
  );
}

function ChangesView({ diff, lang }: { diff?: DiffView | null; lang: Lang }) {
  if (diff === undefined) return <p role="status">…</p>;
  if (diff === null) return <p>{at(lang, 'changesNone')}</p>;
  const title = (key: string) => diff.titles[key] ?? key;
  // the worker sends the first DIFF_SHOWN of each list; the Excel report has them all
  const list = (items: string[], total: number) =>
    items.length === 0 ? (
      <p>{at(lang, 'none')}</p>
    ) : (
      <>
        <ul className="audit-change-list">
          {items.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
        {total > items.length && <p>{at(lang, 'moreInExcel', { n: num(lang, items.length), total: num(lang, total) })}</p>}
      </>
    );
  const c = diff.counts;
  return (
    <div className="audit-changes">
      <h2>{at(lang, 'changesSince', { at: formatLocalDateTime(diff.previousAt, lang), file: diff.previousFile })}</h2>
      <h3>
        {at(lang, 'opened')} ({num(lang, c.opened)})
      </h3>
      {list(diff.opened.map((s) => `${displayTitle(s.title)} — ${ROLE_WORDS[s.role][lang]}: ${at(lang, 'shortBy', { n: num(lang, s.after) })}`), c.opened)}
      <h3>
        {at(lang, 'fixed')} ({num(lang, c.fixed)})
      </h3>
      {list(diff.fixed.map((s) => `${displayTitle(s.title)} — ${ROLE_WORDS[s.role][lang]}: ${num(lang, s.before)} → 0 ${at(lang, 'min')}`), c.fixed)}
      <h3>
        {at(lang, 'stillOpen')} ({num(lang, c.open)})
      </h3>
      {list(diff.open.map((s) => `${displayTitle(s.title)} — ${ROLE_WORDS[s.role][lang]}: ${num(lang, s.before)} → ${num(lang, s.after)} ${at(lang, 'min')}`), c.open)}
      <h3>
        {at(lang, 'added')} ({num(lang, c.added)})
      </h3>
      {list(diff.added.map((x) => `${snapshotLabel(x, lang)} — ${title(x.workplaceKey)}`), c.added)}
      <h3>
        {at(lang, 'ended')} ({num(lang, c.ended)})
      </h3>
      {list(diff.ended.map((x) => `${snapshotLabel(x, lang)} — ${title(x.workplaceKey)}`), c.ended)}
      <h3>
        {at(lang, 'changed')} ({num(lang, c.changed)})
      </h3>
      {list(diff.changed.map((x) => `${snapshotLabel(x, lang)}: ${x.fields.map((f) => `${at(lang, CHANGE_FIELD_KEY[f.field])} ${changeValue(f.field, f.from, lang)} → ${changeValue(f.field, f.to, lang)}`).join(', ')}`), c.changed)}
    </div>
  );
}

const CHANGE_FIELD_KEY: Record<ContractChangeField, AuditStringKey> = {
  minutes: 'fieldMinutes',
  employment: 'fieldEmployment',
  state: 'fieldState',
  status: 'fieldStatus',
};

/** The printable report: hidden on screen, the only thing printed (A4, page numbers from @page). */
function PrintReport({ state, data, lang, orgName, showTckn, diff }: { state: Extract<State, { phase: 'done' }>; data?: PrintData; lang: Lang; orgName: string; showTckn: boolean; diff?: DiffView }) {
  const { summary: result } = state;
  const bad = data?.workplaces ?? [];
  const people = data?.professionals ?? [];
  const tc = (v?: string) => (v ? (showTckn ? v : maskTckn(v)) : '');
  const sources = [minimumCitation('igu'), minimumCitation('ih'), minimumCitation('dsp'), FULL_TIME_CITATION, CERTIFICATE_CITATION, HAZARD_CITATION, NACE_CITATION];
  const date = formatLocalDateTime(result.at, lang);
  return (
    <article className="audit-print" aria-hidden="true" data-testid="audit-print">
      {/* page numbers and the running footer in the page's language: @page margin boxes */}
      <style>{printPageCss(lang, orgName, date)}</style>
      <header>
        <h1>{at(lang, 'reportTitle')}</h1>
        {orgName && <p className="audit-print-org">{orgName}</p>}
        <p>{at(lang, 'reportDate', { at: date })}</p>
        <p>{at(lang, 'reportFile', { file: state.fileName, rows: num(lang, result.totals.contracts) })}</p>
      </header>
      <table className="audit-print-counts">
        <tbody>
          {(['contractsByStatus', 'workplacesByStatus', 'professionalsByStatus'] as const).map((k) => {
            const c = k === 'contractsByStatus' ? result.counts.byStatus : k === 'workplacesByStatus' ? result.counts.workplacesByStatus : result.counts.professionalsByStatus;
            return (
              <tr key={k}>
                <th scope="row">{at(lang, k)}</th>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>
                    {STATUS_WORDS[s].icon} {STATUS_WORDS[s][lang]}: {num(lang, c[s])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>
        {at(lang, 'reportErrorsOnly')} ({num(lang, bad.length)})
      </h2>
      <table className="audit-print-table">
        <thead>
          <tr>
            <th>{at(lang, 'colStatus')}</th>
            <th>{at(lang, 'colWorkplace')}</th>
            <th>{at(lang, 'colEmployees')}</th>
            <th>{at(lang, 'colHazard')}</th>
            <th>{at(lang, 'colIgu')}</th>
            <th>{at(lang, 'colIh')}</th>
            <th>{at(lang, 'colDsp')}</th>
            <th>{at(lang, 'colFindings')}</th>
          </tr>
        </thead>
        <tbody>
          {bad.map((w) => {
            const rules = [...new Set(w.rules.split(' ').filter(Boolean))].map((id) => ruleName(id, lang));
            return (
              <tr key={w.key}>
                <td>
                  {STATUS_WORDS[w.status].icon} {STATUS_WORDS[w.status][lang]}
                </td>
                <td>
                  {displayTitle(w.title)}
                  <br />
                  <small>{w.sicilNo ?? w.detsisNo}</small>
                </td>
                <td>{w.employees !== undefined ? num(lang, w.employees) : (w.employeesText ?? '?')}</td>
                <td>{w.hazardClass ? HAZARD_LABELS[w.hazardClass][lang] : (w.hazardText ?? '?')}</td>
                <td>{roleText(w, 'igu', lang)}</td>
                <td>{roleText(w, 'ih', lang)}</td>
                <td>{roleText(w, 'dsp', lang)}</td>
                <td>{rules.join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>
        {at(lang, 'personFindings')} ({num(lang, people.length)})
      </h2>
      <ul>
        {people.map((p) => (
          <li key={p.key}>
            {p.name} {tc(p.tckn)}: {p.findings.map((f) => `${f.message[lang]} (${f.citation})`).join(' · ')}
          </li>
        ))}
      </ul>
      {diff && (
        <>
          <h2>{at(lang, 'changesSince', { at: formatLocalDateTime(diff.previousAt, lang), file: diff.previousFile })}</h2>
          <DiffCounts diff={diff} lang={lang} />
        </>
      )}
      <h2>{at(lang, 'reportSources')}</h2>
      <ul>
        {sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p className="audit-print-foot">{at(lang, 'reportLocal')}</p>
    </article>
  );
}
