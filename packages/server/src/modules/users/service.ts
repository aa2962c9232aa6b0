import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords';
import * as authRepo from '../../platform/auth/repository';
import type { AuthService } from '../../platform/auth/service';
import type { Db } from '../../platform/db/database';
import type { UserTable } from '../../platform/db/schema';
import { AppError, badRequest, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import * as repo from './repository';
import type { TokenInput, UserInput } from './schema';

export function toUserOut(u: UserTable, roles: { site_id: string; role: string }[]) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    isActive: u.is_active === 1,
    lockedUntil: u.locked_until,
    clearanceLevel: u.clearance_level,
    csPrivileges: u.cs_privileges,
    roles: roles.map((r) => ({ siteId: r.site_id, role: r.role as never })),
  };
}

const publicUser = (u: UserTable) => ({ ...u, password_hash: '[redacted]' });

export async function listUsers(db: Db, ctx: Ctx) {
  const sites = ctx.actor.sitesWith('users.read');
  const roles = await repo.rolesAtSites(db, sites);
  const users = await repo.usersByIds(db, [...new Set(roles.map((r) => r.user_id))]);
  return users.map((u) =>
    toUserOut(
      u,
      roles.filter((r) => r.user_id === u.id),
    ),
  );
}

export async function createUser(db: Db, ctx: Ctx, input: UserInput) {
  for (const r of input.roles) ctx.actor.require('users.manage', r.siteId);
  const problem = passwordProblem(input.password);
  if (problem)
    throw badRequest('validation_failed', `password: ${problem}`, [{ field: 'password', reason: problem }]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await repo.userByUsername(trx, input.username))
      throw new AppError(409, 'username_taken', `The username ${input.username} is already used`, {
        errors: [{ field: 'username', reason: 'is already used' }],
      });
    const at = nowIso();
    const user: UserTable = {
      id: newId(),
      organization_id: ctx.actor.organizationId,
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      is_active: 1,
      failed_logins: 0,
      locked_until: null,
      clearance_level: input.clearanceLevel,
      cs_privileges: input.csPrivileges,
      created_at: at,
      password_changed_at: at,
    };
    await repo.insertUser(trx, user);
    const roles = dedupe(input.roles.map((r) => ({ user_id: user.id, site_id: r.siteId, role: r.role })));
    await repo.insertRoles(trx, roles);
    await appendAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { ...publicUser(user), roles },
    });
    return toUserOut(user, roles);
  });
}

const dedupe = <T extends { site_id: string; role: string }>(rows: T[]) => [
  ...new Map(rows.map((r) => [`${r.site_id}|${r.role}`, r])).values(),
];

/** Replaces the user's roles at the sites named in `roles` (sites the caller manages only). */
export async function setRoles(
  db: Db,
  auth: AuthService,
  ctx: Ctx,
  userId: string,
  roles: UserInput['roles'],
) {
  const sites = [...new Set(roles.map((r) => r.siteId))];
  for (const s of sites) ctx.actor.require('users.manage', s);
  const out = await db.transaction().execute(async (trx) => {
    const user = await repo.userById(trx, userId);
    if (!user) throw notFound('User');
    const before = await repo.rolesOf(trx, userId);
    await repo.deleteRolesAtSites(trx, userId, sites);
    await repo.insertRoles(
      trx,
      dedupe(roles.map((r) => ({ user_id: userId, site_id: r.siteId, role: r.role }))),
    );
    const after = await repo.rolesOf(trx, userId);
    await appendAudit(trx, ctx, {
      action: 'user.roles',
      entityType: 'user',
      entityId: userId,
      before,
      after,
    });
    return toUserOut(user, after);
  });
  auth.invalidate();
  return out;
}

async function manageableUser(db: Db, ctx: Ctx, userId: string) {
  const user = await repo.userById(db, userId);
  const roles = user ? await repo.rolesOf(db, userId) : [];
  if (!user || (ctx.actor.via !== 'system' && !roles.some((r) => ctx.actor.can('users.manage', r.site_id))))
    throw notFound('User');
  return user;
}

export async function resetPassword(db: Db, auth: AuthService, ctx: Ctx, userId: string, password: string) {
  const problem = passwordProblem(password);
  if (problem)
    throw badRequest('validation_failed', `password: ${problem}`, [{ field: 'password', reason: problem }]);
  const user = await manageableUser(db, ctx, userId);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    await repo.updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: at,
      failed_logins: 0,
      locked_until: null,
    });
    await authRepo.revokeSessionsOfUser(trx, user.id, at);
    await appendAudit(trx, ctx, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: user.id,
      reason: 'password reset; sessions revoked',
    });
  });
  auth.invalidate();
}

export async function unlockUser(db: Db, ctx: Ctx, userId: string) {
  const user = await manageableUser(db, ctx, userId);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
    await appendAudit(trx, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: user.id,
      before: { lockedUntil: user.locked_until },
    });
  });
}

export async function createToken(db: Db, auth: AuthService, ctx: Ctx, input: TokenInput) {
  const userId = input.userId ?? ctx.actor.userId;
  if (input.siteId) ctx.actor.require('tokens.manage', input.siteId);
  else if (ctx.actor.via !== 'system' && !ctx.actor.canAnywhere('tokens.manage')) throw notFound('Site');
  if (userId !== ctx.actor.userId) await manageableUser(db, ctx, userId);
  const { token, hash } = auth.newApiTokenSecret();
  const row = {
    id: newId(),
    user_id: userId,
    name: input.name,
    token_hash: hash,
    scopes: JSON.stringify(input.scopes ?? null),
    site_id: input.siteId ?? null,
    created_at: nowIso(),
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await authRepo.insertApiToken(trx, row);
    await appendAudit(trx, ctx, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: row.id,
      siteId: row.site_id,
      after: { ...row, token_hash: '[redacted]' },
    });
  });
  return {
    id: row.id,
    token,
    name: row.name,
    userId,
    scopes: input.scopes ?? null,
    siteId: row.site_id,
    expiresAt: row.expires_at,
  };
}

export async function listTokens(db: Db, ctx: Ctx) {
  const rows = await authRepo.listApiTokens(db, ctx.actor.organizationId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    username: r.username,
    scopes: JSON.parse(r.scopes) as string[] | null,
    siteId: r.site_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }));
}

export async function revokeToken(db: Db, auth: AuthService, ctx: Ctx, id: string) {
  const row = await authRepo.findApiToken(db, id);
  const owner = row ? await repo.userById(db, row.user_id) : undefined;
  if (!row || owner?.organization_id !== ctx.actor.organizationId) throw notFound('API token');
  if (row.site_id) ctx.actor.require('tokens.manage', row.site_id, 'API token');
  await db.transaction().execute(async (trx) => {
    await authRepo.revokeApiToken(trx, id, nowIso());
    await appendAudit(trx, ctx, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: id,
      siteId: row.site_id,
    });
  });
  auth.invalidate(row.token_hash);
}
