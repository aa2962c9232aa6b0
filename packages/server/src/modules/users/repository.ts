import type { Db } from '../../platform/db/database';
import type { UserRoleTable, UserTable } from '../../platform/db/schema';

export const insertUser = (db: Db, row: UserTable) => db.insertInto('users').values(row).execute();
export const insertRoles = (db: Db, rows: UserRoleTable[]) =>
  rows.length ? db.insertInto('user_roles').values(rows).execute() : Promise.resolve([]);
export const deleteRolesAtSites = (db: Db, userId: string, siteIds: string[]) =>
  siteIds.length
    ? db.deleteFrom('user_roles').where('user_id', '=', userId).where('site_id', 'in', siteIds).execute()
    : Promise.resolve([]);
export const userByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
export const userById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
export const updateUser = (db: Db, id: string, patch: Partial<UserTable>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();
export const rolesAtSites = (db: Db, siteIds: string[]) =>
  siteIds.length
    ? db.selectFrom('user_roles').selectAll().where('site_id', 'in', siteIds).execute()
    : Promise.resolve([] as UserRoleTable[]);
export const usersByIds = (db: Db, ids: string[]) =>
  ids.length
    ? db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('username').execute()
    : Promise.resolve([] as UserTable[]);
export const rolesOf = (db: Db, userId: string) =>
  db.selectFrom('user_roles').selectAll().where('user_id', '=', userId).execute();
