import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, jsonResponses } from '../../platform/http';
import { listCounts } from './counts/list';

/** Lists the workbench needs: suppliers of the organization, purchase orders and counts of the caller's sites. */
export function registerInventoryListRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['inventory'];
  app.get(
    '/api/purchasing/suppliers',
    {
      config: { access: { permission: 'purchasing.manage' } },
      schema: { tags, summary: 'Suppliers of the organization', response: jsonResponses },
    },
    async (req) => ({
      items: await db
        .selectFrom('inv_suppliers')
        .select(['id', 'name', 'x12_id', 'dea_number', 'email', 'created_at'])
        .where('organization_id', '=', ctxOf(req).actor.organizationId)
        .orderBy('name')
        .execute(),
    }),
  );
  app.get(
    '/api/purchasing/orders',
    {
      config: { access: { permission: 'purchasing.manage' } },
      schema: {
        tags,
        summary: 'Purchase orders at the caller’s sites, newest first',
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
      let sites = ctx.actor.sitesWith('purchasing.manage');
      if (req.query.siteId) {
        ctx.actor.require('purchasing.manage', req.query.siteId);
        sites = [req.query.siteId];
      }
      if (!sites.length) return { items: [] };
      let q = db
        .selectFrom('inv_purchase_orders as o')
        .innerJoin('inv_suppliers as s', 's.id', 'o.supplier_id')
        .select([
          'o.id',
          'o.site_id',
          'o.po_number',
          'o.status',
          'o.created_at',
          'o.sent_at',
          'o.acknowledged_at',
          'o.dea_form_222_number',
          'o.csos_order_number',
          's.name as supplier',
        ])
        .where('o.site_id', 'in', sites);
      if (req.query.status) q = q.where('o.status', '=', req.query.status);
      return { items: await q.orderBy('o.created_at', 'desc').limit(req.query.limit).execute() };
    },
  );
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
