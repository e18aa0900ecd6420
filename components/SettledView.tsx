// Shows a page's content only once its first reads have settled, with a skeleton in its place
// until then: lists that arrive one after another would otherwise push what is below them down
// while the user aims at it (a layout shift that moves a click). The content is laid out but hidden
// (visibility, so nothing in it can be clicked or focused); the skeleton lies over it. Reads that
// come later (a refetch keeps the previous data) never hide it again.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

/** A read that never answers does not hide the page longer than this. */
export const SETTLE_TIMEOUT_MS = 3000;
/**
 * no read for this long counts as settled: a task later, when React has drawn the last answer and
 * any read that drawing starts (a list's rows' own reads) is under way; not more: every
 * millisecond here is a millisecond of skeleton (issue 10, was 60)
 */
const QUIET_MS = 0;

export function SettledView({ children, loadingLabel, timeout = SETTLE_TIMEOUT_MS, onSettled }: { children: ReactNode; loadingLabel: string; timeout?: number; onSettled?(): void }) {
  const client = useQueryClient();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(quiet);
      if (client.isFetching() === 0) quiet = setTimeout(() => client.isFetching() === 0 && setReady(true), QUIET_MS);
    };
    const unsubscribe = client.getQueryCache().subscribe(check);
    check();
    const cap = setTimeout(() => setReady(true), timeout);
    return () => {
      unsubscribe();
      clearTimeout(quiet);
      clearTimeout(cap);
    };
  }, [client, ready, timeout]);
  useEffect(() => {
    if (ready) onSettled?.();
    // once, when the content shows
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
  return (
    <div className="katip-settled" aria-busy={!ready}>
      {!ready && (
        <div className="katip-skeleton" role="status">
          <span className="katip-visually-hidden">{loadingLabel}</span>
          {[72, 100, 90, 100, 60, 100, 84].map((width, i) => (
            <span key={i} className="katip-skeleton-line" style={{ width: `${width}%` }} aria-hidden="true" />
          ))}
        </div>
      )}
      <div className={ready ? undefined : 'katip-unsettled'} data-settled={ready ? '' : undefined}>
        {children}
      </div>
    </div>
  );
}
