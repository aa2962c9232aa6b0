import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, Field, Loading } from '../../components/ui';
import { navigate } from '../../router';
import { useSession } from '../../session';

interface Suggestion {
  ndc11: string;
  description: string;
  averageDailyUse: number;
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  orderUpTo: number;
  packages: number;
  units: number;
  packageQty: number;
  abc: string;
  highCost: boolean;
}
interface OrderLine {
  ndc11?: string;
  packages?: number;
  packageQty?: number;
  receivedQty?: number;
}
type Order = Record<string, unknown> & { id?: string; status?: string; lines?: OrderLine[] };

/** Suggested order (usage × lead time + safety, par) and a purchase order looked up by id, to receive it. */
export function OrdersTab() {
  const { site } = useSession();
  const [all, setAll] = useState(false);
  const [poText, setPoText] = useState('');
  const [poId, setPoId] = useState('');
  const sugg = useApi(
    (signal) =>
      api.get<Items<Suggestion>>(
        '/api/purchasing/suggestions',
        { siteId: site?.id, all: all ? 'true' : undefined },
        signal,
      ),
    [site?.id, all],
  );
  const po = useApi(
    (signal) =>
      poId
        ? api.get<Order>(`/api/purchasing/orders/${encodeURIComponent(poId)}`, undefined, signal)
        : Promise.resolve(null),
    [poId],
  );
  const lookUp = (e: FormEvent) => {
    e.preventDefault();
    setPoId(poText.trim());
  };
  const items = sugg.data?.items ?? [];
  return (
    <>
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
        {items.length ? (
          <div className="table-wrap">
            <table className="table compact" data-testid="suggestions">
              <caption className="sr-only">Suggested order lines</caption>
              <thead>
                <tr>
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
                    Order (packs × size)
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.ndc11}>
                    <td>
                      {s.description} {s.highCost ? <Badge tone="info">high cost</Badge> : null}
                    </td>
                    <td className="mono nowrap">{fmtNdc(s.ndc11)}</td>
                    <td>{s.abc}</td>
                    <td className="num">{s.averageDailyUse}</td>
                    <td className="num">{s.onHand}</td>
                    <td className="num">{s.onOrder}</td>
                    <td className="num">{s.reorderPoint}</td>
                    <td className="num">
                      {s.packages} × {s.packageQty}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="po-h">
        <div className="card-head">
          <h2 id="po-h">Purchase order</h2>
        </div>
        <form className="toolbar" onSubmit={lookUp}>
          <Field
            label="Purchase order id"
            className="grow"
            hint="The server has no list of open orders yet: look one up by id."
          >
            {(p) => <input {...p} value={poText} onChange={(e) => setPoText(e.target.value)} />}
          </Field>
          <button type="submit" className="btn">
            Open
          </button>
        </form>
        {po.error ? <ErrorBanner error={po.error} /> : null}
        {po.data ? (
          <>
            <p>
              Status <Badge>{String(po.data.status ?? 'unknown')}</Badge>{' '}
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => navigate(`/inventory?tab=receiving&po=${encodeURIComponent(poId)}`)}
              >
                Receive against this order
              </button>
            </p>
            <ul>
              {(po.data.lines ?? []).map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: order lines are shown as sent, never reordered
                <li key={`${l.ndc11}-${i}`} className="mono">
                  {fmtNdc(l.ndc11 ?? '')} · {l.packages ?? '?'} × {l.packageQty ?? '?'}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
