// Pending approvals, sorted and de-duplicated, each with its checklist progress and, when its
// checks failed, the error mark (icon + word); a disclosure opens its checklist.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { maskTckn, ROLE_LABELS } from '@/utils/domain/core';
import type { AssignmentRow } from '@/utils/db';
import { workplaceName } from '@/utils/db';
import { formatNumber, t, type Lang } from '@/utils/i18n';
import { Checklist, ruleNames } from './Checklist';
import { useDb } from './DbContext';
import { errorText, PENDING_PAGE, queries } from './hooks';
import { Icon } from './Icon';
import type { PendingEntry } from './pending';

/** The first `limit` entries and the count; the entries shown stay while "show more" reads the next ones. */
export function usePendingApprovals(limit: number = PENDING_PAGE) {
  const db = useDb();
  return useQuery({ ...queries.pending(db, limit), placeholderData: keepPreviousData });
}

export function PendingList({ lang, showTckn, headingLevel = 2, title }: { lang: Lang; showTckn: boolean; headingLevel?: 2 | 3; title?: string }) {
  const headingId = useId();
  const [limit, setLimit] = useState(PENDING_PAGE);
  const query = usePendingApprovals(limit);
  const total = query.data?.total ?? 0;
  const entries = query.data?.entries ?? [];
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <section aria-labelledby={headingId} className="katip-pending">
      <Heading id={headingId}>
        {title ?? t(lang, 'popupPending')}
        {total > 0 && <span className="katip-count"> ({formatNumber(lang, total)})</span>}
      </Heading>
      {query.isPending ? (
        <p role="status">{t(lang, 'loading')}</p>
      ) : query.isError ? (
        <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>
      ) : total === 0 ? (
        <p className="katip-empty">{t(lang, 'popupPendingNone')}</p>
      ) : (
        <>
          <ul className="katip-pending-list">
            {entries.map((entry) => (
              <PendingItem key={entry.key} entry={entry} lang={lang} showTckn={showTckn} headingLevel={headingLevel === 2 ? 3 : 4} />
            ))}
          </ul>
          {total > entries.length && (
            <p className="katip-pending-more">
              <span className="katip-muted">{t(lang, 'listShown', { shown: entries.length, total })}</span>{' '}
              <button type="button" onClick={() => setLimit(limit + PENDING_PAGE)}>
                {t(lang, 'listShowMore', { n: Math.min(PENDING_PAGE, total - entries.length), left: total - entries.length })}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** How a pending approval is named, in the interface's language: "Ayşe Yılmaz (İGU, 1.200 dk)" / "Ayşe Yılmaz (OHS specialist, 1,200 min)". */
export function pendingLabel(a: AssignmentRow, lang: Lang): string {
  if (!a.personName) return a.label;
  const parts = [a.role ? (lang === 'tr' ? ROLE_LABELS[a.role].short : ROLE_LABELS[a.role].en) : undefined, a.minutes !== undefined ? `${formatNumber(lang, a.minutes)} ${lang === 'tr' ? 'dk' : 'min'}` : undefined].filter(Boolean);
  return parts.length ? `${a.personName} (${parts.join(', ')})` : a.personName;
}

/** The error mark of a pending approval whose checks failed: icon and word, the rules in its label. */
export function ErrorMark({ rules, lang }: { rules: PendingEntry['errors']; lang: Lang }) {
  if (rules.length === 0) return null;
  return (
    <span className="katip-badge katip-badge-error katip-error-mark" title={t(lang, 'pendingErrorsLabel', { rules: ruleNames(rules, lang) })}>
      <Icon name="error" size={12} />
      {t(lang, 'pendingHasErrors')}
      <span className="katip-visually-hidden">: {ruleNames(rules, lang)}</span>
    </span>
  );
}

function PendingItem({ entry, lang, showTckn, headingLevel }: { entry: PendingEntry; lang: Lang; showTckn: boolean; headingLevel: 3 | 4 }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { assignment, workplace } = entry.primary;
  const tckn = assignment.tckn ? (showTckn ? assignment.tckn : maskTckn(assignment.tckn)) : undefined;
  const meta = [workplace ? workplaceName(workplace) : undefined, tckn ? `T.C. ${tckn}` : undefined].filter(Boolean).join(' · ');
  return (
    <li className={`katip-pending-item${entry.errors.length ? ' has-errors' : ''}`}>
      <button type="button" className="katip-disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <Icon name="chevron" size={12} className={open ? 'is-open' : undefined} />
        <span className="katip-pending-label">{pendingLabel(assignment, lang)}</span>
        <ErrorMark rules={entry.errors} lang={lang} />
        <span className="katip-pending-progress" aria-label={t(lang, 'popupProgress', { done: entry.done, total: entry.total })}>
          {`${entry.done}/${entry.total}`}
        </span>
      </button>
      {meta && <p className="katip-pending-meta">{meta}</p>}
      {open && (
        <div id={panelId} className="katip-pending-checklist">
          <Checklist assignmentKey={entry.key} language={lang} headingLevel={headingLevel} />
        </div>
      )}
    </li>
  );
}
