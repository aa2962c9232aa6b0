import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, jsonResponses } from '../../platform/http';

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
        summary: 'Counts at the caller’s sites, newest first',
        querystring: z.object({
          siteId: z.string().optional(),
          status: z.string().max(30).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: jsonResponses,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      let sites = ctx.actor.sitesWith('inventory.count');
      if (req.query.siteId) {
        ctx.actor.require('inventory.count', req.query.siteId);
        sites = [req.query.siteId];
      }
      if (!sites.length) return { items: [] };
      let q = db
        .selectFrom('inv_counts')
        .select([
          'id',
          'site_id',
          'scope',
          'blind',
          'status',
          'location',
          'ndc11',
          'created_at',
          'submitted_at',
          'approved_at',
        ])
        .where('site_id', 'in', sites);
      if (req.query.status) q = q.where('status', '=', req.query.status);
      return { items: await q.orderBy('created_at', 'desc').limit(req.query.limit).execute() };
    },
  );
}
