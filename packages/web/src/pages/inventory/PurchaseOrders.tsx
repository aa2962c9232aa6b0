import { type ChangeEvent, type FormEvent, useState } from 'react';
import { fmtCents } from '../../api/claims';
import { ApiError, api } from '../../api/client';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, Field, fmtDateTime, Loading, Segmented } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';
import { PO_FILTERS, PO_STATUS, type PoFilter, type PoListItem } from './purchasing';

export const poHref = (id: string) => `/inventory?tab=orders&view=orders&po=${encodeURIComponent(id)}`;

/** Purchase orders at the selected site by status (open, received, cancelled/closed, all). */
export function PurchaseOrders({ filter, onFilter }: { filter: PoFilter; onFilter: (f: PoFilter) => void }) {
  const { site, can } = useSession();
  const [imported, setImported] = useState(0);
  const status = PO_FILTERS.find((f) => f.id === filter)?.status ?? 'open';
  const list = useApi(
    (signal) =>
      api.get<Items<PoListItem>>(
        '/api/purchasing/orders',
        { siteId: site?.id, status: status || undefined, limit: 200 },
        signal,
      ),
    [site?.id, status, imported],
  );
  const items = list.data?.items ?? [];
  const label = PO_FILTERS.find((f) => f.id === filter)?.label.toLowerCase() ?? '';
  return (
    <>
      <section className="card" aria-labelledby="pos-h">
        <div className="card-head">
          <h2 id="pos-h">Purchase orders</h2>
          <Segmented
            legend="Show purchase orders"
            name="po-filter"
            options={PO_FILTERS}
            value={filter}
            onChange={onFilter}
          />
        </div>
        {list.loading ? <Loading /> : null}
        {list.error ? <ErrorBanner error={list.error} /> : null}
        {list.data && !items.length ? (
          <Empty>
            No {filter === 'all' ? '' : `${label} `}purchase orders at this site.
            {filter === 'open' && can('purchasing.manage') ? ' Create one from the suggested order.' : ''}
          </Empty>
        ) : null}
        {items.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="po-list">
              <caption className="sr-only">Purchase orders ({label}), newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Status</th>
                  <th scope="col">Supplier</th>
                  <th scope="col">Created</th>
                  <th scope="col">Sent</th>
                  <th scope="col" className="num">
                    Lines
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td className="mono nowrap">
                      <Link href={poHref(o.id)}>{o.po_number}</Link>
                    </td>
                    <td>
                      <Badge tone={PO_STATUS[o.status]?.tone ?? 'neutral'}>
                        {PO_STATUS[o.status]?.label ?? o.status}
                      </Badge>
                    </td>
                    <td>{o.supplier}</td>
                    <td className="nowrap">
                      {fmtDateTime(o.created_at)}
                      {o.created_by_name ? <span className="muted"> · {o.created_by_name}</span> : null}
                    </td>
                    <td className="nowrap">{o.sent_at ? fmtDateTime(o.sent_at) : '—'}</td>
                    <td className="num">{o.line_count}</td>
                    <td className="num">{fmtCents(o.total_cents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {can('purchasing.manage') ? <EdiImport onImported={() => setImported((n) => n + 1)} /> : null}
    </>
  );
}

interface EdiResult {
  type: string;
  poId?: string | null;
  lines?: number;
  backorderedPackages?: number;
  invoiceNumber?: string;
  totalCents?: number;
  asnNumber?: string;
  items?: number;
  transactionStatement?: boolean;
  skipped?: boolean;
  reason?: string;
}

const describe = (r: EdiResult): string => {
  if (r.type === '855')
    return `855 acknowledgment: ${r.lines} line(s), ${r.backorderedPackages} package(s) back-ordered`;
  if (r.type === '810')
    return `810 invoice ${r.invoiceNumber}: ${fmtCents(r.totalCents)}, ${r.lines} line(s)`;
  if (r.type === '856')
    return `856 ship notice ${r.asnNumber}: ${r.items} item(s), DSCSA record kept${r.transactionStatement ? '' : ' (no transaction statement)'}`;
  return `${r.type}: skipped (${r.reason ?? 'not supported'})`;
};

/** Paste or load X12 from the supplier: 855 acknowledgments, 856 ship notices, 810 invoices. */
function EdiImport({ onImported }: { onImported: () => void }) {
  const { site } = useSession();
  const [x12, setX12] = useState('');
  const [error, setError] = useState<ApiError>();
  const [results, setResults] = useState<EdiResult[]>([]);
  const [busy, setBusy] = useState(false);
  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) setX12(await f.text());
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!site) return;
    setError(undefined);
    setResults([]);
    if (!x12.trim()) {
      setError(
        new ApiError(400, 'x12_required', 'Paste the X12 text or choose a file', [
          { field: 'x12', reason: 'is required' },
        ]),
      );
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<{ results: EdiResult[] }>('/api/purchasing/edi', { siteId: site.id, x12 });
      setResults(r.results);
      setX12('');
      onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="edi-h">
      <div className="card-head">
        <h2 id="edi-h">Supplier documents (X12)</h2>
      </div>
      <form onSubmit={submit}>
        <Field
          label="X12 855, 856 or 810"
          error={error?.fieldError('x12')}
          hint="Acknowledgments update the ordered lines, ship notices become DSCSA records, invoices go to the order."
        >
          {(p) => (
            <textarea {...p} rows={4} className="mono" value={x12} onChange={(e) => setX12(e.target.value)} />
          )}
        </Field>
        <div className="toolbar">
          <Field label="Or load a file">
            {(p) => <input {...p} type="file" accept=".x12,.edi,.txt,text/plain" onChange={load} />}
          </Field>
          <button type="submit" className="btn" disabled={busy}>
            Import
          </button>
        </div>
      </form>
      {error && !error.fieldError('x12') ? <ErrorBanner error={error} title="Not imported" /> : null}
      {results.length ? (
        <ul className="banner banner-ok plain-list" role="status" data-testid="edi-results">
          {results.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one result per transaction set, in file order
            <li key={i}>
              {describe(r)}
              {r.poId ? (
                <>
                  {' '}
                  · <Link href={poHref(r.poId)}>open the order</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
