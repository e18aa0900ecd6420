// "Bu sayfayı hata bildirimi için kaydet" (issue 7 §5), in the popup and the side panel: asks the
// tab's top frame for its sanitised snapshot (utils/page-data/snapshot.ts, made in the page by a
// script injected on the click, entrypoints/snapshot.ts) and saves it from this extension page
// through a Blob and <a download>: no download permission, no network. The status line says what was replaced.
import { useId, useState } from 'react';
import type { SnapshotResponse } from '@/utils/page-data/snapshot';
import { t, type Lang } from '@/utils/i18n';
import { downloadText } from './download';
import { errorText } from './hooks';
import { Icon } from './Icon';

const FILE_NAME = /^katip-sayfa-[0-9-]{1,40}\.html$/;
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

/** The injected script's answer, checked (a missing or odd answer is "the page did not answer"). */
export function readSnapshotAnswer(answer: unknown, now: Date = new Date()): SnapshotResponse | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as Partial<SnapshotResponse>;
  if (a.type !== 'snapshot' || typeof a.html !== 'string' || a.html.length === 0) return undefined;
  const stamp = now.toISOString().slice(0, 16).replace(/[T:]/g, '-');
  return {
    type: 'snapshot',
    html: a.html,
    fileName: typeof a.fileName === 'string' && FILE_NAME.test(a.fileName) ? a.fileName : `katip-sayfa-${stamp}.html`,
    replaced: { tckn: count(a.replaced?.tckn), sicil: count(a.replaced?.sicil), names: count(a.replaced?.names) },
    frames: { inlined: count(a.frames?.inlined), skipped: count(a.frames?.skipped) },
  };
}

type Status = { kind: 'busy' } | { kind: 'done'; snapshot: SnapshotResponse } | { kind: 'failed'; detail?: string };

export interface SnapshotButtonProps {
  lang: Lang;
  /** asks the tab's top frame for its snapshot (undefined when there is no tab) */
  request: (() => Promise<unknown>) | undefined;
  /** saves the file (default: a Blob and <a download> in this page) */
  save?: (fileName: string, html: string) => void;
}

export function SnapshotButton({ lang, request, save = (name, html) => downloadText(name, html, 'text/html;charset=utf-8') }: SnapshotButtonProps) {
  const [status, setStatus] = useState<Status | undefined>();
  const helpId = useId();
  const onClick = async () => {
    if (!request) return;
    setStatus({ kind: 'busy' });
    try {
      const snapshot = readSnapshotAnswer(await request());
      if (!snapshot) {
        setStatus({ kind: 'failed' });
        return;
      }
      save(snapshot.fileName, snapshot.html);
      setStatus({ kind: 'done', snapshot });
    } catch (error) {
      setStatus({ kind: 'failed', detail: errorText(error) });
    }
  };
  let line = '';
  if (status?.kind === 'busy') line = t(lang, 'snapshotBusy');
  else if (status?.kind === 'failed') line = t(lang, 'snapshotFailed');
  else if (status?.kind === 'done') {
    const { fileName, replaced, frames } = status.snapshot;
    line = `${t(lang, 'snapshotDone', { file: fileName })} ${t(lang, 'snapshotReplaced', { tckn: replaced.tckn, sicil: replaced.sicil, names: replaced.names })}`;
    if (frames.inlined + frames.skipped > 0) line += ` ${t(lang, 'snapshotFrames', { inlined: frames.inlined, skipped: frames.skipped })}`;
  }
  return (
    <div className="katip-snapshot">
      <button type="button" onClick={() => void onClick()} disabled={!request || status?.kind === 'busy'} aria-describedby={helpId}>
        <Icon name="download" size={14} />
        {t(lang, 'snapshotButton')}
      </button>
      <p id={helpId} className="katip-field-hint">
        {t(lang, 'snapshotHelp')}
      </p>
      <p role="status" className={`katip-snapshot-status${status?.kind === 'failed' ? ' katip-error-text' : ''}`} title={status?.kind === 'failed' ? status.detail : undefined}>
        {line}
      </p>
    </div>
  );
}
