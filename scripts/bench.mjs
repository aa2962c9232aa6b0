#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints their JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let status = 0;
for (const f of files) {
  const res = spawnSync('npx', ['tsx', path.join('bench', f)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  if (res.status !== 0) status = 1;
}
process.exit(status);
