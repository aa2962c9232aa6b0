import type { Db } from '../../platform/db/database';

export interface AuditQuery {
  organizationId: string;
  siteIds: string[];
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** Entries of the caller's sites, plus organization-level entries (no site) of the caller's organization. */
export function listAudit(db: Db, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(q.siteIds.length ? [eb('site_id', 'in', q.siteIds)] : []),
        eb.and([eb('site_id', 'is', null), eb('organization_id', '=', q.organizationId)]),
      ]),
    );
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  return query.orderBy('seq', 'desc').limit(q.limit).execute();
}
