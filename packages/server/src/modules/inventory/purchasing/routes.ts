import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, IdParams, problemResponses } from '../../../platform/http';
import { LocationCode, Ndc11 } from '../ledger/schema';
import { toCsv } from '../reports/csv';
import { registerPurchaseOrderRoutes } from './order-routes';
import {
  createPo,
  createSupplier,
  export850,
  importEdi,
  priceHistory,
  setPar,
  upsertCatalogue,
  upsertItem,
} from './service';
import { suggestions } from './suggest';

const tags = ['purchasing'];
const Row = z.record(z.string(), z.unknown());
const responses = { ...problemResponses, 409: problemResponses[400] };

export function registerPurchasingRoutes(args: RegisterArgs): void {
  const { app, services } = args;
  const { db } = services.database;
  registerPurchaseOrderRoutes(args);
  const perm = { access: { permission: 'purchasing.manage' as const } };
  app.post(
    '/api/purchasing/suppliers',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Add a supplier',
        body: z.object({
          name: z.string().trim().min(1).max(200),
          x12Id: z.string().max(15).optional(),
          x12Qualifier: z.string().max(2).optional(),
          deaNumber: z.string().max(9).optional(),
          email: z.string().max(200).optional(),
        }),
        response: { 201: Row, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ ...(await createSupplier(db, ctxOf(req), req.body)) }),
  );
  app.put(
    '/api/purchasing/suppliers/:id/catalogue',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Upsert supplier catalogue items (price changes go to the price history)',
        params: IdParams,
        body: z.object({
          items: z
            .array(
              z.object({
                ndc11: Ndc11,
                packageQty: z.number().positive(),
                packageCostCents: z.number().int().min(0),
                supplierItemNo: z.string().max(40).optional(),
                description: z.string().max(200).optional(),
              }),
            )
            .min(1)
            .max(50_000),
        }),
        response: { 200: z.object({ items: z.number(), priceChanges: z.number() }), ...problemResponses },
      },
    },
    async (req) => upsertCatalogue(db, ctxOf(req), req.params.id, req.body.items),
  );
  app.get(
    '/api/purchasing/price-history',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Price history of an NDC across suppliers',
        querystring: z.object({ ndc11: Ndc11 }),
        response: { 200: z.object({ items: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await priceHistory(db, ctxOf(req), req.query.ndc11) }),
  );
  app.put(
    '/api/inventory/items',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Product settings at a site: schedule override, package size, cost, lead time, safety days',
        body: z.object({
          siteId: z.string().min(1),
          ndc11: Ndc11,
          description: z.string().max(200).optional(),
          deaSchedule: z.enum(['CII', 'CIIN', 'CIII', 'CIIIN', 'CIV', 'CV']).optional(),
          packageQty: z.number().positive(),
          unitCostCents: z.number().min(0).optional(),
          leadTimeDays: z.number().int().min(0).max(365).default(2),
          safetyDays: z.number().int().min(0).max(365).default(2),
        }),
        response: { 200: Row, ...problemResponses },
      },
    },
    async (req) => ({ ...(await upsertItem(db, ctxOf(req), req.body)) }),
  );
  app.put(
    '/api/purchasing/par',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Set min/max par for a product at a location',
        body: z.object({
          siteId: z.string().min(1),
          location: LocationCode,
          ndc11: Ndc11,
          min: z.number().min(0),
          max: z.number().min(0),
        }),
        response: { 200: Row, ...problemResponses },
      },
    },
    async (req) => setPar(db, ctxOf(req), req.body),
  );
  app.get(
    '/api/purchasing/suggestions',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary:
          'Suggested order (usage × lead time + safety, par, package multiples, ABC, high cost); format=csv',
        querystring: z.object({
          siteId: z.string().min(1),
          days: z.coerce.number().int().min(1).max(365).default(30),
          highCostCents: z.coerce.number().min(0).default(5000),
          all: z.stringbool().optional(),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: { 200: z.union([z.object({ items: z.array(Row) }), z.string()]), ...problemResponses },
      },
    },
    async (req, reply) => {
      const items = await suggestions(db, ctxOf(req), req.query);
      if (req.query.format === 'csv') return reply.type('text/csv').send(toCsv(items));
      return { items };
    },
  );
  app.post(
    '/api/purchasing/orders',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Create a purchase order (Schedule II needs a Form 222 / CSOS number)',
        body: z.object({
          siteId: z.string().min(1),
          supplierId: z.string().min(1),
          poNumber: z.string().max(22).optional(),
          deaForm222Number: z.string().max(20).optional(),
          csosOrderNumber: z.string().max(40).optional(),
          lines: z
            .array(
              z.object({
                ndc11: Ndc11,
                packages: z.number().int().positive(),
                packageQty: z.number().positive().optional(),
                packageCostCents: z.number().int().min(0).optional(),
              }),
            )
            .min(1)
            .max(5000),
        }),
        response: { 201: Row, ...responses },
      },
    },
    async (req, reply) => reply.status(201).send(await createPo(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/purchasing/orders/:id/x12-850',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Export the PO as an X12 850 (marks it sent)',
        params: IdParams,
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.type('application/edi-x12').send(await export850(db, ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/purchasing/edi',
    {
      config: perm,
      schema: {
        tags,
        summary: 'Import X12 855 acknowledgment, 856 ship notice (→ DSCSA record) or 810 invoice',
        body: z.object({ siteId: z.string().min(1), x12: z.string().min(1).max(5_000_000) }),
        response: { 200: z.object({ results: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => ({ results: await importEdi(db, ctxOf(req), req.body.siteId, req.body.x12) }),
  );
}
