// Workplace profiles: what the portal does not show (hazard class, employees), entered by the user (RULES.md §1-3, §7-8).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Icon } from '@/components/Icon';
import { useDb } from '@/components/DbContext';
import { errorText, queries, queryKeys } from '@/components/hooks';
import { hazardWord } from '@/components/NaceLookup';
import {
  deleteProfile,
  effectiveWorkplace,
  factsOnly,
  findWorkplace,
  saveProfile,
  workplaceName,
  type WorkplaceRow,
} from '@/utils/db';
import { foldTurkish, HAZARD_CLASSES, HAZARD_LABELS, parseHazardClass, type HazardClass } from '@/utils/domain/core';
import { factLabel, formatLocalDateTime, t, type Lang } from '@/utils/i18n';
import type { WorkplaceFacts } from '@/utils/records';
import { checkNace, profileInputFrom, validateProfile, type ProfileField, type ProfileInput } from './profileForm';
import { SeverityPrefix } from '@/components/SeverityBadge';

type Editing = { mode: 'new'; prefill?: WorkplaceFacts } | { mode: 'edit'; key: string; prefill?: WorkplaceFacts };
type SortBy = 'name' | 'status' | 'seen';

/** workplaces drawn at first and added by each "show more": thousands of workplaces never draw at once (issue 10) */
export const WORKPLACE_PAGE = 50;

/** The profile facts a workplace still lacks (what the rules need beyond the portal). */
export function missingProfileFacts(row: WorkplaceRow): string[] {
  const facts = effectiveWorkplace(row);
  const out: string[] = [];
  if (facts.employees === undefined) out.push('employees');
  if (!facts.hazardText || !parseHazardClass(facts.hazardText)) out.push('hazard-class');
  return out;
}

/** A stored hazard class in the interface's language ("Çok Tehlikeli" → "Very hazardous"); text that is not a class stays as written. */
export function hazardShown(hazardText: string | undefined, lang: Lang): string | undefined {
  const hazard = hazardText ? parseHazardClass(hazardText) : undefined;
  return hazard ? HAZARD_LABELS[hazard][lang] : hazardText;
}

/** Rows matching a search (Turkish-folded, over title, SGK/DETSİS number and NACE code), sorted. */
export function filterWorkplaces(rows: readonly WorkplaceRow[], query: string, sortBy: SortBy): WorkplaceRow[] {
  const q = foldTurkish(query);
  const digits = query.replace(/\D+/g, '');
  const hits = rows.filter((row) => {
    if (!q) return true;
    const facts = effectiveWorkplace(row);
    if (foldTurkish(workplaceName(row)).includes(q)) return true;
    if (digits && [facts.sicilNo, facts.detsisNo, facts.naceText].some((v) => v?.replace(/\D+/g, '').includes(digits))) return true;
    return false;
  });
  const name = (r: WorkplaceRow) => workplaceName(r);
  return hits.sort((a, b) => {
    if (sortBy === 'status') return missingProfileFacts(b).length - missingProfileFacts(a).length || name(a).localeCompare(name(b), 'tr');
    if (sortBy === 'seen') return (b.seen?.at ?? '').localeCompare(a.seen?.at ?? '') || name(a).localeCompare(name(b), 'tr');
    return name(a).localeCompare(name(b), 'tr');
  });
}

