// Looks up a NACE code or activity in the Tehlike Sınıfları Tebliği list (RULES.md §7).
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { HAZARD_LABELS, NACE_CITATION, searchNace, type NaceEntry } from '@/utils/domain';
import { t, type Lang } from '@/utils/i18n';

export interface NaceLookupProps {
  language: Lang;
  /** most results shown (default 50) */
  limit?: number;
  /** when given, each result gets a "choose" button (e.g. to fill a profile form) */
  onPick?: (entry: NaceEntry) => void;
  pickLabel?: string;
}

export function hazardWord(entry: Pick<NaceEntry, 'hazardClass'>, lang: Lang): string {
  return entry.hazardClass ? HAZARD_LABELS[entry.hazardClass][lang] : t(lang, 'naceClassUnknown');
}

export function NaceLookup({ language: lang, limit = 50, onPick, pickLabel }: NaceLookupProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  // one more than shown tells whether the list was cut
  const results = useMemo(() => (deferred.trim() ? searchNace(deferred, limit + 1) : []), [deferred, limit]);
  const shown = results.slice(0, limit);
  const searched = deferred.trim() !== '';

  return (
    <div className="katip-nace-lookup">
      <div className="katip-field">
        <label htmlFor={`${id}-q`}>{t(lang, 'naceLabel')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <span className="katip-field-hint" id={`${id}-hint`}>
          {t(lang, 'naceHint')}
        </span>
      </div>
      <p role="status" aria-live="polite">
        {!searched
          ? ''
          : shown.length === 0
            ? t(lang, 'naceNone')
            : results.length > limit
              ? t(lang, 'naceCountMore', { n: limit })
              : t(lang, 'naceCount', { n: shown.length })}
      </p>
      {shown.length > 0 && (
        <table className="katip-table">
          <caption className="katip-visually-hidden">{t(lang, 'naceTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'naceCode')}</th>
              <th scope="col">{t(lang, 'naceClass')}</th>
              <th scope="col">{t(lang, 'naceActivity')}</th>
              {onPick && <th scope="col"><span className="katip-visually-hidden">{pickLabel}</span></th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.code}>
                <td className="katip-nace-code">{e.code}</td>
                <td>{hazardWord(e, lang)}</td>
                <td lang="tr">{e.activity}</td>
                {onPick && (
                  <td>
                    <button type="button" aria-label={`${pickLabel ?? ''} ${e.code}`.trim()} onClick={() => onPick(e)}>
                      {pickLabel}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="katip-citation" lang="tr">
        {NACE_CITATION}
      </p>
    </div>
  );
}
