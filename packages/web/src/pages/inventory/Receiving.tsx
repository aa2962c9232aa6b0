import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { type DrugSearch, fmtNdc } from '../../api/rx';
import type { Items } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Badge, Empty, ErrorBanner, Field } from '../../components/ui';
import { Link, useLocation } from '../../router';
import { useSession } from '../../session';
import { poHref } from './PurchaseOrders';
import { fmtQty, PO_STATUS, type PoDetail, type PoListItem } from './purchasing';

interface Line {
  key: number;
  scan: string;
  name: string;
  ndc11: string | null;
  lot: string | null;
  expiry: string | null;
  quantity: number;
  damagedQuantity: number;
}
interface ReceiptLine {
  ndc11: string;
  lot: string | null;
  expiry: string | null;
  quantity: number;
  damaged: number;
  location: string;
  quarantineReasons: string[];
}
export interface Discrepancy {
  id: string;
  receiptId: string;
  ndc11: string;
  lot: string | null;
  kind: string;
  quantity: number;
  reportedAt: string | null;
  notes: string | null;
}
interface Receipt {
  id: string;
  quarantined: boolean;
  lines: ReceiptLine[];
  discrepancies: Discrepancy[];
}

/** Receiving by scan: each GS1 scan (DataMatrix or GS1-128) becomes a receipt line; damaged units and the
 * dock's DSCSA documents go with it. The server quarantines stock without DSCSA information. */
