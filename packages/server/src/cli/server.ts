import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DEMO_ORG, type DemoLogin, seedDemo } from '../demo/seed';
import { DEMO_PAYER_PORT } from '../modules/claims/demo';
import { loadConfig } from '../platform/config';
import { migrateToLatest } from '../platform/db/database';
import { startServer } from '../server';
import { withDatabase } from './context';
import { printResult, table } from './output';

function printLogins(logins: DemoLogin[]): void {
  process.stdout.write(
    `\nDemo organization "${DEMO_ORG}" created with one site of each setting type.\nDemo logins (password for all: ${logins[0]?.password}):\n${table(logins as never, ['username', 'role', 'sites'])}\n\n`,
  );
}

/**
 * The demo bills claims to a local payer simulator (test BINs 999999/999998, see docs/claims.md): start it beside the
 * server, as a child process that ends with it. Skipped when APOTHECA_DEMO_PAYER_URL points elsewhere.
 */
function startDemoPayer(): void {
  if (process.env.APOTHECA_DEMO_PAYER_URL) return;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bin = path.resolve(here, '../../bin/apotheca.mjs');
  const plans = path.resolve(here, '../../payer-sim/plans.example.json');
  const child = spawn(
    process.execPath,
    [
      bin,
      'payer-sim',
      '--port',
      String(DEMO_PAYER_PORT),
      '--http-port',
      String(DEMO_PAYER_PORT + 1),
      '--plans',
      plans,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  child.on('error', () => undefined);
  const stop = () => child.kill();
  process.once('exit', stop);
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, stop);
  process.stdout.write(
    `Demo payer simulator: tcp://127.0.0.1:${DEMO_PAYER_PORT}, admin http://127.0.0.1:${DEMO_PAYER_PORT + 1} (plans ${path.relative(process.cwd(), plans)})\n`,
  );
}

export function registerServerCommands(program: Command): void {
  program
    .command('start')
    .description('Start the HTTP server (API + web workbench); applies migrations first')
    .option('--port <port>', 'port (PORT, default 3000)')
    .option('--host <host>', 'interface (HOST, default 0.0.0.0)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (LOG_LEVEL)')
    .option(
      '--demo',
      'on an empty database, create the demo organization, sites, users and data and print the logins',
    )
    .action(async (opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const config = loadConfig({
        port: opts.port,
        host: opts.host,
        logLevel: opts.logLevel,
        databaseUrl: g.databaseUrl,
      });
      let logins: DemoLogin[] | null = null;
      const server = await startServer(config, {
        onReady: async ({ db }) => {
          if (opts.demo) logins = await seedDemo(db);
        },
      });
      if (logins) printLogins(logins);
      else if (opts.demo)
        process.stdout.write(
          '\nDemo data already present. Logins: technician, pharmacist, pharmacist-in-charge, nurse, buyer, auditor, admin, tech-hospital — password apotheca-demo\n',
        );
      if (opts.demo) startDemoPayer();
      const shown = server.url.replace('0.0.0.0', 'localhost');
      process.stdout.write(`Apotheca is serving the workbench on ${shown} (API docs: ${shown}/api/docs)\n`);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations (idempotent)')
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const report = await withDatabase(g, ({ db }) => migrateToLatest(db));
      printResult(!!g.json, report, () =>
        report.applied.length
          ? `Applied: ${report.applied.join(', ')}`
          : 'Database is up to date; nothing to apply.',
      );
    });

  program
    .command('seed')
    .description('Load data into an empty database')
    .option('--demo', 'the demo organization, sites, users, patients and prescribers')
    .action(async (opts, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      if (!opts.demo) throw new (await import('./output')).UsageError('say what to seed: --demo');
      const logins = await withDatabase(g, ({ db }) => seedDemo(db));
      if (g.json) printResult(true, { seeded: !!logins, logins: logins ?? [] }, () => '');
      else if (logins) printLogins(logins);
      else process.stdout.write('The database already has data; demo not loaded.\n');
    });
}
