import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { ciiLog } from '../controlled/log';

export const REPORTS = [
  'on-hand-value',
  'expiring',
  'expired',
  'dead-stock',
  'turns',
  'stock-outs',
  'high-cost',
  'cii-log',
] as const;
export type ReportName = (typeof REPORTS)[number];

export interface ReportQuery {
  siteId: string;
  days: number;
  highCostCents: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Unit cost (micro-dollars) per NDC: the latest received cost at the site, else the item setting. */
async function unitCosts(db: Db, siteId: string): Promise<Map<string, number>> {
  const items = await db
    .selectFrom('inv_items')
    .select(['ndc11', 'unit_cost_micro'])
    .where('site_id', '=', siteId)
    .execute();
  const out = new Map(
    items.filter((i) => i.unit_cost_micro != null).map((i) => [i.ndc11, Number(i.unit_cost_micro)]),
  );
  const recv = await db
    .selectFrom('inv_movements')
    .select(['ndc11', 'unit_cost_micro', 'occurred_at'])
    .where('site_id', '=', siteId)
    .where('type', '=', 'receive')
    .where('unit_cost_micro', 'is not', null)
    .orderBy('occurred_at')
    .execute();
  for (const r of recv) out.set(r.ndc11, Number(r.unit_cost_micro));
  return out;
}

const balances = (db: Db, siteId: string) =>
  db
    .selectFrom('inv_balances')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('qty_milli', '!=', 0)
    .orderBy('ndc11')
    .orderBy('location')
    .orderBy('expiry')
    .execute();

export async function runReport(
  db: Db,
  ctx: Ctx,
  name: ReportName,
  q: ReportQuery,
): Promise<Record<string, unknown>[]> {
  if (name === 'cii-log') return (await ciiLog(db, ctx, { siteId: q.siteId })).map((e) => ({ ...e }));
  ctx.actor.require('inventory.read', q.siteId);
  const since = new Date(Date.now() - q.days * 86_400_000).toISOString();
  switch (name) {
    case 'on-hand-value':
    case 'high-cost': {
      const cost = await unitCosts(db, q.siteId);
      const rows = (await balances(db, q.siteId)).map((b) => {
        const c = cost.get(b.ndc11);
        const qty = Number(b.qty_milli) / 1000;
        return {
          ndc11: b.ndc11,
          location: b.location,
          lot: b.lot,
          expiry: b.expiry,
          quantity: qty,
          unitCostCents: c === undefined ? null : c / 10_000,
          valueCents: c === undefined ? null : Math.round((Number(b.qty_milli) * c) / 1e7),
        };
      });
      return name === 'high-cost'
        ? rows
            .filter((r) => r.unitCostCents !== null && r.unitCostCents >= q.highCostCents)
            .sort((a, b) => (b.valueCents ?? 0) - (a.valueCents ?? 0))
        : rows;
    }
    case 'expiring':
    case 'expired': {
      const t = today();
      const until = addDays(t, q.days);
      return (await balances(db, q.siteId))
        .filter(
          (b) =>
            b.expiry &&
            Number(b.qty_milli) > 0 &&
            (name === 'expired' ? b.expiry < t : b.expiry >= t && b.expiry <= until),
        )
        .map((b) => ({
          ndc11: b.ndc11,
          location: b.location,
          lot: b.lot,
          expiry: b.expiry,
          quantity: Number(b.qty_milli) / 1000,
          daysLeft: Math.round((Date.parse(b.expiry) - Date.parse(t)) / 86_400_000),
        }));
    }
    case 'dead-stock': {
      const last = await db
        .selectFrom('inv_movements')
        .select('ndc11')
        .select((eb) => eb.fn.max('occurred_at').as('last'))
        .where('site_id', '=', q.siteId)
        .where('type', 'not in', ['count', 'quarantine', 'release'])
        .groupBy('ndc11')
        .execute();
      const lastBy = new Map(last.map((r) => [r.ndc11, String(r.last)]));
      const onHand = await db
        .selectFrom('inv_balances')
        .select('ndc11')
        .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
        .where('site_id', '=', q.siteId)
        .groupBy('ndc11')
        .execute();
      return onHand
        .filter((r) => Number(r.q) > 0 && (lastBy.get(r.ndc11) ?? '') < since)
        .map((r) => ({
          ndc11: r.ndc11,
          quantity: Number(r.q) / 1000,
          lastMovementAt: lastBy.get(r.ndc11) ?? null,
        }));
    }
    case 'turns': {
      // Inventory turns = units used / average units on hand, annualized; average of the window's start and end.
      const onHand = await db
        .selectFrom('inv_balances')
        .select('ndc11')
        .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
        .where('site_id', '=', q.siteId)
        .groupBy('ndc11')
        .execute();
      const moved = await db
        .selectFrom('inv_movements')
        .select(['ndc11', 'type'])
        .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
        .where('site_id', '=', q.siteId)
        .where('occurred_at', '>=', since)
        .groupBy(['ndc11', 'type'])
        .execute();
      const net = new Map<string, number>();
      const used = new Map<string, number>();
      for (const m of moved) {
        net.set(m.ndc11, (net.get(m.ndc11) ?? 0) + Number(m.q));
        if (m.type === 'dispense') used.set(m.ndc11, (used.get(m.ndc11) ?? 0) - Number(m.q));
      }
      const ndcs = new Set([...onHand.map((r) => r.ndc11), ...used.keys()]);
      const endBy = new Map(onHand.map((r) => [r.ndc11, Number(r.q)]));
      return [...ndcs].sort().map((ndc11) => {
        const end = endBy.get(ndc11) ?? 0;
        const start = end - (net.get(ndc11) ?? 0);
        const avg = (start + end) / 2;
        const u = used.get(ndc11) ?? 0;
        return {
          ndc11,
          usedUnits: u / 1000,
          averageOnHand: avg / 1000,
          turnsAnnualized: avg > 0 ? Math.round((u / avg) * (365 / q.days) * 100) / 100 : null,
        };
      });
    }
    case 'stock-outs': {
      const sellable = await db
        .selectFrom('inv_balances')
        .select('ndc11')
        .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
        .where('site_id', '=', q.siteId)
        .where('location', '!=', 'QUARANTINE')
        .groupBy('ndc11')
        .execute();
      const by = new Map(sellable.map((r) => [r.ndc11, Number(r.q)]));
      const used = await db
        .selectFrom('inv_movements')
        .select('ndc11')
        .distinct()
        .where('site_id', '=', q.siteId)
        .where('type', '=', 'dispense')
        .where('occurred_at', '>=', since)
        .execute();
      const par = await db
        .selectFrom('inv_par_levels')
        .select('ndc11')
        .distinct()
        .where('site_id', '=', q.siteId)
        .where('min_milli', '>', 0)
        .execute();
      const flagged = await db
        .selectFrom('inv_movements')
        .select('ndc11')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', q.siteId)
        .where('negative_flag', '=', 1)
        .where('occurred_at', '>=', since)
        .groupBy('ndc11')
        .execute();
      const neg = new Map(flagged.map((r) => [r.ndc11, Number(r.n)]));
      const ndcs = new Set([...used.map((r) => r.ndc11), ...par.map((r) => r.ndc11), ...neg.keys()]);
      return [...ndcs]
        .filter((n) => (by.get(n) ?? 0) <= 0)
        .sort()
        .map((ndc11) => ({
          ndc11,
          sellableOnHand: (by.get(ndc11) ?? 0) / 1000,
          negativeMovements: neg.get(ndc11) ?? 0,
        }));
    }
  }
}