export function ReceivingTab() {
  const { site } = useSession();
  const [scan, setScan] = useState('');
  const [qty, setQty] = useState('');
  const [damaged, setDamaged] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [seller, setSeller] = useState('');
  const [statement, setStatement] = useState(false);
  const { query } = useLocation();
  const [poId, setPoId] = useState(query.get('po') ?? '');
  const [scanError, setScanError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt>();
  const discrepancies = useApi(
    (signal) =>
      api.get<Items<Discrepancy>>(
        '/api/inventory/receipt-discrepancies',
        { siteId: site?.id, unreported: 'true' },
        signal,
      ),
    [site?.id, receipt?.id],
  );
  const openPos = useApi(
    (signal) =>
      api.get<Items<PoListItem>>('/api/purchasing/orders', { siteId: site?.id, status: 'open' }, signal),
    [site?.id, receipt?.id],
  );
  const po = useApi(
    (signal) =>
      poId
        ? api.get<PoDetail>(`/api/purchasing/orders/${encodeURIComponent(poId)}`, undefined, signal)
        : Promise.resolve(null),
    [poId, receipt?.id],
  );

  const addLine = async (e: FormEvent) => {
    e.preventDefault();
    const code = scan.trim();
    const quantity = Number(qty);
    if (!code) return setScanError('Scan a barcode or type the GS1 string.');
    if (!(quantity > 0)) return setScanError('Enter the number of good units received.');
    setScanError(undefined);
    const found = await api
      .get<DrugSearch>('/api/drugs/search', { q: code, siteId: site?.id, limit: 1 })
      .catch(() => null);
    const hit = found?.items[0];
    setLines((l) => [
      ...l,
      {
        key: Date.now() + Math.random(),
        scan: code,
        name: hit ? `${hit.name} ${hit.strength ?? ''}`.trim() : 'Not in the drug catalogue',
        ndc11: hit?.ndc11 ?? null,
        lot: found?.scan?.lot ?? null,
        expiry: found?.scan?.expiry ?? null,
        quantity,
        damagedQuantity: Number(damaged) || 0,
      },
    ]);
    setScan('');
    setQty('');
    setDamaged('');
  };

  const receive = async () => {
    if (!site || !lines.length) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<Receipt>('/api/inventory/receipts', {
        siteId: site.id,
        ...(poId.trim() ? { poId: poId.trim() } : {}),
        ...(seller.trim() ? { dscsa: { sellerName: seller.trim(), transactionStatement: statement } } : {}),
        lines: lines.map((l) => ({
          scan: l.scan,
          quantity: l.quantity,
          ...(l.damagedQuantity ? { damagedQuantity: l.damagedQuantity } : {}),
        })),
      });
      setReceipt(res);
      setLines([]);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="rcv-h">
        <div className="card-head">
          <h2 id="rcv-h">Receive a delivery</h2>
        </div>
        <form className="toolbar" onSubmit={addLine}>
          <Field
            label="GS1 scan"
            className="grow"
            error={scanError}
            hint="Scan the DataMatrix; Enter adds the line."
          >
            {(p) => (
              <input {...p} value={scan} onChange={(e) => setScan(e.target.value)} autoComplete="off" />
            )}
          </Field>
          <Field label="Good units">
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={qty}
                onChange={(e) => setQty(e.target.value)}
                size={6}
              />
            )}
          </Field>
          <Field label="Damaged units">
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={damaged}
                onChange={(e) => setDamaged(e.target.value)}
                size={6}
              />
            )}
          </Field>
          <button type="submit" className="btn">
            Add line
          </button>
        </form>
        {lines.length ? (
          <table className="table compact" data-testid="receipt-lines">
            <caption className="sr-only">Lines of this delivery</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">NDC</th>
                <th scope="col">Lot</th>
                <th scope="col">Expiry</th>
                <th scope="col" className="num">
                  Good
                </th>
                <th scope="col" className="num">
                  Damaged
                </th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.key}>
                  <td>{l.name}</td>
                  <td className="mono nowrap">{l.ndc11 ? fmtNdc(l.ndc11) : '—'}</td>
                  <td className="mono">{l.lot ?? '—'}</td>
                  <td className="nowrap">{l.expiry ?? '—'}</td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{l.damagedQuantity}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    >
                      Remove<span className="sr-only"> line {i + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No lines yet: scan the first item.</Empty>
        )}
        <div className="toolbar">
          <Field
            label="DSCSA seller"
            hint="From the transaction information; without it the stock is quarantined."
          >
            {(p) => <input {...p} value={seller} onChange={(e) => setSeller(e.target.value)} />}
          </Field>
          <label className="check">
            <input type="checkbox" checked={statement} onChange={(e) => setStatement(e.target.checked)} />{' '}
            Transaction statement provided
          </label>
          <Field label="Purchase order" error={po.error?.detail}>
            {(p) => (
              <select {...p} value={poId} onChange={(e) => setPoId(e.target.value)}>
                <option value="">None: not against an order</option>
                {openPos.data?.items.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.po_number} · {o.supplier} · {PO_STATUS[o.status]?.label ?? o.status}
                  </option>
                ))}
                {poId && !openPos.data?.items.some((o) => o.id === poId) ? (
                  <option value={poId}>{po.data?.po_number ?? poId}</option>
                ) : null}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!lines.length || busy}
            onClick={receive}
          >
            Receive {lines.length} line{lines.length === 1 ? '' : 's'}
          </button>
        </div>
        {po.data ? (
          <div data-testid="po-expected">
            <p>
              Expected on <Link href={poHref(po.data.id)}>{po.data.po_number}</Link> from{' '}
              {po.data.supplier.name} ({PO_STATUS[po.data.status]?.label ?? po.data.status}):
            </p>
            <ul>
              {po.data.lines.map((l) => (
                <li key={l.id}>
                  {l.description ?? ''} <span className="mono">{fmtNdc(l.ndc11)}</span>:{' '}
                  {fmtQty(l.units_ordered)} units ordered, {fmtQty(l.units_received)} received
                  {l.packages_backordered ? `, ${l.packages_backordered} package(s) back-ordered` : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {error ? <ErrorBanner error={error} /> : null}
        {receipt ? (
          <div className="banner banner-ok" role="status" data-testid="receipt-result">
            Received:{' '}
            {receipt.lines
              .map((l) => `${l.quantity} × ${fmtNdc(l.ndc11)} lot ${l.lot ?? '—'} → ${l.location}`)
              .join('; ')}
            {receipt.quarantined
              ? ` · Quarantined: ${receipt.lines.flatMap((l) => l.quarantineReasons).join('; ')}`
              : ''}
            {receipt.discrepancies.length
              ? ` · ${receipt.discrepancies.length} discrepancy(ies) recorded`
              : ''}
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="disc-h">
        <div className="card-head">
          <h2 id="disc-h">Discrepancies not yet reported to the supplier</h2>
        </div>
        {discrepancies.error ? <ErrorBanner error={discrepancies.error} /> : null}
        {discrepancies.data && !discrepancies.data.items.length ? <Empty>None.</Empty> : null}
        {discrepancies.data?.items.length ? (
          <table className="table compact">
            <caption className="sr-only">Unreported receiving discrepancies</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">NDC</th>
                <th scope="col">Lot</th>
                <th scope="col" className="num">
                  Units
                </th>
              </tr>
            </thead>
            <tbody>
              {discrepancies.data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Badge tone="warn">{d.kind.replaceAll('_', ' ')}</Badge>
                  </td>
                  <td className="mono">{fmtNdc(d.ndc11)}</td>
                  <td className="mono">{d.lot ?? '—'}</td>
                  <td className="num">{d.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
