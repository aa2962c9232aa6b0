import { type FormEvent, useEffect, useState } from 'react';
import { fmtCents } from '../../api/claims';
import { ApiError, api } from '../../api/client';
import { fmtNdc } from '../../api/rx';
import { useApi } from '../../api/useApi';
import { Badge, ErrorBanner, Field, fmtDate, fmtDateTime, Loading } from '../../components/ui';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { fmtQty, getText, OPEN_STATUSES, PO_STATUS, type PoDetail, type PoLine } from './purchasing';

const ackText = (l: PoLine): string => {
  if (l.packages_acknowledged === null && !l.ack_status) return 'not yet';
  const parts = [`${l.packages_acknowledged ?? 0} accepted`];
  if (l.packages_backordered) parts.push(`${l.packages_backordered} back-ordered`);
  if (l.ack_status && !['accepted', 'backordered'].includes(l.ack_status)) parts.push(l.ack_status);
  return parts.join(', ');
};

/**
 * One purchase order: lines with ordered, acknowledged (855) and received quantities, invoices (810) and
 * receipts; a buyer sends it (X12 850, shown and downloadable), cancels it, or goes on to receive it.
 */
export function PurchaseOrder({ id, onBack }: { id: string; onBack: () => void }) {
  const { site, can } = useSession();
  const [tick, setTick] = useState(0);
  const po = useApi(
    (signal) => api.get<PoDetail>(`/api/purchasing/orders/${encodeURIComponent(id)}`, undefined, signal),
    [id, tick],
  );
  const [x12, setX12] = useState<string>();
  const [download, setDownload] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string>();
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  const d = po.data;
  if (po.loading && !d) return <Loading />;
  if (po.error)
    return (
      <section className="card">
        <ErrorBanner error={po.error} />
        <button type="button" className="btn" onClick={onBack}>
          Back to the list
        </button>
      </section>
    );
  if (!d) return null;
  const open = OPEN_STATUSES.includes(d.status);
  const manage = can('purchasing.manage');
  const otherSite = d.site_id !== site?.id;

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const text = await getText(`/api/purchasing/orders/${encodeURIComponent(id)}/x12-850`);
      setX12(text);
      setDownload(URL.createObjectURL(new Blob([text], { type: 'application/edi-x12' })));
      setNotice(`Purchase order ${d.po_number} marked sent: the X12 850 is below.`);
      setTick((t) => t + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  };
  const cancel = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!reason.trim()) {
      setError(
        new ApiError(400, 'reason_required', 'Give the reason', [{ field: 'reason', reason: 'is required' }]),
      );
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<{ status: string; was_sent: boolean }>(
        `/api/purchasing/orders/${encodeURIComponent(id)}/cancel`,
        { reason: reason.trim() },
      );
      setCancelling(false);
      setReason('');
      setNotice(
        `${d.po_number} ${r.status === 'closed' ? 'closed: the undelivered rest is no longer on order' : 'cancelled'}.${
          r.was_sent ? ' The supplier already has the order: tell them too.' : ''
        }`,
      );
      setTick((t) => t + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err)));
    } finally {
      setBusy(false);
    }
  };
  const anyReceived = d.lines.some((l) => l.units_received > 0);
  const poPrice = new Map(d.lines.map((l) => [l.ndc11, l.package_cost_cents]));

  return (
    <>
      <section className="card" aria-labelledby="po-h" data-testid="po-detail">
        <div className="card-head">
          <h2 id="po-h">
            Purchase order <span className="mono">{d.po_number}</span>{' '}
            <Badge tone={PO_STATUS[d.status]?.tone ?? 'neutral'}>
              {PO_STATUS[d.status]?.label ?? d.status}
            </Badge>
          </h2>
          <button type="button" className="btn btn-ghost" onClick={onBack}>
            Back to the list
          </button>
        </div>
        {otherSite ? (
          <p className="banner banner-warn">This order belongs to another site than the one selected.</p>
        ) : null}
        <dl className="details po-facts">
          <div>
            <dt>Supplier</dt>
            <dd>
              {d.supplier.name}
              {d.supplier.x12_id ? <span className="muted"> · X12 {d.supplier.x12_id}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              {fmtDateTime(d.created_at)}
              {d.created_by_name ? ` by ${d.created_by_name}` : ''}
            </dd>
          </div>
          <div>
            <dt>Sent (X12 850)</dt>
            <dd>{d.sent_at ? fmtDateTime(d.sent_at) : 'not yet'}</dd>
          </div>
          <div>
            <dt>Acknowledged (855)</dt>
            <dd>{d.acknowledged_at ? fmtDateTime(d.acknowledged_at) : 'not yet'}</dd>
          </div>
          {d.dea_form_222_number || d.csos_order_number ? (
            <div>
              <dt>Schedule II order</dt>
              <dd className="mono">
                {d.dea_form_222_number ? `Form 222 ${d.dea_form_222_number}` : ''}
                {d.csos_order_number ? ` CSOS ${d.csos_order_number}` : ''}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Total ordered</dt>
            <dd>{fmtCents(d.total_cents)}</dd>
          </div>
        </dl>
        {d.cancellation ? (
          <p className="banner banner-warn">
            {d.cancellation.status === 'closed' ? 'Closed' : 'Cancelled'} {fmtDateTime(d.cancellation.at)}
            {d.cancellation.by ? ` by ${d.cancellation.by}` : ''}: {d.cancellation.reason}
          </p>
        ) : null}
        <div className="toolbar po-actions">
          {open && !otherSite && can('inventory.receive') ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate(`/inventory?tab=receiving&po=${encodeURIComponent(id)}`)}
            >
              Receive against this order
            </button>
          ) : null}
          {open && manage && d.status !== 'partially_received' ? (
            <button type="button" className="btn" onClick={send} disabled={busy}>
              {d.sent_at ? 'Send again (X12 850)' : 'Send to supplier (X12 850)'}
            </button>
          ) : null}
          {open && manage && !cancelling ? (
            <button type="button" className="btn btn-danger" onClick={() => setCancelling(true)}>
              {anyReceived ? 'Close order…' : 'Cancel order…'}
            </button>
          ) : null}
        </div>
        {cancelling ? (
          <form
            className="toolbar"
            onSubmit={cancel}
            aria-label={anyReceived ? 'Close the order' : 'Cancel the order'}
          >
            <Field
              label={anyReceived ? 'Reason for closing' : 'Reason for cancelling'}
              required
              className="grow"
              error={error?.fieldError('reason')}
              hint={
                anyReceived
                  ? 'Part has arrived: closing stops waiting for the rest (it no longer counts as on order).'
                  : d.sent_at
                    ? 'The supplier already has this order: tell them too.'
                    : undefined
              }
            >
              {(p) => (
                <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />
              )}
            </Field>
            <button type="submit" className="btn btn-danger" disabled={busy}>
              {anyReceived ? 'Close the order' : 'Cancel the order'}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setCancelling(false)}>
              Keep it
            </button>
          </form>
        ) : null}
        {error && !error.fieldError('reason') ? <ErrorBanner error={error} /> : null}
        {notice ? (
          <p className="banner banner-ok" role="status">
            {notice}
          </p>
        ) : null}
        {x12 ? (
          <section className="x12-preview" aria-labelledby="x12-h">
            <div className="toolbar">
              <h3 id="x12-h">X12 850</h3>
              {download ? (
                <a className="btn" href={download} download={`${d.po_number}.850.x12`}>
                  Download the 850
                </a>
              ) : null}
            </div>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
            <pre className="mono" tabIndex={0} data-testid="x12-850">
              {x12.replaceAll('~', '~\n')}
            </pre>
          </section>
        ) : null}
        <div className="table-wrap">
          <table className="table compact" data-testid="po-lines">
            <caption className="sr-only">Lines of {d.po_number}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Product</th>
                <th scope="col">NDC</th>
                <th scope="col" className="num">
                  Ordered (packs × size)
                </th>
                <th scope="col" className="num">
                  Price / pack
                </th>
                <th scope="col">Acknowledged (855)</th>
                <th scope="col" className="num">
                  Received (units)
                </th>
                <th scope="col" className="num">
                  Line total
                </th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.id}>
                  <td className="num">{l.line_no}</td>
                  <td>{l.description ?? '—'}</td>
                  <td className="mono nowrap">{fmtNdc(l.ndc11)}</td>
                  <td className="num nowrap">
                    {l.packages_ordered} × {fmtQty(l.package_qty)}
                  </td>
                  <td className="num">{fmtCents(l.package_cost_cents)}</td>
                  <td>{ackText(l)}</td>
                  <td className="num nowrap">
                    {fmtQty(l.units_received)} of {fmtQty(l.units_ordered)}
                  </td>
                  <td className="num">{fmtCents(l.line_total_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {d.invoices.length ? (
        <section className="card" aria-labelledby="po-inv-h">
          <div className="card-head">
            <h2 id="po-inv-h">Invoices (810)</h2>
          </div>
          {d.invoices.map((inv) => (
            <div key={inv.id} data-testid="po-invoice">
              <p>
                <strong className="mono">{inv.invoice_number}</strong>
                {inv.invoice_date ? ` · ${fmtDate(inv.invoice_date)}` : ''} · total{' '}
                {fmtCents(inv.total_cents)}
              </p>
              <table className="table compact">
                <caption className="sr-only">Lines of invoice {inv.invoice_number}</caption>
                <thead>
                  <tr>
                    <th scope="col">NDC</th>
                    <th scope="col" className="num">
                      Quantity
                    </th>
                    <th scope="col" className="num">
                      Price
                    </th>
                    <th scope="col">Against the order</th>
                  </tr>
                </thead>
                <tbody>
                  {inv.lines.map((l, i) => {
                    const ordered = poPrice.get(l.ndc11);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: invoice lines in document order
                      <tr key={i}>
                        <td className="mono">{l.ndc11 ? fmtNdc(l.ndc11) : '—'}</td>
                        <td className="num">
                          {l.qty} {l.unit ?? ''}
                        </td>
                        <td className="num">{fmtCents(l.priceCents)}</td>
                        <td>
                          {ordered === undefined ? (
                            <Badge tone="warn">not on the order</Badge>
                          ) : ordered !== l.priceCents ? (
                            <Badge tone="warn">ordered at {fmtCents(ordered)}</Badge>
                          ) : (
                            <Badge tone="ok">price as ordered</Badge>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ) : null}
      {d.receipts.length ? (
        <section className="card" aria-labelledby="po-rcv-h">
          <div className="card-head">
            <h2 id="po-rcv-h">Receipts</h2>
          </div>
          <ul className="plain-list" data-testid="po-receipts">
            {d.receipts.map((r) => (
              <li key={r.id}>
                {fmtDateTime(r.received_at)}
                {r.received_by_name ? ` by ${r.received_by_name}` : ''}:{' '}
                {r.lines
                  .map(
                    (l) => `${fmtQty(l.quantity)} × ${fmtNdc(l.ndc11)} lot ${l.lot ?? '—'} → ${l.location}`,
                  )
                  .join('; ')}{' '}
                {r.quarantined ? <Badge tone="warn">quarantined</Badge> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
