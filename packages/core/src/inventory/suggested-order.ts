// Reorder-point replenishment ("order point, order-up-to", s,S policy). Reorder point = expected demand over
// the replenishment lead time + safety stock (Silver, Pyke & Peterson, Inventory Management and Production
// Planning and Scheduling, 3rd ed., Wiley 1998, §7.1–7.3). Safety stock here is expressed in days of average
// use, the usual pharmacy practice (ASHP Guidelines on the Management of Drug Products; days-of-supply targets).

export interface SuggestInput {
  /** Units on hand now (sellable stock only). */
  onHand: number;
  /** Units on open purchase orders not yet received. */
  onOrder: number;
  /** Average daily use in units (from dispensing history). */
  averageDailyUse: number;
  leadTimeDays: number;
  safetyDays: number;
  /** Units per orderable package; orders are whole packages. */
  packageQty: number;
  /** Optional par levels (units). min raises the reorder point, max is the order-up-to level. */
  min?: number | undefined;
  max?: number | undefined;
}

export interface Suggestion {
  reorderPoint: number;
  orderUpTo: number;
  /** Whole packages to order (0 when above the reorder point). */
  packages: number;
  units: number;
}

const finite = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** Never throws and never returns NaN: bad numbers count as 0; a package below 0.001 unit (the ledger's resolution) counts as 1. */
export function suggestOrder(i: SuggestInput): Suggestion {
  const adu = finite(i.averageDailyUse);
  const pkg = finite(i.packageQty) >= 0.001 ? i.packageQty : 1;
  const safety = adu * finite(i.safetyDays);
  const demand = adu * finite(i.leadTimeDays);
  const reorderPoint = Math.max(demand + safety, finite(i.min ?? 0));
  // Without a max, order up to the reorder point plus one lead time of use (one review cycle).
  const orderUpTo = Math.max(finite(i.max ?? 0) || reorderPoint + demand, reorderPoint);
  const position = (Number.isFinite(i.onHand) ? i.onHand : 0) + finite(i.onOrder);
  if (position > reorderPoint || orderUpTo <= 0) return { reorderPoint, orderUpTo, packages: 0, units: 0 };
  const packages = Math.max(1, Math.ceil((orderUpTo - position) / pkg - 1e-9));
  return { reorderPoint, orderUpTo, packages, units: packages * pkg };
}

export type AbcClass = 'A' | 'B' | 'C';

/**
 * ABC (Pareto) classification by annual usage value: items are sorted by value and take class A while the
 * cumulative share is within the first 80 %, B within 95 %, C for the rest (the conventional 80/15/5 split,
 * e.g. Silver, Pyke & Peterson §3.6).
 */
export function abcClassify(values: ReadonlyMap<string, number>, a = 0.8, b = 0.95): Map<string, AbcClass> {
  const items = [...values].map(([k, v]) => [k, finite(v)] as const).sort((x, y) => y[1] - x[1]);
  const total = items.reduce((s, [, v]) => s + v, 0);
  const out = new Map<string, AbcClass>();
  let before = 0;
  for (const [k, v] of items) {
    // An item is A if the cumulative share *before* it is still under the cut-off (the top item is always A).
    const share = total > 0 ? before / total : 1;
    out.set(k, share < a ? 'A' : share < b ? 'B' : 'C');
    before += v;
  }
  return out;
}
