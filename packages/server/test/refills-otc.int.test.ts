import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleAdapter, deliverNotifications } from '../src/modules/prescriptions/delivery';
import { newId, nowIso } from '../src/platform/ids';
import { createTestApp, type TestApp } from './helpers';
import { driveFill, inDays, type Pharmacy, pharmacyFixture, stock } from './rx-helpers';

// Real NDCs (CMS NADAC 2025 via the starter catalogue): lisinopril 2.5 mg tablet; NADAC pseudoephedrine 30 mg tablet.
const LISINOPRIL = {
  ndc11: '00591040501',
  ndc10: '0591-0405-01',
  sig: '1 tab po daily',
  quantity: 30,
  lot: 'LIS1',
  description: 'Lisinopril 2.5 mg',
};
const PSE = '00904699061';

describe(`refills, auto-refill, notifications, OTC and CMEA (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let p: Pharmacy;
  beforeAll(async () => {
    t = await createTestApp();
    p = await pharmacyFixture(t);
    await stock(p, LISINOPRIL.ndc11, 'LIS1');
  });
  afterAll(() => t.close());

  it('refuses a refill that is too soon, naming the earliest date, and accepts it when due', async () => {
    const { prescriptionId, fillId } = await driveFill(p, { ...LISINOPRIL, refills: 1 });
    const early = await p.tech.post(`/api/prescriptions/${prescriptionId}/refills`, { source: 'phone' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('refill_too_soon');
    expect(early.json().earliestDate).toBe(inDays(23)); // 75% of 30 days
    // Pretend the first fill was dispensed 25 days ago.
    const past = new Date(Date.now() - 25 * 86_400_000).toISOString();
    await t.db
      .updateTable('fills')
      .set({ dispensed_at: past, sold_at: past })
      .where('id', '=', fillId)
      .execute();
    const due = await p.tech.post(`/api/prescriptions/${prescriptionId}/refills`, { source: 'phone' });
    expect(due.statusCode, due.body).toBe(201);
    expect(due.json().fill).toMatchObject({ fill_number: 1, state: 'claim' });
    // A second request while fill 1 is in progress is refused.
    expect((await p.tech.post(`/api/prescriptions/${prescriptionId}/refills`, {})).json().code).toBe(
      'fill_in_progress',
    );
  });

  it('sends a renewal request to the prescriber when no refills remain', async () => {
    const { prescriptionId, fillId } = await driveFill(p, { ...LISINOPRIL, refills: 0 });
    const past = new Date(Date.now() - 29 * 86_400_000).toISOString();
    await t.db
      .updateTable('fills')
      .set({ dispensed_at: past, sold_at: past })
      .where('id', '=', fillId)
      .execute();
    const res = await p.tech.post(`/api/prescriptions/${prescriptionId}/refills`, { source: 'web' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'no_refills', renewalRequested: true });
    const out = await t.db
      .selectFrom('erx_messages')
      .select(['message_type', 'status'])
      .where('prescription_id', '=', prescriptionId)
      .execute();
    expect(out).toEqual([{ message_type: 'RxRenewalRequest', status: 'queued' }]);
    const notes = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('patient_id', '=', p.patientId)
      .execute();
    expect(notes.map((n) => n.kind)).toContain('renewal_requested');
  });

  it('auto-refills due prescriptions of enrolled patients and delivers notifications', async () => {
    const { prescriptionId, fillId } = await driveFill(p, { ...LISINOPRIL, refills: 3 });
    const past = new Date(Date.now() - 28 * 86_400_000).toISOString();
    await t.db
      .updateTable('fills')
      .set({ dispensed_at: past, sold_at: past })
      .where('id', '=', fillId)
      .execute();
    await t.db
      .updateTable('patients')
      .set({ preferences_json: JSON.stringify({ autoRefill: true }) })
      .where('id', '=', p.patientId)
      .execute();
    const run = (await p.tech.post('/api/jobs/auto-refill')).json();
    expect(run.queued.map((q: { prescriptionId: string }) => q.prescriptionId)).toContain(prescriptionId);
    const lines: string[] = [];
    const delivered = await deliverNotifications(t.db, [consoleAdapter((s) => lines.push(s))]);
    expect(delivered.sent).toBeGreaterThan(0);
    expect(lines.join('')).toMatch(/refill_due/);
    expect(
      (await t.db.selectFrom('notifications').select('id').where('status', '=', 'pending').execute()).length,
    ).toBe(0);
  });

  it('sells pseudoephedrine within the CMEA limits and refuses past them with the reason', async () => {
    const productId = newId();
    const at = nowIso();
    await t.db
      .insertInto('drug_products')
      .values({
        id: productId,
        product_key: '009046990',
        product_ndc: '00904-6990',
        product_type: 'HUMAN OTC DRUG',
        proprietary_name: null,
        proprietary_name_suffix: null,
        nonproprietary_name: 'Pseudoephedrine Hydrochloride',
        dosage_form: 'TABLET',
        route: 'ORAL',
        labeler: null,
        marketing_category: null,
        application_number: null,
        marketing_start: null,
        marketing_end: null,
        dea_schedule: null,
        pharm_classes_json: '[]',
        ingredients_json: JSON.stringify([
          {
            name: 'PSEUDOEPHEDRINE HYDROCHLORIDE',
            value: 30,
            unit: 'mg',
            denominatorValue: 1,
            denominatorUnit: '1',
          },
        ]),
        rxcui: null,
        ingredient_rxcuis_json: '[]',
        niosh_group: null,
        listing_certified_through: null,
        source: 'test',
        row_hash: 'test',
        is_active: 1,
        obsolete_at: null,
        last_run_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.db
      .insertInto('drug_packages')
      .values({
        ndc11: PSE,
        product_id: productId,
        ndc10: '0904-6990-61',
        gtin14: null,
        description: 'NADAC: PSEUDOEPHEDRINE 30 MG TABLET',
        quantity: null,
        quantity_unit: null,
        unit_of_use: null,
        marketing_start: null,
        marketing_end: null,
        is_sample: 0,
        awp_cents: null,
        wac_cents: null,
        acquisition_per_unit: '0.05222',
        price_unit: 'EA',
        price_source: 'NADAC',
        price_date: '2025',
        source: 'test',
        row_hash: 'test',
        is_active: 1,
        obsolete_at: null,
        last_run_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await stock(p, PSE, 'PSE1', 1000);
    const purchaser = {
      name: 'Pat Buyer',
      address: '1 Test St, Springfield IL',
      idType: 'drivers_license',
      idNumber: 'D555',
      signature: 'Pat Buyer',
    };
    const noId = await p.tech.post('/api/otc/sales', {
      siteId: p.site,
      items: [{ ndc11: PSE, quantity: 24 }],
    });
    expect(noId.json().code).toBe('cmea_identity_required');
    // 120 × 30 mg HCl tablets ≈ 2.95 g base: allowed; another 24 the same day passes 3.6 g → refused.
    const ok = await p.tech.post('/api/otc/sales', {
      siteId: p.site,
      items: [{ ndc11: PSE, quantity: 120 }],
      purchaser,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const over = await p.tech.post('/api/otc/sales', {
      siteId: p.site,
      items: [{ ndc11: PSE, quantity: 48 }],
      purchaser,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'cmea_limit', limit: 'daily' });
    expect(over.json().detail).toMatch(/3\.6 g per day/);
    const log = await t.db.selectFrom('pse_sales').selectAll().where('id_number', '=', 'D555').execute();
    expect(log).toHaveLength(1);
    const refusals = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'otc.cmea_refused')
      .execute();
    expect(refusals).toHaveLength(1);
  });
});
