import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { badRequest, forbidden } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';

/** Payer endpoints are organization-wide configuration: any site where the caller holds claims.manage. */
function requireManage(ctx: Ctx) {
  if (!ctx.actor.canAnywhere('claims.manage')) throw forbidden('Your roles do not include claims.manage');
}

export async function upsertPayerEndpoint(
  db: Db,
  ctx: Ctx,
  input: { bin: string; pcn?: string | undefined; url: string; timeoutMs?: number | undefined },
) {
  requireManage(ctx);
  if (!/^(tcp:\/\/[^/:]+:\d+|https?:\/\/.+)$/.test(input.url))
    throw badRequest('validation_failed', 'url: use tcp://host:port or http(s)://host:port/d0', [
      { field: 'url', reason: 'use tcp://host:port or http(s)://host:port/d0' },
    ]);
  const pcn = input.pcn ?? '';
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const existing = await trx
      .selectFrom('payer_endpoints')
      .selectAll()
      .where('bin', '=', input.bin)
      .where('pcn', '=', pcn)
      .executeTakeFirst();
    const row = {
      id: existing?.id ?? newId(),
      bin: input.bin,
      pcn,
      url: input.url,
      timeout_ms: input.timeoutMs ?? existing?.timeout_ms ?? 15000,
      created_at: existing?.created_at ?? at,
      updated_at: at,
    };
    if (existing) await trx.updateTable('payer_endpoints').set(row).where('id', '=', row.id).execute();
    else await trx.insertInto('payer_endpoints').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'claims.endpoint',
      entityType: 'payer_endpoint',
      entityId: row.id,
      before: existing ?? null,
      after: row,
    });
    return row;
  });
}

export async function listPayerEndpoints(db: Db, ctx: Ctx) {
  requireManage(ctx);
  return db.selectFrom('payer_endpoints').selectAll().orderBy('bin').orderBy('pcn').execute();
}
