import { countRequirement } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { controlledNdcsAt } from '../schedule';

/**
 * The controlled products a site holds, for taking a CS inventory or reporting a loss: schedule, what the ledger
 * says is on hand (per location and lot) and how it must be counted (21 CFR 1304.11(e)(3): CII exactly; CIII–V
 * may be estimated unless an opened container holds more than 1,000 units).
 */
export async function csWorksheet(db: Db, ctx: Ctx, siteId: string) {
  ctx.actor.require('controlled.read', siteId);
  const held = await controlledNdcsAt(db, siteId, () => true);
  const ndcs = [...held.keys()];
  if (!ndcs.length) return [];
  const [balances, items] = await Promise.all([
    db
      .selectFrom('inv_balances')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('ndc11', 'in', ndcs)
      .where('qty_milli', '!=', 0)
      .orderBy('ndc11')
      .orderBy('location')
      .orderBy('lot')
      .execute(),
    db
      .selectFrom('inv_items')
      .select(['ndc11', 'description', 'package_qty'])
      .where('site_id', '=', siteId)
      .where('ndc11', 'in', ndcs)
      .execute(),
  ]);
  return ndcs
    .map((ndc11) => {
      const schedule = held.get(ndc11) ?? null;
      const item = items.find((i) => i.ndc11 === ndc11);
      const stock = balances.filter((b) => b.ndc11 === ndc11);
      return {
        ndc11,
        schedule,
        description: item?.description ?? null,
        packageQty: item?.package_qty ?? null,
        // Without an opened container larger than 1,000 units the rule depends on the schedule alone.
        countRule: schedule ? countRequirement(schedule, 0) : 'exact',
        onHand: stock.reduce((s, b) => s + Number(b.qty_milli), 0) / 1000,
        stock: stock.map((b) => ({
          location: b.location,
          lot: b.lot || null,
          expiry: b.expiry || null,
          quantity: Number(b.qty_milli) / 1000,
        })),
      };
    })
    .filter((p) => p.stock.length > 0)
    .sort((a, b) => (a.schedule ?? '').localeCompare(b.schedule ?? '') || a.ndc11.localeCompare(b.ndc11));
}
