import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, IdParams, problemResponses } from '../../../platform/http';
import { LocationCode, Ndc11 } from '../ledger/schema';
import { approveCount, getCount, openCount, submitCount } from './service';

const tags = ['inventory'];
const CountOut = z.object({
  id: z.string(),
  siteId: z.string(),
  scope: z.string(),
  blind: z.boolean(),
  status: z.string(),
  location: z.string().nullable(),
  ndc11: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  createdByName: z.string().nullable().optional(),
  submittedByName: z.string().nullable().optional(),
  approvedByName: z.string().nullable().optional(),
  lines: z.array(
    z.object({
      id: z.string(),
      location: z.string(),
      ndc11: z.string(),
      lot: z.string().nullable(),
      expiry: z.string().nullable(),
      serial: z.string().nullable(),
      expected: z.number().nullable(),
      counted: z.number().nullable(),
      variance: z.number().nullable(),
    }),
  ),
  discrepancyIds: z.array(z.string()).optional(),
});
const responses = { ...problemResponses, 409: problemResponses[400] };

export function registerCountRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.post(
    '/api/inventory/counts',
    {
      config: { access: { permission: 'inventory.count' } },
      schema: {
        tags,
        summary:
          'Open a cycle count (location or product) or a full physical inventory; blind hides expected quantities',
        body: z.object({
          siteId: z.string().min(1),
          scope: z.enum(['location', 'product', 'full']),
          location: LocationCode.optional(),
          ndc11: Ndc11.optional(),
          blind: z.boolean().default(true),
        }),
        response: { 201: CountOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await openCount(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/inventory/counts/:id',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'A count with its lines',
        params: IdParams,
        response: { 200: CountOut, ...problemResponses },
      },
    },
    async (req) => getCount(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/inventory/counts/:id/submit',
    {
      config: { access: { permission: 'inventory.count' } },
      schema: {
        tags,
        summary: 'Enter counted quantities',
        params: IdParams,
        body: z.object({
          lines: z
            .array(
              z.object({
                lineId: z.string().optional(),
                location: LocationCode.optional(),
                ndc11: Ndc11.optional(),
                lot: z.string().max(20).optional(),
                expiry: z.iso.date().optional(),
                serial: z.string().max(20).optional(),
                counted: z.number().min(0).max(1e9),
              }),
            )
            .max(20_000),
        }),
        response: { 200: CountOut, ...responses },
      },
    },
    async (req) => submitCount(db, ctxOf(req), req.params.id, req.body.lines),
  );
  app.post(
    '/api/inventory/counts/:id/approve',
    {
      config: { access: { permission: 'inventory.approve_variance' } },
      schema: {
        tags,
        summary: 'Pharmacist approves variances (posts count movements; CS variances open discrepancies)',
        params: IdParams,
        response: { 200: CountOut, ...responses },
      },
    },
    async (req) => approveCount(db, ctxOf(req), req.params.id),
  );
}
