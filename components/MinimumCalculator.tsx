// Minimum monthly minutes and full-time professionals for a workplace (RULES.md §2-3).
import { useId, useState } from 'react';
import {
  FULL_TIME_MONTH_MINUTES,
  FULL_TIME_THRESHOLDS,
  HAZARD_CLASSES,
  HAZARD_LABELS,
  ROLE_LABELS,
  ROLES,
  minimumCitation,
  minuteRate,
  normalizeSpaces,
  parseTurkishNumber,
  requiredService,
  type HazardClass,
  type Role,
} from '@/utils/domain/core';
import { formatNumber, t, type Lang } from '@/utils/i18n';
import { ROLE_NOUN_EN } from '@/utils/rules/wording';
import { SeverityPrefix } from './SeverityBadge';

export type EmployeesInput = { ok: true; value: number } | { ok: false; reason: 'empty' | 'negative' | 'not-number' };

/** Reads an employee count as typed: "600", "1.200", " 45 " → number; "", "-5", "abc", "12,5" → a reason. */
export function readEmployees(text: string): EmployeesInput {
  const s = normalizeSpaces(text);
  if (s === '') return { ok: false, reason: 'empty' };
  const n = parseTurkishNumber(s);
  if (n === undefined || !Number.isInteger(n)) return { ok: false, reason: 'not-number' };
  if (n < 0) return { ok: false, reason: 'negative' };
  return { ok: true, value: n };
}

/** The arithmetic as a sentence, e.g. "600 çalışan, Çok Tehlikeli, İGU: 600 ÷ 250 = 2 tam süreli; kalan 100 × 40 dk = 4.000 dk". */
export function explainRequirement(role: Role, hazard: HazardClass, n: number, lang: Lang): string {
  const head = t(lang, 'calcExplainHead', {
    count: n,
    hazard: lang === 'tr' ? HAZARD_LABELS[hazard].tr : HAZARD_LABELS[hazard].en.toLowerCase(),
    role: lang === 'tr' ? ROLE_LABELS[role].short : ROLE_NOUN_EN[role].one,
  });
  const rate = minuteRate(role, hazard, n);
  const req = requiredService(role, hazard, n);
  if (role === 'dsp') {
    if (rate === 0) return head + t(lang, 'calcDspNotRequired');
    return head + t(lang, 'calcProduct', { count: n, rate, minutes: req.minutes });
  }
  const threshold = FULL_TIME_THRESHOLDS[role][hazard];
  if (n < threshold) {
    return `${head}${t(lang, 'calcProduct', { count: n, rate, minutes: req.minutes })} (${t(lang, 'calcNoFullTime', { count: n, threshold })})`;
  }
  return head + t(lang, 'calcSplit', { count: n, threshold, fullTime: req.fullTime, rest: n % threshold, rate, minutes: req.minutes });
}

export function MinimumCalculator({ language: lang }: { language: Lang }) {
  const id = useId();
  const [role, setRole] = useState<Role>('igu');
  const [hazard, setHazard] = useState<HazardClass>('cok-tehlikeli');
  const [employeesText, setEmployeesText] = useState('');
  const input = readEmployees(employeesText);
  const touched = employeesText !== '';
  const fmt = (x: number) => formatNumber(lang, x);

  let message: string | undefined;
  if (!input.ok && touched) {
    message =
      input.reason === 'negative'
        ? t(lang, 'calcNegative')
        : input.reason === 'not-number'
          ? t(lang, 'calcNotNumber', { value: normalizeSpaces(employeesText) })
          : t(lang, 'calcEmpty');
  }
  const req = input.ok ? requiredService(role, hazard, input.value) : undefined;

  return (
    <div className="katip-calculator">
      <div className="katip-calc-inputs">
        <div className="katip-field">
          <label htmlFor={`${id}-role`}>{t(lang, 'calcRole')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {lang === 'tr' ? `${ROLE_LABELS[r].short} — ${ROLE_LABELS[r].tr}` : ROLE_LABELS[r].en}
              </option>
            ))}
          </select>
        </div>
        <div className="katip-field">
          <label htmlFor={`${id}-hazard`}>{t(lang, 'calcHazard')}</label>
          <select id={`${id}-hazard`} value={hazard} onChange={(e) => setHazard(e.currentTarget.value as HazardClass)}>
            {HAZARD_CLASSES.map((h) => (
              <option key={h} value={h}>
                {HAZARD_LABELS[h][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="katip-field">
          <label htmlFor={`${id}-n`}>{t(lang, 'calcEmployees')}</label>
          <input
            id={`${id}-n`}
            type="text"
            inputMode="numeric"
            value={employeesText}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-err` : undefined}
            onChange={(e) => setEmployeesText(e.currentTarget.value)}
          />
        </div>
      </div>
      <div role="status" aria-live="polite">
        {message && (
          <p className="katip-error-text" id={`${id}-err`}>
            <SeverityPrefix kind="error" language={lang} />{message}
          </p>
        )}
        {!touched && <p className="katip-field-hint">{t(lang, 'calcEmpty')}</p>}
        {input.ok && req && (
          <div className="katip-calc-result">
            <p className="katip-calc-arith">{explainRequirement(role, hazard, input.value, lang)}</p>
            {role !== 'dsp' && (
              <p>
                {t(lang, 'calcFullTime')}: <strong>{fmt(req.fullTime)}</strong> · {t(lang, 'calcMinutes')}:{' '}
                <strong>{fmt(req.minutes)}</strong>
              </p>
            )}
          </div>
        )}
      </div>
      {role === 'dsp' && <p className="katip-field-hint">{t(lang, 'calcDspBands')}</p>}
      <p className="katip-field-hint">{t(lang, 'calcFullTimeMonth', { m: fmt(FULL_TIME_MONTH_MINUTES) })}</p>
      <p className="katip-citation">
        {t(lang, 'citation')}: <span lang="tr">{minimumCitation(role)}</span>
      </p>
    </div>
  );
}
