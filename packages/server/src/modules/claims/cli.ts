import type { Command } from 'commander';
import { UsageError } from '../../cli/output';

export function registerClaimsCommands(program: Command): void {
  program
    .command('payer-sim')
    .description(
      'Run the NCPDP D.0 payer simulator (TEST plans only): TCP with a 4-byte length prefix, HTTP POST /d0, admin endpoints',
    )
    .requiredOption('--port <n>', 'TCP port (0 = any free port; the chosen ports are printed as JSON)')
    .requiredOption('--plans <file>', 'plans file (JSON, or YAML ending in .yaml/.yml)')
    .option('--http-port <n>', 'also serve HTTP (POST /d0, /admin/*) on this port (0 = any)')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (o: { port: string; plans: string; httpPort?: string; host: string }) => {
      const port = Number(o.port);
      const httpPort = o.httpPort === undefined ? undefined : Number(o.httpPort);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
      if (httpPort !== undefined && (!Number.isInteger(httpPort) || httpPort < 0 || httpPort > 65535))
        throw new UsageError('--http-port must be 0–65535');
      const { runPayerSim } = await import('../../payer-sim/main');
      await runPayerSim({
        port,
        plans: o.plans,
        host: o.host,
        ...(httpPort !== undefined ? { httpPort } : {}),
      });
    });
}
