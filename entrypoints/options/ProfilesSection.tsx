// Workplace profiles: what the portal does not show (hazard class, employees), entered by the user (RULES.md §1-3, §7-8).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useDb } from '@/components/DbContext';
import { errorText, queryKeys } from '@/components/hooks';
import { hazardWord } from '@/components/NaceLookup';
import {
  deleteProfile,
  effectiveWorkplace,
  listWorkplaces,
  saveProfile,
  workplaceName,
  type WorkplaceRow,
} from '@/utils/db';
import { HAZARD_CLASSES, HAZARD_LABELS, type HazardClass } from '@/utils/domain/core';
import { formatLocalDateTime, t, type Lang } from '@/utils/i18n';
import type { WorkplaceFacts } from '@/utils/records';
import { checkNace, profileInputFrom, validateProfile, type ProfileField, type ProfileInput } from './profileForm';

type Editing = { mode: 'new' } | { mode: 'edit'; row: WorkplaceRow };

export function ProfilesSection({ lang, headingId }: { lang: Lang; headingId: string }) {
  const db = useDb();
  const client = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.workplaces, queryFn: () => listWorkplaces(db) });
  const [editing, setEditing] = useState<Editing | undefined>();
  const [notice, setNotice] = useState('');
  const [confirmKey, setConfirmKey] = useState<string | undefined>();
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

  return (
    <section aria-labelledby={headingId} id="profiles">
      <h2 id={headingId}>{t(lang, 'secProfiles')}</h2>
      <p>{t(lang, 'profilesIntro')}</p>
      <p role="status" aria-live="polite" className="options-notice">
        {notice}
      </p>
      {remove.isError && <p role="alert" className="katip-error-text">{errorText(remove.error)}</p>}
      {query.isPending ? (
        <p role="status">{t(lang, 'loading')}</p>
      ) : query.isError ? (
        <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>
      ) : query.data.length === 0 ? (
        <p>{t(lang, 'profilesNone')}</p>
      ) : (
        <ul className="options-workplaces">
          {query.data.map((row) => (
            <WorkplaceItem
              key={row.key}
              row={row}
              lang={lang}
              confirming={confirmKey === row.key}
              busy={remove.isPending}
              onEdit={() => {
                setNotice('');
                setEditing({ mode: 'edit', row });
              }}
              onAskDelete={() => setConfirmKey(row.key)}
              onCancelDelete={() => setConfirmKey(undefined)}
              onDelete={() => remove.mutate(row.key)}
            />
          ))}
        </ul>
      )}
      {editing ? (
        <ProfileForm
          key={editing.mode === 'edit' ? editing.row.key : 'new'}
          lang={lang}
          rowKey={editing.mode === 'edit' ? editing.row.key : undefined}
          initial={editing.mode === 'edit' ? (editing.row.profile ?? editing.row.seen) : undefined}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) {
              setNotice(t(lang, 'profileSaved'));
              invalidate();
            }
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => {
            setNotice('');
            setEditing({ mode: 'new' });
          }}
        >
          {t(lang, 'profileAdd')}
        </button>
      )}
    </section>
  );
}

interface ItemProps {
  row: WorkplaceRow;
  lang: Lang;
  confirming: boolean;
  busy: boolean;
  onEdit(): void;
  onAskDelete(): void;
  onCancelDelete(): void;
  onDelete(): void;
}

function WorkplaceItem({ row, lang, confirming, busy, onEdit, onAskDelete, onCancelDelete, onDelete }: ItemProps) {
  const facts = effectiveWorkplace(row);
  const name = workplaceName(row);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const details = [
    facts.sicilNo ? `SGK ${facts.sicilNo}` : undefined,
    facts.detsisNo ? `DETSİS ${facts.detsisNo}` : undefined,
    facts.naceText ? `NACE ${facts.naceText}` : undefined,
    facts.hazardText,
    facts.employees !== undefined ? `${facts.employees} ${lang === 'tr' ? 'çalışan' : 'employees'}` : undefined,
  ].filter(Boolean);
  const origin = [
    row.seen ? t(lang, 'profileSeenAt', { at: formatLocalDateTime(row.seen.at) }) : undefined,
    row.profile ? t(lang, 'profileHasProfile') : undefined,
  ].filter(Boolean);
  return (
    <li className="options-workplace">
      <div className="options-workplace-main">
        <strong>{name}</strong>
        <span className="options-workplace-details">{details.join(' · ')}</span>
        <span className="options-workplace-origin">{origin.join(' · ')}</span>
      </div>
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
      {confirming && (
        <div className="options-confirm" role="group" aria-label={t(lang, 'profileDeleteYes')}>
          <p>
            <span aria-hidden="true">⚠ </span>
            {t(lang, 'sevWarn')}: {t(lang, 'profileDeleteConfirm', { title: name })}
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
  onDone(saved: boolean): void;
}

export function ProfileForm({ lang, rowKey, initial, onDone }: FormProps) {
  const db = useDb();
  const id = useId();
  const [input, setInput] = useState<ProfileInput>(() => profileInputFrom(initial));
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
        <span aria-hidden="true">✖ </span>
        {t(lang, 'sevError')}: {errors[field]}
      </span>
    ) : null;

  return (
    <form className="options-profile-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t(lang, rowKey ? 'profileEditTitle' : 'profileNewTitle')}
      </h3>
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
              <span aria-hidden="true">⚠ </span>
              {t(lang, 'sevWarn')}: {check.hazardWarning}
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
