import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, jsonResponses } from '../../platform/http';
import { listCounts } from './counts/list';

/** Lists the workbench needs: counts of the caller's sites (purchase orders and suppliers: purchasing/order-routes). */
export function registerInventoryListRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['inventory'];
  app.get(
    '/api/inventory/counts',
    {
      config: { access: { permission: 'inventory.count' } },
      schema: {
        tags,
        summary: 'Counts at the caller’s sites, newest first, with who and variance totals',
        querystring: z.object({
          siteId: z.string().optional(),
          status: z.string().max(30).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: jsonResponses,
      },
    },
    async (req) => ({ items: await listCounts(db, ctxOf(req), req.query) }),
  );
}
