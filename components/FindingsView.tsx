// This tab's findings for the side panel: the records counted by state, one line per workplace
// whose profile is missing, then the findings by record (rules as lines) or by rule (records as
// lines), each citation once per rule and folded.
import { useId, useState, type ReactNode } from 'react';
import type { StoredTabReport } from '@/utils/db/tab-reports';
import { CELL_FIELDS } from '@/utils/record-types';
import type { CellField, WorkplaceFacts } from '@/utils/records';
import { factLabel, maskTcknsIn, t, type Lang } from '@/utils/i18n';
import { maskTckn } from '@/utils/domain/core';
import type { Finding } from '@/utils/rules/types';
import {
  RULE_CELL,
  citationsByRule,
  findingKind,
  groupByRecord,
  groupByRule,
  recordName,
  tally,
  workplaceGaps,
  type RecordGroup,
  type RecordRef,
  type RuleGroup,
  type Tally,
  type WorkplaceGap,
} from './findings';
import { Icon } from './Icon';
import { ruleInfo } from './ruleInfo';
import { SeverityBadge } from './SeverityBadge';

export type GroupBy = 'record' | 'rule';

export interface FindingsViewProps {
  reports: StoredTabReport[];
  lang: Lang;
  showTckn: boolean;
  groupBy: GroupBy;
  onGroupBy(groupBy: GroupBy): void;
  onJump?(ref: RecordRef, field: CellField | undefined): void;
  onAddProfile?(facts: WorkplaceFacts): void;
  /** the workplace chosen on the old select screen, for pages that name none */
  fallbackWorkplace?: WorkplaceFacts;
  /** groups shown before "show all" (default 30) */
  limit?: number;
}

