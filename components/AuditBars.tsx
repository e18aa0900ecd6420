// Required against assigned minutes per workplace and role, as labelled inline SVG bars: the
// figures are written beside every bar, and a shortfall is named in words, never by colour alone.
import type { Lang } from '@/utils/i18n';
import { ROLES } from '@/utils/domain/core';
import type { AuditWorkplace } from '@/utils/audit/audit';
import { at, displayTitle, num, ROLE_WORDS } from '@/utils/audit/i18n';

const BAR_H = 12;
const GAP = 4;
const LABEL_W = 250;
const BAR_W = 360;
const TEXT_W = 250;

export function AuditBars({ workplaces, lang, onSelect }: { workplaces: AuditWorkplace[]; lang: Lang; onSelect?: (key: string) => void }) {
  const items = workplaces.flatMap((w) =>
    ROLES.filter((r) => w.roles && w.roles[r].status !== 'not-required').map((r) => ({ w, fig: w.roles![r] })),
  );
  if (items.length === 0) return <p>{at(lang, 'none')}</p>;
  const max = Math.max(1, ...items.map(({ fig }) => Math.max(fig.requiredMinutes, fig.providedMinutes)));
  const rowH = BAR_H * 2 + GAP * 3;
  const height = items.length * rowH + 24;
  const scale = (n: number) => Math.max(n > 0 ? 2 : 0, (n / max) * BAR_W);
  return (
    <figure className="audit-bars">
      <svg
        role="img"
        aria-labelledby="audit-bars-title"
        viewBox={`0 0 ${LABEL_W + BAR_W + TEXT_W} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="audit-bars-title">{at(lang, 'barsTitle')}</title>
        <g className="audit-bars-legend" transform="translate(0, 12)">
          <rect x={LABEL_W} y={-9} width={12} height={10} className="audit-bar-required" />
          <text x={LABEL_W + 16} y={0}>{at(lang, 'required')}</text>
          <rect x={LABEL_W + 110} y={-9} width={12} height={10} className="audit-bar-assigned" />
          <text x={LABEL_W + 126} y={0}>{at(lang, 'assigned')}</text>
        </g>
        {items.map(({ w, fig }, i) => {
          const y = 24 + i * rowH;
          const short = fig.shortfallMinutes > 0 || fig.missingFullTime > 0;
          const name = `${displayTitle(w.title) ?? w.sicilNo ?? w.key} — ${ROLE_WORDS[fig.role][lang]}`;
          const note = short
            ? [fig.shortfallMinutes > 0 ? at(lang, 'shortBy', { n: num(lang, fig.shortfallMinutes) }) : '', fig.missingFullTime > 0 ? at(lang, 'fullTimeShort', { n: fig.missingFullTime }) : '']
                .filter(Boolean)
                .join(', ')
            : at(lang, 'barMet');
          return (
            <g key={`${w.key}-${fig.role}`} className={short ? 'audit-bar-row audit-bar-short' : 'audit-bar-row'} onClick={onSelect ? () => onSelect(w.key) : undefined}>
              <text x={0} y={y + BAR_H + 2} className="audit-bar-label">
                {name.length > 38 ? `${name.slice(0, 36)}…` : name}
              </text>
              <rect x={LABEL_W} y={y} width={scale(fig.requiredMinutes)} height={BAR_H} className="audit-bar-required" />
              <rect x={LABEL_W} y={y + BAR_H + GAP} width={scale(fig.providedMinutes)} height={BAR_H} className="audit-bar-assigned" />
              <text x={LABEL_W + BAR_W + 8} y={y + BAR_H + 2} className="audit-bar-value">
                {`${num(lang, fig.requiredMinutes)} / ${num(lang, fig.providedMinutes)} ${at(lang, 'min')}${short ? ' — ' : ' · '}${note}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
