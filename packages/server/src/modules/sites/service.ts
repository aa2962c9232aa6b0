import type { Actor, Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { SiteTable } from '../../platform/db/schema';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import * as repo from './repository';
import type { SiteInput } from './schema';

export const toSiteOut = (s: SiteTable) => ({
  id: s.id,
  organizationId: s.organization_id,
  code: s.code,
  name: s.name,
  settingType: s.setting_type,
  addressLine1: s.address_line1,
  addressLine2: s.address_line2,
  city: s.city,
  state: s.state,
  postalCode: s.postal_code,
  phone: s.phone,
  ncpdpId: s.ncpdp_id,
  npi: s.npi,
  deaNumber: s.dea_number,
  timeZone: s.time_zone,
  allowNegativeOnHand: s.allow_negative_on_hand === 1,
  createdAt: s.created_at,
});

export const listSitesFor = (db: Db, actor: Actor) => repo.sitesByIds(db, actor.sitesWith('sites.read'));

export async function getSite(db: Db, ctx: Ctx, id: string) {
  ctx.actor.require('sites.read', id);
  const site = await repo.findSite(db, id);
  if (!site) throw notFound('Site');
  return site;
}

function toRow(input: SiteInput) {
  return {
    code: input.code,
    name: input.name,
    setting_type: input.settingType,
    address_line1: input.addressLine1 ?? null,
    address_line2: input.addressLine2 ?? null,
    city: input.city ?? null,
    state: input.state ?? null,
    postal_code: input.postalCode ?? null,
    phone: input.phone ?? null,
    ncpdp_id: input.ncpdpId ?? null,
    npi: input.npi ?? null,
    dea_number: input.deaNumber ?? null,
    time_zone: input.timeZone,
    allow_negative_on_hand: input.allowNegativeOnHand ? 1 : 0,
  };
}

/** Creates a site in the caller's organization; the creating admin becomes admin there. */
export async function createSite(
  db: Db,
  ctx: Ctx,
  input: SiteInput,
  organizationId = ctx.actor.organizationId,
) {
  if (ctx.actor.via !== 'system' && !ctx.actor.canAnywhere('sites.manage')) throw forbidden();
  return db.transaction().execute(async (trx) => {
    if (await repo.findSiteByCode(trx, input.code))
      throw conflict('site_code_taken', `Site code ${input.code} is already used`);
    const row: SiteTable = {
      id: newId(),
      organization_id: organizationId,
      ...toRow(input),
      created_at: nowIso(),
    };
    await repo.insertSite(trx, row);
    if (ctx.actor.via !== 'system')
      await trx
        .insertInto('user_roles')
        .values({ user_id: ctx.actor.userId, site_id: row.id, role: 'admin' })
        .execute();
    await appendAudit(trx, ctx, {
      action: 'site.create',
      entityType: 'site',
      entityId: row.id,
      siteId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateSite(db: Db, ctx: Ctx, id: string, input: SiteInput) {
  ctx.actor.require('sites.manage', id);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findSite(trx, id);
    if (!before) throw notFound('Site');
    const other = await repo.findSiteByCode(trx, input.code);
    if (other && other.id !== id)
      throw conflict('site_code_taken', `Site code ${input.code} is already used`);
    const patch = toRow(input);
    await repo.updateSite(trx, id, patch);
    const after = { ...before, ...patch };
    await appendAudit(trx, ctx, {
      action: 'site.update',
      entityType: 'site',
      entityId: id,
      siteId: id,
      before,
      after,
    });
    return after;
  });
}
