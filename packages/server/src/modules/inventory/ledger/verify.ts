import type { Db } from '../../../platform/db/database';

export interface LedgerMismatch {
  siteId: string;
  location: string;
  ndc11: string;
  lot: string;
  expiry: string;
  serial: string;
  balanceMilli: number;
  ledgerMilli: number;
}

/**
 * Proves the materialized balances equal the ledger: recomputes sum(qty) per stock key from inv_movements and
 * compares it with inv_balances in both directions (a balance without movements, or movements without a
 * balance, is a mismatch too). Empty list = consistent.
 */
export async function verifyLedger(db: Db, siteIds: string[]): Promise<LedgerMismatch[]> {
  if (!siteIds.length) return [];
  const sums = await db
    .selectFrom('inv_movements')
    .select(['site_id', 'location', 'ndc11', 'lot', 'expiry', 'serial'])
    .select((eb) => eb.fn.sum<number>('qty_milli').as('total'))
    .where('site_id', 'in', siteIds)
    .groupBy(['site_id', 'location', 'ndc11', 'lot', 'expiry', 'serial'])
    .execute();
  const balances = await db
    .selectFrom('inv_balances')
    .select(['site_id', 'location', 'ndc11', 'lot', 'expiry', 'serial', 'qty_milli'])
    .where('site_id', 'in', siteIds)
    .execute();
  const key = (r: {
    site_id: string;
    location: string;
    ndc11: string;
    lot: string;
    expiry: string;
    serial: string;
  }) => [r.site_id, r.location, r.ndc11, r.lot, r.expiry, r.serial].join('|');
  const ledger = new Map(sums.map((r) => [key(r), { r, total: Number(r.total) }]));
  const out: LedgerMismatch[] = [];
  const seen = new Set<string>();
  for (const b of balances) {
    const k = key(b);
    seen.add(k);
    const l = Number(ledger.get(k)?.total ?? 0);
    if (l !== Number(b.qty_milli)) out.push(mismatch(b, Number(b.qty_milli), l));
  }
  for (const [k, { r, total }] of ledger) if (!seen.has(k) && total !== 0) out.push(mismatch(r, 0, total));
  return out;
}

const mismatch = (
  r: { site_id: string; location: string; ndc11: string; lot: string; expiry: string; serial: string },
  balanceMilli: number,
  ledgerMilli: number,
): LedgerMismatch => ({
  siteId: r.site_id,
  location: r.location,
  ndc11: r.ndc11,
  lot: r.lot,
  expiry: r.expiry,
  serial: r.serial,
  balanceMilli,
  ledgerMilli,
});
