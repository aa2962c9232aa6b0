import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, IdParams, problemResponses } from '../../../platform/http';
import { Ndc11 } from '../ledger/schema';
import { toCsv } from '../reports/csv';
import { createRecall, listRecalls, recallReport } from './service';

const tags = ['recalls'];
const Row = z.record(z.string(), z.unknown());

export function registerRecallRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.post(
    '/api/recalls',
    {
      config: { access: { permission: 'recalls.manage' } },
      schema: {
        tags,
        summary: 'Enter a recall by NDC and lots; on-hand units are quarantined at once',
        body: z.object({
          ndc11: Ndc11,
          lots: z.array(z.string().trim().min(1).max(20)).min(1).max(200),
          reason: z.string().max(2000).optional(),
          classification: z.enum(['I', 'II', 'III']).optional(),
          recallNumber: z.string().max(50).optional(),
        }),
        response: { 201: Row, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createRecall(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/recalls',
    {
      config: { access: { permission: 'recalls.manage' } },
      schema: {
        tags,
        summary: 'Recalls of the organization',
        response: { 200: z.object({ items: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => ({ items: (await listRecalls(db, ctxOf(req))).map((r) => ({ ...r })) }),
  );
  app.get(
    '/api/recalls/:id/report',
    {
      config: { access: { permission: 'recalls.manage' } },
      schema: {
        tags,
        summary:
          'Recall trace: units on hand and patients who received the lots (format=csv: patients as CSV)',
        params: IdParams,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: {
          200: z.union([z.object({ recall: Row, onHand: z.array(Row), patients: z.array(Row) }), z.string()]),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await recallReport(db, ctxOf(req), req.params.id);
      if (req.query.format === 'csv')
        return reply
          .type('text/csv')
          .send(
            toCsv([
              ...r.onHand.map((o) => ({ kind: 'on_hand', ...o })),
              ...r.patients.map((p) => ({ kind: 'patient', ...p })),
            ]),
          );
      return r;
    },
  );
}
