import { useId } from 'react';

export interface Series {
  key: string;
  label: string;
}

/**
 * Stacked column chart drawn as SVG. Series colours come from `--series-N` (chosen for ≥ 3:1 contrast against the
 * card in both themes, and told apart by a colour-blind-safe hue order); segments are separated by a gap so no
 * two colours need to contrast with each other, the legend names every series, and the same numbers are in a
 * table underneath.
 */
export function StackedChart({
  title,
  categoryLabel,
  categories,
  series,
  values,
}: {
  title: string;
  categoryLabel: string;
  categories: string[];
  series: Series[];
  /** values[category][series] */
  values: number[][];
}) {
  const id = useId();
  const width = 460;
  const height = 230;
  const left = 36;
  const bottom = 28;
  const top = 8;
  const plotH = height - top - bottom;
  const totals = categories.map((_, i) => (values[i] ?? []).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const step = (width - left - 8) / Math.max(1, categories.length);
  const colW = Math.max(6, step * 0.62);
  const ticks = [0, Math.ceil(max / 2), max];
  const labelEvery = Math.max(1, Math.ceil(categories.length / 8));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const summary = categories
    .map((c, i) => `${c}: ${totals[i]}`)
    .filter((_, i) => totals[i])
    .join(', ');
  return (
    <figure className="barchart stacked" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${summary || 'none'}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - 4} y1={y(t)} y2={y(t)} className="grid-line" />
            <text x={left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" className="axis-label">
              {t}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const x = left + i * step + (step - colW) / 2;
          let acc = 0;
          return (
            <g key={c}>
              {series.map((s, j) => {
                const v = values[i]?.[j] ?? 0;
                if (!v) return null;
                const y0 = y(acc + v);
                const h = y(acc) - y0;
                acc += v;
                return (
                  <rect
                    key={s.key}
                    x={x}
                    y={y0}
                    width={colW}
                    height={Math.max(1, h - 1.5)}
                    className={`series-${j % 9}`}
                  />
                );
              })}
              {/* Many columns: label at most ~8, always the latest (the table has them all). */}
              {(categories.length - 1 - i) % labelEvery ? null : (
                <text x={x + colW / 2} y={height - bottom + 16} textAnchor="middle" className="axis-label">
                  {c}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {series.map((s, j) => (
          <li key={s.key}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" rx="2" className={`series-${j % 9}`} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
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
                <th scope="col">{categoryLabel}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  {series.map((s, j) => (
                    <td key={s.key} className="num">
                      {values[i]?.[j] ?? 0}
                    </td>
                  ))}
                  <td className="num">{totals[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}