export function ProfilesSection({ lang, headingId, prefill }: { lang: Lang; headingId: string; prefill?: WorkplaceFacts }) {
  const db = useDb();
  const client = useQueryClient();
  const id = useId();
  const query = useQuery(queries.workplaces(db));
  const [editing, setEditing] = useState<Editing | undefined>();
  const [notice, setNotice] = useState('');
  const [confirmKey, setConfirmKey] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [sortBy, setSortBy] = useState<SortBy>('name');
  const [limit, setLimit] = useState(WORKPLACE_PAGE);
  // a new search or order starts again at the first page
  useEffect(() => setLimit(WORKPLACE_PAGE), [search, sortBy]);
  const invalidate = () => {
    void client.invalidateQueries({ queryKey: queryKeys.workplaces });
    void client.invalidateQueries({ queryKey: queryKeys.pending });
  };
  const remove = useMutation({
    mutationFn: (key: string) => deleteProfile(db, key),
    onSuccess: () => {
      setConfirmKey(undefined);
      setNotice(t(lang, 'profileDeleted'));
      invalidate();
    },
  });
  // "Profil ekle" from a portal page: the known workplace's form, else a new one, pre-filled
  useEffect(() => {
    if (!prefill) return;
    let live = true;
    void findWorkplace(db, prefill).then((row) => {
      if (!live) return;
      setNotice('');
      setEditing(row ? { mode: 'edit', key: row.key, prefill } : { mode: 'new', prefill });
    });
    return () => {
      live = false;
    };
  }, [db, prefill]);

  const done = (saved: boolean) => {
    setEditing(undefined);
    if (saved) {
      setNotice(t(lang, 'profileSaved'));
      invalidate();
    }
  };
  const rows = useMemo(() => query.data ?? [], [query.data]);
  // searched and sorted once per answer, search or order, not on every draw of the page
  const shown = useMemo(() => filterWorkplaces(rows, search, sortBy), [rows, search, sortBy]);
  // the workplace being edited is always drawn, however far down the list it is
  const editingAt = editing?.mode === 'edit' ? shown.findIndex((row) => row.key === editing.key) : -1;
  const drawn = shown.slice(0, Math.max(limit, editingAt + 1));
  const formFor = (row: WorkplaceRow | undefined, pre?: WorkplaceFacts) => (
    <ProfileForm
      key={row?.key ?? 'new'}
      lang={lang}
      rowKey={row?.key}
      initial={{ ...(row?.seen ? factsOnly(row.seen) : {}), ...(row?.profile ? factsOnly(row.profile) : {}), ...(pre ?? {}) }}
      prefilled={pre !== undefined}
      onDone={done}
    />
  );

  return (
    <section aria-labelledby={headingId} id="isyerleri">
      <div className="options-section-head">
        <h2 id={headingId}>{t(lang, 'navWorkplaces')}</h2>
        {editing?.mode !== 'new' && (
          <button
            type="button"
            className="katip-button-primary"
            onClick={() => {
              setNotice('');
              setEditing({ mode: 'new' });
            }}
          >
            <Icon name="profile" size={14} />
            {t(lang, 'profileAdd')}
          </button>
        )}
      </div>
      <p className="katip-field-hint">{t(lang, 'profilesIntro')}</p>
      <p role="status" aria-live="polite" className="options-notice">
        {notice}
      </p>
      {remove.isError && <p role="alert" className="katip-error-text">{errorText(remove.error)}</p>}
      {editing?.mode === 'new' && formFor(undefined, editing.prefill)}
      {query.isPending ? (
        <p role="status">{t(lang, 'loading')}</p>
      ) : query.isError ? (
        <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>
      ) : rows.length === 0 ? (
        <div className="katip-empty">
          <p>
            <strong>{t(lang, 'profilesNone')}</strong>
          </p>
          <p>{t(lang, 'profilesNoneHelp')}</p>
        </div>
      ) : (
        <>
          <div className="options-toolbar">
            <div className="katip-field options-search">
              <label htmlFor={`${id}-q`}>{t(lang, 'wpSearch')}</label>
              <input id={`${id}-q`} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            </div>
            <div className="katip-field">
              <label htmlFor={`${id}-sort`}>{t(lang, 'wpSort')}</label>
              <select id={`${id}-sort`} value={sortBy} onChange={(e) => setSortBy(e.currentTarget.value as SortBy)}>
                <option value="name">{t(lang, 'wpSortName')}</option>
                <option value="status">{t(lang, 'wpSortStatus')}</option>
                <option value="seen">{t(lang, 'wpSortSeen')}</option>
              </select>
            </div>
          </div>
          <p className="katip-muted" role="status">
            {search.trim() ? t(lang, 'wpCountOf', { n: shown.length, total: rows.length }) : t(lang, 'wpCount', { n: rows.length })}
          </p>
          {shown.length === 0 ? (
            <p className="katip-empty">{t(lang, 'wpNoMatch', { q: search.trim() })}</p>
          ) : (
            <>
              <ul className="options-workplaces">
                {drawn.map((row) => (
                  <WorkplaceItem
                    key={row.key}
                    row={row}
                    lang={lang}
                    confirming={confirmKey === row.key}
                    busy={remove.isPending}
                    form={editing?.mode === 'edit' && editing.key === row.key ? formFor(row, editing.prefill) : undefined}
                    onEdit={() => {
                      setNotice('');
                      setEditing({ mode: 'edit', key: row.key });
                    }}
                    onAskDelete={() => setConfirmKey(row.key)}
                    onCancelDelete={() => setConfirmKey(undefined)}
                    onDelete={() => remove.mutate(row.key)}
                  />
                ))}
              </ul>
              {shown.length > drawn.length && (
                <p className="katip-pending-more">
                  <span className="katip-muted">{t(lang, 'listShown', { shown: drawn.length, total: shown.length })}</span>{' '}
                  <button type="button" onClick={() => setLimit(drawn.length + WORKPLACE_PAGE)}>
                    {t(lang, 'listShowMore', { n: Math.min(WORKPLACE_PAGE, shown.length - drawn.length), left: shown.length - drawn.length })}
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

interface ItemProps {
  row: WorkplaceRow;
  lang: Lang;
  confirming: boolean;
  busy: boolean;
  /** the profile form, edited here where it was opened */
  form?: ReactNode;
  onEdit(): void;
  onAskDelete(): void;
  onCancelDelete(): void;
  onDelete(): void;
}

function WorkplaceItem({ row, lang, confirming, busy, form, onEdit, onAskDelete, onCancelDelete, onDelete }: ItemProps) {
  const facts = effectiveWorkplace(row);
  const name = workplaceName(row);
  const missing = missingProfileFacts(row);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const details = [
    facts.sicilNo ? `SGK ${facts.sicilNo}` : undefined,
    facts.detsisNo ? `DETSİS ${facts.detsisNo}` : undefined,
    facts.naceText ? `NACE ${facts.naceText}` : undefined,
    hazardShown(facts.hazardText, lang),
    facts.employees !== undefined ? t(lang, 'wpEmployees', { n: facts.employees }) : undefined,
  ].filter(Boolean);
  const origin = [
    row.seen ? t(lang, 'profileSeenAt', { at: formatLocalDateTime(row.seen.at, lang) }) : undefined,
    row.profile ? t(lang, 'profileHasProfile') : undefined,
  ].filter(Boolean);
  return (
    <li className={`options-workplace${form ? ' is-editing' : ''}`}>
      <div className="options-workplace-main">
        <strong>{name}</strong>
        <span className="options-workplace-details">{details.join(' · ')}</span>
        <span className={`options-workplace-status ${missing.length ? 'is-missing' : 'is-complete'}`}>
          <Icon name={missing.length ? 'needs-data' : 'ok'} size={14} />
          {missing.length ? t(lang, 'wpMissing', { facts: missing.map((m) => factLabel(lang, m)).join(', ') }) : t(lang, 'wpComplete')}
        </span>
        <span className="options-workplace-origin">{origin.join(' · ')}</span>
      </div>
      {!form && (
        <div className="options-workplace-actions">
          <button type="button" onClick={onEdit} aria-label={`${t(lang, row.profile ? 'edit' : 'profileAddFor')}: ${name}`}>
            {t(lang, row.profile ? 'edit' : 'profileAddFor')}
          </button>
          {row.profile && !confirming && (
            <button type="button" onClick={onAskDelete} aria-label={`${t(lang, 'delete')}: ${name}`}>
              {t(lang, 'delete')}
            </button>
          )}
        </div>
      )}
      {form && <div className="options-inline-form">{form}</div>}
      {confirming && (
        <div className="options-confirm" role="group" aria-label={t(lang, 'profileDeleteYes')}>
          <p>
            <SeverityPrefix kind="warn" language={lang} />{t(lang, 'profileDeleteConfirm', { title: name })}
          </p>
          <button type="button" className="options-danger" disabled={busy} onClick={onDelete}>
            {t(lang, 'profileDeleteYes')}
          </button>{' '}
          <button type="button" ref={cancelRef} onClick={onCancelDelete}>
            {t(lang, 'cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

interface FormProps {
  lang: Lang;
  rowKey?: string;
  initial?: WorkplaceFacts;
  /** the facts came from a portal page ("Profil ekle") */
  prefilled?: boolean;
  onDone(saved: boolean): void;
}

export function ProfileForm({ lang, rowKey, initial, prefilled = false, onDone }: FormProps) {
  const db = useDb();
  const id = useId();
  const [input, setInput] = useState<ProfileInput>(() => {
    const start = profileInputFrom(initial);
    // a NACE code from the page fills the class it has in the list (the user may still change it)
    const nace = checkNace(start.nace);
    if (!start.hazard && nace.state === 'listed' && nace.entry.hazardClass) start.hazard = nace.entry.hazardClass;
    return start;
  });
  // a class the user picked (or stored) is kept; otherwise it follows the NACE code
  const [hazardChosen, setHazardChosen] = useState<boolean>(() => profileInputFrom(initial).hazard !== '');
  const [submitted, setSubmitted] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const nace = checkNace(input.nace);
  const listedClass: HazardClass | undefined = nace.state === 'listed' ? nace.entry.hazardClass : undefined;
  const check = validateProfile(input, lang);
  const errors = submitted ? check.errors : {};
  const errorCount = Object.keys(check.errors).length;

  const save = useMutation({
    mutationFn: (facts: WorkplaceFacts) => saveProfile(db, rowKey, facts),
    onSuccess: () => onDone(true),
  });

  const set = <K extends keyof ProfileInput>(field: K, value: ProfileInput[K]) => setInput((prev) => ({ ...prev, [field]: value }));

  const onNaceChange = (text: string) => {
    const next = checkNace(text);
    setInput((prev) => ({
      ...prev,
      nace: text,
      hazard: !hazardChosen && next.state === 'listed' && next.entry.hazardClass ? next.entry.hazardClass : prev.hazard,
    }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (check.facts && errorCount === 0) save.mutate(check.facts);
  };

  const fieldProps = (field: ProfileField) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [errors[field] ? `${id}-${field}-err` : '', field === 'nace' || field === 'hazard' ? `${id}-${field}-hint` : '']
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const fieldError = (field: ProfileField) =>
    errors[field] ? (
      <span className="katip-error-text" id={`${id}-${field}-err`}>
        <SeverityPrefix kind="error" language={lang} />{errors[field]}
      </span>
    ) : null;

  return (
    <form className="options-profile-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t(lang, rowKey ? 'profileEditTitle' : 'profileNewTitle')}
      </h3>
      {prefilled && <p className="katip-field-hint">{t(lang, 'profilePrefilled')}</p>}
      {submitted && errorCount > 0 && (
        <p role="alert" className="katip-error-text">
          {t(lang, 'formHasErrors', { n: errorCount })}
        </p>
      )}
      <div className="katip-field">
        <label htmlFor={`${id}-title-in`}>{t(lang, 'profileTitle')}</label>
        <input
          {...fieldProps('title')}
          id={`${id}-title-in`}
          type="text"
          value={input.title}
          onChange={(e) => set('title', e.currentTarget.value)}
        />
        {fieldError('title')}
      </div>
      <div className="katip-field katip-field-inline">
        <input id={`${id}-public`} type="checkbox" checked={input.isPublic} onChange={(e) => set('isPublic', e.currentTarget.checked)} />
        <label htmlFor={`${id}-public`}>{t(lang, 'profilePublic')}</label>
      </div>
      {input.isPublic ? (
        <div className="katip-field">
          <label htmlFor={`${id}-detsis`}>{t(lang, 'profileDetsis')}</label>
          <input {...fieldProps('detsis')} type="text" inputMode="numeric" value={input.detsis} onChange={(e) => set('detsis', e.currentTarget.value)} />
          {fieldError('detsis')}
        </div>
      ) : (
        <div className="katip-field">
          <label htmlFor={`${id}-sicil`}>{t(lang, 'profileSicil')}</label>
          <input {...fieldProps('sicil')} type="text" inputMode="numeric" value={input.sicil} onChange={(e) => set('sicil', e.currentTarget.value)} />
          {fieldError('sicil')}
        </div>
      )}
      <div className="katip-field">
        <label htmlFor={`${id}-nace`}>{t(lang, 'profileNace')}</label>
        <input {...fieldProps('nace')} type="text" value={input.nace} onChange={(e) => onNaceChange(e.currentTarget.value)} />
        <span className="katip-field-hint" id={`${id}-nace-hint`} aria-live="polite">
          {nace.state === 'listed'
            ? t(lang, 'naceFound', { activity: nace.entry.activity, hazard: hazardWord(nace.entry, lang) })
            : !submitted && nace.state === 'malformed'
              ? t(lang, 'errNaceMalformed')
              : !submitted && nace.state === 'not-listed'
                ? t(lang, 'errNaceNotListed', { code: nace.code })
                : ''}
        </span>
        {fieldError('nace')}
      </div>
      <div className="katip-field">
        <label htmlFor={`${id}-hazard`}>{t(lang, 'profileHazard')}</label>
        <select
          {...fieldProps('hazard')}
          value={input.hazard}
          onChange={(e) => {
            setHazardChosen(true);
            set('hazard', e.currentTarget.value as HazardClass | '');
          }}
        >
          <option value="">{t(lang, 'profileHazardNone')}</option>
          {HAZARD_CLASSES.map((h) => (
            <option key={h} value={h}>
              {HAZARD_LABELS[h][lang]}
            </option>
          ))}
        </select>
        <span className="katip-field-hint" id={`${id}-hazard-hint`} aria-live="polite">
          {check.hazardWarning ? (
            <span className="katip-warn-text">
              <SeverityPrefix kind="warn" language={lang} />{check.hazardWarning}
            </span>
          ) : listedClass && input.hazard === listedClass ? (
            t(lang, 'hazardFromNace', { hazard: HAZARD_LABELS[listedClass][lang] })
          ) : (
            ''
          )}
        </span>
      </div>
      <div className="katip-field">
        <label htmlFor={`${id}-employees`}>{t(lang, 'profileEmployees')}</label>
        <input
          {...fieldProps('employees')}
          type="text"
          inputMode="numeric"
          value={input.employees}
          onChange={(e) => set('employees', e.currentTarget.value)}
        />
        {fieldError('employees')}
      </div>
      {save.isError && (
        <p role="alert" className="katip-error-text">
          {errorText(save.error)}
        </p>
      )}
      <div className="options-form-actions">
        <button type="submit" disabled={save.isPending}>
          {t(lang, 'save')}
        </button>{' '}
        <button type="button" onClick={() => onDone(false)}>
          {t(lang, 'cancel')}
        </button>
      </div>
    </form>
  );
}
