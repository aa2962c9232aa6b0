import { type Command, Option } from 'commander';
import * as sitesRepo from '../modules/sites/repository';
import { createSite, toSiteOut } from '../modules/sites/service';
import { createToken, createUser, resetPassword, revokeToken } from '../modules/users/service';
import { verifyAuditChain } from '../platform/audit/audit';
import { AuthService } from '../platform/auth/service';
import { loadConfig } from '../platform/config';
import { SETTING_TYPES } from '../platform/db/schema';
import { newId, nowIso } from '../platform/ids';
import { ROLES, type Role } from '../platform/permissions';
import { systemCtx } from '../platform/system';
import { withDatabase } from './context';
import { printResult, table, UsageError } from './output';

export function registerAdminCommands(program: Command): void {
  const sites = program.command('sites').description('Organizations’ sites');
  sites
    .command('list')
    .description('List sites')
    .action(async (_o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const rows = (await withDatabase(g, ({ db }) => sitesRepo.allSites(db))).map(toSiteOut);
      printResult(!!g.json, rows, () =>
        rows.length ? table(rows, ['code', 'name', 'settingType', 'timeZone', 'id']) : 'No sites yet.',
      );
    });
  sites
    .command('add')
    .description('Add a site (creates the organization on an empty database)')
    .requiredOption('--code <code>', 'short unique code, e.g. MAIN')
    .requiredOption('--name <name>', 'site name')
    .addOption(new Option('--type <type>', 'setting type').choices(SETTING_TYPES).makeOptionMandatory())
    .option('--org <name>', 'organization name when none exists yet', 'My Pharmacy Organization')
    .option('--time-zone <tz>', 'IANA time zone', 'America/New_York')
    .option('--state <st>', 'two-letter state')
    .option('--city <city>', 'city')
    .option('--ncpdp <id>', 'NCPDP provider id (7 digits)')
    .option('--npi <npi>', 'pharmacy NPI')
    .option('--dea <dea>', 'pharmacy DEA registration')
    .action(async (o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const site = await withDatabase(g, async ({ db }) => {
        let org = await sitesRepo.firstOrganization(db);
        if (!org) {
          org = { id: newId(), name: o.org, created_at: nowIso() };
          await sitesRepo.insertOrganization(db, org);
        }
        const { SiteInput } = await import('../modules/sites/schema');
        const parsed = SiteInput.safeParse({
          code: o.code,
          name: o.name,
          settingType: o.type,
          timeZone: o.timeZone,
          state: o.state,
          city: o.city,
          ncpdpId: o.ncpdp,
          npi: o.npi,
          deaNumber: o.dea,
        });
        if (!parsed.success)
          throw new UsageError(
            parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
          );
        return createSite(db, await systemCtx(db, org.id), parsed.data, org.id);
      });
      printResult(!!g.json, toSiteOut(site), () => `Site ${site.code} created (id ${site.id}).`);
    });

  const user = program.command('user').description('Local user accounts');
  user
    .command('add')
    .description(
      'Add a user; e.g. the first administrator: apotheca user add --username admin --name "Ada Admin" --role admin',
    )
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption('--name <display>', 'printed name (used on e-signatures)')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--site <codes...>', 'site codes (default: every site)')
    .option('--password <password>', 'password (or APOTHECA_PASSWORD; at least 10 characters)')
    .option('--cs-privileges <level>', 'none | CIII-V | CII-V', 'none')
    .action(async (o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const password = o.password ?? process.env.APOTHECA_PASSWORD;
      if (!password) throw new UsageError('give --password or set APOTHECA_PASSWORD');
      const out = await withDatabase(g, async ({ db }) => {
        const all = await sitesRepo.allSites(db);
        if (!all.length)
          throw new UsageError(
            'add a site first: apotheca sites add --code MAIN --name "…" --type community',
          );
        const chosen = o.site ? all.filter((s) => (o.site as string[]).includes(s.code)) : all;
        const missing = o.site ? (o.site as string[]).filter((c) => !all.some((s) => s.code === c)) : [];
        if (missing.length) throw new UsageError(`unknown site code(s): ${missing.join(', ')}`);
        return createUser(db, await systemCtx(db), {
          username: o.username,
          displayName: o.name,
          password,
          roles: chosen.map((s) => ({ siteId: s.id, role: o.role as Role })),
          clearanceLevel: 0,
          csPrivileges: o.csPrivileges,
        });
      });
      printResult(
        !!g.json,
        out,
        () => `User ${out.username} created with role ${o.role} at ${out.roles.length} site(s).`,
      );
    });
  user
    .command('reset-password')
    .description('Set a new password and end the user’s sessions')
    .requiredOption('--username <name>', 'sign-in name')
    .option('--password <password>', 'new password (or APOTHECA_PASSWORD)')
    .action(async (o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const password = o.password ?? process.env.APOTHECA_PASSWORD;
      if (!password) throw new UsageError('give --password or set APOTHECA_PASSWORD');
      await withDatabase(g, async ({ db }) => {
        const u = await db
          .selectFrom('users')
          .select(['id', 'organization_id'])
          .where('username', '=', o.username)
          .executeTakeFirst();
        if (!u) throw new UsageError(`no user ${o.username}`);
        await resetPassword(
          db,
          new AuthService(db, loadConfig()),
          await systemCtx(db, u.organization_id),
          u.id,
          password,
        );
      });
      printResult(
        !!g.json,
        { ok: true },
        () => `Password of ${o.username} reset; their sessions were ended.`,
      );
    });

  const token = program.command('token').description('API tokens for integrations');
  token
    .command('create')
    .description('Create an API token acting as a user; prints the secret once')
    .requiredOption('--username <name>', 'user the token acts as')
    .requiredOption('--name <label>', 'what the token is for')
    .option('--scope <permissions...>', 'limit to these permissions')
    .option('--site <code>', 'limit to one site')
    .option('--expires <iso>', 'expiry (ISO date-time)')
    .action(async (o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const out = await withDatabase(g, async ({ db }) => {
        const u = await db
          .selectFrom('users')
          .select(['id', 'organization_id'])
          .where('username', '=', o.username)
          .executeTakeFirst();
        if (!u) throw new UsageError(`no user ${o.username}`);
        const site = o.site ? await sitesRepo.findSiteByCode(db, o.site) : undefined;
        if (o.site && !site) throw new UsageError(`unknown site code ${o.site}`);
        return createToken(db, new AuthService(db, loadConfig()), await systemCtx(db, u.organization_id), {
          name: o.name,
          userId: u.id,
          ...(o.scope ? { scopes: o.scope } : {}),
          ...(site ? { siteId: site.id } : {}),
          ...(o.expires ? { expiresAt: new Date(o.expires).toISOString() } : {}),
        });
      });
      printResult(!!g.json, out, () => `Token ${out.id} created. Secret (shown once):\n${out.token}`);
    });
  token
    .command('revoke')
    .description('Revoke an API token by id')
    .argument('<id>', 'token id')
    .action(async (id: string, _o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      await withDatabase(g, async ({ db }) =>
        revokeToken(db, new AuthService(db, loadConfig()), await systemCtx(db), id),
      );
      printResult(!!g.json, { ok: true, id }, () => `Token ${id} revoked.`);
    });

  program
    .command('audit')
    .description('Audit trail')
    .command('verify')
    .description('Verify the audit hash chain; exit 1 and name the first tampered entry if broken')
    .action(async (_o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const report = await withDatabase(g, ({ db }) => verifyAuditChain(db));
      printResult(!!g.json, report, () =>
        report.ok
          ? `Audit chain intact: ${report.entries} entries verified.`
          : `AUDIT CHAIN BROKEN at entry ${report.firstProblem?.seq}: ${report.firstProblem?.reason}`,
      );
      if (!report.ok) process.exitCode = 1;
    });
}
