import { ACK_LINE_STATUS, fromX12Date, isScheduleII } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { insertShipment } from '../dscsa/service';
import { milli } from '../ledger/convert';
import { schedulesOf } from '../schedule';
import { build850, map856, pairs, parseX12, type Tx } from './x12';

const requireAnywhere = (ctx: Ctx) => {
  if (!ctx.actor.canAnywhere('purchasing.manage'))
    throw forbidden('Your roles do not include purchasing.manage');
};

export async function createSupplier(
  db: Db,
  ctx: Ctx,
  input: {
    name: string;
    x12Id?: string | undefined;
    x12Qualifier?: string | undefined;
    deaNumber?: string | undefined;
    email?: string | undefined;
  },
) {
  requireAnywhere(ctx);
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      organization_id: ctx.actor.organizationId,
      name: input.name,
      created_at: nowIso(),
      x12_id: input.x12Id ?? null,
      x12_qualifier: input.x12Qualifier ?? null,
      dea_number: input.deaNumber ?? null,
      email: input.email ?? null,
    };
    await trx.insertInto('inv_suppliers').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'purchasing.supplier.create',
      entityType: 'inv_supplier',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function supplierOf(db: Db, ctx: Ctx, id: string) {
  const s = await db
    .selectFrom('inv_suppliers')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!s) throw notFound('Supplier');
  return s;
}

/** Upserts catalogue items; each cost change is kept in the price history. */
export async function upsertCatalogue(
  db: Db,
  ctx: Ctx,
  supplierId: string,
  items: {
    ndc11: string;
    packageQty: number;
    packageCostCents: number;
    supplierItemNo?: string | undefined;
    description?: string | undefined;
  }[],
) {
  requireAnywhere(ctx);
  await supplierOf(db, ctx, supplierId);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    let changed = 0;
    for (const i of items) {
      const before = await trx
        .selectFrom('inv_supplier_items')
        .selectAll()
        .where('supplier_id', '=', supplierId)
        .where('ndc11', '=', i.ndc11)
        .executeTakeFirst();
      const row = {
        supplier_id: supplierId,
        ndc11: i.ndc11,
        package_qty: i.packageQty,
        package_cost_cents: i.packageCostCents,
        updated_at: at,
        supplier_item_no: i.supplierItemNo ?? null,
        description: i.description ?? null,
      };
      if (before)
        await trx
          .updateTable('inv_supplier_items')
          .set(row)
          .where('supplier_id', '=', supplierId)
          .where('ndc11', '=', i.ndc11)
          .execute();
      else await trx.insertInto('inv_supplier_items').values(row).execute();
      if (before?.package_cost_cents !== i.packageCostCents) {
        changed++;
        await trx
          .insertInto('inv_price_history')
          .values({
            id: newId(),
            supplier_id: supplierId,
            ndc11: i.ndc11,
            package_cost_cents: i.packageCostCents,
            source: 'catalogue',
            effective_at: at,
          })
          .execute();
      }
    }
    await appendAudit(trx, ctx, {
      action: 'purchasing.catalogue.upsert',
      entityType: 'inv_supplier',
      entityId: supplierId,
      after: { items: items.length, priceChanges: changed },
    });
    return { items: items.length, priceChanges: changed };
  });
}

export async function priceHistory(db: Db, ctx: Ctx, ndc11: string) {
  requireAnywhere(ctx);
  return db
    .selectFrom('inv_price_history')
    .innerJoin('inv_suppliers', 'inv_suppliers.id', 'inv_price_history.supplier_id')
    .select([
      'inv_price_history.supplier_id',
      'inv_suppliers.name',
      'inv_price_history.package_cost_cents',
      'inv_price_history.source',
      'inv_price_history.effective_at',
    ])
    .where('inv_suppliers.organization_id', '=', ctx.actor.organizationId)
    .where('inv_price_history.ndc11', '=', ndc11)
    .orderBy('inv_price_history.effective_at')
    .execute();
}

export async function upsertItem(
  db: Db,
  ctx: Ctx,
  i: {
    siteId: string;
    ndc11: string;
    description?: string | undefined;
    deaSchedule?: string | undefined;
    packageQty: number;
    unitCostCents?: number | undefined;
    leadTimeDays: number;
    safetyDays: number;
  },
) {
  ctx.actor.require('purchasing.manage', i.siteId);
  return db.transaction().execute(async (trx) => {
    const row = {
      site_id: i.siteId,
      ndc11: i.ndc11,
      description: i.description ?? null,
      dea_schedule: i.deaSchedule ?? null,
      package_qty: i.packageQty,
      unit_cost_micro: i.unitCostCents === undefined ? null : Math.round(i.unitCostCents * 10_000),
      lead_time_days: i.leadTimeDays,
      safety_days: i.safetyDays,
      updated_at: nowIso(),
    };
    await trx
      .insertInto('inv_items')
      .values(row)
      .onConflict((oc) => oc.columns(['site_id', 'ndc11']).doUpdateSet({ ...row }))
      .execute();
    await appendAudit(trx, ctx, {
      action: 'inventory.item.upsert',
      entityType: 'inv_item',
      entityId: `${i.siteId}:${i.ndc11}`,
      siteId: i.siteId,
      after: row,
    });
    return row;
  });
}

