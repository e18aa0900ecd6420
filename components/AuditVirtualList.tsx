// A windowed list for the audit's long tables: only the rows in view (plus a margin) are rendered,
// and only they are asked of their source (the audit's worker), a page at a time, so 20,000
// contracts scroll as smoothly as 20 and never cross to the page at once. Rows have one fixed
// height; the list is an ARIA table whose rows carry aria-rowindex, and it scrolls by keyboard.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { RowsPage } from '@/utils/audit/views';

export interface AuditColumn<T> {
  id: string;
  header: string;
  /** CSS grid track, e.g. "6rem" or "minmax(12rem, 2fr)" */
  width: string;
  cell: (row: T, index: number) => ReactNode;
  align?: 'start' | 'end';
}

/** Rows read a page at a time: `fetch` is asked only for the pages the list has in view. */
export interface PagedRows<T> {
  /** undefined until the first page has come */
  total: number | undefined;
  rowAt: (i: number) => T | undefined;
  /** the list shows rows first..last-1: fetch the pages they fall in */
  want: (first: number, last: number) => void;
  /** changes when the rows do (a new filter): the list scrolls back to the top */
  key: string;
}

export const PAGE_ROWS = 100;

/**
 * The rows of one view, fetched page by page. A new `key` (filter, search) starts again from the
 * first page; answers for an older key are dropped.
 */
export function usePagedRows<T>(key: string, fetch: (from: number, count: number) => Promise<RowsPage<T>>, pageRows = PAGE_ROWS): PagedRows<T> {
  const [state, setState] = useState<{ key: string; total: number | undefined; pages: Map<number, T[]> }>({ key, total: undefined, pages: new Map() });
  const asked = useRef<{ key: string; pages: Set<number> }>({ key, pages: new Set() });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const load = useCallback(
    (page: number) => {
      if (asked.current.key !== key) asked.current = { key, pages: new Set() };
      if (asked.current.pages.has(page)) return;
      asked.current.pages.add(page);
      fetchRef
        .current(page * pageRows, pageRows)
        .then((got) =>
          setState((s) => {
            const base = s.key === key ? s : { key, total: undefined, pages: new Map<number, T[]>() };
            const pages = new Map(base.pages);
            pages.set(page, got.items);
            return { key, total: got.total, pages };
          }),
        )
        .catch(() => asked.current.key === key && asked.current.pages.delete(page));
    },
    [key, pageRows],
  );
  useEffect(() => load(0), [load]);
  const want = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / pageRows); p * pageRows < last; p++) load(p);
    },
    [load, pageRows],
  );
  const current = state.key === key ? state : { key, total: undefined, pages: new Map<number, T[]>() };
  return { key, total: current.total, rowAt: (i) => current.pages.get(Math.floor(i / pageRows))?.[i % pageRows], want };
}

export interface AuditVirtualListProps<T> {
  rows: PagedRows<T>;
  columns: readonly AuditColumn<T>[];
  label: string;
  rowHeight?: number;
  /** the viewport's height in px */
  height?: number;
  rowKey: (row: T, index: number) => string | number;
  rowClass?: (row: T) => string | undefined;
  /** rows rendered beyond each edge of the viewport */
  overscan?: number;
  empty?: ReactNode;
  /** shown in a row whose page has not come yet */
  loading?: string;
}

export function AuditVirtualList<T>({ rows, columns, label, rowHeight = 44, height = 560, rowKey, rowClass, overscan = 8, empty, loading = '…' }: AuditVirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // back to the top when the rows change (a new filter)
  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [rows.key]);
  const template = columns.map((c) => c.width).join(' ');
  const total = rows.total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const { want } = rows;
  useEffect(() => {
    if (last > first) want(first, last);
  }, [want, first, last]);
  const visible: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = rows.rowAt(i);
    const style = { transform: `translateY(${i * rowHeight}px)`, height: rowHeight, gridTemplateColumns: template };
    visible.push(
      row === undefined ? (
        <div role="row" aria-rowindex={i + 2} aria-busy="true" key={`loading-${i}`} className="audit-vrow audit-vrow-loading" style={style}>
          <div role="cell" className="audit-cell">
            {loading}
          </div>
        </div>
      ) : (
        <div role="row" aria-rowindex={i + 2} key={rowKey(row, i)} className={`audit-vrow ${rowClass?.(row) ?? ''}`} style={style}>
          {columns.map((c) => (
            <div role="cell" key={c.id} className={c.align === 'end' ? 'audit-cell audit-cell-end' : 'audit-cell'}>
              {c.cell(row, i)}
            </div>
          ))}
        </div>
      ),
    );
  }
  return (
    <div className="audit-vtable" role="table" aria-label={label} aria-rowcount={total + 1} aria-busy={rows.total === undefined}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="audit-vhead" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div role="columnheader" key={c.id} className={c.align === 'end' ? 'audit-cell audit-cell-end' : 'audit-cell'}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      {rows.total === undefined ? (
        <p className="audit-empty" role="status">
          {loading}
        </p>
      ) : total === 0 ? (
        <p className="audit-empty">{empty}</p>
      ) : (
        <div
          ref={viewport}
          role="rowgroup"
          className="audit-viewport"
          tabIndex={0}
          aria-label={label}
          style={{ height: Math.min(height, total * rowHeight + 2) }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div className="audit-spacer" style={{ height: total * rowHeight }}>
            {visible}
          </div>
        </div>
      )}
    </div>
  );
}
