#!/usr/bin/env node
// End-to-end tests of the web workbench against a real server with demo data.
// Usage: npm run build --workspace @apotheca/web && node packages/web/e2e/run.mjs
// E2E_BASE_URL=http://127.0.0.1:3210 reuses a running demo server instead of starting one.
// E2E_ONLY=regex runs only the tests whose names match.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { runAll } from './lib/harness.mjs';
import { freePort, startPayerSim, startServer, stopServer } from './lib/server.mjs';
import { defineTests } from './tests.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shots = path.join(repoRoot, 'docs/screenshots');
const failShots = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-e2e-fail-'));

let server;
let sim;
let context;
const tmpDirs = [];
const cleanup = async () => {
  await context?.close().catch(() => {});
  await stopServer(server?.child);
  await stopServer(sim?.child);
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
};
// Last resort if something escapes the finally below: never leave the server running.
process.on('exit', () => {
  if (server?.child && server.child.exitCode === null) server.child.kill('SIGKILL');
  if (sim?.child && sim.child.exitCode === null) sim.child.kill('SIGKILL');
});
process.on('unhandledRejection', (e) => console.error('unhandled rejection:', e));
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });

let result = { passed: 0, failed: 1 };
try {
  if (!fs.existsSync(path.join(repoRoot, 'packages/web/dist/index.html')))
    throw new Error('packages/web/dist is missing: run `npm run build --workspace @apotheca/web` first');
  let baseUrl = process.env.E2E_BASE_URL;
  // With E2E_BASE_URL, E2E_PAYER_ADMIN_URL names that server's simulator admin port (else PA approval is skipped).
  let payerAdminUrl = process.env.E2E_PAYER_ADMIN_URL ?? null;
  if (!baseUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-e2e-db-'));
    tmpDirs.push(dataDir);
    sim = await startPayerSim({ repoRoot });
    payerAdminUrl = sim.adminUrl;
    server = await startServer({
      repoRoot,
      dbFile: path.join(dataDir, 'e2e.db'),
      port: await freePort(),
      payerUrl: sim.tcpUrl,
    });
    baseUrl = server.baseUrl;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-e2e-chrome-'));
  tmpDirs.push(profile);
  context = await launch(profile);
  fs.mkdirSync(shots, { recursive: true });
  console.log(`e2e against ${baseUrl}`);
  defineTests({ context, baseUrl, shots, payerAdminUrl });
  result = await runAll({
    onFailure: async (name) => {
      for (const p of context.pages()) {
        const file = path.join(failShots, `${name.replace(/[^\w-]+/g, '_')}.png`);
        await p.screenshot({ path: file }).catch(() => {});
        console.log(`      screenshot: ${file}`);
        await p.close().catch(() => {});
      }
      await context.clearCookies();
    },
  });
} catch (err) {
  console.error(err?.stack ?? err);
  if (server) console.error(server.output());
} finally {
  await cleanup();
}
console.log(`e2e: ${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed ? 1 : 0);
