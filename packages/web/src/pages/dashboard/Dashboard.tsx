import type { ReactNode } from 'react';
import { reportsApi } from '../../api/reports';
import { fmtAge, fmtNdc, stateLabel } from '../../api/rx';
import { useApi } from '../../api/useApi';
import { useFillEventTick, useIntervalTick } from '../../api/useLive';
import { BarChart } from '../../components/BarChart';
import { StackedChart } from '../../components/StackedChart';
import { Empty, ErrorBanner, fmtDate, Loading } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ageSeries, FLOW_STATES, pct, perHourSeries, productLabel } from './derive';

/** Windows of the reports shown here (the API takes others: docs/reports.md). */
const HOURS = 24;
const CLAIM_DAYS = 30;
const STOCK_DAYS = 90;

function Card({
  id,
  title,
  link,
  children,
}: {
  id: string;
  title: string;
  link?: [string, string];
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {link ? <Link href={link[0]}>{link[1]}</Link> : null}
      </div>
      {children}
    </section>
  );
}

/** A report kept on screen while the next one loads — but never another site's after the site changes. */
const ofSite = <T extends { siteId: string }>(data: T | undefined, siteId: string) =>
  data?.siteId === siteId ? data : undefined;

const series = (states: string[]) => states.map((s) => ({ key: s, label: stateLabel(s) }));
const minutes = (m: number | null) => (m === null ? '—' : fmtAge(Math.round(m)));

/** Queue counts per step, prescriptions per hour by state and queue ages (GET /api/reports/workflow). */
function QueueCharts({ siteId, tick }: { siteId: string; tick: string }) {
  const loaded = useApi((signal) => reportsApi.workflow(siteId, HOURS, signal), [siteId, tick]);
  const { error } = loaded;
  const data = ofSite(loaded.data, siteId);
  const flow = data ? perHourSeries(data) : null;
  const age = data ? ageSeries(data) : null;
  const byState = new Map((data?.queue ?? []).map((q) => [q.state, q]));
  const waiting = (data?.queue ?? []).some((q) => q.count > 0);
  return (
    <>
      <Card id="queue-h" title="Prescription queue" link={['/queue', 'Open the queue →']}>
        {error ? <ErrorBanner error={error} /> : null}
        {!data && !error ? <Loading /> : null}
        {data ? (
          <BarChart
            title="Fills waiting per workflow step"
            columns={['State', 'Waiting', 'Oldest · median']}
            bars={FLOW_STATES.map((s) => {
              const q = byState.get(s);
              return {
                key: s,
                label: stateLabel(s),
                value: q?.count ?? 0,
                ...(q?.count
                  ? {
                      note: `oldest ${minutes(q.oldestMinutes)}`,
                      detail: `oldest ${minutes(q.oldestMinutes)} · median ${minutes(q.medianMinutes)}`,
                    }
                  : {}),
                emphasis: s === 'on_hold' || s === 'clarification',
                href: `/queue?state=${s}`,
              };
            })}
          />
        ) : null}
      </Card>
      {data && flow && age ? (
        <div className="dash-grid">
          <Card id="flow-h" title="Prescriptions per hour">
            {flow.states.length ? (
              <StackedChart
                title={`Fills entering each workflow step per hour, by state (last ${HOURS} hours)`}
                categoryLabel="Hour"
                categories={flow.categories}
                series={series(flow.states)}
                values={flow.values}
              />
            ) : (
              <Empty>No fill moved in the last {HOURS} hours.</Empty>
            )}
          </Card>
          <Card id="ages-h" title="Queue ages">
            {waiting ? (
              <StackedChart
                title="How long open fills have waited in their current step, by state"
                categoryLabel="Waiting"
                categories={age.categories}
                series={series(age.states)}
                values={age.values}
              />
            ) : (
              <Empty>The queue is empty.</Empty>
            )}
          </Card>
        </div>
      ) : null}
    </>
  );
}

/** Reject counts and rates by code and by payer at the site (GET /api/reports/claims). */
function RejectCharts({ siteId, tick }: { siteId: string; tick: string }) {
  const loaded = useApi((signal) => reportsApi.claims(siteId, CLAIM_DAYS, signal), [siteId, tick]);
  const { error } = loaded;
  const data = ofSite(loaded.data, siteId);
  const codes = (data?.rejectCodes ?? []).slice(0, 8);
  const payers = (data?.payers ?? []).slice(0, 8);
  return (
    <div className="dash-grid">
      <Card id="rej-code-h" title="Rejects by code" link={['/claims', 'Claims worklist →']}>
        {error ? <ErrorBanner error={error} /> : null}
        {!data && !error ? <Loading /> : null}
        {data && !codes.length ? <Empty>No claim rejected in the last {CLAIM_DAYS} days.</Empty> : null}
        {data && codes.length ? (
          <>
            <BarChart
              title={`Rejections by reject code, with their share of ${data.totals.submitted} claims submitted (last ${CLAIM_DAYS} days)`}
              compact
              columns={['Reject code', 'Rejections', 'Share · payers']}
              bars={codes.map((c) => ({
                key: c.code,
                label: `Code ${c.code}`,
                value: c.rejections,
                note: pct(c.share),
                detail: `${pct(c.share)} · ${c.payers
                  .map((p) => `${p.payerName} (BIN ${p.bin}): ${p.rejections}`)
                  .join('; ')}`,
                href: `/claims?rejectCode=${encodeURIComponent(c.code)}`,
              }))}
            />
            <p className="hint">{codes.map((c) => `${c.code}: ${c.description}`).join(' · ')}</p>
          </>
        ) : null}
      </Card>
      <Card id="rej-payer-h" title="Reject rate by payer">
        {data && !payers.length ? <Empty>No claims in the last {CLAIM_DAYS} days.</Empty> : null}
        {data && payers.length ? (
          <>
            <BarChart
              title={`Claims rejected per payer, with the reject rate (last ${CLAIM_DAYS} days)`}
              compact
              columns={['Payer', 'Rejected', 'Rate · payer']}
              bars={payers.map((p) => ({
                key: p.key,
                label: `BIN ${p.bin}`,
                value: p.rejected,
                note: `${pct(p.rejectRate)} of ${p.submitted}`,
                detail: `${p.payerName} (PCN ${p.pcn || '—'}): ${pct(p.rejectRate)} of ${p.submitted} submitted, ${p.paid} paid`,
                href: `/claims?payer=${encodeURIComponent(p.bin)}&status=rejected`,
              }))}
            />
            <p className="hint">
              All payers: {data.totals.rejected} of {data.totals.submitted} rejected (
              {pct(data.totals.rejectRate)}), {data.totals.paid} paid
              {data.totals.unknown ? `, ${data.totals.unknown} without an answer` : ''}.
            </p>
          </>
        ) : null}
      </Card>
    </div>
  );
}

