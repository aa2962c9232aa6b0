import type { Ctx } from '../../../platform/actor';
import type { AuthService } from '../../../platform/auth/service';
import type { Db } from '../../../platform/db/database';
import type { InvMovementTable } from '../../../platform/db/schema';
import { badRequest, conflict } from '../../../platform/errors';
import { scheduleOf } from '../schedule';
import { milli } from './convert';
import { locationKind, recordMovements } from './post';
import * as repo from './repository';
import type { AdjustInput, MoveInput, WasteInput } from './schema';
import type { MovementInput } from './types';
import { verifyLedger } from './verify';
import { verifyWitness } from './witness';

const stock = (i: {
  ndc11: string;
  lot?: string | undefined;
  expiry?: string | undefined;
  serial?: string | undefined;
}) => ({
  ndc11: i.ndc11,
  lot: i.lot ?? '',
  expiry: i.expiry ?? '',
  serial: i.serial ?? '',
});

export function getOnHand(
  db: Db,
  ctx: Ctx,
  q: {
    siteId?: string | undefined;
    ndc11?: string | undefined;
    location?: string | undefined;
    lot?: string | undefined;
  },
) {
  let siteIds = ctx.actor.sitesWith('inventory.read');
  if (q.siteId) {
    ctx.actor.require('inventory.read', q.siteId);
    siteIds = [q.siteId];
  }
  return repo.onHandRows(db, { siteIds, ndc11: q.ndc11, location: q.location, lot: q.lot });
}

export function listMovements(
  db: Db,
  ctx: Ctx,
  q: {
    siteId: string;
    ndc11?: string | undefined;
    lot?: string | undefined;
    type?: string | undefined;
    limit: number;
  },
) {
  ctx.actor.require('inventory.read', q.siteId);
  return db
    .selectFrom('inv_movements')
    .selectAll()
    .where('site_id', '=', q.siteId)
    .$if(!!q.ndc11, (x) => x.where('ndc11', '=', q.ndc11 ?? ''))
    .$if(!!q.lot, (x) => x.where('lot', '=', q.lot ?? ''))
    .$if(!!q.type, (x) => x.where('type', '=', q.type ?? ''))
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .execute();
}

export async function verifyBalances(db: Db, ctx: Ctx, siteId?: string) {
  const sites = siteId ? [siteId] : ctx.actor.sitesWith('inventory.read');
  if (siteId) ctx.actor.require('inventory.read', siteId);
  const mismatches = await verifyLedger(db, sites);
  return { ok: mismatches.length === 0, mismatches };
}

/** Dispense, returns, transfers, quarantine and release through the generic movement endpoint. */
export async function moveStock(db: Db, ctx: Ctx, input: MoveInput): Promise<InvMovementTable[]> {
  ctx.actor.require('inventory.move', input.siteId);
  const q = milli(input.quantity);
  const s = stock(input);
  const base = {
    ...s,
    reason: input.reason,
    reference: input.reference,
    idempotencyKey: input.idempotencyKey,
  };
  const action = `inventory.${input.type}`;
  if (input.type === 'transfer' && input.toSiteId && input.toSiteId !== input.siteId) {
    const to = input.toSiteId;
    ctx.actor.require('inventory.move', to);
    return db.transaction().execute(async (trx) => {
      const out = await recordMovements(
        trx,
        ctx,
        input.siteId,
        [
          {
            ...base,
            type: 'transfer_out',
            location: input.location,
            qtyMilli: -q,
            reference: input.reference ?? `to site ${to}`,
          },
        ],
        { action, extra: { toSiteId: to } },
      );
      const group = out[0]?.group_id;
      const inn = await recordMovements(
        trx,
        ctx,
        to,
        [
          {
            ...base,
            idempotencyKey: input.idempotencyKey ? `${input.idempotencyKey}:in` : undefined,
            type: 'transfer_in',
            location: input.toLocation ?? input.location,
            qtyMilli: q,
            reference: group ?? null,
          },
        ],
        { action, extra: { fromSiteId: input.siteId } },
        group ? { groupId: group } : {},
      );
      return [...out, ...inn];
    });
  }
  return db.transaction().execute(async (trx) => {
    const moves = await planMove(trx, input, base, q);
    return recordMovements(trx, ctx, input.siteId, moves, { action, reason: input.reason ?? null });
  });
}

type Base = Omit<MovementInput, 'type' | 'location' | 'qtyMilli'>;

