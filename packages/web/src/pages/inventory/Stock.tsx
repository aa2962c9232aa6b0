import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { type DrugDetail, fmtNdc, type OnHand } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, fmtDate, Loading } from '../../components/ui';
import { useSession } from '../../session';

interface Location {
  code: string;
  name: string;
  kind: string;
}

const DAY = 86_400_000;

export function ExpiryBadge({ expiry }: { expiry: string | null }) {
  if (!expiry) return <span className="muted">—</span>;
  const days = Math.floor((Date.parse(`${expiry}T00:00:00Z`) - Date.now()) / DAY);
  return (
    <>
      {fmtDate(expiry)}{' '}
      {days < 0 ? (
        <Badge tone="bad">Expired</Badge>
      ) : days <= 90 ? (
        <Badge tone="warn">{days} days left</Badge>
      ) : null}
    </>
  );
}

/** On-hand stock by location, NDC, lot and expiry at the selected site, with product names resolved. */
export function StockTab({ initialNdc }: { initialNdc: string }) {
  const { site } = useSession();
  const [ndcText, setNdcText] = useState(initialNdc);
  const [ndc, setNdc] = useState(initialNdc);
  const [location, setLocation] = useState('');
  const locations = useApi(
    (signal) => api.get<Items<Location>>('/api/inventory/locations', { siteId: site?.id }, signal),
    [site?.id],
  );
  const { data, error, loading } = useApi(
    async (signal) => {
      const res = await api.get<{ items: OnHand[]; total: number }>(
        '/api/inventory/on-hand',
        { siteId: site?.id, ndc11: ndc.replace(/\D/g, '') || undefined, location: location || undefined },
        signal,
      );
      const ndcs = [...new Set(res.items.map((i) => i.ndc11))].slice(0, 60);
      const names = new Map<string, string>();
      await Promise.all(
        ndcs.map((n) =>
          api
            .get<DrugDetail>(`/api/drugs/${n}`, { siteId: site?.id }, signal)
            .then((d) => names.set(n, `${d.product.displayName} ${d.product.strength ?? ''}`.trim()))
            .catch(() => undefined),
        ),
      );
      return { ...res, names };
    },
    [site?.id, ndc, location],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNdc(ndcText.trim());
  };

  return (
    <>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <div className="field inline grow">
            <label htmlFor="inv-ndc">NDC</label>
            <input
              id="inv-ndc"
              type="search"
              value={ndcText}
              placeholder="11-digit NDC, dashes optional"
              onChange={(e) => setNdcText(e.target.value)}
            />
          </div>
          <div className="field inline">
            <label htmlFor="inv-loc">Location</label>
            <select id="inv-loc" value={location} onChange={(e) => setLocation(e.target.value)}>
              <option value="">All locations</option>
              {(locations.data?.items ?? []).map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name} ({l.kind})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </form>
      </search>
      {error ? <ErrorBanner error={error} /> : null}
      {loading && !data ? <Loading label="Loading stock…" /> : null}
      {data ? (
        data.items.length === 0 ? (
          <Empty>No stock on hand{ndc ? ` for ${ndc}` : ''}.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">On-hand stock</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">NDC</th>
                  <th scope="col">Location</th>
                  <th scope="col">Lot</th>
                  <th scope="col">Expiry</th>
                  <th scope="col" className="num">
                    On hand
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={`${i.location}|${i.ndc11}|${i.lot ?? ''}|${i.serial ?? ''}`}>
                    <td>{data.names.get(i.ndc11) ?? <span className="muted">Unknown product</span>}</td>
                    <td className="mono nowrap">{fmtNdc(i.ndc11)}</td>
                    <td>{i.location}</td>
                    <td className="mono">{i.lot ?? '—'}</td>
                    <td className="nowrap">
                      <ExpiryBadge expiry={i.expiry} />
                    </td>
                    <td className={`num${i.quantity < 0 ? ' field-error' : ''}`}>{i.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="table-foot">
              {data.items.length} balance{data.items.length === 1 ? '' : 's'} · total {data.total} units
            </p>
          </div>
        )
      ) : null}
    </>
  );
}
