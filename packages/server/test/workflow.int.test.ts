import { ndc10ToGtin14 } from '@apotheca/core/ndc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  PASSWORD,
  type Session,
  type TestApp,
} from './helpers';

// Real NDCs from the starter catalogue (CMS NADAC 2025): amoxicillin 125 mg/5 mL suspension, lisinopril 2.5 mg tablet,
// oxycodone-acetaminophen 5/325 mg tablet (CII).
const AMOX = '00143988815';
const AMOX_NDC10 = '0143-9888-15';
const LISINOPRIL = '00591040501';
const OXY_APAP = '00406051201';
const GS = '\u001d';
const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');

describe(`prescription workflow intake → sold (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let tech: ReturnType<typeof as>;
  let rph: ReturnType<typeof as>;
  let patientId: string;
  let otherPatientId: string;
  let prescriberId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await loadStarterCatalogue(t.db);
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    const techS: Session = await login(
      t.app,
      (
        await buildUser(t.db, org, [{ siteId: site, role: 'technician' }], undefined, {
          csPrivileges: 'CII-V',
        })
      ).username,
    );
    const rphS: Session = await login(
      t.app,
      (
        await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }], undefined, {
          csPrivileges: 'CII-V',
        })
      ).username,
    );
    tech = as(t.app, techS);
    rph = as(t.app, rphS);
    patientId = (
      await tech.post('/api/patients', {
        siteId: site,
        firstName: 'Ana',
        lastName: 'Lopez',
        birthDate: '1990-04-02',
        sex: 'female',
      })
    ).json().id;
    otherPatientId = (
      await tech.post('/api/patients', {
        siteId: site,
        firstName: 'Ben',
        lastName: 'Moss',
        birthDate: '1985-09-09',
        sex: 'male',
      })
    ).json().id;
    expect(
      (
        await tech.post(`/api/patients/${patientId}/allergies`, {
          substance: 'penicillin',
          reaction: 'hives',
          severity: 'moderate',
        })
      ).statusCode,
    ).toBe(201);
    // Test-only identifiers (valid check digits): NPI 1558598797 is the CMS worked example; DEA AR1234563.
    prescriberId = (
      await tech.post('/api/prescribers', {
        siteId: site,
        firstName: 'Elena',
        lastName: 'Rossi',
        npi: '1558598797',
        deaNumber: 'AR1234563',
        isTestIdentifier: true,
      })
    ).json().id;
    expect(prescriberId).toBeTruthy();
    for (const [ndc11, lot] of [
      [AMOX, 'AMX1'],
      [OXY_APAP, 'OXY1'],
    ] as const) {
      const r = await rph.post('/api/inventory/adjustments', {
        siteId: site,
        ndc11,
        lot,
        expiry: inDays(300),
        location: 'SHELF',
        quantity: 1000,
        reason: 'opening stock',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  const newRx = async (extra: Record<string, unknown> = {}) => {
    const res = await tech.post('/api/prescriptions', {
      siteId: site,
      origin: 'written',
      patientId,
      prescriberId,
      drugDescription: 'Amoxicillin 125 mg/5 mL susp',
      writtenDate: inDays(0),
      document: { contentType: 'image/png', filename: 'rx.png', base64: tinyPng },
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().fill.id as string;
  };
  const step = (who: typeof tech, fillId: string, action: string, body: Record<string, unknown> = {}) =>
    who.post(`/api/fills/${fillId}/actions/${action}`, body);

  it('takes a written prescription from intake to sold with every gate enforced', async () => {
    const fillId = await newRx();
    expect((await step(tech, fillId, 'accept_intake')).statusCode).toBe(200);

    const entry = await tech.put(`/api/fills/${fillId}/entry`, {
      ndc11: AMOX,
      sigText: '5 mL po tid x10d',
      quantity: 150,
      refillsAuthorized: 0,
    });
    expect(entry.statusCode, entry.body).toBe(200);
    expect(entry.json().prescription.days_supply).toBe(10);
    const alerts = entry.json().alerts as { id: string; kind: string; requiresOverride: boolean }[];
    const allergy = alerts.find((a) => a.kind === 'drug-allergy');
    expect(allergy?.requiresOverride).toBe(true);
    expect((await step(tech, fillId, 'submit_entry')).statusCode).toBe(200);

    // A technician cannot verify.
    const techVerify = await step(tech, fillId, 'verify_data');
    expect(techVerify.statusCode).toBe(403);
    expect(techVerify.json().code).toBe('role_not_allowed');
    // An unresolved major alert blocks verification.
    const blocked = await step(rph, fillId, 'verify_data');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('unresolved_alerts');
    // Technicians cannot override alerts; pharmacists can, with a reason.
    expect(
      (
        await tech.post(`/api/fills/${fillId}/overrides`, {
          alertId: allergy?.id,
          reason: 'tolerated before',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await rph.post(`/api/fills/${fillId}/overrides`, {
          alertId: allergy?.id,
          reason: 'Prescriber aware; rash only, tolerated amoxicillin 2024',
        })
      ).statusCode,
    ).toBe(201);
    expect((await step(rph, fillId, 'verify_data')).statusCode).toBe(200);
    expect((await step(tech, fillId, 'adjudicate', { payment: 'cash' })).statusCode).toBe(200);

    // Wrong bottle scanned: refused and logged.
    const wrong = await step(tech, fillId, 'record_fill', {
      scan: LISINOPRIL,
      lot: 'L1',
      expiry: inDays(100),
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('scan_mismatch');
    // The right bottle, scanned as a GS1 DataMatrix (GTIN + expiry + lot + serial) with a group separator.
    const gtin = ndc10ToGtin14(AMOX_NDC10);
    expect(gtin.ok).toBe(true);
    const scan = `]d201${gtin.ok ? gtin.gtin14 : ''}17${yymmdd(inDays(300))}10AMX1${GS}21SERIAL01`;
    const filled = await step(tech, fillId, 'record_fill', { scan });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json().fill).toMatchObject({
      state: 'final_verification',
      lot: 'AMX1',
      ndc11_dispensed: AMOX,
    });
    const onHand = (await rph.get(`/api/inventory/on-hand?siteId=${site}&ndc11=${AMOX}`)).json();
    expect(JSON.stringify(onHand)).toContain('850');

    // Final verification: pharmacist only, with the password (e-signature).
    expect((await step(tech, fillId, 'verify_final', { password: PASSWORD })).statusCode).toBe(403);
    expect((await step(rph, fillId, 'verify_final')).statusCode).toBe(400);
    expect((await step(rph, fillId, 'verify_final', { password: 'wrong-password' })).statusCode).toBe(401);
    expect((await step(rph, fillId, 'verify_final', { password: PASSWORD })).statusCode).toBe(200);
    const sig = await t.db
      .selectFrom('signatures')
      .selectAll()
      .where('entity_id', '=', fillId)
      .executeTakeFirst();
    expect(sig?.meaning).toBe('verified');

    // Pickup: the wrong patient's bag is intercepted; the right one is sold.
    const pickup = { birthDateConfirmed: '1990-04-02', signature: 'Ana Lopez', counseling: 'accepted' };
    const wrongBag = await step(tech, fillId, 'sell', { pickup: { ...pickup, patientId: otherPatientId } });
    expect(wrongBag.json().code).toBe('wrong_patient');
    const sold = await step(tech, fillId, 'sell', { pickup: { ...pickup, patientId } });
    expect(sold.statusCode).toBe(200);
    expect(sold.json().fill.state).toBe('sold');

    const detail = (await rph.get(`/api/fills/${fillId}`)).json();
    expect(detail.scans.map((s: { result: string }) => s.result)).toEqual(['mismatch', 'match']);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'accept_intake',
      'submit_entry',
      'verify_data',
      'adjudicate',
      'record_fill',
      'verify_final',
      'sell',
    ]);
    const notes = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('patient_id', '=', patientId)
      .execute();
    expect(notes.map((n) => n.kind)).toContain('ready_for_pickup');
  });

  it('lets only one of two users move the same fill at the same moment', async () => {
    const fillId = await newRx();
    const [a, b] = await Promise.all([
      step(tech, fillId, 'accept_intake'),
      step(rph, fillId, 'accept_intake'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toMatch(/stale_version|illegal_transition/);
    const events = await t.db
      .selectFrom('fill_events')
      .select('action')
      .where('fill_id', '=', fillId)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses to fill a cancelled prescription', async () => {
    const fillId = await newRx();
    expect((await step(tech, fillId, 'cancel')).json().code).toBe('reason_required');
    expect((await step(tech, fillId, 'cancel', { reason: 'prescriber cancelled by phone' })).statusCode).toBe(
      200,
    );
    const res = await step(tech, fillId, 'record_fill', { scan: AMOX });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('illegal_transition');
  });

  it('refuses refills on a CII prescription (21 CFR 1306.12)', async () => {
    const fillId = await newRx({ drugDescription: 'Oxycodone-APAP 5/325' });
    await step(tech, fillId, 'accept_intake');
    const res = await tech.put(`/api/fills/${fillId}/entry`, {
      ndc11: OXY_APAP,
      sigText: '1 tab po q6h prn pain',
      quantity: 12,
      refillsAuthorized: 1,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('law_violation');
    expect(res.json().errors[0].field).toBe('refillsAuthorized');
    const ok = await tech.put(`/api/fills/${fillId}/entry`, {
      ndc11: OXY_APAP,
      sigText: '1 tab po q6h prn pain',
      quantity: 12,
      refillsAuthorized: 0,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().prescription.schedule).toBe('CII');
  });

  it('keeps the scanned original and refuses intake of another site’s patient', async () => {
    const fillId = await newRx();
    const rx = (await rph.get(`/api/fills/${fillId}`)).json().prescription;
    const doc = await t.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', rx.document_id)
      .executeTakeFirstOrThrow();
    expect(doc.content_base64).toBe(tinyPng);
    const org2 = await buildOrg(t.db);
    const site2 = await buildSite(t.db, org2);
    const res = await tech.post('/api/prescriptions', {
      siteId: site2,
      origin: 'phone',
      drugDescription: 'Lisinopril 10 mg',
      writtenDate: inDays(0),
    });
    expect(res.statusCode).toBe(404);
  });
});
