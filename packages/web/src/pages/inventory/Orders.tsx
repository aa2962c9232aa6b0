import type { Permission } from '../../api/types';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../session';
import { PurchaseOrder } from './PurchaseOrder';
import { PurchaseOrders } from './PurchaseOrders';
import { PO_FILTERS, type PoFilter } from './purchasing';
import { SuggestedOrder } from './SuggestedOrder';
import { Suppliers } from './Suppliers';
import './purchasing.css';

const VIEWS: { id: string; label: string; permission?: Permission }[] = [
  { id: 'suggested', label: 'Suggested order' },
  { id: 'orders', label: 'Purchase orders' },
  { id: 'suppliers', label: 'Suppliers', permission: 'purchasing.manage' },
];

/**
 * Orders (issue 8): the suggested order (→ a purchase order), purchase orders by status with one order's
 * lines, acknowledgments, invoices and receipts, and suppliers. The view, filter and open order live in the
 * URL (`?tab=orders&view=orders&status=received&po=…`) so back/forward and links work.
 */
export function OrdersTab() {
  const { can } = useSession();
  const { query } = useLocation();
  const views = VIEWS.filter((v) => !v.permission || can(v.permission));
  const po = query.get('po');
  const view = po ? 'orders' : (views.find((v) => v.id === query.get('view'))?.id ?? 'suggested');
  const filter = (PO_FILTERS.find((f) => f.id === query.get('status'))?.id ?? 'open') as PoFilter;
  const go = (params: Record<string, string | undefined>) => {
    const q = new URLSearchParams({ tab: 'orders' });
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    navigate(`/inventory?${q}`);
  };
  return (
    <>
      <fieldset className="segmented orders-views">
        <legend className="sr-only">Orders view</legend>
        {views.map((v) => (
          <label key={v.id}>
            <input
              type="radio"
              name="orders-view"
              checked={view === v.id}
              onChange={() => go({ view: v.id, status: v.id === 'orders' ? filter : undefined })}
            />
            {v.label}
          </label>
        ))}
      </fieldset>
      {view === 'suggested' ? <SuggestedOrder onCreated={(id) => go({ view: 'orders', po: id })} /> : null}
      {view === 'orders' && po ? (
        <PurchaseOrder id={po} onBack={() => go({ view: 'orders', status: filter })} />
      ) : null}
      {view === 'orders' && !po ? (
        <PurchaseOrders filter={filter} onFilter={(f) => go({ view: 'orders', status: f })} />
      ) : null}
      {view === 'suppliers' ? <Suppliers /> : null}
    </>
  );
}
