// The approval procedure's ten steps for one pending contract (RULES.md §10; 003 work instruction 5.1-5.10).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { CHECKLIST_STEPS, getChecklist, setChecklistStep, type ChecklistRow, type ChecklistStepId } from '@/utils/db';
import { formatLocalDateTime, t, type Lang } from '@/utils/i18n';
import { useDb } from './DbContext';
import { errorText, queryKeys } from './hooks';

export interface ChecklistProps {
  assignmentKey: string;
  language: Lang;
  /** heading level of the title (default 3) */
  headingLevel?: 2 | 3 | 4;
}

/** Steps ticked out of ten. */
export function checklistDone(row: ChecklistRow | undefined): number {
  if (!row) return 0;
  return CHECKLIST_STEPS.filter((s) => row.steps[s.id]?.done).length;
}

export function Checklist({ assignmentKey, language: lang, headingLevel = 3 }: ChecklistProps) {
  const db = useDb();
  const client = useQueryClient();
  const baseId = useId();
  const query = useQuery({ queryKey: queryKeys.checklist(assignmentKey), queryFn: () => getChecklist(db, assignmentKey) });
  const toggle = useMutation({
    mutationFn: ({ step, done }: { step: ChecklistStepId; done: boolean }) => setChecklistStep(db, assignmentKey, step, done),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.checklist(assignmentKey) });
      void client.invalidateQueries({ queryKey: queryKeys.pending });
    },
  });
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';

  if (query.isPending) return <p role="status">{t(lang, 'loading')}</p>;
  if (query.isError) return <p role="alert">{t(lang, 'errorLoading', { detail: errorText(query.error) })}</p>;
  const row = query.data;
  const done = checklistDone(row);

  return (
    <section className="katip-checklist" aria-labelledby={`${baseId}-h`}>
      <Heading id={`${baseId}-h`}>{t(lang, 'checklistTitle')}</Heading>
      <p className="katip-progress" role="status" aria-live="polite">
        {t(lang, 'checklistProgress', { done, total: CHECKLIST_STEPS.length })}
      </p>
      {toggle.isError && <p role="alert" className="katip-error-text">{errorText(toggle.error)}</p>}
      <ol>
        {CHECKLIST_STEPS.map((step) => {
          const tick = row.steps[step.id];
          const inputId = `${baseId}-s${step.id}`;
          const when = tick?.done
            ? t(lang, tick.how === 'seen' ? 'tickSeen' : 'tickManual', { at: formatLocalDateTime(tick.at) }).trim()
            : step.auto
              ? t(lang, 'tickAuto')
              : undefined;
          return (
            <li key={step.id}>
              <input
                id={inputId}
                type="checkbox"
                checked={Boolean(tick?.done)}
                disabled={toggle.isPending}
                aria-describedby={when ? `${inputId}-when` : undefined}
                onChange={(e) => toggle.mutate({ step: step.id, done: e.currentTarget.checked })}
              />
              <div>
                <label htmlFor={inputId}>
                  {step.id}. {step[lang]}
                </label>
                {when && (
                  <span className="katip-checklist-when" id={`${inputId}-when`}>
                    {when}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
