import { isScheduleII } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { controlledNdcsAt } from '../schedule';

export interface CiiLogEntry {
  occurredAt: string;
  ndc11: string;
  type: string;
  location: string;
  lot: string;
  quantity: number;
  /** Site-wide balance of this NDC after the entry (all locations and lots). */
  runningBalance: number;
  userId: string | null;
  witnessUserId: string | null;
  reference: string | null;
  reason: string | null;
  movementId: string;
}

/**
 * Perpetual Schedule II log: every movement of every CII NDC at the site in ledger order with the running
 * balance per NDC (21 CFR 1304.04(h)(1): CII records kept separately from other records; 1304.21–1304.22: each
 * receipt and disposal with date, quantity and the person). Movements between locations show as two entries that
 * leave the site balance unchanged. The balance is computed from the whole history, so it cannot drift.
 */
export async function ciiLog(
  db: Db,
  ctx: Ctx,
  q: { siteId: string; ndc11?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  ctx.actor.require('controlled.read', q.siteId);
  const cii = await controlledNdcsAt(db, q.siteId, isScheduleII);
  const ndcs = [...cii.keys()].filter((n) => !q.ndc11 || n === q.ndc11);
  if (!ndcs.length) return [];
  const rows = await db
    .selectFrom('inv_movements')
    .selectAll()
    .where('site_id', '=', q.siteId)
    .where('ndc11', 'in', ndcs)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const balance = new Map<string, number>();
  const out: CiiLogEntry[] = [];
  for (const m of rows) {
    const b = (balance.get(m.ndc11) ?? 0) + Number(m.qty_milli);
    balance.set(m.ndc11, b);
    if (q.from && m.occurred_at < q.from) continue;
    if (q.to && m.occurred_at > q.to) continue;
    out.push({
      occurredAt: m.occurred_at,
      ndc11: m.ndc11,
      type: m.type,
      location: m.location,
      lot: m.lot,
      quantity: Number(m.qty_milli) / 1000,
      runningBalance: b / 1000,
      userId: m.user_id,
      witnessUserId: m.witness_user_id,
      reference: m.reference,
      reason: m.reason,
      movementId: m.id,
    });
  }
  return out;
}