export async function setPar(
  db: Db,
  ctx: Ctx,
  p: { siteId: string; location: string; ndc11: string; min: number; max: number },
) {
  ctx.actor.require('purchasing.manage', p.siteId);
  if (p.max < p.min)
    throw badRequest('invalid_par', 'max must be ≥ min', [{ field: 'max', reason: 'must be ≥ min' }]);
  return db.transaction().execute(async (trx) => {
    const row = {
      site_id: p.siteId,
      location: p.location,
      ndc11: p.ndc11,
      min_milli: milli(p.min, 'min'),
      max_milli: milli(p.max, 'max'),
      updated_at: nowIso(),
    };
    await trx
      .insertInto('inv_par_levels')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['site_id', 'location', 'ndc11'])
          .doUpdateSet({ min_milli: row.min_milli, max_milli: row.max_milli, updated_at: row.updated_at }),
      )
      .execute();
    await appendAudit(trx, ctx, {
      action: 'inventory.par.set',
      entityType: 'inv_par_level',
      entityId: `${p.siteId}:${p.location}:${p.ndc11}`,
      siteId: p.siteId,
      after: row,
    });
    return { ...p };
  });
}

export interface PoInput {
  siteId: string;
  supplierId: string;
  poNumber?: string | undefined;
  deaForm222Number?: string | undefined;
  csosOrderNumber?: string | undefined;
  lines: {
    ndc11: string;
    packages: number;
    packageQty?: number | undefined;
    packageCostCents?: number | undefined;
  }[];
}

/** Creates a PO from the supplier catalogue. Schedule II lines need a DEA Form 222 or CSOS order number (21 CFR 1305.03). */
export async function createPo(db: Db, ctx: Ctx, input: PoInput) {
  ctx.actor.require('purchasing.manage', input.siteId);
  const supplier = await supplierOf(db, ctx, input.supplierId);
  const schedules = await schedulesOf(
    db,
    input.siteId,
    input.lines.map((l) => l.ndc11),
  );
  const cii = input.lines.filter((l) => isScheduleII(schedules.get(l.ndc11) ?? null));
  if (cii.length && !input.deaForm222Number && !input.csosOrderNumber)
    throw badRequest(
      'cii_order_form_required',
      'Schedule II items need a DEA Form 222 or CSOS order number',
      [{ field: 'deaForm222Number', reason: `required for ${cii.map((l) => l.ndc11).join(', ')}` }],
    );
  const catalogue = await db
    .selectFrom('inv_supplier_items')
    .selectAll()
    .where('supplier_id', '=', supplier.id)
    .where(
      'ndc11',
      'in',
      input.lines.map((l) => l.ndc11),
    )
    .execute();
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const id = newId();
    const po = {
      id,
      site_id: input.siteId,
      supplier_id: supplier.id,
      po_number: input.poNumber ?? `PO${at.slice(0, 10).replaceAll('-', '')}-${id.slice(0, 6).toUpperCase()}`,
      status: 'draft',
      created_by: ctx.actor.userId,
      created_at: at,
      version: 1,
      dea_form_222_number: input.deaForm222Number ?? null,
      csos_order_number: input.csosOrderNumber ?? null,
      sent_at: null,
      acknowledged_at: null,
    };
    const lines = input.lines.map((l, i) => {
      const c = catalogue.find((x) => x.ndc11 === l.ndc11);
      const packageQty = l.packageQty ?? c?.package_qty;
      const cost = l.packageCostCents ?? c?.package_cost_cents;
      if (packageQty === undefined || cost === undefined)
        throw badRequest('not_in_catalogue', `${l.ndc11} is not in the supplier catalogue`, [
          { field: `lines[${i}]`, reason: 'give packageQty and packageCostCents' },
        ]);
      return {
        id: newId(),
        po_id: id,
        line_no: i + 1,
        ndc11: l.ndc11,
        packages_ordered: l.packages,
        package_qty: packageQty,
        package_cost_cents: cost,
        packages_acknowledged: null,
        packages_backordered: 0,
        units_received_milli: 0,
        ack_status: null,
      };
    });
    await trx.insertInto('inv_purchase_orders').values(po).execute();
    await trx.insertInto('inv_po_lines').values(lines).execute();
    await appendAudit(trx, ctx, {
      action: 'purchasing.po.create',
      entityType: 'inv_purchase_order',
      entityId: id,
      siteId: input.siteId,
      after: { ...po, lines },
    });
    return { ...po, lines };
  });
}

