import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { appendAudit, verifyAuditChain } from '../../platform/audit/audit';
import { ctxOf, problemResponses } from '../../platform/http';
import { listAudit } from './repository';

const AuditEntryOut = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  siteId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
const VerifyOut = z.object({
  ok: z.boolean(),
  entries: z.number(),
  headSeq: z.number(),
  firstProblem: z.object({ seq: z.number(), reason: z.string() }).optional(),
});

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function registerAuditRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.get(
    '/api/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail entries, newest first',
        querystring: z.object({
          entityType: z.string().max(60).optional(),
          entityId: z.string().max(100).optional(),
          action: z.string().max(60).optional(),
          beforeSeq: z.coerce.number().int().positive().optional().describe('Page: entries before this seq'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(AuditEntryOut) }), ...problemResponses },
      },
    },
    async (req) => {
      const { actor } = ctxOf(req);
      const rows = await listAudit(db, {
        ...req.query,
        organizationId: actor.organizationId,
        siteIds: actor.sitesWith('audit.read'),
      });
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          occurredAt: r.occurred_at,
          userId: r.user_id,
          siteId: r.site_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          reason: r.reason,
          before: parse(r.before_json),
          after: parse(r.after_json),
          clientAddress: r.client_address,
          requestId: r.request_id,
          hash: r.hash,
        })),
      };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { access: { permission: 'audit.verify' } },
      schema: {
        tags: ['audit'],
        summary: 'Verify the whole hash chain; names the first tampered entry',
        response: { 200: VerifyOut, ...problemResponses },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const report = await verifyAuditChain(db);
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, ctx, { action: 'audit.verify', entityType: 'audit_log', after: report }),
        );
      return report;
    },
  );
}
