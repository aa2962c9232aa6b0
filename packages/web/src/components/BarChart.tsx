import { useId } from 'react';
import { Link } from '../router';

export interface Bar {
  key: string;
  label: string;
  value: number;
  note?: string;
  /** Longer text for the table's third column (defaults to `note`, which is also drawn beside the bar). */
  detail?: string;
  /** Draw attention (e.g. a queue with waiters): a darker, hatched bar, never colour alone. */
  emphasis?: boolean;
  href?: string;
}

/**
 * Horizontal bar chart drawn as SVG (no charting library). The picture is one labelled image; the same numbers
 * are available as a real table underneath for screen readers and for anyone who prefers reading them.
 */
export function BarChart({
  title,
  bars,
  unit = '',
  columns = ['State', 'Count', 'Oldest'],
  compact = false,
}: {
  title: string;
  bars: Bar[];
  unit?: string;
  /** Headers of the table fallback: label, value, note. */
  columns?: [string, string, string];
  /** Narrower drawing for half-width cards, so its text stays readable when scaled down. */
  compact?: boolean;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 30;
  const labelW = compact ? 96 : 150;
  const valueW = compact ? 120 : 110;
  const width = compact ? 440 : 640;
  const plotW = width - labelW - valueW;
  const height = bars.length * rowH + 8;
  const summary = bars.map((b) => `${b.label} ${b.value}${unit}`).join(', ');
  return (
    <figure className="barchart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${summary}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="bar-emph" />
            <line x1="0" y1="0" x2="0" y2="6" className="bar-hatch" strokeWidth="2" />
          </pattern>
        </defs>
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          const w = b.value ? Math.max(3, (b.value / max) * plotW) : 0;
          return (
            <g key={b.key}>
              <text
                x={labelW - 8}
                y={y + rowH / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="bar-label"
              >
                {b.label}
              </text>
              <rect x={labelW} y={y + 4} width={plotW} height={rowH - 8} className="bar-track" rx="3" />
              {w ? (
                <rect
                  x={labelW}
                  y={y + 4}
                  width={w}
                  height={rowH - 8}
                  rx="3"
                  className="bar"
                  fill={b.emphasis ? `url(#${id}-hatch)` : undefined}
                />
              ) : null}
              <text x={labelW + plotW + 8} y={y + rowH / 2} dominantBaseline="middle" className="bar-value">
                {b.value}
                {unit}
                {b.note ? ` · ${b.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>Show as a table</summary>
        {/* Scrolls inside the card rather than widening the page. */}
        <section
          className="table-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
          tabIndex={0}
          aria-label={`${title} (table)`}
        >
          <table className="table compact">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                <th scope="col" className="num">
                  {columns[1]}
                </th>
                <th scope="col">{columns[2]}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{b.href ? <Link href={b.href}>{b.label}</Link> : b.label}</th>
                  <td className="num">{b.value}</td>
                  <td>{b.detail ?? b.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}
