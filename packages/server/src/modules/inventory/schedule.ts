import { normalizeSchedule, type Schedule } from '@apotheca/core/inventory';
import type { Db } from '../../platform/db/database';

/**
 * DEA schedule of a package: the site's own override (inv_items.dea_schedule) wins, then the drug knowledge
 * base (drug_packages → drug_products.dea_schedule, FDA NDC directory DEASCHEDULE). Null = not controlled.
 */
export async function scheduleOf(db: Db, siteId: string, ndc11: string): Promise<Schedule | null> {
  const item = await db
    .selectFrom('inv_items')
    .select('dea_schedule')
    .where('site_id', '=', siteId)
    .where('ndc11', '=', ndc11)
    .executeTakeFirst();
  if (item?.dea_schedule) return normalizeSchedule(item.dea_schedule);
  const kb = await db
    .selectFrom('drug_packages')
    .innerJoin('drug_products', 'drug_products.id', 'drug_packages.product_id')
    .select('drug_products.dea_schedule')
    .where('drug_packages.ndc11', '=', ndc11)
    .executeTakeFirst();
  return normalizeSchedule(kb?.dea_schedule);
}

/** Schedules of many NDCs at once (one query per source), for reports. */
export async function schedulesOf(db: Db, siteId: string, ndcs: string[]): Promise<Map<string, Schedule>> {
  const out = new Map<string, Schedule>();
  if (!ndcs.length) return out;
  const kb = await db
    .selectFrom('drug_packages')
    .innerJoin('drug_products', 'drug_products.id', 'drug_packages.product_id')
    .select(['drug_packages.ndc11', 'drug_products.dea_schedule'])
    .where('drug_packages.ndc11', 'in', ndcs)
    .execute();
  for (const r of kb) {
    const s = normalizeSchedule(r.dea_schedule);
    if (s) out.set(r.ndc11, s);
  }
  const items = await db
    .selectFrom('inv_items')
    .select(['ndc11', 'dea_schedule'])
    .where('site_id', '=', siteId)
    .where('ndc11', 'in', ndcs)
    .execute();
  for (const r of items) {
    const s = normalizeSchedule(r.dea_schedule);
    if (s) out.set(r.ndc11, s);
  }
  return out;
}

/** All NDCs at a site whose schedule is in `wanted` (site overrides + catalogue), among NDCs with movements. */
export async function controlledNdcsAt(db: Db, siteId: string, wanted: (s: Schedule) => boolean) {
  const ndcs = (
    await db.selectFrom('inv_movements').select('ndc11').distinct().where('site_id', '=', siteId).execute()
  ).map((r) => r.ndc11);
  const map = await schedulesOf(db, siteId, ndcs);
  return new Map([...map].filter(([, s]) => wanted(s)));
}
