import { isScheduleII } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { DscsaShipmentTable, InvReceiptDiscrepancyTable } from '../../../platform/db/schema';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { milli } from '../ledger/convert';
import { postMovements } from '../ledger/post';
import type { MovementInput } from '../ledger/types';
import { scheduleOf } from '../schedule';
import { dscsaProblems } from './dscsa-check';
import { readLine, type ScannedLine } from './scan';
import type { ReceiptInput } from './schema';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Receives a delivery: scans/entries become `receive` movements; lines whose DSCSA documentation is missing or
 * suspect, expired lots, damaged units and Schedule II products without a matching Form 222/CSOS order go to
 * QUARANTINE; over/short/damaged quantities become discrepancies to report to the supplier.
 */
export async function receive(db: Db, ctx: Ctx, input: ReceiptInput) {
  ctx.actor.require('inventory.receive', input.siteId);
  const expected = new Set<string>();
  if (input.poId) {
    const lines = await db
      .selectFrom('inv_po_lines')
      .select('ndc11')
      .where('po_id', '=', input.poId)
      .execute();
    for (const l of lines) expected.add(l.ndc11);
  }
  // Scan parsing and NDC resolution read the catalogue: before the transaction (SQLite has one connection).
  const read: ScannedLine[] = [];
  for (const [i, l] of input.lines.entries()) read.push(await readLine(db, input.siteId, i, l, expected));

  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const po = input.poId
      ? await trx
          .selectFrom('inv_purchase_orders')
          .selectAll()
          .where('id', '=', input.poId)
          .where('site_id', '=', input.siteId)
          .executeTakeFirst()
      : undefined;
    if (input.poId && !po) throw notFound('Purchase order');
    if (po && (po.status === 'cancelled' || po.status === 'closed'))
      throw conflict(
        'po_not_open',
        `Purchase order ${po.po_number} is ${po.status}: receive the delivery without it`,
      );
    const poLines = po
      ? await trx
          .selectFrom('inv_po_lines')
          .selectAll()
          .where('po_id', '=', po.id)
          .orderBy('line_no')
          .execute()
      : [];
    let shipment: DscsaShipmentTable | undefined;
    if (input.shipmentId) {
      shipment = await trx
        .selectFrom('dscsa_shipments')
        .selectAll()
        .where('id', '=', input.shipmentId)
        .where('site_id', '=', input.siteId)
        .executeTakeFirst();
      if (!shipment) throw notFound('DSCSA shipment record');
    } else if (input.dscsa) {
      shipment = {
        id: newId(),
        site_id: input.siteId,
        po_id: po?.id ?? null,
        source: 'entered',
        statement_present: input.dscsa.transactionStatement ? 1 : 0,
        status: 'received',
        created_at: at,
        asn_number: null,
        shipped_at: input.dscsa.shippedAt ?? null,
        seller_name: input.dscsa.sellerName,
        ti_json: JSON.stringify(
          read.map((r, i) => ({
            ndc11: r.ndc11,
            lot: r.lot || undefined,
            expiry: r.expiry || undefined,
            quantity: input.lines[i]?.quantity,
            serials: r.serial ? [r.serial] : undefined,
          })),
        ),
        th_json: JSON.stringify(input.dscsa.history ?? []),
        statement_text: input.dscsa.statementText ?? null,
        raw_x12: null,
      };
      await trx.insertInto('dscsa_shipments').values(shipment).execute();
    }

    const receiptId = newId();
    const moves: MovementInput[] = [];
    const discrepancies: InvReceiptDiscrepancyTable[] = [];
    const lineOut: Record<string, unknown>[] = [];
    const disc = (ndc11: string, kind: string, qtyMilli: number, lot: string, notes: string) =>
      discrepancies.push({
        id: newId(),
        receipt_id: receiptId,
        site_id: input.siteId,
        ndc11,
        kind,
        qty_milli: qtyMilli,
        supplier_id: po?.supplier_id ?? null,
        reported_at: null,
        created_at: at,
        lot: lot || null,
        notes,
      });
    const receivedByNdc = new Map<string, number>();
    for (const [i, line] of input.lines.entries()) {
      const r = read[i];
      if (!r) continue;
      const good = milli(line.quantity, `lines[${i}].quantity`);
      const damaged = line.damagedQuantity ? milli(line.damagedQuantity, `lines[${i}].damagedQuantity`) : 0;
      const schedule = await scheduleOf(trx, input.siteId, r.ndc11);
      const why = await dscsaProblems(trx, input.siteId, shipment, r);
      if (r.expiry && r.expiry < today()) why.push(`expired ${r.expiry}`);
      if (isScheduleII(schedule) && !(po && (po.dea_form_222_number || po.csos_order_number))) {
        why.push('Schedule II received without a matching DEA Form 222 / CSOS order');
        disc(
          r.ndc11,
          'cii_unmatched',
          good + damaged,
          r.lot,
          'No Form 222 / CSOS order number on the purchase order',
        );
      }
      const poLine = poLines.find((l) => l.ndc11 === r.ndc11);
      const unitCost =
        line.unitCostCents !== undefined
          ? Math.round(line.unitCostCents * 10_000)
          : poLine
            ? Math.round((poLine.package_cost_cents * 10_000) / poLine.package_qty)
            : null;
      const location = why.length
        ? 'QUARANTINE'
        : (line.location ?? (isScheduleII(schedule) ? 'VAULT' : 'SHELF'));
      const common = {
        ndc11: r.ndc11,
        lot: r.lot,
        expiry: r.expiry,
        serial: r.serial,
        unitCostMicro: unitCost,
        reference: po ? `PO ${po.po_number}` : `receipt ${receiptId}`,
      };
      moves.push({
        ...common,
        type: 'receive',
        location,
        qtyMilli: good,
        reason: why.length ? `quarantined: ${why.join('; ')}` : null,
      });
      if (damaged > 0) {
        moves.push({
          ...common,
          type: 'receive',
          location: 'QUARANTINE',
          qtyMilli: damaged,
          reason: 'received damaged',
        });
        disc(r.ndc11, 'damaged', damaged, r.lot, 'Received damaged');
      }
      receivedByNdc.set(r.ndc11, (receivedByNdc.get(r.ndc11) ?? 0) + good + damaged);
      lineOut.push({
        ...r,
        quantity: good / 1000,
        damaged: damaged / 1000,
        location,
        schedule,
        quarantineReasons: why,
      });
    }
    if (!moves.length) throw badRequest('no_lines', 'Nothing to receive');
    const rows = await postMovements(trx, ctx, input.siteId, moves, { occurredAt: at });

    let outstanding = false;
    // Over/short against the purchase order (backordered packages are not "short").
    for (const l of poLines) {
      const got = receivedByNdc.get(l.ndc11) ?? 0;
      const open =
        Math.round((l.packages_ordered - l.packages_backordered) * l.package_qty * 1000) -
        Number(l.units_received_milli);
      if (got > open)
        disc(l.ndc11, 'over', got - open, '', `Ordered ${l.packages_ordered} × ${l.package_qty}`);
      else if (got < open)
        disc(l.ndc11, 'short', open - got, '', `Ordered ${l.packages_ordered} × ${l.package_qty}`);
      if (got)
        await trx
          .updateTable('inv_po_lines')
          .set({ units_received_milli: Number(l.units_received_milli) + got })
          .where('id', '=', l.id)
          .execute();
      if (Number(l.units_received_milli) + got < Math.round(l.packages_ordered * l.package_qty * 1000))
        outstanding = true;
    }
    if (po) {
      const extra = [...receivedByNdc.keys()].filter((n) => !poLines.some((l) => l.ndc11 === n));
      for (const n of extra)
        disc(n, 'not_ordered', receivedByNdc.get(n) ?? 0, '', 'Not on the purchase order');
      // Back-ordered or short lines keep the order open (they still count as on order for suggestions).
      await trx
        .updateTable('inv_purchase_orders')
        .set({ status: outstanding ? 'partially_received' : 'received', version: po.version + 1 })
        .where('id', '=', po.id)
        .execute();
    }
    const quarantined = lineOut.some((l) => (l.quarantineReasons as string[]).length > 0);
    await trx
      .insertInto('inv_receipts')
      .values({
        id: receiptId,
        site_id: input.siteId,
        po_id: po?.id ?? null,
        shipment_id: shipment?.id ?? null,
        received_by: ctx.actor.userId,
        received_at: at,
        quarantined: quarantined ? 1 : 0,
        notes: input.notes ?? null,
        lines_json: JSON.stringify(lineOut),
      })
      .execute();
    if (discrepancies.length)
      await trx.insertInto('inv_receipt_discrepancies').values(discrepancies).execute();
    await appendAudit(trx, ctx, {
      action: 'inventory.receive',
      entityType: 'inv_receipt',
      entityId: receiptId,
      siteId: input.siteId,
      after: {
        poId: po?.id ?? null,
        shipmentId: shipment?.id ?? null,
        lines: lineOut,
        discrepancies: discrepancies.map((d) => ({ kind: d.kind, ndc11: d.ndc11, qty: d.qty_milli / 1000 })),
        movementGroup: rows[0]?.group_id,
      },
    });
    return {
      id: receiptId,
      quarantined,
      lines: lineOut,
      discrepancies: discrepancies.map(toDiscOut),
      movements: rows,
    };
  });
}

