import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, problemResponses } from '../../../platform/http';
import { toMovementOut } from '../ledger/convert';
import { MovementOut } from '../ledger/schema';
import { toCsv } from '../reports/csv';
import { ReceiptInput } from './schema';
import { listDiscrepancies, markReported, receive } from './service';

const tags = ['inventory'];
const DiscOut = z.object({
  id: z.string(),
  receiptId: z.string(),
  ndc11: z.string(),
  lot: z.string().nullable(),
  kind: z.string().describe('over | short | damaged | not_ordered | cii_unmatched'),
  quantity: z.number(),
  supplierId: z.string().nullable(),
  reportedAt: z.string().nullable(),
  notes: z.string().nullable(),
});
const responses = { ...problemResponses, 409: problemResponses[400] };

export function registerReceivingRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.post(
    '/api/inventory/receipts',
    {
      config: { access: { permission: 'inventory.receive' } },
      schema: {
        tags,
        summary: 'Receive a delivery (against a PO or not) from GS1 scans or hand entry',
        body: ReceiptInput,
        response: {
          201: z.object({
            id: z.string(),
            quarantined: z.boolean(),
            lines: z.array(z.record(z.string(), z.unknown())),
            discrepancies: z.array(DiscOut),
            movements: z.array(MovementOut),
          }),
          ...responses,
        },
      },
    },
    async (req, reply) => {
      const r = await receive(db, ctxOf(req), req.body);
      return reply.status(201).send({ ...r, movements: r.movements.map(toMovementOut) });
    },
  );
  app.get(
    '/api/inventory/receipt-discrepancies',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Over/short/damaged discrepancies (the report to the supplier); format=csv for CSV',
        querystring: z.object({
          siteId: z.string().min(1),
          receiptId: z.string().optional(),
          unreported: z.stringbool().optional(),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: { 200: z.union([z.object({ items: z.array(DiscOut) }), z.string()]), ...problemResponses },
      },
    },
    async (req, reply) => {
      const items = await listDiscrepancies(db, ctxOf(req), req.query);
      if (req.query.format === 'csv') return reply.type('text/csv').send(toCsv(items));
      return { items };
    },
  );
  app.post(
    '/api/inventory/receipt-discrepancies/reported',
    {
      config: { access: { permission: 'inventory.receive' } },
      schema: {
        tags,
        summary: 'Mark discrepancies as reported to the supplier',
        body: z.object({ siteId: z.string().min(1), ids: z.array(z.string()).min(1).max(1000) }),
        response: { 200: z.object({ updated: z.number() }), ...problemResponses },
      },
    },
    async (req) => ({ updated: await markReported(db, ctxOf(req), req.body.siteId, req.body.ids) }),
  );
}
