import fs from 'node:fs';
import type { Command } from 'commander';
import { receiveInbound } from '../modules/erx/service';
import { systemCtx } from '../platform/system';
import { withDatabase } from './context';
import { UsageError } from './output';

export function registerErxCommands(program: Command): void {
  program
    .command('erx')
    .description('NCPDP SCRIPT e-prescriptions')
    .command('receive')
    .description(
      'Receive a SCRIPT message from a file (as if delivered to /api/erx/inbound); prints the SCRIPT reply',
    )
    .argument('<file>', 'SCRIPT XML file')
    .requiredOption('--site <code>', 'receiving site code')
    .action(async (file: string, o: { site: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const xml = fs.readFileSync(file, 'utf8');
      const res = await withDatabase(g, async ({ db }) => {
        const site = await db
          .selectFrom('sites')
          .select(['id', 'organization_id'])
          .where('code', '=', o.site)
          .executeTakeFirst();
        if (!site) throw new UsageError(`unknown site code ${o.site}`);
        return receiveInbound(db, await systemCtx(db, site.organization_id), xml, site.id);
      });
      if (g.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
      else process.stdout.write(`${res.xml}\n`);
      if (res.outcome === 'rejected') process.exitCode = 1;
    });
}
