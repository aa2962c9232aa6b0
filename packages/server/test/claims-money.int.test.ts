import fs from 'node:fs';
import { makeTestNpi } from '@apotheca/core/identifiers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { type RunningSim, spawnPayerSim } from '../src/payer-sim/spawn';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  PASSWORD,
  patientBody,
  type TestApp,
} from './helpers';

// Real NDCs (CMS NADAC 2025, starter catalogue); BIN 999999 / member TESTGARCIA01 are TEST values (plans.example.json).
const LISINOPRIL = '00591040501';
const INSULIN = '00002773701';
const WARFARIN = '00093171601';
const OMEPRAZOLE = '00781286801';
const isoIn = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const PLANS = new URL('../payer-sim/plans.example.json', import.meta.url);

describe(`money safety: reversal, timeouts, idempotency (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let sim: RunningSim;
  let site: string;
  let tech: ReturnType<typeof as>;
  let rph: ReturnType<typeof as>;
  let patientId: string;
  let prescriberId: string;

  beforeAll(async () => {
    [sim, t] = await Promise.all([spawnPayerSim(PLANS.pathname), createTestApp()]);
    await loadStarterCatalogue(t.db);
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    const npi = makeTestNpi('155555555');
    await t.db
      .updateTable('sites')
      .set({ npi: npi.ok ? npi.npi : null })
      .where('id', '=', site)
      .execute();
    const user = async (role: 'technician' | 'pharmacist' | 'admin') =>
      as(t.app, await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role }])).username));
    tech = await user('technician');
    rph = await user('pharmacist');
    const admin = await user('admin');
    // A short timeout so the fault-mode tests run quickly.
    expect(
      (
        await admin.put('/api/payer-endpoints', {
          bin: '999999',
          url: `tcp://127.0.0.1:${sim.tcpPort}`,
          timeoutMs: 400,
        })
      ).statusCode,
    ).toBe(200);
    patientId = (
      await tech.post(
        '/api/patients',
        patientBody(site, { firstName: 'Maria', lastName: 'Garcia', birthDate: '1958-03-14', sex: 'female' }),
      )
    ).json().id;
    const cov = await tech.post(`/api/patients/${patientId}/coverages`, {
      payerName: 'TEST COMMERCIAL',
      bin: '999999',
      pcn: 'APOTEST',
      groupId: 'DEMOGRP',
      memberId: 'TESTGARCIA01',
      priority: 1,
    });
    expect(cov.statusCode).toBe(201);
    prescriberId = (
      await tech.post('/api/prescribers', {
        siteId: site,
        firstName: 'Elena',
        lastName: 'Rossi',
        npi: '1558598797',
        isTestIdentifier: true,
      })
    ).json().id;
    expect(
      (
        await rph.post('/api/inventory/adjustments', {
          siteId: site,
          ndc11: LISINOPRIL,
          lot: 'LIS1',
          expiry: isoIn(300),
          location: 'SHELF',
          quantity: 1000,
          reason: 'opening stock',
        })
      ).statusCode,
    ).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  const newFill = async (ndc11: string, quantity: number, daysSupply: number) => {
    const r = await tech.post('/api/prescriptions', {
      siteId: site,
      origin: 'written',
      patientId,
      prescriberId,
      drugDescription: `Drug ${ndc11}`,
      ndc11,
      sigText: '1 tab po daily',
      quantity,
      daysSupply,
      writtenDate: isoIn(0),
    });
    expect(r.statusCode, r.body).toBe(201);
    return { fillId: r.json().fill.id as string, rxNumber: String(r.json().prescription.rx_number) };
  };
  const simClaims = async (rx: string) =>
    (
      (await (await fetch(`${sim.adminUrl}/admin/claims`)).json()) as {
        claims: { rxNumber: string; status: string }[];
      }
    ).claims.filter((c) => c.rxNumber === rx);
  const fault = (body: Record<string, unknown>) =>
    fetch(`${sim.adminUrl}/admin/fault`, { method: 'POST', body: JSON.stringify(body) });
  const fillStatus = async (id: string) =>
    (await t.db.selectFrom('fills').select('claim_status').where('id', '=', id).executeTakeFirstOrThrow())
      .claim_status;

  it('reverses the paid claim after the prescription is returned to stock', async () => {
    const { fillId, rxNumber } = await newFill(LISINOPRIL, 30, 30);
    const step = (who: typeof tech, action: string, body: Record<string, unknown> = {}) =>
      who.post(`/api/fills/${fillId}/actions/${action}`, body);
    expect((await step(tech, 'accept_intake')).statusCode).toBe(200);
    expect(
      (
        await tech.put(`/api/fills/${fillId}/entry`, {
          ndc11: LISINOPRIL,
          sigText: '1 tab po daily',
          quantity: 30,
          daysSupply: 30,
          refillsAuthorized: 0,
        })
      ).statusCode,
    ).toBe(200);
    expect((await step(tech, 'submit_entry')).statusCode).toBe(200);
    expect((await step(rph, 'verify_data')).statusCode).toBe(200);
    // Billing before the fill (workflow state "claim").
    const billed = await tech.post(`/api/fills/${fillId}/claims`, {});
    expect(billed.json()).toMatchObject({ status: 'paid' });
    expect((await step(tech, 'adjudicate', { payment: 'claim' })).statusCode).toBe(200);
    expect(
      (await step(tech, 'record_fill', { scan: LISINOPRIL, lot: 'LIS1', expiry: isoIn(300) })).statusCode,
    ).toBe(200);
    expect((await step(rph, 'verify_final', { password: PASSWORD })).statusCode).toBe(200);
    expect((await step(tech, 'return_to_stock', { reason: 'not picked up in 10 days' })).statusCode).toBe(
      200,
    );
    // The workflow reverses the claim itself once the stock is back (B2 to the payer).
    expect((await simClaims(rxNumber)).map((c) => c.status)).toEqual(['reversed']);
    expect(await fillStatus(fillId)).toBe('reversed');
    const detail = (await tech.get(`/api/claims/${billed.json().claimId}`)).json();
    expect(detail.transmissions.map((x: { kind: string }) => x.kind)).toEqual(['B1', 'B2']);
    expect(detail.transmissions[1].request.startsWith('999999D0B2')).toBe(true);
    // Reversing again sends nothing: nothing is paid any more.
    expect(
      (await tech.post(`/api/fills/${fillId}/claims/reverse`, { reason: 'again' })).json().claims[0].outcome,
    ).toBe('skipped');
  });

  it('a timeout during billing ends with exactly one paid claim at the payer (reverse, then resubmit)', async () => {
    const { fillId, rxNumber } = await newFill(INSULIN, 10, 30);
    // The payer adjudicates and pays, but the answer never arrives.
    await fault({ bin: '999999', mode: 'timeout', count: 1 });
    const first = await tech.post(`/api/fills/${fillId}/claims`, {});
    expect(first.statusCode, first.body).toBe(504);
    expect(first.json().code).toBe('claim_status_unknown');
    expect(await fillStatus(fillId)).toBe('unknown');
    expect((await simClaims(rxNumber)).map((c) => c.status)).toEqual(['paid']);

    const second = await tech.post(`/api/fills/${fillId}/claims`, {});
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'paid', reversedFirst: true });
    const atPayer = await simClaims(rxNumber);
    expect(atPayer.filter((c) => c.status === 'paid')).toHaveLength(1);
    expect(atPayer.map((c) => c.status)).toEqual(['reversed', 'paid']);
    const detail = (await tech.get(`/api/claims/${second.json().claimId}`)).json();
    expect(
      detail.transmissions.map((x: { kind: string; status: string }) => `${x.kind}:${x.status}`),
    ).toEqual(['B1:unknown', 'B2:received', 'B1:received']);
    expect(detail.transmissions.map((x: { idempotencyKey: string }) => x.idempotencyKey)).toEqual([
      `${fillId}:1:1`,
      `${fillId}:1:2`,
      `${fillId}:1:3`,
    ]);
    // Billing once more is a no-op: no new transmission, still one paid claim.
    expect((await tech.post(`/api/fills/${fillId}/claims`, {})).json().idempotent).toBe(true);
    expect((await simClaims(rxNumber)).filter((c) => c.status === 'paid')).toHaveLength(1);
    expect(await fillStatus(fillId)).toBe('paid');
  });

  it('a dropped connection after adjudication is handled the same way', async () => {
    const { fillId, rxNumber } = await newFill(WARFARIN, 30, 30);
    await fault({ bin: '999999', mode: 'drop', count: 1 });
    expect((await tech.post(`/api/fills/${fillId}/claims`, {})).statusCode).toBe(504);
    expect((await tech.post(`/api/fills/${fillId}/claims`, {})).json()).toMatchObject({
      status: 'paid',
      reversedFirst: true,
    });
    expect((await simClaims(rxNumber)).filter((c) => c.status === 'paid')).toHaveLength(1);
  });

  it('a request lost before the payer saw it: the recovery reversal answers 87 (not paid), then the claim bills', async () => {
    const { fillId, rxNumber } = await newFill(OMEPRAZOLE, 30, 30);
    await fault({ bin: '999999', mode: 'timeout', stage: 'before', count: 1 });
    expect((await tech.post(`/api/fills/${fillId}/claims`, {})).statusCode).toBe(504);
    expect(await simClaims(rxNumber)).toEqual([]);
    // Recovery reversal answers 87 (no such claim): that is a confirmed "not paid", and the B1 follows.
    const r = await tech.post(`/api/fills/${fillId}/claims`, {});
    expect(r.json()).toMatchObject({ status: 'paid', reversedFirst: true });
    expect((await simClaims(rxNumber)).map((c) => c.status)).toEqual(['paid']);
  });

  it('two simultaneous billing requests for one fill send one claim', async () => {
    const { fillId, rxNumber } = await newFill(LISINOPRIL, 30, 30);
    await fault({ bin: '999999', mode: 'none', latencyMs: 150, count: 2 });
    const [a, b] = await Promise.all([
      tech.post(`/api/fills/${fillId}/claims`, {}),
      tech.post(`/api/fills/${fillId}/claims`, {}),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toBe('claim_in_flight');
    await fault({ bin: '999999', mode: 'none', latencyMs: 0 });
    expect((await simClaims(rxNumber)).length).toBe(1);
  });
});

it('the example plans file used by these tests exists', () => {
  expect(fs.existsSync(PLANS)).toBe(true);
});
