import type { Ctx } from '../../platform/actor';
import type { AuthService } from '../../platform/auth/service';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { ActionInput } from './schema';
import { act } from './workflow';

/** Days a filled prescription may wait in "ready" before it goes back to stock (APOTHECA_RETURN_TO_STOCK_DAYS). */
export const DEFAULT_RETURN_TO_STOCK_DAYS = Number(process.env.APOTHECA_RETURN_TO_STOCK_DAYS ?? 14);

/**
 * Returns to stock every fill left uncollected in "ready" for `days` days at the caller's sites: the stock goes back
 * into the ledger and a paid claim is reversed (each fill is its own audited use case, as if done at the counter).
 */
export async function runReturnToStock(
  db: Db,
  auth: AuthService,
  ctx: Ctx,
  days = DEFAULT_RETURN_TO_STOCK_DAYS,
  now = new Date(),
) {
  const sites = ctx.actor.sitesWith('prescriptions.act');
  if (!sites.length) return { returned: [], failed: [] };
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const due = await db
    .selectFrom('fills')
    .select(['id'])
    .where('site_id', 'in', sites)
    .where('state', '=', 'ready')
    .where('state_changed_at', '<', cutoff)
    .execute();
  const returned: string[] = [];
  const failed: { fillId: string; code: string }[] = [];
  for (const f of due) {
    try {
      await act(db, auth, ctx, f.id, 'return_to_stock', { reason: `not picked up within ${days} days` });
      returned.push(f.id);
    } catch (err) {
      failed.push({ fillId: f.id, code: err instanceof AppError ? err.code : 'error' });
    }
  }
  return { returned, failed, days };
}

/**
 * Bagging: several prescriptions picked up together (one identity check, one signature, one counseling answer),
 * each sold as its own audited step. All fills must be ready and belong to the patient at the counter.
 */
export async function sellBag(
  db: Db,
  auth: AuthService,
  ctx: Ctx,
  fillIds: string[],
  pickup: NonNullable<ActionInput['pickup']>,
) {
  const fills = await db.selectFrom('fills').select(['id', 'state']).where('id', 'in', fillIds).execute();
  const notReady = fillIds.filter((id) => fills.find((f) => f.id === id)?.state !== 'ready');
  if (notReady.length)
    throw new AppError(
      409,
      'bag_not_ready',
      `Not ready for pickup: ${notReady.length} of ${fillIds.length} prescriptions`,
      { fillIds: notReady },
    );
  const sold = [];
  for (const id of fillIds) sold.push(await act(db, auth, ctx, id, 'sell', { pickup }));
  return { sold: sold.map((f) => ({ fillId: f.id, state: f.state })) };
}
