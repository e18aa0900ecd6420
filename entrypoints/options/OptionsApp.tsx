// The options page as a small application: a navigation that stays (İşyerleri, Kurallar, Araçlar,
// Verilerim, Gizlilik), addressed by the URL hash (`#isyerleri/yeni?sicil=…` opens the profile form
// pre-filled, from "Profil ekle" in the page, the side panel or the popup).
import { useEffect, useId, useState } from 'react';
import { errorText, useDocumentLanguage, useSaveSettings, useSettings } from '@/components/hooks';
import { MinimumCalculator } from '@/components/MinimumCalculator';
import { NaceLookup } from '@/components/NaceLookup';
import { PendingList } from '@/components/PendingList';
import { RULES } from '@/components/ruleInfo';
import { SettledView } from '@/components/SettledView';
import { SeverityBadge } from '@/components/SeverityBadge';
import type { Settings } from '@/utils/db';
import { t, type Lang, type StringKey } from '@/utils/i18n';
import { parseOptionsHash, type OptionsRoute, type OptionsSection } from '@/utils/profile-link';
import type { RuleId } from '@/utils/rules/types';
import { DataSection } from './DataSection';
import { ProfilesSection } from './ProfilesSection';

const SECTIONS: { id: OptionsSection; label: StringKey }[] = [
  { id: 'isyerleri', label: 'navWorkplaces' },
  { id: 'kurallar', label: 'navRules' },
  { id: 'araclar', label: 'navTools' },
  { id: 'verilerim', label: 'navData' },
  { id: 'gizlilik', label: 'navPrivacy' },
];

/** The route in the address bar, followed as it changes. */
/** The route in the address bar, followed as it changes; its section scrolled to once the page shows (`settled`). */
function useHashRoute(settled: boolean): OptionsRoute {
  const [route, setRoute] = useState(() => parseOptionsHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseOptionsHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!settled) return;
    if (route.section !== 'isyerleri' || route.profile) document.getElementById(route.section)?.scrollIntoView?.({ block: 'start' });
  }, [route, settled]);
  return route;
}

