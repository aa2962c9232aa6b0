import { type FormEvent, useState } from 'react';
import { fmtCents } from '../../api/claims';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Empty, ErrorBanner, Field, fmtDate, Loading } from '../../components/ui';
import { type CatalogueItem, fmtQty, type Supplier } from './purchasing';

const EMPTY = { name: '', x12Id: '', x12Qualifier: '', deaNumber: '', email: '' };

/** Suppliers of the organization with their catalogues, and a form to add one. */
export function Suppliers() {
  const [added, setAdded] = useState<string>();
  const list = useApi(
    (signal) => api.get<Items<Supplier>>('/api/purchasing/suppliers', undefined, signal),
    [added],
  );
  const [shown, setShown] = useState<string>();
  const catalogue = useApi(
    (signal) =>
      shown
        ? api.get<Items<CatalogueItem>>(
            `/api/purchasing/suppliers/${encodeURIComponent(shown)}/catalogue`,
            undefined,
            signal,
          )
        : Promise.resolve(null),
    [shown],
  );
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!form.name.trim()) {
      setError(
        new ApiError(400, 'name_required', 'Name the supplier', [{ field: 'name', reason: 'is required' }]),
      );
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, string> = {};
      for (const [k, v] of Object.entries(form)) if (v.trim()) body[k] = v.trim();
      const s = await api.post<{ id: string; name: string }>('/api/purchasing/suppliers', body);
      setForm(EMPTY);
      setAdded(`Supplier ${s.name} added.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  };
  const fieldErr = (f: string) => error?.fieldError(f);
  const items = list.data?.items ?? [];
  const shownName = items.find((s) => s.id === shown)?.name;
  return (
    <>
      <section className="card" aria-labelledby="sup-h">
        <div className="card-head">
          <h2 id="sup-h">Suppliers</h2>
        </div>
        {list.loading ? <Loading /> : null}
        {list.error ? <ErrorBanner error={list.error} /> : null}
        {list.data && !items.length ? <Empty>No supplier yet: add the first one below.</Empty> : null}
        {items.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="supplier-list">
              <caption className="sr-only">Suppliers of the organization</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">X12 id</th>
                  <th scope="col">DEA number</th>
                  <th scope="col">Email</th>
                  <th scope="col">Added</th>
                  <th scope="col" className="num">
                    Catalogue
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} className={s.id === shown ? 'row-current' : undefined}>
                    <td>{s.name}</td>
                    <td className="mono">
                      {s.x12_id ? `${s.x12_qualifier ? `${s.x12_qualifier}:` : ''}${s.x12_id}` : '—'}
                    </td>
                    <td className="mono">{s.dea_number ?? '—'}</td>
                    <td>{s.email ?? '—'}</td>
                    <td className="nowrap">{fmtDate(s.created_at.slice(0, 10))}</td>
                    <td className="num">
                      <button
                        type="button"
                        className="btn"
                        disabled={!s.catalogue_items}
                        aria-pressed={s.id === shown}
                        onClick={() => setShown(s.id === shown ? undefined : s.id)}
                      >
                        {s.catalogue_items} item{s.catalogue_items === 1 ? '' : 's'}
                        <span className="sr-only"> in the catalogue of {s.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {added ? (
          <p className="banner banner-ok" role="status">
            {added}
          </p>
        ) : null}
      </section>
      {shown ? (
        <section className="card" aria-labelledby="cat-h">
          <div className="card-head">
            <h2 id="cat-h">Catalogue of {shownName}</h2>
          </div>
          {catalogue.error ? <ErrorBanner error={catalogue.error} /> : null}
          {catalogue.data ? (
            <div className="table-wrap">
              <table className="table compact" data-testid="supplier-catalogue">
                <caption className="sr-only">Catalogue of {shownName}</caption>
                <thead>
                  <tr>
                    <th scope="col">NDC</th>
                    <th scope="col">Description</th>
                    <th scope="col">Item no.</th>
                    <th scope="col" className="num">
                      Package
                    </th>
                    <th scope="col" className="num">
                      Price / package
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {catalogue.data.items.map((c) => (
                    <tr key={c.ndc11}>
                      <td className="mono nowrap">{fmtNdc(c.ndc11)}</td>
                      <td>{c.description ?? '—'}</td>
                      <td className="mono">{c.supplier_item_no ?? '—'}</td>
                      <td className="num">{fmtQty(c.package_qty)}</td>
                      <td className="num">{fmtCents(c.package_cost_cents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Loading />
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="sup-new-h">
        <div className="card-head">
          <h2 id="sup-new-h">Add a supplier</h2>
        </div>
        <form onSubmit={submit} noValidate>
          <div className="form-grid">
            <Field label="Name" required error={fieldErr('name')}>
              {(p) => <input {...p} value={form.name} onChange={set('name')} maxLength={200} />}
            </Field>
            <Field
              label="X12 interchange id"
              error={fieldErr('x12Id')}
              hint="ISA08 of the 850s sent to them."
            >
              {(p) => <input {...p} value={form.x12Id} onChange={set('x12Id')} maxLength={15} />}
            </Field>
            <Field
              label="X12 id qualifier"
              error={fieldErr('x12Qualifier')}
              hint="ISA07, e.g. ZZ or 01 (DUNS)."
            >
              {(p) => (
                <input
                  {...p}
                  value={form.x12Qualifier}
                  onChange={set('x12Qualifier')}
                  maxLength={2}
                  size={3}
                />
              )}
            </Field>
            <Field label="DEA number" error={fieldErr('deaNumber')}>
              {(p) => <input {...p} value={form.deaNumber} onChange={set('deaNumber')} maxLength={9} />}
            </Field>
            <Field label="Email" error={fieldErr('email')}>
              {(p) => (
                <input {...p} type="email" value={form.email} onChange={set('email')} maxLength={200} />
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Add supplier
            </button>
          </div>
        </form>
        {error && !Object.keys(EMPTY).some((f) => fieldErr(f)) ? <ErrorBanner error={error} /> : null}
      </section>
    </>
  );
}
