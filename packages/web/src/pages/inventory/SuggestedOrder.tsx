import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { fmtCents } from '../../api/claims';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, Field, Loading } from '../../components/ui';
import { useSession } from '../../session';
import { type CatalogueItem, isScheduleII, lineIndexOf, type Suggestion, type Supplier } from './purchasing';

interface Pick {
  on: boolean;
  packages: string;
}
const nameOf = (s: Suggestion) => s.description ?? fmtNdc(s.ndc11);

/**
 * Suggested order (usage × lead time + safety, par) at the selected site. A buyer ticks lines (all suggested
 * lines are ticked), edits the number of packages, picks a supplier and creates the purchase order as a draft.
 */
export function SuggestedOrder({ onCreated }: { onCreated: (poId: string) => void }) {
  const { site, can } = useSession();
  const canBuy = can('purchasing.manage');
  const [all, setAll] = useState(false);
  const sugg = useApi(
    (signal) =>
      api.get<Items<Suggestion>>(
        '/api/purchasing/suggestions',
        { siteId: site?.id, all: all ? 'true' : undefined },
        signal,
      ),
    [site?.id, all],
  );
  const suppliers = useApi(
    (signal) =>
      canBuy
        ? api.get<Items<Supplier>>('/api/purchasing/suppliers', undefined, signal)
        : Promise.resolve(null),
    [canBuy],
  );
  const [supplierId, setSupplierId] = useState('');
  useEffect(() => {
    const first = suppliers.data?.items[0];
    if (first) setSupplierId((cur) => cur || first.id);
  }, [suppliers.data]);
  const catalogue = useApi(
    (signal) =>
      supplierId
        ? api.get<Items<CatalogueItem>>(
            `/api/purchasing/suppliers/${encodeURIComponent(supplierId)}/catalogue`,
            undefined,
            signal,
          )
        : Promise.resolve(null),
    [supplierId],
  );
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  useEffect(() => {
    setPicks((cur) => {
      const next: Record<string, Pick> = {};
      for (const s of sugg.data?.items ?? [])
        next[s.ndc11] = cur[s.ndc11] ?? { on: s.packages > 0, packages: String(s.packages || '') };
      return next;
    });
  }, [sugg.data]);
  const [dea222, setDea222] = useState('');
  const [csos, setCsos] = useState('');
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [apiError, setApiError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const items = sugg.data?.items ?? [];
  // Problems still standing: editing a line clears its own; a server error on no line stays until resubmitted.
  const summary = [...Object.values(fieldErrors), ...Object.values(lineErrors)];
  if (summary.length && apiError) summary.unshift(apiError.detail);
  const catBy = new Map((catalogue.data?.items ?? []).map((c) => [c.ndc11, c]));
  const supplierName = suppliers.data?.items.find((s) => s.id === supplierId)?.name ?? 'the supplier';
  /** Price per package: the supplier's catalogue, else the site's unit cost × package size. */
  const priceOf = (s: Suggestion): { cents: number; from: 'catalogue' | 'site cost' } | null => {
    const c = catBy.get(s.ndc11);
    if (c) return { cents: c.package_cost_cents, from: 'catalogue' };
    if (s.unitCostCents !== null)
      return { cents: Math.round(s.unitCostCents * s.packageQty), from: 'site cost' };
    return null;
  };
  const chosen = items.filter((s) => picks[s.ndc11]?.on);
  const ciiChosen = chosen.filter((s) => isScheduleII(s.deaSchedule));
  const total = chosen.reduce((sum, s) => {
    const n = Number(picks[s.ndc11]?.packages);
    const p = priceOf(s);
    return sum + (Number.isInteger(n) && n > 0 && p ? n * p.cents : 0);
  }, 0);
  const setPick = (ndc11: string, change: Partial<Pick>) =>
    setPicks((cur) => ({ ...cur, [ndc11]: { on: false, packages: '', ...cur[ndc11], ...change } }));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!site) return;
    const lineErr: Record<string, string> = {};
    const fieldErr: Record<string, string> = {};
    const lines = chosen.map((s, i) => {
      const n = Number(picks[s.ndc11]?.packages);
      if (!Number.isInteger(n) || n < 1)
        lineErr[s.ndc11] = `Line ${i + 1} (${nameOf(s)}): packages must be a whole number of at least 1`;
      const inCatalogue = catBy.has(s.ndc11);
      const price = priceOf(s);
      if (!price)
        lineErr[s.ndc11] ??=
          `Line ${i + 1} (${nameOf(s)}): no price — ${supplierName} does not list this NDC and the site has no unit cost`;
      return inCatalogue || !price
        ? { ndc11: s.ndc11, packages: n }
        : { ndc11: s.ndc11, packages: n, packageQty: s.packageQty, packageCostCents: price.cents };
    });
    if (!supplierId) fieldErr.supplierId = 'Choose the supplier to order from';
    if (!chosen.length) fieldErr.lines = 'Tick at least one line to order';
    if (ciiChosen.length && !dea222.trim() && !csos.trim())
      fieldErr.deaForm222Number = `Schedule II lines (${ciiChosen.map(nameOf).join(', ')}) need a DEA Form 222 or CSOS order number`;
    setLineErrors(lineErr);
    setFieldErrors(fieldErr);
    setApiError(undefined);
    const problems = [...Object.values(fieldErr), ...Object.values(lineErr)];
    if (problems.length) return;
    setBusy(true);
    try {
      const po = await api.post<{ id: string; po_number: string }>('/api/purchasing/orders', {
        siteId: site.id,
        supplierId,
        ...(dea222.trim() ? { deaForm222Number: dea222.trim() } : {}),
        ...(csos.trim() ? { csosOrderNumber: csos.trim() } : {}),
        lines,
      });
      onCreated(po.id);
    } catch (err) {
      const ae = err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
      const le: Record<string, string> = {};
      const fe: Record<string, string> = {};
      for (const fErr of ae.errors) {
        const i = lineIndexOf(fErr.field);
        const s = i === undefined ? undefined : chosen[i];
        if (s && i !== undefined) le[s.ndc11] = `Line ${i + 1} (${nameOf(s)}): ${fErr.reason}`;
        else fe[fErr.field.replace(/^body\./, '')] = fErr.reason;
      }
      setLineErrors(le);
      setFieldErrors(fe);
      setApiError(ae);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="sugg-h">
      <div className="card-head">
        <h2 id="sugg-h">Suggested order</h2>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show every
          product
        </label>
      </div>
      {sugg.loading ? <Loading /> : null}
      {sugg.error ? <ErrorBanner error={sugg.error} /> : null}
      {sugg.data && !items.length ? (
        <Empty>Nothing to order: every product is above its reorder point.</Empty>
      ) : null}
      <form onSubmit={create} noValidate aria-label="New purchase order">
        {items.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="suggestions">
              <caption className="sr-only">
                Suggested order lines{canBuy ? ': tick the lines to order and set the packages' : ''}
              </caption>
              <thead>
                <tr>
                  {canBuy ? (
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Order every line"
                        checked={chosen.length === items.length}
                        onChange={(e) => {
                          const on = e.target.checked;
                          for (const s of items) setPick(s.ndc11, { on });
                        }}
                      />
                    </th>
                  ) : null}
                  <th scope="col">Product</th>
                  <th scope="col">NDC</th>
                  <th scope="col">ABC</th>
                  <th scope="col" className="num">
                    Daily use
                  </th>
                  <th scope="col" className="num">
                    On hand
                  </th>
                  <th scope="col" className="num">
                    On order
                  </th>
                  <th scope="col" className="num">
                    Reorder at
                  </th>
                  <th scope="col" className="num">
                    Suggested
                  </th>
                  {canBuy ? (
                    <>
                      <th scope="col" className="num">
                        Packages
                      </th>
                      <th scope="col" className="num">
                        Price / pack
                      </th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((s) => {
                  const pick = picks[s.ndc11];
                  const err = lineErrors[s.ndc11];
                  const errId = `sugg-err-${s.ndc11}`;
                  const price = priceOf(s);
                  return (
                    <Fragment key={s.ndc11}>
                      <tr className={pick?.on ? 'row-current' : undefined}>
                        {canBuy ? (
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Order ${nameOf(s)}`}
                              checked={pick?.on ?? false}
                              onChange={(e) => setPick(s.ndc11, { on: e.target.checked })}
                            />
                          </td>
                        ) : null}
                        <td>
                          {nameOf(s)} {s.highCost ? <Badge tone="info">high cost</Badge> : null}{' '}
                          {s.deaSchedule ? (
                            <Badge tone={isScheduleII(s.deaSchedule) ? 'bad' : 'warn'}>{s.deaSchedule}</Badge>
                          ) : null}
                        </td>
                        <td className="mono nowrap">{fmtNdc(s.ndc11)}</td>
                        <td>{s.abc}</td>
                        <td className="num">{s.averageDailyUse}</td>
                        <td className="num">{s.onHand}</td>
                        <td className="num">{s.onOrder}</td>
                        <td className="num">{s.reorderPoint}</td>
                        <td className="num nowrap">
                          {s.packages} × {s.packageQty}
                        </td>
                        {canBuy ? (
                          <>
                            <td className="num">
                              <input
                                type="number"
                                min={1}
                                step={1}
                                inputMode="numeric"
                                size={4}
                                className="qty-input"
                                aria-label={`Packages of ${nameOf(s)}`}
                                aria-invalid={Boolean(err)}
                                aria-describedby={err ? errId : undefined}
                                disabled={!pick?.on}
                                value={pick?.packages ?? ''}
                                onChange={(e) => {
                                  setPick(s.ndc11, { packages: e.target.value });
                                  setLineErrors(({ [s.ndc11]: _, ...rest }) => rest);
                                  if (lineErrors[s.ndc11]) setApiError(undefined);
                                }}
                              />
                            </td>
                            <td className="num nowrap" title={price?.from}>
                              {price ? fmtCents(price.cents) : '—'}
                            </td>
                          </>
                        ) : null}
                      </tr>
                      {err ? (
                        <tr className="line-error">
                          <td colSpan={canBuy ? 11 : 8}>
                            <p className="field-error" id={errId}>
                              {err}
                            </p>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {canBuy && items.length ? (
          <div className="toolbar po-create">
            <Field label="Supplier" required error={fieldErrors.supplierId}>
              {(p) => (
                <select {...p} value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
                  {!suppliers.data?.items.length ? <option value="">No supplier yet</option> : null}
                  {suppliers.data?.items.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.catalogue_items} in catalogue)
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {ciiChosen.length || dea222 || csos ? (
              <>
                <Field
                  label="DEA Form 222 number"
                  error={fieldErrors.deaForm222Number}
                  hint="Schedule II: the 222 form or CSOS order number (21 CFR 1305.03)."
                >
                  {(p) => (
                    <input {...p} value={dea222} onChange={(e) => setDea222(e.target.value)} size={12} />
                  )}
                </Field>
                <Field label="CSOS order number" error={fieldErrors.csosOrderNumber}>
                  {(p) => <input {...p} value={csos} onChange={(e) => setCsos(e.target.value)} size={14} />}
                </Field>
              </>
            ) : null}
            <p className="po-total" aria-live="polite">
              {chosen.length} line{chosen.length === 1 ? '' : 's'} · about {fmtCents(total)}
            </p>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Create purchase order
            </button>
          </div>
        ) : null}
        {summary.length ? (
          <div className="banner banner-error" role="alert" data-testid="po-errors">
            <strong>The order was not created:</strong>
            <ul>
              {summary.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : apiError ? (
          <ErrorBanner error={apiError} title="The order was not created" />
        ) : null}
        {canBuy && suppliers.error ? <ErrorBanner error={suppliers.error} /> : null}
      </form>
    </section>
  );
}
