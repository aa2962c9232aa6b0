import { abcClassify, suggestOrder } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { schedulesOf } from '../schedule';
import { OPEN_PO_STATUSES } from './orders';

/**
 * Suggested order per NDC at a site: average daily use over the last `days` (dispensed units) × lead time +
 * safety stock, raised to the par minimum, ordered up to the par maximum, in whole packages (core suggestOrder),
 * with the ABC class by annual usage value and a high-cost flag. A handful of grouped queries whatever the size.
 */
export async function suggestions(
  db: Db,
  ctx: Ctx,
  q: { siteId: string; days: number; highCostCents: number; all?: boolean | undefined },
) {
  ctx.actor.require('inventory.read', q.siteId);
  const since = new Date(Date.now() - q.days * 86_400_000).toISOString();
  const [items, pars, use, onHand, onOrder] = await Promise.all([
    db.selectFrom('inv_items').selectAll().where('site_id', '=', q.siteId).execute(),
    db
      .selectFrom('inv_par_levels')
      .select('ndc11')
      .select((eb) => [eb.fn.sum<number>('min_milli').as('min'), eb.fn.sum<number>('max_milli').as('max')])
      .where('site_id', '=', q.siteId)
      .groupBy('ndc11')
      .execute(),
    db
      .selectFrom('inv_movements')
      .select('ndc11')
      .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
      .where('site_id', '=', q.siteId)
      .where('type', '=', 'dispense')
      .where('occurred_at', '>=', since)
      .groupBy('ndc11')
      .execute(),
    db
      .selectFrom('inv_balances')
      .select('ndc11')
      .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
      .where('site_id', '=', q.siteId)
      .where('location', '!=', 'QUARANTINE')
      .groupBy('ndc11')
      .execute(),
    db
      .selectFrom('inv_po_lines')
      .innerJoin('inv_purchase_orders', 'inv_purchase_orders.id', 'inv_po_lines.po_id')
      .select([
        'inv_po_lines.ndc11',
        'inv_po_lines.packages_ordered',
        'inv_po_lines.package_qty',
        'inv_po_lines.units_received_milli',
      ])
      .where('inv_purchase_orders.site_id', '=', q.siteId)
      .where('inv_purchase_orders.status', 'in', [...OPEN_PO_STATUSES])
      .execute(),
  ]);
  const m = <T extends { ndc11: string }>(rows: T[]) => new Map(rows.map((r) => [r.ndc11, r]));
  const itemBy = m(items);
  const parBy = m(pars);
  const useBy = new Map(use.map((r) => [r.ndc11, -Number(r.q) / 1000]));
  const handBy = new Map(onHand.map((r) => [r.ndc11, Number(r.q) / 1000]));
  const orderBy = new Map<string, number>();
  for (const l of onOrder)
    orderBy.set(
      l.ndc11,
      (orderBy.get(l.ndc11) ?? 0) +
        Math.max(0, l.packages_ordered * l.package_qty - Number(l.units_received_milli) / 1000),
    );
  const ndcs = new Set([...itemBy.keys(), ...parBy.keys(), ...useBy.keys()]);
  const value = new Map<string, number>();
  for (const n of ndcs)
    value.set(n, ((useBy.get(n) ?? 0) / q.days) * 365 * (Number(itemBy.get(n)?.unit_cost_micro ?? 0) / 1e6));
  const abc = abcClassify(value);
  const out = [];
  for (const ndc11 of ndcs) {
    const item = itemBy.get(ndc11);
    const par = parBy.get(ndc11);
    const adu = (useBy.get(ndc11) ?? 0) / q.days;
    const s = suggestOrder({
      onHand: handBy.get(ndc11) ?? 0,
      onOrder: orderBy.get(ndc11) ?? 0,
      averageDailyUse: adu,
      leadTimeDays: item?.lead_time_days ?? 2,
      safetyDays: item?.safety_days ?? 2,
      packageQty: item?.package_qty ?? 1,
      min: par ? Number(par.min) / 1000 : undefined,
      max: par ? Number(par.max) / 1000 : undefined,
    });
    if (!q.all && s.packages === 0) continue;
    const unitCostCents = item?.unit_cost_micro == null ? null : Number(item.unit_cost_micro) / 10_000;
    out.push({
      ndc11,
      description: item?.description ?? null,
      averageDailyUse: Math.round(adu * 1000) / 1000,
      onHand: handBy.get(ndc11) ?? 0,
      onOrder: orderBy.get(ndc11) ?? 0,
      reorderPoint: s.reorderPoint,
      orderUpTo: s.orderUpTo,
      packages: s.packages,
      units: s.units,
      packageQty: item?.package_qty ?? 1,
      abc: abc.get(ndc11) ?? 'C',
      highCost: unitCostCents !== null && unitCostCents >= q.highCostCents,
      unitCostCents,
      deaSchedule: null as string | null,
    });
  }
  // DEA schedule per line (Schedule II orders need a Form 222 / CSOS number); chunked to bound the IN lists.
  const schedules = new Map<string, string>();
  for (let i = 0; i < out.length; i += 500)
    for (const [k, v] of await schedulesOf(
      db,
      q.siteId,
      out.slice(i, i + 500).map((o) => o.ndc11),
    ))
      schedules.set(k, v);
  for (const o of out) o.deaSchedule = schedules.get(o.ndc11) ?? null;
  return out.sort(
    (a, b) => a.abc.localeCompare(b.abc) || b.packages - a.packages || a.ndc11.localeCompare(b.ndc11),
  );
}
