import type { z } from 'zod';
import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { DscsaInvestigationTable, DscsaShipmentTable } from '../../../platform/db/schema';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { postMovements } from '../ledger/post';
import type { MovementInput } from '../ledger/types';
import type { CloseInvestigationInput, InvestigationInput, ShipmentInput, VerificationInput } from './schema';

/** Stores TI/TH/TS for a shipment entered by hand (856 imports use the same row shape). */
export async function createShipment(db: Db, ctx: Ctx, input: ShipmentInput, raw?: string) {
  ctx.actor.require('dscsa.manage', input.siteId);
  return db.transaction().execute((trx) => insertShipment(trx, ctx, input, raw ? '856' : 'entered', raw));
}

export async function insertShipment(trx: Db, ctx: Ctx, input: ShipmentInput, source: string, raw?: string) {
  const row: DscsaShipmentTable = {
    id: newId(),
    site_id: input.siteId,
    po_id: input.poId ?? null,
    source,
    statement_present: input.transactionStatement ? 1 : 0,
    status: 'pending',
    created_at: nowIso(),
    asn_number: input.asnNumber ?? null,
    shipped_at: input.shippedAt ?? null,
    seller_name: input.sellerName,
    ti_json: JSON.stringify(input.lines),
    th_json: JSON.stringify(input.history ?? []),
    statement_text: input.statementText ?? null,
    raw_x12: raw ?? null,
  };
  await trx.insertInto('dscsa_shipments').values(row).execute();
  await appendAudit(trx, ctx, {
    action: 'dscsa.shipment.create',
    entityType: 'dscsa_shipment',
    entityId: row.id,
    siteId: input.siteId,
    after: { ...row, raw_x12: raw ? `${raw.length} bytes` : null },
  });
  return row;
}

export const toShipmentOut = (s: DscsaShipmentTable) => ({
  id: s.id,
  siteId: s.site_id,
  poId: s.po_id,
  source: s.source,
  asnNumber: s.asn_number,
  shippedAt: s.shipped_at,
  sellerName: s.seller_name,
  transactionStatement: s.statement_present === 1,
  statementText: s.statement_text,
  status: s.status,
  transactionInformation: JSON.parse(s.ti_json ?? '[]') as unknown[],
  transactionHistory: JSON.parse(s.th_json ?? '[]') as unknown[],
  createdAt: s.created_at,
});

export async function listShipments(db: Db, ctx: Ctx, siteId: string) {
  ctx.actor.require('inventory.read', siteId);
  return db
    .selectFrom('dscsa_shipments')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

/** Moves every sellable unit of ndc/lot(/serial) at a site into QUARANTINE (no-op when none). */
export async function quarantineAll(
  trx: Db,
  ctx: Ctx,
  siteId: string,
  ndc11: string,
  lots: string[] | null,
  serial: string | null,
  reason: string,
) {
  const rows = await trx
    .selectFrom('inv_balances')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('ndc11', '=', ndc11)
    .where('qty_milli', '>', 0)
    .where('location', '!=', 'QUARANTINE')
    .$if(lots !== null, (q) => q.where('lot', 'in', lots?.length ? lots : ['\u0000']))
    .$if(!!serial, (q) => q.where('serial', '=', serial ?? ''))
    .execute();
  const quarantineCodes = new Set(
    (
      await trx
        .selectFrom('inv_locations')
        .select('code')
        .where('site_id', '=', siteId)
        .where('kind', '=', 'quarantine')
        .execute()
    ).map((r) => r.code),
  );
  const moves: MovementInput[] = [];
  for (const b of rows) {
    if (quarantineCodes.has(b.location)) continue;
    const k = { ndc11: b.ndc11, lot: b.lot, expiry: b.expiry, serial: b.serial, reason };
    moves.push({ ...k, type: 'quarantine', location: b.location, qtyMilli: -Number(b.qty_milli) });
    moves.push({ ...k, type: 'quarantine', location: 'QUARANTINE', qtyMilli: Number(b.qty_milli) });
  }
  return moves.length ? postMovements(trx, ctx, siteId, moves, { skipPrivilegeCheck: true }) : [];
}

/**
 * FD&C Act §582(d)(4)(A) (21 USC 360eee-1(d)(4)): on determining a product in its possession is suspect, a
 * dispenser quarantines it and investigates; illegitimate product is reported to FDA (Form 3911) and to trading
 * partners within 24 hours (§582(d)(4)(B)). Opening the investigation quarantines the stock in the same transaction.
 */
export async function openInvestigation(db: Db, ctx: Ctx, input: z.infer<typeof InvestigationInput>) {
  ctx.actor.require('dscsa.manage', input.siteId);
  return db.transaction().execute(async (trx) => {
    const row: DscsaInvestigationTable = {
      id: newId(),
      site_id: input.siteId,
      ndc11: input.ndc11,
      kind: input.kind,
      status: 'open',
      opened_by: ctx.actor.userId,
      opened_at: nowIso(),
      lot: input.lot ?? null,
      serial: input.serial ?? null,
      reason: input.reason,
      findings: null,
      outcome: null,
      fda_notified_at: null,
      closed_by: null,
      closed_at: null,
    };
    const moved = await quarantineAll(
      trx,
      ctx,
      input.siteId,
      input.ndc11,
      input.lot ? [input.lot] : null,
      input.serial ?? null,
      `DSCSA ${input.kind} investigation ${row.id}`,
    );
    await trx.insertInto('dscsa_investigations').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'dscsa.investigation.open',
      entityType: 'dscsa_investigation',
      entityId: row.id,
      siteId: input.siteId,
      after: {
        ...row,
        quarantinedUnits: moved.filter((m) => m.qty_milli > 0).reduce((s, m) => s + m.qty_milli, 0) / 1000,
      },
    });
    return row;
  });
}