const REASONS: Record<string, string> = {
  dispensed: 'dispensed recently',
  par: 'has a par level',
  negative: 'dispensed short',
};

/** Stock-outs, expired and soon-expiring lots (GET /api/reports/stock). */
function StockCharts({ siteId, tick }: { siteId: string; tick: string }) {
  const loaded = useApi((signal) => reportsApi.stock(siteId, STOCK_DAYS, signal), [siteId, tick]);
  const { error } = loaded;
  const data = ofSite(loaded.data, siteId);
  const within = (lo: number, hi: number) =>
    (data?.expiring ?? []).filter((e) => e.daysLeft >= lo && e.daysLeft <= hi);
  const buckets = [
    { key: 'expired', label: 'Expired', items: data?.expired ?? [], emphasis: true },
    { key: 'd30', label: '≤ 30 days', items: within(0, 30) },
    { key: 'd60', label: '31–60 days', items: within(31, 60) },
    { key: 'd90', label: '61–90 days', items: within(61, 90) },
  ];
  const outs = data?.stockOuts ?? [];
  return (
    <Card id="stock-h" title="Stock-outs and expiring stock" link={['/inventory', 'Inventory →']}>
      {error ? <ErrorBanner error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <BarChart
            title={`Products out of stock, and lots expired or expiring within ${STOCK_DAYS} days`}
            columns={['Group', 'Products / lots', 'Units']}
            bars={[
              {
                key: 'out',
                label: 'Stock-outs',
                value: outs.length,
                emphasis: outs.length > 0,
              },
              ...buckets.map((b) => ({
                key: b.key,
                label: b.label,
                value: b.items.length,
                emphasis: Boolean(b.emphasis) && b.items.length > 0,
                note: `${b.items.reduce((a, i) => a + i.quantity, 0)} units`,
              })),
            ]}
          />
          <div className="dash-lists">
            <div>
              <h3>Out of stock</h3>
              {outs.length ? (
                <ul data-testid="stock-outs">
                  {outs.slice(0, 8).map((o) => (
                    <li key={o.ndc11}>
                      <strong>{productLabel(o, fmtNdc)}</strong> · NDC{' '}
                      <span className="mono">{fmtNdc(o.ndc11)}</span> · on hand {o.sellableOnHand} ·{' '}
                      {o.reasons.map((r) => REASONS[r] ?? r).join(', ')}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing is out of stock.</p>
              )}
            </div>
            <div>
              <h3>Expiring next</h3>
              {data.expiring.length || data.expired.length ? (
                <ul data-testid="expiring-lots">
                  {[...data.expired, ...data.expiring].slice(0, 6).map((e) => (
                    <li key={`${e.ndc11}-${e.lot}-${e.location}`}>
                      <strong>{productLabel(e, fmtNdc)}</strong> · lot{' '}
                      <span className="mono">{e.lot ?? '—'}</span> · {e.locationName ?? e.location} ·{' '}
                      {e.quantity} units · {e.daysLeft < 0 ? 'expired' : 'expires'} {fmtDate(e.expiry)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No lot expires within {STOCK_DAYS} days.</p>
              )}
            </div>
          </div>
        </>
      ) : null}
    </Card>
  );
}

/**
 * Home dashboard from the server's report summaries. Every chart is SVG drawn here, with its numbers in a table
 * underneath. It refreshes when work at the site changes (live fill events) and every minute otherwise.
 */
export function Dashboard({ siteId }: { siteId: string }) {
  const { can } = useSession();
  const live = useFillEventTick(siteId, can('prescriptions.read'));
  const minute = useIntervalTick(60_000);
  return (
    <>
      {can('prescriptions.read') ? <QueueCharts siteId={siteId} tick={`${live}.${minute}`} /> : null}
      {can('claims.read') ? (
        <RejectCharts siteId={siteId} tick={`${live}.${Math.floor(minute / 2)}`} />
      ) : null}
      {can('inventory.read') ? (
        <StockCharts siteId={siteId} tick={`${live}.${Math.floor(minute / 5)}`} />
      ) : null}
    </>
  );
}
