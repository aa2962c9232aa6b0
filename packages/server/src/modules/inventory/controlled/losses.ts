import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { ledgerEffect } from './effect';
import { lossDeadlines } from './service';

/**
 * Theft/loss reports of a site, newest first, each with its deadlines (21 CFR 1301.76(b)), who recorded it and
 * the ledger movements it posted (reference `loss <id>`) with the balance before and after each.
 */
export async function listLossReports(db: Db, ctx: Ctx, siteId: string) {
  ctx.actor.require('controlled.read', siteId);
  const rows = await db
    .selectFrom('cs_loss_reports as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.display_name as created_by_name')
    .where('r.site_id', '=', siteId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
  const refs = rows.map((r) => `loss ${r.id}`);
  const moves = refs.length
    ? await db
        .selectFrom('inv_movements')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('reference', 'in', refs)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    lines: JSON.parse(r.lines_json) as unknown[],
    deadlines: lossDeadlines(r.discovered_at),
    ledger: moves.filter((m) => m.reference === `loss ${r.id}`).map(ledgerEffect),
  }));
}
