// The in-page findings panel (content script, shadow root): all findings of this portal page
// grouped by rule with counts, a jump to each record, and what each needs-data is missing.
import { useId, useState } from 'react';
import type { Finding, RecordStatus } from '@/utils/rules/types';
import { screenLabel, severityLabel, t, type Lang } from '@/utils/i18n';
import { FindingList } from './FindingList';

export interface PagePanelProps {
  screen: string;
  findings: Finding[];
  counts: Record<RecordStatus, number>;
  language: Lang;
  scanMs: number;
  onJump: (recordIndex: number) => void;
}

export function PagePanel({ screen, findings, counts, language, scanMs, onJump }: PagePanelProps) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const total = counts.error + counts.warn + counts.unknown + counts.ok;
  const summary = (['error', 'warn', 'unknown'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => {
      const l = severityLabel(language, s === 'unknown' ? 'needs-data' : s);
      return `${l.icon} ${counts[s]} ${l.word}`;
    });
  const worst = counts.error ? 'error' : counts.warn ? 'warn' : counts.unknown ? 'needs-data' : 'ok';
  return (
    <section className={`katip-ui katip-panel katip-panel-${worst}`} aria-label={t(language, 'appName')}>
      <button
        type="button"
        className="katip-panel-toggle"
        data-katip-panel-toggle=""
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
        title={t(language, open ? 'panelClose' : 'panelOpen')}
      >
        <strong>{t(language, 'appName')}</strong>{' '}
        <span>
          {t(language, 'panelRecordsChecked', { count: total })}
          {summary.length ? ` · ${summary.join(' · ')}` : ` · ${severityLabel(language, 'ok').icon} ${severityLabel(language, 'ok').word}`}
        </span>
      </button>
      <div id={bodyId} className="katip-panel-body" hidden={!open}>
        <p className="katip-panel-meta">
          {screenLabel(language, screen)} · {Math.round(scanMs)} ms · {t(language, 'panelLocalOnly')}
        </p>
        {findings.length === 0 ? (
          <p role="status">{t(language, 'findingsNone')}</p>
        ) : (
          <FindingList findings={findings} language={language} onJump={onJump} headingLevel={3} />
        )}
      </div>
    </section>
  );
}

/** The panel's own frame: fixed in the corner, px sizes (the portal's font size must not scale it). */
export const PAGE_PANEL_CSS = `
.katip-panel { position: fixed; right: 12px; bottom: 12px; z-index: 2147483645; width: 420px; max-width: calc(100vw - 24px);
  background: #fff; color: #111; border: 2px solid #5b6270; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
  font: 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.katip-panel-error { border-color: #a4161a; }
.katip-panel-warn { border-color: #b26b00; }
.katip-panel-toggle { display: block; width: 100%; text-align: left; padding: 8px 10px; border: 0; background: transparent; cursor: pointer; font: inherit; color: inherit; }
.katip-panel-body { max-height: 60vh; overflow: auto; padding: 0 10px 10px; border-top: 1px solid #d5d8dd; }
.katip-panel-meta { color: #4a4f57; font-size: 12px; margin: 6px 0; }
`;
