import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { listCalculations } from '@apotheca/core/calc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  type Session,
  type TestApp,
} from './helpers';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/apotheca.mjs');
const cli = async (args: string[]) => {
  try {
    const { stdout } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: JSON.parse(stdout) };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: JSON.parse(e.stdout) };
  }
};

// Cases taken from the engine's own worked-example tables (packages/core/src/calc/*.test.ts cite the sources).
const CASES: { id: string; inputs: Record<string, string> }[] = [
  { id: 'crcl', inputs: { age: '53', sex: 'male', weight: '87 kg', height: '175 cm', scr: '1.39 mg/dL' } },
  { id: 'bsa', inputs: { weight: '70 kg', height: '175 cm' } },
  { id: 'carboplatin', inputs: { auc: '5', gfr: '100 mL/min' } },
  { id: 'drip-rate', inputs: { volume: '1000 mL', time: '8 h', dropFactor: '15' } },
];

describe(`calculations over HTTP and CLI (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    const site = await buildSite(t.db, org);
    s = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }])).username);
  });
  afterAll(() => t.close());

  it('lists every calculation with its inputs, same as `apotheca calc list --json`', async () => {
    const api = (await as(t.app, s).get('/api/calc')).json().items;
    expect(api.length).toBe(listCalculations().length);
    expect(api.map((d: { id: string }) => d.id)).toContain('crcl');
    const { out } = await cli(['calc', 'list', '--json']);
    expect(out).toEqual(api);
  });

  it.each(CASES)('$id gives identical results from the API and the CLI', async ({ id, inputs }) => {
    const res = await as(t.app, s).post(`/api/calc/${id}`, { inputs });
    expect(res.statusCode, res.body).toBe(200);
    const args = Object.entries(inputs).flatMap(([k, v]) => [`--${k}`, v]);
    const { code, out } = await cli(['calc', id, ...args, '--json']);
    expect(code).toBe(0);
    expect(out).toEqual(res.json());
    expect(Number.isFinite(Number(res.json().value))).toBe(true);
  });

  it('names the bad input in both the API and the CLI', async () => {
    const res = await as(t.app, s).post('/api/calc/crcl', {
      inputs: { age: '-1', sex: 'male', weight: '87 kg', scr: '1.39 mg/dL' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('inputs.age');
    const { code, out } = await cli([
      'calc',
      'crcl',
      '--age',
      '-1',
      '--sex',
      'male',
      '--weight',
      '87 kg',
      '--scr',
      '1.39 mg/dL',
      '--json',
    ]);
    expect(code).toBe(1);
    expect(out.error.field).toBe('age');
    expect((await as(t.app, s).post('/api/calc/nope', { inputs: {} })).statusCode).toBe(404);
  });
});
