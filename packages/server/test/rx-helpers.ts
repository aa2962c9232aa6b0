import { ndc10ToGtin14 } from '@apotheca/core/ndc';
import { expect } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { as, buildOrg, buildSite, buildUser, login, PASSWORD, type TestApp } from './helpers';

export const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

/** A site with the starter catalogue, a technician and a pharmacist (both with CII–V privileges), a patient and a prescriber. */
export async function pharmacyFixture(t: TestApp) {
  await loadStarterCatalogue(t.db);
  const org = await buildOrg(t.db);
  const site = await buildSite(t.db, org);
  const cs = { csPrivileges: 'CII-V' as const };
  const tech = as(
    t.app,
    await login(
      t.app,
      (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }], undefined, cs)).username,
    ),
  );
  const rph = as(
    t.app,
    await login(
      t.app,
      (await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }], undefined, cs)).username,
    ),
  );
  const patient = (
    await tech.post('/api/patients', {
      siteId: site,
      firstName: 'Rita',
      lastName: 'Refill',
      birthDate: '1970-02-03',
      sex: 'female',
      confirmNotDuplicate: true,
    })
  ).json();
  const prescriber = (
    await tech.post('/api/prescribers', {
      siteId: site,
      firstName: 'Elena',
      lastName: 'Rossi',
      npi: '1558598797',
      isTestIdentifier: true,
    })
  ).json();
  return { org, site, tech, rph, patientId: patient.id as string, prescriberId: prescriber.id as string };
}

export type Pharmacy = Awaited<ReturnType<typeof pharmacyFixture>>;

export async function stock(p: Pharmacy, ndc11: string, lot: string, quantity = 1000, expiry = inDays(365)) {
  const r = await p.rph.post('/api/inventory/adjustments', {
    siteId: p.site,
    ndc11,
    lot,
    expiry,
    location: 'SHELF',
    quantity,
    reason: 'test stock',
  });
  expect(r.statusCode, r.body).toBe(201);
}

/** GS1 DataMatrix content for a package (GTIN from its 10-digit NDC), lot and expiry. */
export function gs1For(ndc10: string, lot: string, expiry: string) {
  const g = ndc10ToGtin14(ndc10);
  if (!g.ok) throw new Error(`bad NDC ${ndc10}`);
  return `01${g.gtin14}17${expiry.slice(2).replaceAll('-', '')}10${lot}`;
}

/** Creates a prescription and drives its first fill to `ready` (or `sold`) through the API. */
export async function driveFill(
  p: Pharmacy,
  rx: {
    ndc11: string;
    ndc10: string;
    sig: string;
    quantity: number;
    refills: number;
    lot: string;
    description: string;
  },
  until: 'ready' | 'sold' = 'sold',
) {
  const created = await p.tech.post('/api/prescriptions', {
    siteId: p.site,
    origin: 'phone',
    patientId: p.patientId,
    prescriberId: p.prescriberId,
    drugDescription: rx.description,
    writtenDate: inDays(0),
  });
  expect(created.statusCode, created.body).toBe(201);
  const fillId = created.json().fill.id as string;
  const step = async (who: Pharmacy['tech'], action: string, body: Record<string, unknown> = {}) => {
    const r = await who.post(`/api/fills/${fillId}/actions/${action}`, body);
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
  };
  await step(p.tech, 'accept_intake');
  const entry = await p.tech.put(`/api/fills/${fillId}/entry`, {
    ndc11: rx.ndc11,
    sigText: rx.sig,
    quantity: rx.quantity,
    refillsAuthorized: rx.refills,
  });
  expect(entry.statusCode, entry.body).toBe(200);
  for (const a of entry.json().alerts as { id: string; requiresOverride: boolean }[])
    if (a.requiresOverride)
      await p.rph.post(`/api/fills/${fillId}/overrides`, {
        alertId: a.id,
        reason: 'reviewed with prescriber',
      });
  await step(p.tech, 'submit_entry');
  await step(p.rph, 'verify_data');
  await step(p.tech, 'adjudicate', { payment: 'cash' });
  await step(p.tech, 'record_fill', { scan: gs1For(rx.ndc10, rx.lot, inDays(365)) });
  await step(p.rph, 'verify_final', { password: PASSWORD });
  if (until === 'sold')
    await step(p.tech, 'sell', {
      pickup: {
        patientId: p.patientId,
        birthDateConfirmed: '1970-02-03',
        signature: 'Rita Refill',
        counseling: 'accepted',
        idNumber: 'D1234567',
      },
    });
  return { fillId, prescriptionId: created.json().prescription.id as string };
}
