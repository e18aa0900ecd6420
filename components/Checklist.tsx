// The approval procedure's ten steps for one pending contract (RULES.md §10; 003 work instruction
// 5.1-5.10). Steps 5-7 tick only when their rules pass on the record seen; a failed rule shows the
// step as failed with the reason, also when the user ticked it by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { CHECKLIST_STEPS, getChecklist, setChecklistStep, type ChecklistStepId } from '@/utils/db';
import { failedRules, STEP_RULES } from '@/utils/db/checklist';
import { formatLocalDateTime, t, type Lang } from '@/utils/i18n';
import type { RuleId } from '@/utils/rules/types';
import { useDb } from './DbContext';
import { errorText, queryKeys } from './hooks';
import { Icon } from './Icon';
import { checklistDone } from './pending';
import { ruleInfo } from './ruleInfo';

export interface ChecklistProps {
  assignmentKey: string;
  language: Lang;
  /** heading level of the title (default 3) */
  headingLevel?: 2 | 3 | 4;
}

export function ruleNames(ids: readonly RuleId[], lang: Lang): string {
  return ids.map((id) => ruleInfo(id)?.title[lang] ?? id).join(', ');
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
          const failed = failedRules(tick);
          const when = tick?.done
            ? t(lang, tick.how === 'seen' ? 'tickSeen' : 'tickManual', { at: formatLocalDateTime(tick.at, lang) }).trim()
            : failed.length
              ? undefined
              : step.id === 8
                ? t(lang, 'tickAutoSubmit')
                : STEP_RULES[step.id]
                  ? t(lang, 'tickAutoRules')
                  : step.auto
                    ? t(lang, 'tickAuto')
                    : undefined;
          const reason = failed.length ? t(lang, tick?.done ? 'tickFailedManual' : 'tickFailed', { rules: ruleNames(failed, lang) }) : undefined;
          const described = [when ? `${inputId}-when` : '', reason ? `${inputId}-why` : ''].filter(Boolean).join(' ');
          return (
            <li key={step.id} className={failed.length ? 'is-failed' : tick?.done ? 'is-done' : undefined}>
              <input
                id={inputId}
                type="checkbox"
                checked={Boolean(tick?.done)}
                disabled={toggle.isPending}
                aria-describedby={described || undefined}
                aria-invalid={failed.length ? true : undefined}
                onChange={(e) => toggle.mutate({ step: step.id, done: e.currentTarget.checked })}
              />
              <div>
                <label htmlFor={inputId}>
                  {step.id}. {step[lang]}
                </label>
                {reason && (
                  <span className="katip-checklist-failed" id={`${inputId}-why`}>
                    <Icon name="error" size={12} />
                    {reason}
                  </span>
                )}
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
