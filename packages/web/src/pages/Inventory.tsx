import { type KeyboardEvent, useRef } from 'react';
import type { Permission } from '../api/types';
import { PageHeader } from '../components/ui';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { ControlledTab } from './inventory/Controlled';
import { CountsTab } from './inventory/Counts';
import { OrdersTab } from './inventory/Orders';
import { RecallsTab } from './inventory/Recalls';
import { ReceivingTab } from './inventory/Receiving';
import { StockTab } from './inventory/Stock';
import { WasteTab } from './inventory/Waste';

const TABS: { id: string; label: string; permission: Permission }[] = [
  { id: 'stock', label: 'On hand', permission: 'inventory.read' },
  { id: 'receiving', label: 'Receiving', permission: 'inventory.receive' },
  { id: 'orders', label: 'Orders', permission: 'inventory.read' },
  { id: 'counts', label: 'Counts', permission: 'inventory.count' },
  { id: 'controlled', label: 'Controlled substances', permission: 'controlled.read' },
  { id: 'waste', label: 'Waste', permission: 'inventory.waste' },
  { id: 'recalls', label: 'Recalls', permission: 'recalls.manage' },
];

/** Inventory at the selected site: stock, receiving, orders, CII log and counts, recalls (tabs by permission). */
export default function Inventory() {
  const { site, can } = useSession();
  const { query } = useLocation();
  const tabs = TABS.filter((t) => can(t.permission));
  const current = tabs.find((t) => t.id === query.get('tab')) ?? tabs[0];
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (id: string) => navigate(`/inventory?tab=${id}`, { replace: true });
  const onKey = (e: KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : -1;
    const t = tabs[next];
    if (!t) return;
    e.preventDefault();
    select(t.id);
    refs.current[next]?.focus();
  };
  return (
    <>
      <PageHeader
        title="Inventory"
        subtitle={`${current?.label ?? 'Stock'} at ${site?.name ?? 'the selected site'}`}
      />
      <div className="tabs" role="tablist" aria-label="Inventory">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`inv-tab-${t.id}`}
            aria-selected={t === current}
            aria-controls="inv-panel"
            tabIndex={t === current ? 0 : -1}
            className="tab"
            onClick={() => select(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current ? (
        <div
          id="inv-panel"
          role="tabpanel"
          aria-labelledby={`inv-tab-${current.id}`}
          key={`${current.id}|${site?.id}`}
        >
          {current.id === 'stock' ? <StockTab initialNdc={query.get('ndc') ?? ''} /> : null}
          {current.id === 'receiving' ? <ReceivingTab /> : null}
          {current.id === 'orders' ? <OrdersTab /> : null}
          {current.id === 'counts' ? <CountsTab /> : null}
          {current.id === 'controlled' ? <ControlledTab /> : null}
          {current.id === 'waste' ? <WasteTab /> : null}
          {current.id === 'recalls' ? <RecallsTab /> : null}
        </div>
      ) : null}
    </>
  );
}
