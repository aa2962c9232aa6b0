import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { badRequest, conflict } from '../../../platform/errors';
import { getPo, supplierOf } from './service';

/**
 * Purchase order life cycle (status column of inv_purchase_orders):
 * draft → sent (850 exported) → acknowledged (855) → partially_received → received;
 * cancelled = withdrawn before anything arrived; closed = partially received and the rest will not come.
 */
export const PO_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'partially_received',
  'received',
  'cancelled',
  'closed',
] as const;
export type PoStatus = (typeof PO_STATUSES)[number];
/** Orders still expecting goods (they count as "on order" in the suggested order). */
export const OPEN_PO_STATUSES: readonly PoStatus[] = ['draft', 'sent', 'acknowledged', 'partially_received'];
const FINAL: readonly string[] = ['received', 'cancelled', 'closed'];

/** `status` filter: comma-separated statuses, or `open` for every status still expecting goods. */
export function parseStatusFilter(raw: string | undefined): PoStatus[] | undefined {
  if (!raw) return undefined;
  const out = new Set<PoStatus>();
  for (const s of raw.split(',').map((x) => x.trim())) {
    if (s === 'open') for (const o of OPEN_PO_STATUSES) out.add(o);
    else if ((PO_STATUSES as readonly string[]).includes(s)) out.add(s as PoStatus);
    else
      throw badRequest('invalid_status', `Unknown purchase order status ${s}`, [
        { field: 'status', reason: `one of open, ${PO_STATUSES.join(', ')}` },
      ]);
  }
  return [...out];
}

/** Purchase orders at the caller's sites, newest first, with line count and ordered value. */
export async function listOrders(
  db: Db,
  ctx: Ctx,
  q: { siteId?: string | undefined; status?: string | undefined; limit: number },
) {
  let sites = ctx.actor.sitesWith('inventory.read');
  if (q.siteId) {
    ctx.actor.require('inventory.read', q.siteId);
    sites = [q.siteId];
  }
  const statuses = parseStatusFilter(q.status);
  if (!sites.length || statuses?.length === 0) return [];
  let sel = db
    .selectFrom('inv_purchase_orders as o')
    .innerJoin('inv_suppliers as s', 's.id', 'o.supplier_id')
    .leftJoin('users as u', 'u.id', 'o.created_by')
    .select((eb) => [
      'o.id',
      'o.site_id',
      'o.supplier_id',
      'o.po_number',
      'o.status',
      'o.created_at',
      'o.sent_at',
      'o.acknowledged_at',
      'o.dea_form_222_number',
      'o.csos_order_number',
      's.name as supplier',
      'u.display_name as created_by_name',
      eb
        .selectFrom('inv_po_lines as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.po_id', '=', 'o.id')
        .as('line_count'),
      eb
        .selectFrom('inv_po_lines as l')
        .select((e2) =>
          e2.fn.sum<number>(e2('l.packages_ordered', '*', e2.ref('l.package_cost_cents'))).as('t'),
        )
        .whereRef('l.po_id', '=', 'o.id')
        .as('total_cents'),
    ])
    .where('o.site_id', 'in', sites);
  if (statuses) sel = sel.where('o.status', 'in', statuses);
  const rows = await sel.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(q.limit).execute();
  // PostgreSQL returns count/sum as strings (bigint/numeric).
  return rows.map((r) => ({
    ...r,
    line_count: Number(r.line_count ?? 0),
    total_cents: Number(r.total_cents ?? 0),
  }));
}

