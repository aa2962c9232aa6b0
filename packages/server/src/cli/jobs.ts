import type { Command } from 'commander';
import { consoleAdapter, deliverNotifications, fileAdapter } from '../modules/prescriptions/delivery';
import { DEFAULT_RETURN_TO_STOCK_DAYS, runReturnToStock } from '../modules/prescriptions/jobs';
import { runAutoRefill } from '../modules/prescriptions/refills';
import { AuthService } from '../platform/auth/service';
import { loadConfig } from '../platform/config';
import { systemCtx } from '../platform/system';
import { withDatabase } from './context';
import { printResult } from './output';

/** Scheduled jobs (run from cron or a systemd timer). */
export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('Scheduled work: auto-refill, notification delivery');
  jobs
    .command('auto-refill')
    .description('Queue due refills for patients enrolled in auto-refill')
    .action(async (_o, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const r = await withDatabase(g, async ({ db }) => runAutoRefill(db, await systemCtx(db)));
      printResult(!!g.json, r, () => `Queued ${r.queued.length} refill(s); skipped ${r.skipped.length}.`);
    });
  jobs
    .command('return-to-stock')
    .description(
      'Return to stock the fills left in "ready" too long (stock back into the ledger, claims reversed)',
    )
    .option(
      '--days <n>',
      'days a fill may wait (APOTHECA_RETURN_TO_STOCK_DAYS)',
      String(DEFAULT_RETURN_TO_STOCK_DAYS),
    )
    .action(async (o: { days: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const r = await withDatabase(g, async ({ db }) =>
        runReturnToStock(db, new AuthService(db, loadConfig()), await systemCtx(db), Number(o.days)),
      );
      printResult(
        !!g.json,
        r,
        () => `Returned ${r.returned.length} fill(s) to stock; ${r.failed.length} failed.`,
      );
    });
  jobs
    .command('notify')
    .description(
      'Deliver pending patient notifications (console by default; --sms-file to hand SMS to a gateway)',
    )
    .option('--sms-file <file>', 'append SMS notifications as JSON lines to this file')
    .action(async (o: { smsFile?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const adapters = [
        consoleAdapter((s) => process.stderr.write(s)),
        ...(o.smsFile ? [fileAdapter(o.smsFile, 'sms')] : []),
      ];
      const r = await withDatabase(g, ({ db }) => deliverNotifications(db, adapters));
      printResult(!!g.json, r, () => `Delivered ${r.sent} of ${r.pending} pending notification(s).`);
    });
}
