import type { CalcResult } from '../api/types';

/** weightUsedKg → "Weight used kg": the engine's extra keys are camelCase identifiers. */
const humanize = (k: string) => {
  const words = k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function CalcResultView({ result }: { result: CalcResult }) {
  return (
    <section className="card result" aria-labelledby="result-h" aria-live="polite">
      <div className="card-head">
        <h2 id="result-h">Result</h2>
      </div>
      <p className="result-value" data-testid="calc-result">
        {result.display}
      </p>
      {result.warnings.length ? (
        <ul className="warnings" aria-label="Warnings">
          {result.warnings.map((w) => (
            <li key={w} className="banner banner-warn">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Formula</h3>
      <pre className="formula">{result.formula}</pre>
      {result.steps.length ? (
        <>
          <h3>Working</h3>
          <table className="table compact steps">
            <caption className="sr-only">Calculation steps</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Expression</th>
                <th scope="col" className="num">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {result.steps.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered, static list
                <tr key={i}>
                  <td>{s.label}</td>
                  <td className="mono">{s.expression}</td>
                  <td className="num mono">{s.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <dl className="details">
        {Object.entries(result.extra ?? {}).map(([k, v]) => (
          <div key={k}>
            <dt>{humanize(k)}</dt>
            <dd className={typeof v === 'number' ? 'mono' : undefined}>
              {typeof v === 'number' ? Number(v.toPrecision(6)) : v}
            </dd>
          </div>
        ))}
        {result.rounding ? (
          <div>
            <dt>Rounding</dt>
            <dd>{result.rounding}</dd>
          </div>
        ) : null}
        <div>
          <dt>Source</dt>
          <dd>{result.source}</dd>
        </div>
      </dl>
    </section>
  );
}
