import { recordMovements } from '../src/modules/inventory/ledger/post';
import type { Ctx } from '../src/platform/actor';
import type { TestApp } from './helpers';

/** A service context for a test user, as the auth hook would build it for a signed-in session. */
export async function ctxFor(t: TestApp, userId: string): Promise<Ctx> {
  return {
    actor: await t.services.auth.loadActor(userId, 'session'),
    meta: { requestId: null, clientAddress: null },
  };
}

export async function setCsPrivileges(t: TestApp, userId: string, level: 'none' | 'CIII-V' | 'CII-V') {
  await t.db.updateTable('users').set({ cs_privileges: level }).where('id', '=', userId).execute();
}

/** Receives stock straight into the ledger (test setup). */
export function receiveRaw(
  t: TestApp,
  ctx: Ctx,
  siteId: string,
  m: { ndc11: string; qty: number; location?: string; lot?: string; expiry?: string; serial?: string },
) {
  return t.db.transaction().execute((trx) =>
    recordMovements(
      trx,
      ctx,
      siteId,
      [
        {
          type: 'receive',
          location: m.location ?? 'SHELF',
          ndc11: m.ndc11,
          lot: m.lot ?? '',
          expiry: m.expiry ?? '',
          serial: m.serial ?? '',
          qtyMilli: Math.round(m.qty * 1000),
        },
      ],
      { action: 'inventory.receive' },
    ),
  );
}