export const toDiscOut = (d: InvReceiptDiscrepancyTable) => ({
  id: d.id,
  receiptId: d.receipt_id,
  ndc11: d.ndc11,
  lot: d.lot,
  kind: d.kind,
  quantity: Number(d.qty_milli) / 1000,
  supplierId: d.supplier_id,
  reportedAt: d.reported_at,
  notes: d.notes,
});

/** Discrepancies not yet reported to the supplier (or all of one receipt). */
export async function listDiscrepancies(
  db: Db,
  ctx: Ctx,
  q: { siteId: string; receiptId?: string | undefined; unreported?: boolean | undefined },
) {
  ctx.actor.require('inventory.read', q.siteId);
  const rows = await db
    .selectFrom('inv_receipt_discrepancies')
    .selectAll()
    .where('site_id', '=', q.siteId)
    .$if(!!q.receiptId, (x) => x.where('receipt_id', '=', q.receiptId ?? ''))
    .$if(!!q.unreported, (x) => x.where('reported_at', 'is', null))
    .orderBy('created_at')
    .execute();
  return rows.map(toDiscOut);
}

/** Marks discrepancies as reported to the supplier (the report itself is the CSV/JSON of listDiscrepancies). */
export async function markReported(db: Db, ctx: Ctx, siteId: string, ids: string[]) {
  ctx.actor.require('inventory.receive', siteId);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const res = await trx
      .updateTable('inv_receipt_discrepancies')
      .set({ reported_at: at })
      .where('site_id', '=', siteId)
      .where('id', 'in', ids)
      .where('reported_at', 'is', null)
      .executeTakeFirst();
    await appendAudit(trx, ctx, {
      action: 'inventory.discrepancy.report',
      entityType: 'inv_receipt_discrepancy',
      siteId,
      after: { ids, reportedAt: at },
    });
    return Number(res.numUpdatedRows);
  });
}
