import type { ReactNode } from 'react';
import type { ClaimRow } from '../../api/claims';
import { api } from '../../api/client';
import { type DrugDetail, fmtAge, fmtNdc, stateLabel } from '../../api/rx';
import { useApi } from '../../api/useApi';
import { useQueue } from '../../api/useQueue';
import { BarChart } from '../../components/BarChart';
import { StackedChart } from '../../components/StackedChart';
import { Empty, ErrorBanner, fmtDate, Loading } from '../../components/ui';
import { Link } from '../../router';
import { useSession } from '../../session';
import { ages, FLOW_STATES, pct, perHour, rejectStats } from './derive';

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

/** Queue counts per step, fills per hour by state, and how long they have waited (one live queue subscription). */
function QueueCharts({ siteId }: { siteId: string }) {
  const { data, error } = useQueue(siteId, undefined, 2000);
  const now = Date.now();
  const items = data?.items ?? [];
  const flow = perHour(items, now);
  const age = ages(items);
  const series = (states: string[]) => states.map((s) => ({ key: s, label: stateLabel(s) }));
  return (
    <>
      <Card id="queue-h" title="Prescription queue" link={['/queue', 'Open the queue →']}>
        {error ? <ErrorBanner error={error} /> : null}
        {!data && !error ? <Loading /> : null}
        {data ? (
          <BarChart
            title="Fills waiting per workflow step"
            bars={FLOW_STATES.map((s) => {
              const c = data.counts[s];
              return {
                key: s,
                label: stateLabel(s),
                value: c?.count ?? 0,
                ...(c?.count ? { note: `oldest ${fmtAge(c.oldestMinutes)}` } : {}),
                emphasis: s === 'on_hold' || s === 'clarification',
                href: `/queue?state=${s}`,
              };
            })}
          />
        ) : null}
      </Card>
      {data ? (
        <div className="dash-grid">
          <Card id="flow-h" title="Prescriptions per hour">
            {items.length ? (
              <StackedChart
                title="Open fills by the hour they entered their current step, by state (last 12 hours)"
                categoryLabel="Hour"
                categories={flow.categories}
                series={series(flow.states)}
                values={flow.values}
              />
            ) : (
              <Empty>The queue is empty.</Empty>
            )}
          </Card>
          <Card id="ages-h" title="Queue ages">
            {items.length ? (
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

/** Reject counts and rates by code and by payer at the site. */
function RejectCharts({ siteId }: { siteId: string }) {
  const { can } = useSession();
  const reports = can('claims.reports');
  const { data, error, loading } = useApi(
    async (signal) => {
      const claims = (await api.get<{ items: ClaimRow[] }>('/api/claims', { siteId, limit: 1000 }, signal))
        .items;
      const stats = rejectStats(claims);
      // With claims.reports the code counts cover every rejection ever received, including codes fixed since.
      if (reports) {
        const hist = await api.get<{ items: { key: string; claims: number }[] }>(
          '/api/claims-reports/summary',
          { siteId, groupBy: 'rejectCode' },
          signal,
        );
        const desc = new Map(stats.codes.map((c) => [c.key, c.label]));
        stats.codes = hist.items.map((h) => ({
          key: h.key,
          label: desc.get(h.key) ?? '',
          count: h.claims,
          total: claims.length,
        }));
      }
      return { stats, total: claims.length };
    },
    [siteId, reports],
  );
  return (
    <div className="dash-grid">
      <Card id="rej-code-h" title="Rejects by code" link={['/claims', 'Claims worklist →']}>
        {error ? <ErrorBanner error={error} /> : null}
        {loading && !data ? <Loading /> : null}
        {data && !data.stats.codes.length ? <Empty>No rejected claims.</Empty> : null}
        {data?.stats.codes.length ? (
          <BarChart
            title={`${reports ? 'Rejections received' : 'Rejected claims'} by reject code, with the share of ${data.total} claims`}
            compact
            columns={['Reject code', 'Rejections', 'Share of claims']}
            bars={data.stats.codes.slice(0, 8).map((c) => ({
              key: c.key,
              label: `Code ${c.key}`,
              value: c.count,
              note: pct(c.count, c.total),
              href: `/claims?rejectCode=${encodeURIComponent(c.key)}`,
            }))}
          />
        ) : null}
        {data?.stats.codes.length ? (
          <p className="hint">
            {data.stats.codes
              .slice(0, 8)
              .filter((c) => c.label)
              .map((c) => `${c.key}: ${c.label}`)
              .join(' · ')}
          </p>
        ) : null}
      </Card>
      <Card id="rej-payer-h" title="Reject rate by payer">
        {data && !data.stats.payers.length ? <Empty>No claims yet.</Empty> : null}
        {data?.stats.payers.length ? (
          <BarChart
            title="Claims currently rejected, per payer"
            compact
            columns={['Payer', 'Rejected', 'Reject rate']}
            bars={data.stats.payers.slice(0, 8).map((p) => ({
              key: p.key,
              label: p.label,
              value: p.count,
              note: `${pct(p.count, p.total)} of ${p.total}`,
              href: `/claims?payer=${encodeURIComponent(p.key)}&status=rejected`,
            }))}
          />
        ) : null}
      </Card>
    </div>
  );
}

interface StockOut {
  ndc11: string;
  sellableOnHand: number;
  negativeMovements: number;
}
interface Expiring {
  ndc11: string;
  location: string;
  lot: string | null;
  expiry: string;
  quantity: number;
  daysLeft?: number;
}

/** Stock-outs, expired and soon-expiring lots (inventory reports). */
function StockCharts({ siteId }: { siteId: string }) {
  const { data, error, loading } = useApi(
    async (signal) => {
      const get = <T,>(name: string) =>
        api
          .get<{ items: T[] }>(`/api/inventory/reports/${name}`, { siteId, days: 90 }, signal)
          .then((r) => r.items);
      const [outs, expiring, expired] = await Promise.all([
        get<StockOut>('stock-outs'),
        get<Expiring>('expiring'),
        get<Expiring>('expired'),
      ]);
      const names = new Map<string, string>();
      const ndcs = [...new Set([...outs, ...expiring.slice(0, 5)].map((i) => i.ndc11))].slice(0, 12);
      await Promise.all(
        ndcs.map((n) =>
          api
            .get<DrugDetail>(`/api/drugs/${n}`, { siteId }, signal)
            .then((d) => names.set(n, `${d.product.displayName} ${d.product.strength ?? ''}`.trim()))
            .catch(() => undefined),
        ),
      );
      return { outs, expiring, expired, names };
    },
    [siteId],
  );
  const within = (lo: number, hi: number) =>
    (data?.expiring ?? []).filter((e) => (e.daysLeft ?? 0) >= lo && (e.daysLeft ?? 0) <= hi);
  const name = (n: string) => data?.names.get(n) ?? `NDC ${fmtNdc(n)}`;
  const buckets = [
    { key: 'out', label: 'Stock-outs', items: data?.outs ?? [], emphasis: true },
    { key: 'expired', label: 'Expired', items: data?.expired ?? [], emphasis: true },
    { key: 'd30', label: '≤ 30 days', items: within(0, 30) },
    { key: 'd60', label: '31–60 days', items: within(31, 60) },
    { key: 'd90', label: '61–90 days', items: within(61, 90) },
  ];
  return (
    <Card id="stock-h" title="Stock-outs and expiring stock" link={['/inventory', 'Inventory →']}>
      {error ? <ErrorBanner error={error} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <BarChart
            title="Products out of stock, and lots expired or expiring within 90 days"
            columns={['Group', 'Products / lots', 'Units']}
            bars={buckets.map((b) => ({
              key: b.key,
              label: b.label,
              value: b.items.length,
              emphasis: Boolean(b.emphasis) && b.items.length > 0,
              ...(b.key === 'out'
                ? {}
                : { note: `${(b.items as Expiring[]).reduce((a, i) => a + i.quantity, 0)} units` }),
            }))}
          />
          <div className="dash-lists">
            <div>
              <h3>Out of stock</h3>
              {data.outs.length ? (
                <ul>
                  {data.outs.slice(0, 8).map((o) => (
                    <li key={o.ndc11}>
                      {name(o.ndc11)}
                      {o.negativeMovements ? ` · ${o.negativeMovements} dispensed short` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing is out of stock.</p>
              )}
            </div>
            <div>
              <h3>Expiring next</h3>
              {data.expiring.length ? (
                <ul>
                  {data.expiring.slice(0, 5).map((e) => (
                    <li key={`${e.ndc11}-${e.lot}-${e.location}`}>
                      {name(e.ndc11)} · lot <span className="mono">{e.lot ?? '—'}</span> · {e.quantity} units
                      · {fmtDate(e.expiry)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No lot expires within 90 days.</p>
              )}
            </div>
          </div>
        </>
      ) : null}
    </Card>
  );
}

/** Home dashboard: every chart is SVG drawn here, with its numbers in a table underneath. */
export function Dashboard({ siteId }: { siteId: string }) {
  const { can } = useSession();
  return (
    <>
      {can('prescriptions.read') ? <QueueCharts siteId={siteId} /> : null}
      {can('claims.read') ? <RejectCharts siteId={siteId} /> : null}
      {can('inventory.read') ? <StockCharts siteId={siteId} /> : null}
    </>
  );
}
