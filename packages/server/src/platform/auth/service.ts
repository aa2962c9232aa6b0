import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Actor, type Ctx } from '../actor';
import { appendAudit } from '../audit/audit';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { AppError, unauthorized } from '../errors';
import { nowIso } from '../ids';
import { isRole, type Permission, type Role } from '../permissions';
import { burnPasswordCheck, verifyPassword } from './passwords';
import * as repo from './repository';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './tokens';

/** A signing period ends after 15 minutes without a signature (then the full check applies again). */
const SIGNING_IDLE_MS = 15 * 60_000;

interface CachedAuth {
  actor: Actor;
  csrfToken: string | null;
  expiresAt: number;
  cachedUntil: number;
}

/**
 * Sessions (web, cookie) and API tokens (integrations, bearer). Resolved identities are cached in memory for
 * a few seconds so a hot read does not hit the database; logout and revocation clear this process's cache at
 * once, and other processes see it within CACHE_MS (the cache is rebuildable state, never the truth).
 */
export class AuthService {
  static readonly CACHE_MS = 5_000;
  private readonly cache = new Map<string, CachedAuth>();
  private readonly signing = new Map<string, { userId: string; salt: Buffer; mac: Buffer; until: number }>();
  private readonly signingChecks = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {}

  async loadActor(
    userId: string,
    via: Actor['via'],
    scope?: ConstructorParameters<typeof Actor>[6],
  ): Promise<Actor> {
    const user = await repo.findUserById(this.db, userId);
    if (!user?.is_active) throw unauthorized('This account is disabled');
    const roles = new Map<string, Role[]>();
    for (const r of await repo.rolesOfUser(this.db, userId)) {
      if (!isRole(r.role)) continue;
      const list = roles.get(r.site_id) ?? [];
      list.push(r.role);
      roles.set(r.site_id, list);
    }
    return new Actor(
      user.id,
      user.organization_id,
      user.display_name,
      roles,
      { clearanceLevel: user.clearance_level, csPrivileges: user.cs_privileges },
      via,
      scope,
    );
  }

