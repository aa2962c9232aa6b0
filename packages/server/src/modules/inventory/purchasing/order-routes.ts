import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, IdParams, problemResponses } from '../../../platform/http';
import {
  cancelOrder,
  listOrders,
  listSuppliers,
  orderDetail,
  PO_STATUSES,
  supplierCatalogue,
} from './orders';

const tags = ['purchasing'];
const responses = { ...problemResponses, 409: problemResponses[400] };
const str = z.string().nullable();

const PoHead = {
  id: z.string(),
  site_id: z.string(),
  supplier_id: z.string(),
  po_number: z.string(),
  status: z.string().describe(`one of ${PO_STATUSES.join(', ')}`),
  created_at: z.string(),
  sent_at: str.describe('when the X12 850 was last exported'),
  acknowledged_at: str.describe('when an X12 855 was imported'),
  dea_form_222_number: str,
  csos_order_number: str,
};
const PoListItem = z.object({
  ...PoHead,
  supplier: z.string().describe('supplier name'),
  created_by_name: str,
  line_count: z.number(),
  total_cents: z.number().describe('Σ packages ordered × price per package'),
});
const PoLine = z.object({
  id: z.string(),
  po_id: z.string(),
  line_no: z.number(),
  ndc11: z.string(),
  description: str.describe('the site’s product description'),
  packages_ordered: z.number(),
  package_qty: z.number().describe('units per package'),
  package_cost_cents: z.number(),
  packages_acknowledged: z.number().nullable().describe('accepted in the 855 (null = no 855 yet)'),
  packages_backordered: z.number(),
  ack_status: str.describe('855 ACK line status (accepted, backordered, rejected …)'),
  units_received_milli: z.number(),
  units_ordered: z.number(),
  units_received: z.number().describe('good and damaged units received against this line'),
  packages_received: z.number(),
  line_total_cents: z.number(),
});
const PoDetail = z.object({
  ...PoHead,
  created_by: z.string(),
  version: z.number(),
  supplier: z.object({ id: z.string(), name: z.string(), x12_id: str, email: str }),
  lines: z.array(PoLine),
  total_cents: z.number(),
  invoices: z.array(
    z.object({
      id: z.string(),
      invoice_number: z.string(),
      invoice_date: str,
      total_cents: z.number(),
      created_at: z.string(),
      lines: z.array(
        z.object({ qty: z.number(), unit: z.string().optional(), priceCents: z.number(), ndc11: z.string() }),
      ),
    }),
  ),
  receipts: z.array(
    z.object({
      id: z.string(),
      received_at: z.string(),
      received_by_name: str,
      quarantined: z.boolean(),
      lines: z.array(
        z.object({
          ndc11: z.string(),
          lot: str,
          quantity: z.number(),
          damaged: z.number(),
          location: z.string(),
        }),
      ),
    }),
  ),
  cancellation: z
    .object({ at: z.string(), by: str, reason: str, status: z.string() })
    .nullable()
    .describe('who cancelled or closed the order, when and why'),
});
const Supplier = z.object({
  id: z.string(),
  name: z.string(),
  x12_id: str,
  x12_qualifier: str,
  dea_number: str,
  email: str,
  created_at: z.string(),
  catalogue_items: z.number(),
});
const CatalogueItem = z.object({
  ndc11: z.string(),
  package_qty: z.number(),
  package_cost_cents: z.number(),
  supplier_item_no: str,
  description: str,
  updated_at: z.string(),
});

/** Read side of purchasing for the workbench (lists, detail) and cancelling an order. */
export function registerPurchaseOrderRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.get(
    '/api/purchasing/suppliers',
    {
      config: { access: { permission: 'purchasing.manage' } },
      schema: {
        tags,
        summary: 'Suppliers of the organization',
        response: { 200: z.object({ items: z.array(Supplier) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listSuppliers(db, ctxOf(req)) }),
  );
  app.get(
    '/api/purchasing/suppliers/:id/catalogue',
    {
      config: { access: { permission: 'purchasing.manage' } },
      schema: {
        tags,
        summary: 'A supplier’s catalogue: package sizes and prices by NDC',
        params: IdParams,
        response: { 200: z.object({ items: z.array(CatalogueItem) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await supplierCatalogue(db, ctxOf(req), req.params.id) }),
  );
  app.get(
    '/api/purchasing/orders',
    {
      // Receiving staff pick the open order they receive against: readable with inventory.read, like one order.
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Purchase orders at the caller’s sites, newest first',
        querystring: z.object({
          siteId: z.string().optional(),
          status: z
            .string()
            .max(200)
            .optional()
            .describe(
              `comma-separated statuses (${PO_STATUSES.join(', ')}) or "open" (still expecting goods)`,
            ),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(PoListItem) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listOrders(db, ctxOf(req), req.query) }),
  );
  app.get(
    '/api/purchasing/orders/:id',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary:
          'A purchase order with lines (ordered, acknowledged, back-ordered, received), invoices and receipts',
        params: IdParams,
        response: { 200: PoDetail, ...problemResponses },
      },
    },
    async (req) => orderDetail(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/purchasing/orders/:id/cancel',
    {
      config: { access: { permission: 'purchasing.manage' } },
      schema: {
        tags,
        summary: 'Cancel an order (nothing received) or close it (partly received: the rest will not come)',
        params: IdParams,
        body: z.object({ reason: z.string().trim().min(1).max(500).describe('why, for the audit trail') }),
        response: {
          200: z.object({
            id: z.string(),
            po_number: z.string(),
            previous_status: z.string(),
            status: z.enum(['cancelled', 'closed']),
            was_sent: z.boolean().describe('the 850 went out: tell the supplier too'),
          }),
          ...responses,
        },
      },
    },
    async (req) => cancelOrder(db, ctxOf(req), req.params.id, req.body.reason),
  );
}
