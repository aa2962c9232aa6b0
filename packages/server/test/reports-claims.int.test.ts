import { makeTestNpi } from '@apotheca/core/identifiers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimsWorld, type Client, INSULIN_LISPRO_NDC, startClaimsWorld } from './claims-helpers';
import { patientBody } from './helpers';

// Real NDCs (starter catalogue); BINs/PCNs/members are the TEST values of payer-sim/plans.example.json.
const NDC = {
  insulinLispro: INSULIN_LISPRO_NDC,
  omeprazole: '00781286801',
  sildenafil: '00093551798',
  lisinopril: '00591040501',
  warfarin: '00093171601',
};
const SITE_NPI = (() => {
  const r = makeTestNpi('155555556');
  return r.ok && r.npi ? r.npi : '';
})();
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Claims per payer and per reject code (GET /api/reports/claims) and the enriched claims worklist rows, from claims
 * billed through the API against the payer simulator process.
 */
describe(`dashboard report: claims per payer and reject code (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let site: string;
  let tech: Client;
  let prescriber: string;
  const claimIds: Record<string, string> = {};

  let world: ClaimsWorld | undefined;

  beforeAll(async () => {
    world = await startClaimsWorld(SITE_NPI);
    ({ site, tech, prescriber } = world);

    const patient = async (
      first: string,
      last: string,
      birthDate: string,
      sex: string,
      coverages: { payerName: string; bin: string; pcn: string; memberId: string; priority: number }[],
    ) => {
      const id = (
        await tech.post(
          '/api/patients',
          patientBody(site, { firstName: first, lastName: last, birthDate, sex }),
        )
      ).json().id as string;
      const ids: string[] = [];
      for (const c of coverages) {
        const r = await tech.post(`/api/patients/${id}/coverages`, {
          ...c,
          groupId: c.bin === '999999' ? 'DEMOGRP' : undefined,
          personCode: '001',
          relationship: '1',
        });
        expect(r.statusCode, r.body).toBe(201);
        ids.push(r.json().id ?? r.json().item?.id);
      }
      return { id, coverages: ids };
    };
    const fill = async (patientId: string, ndc11: string, quantity: number, daysSupply: number) => {
      const r = await tech.post('/api/prescriptions', {
        siteId: site,
        origin: 'written',
        patientId,
        prescriberId: prescriber,
        drugDescription: `Prescribed ${ndc11}`,
        ndc11,
        sigText: '1 po daily',
        quantity,
        daysSupply,
        refillsAuthorized: 2,
        writtenDate: today(),
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().fill.id as string;
    };
    const bill = async (
      name: string,
      fillId: string,
      expected: string,
      body: Record<string, unknown> = {},
    ) => {
      const r = await tech.post(`/api/fills/${fillId}/claims`, body);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().status, `${name}: ${r.body}`).toBe(expected === 'paid' ? 'paid' : 'rejected');
      if (expected !== 'paid')
        expect(r.json().rejects.map((x: { code: string }) => x.code)).toEqual([expected]);
      claimIds[name] = r.json().claimId;
    };

    const garcia = await patient('Maria', 'Garcia', '1958-03-14', 'female', [
      { payerName: 'Test Commercial', bin: '999999', pcn: 'APOTEST', memberId: 'TESTGARCIA01', priority: 1 },
    ]);
    await bill('insulin', await fill(garcia.id, NDC.insulinLispro, 10, 30), 'paid');
    await bill('sildenafil', await fill(garcia.id, NDC.sildenafil, 30, 30), '70');
    const lisinopril = await fill(garcia.id, NDC.lisinopril, 120, 120);
    await bill('lisinopril', lisinopril, '76');
    await bill('lisinopril', lisinopril, 'paid', { quantity: 90, daysSupply: 90 });
    const johnson = await patient('James', 'Johnson', '1947-11-02', 'male', [
      { payerName: 'Test Commercial', bin: '999999', pcn: 'APOTEST', memberId: 'TESTJOHNSON1', priority: 1 },
      { payerName: 'Test Secondary', bin: '999998', pcn: 'APOTEST2', memberId: 'TESTJOHNSON2', priority: 2 },
    ]);
    await bill('warfarin', await fill(johnson.id, NDC.warfarin, 30, 30), 'paid');
    // The secondary plan billed as if it were primary: 41, another plan pays first. The same claim is then billed
    // to the primary plan and paid — the 41 still belongs to the secondary plan.
    const omeprazole = await fill(johnson.id, NDC.omeprazole, 30, 30);
    await bill('omeprazole', omeprazole, '41', { coverageId: johnson.coverages[1] });
    await bill('omeprazole', omeprazole, 'paid', { coverageId: johnson.coverages[0] });
  }, 120_000);
  afterAll(async () => {
    await world?.stop();
  });

  const report = (query = '') => tech.get(`/api/reports/claims?siteId=${site}${query}`);

  it('counts every submission per payer and per reject code, with reject rates and totals', async () => {
    const r = await report();
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    // Seven submissions: insulin paid; sildenafil 70; lisinopril 76 then paid at 90/90; warfarin paid;
    // omeprazole 41 from the secondary plan, then paid by the primary.
    expect(body.totals).toEqual({
      submitted: 7,
      paid: 4,
      captured: 0,
      rejected: 3,
      unknown: 0,
      rejectRate: 3 / 7,
    });
    expect(body.payers).toEqual([
      {
        key: '999999/APOTEST',
        bin: '999999',
        pcn: 'APOTEST',
        payerName: 'Test Commercial',
        submitted: 6,
        paid: 4,
        captured: 0,
        rejected: 2,
        unknown: 0,
        rejectRate: 1 / 3,
      },
      {
        key: '999998/APOTEST2',
        bin: '999998',
        pcn: 'APOTEST2',
        payerName: 'Test Secondary',
        submitted: 1,
        paid: 0,
        captured: 0,
        rejected: 1,
        unknown: 0,
        rejectRate: 1,
      },
    ]);
    const codes = Object.fromEntries(body.rejectCodes.map((c: { code: string }) => [c.code, c]));
    expect(Object.keys(codes).sort()).toEqual(['41', '70', '76']);
    expect(codes['70']).toMatchObject({
      rejections: 1,
      share: 1 / 7,
      payers: [{ key: '999999/APOTEST', payerName: 'Test Commercial', rejections: 1, rate: 1 / 6 }],
    });
    expect(codes['41']).toMatchObject({
      rejections: 1,
      payers: [
        { key: '999998/APOTEST2', bin: '999998', payerName: 'Test Secondary', rejections: 1, rate: 1 },
      ],
    });
    expect(codes['76'].description).toMatch(/limit/i);
  });

  it('keeps to the window', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const empty = (await report(`&from=${encodeURIComponent(future)}`)).json();
    expect(empty.totals).toMatchObject({ submitted: 0, rejectRate: null });
    expect(empty.payers).toEqual([]);
    expect(empty.rejectCodes).toEqual([]);
    expect((await report('&days=367')).statusCode).toBe(400);
  });

  it('claims worklist rows name the patient and drug and carry the copay (no lookup per row)', async () => {
    const items = (await tech.get(`/api/claims?siteId=${site}&status=paid`)).json().items as Record<
      string,
      unknown
    >[];
    const insulin = items.find((c) => c.claimId === claimIds.insulin);
    // Tier-2 copay $15.00 (plans.example.json), all of the patient's share.
    expect(insulin).toMatchObject({
      patientName: 'Garcia, Maria',
      patientPayCents: 1500,
      copayCents: 1500,
      coinsuranceCents: null,
      ndc11: NDC.insulinLispro,
      payerName: 'Test Commercial',
    });
    expect(String(insulin?.drugName)).toMatch(/lispro|humalog/i);
    expect(insulin).toMatchObject({ drugStrength: '100 {unit}/mL', drugForm: 'VIAL' });
    const rejected = (await tech.get(`/api/claims?siteId=${site}&status=rejected`)).json().items;
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      patientName: 'Garcia, Maria',
      copayCents: null,
      rejectCodes: ['70'],
      ndc11: NDC.sildenafil,
    });
    expect(String(rejected[0].drugName)).toMatch(/sildenafil|revatio/i);
    expect(rejected[0].drugForm).toMatch(/TABLET/);
    const omeprazole = items.find((c) => c.claimId === claimIds.omeprazole);
    expect(omeprazole).toMatchObject({ patientName: 'Johnson, James', bin: '999999' });
    expect(String(omeprazole?.drugName)).toMatch(/omeprazole/i);
    expect(omeprazole?.drugForm).toMatch(/CAPSULE/);
  });
});
