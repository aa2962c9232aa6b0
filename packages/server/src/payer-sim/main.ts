import { loadPlansFile } from './plans';
import { startPayerSim } from './server';

export interface PayerSimArgs {
  port: number;
  plans: string;
  httpPort?: number;
  host?: string;
}

/**
 * Runs the payer simulator until SIGINT/SIGTERM. Prints one JSON line when listening, e.g.
 * {"event":"listening","tcpPort":4100,"httpPort":4101} — tests start it with --port 0 and read the ports from it.
 */
export async function runPayerSim(args: PayerSimArgs): Promise<void> {
  const plans = await loadPlansFile(args.plans);
  const sim = await startPayerSim({
    plans,
    port: args.port,
    ...(args.httpPort !== undefined ? { httpPort: args.httpPort } : {}),
    ...(args.host ? { host: args.host } : {}),
  });
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', tcpPort: sim.tcpPort, httpPort: sim.httpPort, plans: plans.plans.map((p) => ({ id: p.id, bin: p.bin, pcn: p.pcn })) })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      void sim.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

// Run directly: `tsx packages/server/src/payer-sim/main.ts --port 0 --plans FILE [--http-port 0]`.
if (process.argv[1] && /payer-sim[/\\]main\.ts$/.test(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const plans = arg('--plans');
  if (!plans) {
    process.stderr.write('usage: main.ts --port N --plans FILE [--http-port M]\n');
    process.exit(2);
  }
  const http = arg('--http-port');
  await runPayerSim({
    port: Number(arg('--port') ?? 0),
    plans,
    ...(http !== undefined ? { httpPort: Number(http) } : {}),
  });
}
