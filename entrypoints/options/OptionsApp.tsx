// The options page: workplace profiles, rules, language, identity display, NACE lookup, calculator, data, privacy.
import { useId } from 'react';
import { errorText, useSaveSettings, useSettings } from '@/components/hooks';
import { MinimumCalculator } from '@/components/MinimumCalculator';
import { NaceLookup } from '@/components/NaceLookup';
import { RULES } from '@/components/ruleInfo';
import { SeverityBadge } from '@/components/SeverityBadge';
import type { Settings } from '@/utils/db';
import { t, type Lang, type StringKey } from '@/utils/i18n';
import type { RuleId } from '@/utils/rules/types';
import { DataSection } from './DataSection';
import { ProfilesSection } from './ProfilesSection';

const SECTIONS: { id: string; label: StringKey }[] = [
  { id: 'profiles', label: 'secProfiles' },
  { id: 'rules', label: 'secRules' },
  { id: 'language', label: 'secLanguage' },
  { id: 'identity', label: 'secPrivacyDisplay' },
  { id: 'nace', label: 'secNace' },
  { id: 'calculator', label: 'secCalc' },
  { id: 'data', label: 'secData' },
  { id: 'privacy', label: 'secPrivacy' },
];

export function OptionsApp() {
  const settings = useSettings();
  const lang: Lang = settings.data?.language ?? 'tr';
  const ids = useId();
  const h = (section: string) => `${ids}-${section}-h`;

  return (
    <div className="katip-ui options" lang={lang}>
      <a className="skip-link" href="#main">
        {t(lang, 'skipToContent')}
      </a>
      <header className="options-header">
        <h1>{t(lang, 'optionsTitle')}</h1>
        <nav aria-label={t(lang, 'sectionsNav')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{t(lang, s.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {settings.isError && <p role="alert">{t(lang, 'errorLoading', { detail: errorText(settings.error) })}</p>}
        <ProfilesSection lang={lang} headingId={h('profiles')} />
        {settings.data && (
          <>
            <RulesSection lang={lang} headingId={h('rules')} settings={settings.data} />
            <LanguageSection lang={lang} headingId={h('language')} />
            <IdentitySection lang={lang} headingId={h('identity')} settings={settings.data} />
          </>
        )}
        <section aria-labelledby={h('nace')} id="nace">
          <h2 id={h('nace')}>{t(lang, 'secNace')}</h2>
          <NaceLookup language={lang} />
        </section>
        <section aria-labelledby={h('calculator')} id="calculator">
          <h2 id={h('calculator')}>{t(lang, 'secCalc')}</h2>
          <MinimumCalculator language={lang} />
        </section>
        <DataSection lang={lang} headingId={h('data')} showTckn={settings.data?.showTckn ?? false} />
        <section aria-labelledby={h('privacy')} id="privacy">
          <h2 id={h('privacy')}>{t(lang, 'secPrivacy')}</h2>
          <p>{t(lang, 'privacyText1')}</p>
          <p>{t(lang, 'privacyText2')}</p>
          <p>{t(lang, 'privacyText3')}</p>
        </section>
      </main>
    </div>
  );
}

function SavedNotice({ lang, saved, error }: { lang: Lang; saved: boolean; error: unknown }) {
  return (
    <p role="status" aria-live="polite" className="options-notice">
      {error ? `${t(lang, 'sevError')}: ${errorText(error)}` : saved ? t(lang, 'settingsSaved') : ''}
    </p>
  );
}

function RulesSection({ lang, headingId, settings }: { lang: Lang; headingId: string; settings: Settings }) {
  const save = useSaveSettings();
  const disabled = new Set<RuleId>(settings.disabledRules);
  const toggle = (id: RuleId, on: boolean) => {
    const next = new Set(disabled);
    if (on) next.delete(id);
    else next.add(id);
    save.mutate({ disabledRules: RULES.map((r) => r.id).filter((rid) => next.has(rid)) });
  };
  return (
    <section aria-labelledby={headingId} id="rules">
      <h2 id={headingId}>{t(lang, 'secRules')}</h2>
      <p>{t(lang, 'rulesIntro')}</p>
      <SavedNotice lang={lang} saved={save.isSuccess} error={save.error} />
      <ul className="options-rules">
        {RULES.map((rule) => {
          const on = !disabled.has(rule.id);
          const inputId = `${headingId}-${rule.id}`;
          return (
            <li key={rule.id} className="options-rule">
              <input
                id={inputId}
                type="checkbox"
                role="switch"
                checked={on}
                aria-describedby={`${inputId}-d`}
                onChange={(e) => toggle(rule.id, e.currentTarget.checked)}
              />
              <div>
                <label htmlFor={inputId}>{rule.title[lang]}</label>{' '}
                <span className="options-rule-state">({t(lang, on ? 'ruleEnabled' : 'ruleDisabled')})</span>
                <div id={`${inputId}-d`} className="options-rule-desc">
                  <SeverityBadge kind={rule.severity} language={lang} /> <code>{rule.id}</code>
                  <span className="katip-citation"> · {rule.citation}</span>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function LanguageSection({ lang, headingId }: { lang: Lang; headingId: string }) {
  const save = useSaveSettings();
  return (
    <section aria-labelledby={headingId} id="language">
      <h2 id={headingId}>{t(lang, 'secLanguage')}</h2>
      <fieldset>
        <legend>{t(lang, 'languageLabel')}</legend>
        {(['tr', 'en'] as const).map((option) => (
          <label key={option} className="options-radio">
            <input
              type="radio"
              name="language"
              value={option}
              checked={lang === option}
              onChange={() => save.mutate({ language: option })}
            />
            {t(lang, option === 'tr' ? 'langTr' : 'langEn')}
          </label>
        ))}
      </fieldset>
      <SavedNotice lang={lang} saved={save.isSuccess} error={save.error} />
    </section>
  );
}

function IdentitySection({ lang, headingId, settings }: { lang: Lang; headingId: string; settings: Settings }) {
  const save = useSaveSettings();
  const inputId = `${headingId}-tckn`;
  return (
    <section aria-labelledby={headingId} id="identity">
      <h2 id={headingId}>{t(lang, 'secPrivacyDisplay')}</h2>
      <div className="options-switch">
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          checked={settings.showTckn}
          aria-describedby={`${inputId}-help`}
          onChange={(e) => save.mutate({ showTckn: e.currentTarget.checked })}
        />
        <label htmlFor={inputId}>{t(lang, 'showTcknLabel')}</label>
      </div>
      <p id={`${inputId}-help`} className="katip-field-hint">
        {t(lang, 'showTcknHelp')}
      </p>
      <SavedNotice lang={lang} saved={save.isSuccess} error={save.error} />
    </section>
  );
}
