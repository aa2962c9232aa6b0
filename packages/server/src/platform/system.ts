import { Actor, type Ctx } from './actor';
import type { Db } from './db/database';
import { ROLES, type Role } from './permissions';

/**
 * The actor for the operator at the command line (apotheca CLI): every role at every site of the
 * organization. Audit entries it writes carry no user id and the action says it came from the CLI.
 */
export async function systemCtx(db: Db, organizationId?: string): Promise<Ctx> {
  let q = db.selectFrom('sites').select(['id', 'organization_id']);
  if (organizationId) q = q.where('organization_id', '=', organizationId);
  const sites = await q.execute();
  const org =
    organizationId ??
    sites[0]?.organization_id ??
    (await db.selectFrom('organizations').select('id').executeTakeFirst())?.id ??
    '';
  const roles = new Map<string, Role[]>(
    sites.filter((s) => s.organization_id === org).map((s) => [s.id, [...ROLES]]),
  );
  return {
    actor: new Actor(
      'system',
      org,
      'Command line',
      roles,
      { clearanceLevel: 5, csPrivileges: 'CII-V' },
      'system',
    ),
    meta: { requestId: `cli-${process.pid}`, clientAddress: 'cli' },
  };
}
