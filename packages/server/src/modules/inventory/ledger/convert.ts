import { isQuantityError, toMilli } from '@apotheca/core/inventory';
import type { InvBalanceTable, InvMovementTable } from '../../../platform/db/schema';
import { badRequest } from '../../../platform/errors';

/** Units from the API → milli-units, or a 400 naming the field. */
export function milli(units: number, field = 'quantity'): number {
  const m = toMilli(units, field);
  if (isQuantityError(m)) throw badRequest('invalid_quantity', `${field} ${m.reason}`, [m]);
  return m;
}

const orNull = (s: string) => (s === '' ? null : s);

export const toBalanceOut = (b: InvBalanceTable) => ({
  siteId: b.site_id,
  location: b.location,
  ndc11: b.ndc11,
  lot: orNull(b.lot),
  expiry: orNull(b.expiry),
  serial: orNull(b.serial),
  quantity: Number(b.qty_milli) / 1000,
});

export const toMovementOut = (m: InvMovementTable) => ({
  id: m.id,
  groupId: m.group_id,
  siteId: m.site_id,
  type: m.type,
  location: m.location,
  ndc11: m.ndc11,
  lot: orNull(m.lot),
  expiry: orNull(m.expiry),
  serial: orNull(m.serial),
  quantity: Number(m.qty_milli) / 1000,
  balanceAfter: Number(m.balance_after_milli) / 1000,
  negative: m.negative_flag === 1,
  userId: m.user_id,
  witnessUserId: m.witness_user_id,
  patientId: m.patient_id,
  reason: m.reason,
  reference: m.reference,
  occurredAt: m.occurred_at,
});
