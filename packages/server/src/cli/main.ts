import { Command, CommanderError, Option } from 'commander';
import { registerClaimsCommands } from '../modules/claims/cli';
import { registerDrugCommands } from '../modules/drugs/cli';
import { AppError } from '../platform/errors';
import { registerAdminCommands } from './admin';
import { registerErxCommands } from './erx';
import { registerJobCommands } from './jobs';
import { UsageError } from './output';
import { registerServerCommands } from './server';
import { registerToolCommands } from './tools';

const program = new Command('apotheca')
  .description('Apotheca pharmacy operations platform')
  .version('0.1.0')
  .addOption(
    new Option('--database-url <url>', 'SQLite file, sqlite: URL or postgres:// URL').env('DATABASE_URL'),
  )
  .option('--json', 'print machine-readable JSON')
  .showHelpAfterError()
  .exitOverride();

registerServerCommands(program);
registerAdminCommands(program);
registerToolCommands(program);
registerErxCommands(program);
registerJobCommands(program);
registerDrugCommands(program);
registerClaimsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    if (
      err.code === 'commander.helpDisplayed' ||
      err.code === 'commander.version' ||
      err.code === 'commander.help'
    )
      return 0;
    return 2; // commander already printed the usage problem
  }
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    return 2;
  }
  const json = process.argv.includes('--json');
  if (err instanceof AppError) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { code: err.code, message: err.message, ...err.extra } }, null, 2)}\n`,
      );
    else process.stderr.write(`error: ${err.message}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (json) process.stdout.write(`${JSON.stringify({ error: { code: 'failed', message } }, null, 2)}\n`);
  else process.stderr.write(`error: ${message}\n`);
  return 1;
}
