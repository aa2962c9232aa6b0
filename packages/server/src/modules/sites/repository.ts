import type { Db } from '../../platform/db/database';
import type { OrganizationTable, SiteTable } from '../../platform/db/schema';

export const insertOrganization = (db: Db, row: OrganizationTable) =>
  db.insertInto('organizations').values(row).execute();
export const firstOrganization = (db: Db) =>
  db.selectFrom('organizations').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
export const insertSite = (db: Db, row: SiteTable) => db.insertInto('sites').values(row).execute();
export const findSite = (db: Db, id: string) =>
  db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
export const findSiteByCode = (db: Db, code: string) =>
  db.selectFrom('sites').selectAll().where('code', '=', code).executeTakeFirst();
export const sitesByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as SiteTable[])
    : db.selectFrom('sites').selectAll().where('id', 'in', ids).orderBy('code').execute();
export const allSites = (db: Db) => db.selectFrom('sites').selectAll().orderBy('code').execute();
export const updateSite = (db: Db, id: string, patch: Partial<SiteTable>) =>
  db.updateTable('sites').set(patch).where('id', '=', id).execute();
