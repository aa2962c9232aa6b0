import type { InvMovementTable } from '../../../platform/db/schema';

/** What one movement did to its balance: the on-hand before and after it (for "ledger effect" views). */
export const ledgerEffect = (m: InvMovementTable) => {
  const after = Number(m.balance_after_milli);
  const qty = Number(m.qty_milli);
  return {
    movementId: m.id,
    ndc11: m.ndc11,
    location: m.location,
    lot: m.lot || null,
    quantity: qty / 1000,
    balanceBefore: (after - qty) / 1000,
    balanceAfter: after / 1000,
    occurredAt: m.occurred_at,
  };
};
