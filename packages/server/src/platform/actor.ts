import { forbidden, notFound } from './errors';
import { type Permission, permissionsOfRoles, type Role } from './permissions';

/**
 * Who is calling, and what they may do where. Built once per request by the auth hook
 * (cached with the session) and passed to every service function.
 */
export class Actor {
  /** siteId → permissions the actor holds there (after API-token scopes are applied). */
  private readonly perms = new Map<string, Set<Permission>>();

  constructor(
    readonly userId: string,
    readonly organizationId: string,
    readonly displayName: string,
    readonly rolesBySite: ReadonlyMap<string, readonly Role[]>,
    readonly attributes: { clearanceLevel: number; csPrivileges: string },
    readonly via: 'session' | 'token' | 'system',
    scope?: { permissions: readonly Permission[] | null; siteId: string | null },
  ) {
    for (const [siteId, roles] of rolesBySite) {
      if (scope?.siteId && scope.siteId !== siteId) continue;
      let set = permissionsOfRoles(roles);
      if (scope?.permissions) set = new Set([...set].filter((p) => scope.permissions?.includes(p)));
      this.perms.set(siteId, set);
    }
  }

  /** Sites the actor can see at all (any role there). */
  get siteIds(): string[] {
    return [...this.perms.keys()];
  }

  can(permission: Permission, siteId: string): boolean {
    return this.perms.get(siteId)?.has(permission) ?? false;
  }

  canAnywhere(permission: Permission): boolean {
    for (const set of this.perms.values()) if (set.has(permission)) return true;
    return false;
  }

  /** Sites where the actor holds `permission`: every site-scoped query filters by this list. */
  sitesWith(permission: Permission): string[] {
    return [...this.perms].filter(([, set]) => set.has(permission)).map(([id]) => id);
  }

  /**
   * Guard for a use case at one site. A site the actor cannot see is reported as not found
   * (never leak that another site's record exists); a visible site without the permission is forbidden.
   */
  require(permission: Permission, siteId: string, what = 'Site'): void {
    const set = this.perms.get(siteId);
    if (!set) throw notFound(what);
    if (!set.has(permission)) throw forbidden(`Your role at this site does not allow ${permission}`);
  }

  permissionsBySite(): Record<string, Permission[]> {
    return Object.fromEntries([...this.perms].map(([k, v]) => [k, [...v].sort()]));
  }

  rolesAt(siteId: string): readonly Role[] {
    return this.rolesBySite.get(siteId) ?? [];
  }
}

/** Where a request came from: carried into the audit trail. */
export interface RequestMeta {
  requestId: string | null;
  clientAddress: string | null;
  /** SHA-256 of the session token, for session-bound state such as the e-signature signing period. */
  sessionKey?: string;
}

export interface Ctx {
  actor: Actor;
  meta: RequestMeta;
}
