import { spawn } from 'node:child_process';
import net from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts our own payer simulator (docs/claims.md) on free ports, with its admin HTTP port, so the claims tests can
 * put a prior authorization on file at the payer and never share the demo's fixed port 4610 with another run.
 */
export function startPayerSim({ repoRoot, timeoutMs = 30_000 }) {
  const child = spawn(
    process.execPath,
    [
      'packages/server/bin/apotheca.mjs',
      'payer-sim',
      '--port',
      '0',
      '--http-port',
      '0',
      '--host',
      '127.0.0.1',
      '--plans',
      'packages/server/payer-sim/plans.example.json',
    ],
    { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`payer-sim did not start within ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`payer-sim exited with ${code}: ${err}`));
    });
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const info = JSON.parse(line);
      resolve({
        child,
        tcpUrl: `tcp://127.0.0.1:${info.tcpPort}`,
        adminUrl: `http://127.0.0.1:${info.httpPort}`,
      });
    });
  });
}

/** Starts `apotheca start --demo` on a fresh database and resolves once /readyz answers 200. */
export async function startServer({ repoRoot, dbFile, port, payerUrl, timeoutMs = 90_000 }) {
  const child = spawn(process.execPath, ['packages/server/bin/apotheca.mjs', 'start', '--demo'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: dbFile,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      APOTHECA_SCRYPT_N: '1024',
      // The suite signs in ~25 times within a minute from one address; the default limit (20/min) is for people.
      APOTHECA_LOGIN_RATE_LIMIT: '1000',
      // Claims go to the simulator this run started (the demo would otherwise start one on port 4610).
      ...(payerUrl ? { APOTHECA_DEMO_PAYER_URL: payerUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return { child, baseUrl, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
}

export async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
