#!/usr/bin/env node
// The README's test command (`npm test`). Runs:
//   1. the whole Vitest suite on SQLite;
//   2. every database-touching suite (packages/server) again on PostgreSQL when it is reachable
//      (required under CI=true; set TEST_DATABASE_URL to point elsewhere);
//   3. the browser end-to-end tests (packages/web/e2e) in Debian's chromium, after building the web app.
// Ends with one line "tests: N passed, M failed" and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ci = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// A fresh machine of this project's kind (Debian, root) may lack the Debian tools some tests drive: install them
// once, as .ci/run does, unless APOTHECA_NO_APT=1. Elsewhere the missing tool is reported by the tests that need it.
function ensureDebianTools() {
  const need = [];
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  if (!fs.existsSync(chromium)) need.push('chromium');
  if (!has('pdftotext')) need.push('poppler-utils');
  if (!has('zbarimg')) need.push('zbar-tools');
  if (!fs.existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) need.push('fonts-dejavu-core');
  if (!need.length || process.env.APOTHECA_NO_APT === '1' || process.getuid?.() !== 0 || !has('apt-get'))
    return;
  console.log(`Installing Debian packages the tests use: ${need.join(' ')}`);
  spawnSync(
    'sh',
    [
      '-c',
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${need.join(' ')} >/dev/null`,
    ],
    { stdio: 'inherit' },
  );
}
if (process.argv.length <= 2) ensureDebianTools();

let passed = 0;
let failed = 0;
const problems = [];

function vitest(label, env, args) {
  const out = path.join(os.tmpdir(), `apotheca-vitest-${process.pid}-${label}.json`);
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  let counted = false;
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    counted = true;
    fs.rmSync(out);
  }
  if (res.status !== 0) {
    problems.push(`${label}: vitest exited ${res.status}`);
    if (!counted) failed += 1;
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

vitest('sqlite', { APOTHECA_TEST_DB: 'sqlite' }, process.argv.slice(2));

if (await postgresReachable()) {
  vitest('postgres', { APOTHECA_TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl }, ['packages/server']);
} else if (ci) {
  problems.push(`PostgreSQL is not reachable at ${pgUrl} (required in CI)`);
  failed += 1;
} else {
  console.warn(`\n!!! PostgreSQL not reachable at ${pgUrl}: the PostgreSQL run was SKIPPED (CI runs it).`);
}

const e2e = path.join(root, 'packages/web/e2e/run.mjs');
if (fs.existsSync(e2e) && process.argv.length <= 2) {
  if (fs.existsSync(chromium)) {
    console.log('\n=== web build + end-to-end (chromium) ===');
    const build = spawnSync('npm', ['run', 'build', '--workspace', '@apotheca/web'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      problems.push('web build failed');
      failed += 1;
    } else {
      const res = spawnSync(process.execPath, [e2e], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      process.stdout.write(res.stdout ?? '');
      const m = /e2e: (\d+) passed, (\d+) failed/.exec(res.stdout ?? '');
      if (m) {
        passed += Number(m[1]);
        failed += Number(m[2]);
      }
      if (res.status !== 0) {
        problems.push(`e2e exited ${res.status}`);
        if (!m) failed += 1;
      }
    }
  } else if (ci) {
    problems.push(`chromium not found at ${chromium} (required in CI)`);
    failed += 1;
  } else {
    console.warn(
      `\n!!! ${chromium} not found: end-to-end tests SKIPPED (apt-get install -y chromium to run them).`,
    );
  }
}

if (problems.length) console.error(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length ? 1 : 0);