export async function getPo(db: Db, ctx: Ctx, id: string) {
  const po = await db
    .selectFrom('inv_purchase_orders')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', 'in', [...ctx.actor.sitesWith('inventory.read'), ''])
    .executeTakeFirst();
  if (!po) throw notFound('Purchase order');
  const lines = await db
    .selectFrom('inv_po_lines')
    .selectAll()
    .where('po_id', '=', id)
    .orderBy('line_no')
    .execute();
  return { ...po, lines };
}

/** Exports the PO as an X12 850 and marks it sent. */
export async function export850(db: Db, ctx: Ctx, id: string) {
  const po = await getPo(db, ctx, id);
  ctx.actor.require('purchasing.manage', po.site_id, 'Purchase order');
  if (po.status === 'cancelled' || po.status === 'closed')
    throw conflict('po_not_open', `Purchase order ${po.po_number} is ${po.status}: it cannot be sent`);
  const supplier = await supplierOf(db, ctx, po.supplier_id);
  const site = await db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', po.site_id)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('inv_supplier_items')
    .select(['ndc11', 'supplier_item_no'])
    .where('supplier_id', '=', supplier.id)
    .execute();
  const text = build850({
    poNumber: po.po_number,
    createdAt: nowIso(),
    senderId: site.code,
    receiverId: supplier.x12_id ?? supplier.name.slice(0, 15).toUpperCase(),
    receiverQualifier: supplier.x12_qualifier ?? 'ZZ',
    control: Date.now() % 1_000_000_000,
    shipToName: site.name,
    shipToDea: site.dea_number,
    dea222: po.dea_form_222_number,
    csos: po.csos_order_number,
    lines: po.lines.map((l) => ({
      lineNo: l.line_no,
      ndc11: l.ndc11,
      packages: l.packages_ordered,
      packageCostCents: l.package_cost_cents,
      supplierItemNo: items.find((i) => i.ndc11 === l.ndc11)?.supplier_item_no ?? null,
    })),
  });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('inv_purchase_orders')
      .set({ status: po.status === 'draft' ? 'sent' : po.status, sent_at: nowIso(), version: po.version + 1 })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'purchasing.po.export850',
      entityType: 'inv_purchase_order',
      entityId: id,
      siteId: po.site_id,
      after: { bytes: text.length },
    });
  });
  return text;
}

/** Imports X12 855 acknowledgments, 856 ship notices (→ DSCSA records) and 810 invoices (→ price history). */
export async function importEdi(db: Db, ctx: Ctx, siteId: string, text: string) {
  ctx.actor.require('purchasing.manage', siteId);
  const txs = parseX12(text);
  const results: Record<string, unknown>[] = [];
  for (const tx of txs) {
    if (tx.type === '855') results.push(await import855(db, ctx, siteId, tx));
    else if (tx.type === '856') results.push(await import856(db, ctx, siteId, tx, text));
    else if (tx.type === '810') results.push(await import810(db, ctx, siteId, tx));
    else results.push({ type: tx.type, skipped: true, reason: 'unsupported transaction set' });
  }
  return results;
}

const findPo = (db: Db, siteId: string, poNumber: string) =>
  db
    .selectFrom('inv_purchase_orders')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('po_number', '=', poNumber)
    .executeTakeFirst();

async function import855(db: Db, ctx: Ctx, siteId: string, tx: Tx) {
  const bak = tx.segments.find((s) => s.tag === 'BAK');
  const po = bak ? await findPo(db, siteId, bak.el[3] ?? '') : undefined;
  if (!po)
    throw badRequest('unknown_po', `855 refers to an unknown PO ${bak?.el[3] ?? ''}`, [
      { field: 'x12', reason: 'BAK03 PO number not found at this site' },
    ]);
  const acks: { lineNo: number; status: string; qty: number }[] = [];
  let lineNo = 0;
  for (const s of tx.segments) {
    if (s.tag === 'PO1') lineNo = Number(s.el[1]);
    if (s.tag === 'ACK')
      acks.push({
        lineNo,
        status: ACK_LINE_STATUS[(s.el[1] ?? '') as keyof typeof ACK_LINE_STATUS] ?? s.el[1] ?? '',
        qty: Number(s.el[2] ?? 0),
      });
  }
  return db.transaction().execute(async (trx) => {
    const lines = await trx.selectFrom('inv_po_lines').selectAll().where('po_id', '=', po.id).execute();
    let backordered = 0;
    for (const a of acks) {
      const l = lines.find((x) => x.line_no === a.lineNo);
      if (!l) continue;
      const bo = a.status === 'backordered' ? a.qty : 0;
      backordered += bo;
      const accepted =
        a.status === 'backordered' || a.status === 'rejected' || a.status === 'deleted' ? 0 : a.qty;
      await trx
        .updateTable('inv_po_lines')
        .set({
          ack_status: a.status,
          packages_acknowledged: (l.packages_acknowledged ?? 0) + accepted,
          packages_backordered: l.packages_backordered + bo,
        })
        .where('id', '=', l.id)
        .execute();
    }
    await trx
      .updateTable('inv_purchase_orders')
      .set({ status: 'acknowledged', acknowledged_at: nowIso(), version: po.version + 1 })
      .where('id', '=', po.id)
      .where('status', 'in', ['draft', 'sent'])
      .execute();
    await appendAudit(trx, ctx, {
      action: 'purchasing.edi.855',
      entityType: 'inv_purchase_order',
      entityId: po.id,
      siteId,
      after: { acks },
    });
    return { type: '855', poId: po.id, lines: acks.length, backorderedPackages: backordered };
  });
}