export async function closeInvestigation(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof CloseInvestigationInput>,
) {
  return db.transaction().execute(async (trx) => {
    const inv = await trx
      .selectFrom('dscsa_investigations')
      .selectAll()
      .where('id', '=', id)
      .where('site_id', 'in', ctx.actor.sitesWith('dscsa.manage').concat(''))
      .executeTakeFirst();
    if (!inv) throw notFound('Investigation');
    if (inv.status !== 'open') throw conflict('already_closed', 'This investigation is closed');
    if (input.outcome === 'illegitimate' && !input.fdaNotifiedAt)
      throw badRequest(
        'fda_notification_required',
        'Illegitimate product must be notified to FDA (Form 3911) within 24 hours',
        [{ field: 'fdaNotifiedAt', reason: 'is required for illegitimate product' }],
      );
    const patch = {
      status: 'closed',
      outcome: input.outcome,
      findings: input.findings,
      fda_notified_at: input.fdaNotifiedAt ?? null,
      closed_by: ctx.actor.userId,
      closed_at: nowIso(),
    };
    await trx.updateTable('dscsa_investigations').set(patch).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'dscsa.investigation.close',
      entityType: 'dscsa_investigation',
      entityId: id,
      siteId: inv.site_id,
      before: inv,
      after: { ...inv, ...patch },
    });
    return { ...inv, ...patch };
  });
}

export async function listInvestigations(db: Db, ctx: Ctx, siteId: string) {
  ctx.actor.require('inventory.read', siteId);
  return db
    .selectFrom('dscsa_investigations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('opened_at', 'desc')
    .execute();
}

/**
 * Product identifier verification of a returned product before it may be resold (§582(d)(4)(A)(ii)/(c)(4)):
 * the identifier must match our own receiving records (we received that NDC and lot, and that serial when the
 * package is serialized) and the manufacturer/VRS answer when one was obtained. A failure opens a suspect-product
 * investigation (which quarantines the stock).
 */
export async function verifyProductIdentifier(db: Db, ctx: Ctx, input: z.infer<typeof VerificationInput>) {
  ctx.actor.require('dscsa.manage', input.siteId);
  const ours = await db
    .selectFrom('inv_movements')
    .select('id')
    .where('site_id', '=', input.siteId)
    .where('ndc11', '=', input.ndc11)
    .where('lot', '=', input.lot)
    .where('type', '=', 'receive')
    .$if(!!input.serial, (q) => q.where('serial', '=', input.serial ?? ''))
    .executeTakeFirst();
  const result = ours && input.result !== 'failed' ? 'verified' : 'failed';
  const row = {
    id: newId(),
    site_id: input.siteId,
    ndc11: input.ndc11,
    result,
    verified_by: ctx.actor.userId,
    verified_at: nowIso(),
    gtin: input.gtin ?? null,
    lot: input.lot,
    serial: input.serial ?? null,
    expiry: input.expiry ?? null,
    method: input.method,
    notes:
      [input.notes, ours ? null : 'identifier not found in our receiving records']
        .filter(Boolean)
        .join('; ') || null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('dscsa_verifications').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'dscsa.verification',
      entityType: 'dscsa_verification',
      entityId: row.id,
      siteId: input.siteId,
      after: row,
    });
  });
  if (result === 'failed')
    await openInvestigation(db, ctx, {
      siteId: input.siteId,
      ndc11: input.ndc11,
      lot: input.lot,
      serial: input.serial,
      kind: 'suspect',
      reason: `Product identifier verification failed (${row.notes ?? input.method})`,
    });
  return row;
}
