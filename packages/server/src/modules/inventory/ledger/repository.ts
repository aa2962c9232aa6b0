import type { Db } from '../../../platform/db/database';
import type { InvMovementTable } from '../../../platform/db/schema';
import { newId } from '../../../platform/ids';
import type { StockKey } from './types';

/**
 * Adds `delta` to one balance row and returns the new quantity, or null when the change would take it below
 * zero and negatives are not allowed. The guard is part of the UPDATE itself (`… and qty + delta >= 0`), so it is
 * evaluated under the row lock: PostgreSQL re-checks it against the latest committed row after waiting, and
 * SQLite has a single writer. A missing row is created first (insert … on conflict do nothing) when the change
 * may proceed.
 */
export async function applyDelta(
  trx: Db,
  k: StockKey,
  delta: number,
  allowNegative: boolean,
  at: string,
): Promise<number | null> {
  const update = () =>
    trx
      .updateTable('inv_balances')
      .set((eb) => ({ qty_milli: eb('qty_milli', '+', delta), updated_at: at }))
      .where('site_id', '=', k.siteId)
      .where('ndc11', '=', k.ndc11)
      .where('location', '=', k.location)
      .where('lot', '=', k.lot)
      .where('expiry', '=', k.expiry)
      .where('serial', '=', k.serial)
      .$if(delta < 0 && !allowNegative, (q) => q.where('qty_milli', '>=', -delta))
      .returning('qty_milli')
      .executeTakeFirst();
  const first = await update();
  if (first) return Number(first.qty_milli);
  if (delta < 0 && !allowNegative) return null;
  await trx
    .insertInto('inv_balances')
    .values({ id: newId(), ...row(k), qty_milli: 0, updated_at: at })
    .onConflict((oc) => oc.columns(['site_id', 'ndc11', 'location', 'lot', 'expiry', 'serial']).doNothing())
    .execute();
  const second = await update();
  return second ? Number(second.qty_milli) : null;
}

const row = (k: StockKey) => ({
  site_id: k.siteId,
  location: k.location,
  ndc11: k.ndc11,
  lot: k.lot,
  expiry: k.expiry,
  serial: k.serial,
});

export const findByIdempotency = (trx: Db, siteId: string, key: string) =>
  trx
    .selectFrom('inv_movements')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst() as Promise<InvMovementTable | undefined>;

export interface OnHandFilter {
  siteIds: string[];
  ndc11?: string | undefined;
  location?: string | undefined;
  lot?: string | undefined;
  includeZero?: boolean;
}

export function onHandRows(db: Db, f: OnHandFilter) {
  if (!f.siteIds.length) return Promise.resolve([]);
  return db
    .selectFrom('inv_balances')
    .selectAll()
    .where('site_id', 'in', f.siteIds)
    .$if(!!f.ndc11, (q) => q.where('ndc11', '=', f.ndc11 ?? ''))
    .$if(!!f.location, (q) => q.where('location', '=', f.location ?? ''))
    .$if(!!f.lot, (q) => q.where('lot', '=', f.lot ?? ''))
    .$if(!f.includeZero, (q) => q.where('qty_milli', '!=', 0))
    .orderBy('ndc11')
    .orderBy('location')
    .orderBy('expiry')
    .orderBy('lot')
    .limit(5000)
    .execute();
}