async function import856(db: Db, ctx: Ctx, siteId: string, tx: Tx, raw: string) {
  const asn = map856(tx);
  const po = asn.poNumber ? await findPo(db, siteId, asn.poNumber) : undefined;
  const bad = asn.items.findIndex((i) => !/^\d{11}$/.test(i.ndc11));
  if (bad >= 0)
    throw badRequest('invalid_856', '856 item without an 11-digit NDC', [
      { field: `x12.LIN[${bad}]`, reason: 'needs N4 (11-digit NDC)' },
    ]);
  return db.transaction().execute(async (trx) => {
    const row = await insertShipment(
      trx,
      ctx,
      {
        siteId,
        poId: po?.id,
        sellerName: asn.sellerName ?? 'unknown',
        asnNumber: asn.shipmentId,
        shippedAt: asn.shippedAt,
        transactionStatement: asn.statementPresent,
        statementText: asn.statementText,
        lines: asn.items.map((i) => ({
          ndc11: i.ndc11,
          lot: i.lot,
          expiry: i.expiry,
          quantity: i.quantity,
          serials: i.serials.length ? i.serials : undefined,
        })),
      },
      '856',
      raw,
    );
    return {
      type: '856',
      shipmentId: row.id,
      asnNumber: asn.shipmentId,
      poId: po?.id ?? null,
      items: asn.items.length,
      transactionStatement: asn.statementPresent,
    };
  });
}

async function import810(db: Db, ctx: Ctx, siteId: string, tx: Tx) {
  const big = tx.segments.find((s) => s.tag === 'BIG');
  if (!big?.el[2])
    throw badRequest('invalid_810', '810 without BIG02 invoice number', [
      { field: 'x12.BIG02', reason: 'is required' },
    ]);
  const po = big.el[4] ? await findPo(db, siteId, big.el[4]) : undefined;
  const lines = tx.segments
    .filter((s) => s.tag === 'IT1')
    .map((s) => ({
      qty: Number(s.el[2]),
      unit: s.el[3],
      priceCents: Math.round(Number(s.el[4]) * 100),
      ndc11: (pairs(s, 6).get('N4') ?? pairs(s, 6).get('ND') ?? '').replace(/-/g, ''),
    }));
  const tds = tx.segments.find((s) => s.tag === 'TDS');
  const total = tds ? Number(tds.el[1]) : lines.reduce((s, l) => s + l.qty * l.priceCents, 0);
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const at = nowIso();
    await trx
      .insertInto('inv_invoices')
      .values({
        id,
        site_id: siteId,
        po_id: po?.id ?? null,
        invoice_number: big.el[2] ?? '',
        total_cents: total,
        lines_json: JSON.stringify(lines),
        created_at: at,
        invoice_date: fromX12Date(big.el[1]) ?? null,
      })
      .execute();
    if (po)
      for (const l of lines.filter((x) => x.ndc11)) {
        await trx
          .insertInto('inv_price_history')
          .values({
            id: newId(),
            supplier_id: po.supplier_id,
            ndc11: l.ndc11,
            package_cost_cents: l.priceCents,
            source: '810',
            effective_at: at,
          })
          .execute();
        await trx
          .updateTable('inv_supplier_items')
          .set({ package_cost_cents: l.priceCents, updated_at: at })
          .where('supplier_id', '=', po.supplier_id)
          .where('ndc11', '=', l.ndc11)
          .execute();
      }
    await appendAudit(trx, ctx, {
      action: 'purchasing.edi.810',
      entityType: 'inv_invoice',
      entityId: id,
      siteId,
      after: { invoice: big.el[2], totalCents: total, lines: lines.length },
    });
    return { type: '810', invoiceId: id, invoiceNumber: big.el[2], totalCents: total, lines: lines.length };
  });
}
