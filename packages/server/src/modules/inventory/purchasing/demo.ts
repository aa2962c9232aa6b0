import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { createSupplier, setPar, upsertCatalogue } from './service';

export const DEMO_SUPPLIER = 'Demo Wholesale Drug Co.';

/** Par levels (units, SHELF) above the demo stock, so the suggested order has lines to turn into a PO. */
const DEMO_PARS = [
  { ndc11: '00591040501', min: 500, max: 800 }, // lisinopril: 400 on hand → 4 packages of 100
  { ndc11: '00378718505', min: 1500, max: 2500 }, // metformin: 1,000 on hand → 3 packages of 500
];

/**
 * One demo supplier whose catalogue prices are the NADAC per-unit costs × package size of the demo `stock` (no
 * X12 or DEA identifiers: none are invented), and par levels at each site. Skipped if the supplier exists.
 */
export async function seedDemoPurchasing(
  db: Db,
  ctx: Ctx,
  siteIds: string[],
  stock: readonly { ndc11: string; description: string; nadac: number; pkg: number }[],
): Promise<void> {
  const exists = await db
    .selectFrom('inv_suppliers')
    .select('id')
    .where('organization_id', '=', ctx.actor.organizationId)
    .where('name', '=', DEMO_SUPPLIER)
    .executeTakeFirst();
  if (exists) return;
  const supplier = await createSupplier(db, ctx, { name: DEMO_SUPPLIER });
  await upsertCatalogue(
    db,
    ctx,
    supplier.id,
    stock.map((d) => ({
      ndc11: d.ndc11,
      packageQty: d.pkg,
      packageCostCents: Math.round(d.nadac * d.pkg * 100),
      description: d.description,
    })),
  );
  for (const siteId of siteIds)
    for (const p of DEMO_PARS) await setPar(db, ctx, { siteId, location: 'SHELF', ...p });
}
