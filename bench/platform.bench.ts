/**
 * Platform benchmark (issue 2): authenticated read (cached session) and audited write throughput over HTTP on
 * loopback, with autocannon, for SQLite and PostgreSQL. Prints one JSON document.
 * Targets on 2 cores: read ≥ 5,000 req/s with p99 < 20 ms; audited insert ≥ 2,000/s on SQLite.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/platform/config';
import {
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
} from '../packages/server/src/platform/db/database';
import { seedBenchTenant } from './support';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function seed(handle: DatabaseHandle) {
  const t = await seedBenchTenant(handle.db, { roles: ['technician'] });
  return { site: t.site, username: t.users.technician?.username ?? '' };
}

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/** autocannon in its own process, so the load generator does not share the server's event loop. */
function loadTest(args: string[]): Promise<LoadResult> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '-j', '-d', String(DURATION), ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}

async function run(kind: 'sqlite' | 'postgres') {
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-bench-'));
    handle = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    handle = await openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 10 });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  }
  await migrateToLatest(handle.db);
  const { site, username } = await seed(handle);
  const config = { ...loadConfig({ logLevel: 'silent' }, {}), loginRateLimitPerMinute: 1_000_000 };
  const { app } = await buildApp({ config, database: handle });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-password' }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  const read = await loadTest([`${url}/api/sites`, '-c', '32', '-H', `cookie=${cookie}`]);
  const body = JSON.stringify({
    siteId: site,
    firstName: 'Bench',
    lastName: 'Patient',
    birthDate: '1970-01-01',
    sex: 'female',
  });
  const write = await loadTest([
    `${url}/api/patients`,
    ...['-m', 'POST', '-c', '16', '-H', `cookie=${cookie}`, '-H', `x-csrf-token=${csrfToken}`],
    ...['-H', 'content-type=application/json', '-b', body],
  ]);
  await app.close();
  await handle.close();
  await cleanup();
  const fig = (r: LoadResult) => ({
    requestsPerSecond: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  });
  return {
    authenticatedRead: { endpoint: 'GET /api/sites (cached session)', ...fig(read) },
    auditedWrite: { endpoint: 'POST /api/patients (one audited insert)', ...fig(write) },
  };
}

const results: Record<string, unknown> = {
  benchmark: 'platform',
  durationSeconds: DURATION,
  cores: os.cpus().length,
};
results.sqlite = await run('sqlite');
try {
  results.postgres = await run('postgres');
} catch (err) {
  results.postgres = { skipped: `PostgreSQL not reachable: ${(err as Error).message}` };
}
console.log(JSON.stringify(results, null, 2));
