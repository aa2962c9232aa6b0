import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Empty, ErrorBanner, Field, fmtDate, fmtDateTime, Loading } from '../../components/ui';
import { useSession } from '../../session';

interface CiiEntry {
  movementId: string;
  occurredAt: string;
  ndc11: string;
  type: string;
  location: string;
  lot: string | null;
  quantity: number;
  runningBalance: number;
  reason: string | null;
  reference: string | null;
}
interface CsInventory {
  id: string;
  kind?: string;
  status?: string;
  createdAt?: string;
  created_at?: string;
}
interface CountLine {
  id: string;
  location: string;
  ndc11: string;
  lot: string | null;
  expected: number | null;
  counted: number | null;
  variance: number | null;
}
interface Count {
  id: string;
  status: string;
  blind: boolean;
  lines: CountLine[];
}

/** Perpetual Schedule II log with running balance per NDC, CS inventories, and a cycle count. */
export function ControlledTab() {
  const { site, can } = useSession();
  const [ndcText, setNdcText] = useState('');
  const [ndc, setNdc] = useState('');
  const log = useApi(
    (signal) =>
      api.get<Items<CiiEntry>>(
        '/api/controlled/cii-log',
        { siteId: site?.id, ndc11: ndc || undefined },
        signal,
      ),
    [site?.id, ndc],
  );
  const invs = useApi(
    (signal) =>
      api.get<Items<CsInventory> & { nextDueBy: string | null }>(
        '/api/controlled/inventories',
        { siteId: site?.id },
        signal,
      ),
    [site?.id],
  );
  const filter = (e: FormEvent) => {
    e.preventDefault();
    setNdc(ndcText.replace(/\D/g, ''));
  };
  const rows = log.data?.items ?? [];
  return (
    <>
      <section className="card" aria-labelledby="cii-h">
        <div className="card-head">
          <h2 id="cii-h">Schedule II perpetual log</h2>
        </div>
        <form className="toolbar" onSubmit={filter}>
          <Field label="NDC" className="grow">
            {(p) => (
              <input
                {...p}
                type="search"
                value={ndcText}
                onChange={(e) => setNdcText(e.target.value)}
                placeholder="All CII products"
              />
            )}
          </Field>
          <button type="submit" className="btn">
            Filter
          </button>
        </form>
        {log.loading ? <Loading /> : null}
        {log.error ? <ErrorBanner error={log.error} /> : null}
        {log.data && !rows.length ? (
          <Empty>No Schedule II movements{ndc ? ` for ${fmtNdc(ndc)}` : ''}.</Empty>
        ) : null}
        {rows.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="cii-log">
              <caption className="sr-only">
                Schedule II movements, oldest first, with the running balance per NDC
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">NDC</th>
                  <th scope="col">Movement</th>
                  <th scope="col">Location</th>
                  <th scope="col">Lot</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Running balance
                  </th>
                  <th scope="col">Reason / reference</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.movementId}>
                    <td className="nowrap">{fmtDateTime(r.occurredAt)}</td>
                    <td className="mono nowrap">{fmtNdc(r.ndc11)}</td>
                    <td className="cap">{r.type.replaceAll('_', ' ')}</td>
                    <td>{r.location}</td>
                    <td className="mono">{r.lot ?? '—'}</td>
                    <td className="num">{r.quantity > 0 ? `+${r.quantity}` : r.quantity}</td>
                    <td className="num">
                      <strong>{r.runningBalance}</strong>
                    </td>
                    <td>{[r.reason, r.reference].filter(Boolean).join(' · ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="csinv-h">
        <div className="card-head">
          <h2 id="csinv-h">Controlled-substance inventories</h2>
        </div>
        {invs.error ? <ErrorBanner error={invs.error} /> : null}
        {invs.data ? (
          <p>
            {invs.data.items.length} inventor{invs.data.items.length === 1 ? 'y' : 'ies'} recorded · next
            biennial due{' '}
            {invs.data.nextDueBy
              ? fmtDate(invs.data.nextDueBy.slice(0, 10))
              : 'when the initial inventory is taken'}
          </p>
        ) : null}
      </section>
      {can('inventory.count') ? <CycleCount /> : null}
    </>
  );
}

function CycleCount() {
  const { site, can } = useSession();
  const [location, setLocation] = useState('VAULT');
  const [count, setCount] = useState<Count>();
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const run = async (f: () => Promise<Count>) => {
    setError(undefined);
    try {
      setCount(await f());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    }
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api.post<Count>('/api/inventory/counts', {
        siteId: site?.id,
        scope: 'location',
        location,
        blind: false,
      }),
    );
  };
  const submit = () =>
    count &&
    run(() =>
      api.post<Count>(`/api/inventory/counts/${count.id}/submit`, {
        lines: count.lines.map((l) => ({ lineId: l.id, counted: Number(counted[l.id] ?? l.expected ?? 0) })),
      }),
    );
  const approve = () => count && run(() => api.post<Count>(`/api/inventory/counts/${count.id}/approve`, {}));
  return (
    <section className="card" aria-labelledby="count-h">
      <div className="card-head">
        <h2 id="count-h">Cycle count</h2>
      </div>
      <form className="toolbar" onSubmit={open}>
        <Field label="Location">
          {(p) => (
            <input
              {...p}
              value={location}
              onChange={(e) => setLocation(e.target.value.toUpperCase())}
              size={10}
            />
          )}
        </Field>
        <button type="submit" className="btn">
          Open count
        </button>
      </form>
      {error ? <ErrorBanner error={error} /> : null}
      {count ? (
        <>
          <p>
            Count status: <strong>{count.status}</strong>
          </p>
          <table className="table compact">
            <caption className="sr-only">Count lines</caption>
            <thead>
              <tr>
                <th scope="col">NDC</th>
                <th scope="col">Lot</th>
                <th scope="col" className="num">
                  Expected
                </th>
                <th scope="col" className="num">
                  Counted
                </th>
                <th scope="col" className="num">
                  Variance
                </th>
              </tr>
            </thead>
            <tbody>
              {count.lines.map((l) => (
                <tr key={l.id}>
                  <td className="mono">{fmtNdc(l.ndc11)}</td>
                  <td className="mono">{l.lot ?? '—'}</td>
                  <td className="num">{l.expected ?? '—'}</td>
                  <td className="num">
                    {count.status === 'open' ? (
                      <input
                        aria-label={`Counted ${fmtNdc(l.ndc11)} lot ${l.lot ?? 'none'}`}
                        inputMode="decimal"
                        size={6}
                        value={counted[l.id] ?? String(l.expected ?? '')}
                        onChange={(e) => setCounted((c) => ({ ...c, [l.id]: e.target.value }))}
                      />
                    ) : (
                      (l.counted ?? '—')
                    )}
                  </td>
                  <td className="num">{l.variance ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {count.status === 'open' ? (
            <button type="button" className="btn btn-primary" onClick={submit}>
              Submit counts
            </button>
          ) : null}
          {count.status === 'submitted' && can('inventory.approve_variance') ? (
            <button type="button" className="btn btn-primary" onClick={approve}>
              Approve variances
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
