import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, problemResponses } from '../../../platform/http';
import { toCsv } from './csv';
import { REPORTS, runReport } from './service';

export function registerReportRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.get(
    '/api/inventory/reports/:name',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags: ['inventory'],
        summary:
          'Inventory reports: on-hand-value, expiring, expired, dead-stock, turns, stock-outs, high-cost, cii-log (format=csv)',
        params: z.object({ name: z.enum(REPORTS) }),
        querystring: z.object({
          siteId: z.string().min(1),
          days: z.coerce.number().int().min(1).max(3650).default(90),
          highCostCents: z.coerce.number().min(0).default(5000),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: {
          200: z.union([
            z.object({ report: z.string(), items: z.array(z.record(z.string(), z.unknown())) }),
            z.string(),
          ]),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const items = await runReport(db, ctxOf(req), req.params.name, req.query);
      if (req.query.format === 'csv')
        return reply
          .type('text/csv')
          .header('content-disposition', `attachment; filename="${req.params.name}.csv"`)
          .send(toCsv(items));
      return { report: req.params.name, items };
    },
  );
}
