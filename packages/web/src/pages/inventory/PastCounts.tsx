import { useState } from 'react';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, Field, fmtDateTime, Loading } from '../../components/ui';
import { type CountRow, STATUS_LABEL, STATUS_TONE, scopeText, signed } from './countTypes';

/** Counts at the site, newest first (GET /api/inventory/counts): status, kind, who, when, variance totals. */
export function PastCounts({
  siteId,
  reloadKey,
  currentId,
  onOpen,
}: {
  siteId: string | undefined;
  reloadKey: number;
  currentId: string | null;
  onOpen: (id: string) => void;
}) {
  const [status, setStatus] = useState('');
  const list = useApi(
    (signal) =>
      api.get<Items<CountRow>>(
        '/api/inventory/counts',
        { siteId, status: status || undefined, limit: 50 },
        signal,
      ),
    [siteId, status, reloadKey],
  );
  const rows = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="past-counts-h">
      <div className="card-head">
        <h2 id="past-counts-h">Past counts</h2>
        <Field label="Status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">All</option>
              <option value="open">Counting</option>
              <option value="submitted">Submitted</option>
              <option value="approved">Posted</option>
            </select>
          )}
        </Field>
      </div>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorBanner error={list.error} /> : null}
      {list.data && !rows.length ? <Empty>No counts{status ? ' with this status' : ''} yet.</Empty> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table compact" data-testid="past-counts">
            <caption className="sr-only">Counts at this site, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Opened</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Counted by</th>
                <th scope="col">Approved by</th>
                <th scope="col" className="num">
                  Lines
                </th>
                <th scope="col" className="num">
                  Lines off
                </th>
                <th scope="col" className="num">
                  Over / short
                </th>
                <th scope="col" className="num">
                  Net
                </th>
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={c.id === currentId ? 'row-current' : undefined} data-count={c.id}>
                  <td>{fmtDateTime(c.created_at)}</td>
                  <td>
                    {scopeText(c, true)}
                    {c.blind ? <span className="muted"> · blind</span> : null}
                  </td>
                  <td>
                    <Badge tone={STATUS_TONE[c.status]}>{STATUS_LABEL[c.status]}</Badge>
                  </td>
                  <td>{c.submitted_by_name ?? c.created_by_name ?? '—'}</td>
                  <td>{c.approved_by_name ?? '—'}</td>
                  <td className="num">{c.lines}</td>
                  <td className="num">{c.variance_lines ?? '—'}</td>
                  <td className="num nowrap">
                    {c.over_units === null ? '—' : `+${c.over_units} / −${c.short_units ?? 0}`}
                  </td>
                  <td className="num">
                    <strong>{signed(c.net_variance)}</strong>
                  </td>
                  <td>
                    <button type="button" className="btn btn-ghost" onClick={() => onOpen(c.id)}>
                      {c.status === 'open' ? 'Continue' : 'View'}
                      <span className="sr-only"> count opened {fmtDateTime(c.created_at)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
