// A windowed list for the audit's long tables: only the rows in view (plus a margin) are rendered,
// so 20,000 contracts scroll as smoothly as 20. Rows have one fixed height; the list is an ARIA
// table whose rows carry aria-rowindex, and it scrolls by keyboard (it is focusable).
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface AuditColumn<T> {
  id: string;
  header: string;
  /** CSS grid track, e.g. "6rem" or "minmax(12rem, 2fr)" */
  width: string;
  cell: (row: T, index: number) => ReactNode;
  align?: 'start' | 'end';
}

export interface AuditVirtualListProps<T> {
  rows: readonly T[];
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
}

export function AuditVirtualList<T>({
  rows,
  columns,
  label,
  rowHeight = 44,
  height = 560,
  rowKey,
  rowClass,
  overscan = 8,
  empty,
}: AuditVirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // back to the top when the rows change (a new filter)
  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [rows]);
  const template = columns.map((c) => c.width).join(' ');
  const total = rows.length;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const visible: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = rows[i]!;
    visible.push(
      <div
        role="row"
        aria-rowindex={i + 2}
        key={rowKey(row, i)}
        className={`audit-vrow ${rowClass?.(row) ?? ''}`}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight, gridTemplateColumns: template }}
      >
        {columns.map((c) => (
          <div role="cell" key={c.id} className={c.align === 'end' ? 'audit-cell audit-cell-end' : 'audit-cell'}>
            {c.cell(row, i)}
          </div>
        ))}
      </div>,
    );
  }
  return (
    <div className="audit-vtable" role="table" aria-label={label} aria-rowcount={total + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="audit-vhead" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div role="columnheader" key={c.id} className={c.align === 'end' ? 'audit-cell audit-cell-end' : 'audit-cell'}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      {total === 0 ? (
        <p className="audit-empty">{empty}</p>
      ) : (
        <div
          ref={viewport}
          role="rowgroup"
          className="audit-viewport"
          tabIndex={0}
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