export function FindingsView({ reports, lang, showTckn, groupBy, onGroupBy, onJump, onAddProfile, fallbackWorkplace, limit = 30 }: FindingsViewProps) {
  const id = useId();
  const counts = tally(reports);
  const gaps = workplaceGaps(reports, fallbackWorkplace);
  const byRecord = groupByRecord(reports);
  const show = (text: string) => (showTckn ? text : maskTcknsIn(text, maskTckn));
  return (
    <div className="katip-findings-view">
      <TallyLine counts={counts} lang={lang} />
      <LeftOut reports={reports} lang={lang} counts={counts} />
      <PageNotes reports={reports} lang={lang} show={show} onJump={onJump} />
      {gaps.length > 0 && (
        <section className="katip-gaps" aria-labelledby={`${id}-gaps`}>
          <h2 id={`${id}-gaps`}>{t(lang, 'gapsTitle')}</h2>
          <ul>
            {gaps.map((gap) => (
              <GapLine key={gap.key} gap={gap} lang={lang} onAddProfile={onAddProfile} />
            ))}
          </ul>
        </section>
      )}
      {byRecord.length > 0 && (
        <section aria-labelledby={`${id}-list`}>
          <div className="katip-list-head">
            <h2 id={`${id}-list`}>{t(lang, 'findingsTitle')}</h2>
            <fieldset className="katip-segmented">
              <legend className="katip-visually-hidden">{t(lang, 'groupByLegend')}</legend>
              {(['record', 'rule'] as const).map((g) => (
                <label key={g} className={groupBy === g ? 'is-on' : undefined}>
                  <input type="radio" name={`${id}-group`} value={g} checked={groupBy === g} onChange={() => onGroupBy(g)} />
                  {t(lang, g === 'record' ? 'groupByRecord' : 'groupByRule')}
                </label>
              ))}
            </fieldset>
          </div>
          {groupBy === 'record' ? (
            <>
              <Limited limit={limit} lang={lang} items={byRecord} render={(g) => <RecordGroupView key={g.key} group={g} lang={lang} showTckn={showTckn} show={show} onJump={onJump} />} />
              <Citations reports={reports} lang={lang} />
            </>
          ) : (
            <ul className="katip-groups">
              {groupByRule(reports).map((g) => (
                <RuleGroupView key={g.ruleId} group={g} lang={lang} showTckn={showTckn} show={show} onJump={onJump} limit={limit} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

/** One kind of count: records, by state. Passing records are a quiet count. */
export function TallyLine({ counts, lang }: { counts: Tally; lang: Lang }) {
  const loud = (
    [
      ['error', 'tallyError'],
      ['warn', 'tallyWarn'],
      ['needs-data', 'tallyNeedsData'],
    ] as const
  ).filter(([k]) => counts[k] > 0);
  return (
    <p className="katip-tally" role="status">
      {loud.map(([k, key]) => (
        <span key={k} className={`katip-tally-item katip-tally-${k}`}>
          <Icon name={k} size={14} />
          {t(lang, key, { n: counts[k] })}
        </span>
      ))}
      {loud.length === 0 && counts.ok + counts.ended > 0 && (
        <span className="katip-tally-item katip-tally-ok">
          <Icon name="ok" size={14} />
          {t(lang, 'tallyNone')}
        </span>
      )}
      {counts.ok > 0 && <span className="katip-tally-quiet">{t(lang, 'tallyOk', { n: counts.ok })}</span>}
      {counts.ended > 0 && <span className="katip-tally-quiet">{t(lang, 'tallyEnded', { n: counts.ended })}</span>}
    </p>
  );
}

/**
 * What the tab report did not keep (a long list cut to fit storage): "… ve 1.234 kayıt daha
 * (toplam 6.234), listelenmedi", the error count over the whole page when it is higher than the
 * listed one, and the findings left out.
 */
export function LeftOut({ reports, lang, counts }: { reports: readonly StoredTabReport[]; lang: Lang; counts: Tally }) {
  let records = 0;
  let total = 0;
  let findings = 0;
  let errors = 0;
  for (const r of reports) {
    const all = r.recordCount ?? r.records.length;
    total += all;
    records += r.omitted?.records ?? Math.max(0, all - r.records.length);
    findings += r.omitted?.findings ?? 0;
    errors += r.errorRecords ?? 0;
  }
  if (records === 0 && findings === 0) return null;
  return (
    <div className="katip-left-out" role="note">
      {records > 0 && <p>{t(lang, 'moreRecords', { n: records, total })}</p>}
      {errors > counts.error && <p>{t(lang, 'moreRecordErrors', { n: errors })}</p>}
      {findings > 0 && <p>{t(lang, 'moreFindings', { n: findings })}</p>}
    </div>
  );
}

const CELL_OF_NOTE = new Set<string>(CELL_FIELDS);

/**
 * The page's own remarks (PageReport.notes): rows that could not be marked, the table and the
 * page's data disagreeing about a row, an answer cut short. `limit` shows the first few and counts the rest.
 */
export function PageNotes({ reports, lang, show, onJump, limit }: {
  reports: readonly StoredTabReport[];
  lang: Lang;
  show: (text: string) => string;
  onJump?: (ref: RecordRef, field: CellField | undefined) => void;
  limit?: number;
}) {
  const headingId = useId();
  const notes = reports.flatMap((r) => (r.notes ?? []).map((note, i) => ({ note, report: r, key: `${r.frameId ?? 0}:${i}` })));
  if (notes.length === 0) return null;
  const shown = limit === undefined ? notes : notes.slice(0, limit);
  return (
    <section className="katip-notes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(lang, 'notesTitle')}</h2>
      <ul>
        {shown.map(({ note, report, key }) => {
          const ref = note.recordIndex !== undefined && note.recordIndex < report.records.length ? { frameId: report.frameId ?? 0, recordIndex: note.recordIndex } : undefined;
          const field = note.field && CELL_OF_NOTE.has(note.field) ? (note.field as CellField) : undefined;
          const name = ref ? recordName(report, ref.recordIndex, lang, false).title : '';
          return (
            <li key={key} className="katip-note">
              <Icon name="info" size={14} />
              <p>{show(note.message[lang])}</p>
              {onJump && ref && <JumpButton lang={lang} name={show(name)} onClick={() => onJump(ref, field)} />}
            </li>
          );
        })}
      </ul>
      {shown.length < notes.length && <p className="katip-muted">{t(lang, 'notesMore', { n: notes.length - shown.length })}</p>}
    </section>
  );
}

function workplaceTitle(facts: WorkplaceFacts, lang: Lang): string {
  return facts.title ?? (facts.sicilNo ? `SGK ${facts.sicilNo}` : facts.detsisNo ? `DETSİS ${facts.detsisNo}` : t(lang, 'gapUnnamedWorkplace'));
}

function GapLine({ gap, lang, onAddProfile }: { gap: WorkplaceGap; lang: Lang; onAddProfile?: (facts: WorkplaceFacts) => void }) {
  const facts = gap.missing.map((m) => factLabel(lang, m));
  const list = facts.length > 1 ? `${facts.slice(0, -1).join(', ')} ${t(lang, 'and')} ${facts[facts.length - 1]}` : (facts[0] ?? '');
  const name = workplaceTitle(gap.facts, lang);
  return (
    <li className="katip-gap">
      <Icon name="needs-data" size={16} />
      <div className="katip-gap-text">
        <strong>{name}</strong>
        {gap.facts.title && gap.facts.sicilNo && <span className="katip-muted"> · SGK {gap.facts.sicilNo}</span>}
        <p>
          {t(lang, 'gapMissing', { facts: list })} {t(lang, 'gapRecords', { n: gap.records })}
        </p>
      </div>
      {onAddProfile && (
        <button type="button" className="katip-button-primary" onClick={() => onAddProfile(gap.facts)} aria-label={`${t(lang, 'profileAddFor')}: ${name}`}>
          <Icon name="profile" size={14} />
          {t(lang, 'profileAddFor')}
        </button>
      )}
    </li>
  );
}

function Limited<T>({ items, limit, lang, render, className = 'katip-groups' }: { items: T[]; limit: number; lang: Lang; render: (item: T) => ReactNode; className?: string }) {
  const [all, setAll] = useState(false);
  const listId = useId();
  const shown = all ? items : items.slice(0, limit);
  return (
    <>
      <ul className={className} id={listId}>
        {shown.map(render)}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="katip-show-all" aria-controls={listId} aria-expanded={false} onClick={() => setAll(true)}>
          {t(lang, 'showAll', { n: items.length })}
        </button>
      )}
    </>
  );
}

interface ViewProps {
  lang: Lang;
  showTckn: boolean;
  show: (text: string) => string;
  onJump?: (ref: RecordRef, field: CellField | undefined) => void;
}

function JumpButton({ lang, name, onClick }: { lang: Lang; name: string; onClick: () => void }) {
  return (
    <button type="button" className="katip-jump" onClick={onClick} aria-label={t(lang, 'jumpToRecordLabel', { n: name })}>
      <Icon name="jump" size={14} />
      {t(lang, 'jumpToRecord')}
    </button>
  );
}

function MissingHint({ finding, screen, lang }: { finding: Finding; screen: string; lang: Lang }) {
  const missing = finding.result === 'needs-data' ? (finding.missing ?? []) : [];
  if (missing.length === 0) return null;
  return (
    <p className="katip-hint">
      {`${t(lang, 'missingFacts', { facts: missing.map((m) => factLabel(lang, m)).join(', ') })}.`}
      {screen === 'old-approval' && ` ${t(lang, 'missingHintSelectRow')}`}
    </p>
  );
}

function RecordGroupView({ group, lang, showTckn, show, onJump }: ViewProps & { group: RecordGroup }) {
  const name = recordName(group.report, group.ref?.recordIndex, lang, showTckn);
  const first = group.findings.find((f) => f.result === 'fail') ?? group.findings[0];
  return (
    <li className={`katip-group katip-group-${group.kind}`}>
      <div className="katip-group-head">
        <SeverityBadge kind={group.kind} language={lang} />
        <div className="katip-record-name">
          <h3>{show(name.title)}</h3>
          {name.details.length > 0 && <span className="katip-muted">{show(name.details.join(' · '))}</span>}
        </div>
        {onJump && group.ref && <JumpButton lang={lang} name={show(name.title)} onClick={() => onJump(group.ref!, first ? RULE_CELL[first.ruleId] : undefined)} />}
      </div>
      <ul className="katip-lines">
        {group.findings.map((f, i) => {
          const rule = ruleInfo(f.ruleId);
          return (
            <li key={i} className={`katip-line katip-line-${findingKind(f)}`}>
              <Icon name={findingKind(f)} size={14} />
              <div>
                <p>
                  <strong>{rule ? rule.title[lang] : f.ruleId}</strong>
                  {': '}
                  {show(f.message[lang])} <code className="katip-rule-id">{f.ruleId}</code>
                </p>
                <MissingHint finding={f} screen={group.report.screen} lang={lang} />
              </div>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function RuleGroupView({ group, lang, showTckn, show, onJump, limit }: ViewProps & { group: RuleGroup; limit: number }) {
  const rule = ruleInfo(group.ruleId);
  const headingId = useId();
  return (
    <li className={`katip-group katip-group-${group.kind}`} aria-labelledby={headingId}>
      <div className="katip-group-head">
        <SeverityBadge kind={group.kind} language={lang} />
        <div className="katip-record-name">
          <h3 id={headingId}>{rule ? rule.title[lang] : group.ruleId}</h3>
          <span className="katip-muted">
            {t(lang, 'ruleRecords', { n: group.records })} · <code className="katip-rule-id">{group.ruleId}</code>
          </span>
        </div>
      </div>
      <details className="katip-citation-fold">
        <summary>{t(lang, 'citation')}</summary>
        {group.citations.map((c) => (
          <p key={c} className="katip-citation" lang="tr">
            {c}
          </p>
        ))}
      </details>
      <Limited
        className="katip-lines"
        items={group.lines}
        limit={limit}
        lang={lang}
        render={(line) => {
          const name = recordName(line.report, line.ref?.recordIndex, lang, showTckn);
          return (
            <li key={line.key} className={`katip-line katip-line-${findingKind(line.finding)}`}>
              <Icon name={findingKind(line.finding)} size={14} />
              <div>
                <p>
                  <strong>{show(name.title)}</strong>
                  {name.details.length > 0 && <span className="katip-muted"> · {show(name.details.join(' · '))}</span>}
                </p>
                <p>{show(line.finding.message[lang])}</p>
                <MissingHint finding={line.finding} screen={line.report.screen} lang={lang} />
              </div>
              {onJump && line.ref && <JumpButton lang={lang} name={show(name.title)} onClick={() => onJump(line.ref!, RULE_CELL[line.finding.ruleId])} />}
            </li>
          );
        }}
      />
    </li>
  );
}

function Citations({ reports, lang }: { reports: StoredTabReport[]; lang: Lang }) {
  const list = citationsByRule(reports);
  if (list.length === 0) return null;
  return (
    <details className="katip-citation-fold">
      <summary>{t(lang, 'citationsTitle', { n: list.length })}</summary>
      <dl className="katip-citations">
        {list.map(({ ruleId, citations }) => (
          <div key={ruleId}>
            <dt>{ruleInfo(ruleId)?.title[lang] ?? ruleId}</dt>
            {citations.map((c) => (
              <dd key={c} lang="tr">
                {c}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </details>
  );
}
