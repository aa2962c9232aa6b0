import { privilegeCovers } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { InvMovementTable } from '../../../platform/db/schema';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { scheduleOf } from '../schedule';
import { movementId } from './ids';
import { applyDelta, findByIdempotency } from './repository';
import { DEFAULT_LOCATIONS, MOVEMENT_SIGN, type MovementInput, type StockKey } from './types';

const NDC11 = /^\d{11}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const insufficientStock = (key: StockKey, wanted: number, onHand: number) =>
  new AppError(409, 'insufficient_stock', `Not enough stock of ${key.ndc11} at ${key.location}`, {
    errors: [{ field: 'quantity', reason: `needs ${wanted / 1000}, on hand ${onHand / 1000}` }],
    ndc11: key.ndc11,
    location: key.location,
  });

/** Location code → kind at a site (built-in codes plus the site's own locations). */
export async function locationKind(trx: Db, siteId: string, code: string): Promise<string | undefined> {
  const builtIn = DEFAULT_LOCATIONS[code];
  if (builtIn) return builtIn;
  const row = await trx
    .selectFrom('inv_locations')
    .select('kind')
    .where('site_id', '=', siteId)
    .where('code', '=', code)
    .where('is_active', '=', 1)
    .executeTakeFirst();
  return row?.kind;
}

function validate(m: MovementInput, i: number): void {
  const at = (f: string) => `movements[${i}].${f}`;
  if (!NDC11.test(m.ndc11))
    throw badRequest('invalid_ndc', 'ndc11 must be 11 digits', [
      { field: at('ndc11'), reason: 'must be 11 digits' },
    ]);
  if (m.expiry && !ISO_DATE.test(m.expiry))
    throw badRequest('invalid_expiry', 'expiry must be YYYY-MM-DD', [
      { field: at('expiry'), reason: 'must be YYYY-MM-DD' },
    ]);
  if (!Number.isSafeInteger(m.qtyMilli) || m.qtyMilli === 0)
    throw badRequest('invalid_quantity', 'quantity must be a non-zero number', [
      { field: at('quantity'), reason: 'must be non-zero' },
    ]);
  const sign = MOVEMENT_SIGN[m.type];
  if (sign !== 0 && Math.sign(m.qtyMilli) !== sign)
    throw badRequest('invalid_quantity', `a ${m.type} must ${sign > 0 ? 'add' : 'remove'} stock`, [
      { field: at('quantity'), reason: `has the wrong sign for ${m.type}` },
    ]);
}

const keyOf = (siteId: string, m: MovementInput): StockKey => ({
  siteId,
  location: m.location,
  ndc11: m.ndc11,
  lot: m.lot ?? '',
  expiry: m.expiry ?? '',
  serial: m.serial ?? '',
});
const sortKey = (k: StockKey) => `${k.ndc11}|${k.location}|${k.lot}|${k.expiry}|${k.serial}`;

export interface PostOptions {
  /** Movements already checked for CS privileges by the caller (e.g. system jobs). */
  skipPrivilegeCheck?: boolean;
  occurredAt?: string;
  groupId?: string;
}

/**
 * Applies movements to the materialized balances and appends them to the ledger, inside the caller's
 * transaction. Balance rows are touched in one canonical order (PostgreSQL row locks are then always taken in
 * the same order, so concurrent use cases cannot deadlock on them); the conditional UPDATE refuses a change that
 * would make on-hand negative unless the site allows it (then the movement is flagged). A movement with an
 * idempotency key already in the ledger is not applied again: the stored rows are returned instead.
 * Call appendAudit AFTER this (audit_head is the last lock a use case takes).
 */
