import './counts.css';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Empty, ErrorBanner, Field, fmtDateTime, Loading, Segmented } from '../../components/ui';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { CsInventoryView } from './CsInventory';
import { DiscrepanciesView } from './Discrepancies';
import { LossReportsView } from './LossReports';

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

const VIEWS = [
  { id: 'log', label: 'Schedule II log' },
  { id: 'inventory', label: 'CS inventory' },
  { id: 'losses', label: 'Theft/loss (DEA 106)' },
  { id: 'discrepancies', label: 'Discrepancies' },
] as const;

/**
 * Controlled-substance records of the site: the perpetual CII log, initial/biennial inventories signed by the
 * pharmacist in charge, theft/loss reports (DEA Form 106) and discrepancy investigations.
 */
export function ControlledTab() {
  const { query } = useLocation();
  const view = VIEWS.find((v) => v.id === query.get('view'))?.id ?? 'log';
  return (
    <>
      <Segmented
        className="cs-views"
        legend="Controlled-substance records"
        name="cs-view"
        options={VIEWS}
        value={view}
        onChange={(id) => navigate(`/inventory?tab=controlled&view=${id}`, { replace: true })}
      />
      {view === 'log' ? <CiiLog /> : null}
      {view === 'inventory' ? <CsInventoryView /> : null}
      {view === 'losses' ? <LossReportsView /> : null}
      {view === 'discrepancies' ? <DiscrepanciesView /> : null}
    </>
  );
}

/** Perpetual Schedule II log with running balance per NDC. */
function CiiLog() {
  const { site } = useSession();
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
  const filter = (e: FormEvent) => {
    e.preventDefault();
    setNdc(ndcText.replace(/\D/g, ''));
  };
  const rows = log.data?.items ?? [];
  return (
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
  );
}
