import { makeTestNpi } from '@apotheca/core/identifiers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../src/payer-sim/spawn';
import { newId, nowIso } from '../src/platform/ids';
import { type ClaimsWorld, type Client, INSULIN_LISPRO_NDC, startClaimsWorld } from './claims-helpers';
import { patientBody, type TestApp } from './helpers';

// Real NDCs (CMS NADAC 2025, starter catalogue). BINs/PCNs/members are the TEST values of plans.example.json.
const NDC = {
  lisinopril: '00591040501',
  warfarin: '00093171601',
  naproxen: '49483061901',
  amoxicillin: '00143988815',
  omeprazole: '00781286801',
  esomeprazole: '00093645156',
  sildenafil: '00093551798',
  insulinLispro: INSULIN_LISPRO_NDC,
};
const num = (r: { ok: boolean; npi?: string }) => (r.ok && r.npi ? r.npi : '');
const OTHER_NPI = num(makeTestNpi('198765432'));
const SITE_NPI = num(makeTestNpi('155555555'));
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Reject {
  code: string;
  plain: string;
  nextAction: Record<string, unknown> & { kind: string };
}

describe(`claims lifecycle against the payer simulator process (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let sim: RunningSim;
  let site: string;
  let tech: Client;
  let rph: Client;
  let pic: Client;
  let prescriber: string;

  let world: ClaimsWorld | undefined;

  beforeAll(async () => {
    world = await startClaimsWorld(SITE_NPI);
    ({ t, sim, site, tech, prescriber } = world);
    [rph, pic] = [await world.user('pharmacist'), await world.user('pharmacist_in_charge')];
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  const patient = async (
    first: string,
    last: string,
    birthDate: string,
    sex: string,
    coverages: { bin: string; pcn: string; member: string; group?: string; priority: number }[],
  ) => {
    const id = (
      await tech.post(
        '/api/patients',
        patientBody(site, { firstName: first, lastName: last, birthDate, sex }),
      )
    ).json().id as string;
    const cov: string[] = [];
    for (const c of coverages) {
      const r = await tech.post(`/api/patients/${id}/coverages`, {
        payerName: `TEST ${c.bin}`,
        bin: c.bin,
        pcn: c.pcn,
        memberId: c.member,
        ...(c.group ? { groupId: c.group } : {}),
        personCode: '001',
        relationship: '1',
        priority: c.priority,
      });
      expect(r.statusCode, r.body).toBe(201);
      cov.push(r.json().id ?? r.json().item?.id);
    }
    return { id, coverages: cov };
  };
  const COMM = (member: string, priority = 1) => ({
    bin: '999999',
    pcn: 'APOTEST',
    member,
    group: 'DEMOGRP',
    priority,
  });
  const fill = async (
    patientId: string,
    ndc11: string,
    quantity: number,
    daysSupply: number,
    prescriberId = prescriber,
  ) => {
    const r = await tech.post('/api/prescriptions', {
      siteId: site,
      origin: 'written',
      patientId,
      prescriberId,
      drugDescription: `Drug ${ndc11}`,
      ndc11,
      sigText: '1 po daily',
      quantity,
      daysSupply,
      refillsAuthorized: 2,
      writtenDate: isoIn(0),
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().fill.id as string;
  };
  const bill = (who: Client, fillId: string, body: Record<string, unknown> = {}) =>
    who.post(`/api/fills/${fillId}/claims`, body);
  const simClaims = async (rx?: string) =>
    (
      (await (await fetch(`${sim.adminUrl}/admin/claims`)).json()) as {
        claims: { rxNumber: string; status: string; otherCoverageCode: string; paNumber: string }[];
      }
    ).claims.filter((c) => !rx || c.rxNumber === rx);
  const only = (r: { json(): { rejects: Reject[] } }) => {
    const rejects = r.json().rejects;
    expect(rejects).toHaveLength(1);
    return rejects[0] as Reject;
  };

  it('pays a claim with a copay, stores both messages verbatim, and is idempotent per fill', async () => {
    const p = await patient('Maria', 'Garcia', '1958-03-14', 'female', [COMM('TESTGARCIA01')]);
    const f = await fill(p.id, NDC.insulinLispro, 10, 30);
    const r = await bill(tech, f);
    expect(r.statusCode, r.body).toBe(200);
    // NADAC $2.40209/mL × 10 mL = 2402¢ + plan fee 150¢ = 2552¢ allowed; tier-2 copay $15.00; plan pays the rest.
    expect(r.json()).toMatchObject({
      status: 'paid',
      patientPayCents: 1500,
      planPayCents: 1052,
      idempotent: false,
    });
    const fillRow = await t.db
      .selectFrom('fills')
      .select('claim_status')
      .where('id', '=', f)
      .executeTakeFirstOrThrow();
    expect(fillRow.claim_status).toBe('paid');
    const detail = (await tech.get(`/api/claims/${r.json().claimId}`)).json();
    expect(detail.transmissions).toHaveLength(1);
    expect(detail.transmissions[0].request.startsWith('999999D0B1APOTEST')).toBe(true);
    expect(detail.transmissions[0].request).toContain(`\x1cD7${NDC.insulinLispro}`);
    expect(detail.transmissions[0].response.startsWith('D0B11A01')).toBe(true);
    const again = await bill(tech, f);
    expect(again.json()).toMatchObject({ status: 'paid', idempotent: true, claimId: r.json().claimId });
    expect((await simClaims(detail.rxNumber)).length).toBe(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', r.json().claimId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('claim.b1');
  });

  it('70 not covered → formulary alternatives; 25 / 56 prescriber id → correct field DB', async () => {
    const p = await patient('Maria', 'Garcia', '1958-03-14', 'female', [COMM('TESTGARCIA01')]);
    const r70 = only(await bill(tech, await fill(p.id, NDC.sildenafil, 30, 30)));
    expect(r70).toMatchObject({ code: '70', nextAction: { kind: 'show-formulary-alternatives' } });
    expect(r70.plain).toMatch(/does not cover/);
    const bad = newId();
    await t.db
      .insertInto('prescribers')
      .values({
        id: bad,
        site_id: site,
        first_name: 'No',
        last_name: 'Npi',
        credential: null,
        npi: '1234567890',
        dea_number: null,
        state_license: null,
        specialty: null,
        phone: null,
        fax: null,
        is_test_identifier: 1,
        created_at: nowIso(),
        updated_at: nowIso(),
        supervising_prescriber_id: null,
        address_line1: null,
        city: null,
        state: null,
        postal_code: null,
      })
      .execute();
    expect(only(await bill(tech, await fill(p.id, NDC.omeprazole, 30, 30, bad)))).toMatchObject({
      code: '25',
      nextAction: { kind: 'correct-field', field: 'DB' },
    });
    const unknown = (
      await tech.post('/api/prescribers', {
        siteId: site,
        firstName: 'Ann',
        lastName: 'Other',
        npi: OTHER_NPI,
        isTestIdentifier: true,
      })
    ).json().id;
    expect(only(await bill(tech, await fill(p.id, NDC.omeprazole, 30, 30, unknown)))).toMatchObject({
      code: '56',
      nextAction: { kind: 'correct-field', field: 'DB' },
    });
  });

  it('75 → prior authorization case (patient told of the delay) → approved in the payer → resubmission pays', async () => {
    const p = await patient('Maria', 'Garcia', '1958-03-14', 'female', [COMM('TESTGARCIA01')]);
    const f = await fill(p.id, NDC.esomeprazole, 30, 30);
    const first = await bill(tech, f);
    const r75 = only(first);
    expect(r75).toMatchObject({
      code: '75',
      nextAction: { kind: 'open-prior-authorization', endpoint: { method: 'POST', path: '/api/pa-cases' } },
    });
    expect(r75.nextAction.alternatives).toEqual([
      { ndc11: NDC.omeprazole, description: 'Omeprazole DR capsule' },
    ]);
    const created = await tech.post('/api/pa-cases', {
      claimId: first.json().claimId,
      diagnosisCode: 'K21.9',
    });
    expect(created.statusCode, created.body).toBe(201);
    const pa = created.json().case;
    expect(pa).toMatchObject({
      status: 'needed',
      bin: '999999',
      ndc11: NDC.esomeprazole,
      member_id: 'TESTGARCIA01',
    });
    const note = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('patient_id', '=', p.id)
      .where('kind', '=', 'delay')
      .executeTakeFirst();
    expect(JSON.parse(note?.payload_json ?? '{}')).toMatchObject({
      reason: 'prior_authorization',
      paCaseId: pa.id,
    });
    expect((await tech.post('/api/pa-cases', { claimId: first.json().claimId })).json().existing).toBe(true);
    expect((await tech.post(`/api/pa-cases/${pa.id}/actions/approve`, { paNumber: 'X' })).statusCode).toBe(
      409,
    );
    const doc = await tech.post(`/api/pa-cases/${pa.id}/documents`, {
      contentType: 'application/pdf',
      filename: 'chart.pdf',
      base64: 'JVBERi0xLjQK',
    });
    expect(doc.statusCode).toBe(201);
    for (const a of ['send_to_prescriber', 'submit'])
      expect((await tech.post(`/api/pa-cases/${pa.id}/actions/${a}`, {})).statusCode).toBe(200);
    expect((await tech.post(`/api/pa-cases/${pa.id}/actions/approve`, {})).statusCode).toBe(400);
    // The payer approves the PA (its own system), the pharmacy records the PA number, and the claim pays.
    expect(
      (
        await fetch(`${sim.adminUrl}/admin/pa`, {
          method: 'POST',
          body: JSON.stringify({
            memberId: 'TESTGARCIA01',
            ndc11: NDC.esomeprazole,
            paNumber: 'PA7788',
            expiresOn: isoIn(365),
          }),
        })
      ).status,
    ).toBe(201);
    const approved = await tech.post(`/api/pa-cases/${pa.id}/actions/approve`, {
      paNumber: 'PA7788',
      expiresOn: isoIn(365),
    });
    expect(approved.json()).toMatchObject({
      status: 'approved',
      pa_number: 'PA7788',
      documentIds: [doc.json().documentId],
    });
    const paid = await bill(tech, f);
    expect(paid.json()).toMatchObject({ status: 'paid' });
    const [c] = (await simClaims()).filter((x) => x.status === 'paid' && x.paNumber === 'PA7788');
    expect(c).toBeDefined();
    const events = (await tech.get(`/api/pa-cases/${pa.id}`))
      .json()
      .events.map((e: { to_status: string }) => e.to_status);
    expect(events).toEqual(['needed', 'sent_to_prescriber', 'submitted', 'approved']);
    // Stalled-case reminders: an open case idle past the threshold is listed with a reminder.
    const other = (
      await tech.post('/api/pa-cases', {
        patientId: p.id,
        coverageId: p.coverages[0],
        ndc11: NDC.naproxen,
        notifyPatient: false,
      })
    ).json().case;
    await t.db
      .updateTable('pa_cases')
      .set({ last_activity_at: new Date(Date.now() - 5 * 86_400_000).toISOString() })
      .where('id', '=', other.id)
      .execute();
    const stalled = (await tech.get(`/api/pa-cases?stalledDays=3&siteId=${site}`)).json().items;
    expect(stalled.map((s: { id: string }) => s.id)).toEqual([other.id]);
    expect(stalled[0].reminder).toMatch(/No activity for 5 days/);
  });

  it('76 → proposes the allowed quantity and days, which then pays', async () => {
    const p = await patient('Linda', 'Nguyen', '1989-07-22', 'female', [COMM('TESTNGUYEN01')]);
    const f = await fill(p.id, NDC.lisinopril, 120, 120);
    const r76 = only(await bill(tech, f));
    expect(r76).toMatchObject({
      code: '76',
      nextAction: {
        kind: 'propose-allowed-quantity',
        allowedQuantity: 90,
        allowedDaysSupply: 90,
        proposal: { quantity: 90, daysSupply: 90 },
      },
    });
    const paid = await bill(tech, f, r76.nextAction.proposal as Record<string, unknown>);
    expect(paid.json().status).toBe('paid');
  });

  it('79 → earliest fill date (75% of a 10-day supply = day 8)', async () => {
    const p = await patient('Linda', 'Nguyen', '1989-07-22', 'female', [COMM('TESTNGUYEN01')]);
    const f0 = await fill(p.id, NDC.amoxicillin, 150, 10);
    expect((await bill(tech, f0)).json().status).toBe('paid');
    const first = await t.db.selectFrom('fills').selectAll().where('id', '=', f0).executeTakeFirstOrThrow();
    const refill = { ...first, id: newId(), fill_number: 1, claim_status: 'none', version: 1 };
    await t.db.insertInto('fills').values(refill).execute();
    const r79 = only(await bill(tech, refill.id));
    expect(r79).toMatchObject({
      code: '79',
      nextAction: { kind: 'show-earliest-fill-date', earliestFillDate: isoIn(8) },
    });
  });

  it('88 → only a pharmacist may override with DUR/PPS codes; the resubmission pays', async () => {
    const p = await patient('James', 'Johnson', '1947-11-02', 'male', [COMM('TESTJOHNSON1')]);
    expect((await bill(tech, await fill(p.id, NDC.warfarin, 30, 30))).json().status).toBe('paid');
    const f = await fill(p.id, NDC.naproxen, 30, 30);
    const r88 = only(await bill(tech, f));
    expect(r88).toMatchObject({
      code: '88',
      nextAction: { kind: 'pharmacist-dur-override', requiresPermission: 'claims.dur_override' },
    });
    expect((r88.nextAction.conflicts as unknown[])[0]).toMatchObject({
      reasonForServiceCode: 'DD',
      clinicalSignificanceCode: '1',
      freeText: 'WARFARIN 4 MG TABLET',
    });
    expect((r88.nextAction.resultOfServiceCodes as Record<string, string>)['1G']).toBe(
      'Filled with prescriber approval',
    );
    const override = { durOverride: { reasonCode: 'DD', professionalServiceCode: 'M0', resultCode: '1G' } };
    expect((await bill(tech, f, override)).statusCode).toBe(403);
    const ok = await bill(rph, f, override);
    expect(ok.json()).toMatchObject({ status: 'paid' });
    const detail = (await rph.get(`/api/claims/${ok.json().claimId}`)).json();
    expect(detail.transmissions.at(-1).request).toContain('\x1cE4DD\x1cE5M0\x1cE61G');
  });

  it('65 → run eligibility, which confirms the coverage ended', async () => {
    const p = await patient('Robert', 'Smith', '1972-01-30', 'male', [COMM('TESTSMITH001')]);
    const r65 = only(await bill(tech, await fill(p.id, NDC.lisinopril, 30, 30)));
    expect(r65).toMatchObject({
      code: '65',
      nextAction: { kind: 'run-eligibility', endpoint: { path: '/api/eligibility' } },
    });
    const e = await tech.post('/api/eligibility', { patientId: p.id });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({
      eligible: false,
      messages: expect.arrayContaining(['COVERAGE TERMINATED 2024-12-31']),
    });
    const g = await patient('Maria', 'Garcia', '1958-03-14', 'female', [COMM('TESTGARCIA01')]);
    expect((await tech.post('/api/eligibility', { patientId: g.id })).json().eligible).toBe(true);
  });

  it('41 → bill the other payer first, then the secondary with COB amounts', async () => {
    const p = await patient('James', 'Johnson', '1947-11-02', 'male', [
      { bin: '999998', pcn: 'APOTEST2', member: 'TESTJOHNSON2', priority: 1 },
    ]);
    const f = await fill(p.id, NDC.insulinLispro, 10, 30);
    const r41 = only(await bill(tech, f));
    expect(r41).toMatchObject({
      code: '41',
      nextAction: {
        kind: 'bill-other-payer-first',
        otherPayers: [{ bin: '999999', pcn: 'APOTEST', cardholderId: 'TESTJOHNSON1' }],
      },
    });
    // The technician adds the primary named by the payer and re-orders the coverages.
    await t.db.updateTable('patient_coverages').set({ priority: 2 }).where('patient_id', '=', p.id).execute();
    const primary = await tech.post(`/api/patients/${p.id}/coverages`, {
      payerName: 'TEST 999999',
      bin: '999999',
      pcn: 'APOTEST',
      groupId: 'DEMOGRP',
      memberId: 'TESTJOHNSON1',
      priority: 1,
    });
    expect(primary.statusCode).toBe(201);
    const paid = await bill(tech, f);
    expect(paid.json()).toMatchObject({ status: 'paid', patientPayCents: 1500, planPayCents: 1052 });
    const sec = await tech.post(`/api/fills/${f}/claims/secondary`, {});
    expect(sec.statusCode, sec.body).toBe(200);
    // Secondary: allowed 2552¢ − primary paid 1052¢ − own copay 200¢ = 1300¢, capped at the 1500¢ left → patient pays 200¢.
    expect(sec.json()).toMatchObject({
      status: 'paid',
      cobOrder: 2,
      planPayCents: 1300,
      patientPayCents: 200,
    });
    const secDetail = (await tech.get(`/api/claims/${sec.json().claimId}`)).json();
    expect(secDetail.transmissions[0].request).toContain('\x1cC82');
    expect(secDetail.transmissions[0].request).toContain('\x1c7C999999');
    const simSec = (await simClaims(secDetail.rxNumber)).filter((c) => c.status === 'paid');
    expect(simSec.map((c) => c.otherCoverageCode).sort()).toEqual(['', '2']);
  });

  it('worklist by reject code with explanations; reports by status/payer/reject code; reconciliation; CSV', async () => {
    const list = (await tech.get(`/api/claims?rejectCode=70&siteId=${site}`)).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].rejects[0].nextAction.kind).toBe('show-formulary-alternatives');
    expect(
      (await tech.get('/api/claims?status=paid'))
        .json()
        .items.every((c: { status: string }) => c.status === 'paid'),
    ).toBe(true);
    expect((await tech.get('/api/claims-reports/summary')).statusCode).toBe(403);
    const byReject = (await pic.get(`/api/claims-reports/summary?groupBy=rejectCode&siteId=${site}`)).json()
      .items;
    expect(byReject.map((g: { key: string }) => g.key)).toEqual(
      expect.arrayContaining(['70', '75', '76', '79', '88', '65', '41', '25', '56']),
    );
    const byPayer = (await pic.get('/api/claims-reports/summary?groupBy=payer')).json().items;
    expect(byPayer.map((g: { key: string }) => g.key)).toEqual(
      expect.arrayContaining(['999999 TEST 999999', '999998 TEST 999998']),
    );
    const rec = (await pic.get('/api/claims-reports/reconciliation')).json();
    expect(rec.lines.length).toBeGreaterThan(3);
    const insulin = rec.lines.find(
      (l: { ndc11: string; cobOrder: number }) => l.ndc11 === NDC.insulinLispro && l.cobOrder === 1,
    );
    // Expected = gross submitted (2402 + site fee 400 = 2802¢); paid = 1052 + 1500 = 2552¢ → 250¢ short (plan fee 150 vs 400 billed).
    expect(insulin).toMatchObject({ expectedCents: 2802, paidTotalCents: 2552, varianceCents: -250 });
    const csv = await pic.get('/api/claims-reports/reconciliation?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'claimId,dateOfService,rxNumber,fillNumber,cobOrder,bin,payerName,ndc11,authorizationNumber,expectedCents,planPayCents,patientPayCents,paidTotalCents,varianceCents',
    );
  });

  it('cash price: U&C from NADAC + markup + fee, and discount programs', async () => {
    await t.db
      .insertInto('discount_programs')
      .values({
        id: newId(),
        organization_id: (
          await t.db
            .selectFrom('sites')
            .select('organization_id')
            .where('id', '=', site)
            .executeTakeFirstOrThrow()
        ).organization_id,
        site_id: null,
        name: 'Club',
        kind: 'percent_off_uc',
        percent_bp: 2000,
        fee_cents: 0,
        active: 1,
        created_at: nowIso(),
      })
      .execute();
    const r = await tech.get(`/api/cash-price?siteId=${site}&ndc11=${NDC.insulinLispro}&quantity=10`);
    // 2402¢ × 1.25 = 3002.5 → 3003¢ (rounded half up by Math.round) + 400¢ fee = 3403¢; Club 20% off → 2722¢.
    expect(r.json()).toMatchObject({
      acquisitionCents: 2402,
      usualAndCustomaryCents: 3403,
      bestCents: 2722,
      bestProgram: 'Club',
    });
  });
});
