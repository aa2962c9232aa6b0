import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { conflict } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { DEFAULT_LOCATIONS, type LocationKind } from './types';

export async function listLocations(db: Db, ctx: Ctx, siteId: string) {
  ctx.actor.require('inventory.read', siteId);
  const own = await db
    .selectFrom('inv_locations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('code')
    .execute();
  return [
    ...Object.entries(DEFAULT_LOCATIONS).map(([code, kind]) => ({ code, name: code, kind, builtIn: true })),
    ...own.map((l) => ({ code: l.code, name: l.name, kind: l.kind, builtIn: false })),
  ];
}

export async function createLocation(
  db: Db,
  ctx: Ctx,
  input: { siteId: string; code: string; name: string; kind: LocationKind },
) {
  ctx.actor.require('purchasing.manage', input.siteId);
  if (DEFAULT_LOCATIONS[input.code])
    throw conflict('location_exists', `${input.code} is a built-in location`);
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      site_id: input.siteId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      is_active: 1,
      created_at: nowIso(),
    };
    try {
      await trx.insertInto('inv_locations').values(row).execute();
    } catch (err) {
      if (/unique|duplicate/i.test(String(err)))
        throw conflict('location_exists', `Location ${input.code} already exists`);
      throw err;
    }
    await appendAudit(trx, ctx, {
      action: 'inventory.location.create',
      entityType: 'inv_location',
      entityId: row.id,
      siteId: input.siteId,
      after: row,
    });
    return { code: row.code, name: row.name, kind: row.kind, builtIn: false };
  });
}
