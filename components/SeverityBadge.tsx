// A severity or status as icon + word (Hata, Uyarı, Veri eksik, Uygun): never colour alone.
import type { Severity } from '@/utils/rules/types';
import { severityLabel, type Lang } from '@/utils/i18n';

export type BadgeKind = Severity | 'needs-data' | 'ok';

export function SeverityBadge({ kind, language }: { kind: BadgeKind; language: Lang }) {
  const { icon, word } = severityLabel(language, kind);
  return (
    <span className={`katip-badge katip-badge-${kind}`}>
      <span aria-hidden="true">{icon}</span>
      {word}
    </span>
  );
}