export async function postMovements(
  trx: Db,
  ctx: Ctx,
  siteId: string,
  inputs: MovementInput[],
  opts: PostOptions = {},
): Promise<InvMovementTable[]> {
  inputs.forEach(validate);
  const site = await trx
    .selectFrom('sites')
    .select(['allow_negative_on_hand', 'organization_id'])
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site || site.organization_id !== ctx.actor.organizationId) throw notFound('Site');
  const allowNegative = site.allow_negative_on_hand === 1;

  const kinds = new Map<string, string | undefined>();
  for (const m of inputs) {
    if (!kinds.has(m.location)) kinds.set(m.location, await locationKind(trx, siteId, m.location));
    if (!kinds.get(m.location))
      throw badRequest('unknown_location', `No location ${m.location} at this site`, [
        { field: 'location', reason: `unknown location ${m.location}` },
      ]);
  }
  if (!opts.skipPrivilegeCheck) {
    for (const ndc of new Set(inputs.map((m) => m.ndc11))) {
      const schedule = await scheduleOf(trx, siteId, ndc);
      if (!privilegeCovers(ctx.actor.attributes.csPrivileges, schedule))
        throw forbidden(
          `Handling ${schedule} products needs controlled-substance privileges you do not have`,
        );
    }
  }

  const occurredAt = opts.occurredAt ?? nowIso();
  const groupId = opts.groupId ?? newId();
  const userId = ctx.actor.via === 'system' ? null : ctx.actor.userId;
  // Stable sort: movements on the same balance keep their order, so the result equals applying them as given.
  const ordered = inputs.map((m, i) => ({ m, i, key: keyOf(siteId, m) }));
  ordered.sort((a, b) =>
    sortKey(a.key) < sortKey(b.key) ? -1 : sortKey(a.key) > sortKey(b.key) ? 1 : a.i - b.i,
  );
  const out: InvMovementTable[] = new Array(inputs.length);
  // Ids in input order (they sort by time then sequence), even though rows are applied in lock order.
  const ids = inputs.map(() => movementId());
  for (const { m, i, key } of ordered) {
    if (m.idempotencyKey) {
      const seen = await findByIdempotency(trx, siteId, m.idempotencyKey);
      if (seen) {
        out[i] = seen;
        continue;
      }
    }
    const after = await applyDelta(trx, key, m.qtyMilli, allowNegative, occurredAt);
    if (after === null) {
      const onHand = await currentQty(trx, key);
      throw insufficientStock(key, -m.qtyMilli, onHand);
    }
    const row: InvMovementTable = {
      id: ids[i] ?? movementId(),
      group_id: groupId,
      site_id: siteId,
      type: m.type,
      location: key.location,
      ndc11: key.ndc11,
      lot: key.lot,
      expiry: key.expiry,
      serial: key.serial,
      qty_milli: m.qtyMilli,
      balance_after_milli: after,
      negative_flag: after < 0 ? 1 : 0,
      unit_cost_micro: m.unitCostMicro ?? null,
      user_id: userId,
      witness_user_id: m.witnessUserId ?? null,
      patient_id: m.patientId ?? null,
      idempotency_key: m.idempotencyKey ?? null,
      occurred_at: occurredAt,
      reason: m.reason ?? null,
      reference: m.reference ?? null,
    };
    try {
      await trx.insertInto('inv_movements').values(row).execute();
    } catch (err) {
      // Two concurrent requests with the same idempotency key: the loser's whole transaction rolls back.
      if (m.idempotencyKey && /unique|duplicate/i.test(String(err)))
        throw conflict('duplicate_movement', `Movement ${m.idempotencyKey} is already being recorded`);
      throw err;
    }
    out[i] = row;
  }
  return out;
}

async function currentQty(trx: Db, k: StockKey): Promise<number> {
  const r = await trx
    .selectFrom('inv_balances')
    .select('qty_milli')
    .where('site_id', '=', k.siteId)
    .where('ndc11', '=', k.ndc11)
    .where('location', '=', k.location)
    .where('lot', '=', k.lot)
    .where('expiry', '=', k.expiry)
    .where('serial', '=', k.serial)
    .executeTakeFirst();
  return Number(r?.qty_milli ?? 0);
}

/** Posts movements and writes their one audit entry (the usual use-case shape). */
export async function recordMovements(
  trx: Db,
  ctx: Ctx,
  siteId: string,
  inputs: MovementInput[],
  audit: { action: string; reason?: string | null; extra?: Record<string, unknown> },
  opts: PostOptions = {},
): Promise<InvMovementTable[]> {
  const rows = await postMovements(trx, ctx, siteId, inputs, opts);
  await appendAudit(trx, ctx, {
    action: audit.action,
    entityType: 'inventory_movement',
    entityId: rows[0]?.group_id ?? null,
    siteId,
    reason: audit.reason ?? null,
    after: { ...audit.extra, movements: rows.map(compact) },
  });
  return rows;
}

const compact = (r: InvMovementTable) => ({
  id: r.id,
  type: r.type,
  location: r.location,
  ndc11: r.ndc11,
  lot: r.lot,
  expiry: r.expiry,
  serial: r.serial,
  qty: r.qty_milli / 1000,
  balanceAfter: r.balance_after_milli / 1000,
  ...(r.negative_flag ? { negative: true } : {}),
});
