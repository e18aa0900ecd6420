// A severity or status as icon + word (Hata, Uyarı, Veri eksik, Uygun): never colour alone.
import type { Severity } from '@/utils/rules/types';
import { severityLabel, type Lang } from '@/utils/i18n';
import { Icon } from './Icon';

export type BadgeKind = Severity | 'needs-data' | 'ok';

export function SeverityBadge({ kind, language }: { kind: BadgeKind; language: Lang }) {
  const { word } = severityLabel(language, kind);
  return (
    <span className={`katip-badge katip-badge-${kind}`}>
      <Icon name={kind} size={12} />
      {word}
    </span>
  );
}

/** The start of a message line: the severity's icon and word ("Hata: …", "Uyarı: …"), no glyph font. */
export function SeverityPrefix({ kind, language }: { kind: BadgeKind; language: Lang }) {
  return (
    <>
      <Icon name={kind} size={14} className="katip-icon-lead" />
      {`${severityLabel(language, kind).word}: `}
    </>
  );
}
