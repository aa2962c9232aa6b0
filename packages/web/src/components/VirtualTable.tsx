import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

interface Props<T> {
  items: readonly T[];
  /** Fixed row height in px: windowing needs it to place rows without measuring each one. */
  rowHeight: number;
  /** Rows rendered above and below the visible window so fast scrolling does not flash blanks. */
  overscan?: number;
  caption: string;
  head: ReactNode;
  columns: number;
  rowKey: (item: T) => string;
  row: (item: T, index: number) => ReactNode;
  className?: string;
}

/**
 * A table that renders only the rows in view (windowing): a spacer row above and below stands in for the
 * rest, so 10,000 rows cost the same DOM as 30. aria-rowcount/aria-rowindex tell screen readers where they are.
 */
export function VirtualTable<T>({
  items,
  rowHeight,
  overscan = 8,
  caption,
  head,
  columns,
  rowKey,
  row,
  className,
}: Props<T>) {
  const ref = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 600);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Coalesce scroll events to one state update per frame.
  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setScrollTop(ref.current?.scrollTop ?? 0);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const total = items.length;
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const padTop = start * rowHeight;
  const padBottom = (total - end) * rowHeight;

  return (
    <section
      className={`vtable ${className ?? ''}`}
      ref={ref}
      onScroll={onScroll}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      aria-label={caption}
      data-testid="vtable"
    >
      <table className="table" aria-rowcount={total + 1} style={{ ['--row-h' as string]: `${rowHeight}px` }}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>{head}</tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no content and nothing focusable
            <tr aria-hidden="true" className="vpad">
              <td colSpan={columns} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.slice(start, end).map((item, i) => (
            <tr key={rowKey(item)} aria-rowindex={start + i + 2} style={{ height: rowHeight }}>
              {row(item, start + i)}
            </tr>
          ))}
          {padBottom > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds no content and nothing focusable
            <tr aria-hidden="true" className="vpad">
              <td colSpan={columns} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
