// The findings of a portal page (PAGE-CONTRACT.md "Rule ids"), grouped by rule, for the popup and the in-page panel.
import { useId, useState } from 'react';
import { maskTckn } from '@/utils/domain/core';
import { RULE_IDS, type Finding, type RuleId } from '@/utils/rules/types';
import { factLabel, maskTcknsIn, PROFILE_FACTS, t, type Lang } from '@/utils/i18n';
import { findingKind } from './findings';
import { ruleInfo } from './ruleInfo';
import { SeverityBadge, type BadgeKind } from './SeverityBadge';

export interface FindingListProps {
  findings: Finding[];
  language: 'tr' | 'en';
  /** when given, each finding about a record gets a "Kayda git" button */
  onJump?: (recordIndex: number) => void;
  /** show T.C. Kimlik numbers in full (settings.showTckn); masked otherwise */
  showTckn?: boolean;
  /** when given, needs-data findings about profile facts offer a button that opens the workplace profiles */
  onOpenProfiles?: () => void;
  /** heading level of the group titles (default 3) */
  headingLevel?: 2 | 3 | 4;
  /** findings shown per group before a "show all" button (default 20) */
  groupLimit?: number;
}


const KIND_RANK: Record<BadgeKind, number> = { error: 0, warn: 1, 'needs-data': 2, ok: 3 };

export interface FindingGroup {
  ruleId: RuleId;
  /** the worst kind in the group */
  kind: BadgeKind;
  findings: Finding[];
}

/** Groups by rule id: errors first, then warnings, then data missing; the rule list's order within each. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const groups: FindingGroup[] = [...byRule].map(([ruleId, list]) => ({
    ruleId,
    findings: list,
    kind: list.map(findingKind).reduce((a, b) => (KIND_RANK[b] < KIND_RANK[a] ? b : a)),
  }));
  const order = (id: RuleId) => {
    const i = (RULE_IDS as readonly string[]).indexOf(id);
    return i < 0 ? RULE_IDS.length : i;
  };
  return groups.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || order(a.ruleId) - order(b.ruleId));
}

export function FindingList({
  findings,
  language,
  onJump,
  showTckn = false,
  onOpenProfiles,
  headingLevel = 3,
  groupLimit = 20,
}: FindingListProps) {
  const lang: Lang = language;
  const groups = groupFindings(findings);
  const count = (k: BadgeKind) => findings.filter((f) => findingKind(f) === k).length;

  if (findings.length === 0) {
    return (
      <div className="katip-findings">
        <p className="katip-findings-summary" role="status">
          <SeverityBadge kind="ok" language={lang} /> {t(lang, 'findingsNone')}
        </p>
      </div>
    );
  }

  return (
    <div className="katip-findings">
      <p className="katip-findings-summary" role="status">
        {t(lang, 'findingsSummary', { errors: count('error'), warnings: count('warn'), needs: count('needs-data') })}
      </p>
      <ul className="katip-finding-groups">
        {groups.map((g) => (
          <FindingGroupView
            key={g.ruleId}
            group={g}
            lang={lang}
            onJump={onJump}
            showTckn={showTckn}
            onOpenProfiles={onOpenProfiles}
            headingLevel={headingLevel}
            limit={groupLimit}
          />
        ))}
      </ul>
    </div>
  );
}

interface GroupProps {
  group: FindingGroup;
  lang: Lang;
  onJump?: (recordIndex: number) => void;
  showTckn: boolean;
  onOpenProfiles?: () => void;
  headingLevel: 2 | 3 | 4;
  limit: number;
}

function FindingGroupView({ group, lang, onJump, showTckn, onOpenProfiles, headingLevel, limit }: GroupProps) {
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const listId = useId();
  const rule = ruleInfo(group.ruleId);
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const shown = showAll ? group.findings : group.findings.slice(0, limit);
  return (
    <li className="katip-finding-group" aria-labelledby={headingId}>
      <Heading className="katip-finding-group-heading" id={headingId}>
        <SeverityBadge kind={group.kind} language={lang} />
        <span>{rule ? rule.title[lang] : group.ruleId}</span>
        <span className="katip-rule-count">{`${group.ruleId} — ${group.findings.length}`}</span>
      </Heading>
      <ul className="katip-finding-items" id={listId}>
        {shown.map((f, i) => (
          <FindingItem key={i} finding={f} lang={lang} onJump={onJump} showTckn={showTckn} onOpenProfiles={onOpenProfiles} />
        ))}
      </ul>
      {shown.length < group.findings.length && (
        <button type="button" aria-controls={listId} aria-expanded={false} onClick={() => setShowAll(true)}>
          {t(lang, 'showAll', { n: group.findings.length })}
        </button>
      )}
    </li>
  );
}

interface ItemProps {
  finding: Finding;
  lang: Lang;
  onJump?: (recordIndex: number) => void;
  showTckn: boolean;
  onOpenProfiles?: () => void;
}

function FindingItem({ finding: f, lang, onJump, showTckn, onOpenProfiles }: ItemProps) {
  const show = (text: string) => (showTckn ? text : maskTcknsIn(text, maskTckn));
  const missing = f.result === 'needs-data' ? (f.missing ?? []) : [];
  const profileFact = missing.some((m) => PROFILE_FACTS.includes(m));
  return (
    <li className="katip-finding">
      <div className="katip-finding-head">
        <SeverityBadge kind={findingKind(f)} language={lang} />
        {onJump && f.recordIndex !== undefined ? (
          <button
            type="button"
            aria-label={t(lang, 'jumpToRecordLabel', { n: f.recordIndex + 1 })}
            onClick={() => onJump(f.recordIndex!)}
          >
            {t(lang, 'jumpToRecord')}
          </button>
        ) : f.recordIndex === undefined ? (
          <span className="katip-finding-meta">{t(lang, 'pageLevel')}</span>
        ) : null}
      </div>
      <p className="katip-finding-message">{show(f.message[lang])}</p>
      {missing.length > 0 && (
        <>
          <p className="katip-finding-hint">
            {t(lang, 'missingFacts', { facts: missing.map((m) => factLabel(lang, m)).join(', ') })}
          </p>
          <p className="katip-finding-hint">
            {t(lang, profileFact ? 'missingHintProfile' : 'missingHintPortal')}{' '}
            {profileFact && onOpenProfiles && (
              <button type="button" onClick={onOpenProfiles}>
                {t(lang, 'openProfiles')}
              </button>
            )}
          </p>
        </>
      )}
      {f.counted && f.counted.length > 0 && (
        <p className="katip-finding-meta">
          {t(lang, 'counted')}: {show(f.counted.join('; '))}
        </p>
      )}
      <p className="katip-citation">
        {t(lang, 'citation')}: {f.citation}
      </p>
    </li>
  );
}
