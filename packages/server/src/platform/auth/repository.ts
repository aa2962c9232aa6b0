import type { Db } from '../db/database';
import type { ApiTokenTable, SessionTable, UserTable } from '../db/schema';

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const rolesOfUser = (db: Db, userId: string) =>
  db.selectFrom('user_roles').select(['site_id', 'role']).where('user_id', '=', userId).execute();

export const updateUserLoginState = (
  db: Db,
  id: string,
  patch: Pick<UserTable, 'failed_logins' | 'locked_until'>,
) => db.updateTable('users').set(patch).where('id', '=', id).execute();

export const insertSession = (db: Db, row: SessionTable) => db.insertInto('sessions').values(row).execute();

export const findSession = (db: Db, idHash: string) =>
  db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export const revokeSession = (db: Db, idHash: string, at: string) =>
  db.updateTable('sessions').set({ revoked_at: at }).where('id_hash', '=', idHash).execute();

export const revokeSessionsOfUser = (db: Db, userId: string, at: string) =>
  db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();

export const insertApiToken = (db: Db, row: ApiTokenTable) =>
  db.insertInto('api_tokens').values(row).execute();

export const findApiTokenByHash = (db: Db, hash: string) =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const findApiToken = (db: Db, id: string) =>
  db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();

export const listApiTokens = (db: Db, organizationId: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.username',
      'api_tokens.scopes',
      'api_tokens.site_id',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
    ])
    .where('users.organization_id', '=', organizationId)
    .orderBy('api_tokens.created_at')
    .execute();

export const revokeApiToken = (db: Db, id: string, at: string) =>
  db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
