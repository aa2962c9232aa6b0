import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/apotheca.mjs');

export interface RunningSim {
  tcpPort: number;
  httpPort: number;
  /** http://127.0.0.1:PORT — the admin endpoints and POST /d0. */
  adminUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `apotheca payer-sim` as a separate process on free ports (tests and benchmarks) and resolves once it
 * prints its listening line.
 */
export function spawnPayerSim(plansFile: string, timeoutMs = 30_000): Promise<RunningSim> {
  const child = spawn(
    process.execPath,
    [BIN, 'payer-sim', '--port', '0', '--http-port', '0', '--plans', plansFile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`payer-sim did not start within ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`payer-sim exited with ${code}: ${err}`));
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { tcpPort: number; httpPort: number };
      resolve({
        tcpPort: info.tcpPort,
        httpPort: info.httpPort,
        adminUrl: `http://127.0.0.1:${info.httpPort}`,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
