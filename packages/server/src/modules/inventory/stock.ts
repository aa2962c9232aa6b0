import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { InvMovementTable } from '../../platform/db/schema';
import { badRequest, conflict } from '../../platform/errors';
import { milli } from './ledger/convert';
import { insufficientStock, recordMovements } from './ledger/post';
import type { MovementInput } from './ledger/types';

export interface DispenseStockInput {
  siteId: string;
  ndc11: string;
  /** Units (each/mL/g), up to 3 decimals. */
  quantity: number;
  /** Prescription fill id (or order id): returns and recall tracing find the dispense by it. */
  reference: string;
  /** Take this lot only; otherwise first-expiry-first-out across sellable locations. */
  lot?: string | undefined;
  /** Take from this location only (e.g. 'VAULT'). */
  location?: string | undefined;
  patientId?: string | undefined;
  /** Same key again returns the first result instead of dispensing twice. */
  idempotencyKey?: string | undefined;
}

const today = () => new Date().toISOString().slice(0, 10);

async function nonSellableLocations(trx: Db, siteId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('inv_locations')
    .select('code')
    .where('site_id', '=', siteId)
    .where('kind', '=', 'quarantine')
    .execute();
  return ['QUARANTINE', ...rows.map((r) => r.code)];
}

/**
 * Takes stock out for a dispensed prescription, inside the prescription workflow's transaction. Picks lots
 * first-expiry-first-out from sellable locations (never quarantine, never expired), splitting across lots when
 * needed, and writes one `dispense` movement per lot plus one audit entry. Throws 409 `insufficient_stock`
 * (nothing applied; the caller's transaction must roll back) unless the site allows negative on-hand, in which
 * case the shortfall is booked against the first candidate (or SHELF, no lot) and flagged.
 * Call it BEFORE your own appendAudit (lock order: balance rows, then audit head).
 */
export async function dispenseStock(
  trx: Db,
  ctx: Ctx,
  input: DispenseStockInput,
): Promise<InvMovementTable[]> {
  ctx.actor.require('inventory.move', input.siteId);
  if (input.idempotencyKey) {
    const done = await trx
      .selectFrom('inv_movements')
      .selectAll()
      .where('site_id', '=', input.siteId)
      // Keys of one dispense are "<key>#<n>": a range on the unique (site_id, idempotency_key) index, not a LIKE scan.
      .where('idempotency_key', '>=', `${input.idempotencyKey}#`)
      .where('idempotency_key', '<', `${input.idempotencyKey}$`)
      .execute();
    if (done.length) return done;
  }
  let need = milli(input.quantity);
  if (need <= 0)
    throw badRequest('invalid_quantity', 'quantity must be positive', [
      { field: 'quantity', reason: 'must be positive' },
    ]);
  const excluded = await nonSellableLocations(trx, input.siteId);
  const candidates = await trx
    .selectFrom('inv_balances')
    .selectAll()
    .where('site_id', '=', input.siteId)
    .where('ndc11', '=', input.ndc11)
    .where('qty_milli', '>', 0)
    .where('location', 'not in', excluded)
    .where((eb) => eb.or([eb('expiry', '=', ''), eb('expiry', '>=', today())]))
    .$if(!!input.lot, (q) => q.where('lot', '=', input.lot ?? ''))
    .$if(!!input.location, (q) => q.where('location', '=', input.location ?? ''))
    .execute();
  // FEFO; unknown expiry last.
  candidates.sort(
    (a, b) =>
      (a.expiry || '9999').localeCompare(b.expiry || '9999') ||
      a.lot.localeCompare(b.lot) ||
      a.serial.localeCompare(b.serial),
  );
  const moves: MovementInput[] = [];
  const base = { ndc11: input.ndc11, reference: input.reference, patientId: input.patientId ?? null };
  for (const c of candidates) {
    if (need <= 0) break;
    const take = Math.min(need, Number(c.qty_milli));
    moves.push({
      ...base,
      type: 'dispense',
      location: c.location,
      lot: c.lot,
      expiry: c.expiry,
      serial: c.serial,
      qtyMilli: -take,
    });
    need -= take;
  }
  if (need > 0) {
    const site = await trx
      .selectFrom('sites')
      .select('allow_negative_on_hand')
      .where('id', '=', input.siteId)
      .executeTakeFirst();
    if (site?.allow_negative_on_hand !== 1)
      throw insufficientStock(
        {
          siteId: input.siteId,
          location: input.location ?? 'sellable stock',
          ndc11: input.ndc11,
          lot: input.lot ?? '',
          expiry: '',
          serial: '',
        },
        milli(input.quantity),
        milli(input.quantity) - need,
      );
    const first = candidates[0];
    moves.push({
      ...base,
      type: 'dispense',
      location: first?.location ?? input.location ?? 'SHELF',
      lot: first?.lot ?? input.lot ?? '',
      expiry: first?.expiry ?? '',
      serial: '',
      qtyMilli: -need,
    });
  }
  if (input.idempotencyKey)
    moves.forEach((m, i) => {
      m.idempotencyKey = `${input.idempotencyKey}#${i}`;
    });
  return recordMovements(trx, ctx, input.siteId, moves, {
    action: 'inventory.dispense',
    extra: { reference: input.reference },
  });
}