  async login(input: {
    username: string;
    password: string;
    clientAddress: string | null;
    requestId: string | null;
  }) {
    const user = await repo.findUserByUsername(this.db, input.username.trim().toLowerCase());
    const now = new Date();
    if (!user?.is_active) {
      await burnPasswordCheck(input.password);
      throw new AppError(401, 'invalid_credentials', 'The username or password is not correct');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      throw new AppError(
        423,
        'account_locked',
        `This account is locked after repeated failed sign-ins until ${user.locked_until}`,
        {
          lockedUntil: user.locked_until,
        },
      );
    }
    const meta = { requestId: input.requestId, clientAddress: input.clientAddress };
    if (!(await verifyPassword(input.password, user.password_hash))) {
      const failed = user.failed_logins + 1;
      const lock = failed >= this.config.lockoutThreshold;
      const lockedUntil = lock
        ? new Date(now.getTime() + this.config.lockoutMinutes * 60_000).toISOString()
        : null;
      await this.db.transaction().execute(async (trx) => {
        await repo.updateUserLoginState(trx, user.id, {
          failed_logins: lock ? 0 : failed,
          locked_until: lockedUntil,
        });
        await appendAudit(trx, systemCtxFor(user.organization_id, meta), {
          action: lock ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: failed, lockedUntil },
        });
      });
      if (lock)
        throw new AppError(
          423,
          'account_locked',
          `Too many failed sign-ins: this account is locked until ${lockedUntil}`,
          {
            lockedUntil,
          },
        );
      throw new AppError(401, 'invalid_credentials', 'The username or password is not correct');
    }
    const token = newSecret();
    const csrfToken = newSecret(18);
    const createdAt = nowIso();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000).toISOString();
    const actor = await this.loadActor(user.id, 'session');
    await this.db.transaction().execute(async (trx) => {
      await repo.updateUserLoginState(trx, user.id, { failed_logins: 0, locked_until: null });
      await repo.insertSession(trx, {
        id_hash: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: createdAt,
        expires_at: expiresAt,
        revoked_at: null,
        client_address: input.clientAddress,
      });
      await appendAudit(
        trx,
        { actor, meta },
        { action: 'auth.login', entityType: 'user', entityId: user.id },
      );
    });
    return { token, csrfToken, expiresAt, actor };
  }

  async authenticateSession(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
    const key = sha256(token);
    const hit = this.fromCache(key);
    if (hit) return { actor: hit.actor, csrfToken: hit.csrfToken ?? '' };
    const row = await repo.findSession(this.db, key);
    if (!row || row.revoked_at || new Date(row.expires_at).getTime() <= Date.now()) return null;
    const actor = await this.loadActor(row.user_id, 'session');
    this.remember(key, actor, row.csrf_token, new Date(row.expires_at).getTime());
    return { actor, csrfToken: row.csrf_token };
  }

  async authenticateApiToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const key = sha256(token);
    const hit = this.fromCache(key);
    if (hit) return hit.actor;
    const row = await repo.findApiTokenByHash(this.db, key);
    if (!row || row.revoked_at) return null;
    const expires = row.expires_at ? new Date(row.expires_at).getTime() : Number.POSITIVE_INFINITY;
    if (expires <= Date.now()) return null;
    const scopes = JSON.parse(row.scopes) as Permission[] | null;
    const actor = await this.loadActor(row.user_id, 'token', { permissions: scopes, siteId: row.site_id });
    this.remember(key, actor, null, expires);
    return actor;
  }

  async logout(ctx: Ctx, token: string): Promise<void> {
    const key = sha256(token);
    this.cache.delete(key);
    this.signing.delete(key);
    await this.db.transaction().execute(async (trx) => {
      await repo.revokeSession(trx, key, nowIso());
      await appendAudit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
    });
  }

  /** Forget cached identities (after a revocation, role change or password reset). */
  invalidate(tokenHash?: string): void {
    if (tokenHash) this.cache.delete(tokenHash);
    else {
      this.cache.clear();
      this.signing.clear();
    }
  }

  private fromCache(key: string): CachedAuth | undefined {
    const hit = this.cache.get(key);
    if (!hit) return undefined;
    const now = Date.now();
    if (hit.cachedUntil < now || hit.expiresAt <= now) {
      this.cache.delete(key);
      return undefined;
    }
    return hit;
  }

  private remember(key: string, actor: Actor, csrfToken: string | null, expiresAt: number): void {
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { actor, csrfToken, expiresAt, cachedUntil: Date.now() + AuthService.CACHE_MS });
  }

  /**
   * Password check for an e-signature. 21 CFR 11.200(a)(1)(i): within one continuous session, the first signing uses
   * every component (full scrypt check of the password); later signings in the same session may use one component
   * known only to the signer — the password again, here compared against a keyed hash kept in memory for this session
   * only (never stored), so a pharmacist verifying hundreds of fills is not slowed by the password hash each time.
   */
  async verifyForSigning(userId: string, password: string, sessionKey?: string): Promise<boolean> {
    const entry = sessionKey ? this.signing.get(sessionKey) : undefined;
    const keyed = (salt: Buffer) => createHmac('sha256', salt).update(`${userId}\0${password}`).digest();
    if (entry && entry.userId === userId && entry.until > Date.now()) {
      const ok = timingSafeEqual(entry.mac, keyed(entry.salt));
      if (ok) entry.until = Date.now() + SIGNING_IDLE_MS;
      return ok;
    }
    // Signings that arrive together in one session wait for the first full check rather than each running scrypt.
    const inFlight = sessionKey ? this.signingChecks.get(sessionKey) : undefined;
    if (inFlight) {
      await inFlight.catch(() => undefined);
      if (sessionKey && this.signing.get(sessionKey)?.userId === userId)
        return this.verifyForSigning(userId, password, sessionKey);
    }
    const check = this.verifyUserPassword(userId, password);
    if (sessionKey) {
      this.signingChecks.set(
        sessionKey,
        check.then(() => undefined),
      );
      check.finally(() => this.signingChecks.delete(sessionKey)).catch(() => undefined);
    }
    if (!(await check)) return false;
    if (sessionKey) {
      if (this.signing.size > 10_000) this.signing.clear();
      const salt = randomBytes(16);
      this.signing.set(sessionKey, { userId, salt, mac: keyed(salt), until: Date.now() + SIGNING_IDLE_MS });
    }
    return true;
  }

  /** Ends the signing period of a session (logout, password change). */
  endSigning(sessionKey?: string): void {
    if (sessionKey) this.signing.delete(sessionKey);
    else this.signing.clear();
  }

  async verifyUserPassword(userId: string, password: string): Promise<boolean> {
    const user = await repo.findUserById(this.db, userId);
    return !!user && (await verifyPassword(password, user.password_hash));
  }

  newApiTokenSecret(): { token: string; hash: string } {
    const token = `${API_TOKEN_PREFIX}${newSecret()}`;
    return { token, hash: sha256(token) };
  }
}

/** Context for actions the system takes on a user's behalf before they are authenticated. */
export function systemCtxFor(organizationId: string | null, meta: Ctx['meta']): Ctx {
  return {
    actor: new Actor(
      'system',
      organizationId ?? '',
      'system',
      new Map(),
      { clearanceLevel: 0, csPrivileges: 'none' },
      'system',
    ),
    meta,
  };
}
