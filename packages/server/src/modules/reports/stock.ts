import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import { type ProductName, productNames } from '../drugs/names';
import type { StockReport, StockReportQuery } from './schema';

const DAY = 86_400_000;
const QUARANTINE = 'QUARANTINE';

const product = (names: Map<string, ProductName>, ndc11: string) => {
  const n = names.get(ndc11);
  return {
    ndc11,
    name: n?.name ?? null,
    genericName: n?.genericName ?? null,
    strength: n?.strength ?? null,
    dosageForm: n?.dosageForm ?? null,
  };
};

/**
 * Stock-outs and expiring stock with what a person needs to act on them (name, strength, form, NDC, location,
 * lot). A stock-out is a product with nothing sellable on hand (quarantined and expired units do not count) that
 * the site uses: dispensed within the window, given a par level, or driven below zero. Lots come from the ledger
 * balances.
 */
export async function stockReport(
  db: Db,
  ctx: Ctx,
  q: StockReportQuery,
  now = Date.now(),
): Promise<StockReport> {
  ctx.actor.require('inventory.read', q.siteId);
  const today = new Date(now).toISOString().slice(0, 10);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + q.days * DAY).toISOString().slice(0, 10);
  const since = new Date(now - q.days * DAY).toISOString();
  const locations = await db
    .selectFrom('inv_locations')
    .select(['code', 'name', 'kind'])
    .where('site_id', '=', q.siteId)
    .execute();
  // Not sellable: quarantine (built-in or the site's own quarantine locations) and expired lots.
  const quarantine = [QUARANTINE, ...locations.filter((l) => l.kind === 'quarantine').map((l) => l.code)];
  const [onHand, dispensed, pars, negatives, lots] = await Promise.all([
    db
      .selectFrom('inv_balances')
      .select('ndc11')
      .select((eb) => eb.fn.sum<number | string>('qty_milli').as('q'))
      .where('site_id', '=', q.siteId)
      .where('location', 'not in', quarantine)
      .where((eb) => eb.or([eb('expiry', '=', ''), eb('expiry', '>=', today)]))
      .groupBy('ndc11')
      .execute(),
    db
      .selectFrom('inv_movements')
      .select('ndc11')
      .select((eb) => eb.fn.max('occurred_at').as('last'))
      .where('site_id', '=', q.siteId)
      .where('type', '=', 'dispense')
      .where('occurred_at', '>=', since)
      .groupBy('ndc11')
      .execute(),
    db
      .selectFrom('inv_par_levels')
      .select(['ndc11', 'location', 'min_milli'])
      .where('site_id', '=', q.siteId)
      .where('min_milli', '>', 0)
      .execute(),
    db
      .selectFrom('inv_movements')
      .select('ndc11')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('site_id', '=', q.siteId)
      .where('negative_flag', '=', 1)
      .where('occurred_at', '>=', since)
      .groupBy('ndc11')
      .execute(),
    db
      .selectFrom('inv_balances')
      .select(['ndc11', 'location', 'lot', 'expiry', 'qty_milli'])
      .where('site_id', '=', q.siteId)
      .where('qty_milli', '>', 0)
      .where('expiry', '!=', '')
      .where('expiry', '<=', until)
      .orderBy('expiry')
      .orderBy('ndc11')
      .orderBy('location')
      .execute(),
  ]);

  const sellable = new Map(onHand.map((r) => [r.ndc11, Number(r.q)]));
  const lastDispensed = new Map(dispensed.map((r) => [r.ndc11, String(r.last)]));
  const negative = new Map(negatives.map((r) => [r.ndc11, Number(r.n)]));
  const locationName = new Map(locations.map((l) => [l.code, l.name]));
  const candidates = new Set([...lastDispensed.keys(), ...pars.map((p) => p.ndc11), ...negative.keys()]);
  const outs = [...candidates].filter((n) => (sellable.get(n) ?? 0) <= 0).sort();
  const names = await productNames(db, [...outs, ...lots.map((l) => l.ndc11)], q.siteId);

  const lot = (b: (typeof lots)[number]) => ({
    ...product(names, b.ndc11),
    location: b.location,
    locationName: locationName.get(b.location) ?? null,
    lot: b.lot || null,
    expiry: b.expiry,
    quantity: Number(b.qty_milli) / 1000,
    daysLeft: Math.round((Date.parse(b.expiry) - Date.parse(today)) / DAY),
  });
  return {
    siteId: q.siteId,
    today,
    days: q.days,
    stockOuts: outs
      .map((ndc11) => {
        const parLevels = pars
          .filter((p) => p.ndc11 === ndc11)
          .map((p) => ({
            location: p.location,
            locationName: locationName.get(p.location) ?? null,
            minimum: Number(p.min_milli) / 1000,
          }));
        const reasons = [
          ...(lastDispensed.has(ndc11) ? (['dispensed'] as const) : []),
          ...(parLevels.length ? (['par'] as const) : []),
          ...(negative.has(ndc11) ? (['negative'] as const) : []),
        ];
        return {
          ...product(names, ndc11),
          sellableOnHand: (sellable.get(ndc11) ?? 0) / 1000,
          reasons,
          lastDispensedAt: lastDispensed.get(ndc11) ?? null,
          negativeMovements: negative.get(ndc11) ?? 0,
          parLevels,
        };
      })
      .sort((a, b) => (a.name ?? a.ndc11).localeCompare(b.name ?? b.ndc11)),
    expiring: lots.filter((b) => b.expiry >= today).map(lot),
    expired: lots.filter((b) => b.expiry < today).map(lot),
  };
}