const parse = <T>(json: string | null, fallback: T): T => {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

/**
 * One purchase order for the workbench: its lines with ordered, acknowledged (855), back-ordered and received
 * quantities, the supplier, the invoices (810) and receipts against it, and the cancellation if any.
 */
export async function orderDetail(db: Db, ctx: Ctx, id: string) {
  const po = await getPo(db, ctx, id);
  const ndcs = po.lines.map((l) => l.ndc11);
  const [supplier, items, invoices, receipts, cancel] = await Promise.all([
    db
      .selectFrom('inv_suppliers')
      .select(['id', 'name', 'x12_id', 'email'])
      .where('id', '=', po.supplier_id)
      .executeTakeFirstOrThrow(),
    ndcs.length
      ? db
          .selectFrom('inv_items')
          .select(['ndc11', 'description'])
          .where('site_id', '=', po.site_id)
          .where('ndc11', 'in', ndcs)
          .execute()
      : [],
    db
      .selectFrom('inv_invoices')
      .selectAll()
      .where('po_id', '=', id)
      .where('site_id', '=', po.site_id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('inv_receipts as r')
      .leftJoin('users as u', 'u.id', 'r.received_by')
      .select([
        'r.id',
        'r.received_at',
        'r.quarantined',
        'r.lines_json',
        'u.display_name as received_by_name',
      ])
      .where('r.po_id', '=', id)
      .where('r.site_id', '=', po.site_id)
      .orderBy('r.received_at')
      .execute(),
    db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.occurred_at', 'a.reason', 'a.after_json', 'u.display_name'])
      .where('a.entity_type', '=', 'inv_purchase_order')
      .where('a.entity_id', '=', id)
      .where('a.action', '=', 'purchasing.po.cancel')
      .orderBy('a.seq', 'desc')
      .executeTakeFirst(),
  ]);
  const described = new Map(items.map((i) => [i.ndc11, i.description]));
  const lines = po.lines.map((l) => {
    const unitsReceived = Number(l.units_received_milli) / 1000;
    return {
      ...l,
      units_received_milli: Number(l.units_received_milli),
      description: described.get(l.ndc11) ?? null,
      units_ordered: l.packages_ordered * l.package_qty,
      units_received: unitsReceived,
      packages_received: Math.round((unitsReceived / l.package_qty) * 1000) / 1000,
      line_total_cents: l.packages_ordered * l.package_cost_cents,
    };
  });
  return {
    ...po,
    supplier,
    lines,
    total_cents: lines.reduce((s, l) => s + l.line_total_cents, 0),
    invoices: invoices.map((i) => ({
      id: i.id,
      invoice_number: i.invoice_number,
      invoice_date: i.invoice_date,
      total_cents: Number(i.total_cents),
      created_at: i.created_at,
      lines: parse<{ qty: number; unit?: string; priceCents: number; ndc11: string }[]>(i.lines_json, []),
    })),
    receipts: receipts.map((r) => ({
      id: r.id,
      received_at: r.received_at,
      received_by_name: r.received_by_name,
      quarantined: Boolean(r.quarantined),
      lines: parse<{ ndc11: string; lot?: string; quantity: number; damaged?: number; location: string }[]>(
        r.lines_json,
        [],
      ).map((x) => ({
        ndc11: x.ndc11,
        lot: x.lot || null,
        quantity: x.quantity,
        damaged: x.damaged ?? 0,
        location: x.location,
      })),
    })),
    cancellation: cancel
      ? {
          at: cancel.occurred_at,
          by: cancel.display_name,
          reason: cancel.reason,
          status: parse<{ status?: string }>(cancel.after_json, {}).status ?? po.status,
        }
      : null,
  };
}

/**
 * Withdraws an order. Nothing received yet → `cancelled`; part received → `closed` (the rest no longer counts
 * as on order). Received, cancelled or closed orders cannot be cancelled (409). A sent order must also be
 * cancelled with the supplier: this only records it here.
 */
export async function cancelOrder(db: Db, ctx: Ctx, id: string, reason: string) {
  const po = await getPo(db, ctx, id);
  ctx.actor.require('purchasing.manage', po.site_id, 'Purchase order');
  if (FINAL.includes(po.status))
    throw conflict(
      'po_not_open',
      `Purchase order ${po.po_number} is ${po.status}: there is nothing to cancel`,
    );
  const anyReceived = po.lines.some((l) => Number(l.units_received_milli) > 0);
  const status: PoStatus = anyReceived ? 'closed' : 'cancelled';
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('inv_purchase_orders')
      .set({ status, version: po.version + 1 })
      .where('id', '=', id)
      .where('status', '=', po.status)
      .where('version', '=', po.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict(
        'po_changed',
        `Purchase order ${po.po_number} changed meanwhile: reload it and try again`,
      );
    await appendAudit(trx, ctx, {
      action: 'purchasing.po.cancel',
      entityType: 'inv_purchase_order',
      entityId: id,
      siteId: po.site_id,
      reason,
      before: { status: po.status, version: po.version },
      after: { status, version: po.version + 1 },
    });
    return { id, po_number: po.po_number, previous_status: po.status, status, was_sent: po.sent_at !== null };
  });
}

/** Suppliers of the caller's organization, with the size of each catalogue. */
export async function listSuppliers(db: Db, ctx: Ctx) {
  const rows = await db
    .selectFrom('inv_suppliers as s')
    .select((eb) => [
      's.id',
      's.name',
      's.x12_id',
      's.x12_qualifier',
      's.dea_number',
      's.email',
      's.created_at',
      eb
        .selectFrom('inv_supplier_items as i')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('i.supplier_id', '=', 's.id')
        .as('catalogue_items'),
    ])
    .where('s.organization_id', '=', ctx.actor.organizationId)
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({ ...r, catalogue_items: Number(r.catalogue_items ?? 0) }));
}

/** A supplier's catalogue (NDC, package size, price per package, item number). */
export async function supplierCatalogue(db: Db, ctx: Ctx, supplierId: string) {
  const s = await supplierOf(db, ctx, supplierId);
  return db
    .selectFrom('inv_supplier_items')
    .select(['ndc11', 'package_qty', 'package_cost_cents', 'supplier_item_no', 'description', 'updated_at'])
    .where('supplier_id', '=', s.id)
    .orderBy('ndc11')
    .execute();
}
