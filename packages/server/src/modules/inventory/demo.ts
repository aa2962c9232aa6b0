import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import { nowIso } from '../../platform/ids';
import { recordMovements } from './ledger/post';
import type { MovementInput } from './ledger/types';
import { seedDemoPurchasing } from './purchasing/demo';

/**
 * Real NDCs and 2025 NADAC per-unit costs from shared/data/nadac-2025-derived (CMS NADAC, public domain).
 * Lots are made up and start with DEMO-; expiry dates are invented too.
 */
const DEMO_STOCK = [
  {
    ndc11: '00093505698',
    description: 'ATORVASTATIN 10 MG TABLET',
    nadac: 0.02453,
    pkg: 90,
    qty: 540,
    location: 'SHELF',
    schedule: null,
  },
  {
    ndc11: '00591040501',
    description: 'LISINOPRIL 2.5 MG TABLET',
    nadac: 0.01329,
    pkg: 100,
    qty: 400,
    location: 'SHELF',
    schedule: null,
  },
  {
    ndc11: '00378718505',
    description: 'METFORMIN HCL 500 MG TABLET',
    nadac: 0.01304,
    pkg: 500,
    qty: 1000,
    location: 'SHELF',
    schedule: null,
  },
  {
    ndc11: '00143988815',
    description: 'AMOXICILLIN 125 MG/5 ML SUSP',
    nadac: 0.01687,
    pkg: 150,
    qty: 900,
    location: 'SHELF',
    schedule: null,
  },
  {
    ndc11: '00406051201',
    description: 'OXYCODONE-ACETAMINOPHEN 5-325 MG TAB',
    nadac: 0.11786,
    pkg: 100,
    qty: 200,
    location: 'VAULT',
    schedule: 'CII',
  },
  {
    ndc11: '00228202710',
    description: 'ALPRAZOLAM 0.25 MG TABLET',
    nadac: 0.02002,
    pkg: 100,
    qty: 300,
    location: 'VAULT',
    schedule: 'CIV',
  },
] as const;

/**
 * Receives demo stock into each site (shelf and vault). Idempotent: running it again adds nothing (idempotency
 * keys). The schedules are set as site overrides so CS features work before the drug catalogue is imported.
 */
export async function seedDemoStock(db: Db, ctx: Ctx, siteIds: string[]): Promise<{ movements: number }> {
  let movements = 0;
  const year = new Date().getUTCFullYear();
  for (const siteId of siteIds) {
    const at = nowIso();
    for (const d of DEMO_STOCK)
      await db
        .insertInto('inv_items')
        .values({
          site_id: siteId,
          ndc11: d.ndc11,
          description: d.description,
          dea_schedule: d.schedule,
          package_qty: d.pkg,
          unit_cost_micro: Math.round(d.nadac * 1e6),
          lead_time_days: 2,
          safety_days: 3,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['site_id', 'ndc11']).doNothing())
        .execute();
    const moves: MovementInput[] = DEMO_STOCK.flatMap((d, i) => [
      {
        type: 'receive' as const,
        location: d.location,
        ndc11: d.ndc11,
        lot: `DEMO-${String(i + 1).padStart(2, '0')}A`,
        expiry: `${year + 2}-03-31`,
        qtyMilli: (d.qty / 2) * 1000,
        unitCostMicro: Math.round(d.nadac * 1e6),
        reason: 'demo stock',
        idempotencyKey: `demo-seed:${d.ndc11}:A`,
      },
      {
        type: 'receive' as const,
        location: d.location,
        ndc11: d.ndc11,
        lot: `DEMO-${String(i + 1).padStart(2, '0')}B`,
        expiry: `${year + 1}-01-31`,
        qtyMilli: (d.qty / 2) * 1000,
        unitCostMicro: Math.round(d.nadac * 1e6),
        reason: 'demo stock',
        idempotencyKey: `demo-seed:${d.ndc11}:B`,
      },
    ]);
    const rows = await db
      .transaction()
      .execute((trx) =>
        recordMovements(
          trx,
          ctx,
          siteId,
          moves,
          { action: 'inventory.demo_seed' },
          { skipPrivilegeCheck: true },
        ),
      );
    movements += rows.length;
  }
  await seedDemoPurchasing(db, ctx, siteIds, DEMO_STOCK);
  return { movements };
}