async function planMove(trx: Db, input: MoveInput, base: Base, q: number): Promise<MovementInput[]> {
  const from = input.location;
  const need = (what: string) => {
    if (!input.toLocation)
      throw badRequest('to_location_required', `${what} needs toLocation`, [
        { field: 'toLocation', reason: 'is required' },
      ]);
    return input.toLocation;
  };
  switch (input.type) {
    case 'dispense':
      return [{ ...base, type: 'dispense', location: from, qtyMilli: -q, patientId: input.patientId }];
    case 'return_from_patient':
      return [
        { ...base, type: 'return_from_patient', location: from, qtyMilli: q, patientId: input.patientId },
      ];
    case 'return_to_supplier':
      return [{ ...base, type: 'return_to_supplier', location: from, qtyMilli: -q }];
    case 'transfer': {
      const to = need('A transfer');
      return [
        { ...base, type: 'transfer_out', location: from, qtyMilli: -q },
        {
          ...base,
          idempotencyKey: base.idempotencyKey ? `${base.idempotencyKey}:in` : undefined,
          type: 'transfer_in',
          location: to,
          qtyMilli: q,
        },
      ];
    }
    case 'quarantine':
    case 'release': {
      const to = input.type === 'quarantine' ? (input.toLocation ?? 'QUARANTINE') : need('A release');
      const toKind = await locationKind(trx, input.siteId, to);
      const fromKind = await locationKind(trx, input.siteId, from);
      if (input.type === 'quarantine' && toKind !== 'quarantine')
        throw badRequest('not_quarantine', `${to} is not a quarantine location`, [
          { field: 'toLocation', reason: 'must be a quarantine location' },
        ]);
      if (input.type === 'release') {
        if (fromKind !== 'quarantine')
          throw badRequest('not_quarantine', `${from} is not a quarantine location`, [
            { field: 'location', reason: 'must be a quarantine location' },
          ]);
        await assertReleasable(trx, input.siteId, input.ndc11, base.lot ?? '', base.serial ?? '');
      }
      return [
        { ...base, type: input.type, location: from, qtyMilli: -q },
        {
          ...base,
          idempotencyKey: base.idempotencyKey ? `${base.idempotencyKey}:in` : undefined,
          type: input.type,
          location: to,
          qtyMilli: q,
        },
      ];
    }
  }
}

/**
 * Quarantined stock goes back to sellable stock only when (a) no suspect/illegitimate-product investigation is
 * open for it (DSCSA, FD&C Act §582(d)(1)) and (b) if it came back as a return, its product identifier was
 * verified first (§582(d)(4): a dispenser verifies a returned product's identifier before further distribution).
 */
async function assertReleasable(trx: Db, siteId: string, ndc11: string, lot: string, serial: string) {
  const open = await trx
    .selectFrom('dscsa_investigations')
    .select('id')
    .where('site_id', '=', siteId)
    .where('ndc11', '=', ndc11)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('lot', '=', lot), eb('lot', 'is', null)]))
    .executeTakeFirst();
  if (open)
    throw conflict('investigation_open', 'A suspect-product investigation is open for this product/lot');
  const recall = await trx
    .selectFrom('inv_recalls')
    .select(['id', 'lots_json'])
    .where('ndc11', '=', ndc11)
    .execute();
  if (recall.some((r) => (JSON.parse(r.lots_json) as string[]).includes(lot)))
    throw conflict('recalled', 'This lot is under recall and cannot be released');
  const returned = await trx
    .selectFrom('inv_movements')
    .select('occurred_at')
    .where('site_id', '=', siteId)
    .where('ndc11', '=', ndc11)
    .where('lot', '=', lot)
    .where('type', '=', 'return_from_patient')
    .orderBy('occurred_at', 'desc')
    .executeTakeFirst();
  if (!returned) return;
  const verified = await trx
    .selectFrom('dscsa_verifications')
    .select('id')
    .where('site_id', '=', siteId)
    .where('ndc11', '=', ndc11)
    .where('lot', '=', lot)
    .where('result', '=', 'verified')
    .where('verified_at', '>=', returned.occurred_at)
    .$if(!!serial, (q) => q.where('serial', '=', serial))
    .executeTakeFirst();
  if (!verified)
    throw conflict(
      'verification_required',
      'Returned product must have its product identifier verified before resale',
    );
}

export async function adjustStock(db: Db, ctx: Ctx, input: AdjustInput) {
  ctx.actor.require('inventory.adjust', input.siteId);
  const q = milli(input.quantity);
  return db.transaction().execute((trx) =>
    recordMovements(
      trx,
      ctx,
      input.siteId,
      [
        {
          ...stock(input),
          type: 'adjust',
          location: input.location,
          qtyMilli: q,
          reason: input.reason,
          reference: input.reference,
          idempotencyKey: input.idempotencyKey,
        },
      ],
      { action: 'inventory.adjust', reason: input.reason },
    ),
  );
}

/** Waste with a second licensed witness who re-enters their password (checked before the transaction). */
export async function wasteStock(auth: AuthService, db: Db, ctx: Ctx, input: WasteInput) {
  ctx.actor.require('inventory.waste', input.siteId);
  const q = milli(input.quantity);
  const schedule = await scheduleOf(db, input.siteId, input.ndc11);
  const witness = await verifyWitness(auth, db, ctx, input.siteId, input.witness, schedule);
  return db.transaction().execute((trx) =>
    recordMovements(
      trx,
      ctx,
      input.siteId,
      [
        {
          ...stock(input),
          type: 'waste',
          location: input.location,
          qtyMilli: -q,
          reason: input.reason,
          reference: input.reference,
          witnessUserId: witness.userId,
          idempotencyKey: input.idempotencyKey,
        },
      ],
      { action: 'inventory.waste', reason: input.reason, extra: { witness: witness.name, schedule } },
    ),
  );
}