export function OptionsApp() {
  const settings = useSettings();
  const lang: Lang = settings.data?.language ?? 'tr';
  useDocumentLanguage(lang, 'titleOptions');
  const [settled, setSettled] = useState(false);
  const route = useHashRoute(settled);
  const ids = useId();
  const h = (section: string) => `${ids}-${section}-h`;

  return (
    <div className="katip-ui options" lang={lang}>
      <a className="skip-link" href="#main">
        {t(lang, 'skipToContent')}
      </a>
      <header className="options-header">
        <h1>{t(lang, 'optionsTitle')}</h1>
      </header>
      <div className="options-layout">
        <nav className="options-nav" aria-label={t(lang, 'sectionsNav')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={route.section === s.id ? 'location' : undefined}>
                  {t(lang, s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <SettledView loadingLabel={t(lang, 'loading')} onSettled={() => setSettled(true)}>
            {settings.isError && <p role="alert">{t(lang, 'errorLoading', { detail: errorText(settings.error) })}</p>}
            <ProfilesSection lang={lang} headingId={h('isyerleri')} prefill={route.profile} />
            <PendingList lang={lang} showTckn={settings.data?.showTckn ?? false} />
            {settings.data && <RulesSection lang={lang} headingId={h('kurallar')} settings={settings.data} />}
            <section aria-labelledby={h('araclar')} id="araclar">
              <h2 id={h('araclar')}>{t(lang, 'navTools')}</h2>
              <fieldset className="options-card">
                <legend>{t(lang, 'secNace')}</legend>
                <NaceLookup language={lang} />
              </fieldset>
              <fieldset className="options-card">
                <legend>{t(lang, 'secCalc')}</legend>
                <MinimumCalculator language={lang} />
              </fieldset>
            </section>
            <DataSection lang={lang} headingId={h('verilerim')} showTckn={settings.data?.showTckn ?? false} />
            <section aria-labelledby={h('gizlilik')} id="gizlilik">
              <h2 id={h('gizlilik')}>{t(lang, 'navPrivacy')}</h2>
              <p>{t(lang, 'privacyText1')}</p>
              <p>{t(lang, 'privacyText2')}</p>
              <p>{t(lang, 'privacyText3')}</p>
            </section>
          </SettledView>
        </main>
      </div>
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

/**
 * What a control shows: the saved value, or the user's choice at once while it is being saved (the
 * store answers a task later; a controlled input would spring back meanwhile).
 */
function useShown<T>(saved: T): [T, (value: T) => void] {
  const [shown, setShown] = useState(saved);
  useEffect(() => setShown(saved), [saved]);
  return [shown, setShown];
}

/** A switch: the state is the knob's place and the word beside it, never colour alone. */
function Switch({ id, checked: saved, label, help, lang, onChange }: { id: string; checked: boolean; label: string; help?: string; lang: Lang; onChange(on: boolean): void }) {
  const [checked, setChecked] = useShown(saved);
  return (
    <div className="katip-switch-row">
      <input id={id} type="checkbox" role="switch" className="katip-switch" checked={checked} aria-describedby={help ? `${id}-help` : undefined} onChange={(e) => {
          setChecked(e.currentTarget.checked);
          onChange(e.currentTarget.checked);
        }}
      />
      <span className="katip-switch-state" aria-hidden="true">
        {t(lang, checked ? 'ruleEnabled' : 'ruleDisabled')}
      </span>
      <div>
        <label htmlFor={id}>{label}</label>
        {help && (
          <span id={`${id}-help`} className="katip-field-hint katip-block">
            {help}
          </span>
        )}
      </div>
    </div>
  );
}

function RulesSection({ lang, headingId, settings }: { lang: Lang; headingId: string; settings: Settings }) {
  const save = useSaveSettings();
  const [shownLang, setShownLang] = useShown(lang);
  const disabled = new Set<RuleId>(settings.disabledRules);
  const toggle = (id: RuleId, on: boolean) => {
    const next = new Set(disabled);
    if (on) next.delete(id);
    else next.add(id);
    save.mutate({ disabledRules: RULES.map((r) => r.id).filter((rid) => next.has(rid)) });
  };
  return (
    <section aria-labelledby={headingId} id="kurallar">
      <h2 id={headingId}>{t(lang, 'navRules')}</h2>
      <SavedNotice lang={lang} saved={save.isSuccess} error={save.error} />
      <fieldset className="options-card">
        <legend>{t(lang, 'secRules')}</legend>
        <p className="katip-field-hint">{t(lang, 'rulesIntro')}</p>
        <ul className="options-rules">
          {RULES.map((rule) => {
            const inputId = `${headingId}-${rule.id}`;
            return (
              <li key={rule.id} className="options-rule">
                <Switch id={inputId} lang={lang} checked={!disabled.has(rule.id)} label={rule.title[lang]} onChange={(on) => toggle(rule.id, on)} />
                <div className="options-rule-desc">
                  <SeverityBadge kind={rule.severity} language={lang} /> <code className="katip-rule-id">{rule.id}</code>
                  <span className="katip-citation">
                    {' · '}
                    <span lang="tr">{rule.citation}</span>
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="options-card">
        <legend>{t(lang, 'secApproval')}</legend>
        <Switch
          id={`${headingId}-confirm`}
          lang={lang}
          checked={settings.confirmBeforeSave ?? false}
          label={t(lang, 'confirmBeforeSaveLabel')}
          help={t(lang, 'confirmBeforeSaveHelp')}
          onChange={(on) => save.mutate({ confirmBeforeSave: on })}
        />
        <Switch
          id={`${headingId}-passing`}
          lang={lang}
          checked={settings.showPassing ?? false}
          label={t(lang, 'showPassingLabel')}
          help={t(lang, 'showPassingHelp')}
          onChange={(on) => save.mutate({ showPassing: on })}
        />
      </fieldset>
      <fieldset className="options-card">
        <legend>{t(lang, 'secDisplay')}</legend>
        <div role="radiogroup" aria-label={t(lang, 'languageLabel')} className="options-radios">
          <span className="options-radios-label">{t(lang, 'languageLabel')}</span>
          {(['tr', 'en'] as const).map((option) => (
            <label key={option} className="options-radio">
              <input
                type="radio"
                name="language"
                value={option}
                checked={shownLang === option}
                onChange={() => {
                  setShownLang(option);
                  save.mutate({ language: option });
                }}
              />
              {t(lang, option === 'tr' ? 'langTr' : 'langEn')}
            </label>
          ))}
        </div>
        <Switch
          id={`${headingId}-tckn`}
          lang={lang}
          checked={settings.showTckn}
          label={t(lang, 'showTcknLabel')}
          help={t(lang, 'showTcknHelp')}
          onChange={(on) => save.mutate({ showTckn: on })}
        />
      </fieldset>
    </section>
  );
}