export interface ReturnStockInput {
  siteId: string;
  ndc11: string;
  quantity: number;
  /** The reference the stock was dispensed under: the return reverses those dispense movements (same lots). */
  reference: string;
  /**
   * false (default): return to stock of a fill that never left the pharmacy — back to the location it came from.
   * true: the product was in the patient's hands — it goes to QUARANTINE and needs product-identifier
   * verification before it may be released (DSCSA §582(d)(4)), and usually is destroyed instead.
   */
  leftPharmacy?: boolean | undefined;
  patientId?: string | undefined;
  reason?: string | undefined;
}

/** Puts dispensed stock back, lot by lot, never more than was dispensed (less earlier returns) under `reference`. */
export async function returnStock(trx: Db, ctx: Ctx, input: ReturnStockInput): Promise<InvMovementTable[]> {
  ctx.actor.require('inventory.move', input.siteId);
  let left = milli(input.quantity);
  const rows = await trx
    .selectFrom('inv_movements')
    .selectAll()
    .where('site_id', '=', input.siteId)
    .where('ndc11', '=', input.ndc11)
    .where('reference', '=', input.reference)
    .where('type', 'in', ['dispense', 'return_from_patient'])
    .orderBy('occurred_at', 'desc')
    .execute();
  // Net dispensed per lot/location/expiry/serial under this reference.
  const net = new Map<string, { r: InvMovementTable; q: number }>();
  for (const r of rows) {
    const k = [
      r.lot,
      r.expiry,
      r.serial,
      r.type === 'dispense' ? r.location : (r.reason?.split('from:')[1] ?? r.location),
    ].join('|');
    const e = net.get(k) ?? { r, q: 0 };
    e.q += -Number(r.qty_milli);
    if (r.type === 'dispense') e.r = r;
    net.set(k, e);
  }
  const available = [...net.values()].filter((e) => e.q > 0 && e.r.type === 'dispense');
  const total = available.reduce((s, e) => s + e.q, 0);
  if (left > total)
    throw conflict(
      'return_exceeds_dispensed',
      `Only ${total / 1000} of ${input.ndc11} is dispensed (and not yet returned) under ${input.reference}`,
    );
  const moves: MovementInput[] = [];
  for (const { r, q } of available) {
    if (left <= 0) break;
    const give = Math.min(left, q);
    moves.push({
      type: 'return_from_patient',
      location: input.leftPharmacy ? 'QUARANTINE' : r.location,
      ndc11: r.ndc11,
      lot: r.lot,
      expiry: r.expiry,
      serial: r.serial,
      qtyMilli: give,
      reference: input.reference,
      patientId: input.patientId ?? r.patient_id,
      reason: `${input.reason ?? (input.leftPharmacy ? 'returned by patient' : 'return to stock')} from:${r.location}`,
    });
    left -= give;
  }
  return recordMovements(trx, ctx, input.siteId, moves, {
    action: 'inventory.return',
    extra: { reference: input.reference },
  });
}
