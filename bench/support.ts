/** Shared set-up for benchmarks: an organization, one community site and users with the given roles. */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../packages/server/src/platform/auth/passwords';
import type { Db } from '../packages/server/src/platform/db/database';
import { newId, nowIso } from '../packages/server/src/platform/ids';
import type { Role } from '../packages/server/src/platform/permissions';

export interface BenchTenant {
  org: string;
  site: string;
  users: Partial<Record<Role, { id: string; username: string }>>;
}

export async function seedBenchTenant(
  db: Db,
  opts: { roles?: Role[]; password?: string; csPrivileges?: 'none' | 'CIII-V' | 'CII-V' } = {},
): Promise<BenchTenant> {
  const org = newId();
  const site = newId();
  const at = nowIso();
  await db.insertInto('organizations').values({ id: org, name: 'Bench', created_at: at }).execute();
  await db
    .insertInto('sites')
    .values({
      id: site,
      organization_id: org,
      code: `B${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'Bench',
      setting_type: 'community',
      address_line1: null,
      address_line2: null,
      city: null,
      state: null,
      postal_code: null,
      phone: null,
      ncpdp_id: null,
      npi: null,
      dea_number: null,
      time_zone: 'UTC',
      allow_negative_on_hand: 0,
      created_at: at,
    })
    .execute();
  const users: BenchTenant['users'] = {};
  const hash = await hashPassword(opts.password ?? 'bench-password');
  for (const role of opts.roles ?? []) {
    const id = newId();
    const username = `bench-${role}-${randomBytes(3).toString('hex')}`;
    await db
      .insertInto('users')
      .values({
        id,
        organization_id: org,
        username,
        display_name: `Bench ${role}`,
        password_hash: hash,
        is_active: 1,
        failed_logins: 0,
        locked_until: null,
        clearance_level: 0,
        cs_privileges: opts.csPrivileges ?? 'none',
        created_at: at,
        password_changed_at: at,
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: id, site_id: site, role }).execute();
    users[role] = { id, username };
  }
  return { org, site, users };
}
