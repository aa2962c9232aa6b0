import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { CalcDefinition, CalcResult } from '../api/types';
import { useApi } from '../api/useApi';
import { Empty, ErrorBanner, Loading, PageHeader } from '../components/ui';
import { navigate, useLocation } from '../router';
import { CalcInputField, type CalcValues, initialValues, inputError, toRequest } from './CalcForm';
import { CalcResultView } from './CalcResultView';

async function loadDefinitions(signal: AbortSignal): Promise<CalcDefinition[]> {
  const r = await api.get<CalcDefinition[] | { items: CalcDefinition[] }>('/api/calc', undefined, signal);
  return Array.isArray(r) ? r : r.items;
}

function Unavailable({ error }: { error: ApiError }) {
  return (
    <div className="banner banner-warn" role="alert">
      <strong>The calculations engine is not available on this server yet.</strong> {error.detail}. Ask your
      administrator to update Apotheca; no calculation can be run until then.
    </div>
  );
}

export default function Calculator() {
  const { query } = useLocation();
  const defs = useApi(loadDefinitions, []);
  const [filter, setFilter] = useState('');
  const [values, setValues] = useState<Record<string, CalcValues>>({});
  const [result, setResult] = useState<{ id: string; res: CalcResult }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const list = defs.data ?? [];
  const selected = list.find((d) => d.id === query.get('id')) ?? list[0];
  const grouped = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const m = new Map<string, CalcDefinition[]>();
    for (const d of list) {
      if (f && !`${d.title} ${d.category} ${d.description}`.toLowerCase().includes(f)) continue;
      m.set(d.category, [...(m.get(d.category) ?? []), d]);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [list, filter]);

  if (defs.loading) return <Loading label="Loading calculations…" />;
  if (defs.error)
    return (
      <>
        <PageHeader title="Calculator" />
        {defs.error.status === 404 ? <Unavailable error={defs.error} /> : <ErrorBanner error={defs.error} />}
      </>
    );
  if (!selected)
    return (
      <>
        <PageHeader title="Calculator" />
        <Empty>No calculations are defined on this server.</Empty>
      </>
    );

  const current = values[selected.id] ?? initialValues(selected);
  const shown = result?.id === selected.id ? result.res : undefined;
  const choose = (id: string) => {
    setError(undefined);
    navigate(`/calculator?id=${encodeURIComponent(id)}`);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!selected) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<CalcResult>(`/api/calc/${encodeURIComponent(selected.id)}`, {
        inputs: toRequest(selected, current),
      });
      setResult({ id: selected.id, res });
    } catch (err) {
      setResult(undefined);
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title="Calculator"
        subtitle="Clinical and dispensing calculations with the full working shown"
      />
      <div className="calc-layout">
        <nav className="calc-list card" aria-label="Calculations">
          <div className="field">
            <label htmlFor="calc-filter">Find a calculation</label>
            <input
              id="calc-filter"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          {grouped.map(([cat, items]) => (
            <div key={cat} className="calc-group">
              <h2 className="calc-cat">{cat}</h2>
              <ul>
                {items.map((d) => (
                  <li key={d.id}>
                    <button
                      type="button"
                      className="calc-item"
                      aria-current={d.id === selected.id ? 'true' : undefined}
                      onClick={() => choose(d.id)}
                    >
                      {d.title}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="calc-main">
          <form className="card" onSubmit={submit} aria-labelledby="calc-title" noValidate>
            <div className="card-head">
              <h2 id="calc-title">{selected.title}</h2>
            </div>
            <p className="calc-desc">{selected.description}</p>
            {error ? (
              error.status === 404 ? (
                <Unavailable error={error} />
              ) : (
                <ErrorBanner error={error} title="Not calculated" />
              )
            ) : null}
            <div className="form-grid">
              {selected.inputs.map((i) => (
                <CalcInputField
                  key={i.name}
                  input={i}
                  value={current[i.name] ?? { value: '', unit: '' }}
                  error={inputError(error, i.name)}
                  onChange={(v) =>
                    setValues((all) => ({ ...all, [selected.id]: { ...current, [i.name]: v } }))
                  }
                />
              ))}
            </div>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? 'Calculating…' : 'Calculate'}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  setValues((all) => ({ ...all, [selected.id]: initialValues(selected) }));
                  setResult(undefined);
                  setError(undefined);
                }}
              >
                Clear
              </button>
            </div>
            <p className="hint">Source: {selected.source}</p>
          </form>
          {shown ? <CalcResultView result={shown} /> : null}
        </div>
      </div>
    </>
  );
}
