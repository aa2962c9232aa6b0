// Shared set-up of the integration tests that bill claims: a payer simulator process with the example plans
// (the commercial plan knows one prescriber and covers insulin lispro), an app with the starter catalogue,
// a site with a test NPI, both test payers' endpoints, and prescriber Elena Rossi.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { type RunningSim, spawnPayerSim } from '../src/payer-sim/spawn';
import { as, buildOrg, buildSite, buildUser, createTestApp, login, type TestApp } from './helpers';

/** CMS worked-example NPI (valid check digit): the one prescriber the commercial test plan knows. */
export const GOOD_NPI = '1558598797';
/** Insulin lispro (starter catalogue NDC), added to the commercial plan's formulary. */
export const INSULIN_LISPRO_NDC = '00002773701';

export type Client = ReturnType<typeof as>;
type Role = 'technician' | 'pharmacist' | 'admin' | 'pharmacist_in_charge';

export interface ClaimsWorld {
  t: TestApp;
  sim: RunningSim;
  site: string;
  /** Signs in a new user of the site with this role. */
  user: (role: Role) => Promise<Client>;
  /** The technician who registered the prescriber. */
  tech: Client;
  prescriber: string;
  stop: () => Promise<void>;
}

export async function startClaimsWorld(siteNpi: string): Promise<ClaimsWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-claims-'));
  const plans = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../payer-sim/plans.example.json'), 'utf8'),
  ) as { plans: { prescribers?: unknown; formulary: unknown[] }[] };
  const comm = plans.plans[0];
  if (!comm) throw new Error('plans.example.json has no plan');
  comm.prescribers = { requireValidNpi: true, known: [GOOD_NPI], excluded: [] };
  comm.formulary.push({
    ndc11: INSULIN_LISPRO_NDC,
    name: 'Insulin lispro',
    ingredients: ['insulin lispro'],
    tier: 2,
  });
  const file = path.join(dir, 'plans.json');
  fs.writeFileSync(file, JSON.stringify(plans));
  const [sim, t] = await Promise.all([spawnPayerSim(file), createTestApp()]);
  await loadStarterCatalogue(t.db);
  const org = await buildOrg(t.db);
  const site = await buildSite(t.db, org);
  await t.db.updateTable('sites').set({ npi: siteNpi }).where('id', '=', site).execute();
  const user = async (role: Role) =>
    as(t.app, await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role }])).username));
  const tech = await user('technician');
  const admin = await user('admin');
  for (const [bin, pcn] of [
    ['999999', 'APOTEST'],
    ['999998', 'APOTEST2'],
  ]) {
    const r = await admin.put('/api/payer-endpoints', {
      bin,
      pcn,
      url: `tcp://127.0.0.1:${sim.tcpPort}`,
      timeoutMs: 3000,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const prescriber = (
    await tech.post('/api/prescribers', {
      siteId: site,
      firstName: 'Elena',
      lastName: 'Rossi',
      npi: GOOD_NPI,
      isTestIdentifier: true,
    })
  ).json().id as string;
  const stop = async () => {
    await sim.stop();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { t, sim, site, user, tech, prescriber, stop };
}
