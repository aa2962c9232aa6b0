import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../src/platform/ids';
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

// Real NDCs (shared/data/nadac-2025-derived); GTIN-14 = indicator 0 + "03" + NDC10 + GS1 check digit.
const ATORVASTATIN = '00093505698'; // NDC10 0093-5056-98 → GTIN 00300935056982
const LISINOPRIL = '00591040501'; // NDC10 0591-0405-01 → GTIN 00305910405014
const GS = '\u001d';
const dscsa = { sellerName: 'Demo Wholesaler', transactionStatement: true };

describe(`receiving with GS1 scans, discrepancies and DSCSA quarantine (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let org: string;
  let buyer: Session;
  let rph: Session;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    buyer = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'buyer' }])).username);
    rph = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }])).username);
    // The site stocks these NDCs (this is how a GTIN's NDC layout is resolved without the catalogue).
    for (const ndc11 of [ATORVASTATIN, LISINOPRIL])
      await t.db
        .insertInto('inv_items')
        .values({
          site_id: site,
          ndc11,
          description: null,
          dea_schedule: null,
          package_qty: 90,
          unit_cost_micro: null,
          lead_time_days: 2,
          safety_days: 2,
          updated_at: nowIso(),
        })
        .execute();
  });
  afterAll(() => t.close());

  const receive = (body: Record<string, unknown>, s = buyer) =>
    as(t.app, s).post('/api/inventory/receipts', { siteId: site, ...body });

  it('reads DataMatrix scans with the GS separator, with ^ and with printed (AI) brackets', async () => {
    const res = await receive({
      dscsa,
      lines: [
        { scan: `]d2${'0100300935056982'}${'17290131'}${'10DEMO-ATV1'}${GS}${'21DEMOSN001'}`, quantity: 90 },
        { scan: '010030591040501421DEMOSN002^10DEMO-LIS1^17280630', quantity: 100 },
        { scan: '(01)00300935056982(17)290131(10)DEMO-ATV1(21)DEMOSN003', quantity: 90 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.quarantined).toBe(false);
    expect(
      body.movements.map((m: Record<string, unknown>) => [
        m.ndc11,
        m.lot,
        m.expiry,
        m.serial,
        m.location,
        m.quantity,
      ]),
    ).toEqual([
      [ATORVASTATIN, 'DEMO-ATV1', '2029-01-31', 'DEMOSN001', 'SHELF', 90],
      [LISINOPRIL, 'DEMO-LIS1', '2028-06-30', 'DEMOSN002', 'SHELF', 100],
      [ATORVASTATIN, 'DEMO-ATV1', '2029-01-31', 'DEMOSN003', 'SHELF', 90],
    ]);
  });

  it('names the bad element of a broken scan, and refuses a scan that disagrees with the typed lot', async () => {
    const bad = await receive({ dscsa, lines: [{ scan: '0100300935056982172913', quantity: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'lines[0].scan' });
    expect(bad.json().errors[0].reason).toMatch(/\(17\)/);
    const mismatch = await receive({
      dscsa,
      lines: [{ scan: `010030093505698210XYZ${GS}17290131`, lot: 'ABC', quantity: 1 }],
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().code).toBe('scan_mismatch');
  });

  it('an unknown GTIN layout asks for the NDC', async () => {
    // 0406-0512-01 (oxycodone/APAP) is not stocked here: three 11-digit readings are possible.
    const res = await receive({ dscsa, lines: [{ scan: '0100304060512016', quantity: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ndc_ambiguous');
  });

  it('quarantines lots received without DSCSA documentation, and when the TS is missing', async () => {
    const none = await receive({
      lines: [{ ndc11: LISINOPRIL, lot: 'DEMO-LIS2', expiry: '2028-06-30', quantity: 10 }],
    });
    expect(none.statusCode).toBe(201);
    expect(none.json().quarantined).toBe(true);
    expect(none.json().movements[0].location).toBe('QUARANTINE');
    expect(none.json().lines[0].quarantineReasons[0]).toMatch(/no DSCSA/);
    const noTs = await receive({
      dscsa: { ...dscsa, transactionStatement: false },
      lines: [{ ndc11: LISINOPRIL, lot: 'DEMO-LIS3', expiry: '2028-06-30', quantity: 10 }],
    });
    expect(noTs.json().lines[0].quarantineReasons).toContain('transaction statement missing');
  });

  it('records over/short/damaged against the PO and exports the supplier report as CSV', async () => {
    const supplier = newId();
    await t.db
      .insertInto('inv_suppliers')
      .values({
        id: supplier,
        organization_id: org,
        name: 'Demo Wholesaler',
        created_at: nowIso(),
        x12_id: null,
        x12_qualifier: null,
        dea_number: null,
        email: null,
      })
      .execute();
    const po = newId();
    await t.db
      .insertInto('inv_purchase_orders')
      .values({
        id: po,
        site_id: site,
        supplier_id: supplier,
        po_number: 'PO-1',
        status: 'sent',
        created_by: 'x',
        created_at: nowIso(),
        version: 1,
        dea_form_222_number: null,
        csos_order_number: null,
        sent_at: nowIso(),
        acknowledged_at: null,
      })
      .execute();
    await t.db
      .insertInto('inv_po_lines')
      .values([
        {
          id: newId(),
          po_id: po,
          line_no: 1,
          ndc11: ATORVASTATIN,
          packages_ordered: 2,
          package_qty: 90,
          package_cost_cents: 220,
          packages_acknowledged: null,
          packages_backordered: 0,
          units_received_milli: 0,
          ack_status: null,
        },
        {
          id: newId(),
          po_id: po,
          line_no: 2,
          ndc11: LISINOPRIL,
          packages_ordered: 1,
          package_qty: 100,
          package_cost_cents: 133,
          packages_acknowledged: null,
          packages_backordered: 0,
          units_received_milli: 0,
          ack_status: null,
        },
      ])
      .execute();
    const res = await receive({
      poId: po,
      dscsa,
      lines: [
        { ndc11: ATORVASTATIN, lot: 'DEMO-ATV2', expiry: '2029-03-31', quantity: 80, damagedQuantity: 10 },
        { ndc11: LISINOPRIL, lot: 'DEMO-LIS4', expiry: '2028-06-30', quantity: 120 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const kinds = res
      .json()
      .discrepancies.map((d: { kind: string; ndc11: string; quantity: number }) => [
        d.kind,
        d.ndc11,
        d.quantity,
      ]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['damaged', ATORVASTATIN, 10],
        ['short', ATORVASTATIN, 90],
        ['over', LISINOPRIL, 20],
      ]),
    );
    // Unit cost comes from the PO line: 220 cents / 90 units.
    expect(
      Number(
        (
          await t.db
            .selectFrom('inv_movements')
            .select('unit_cost_micro')
            .where('lot', '=', 'DEMO-ATV2')
            .executeTakeFirstOrThrow()
        ).unit_cost_micro,
      ),
    ).toBe(Math.round(2_200_000 / 90));
    const damaged = res.json().movements.find((m: { location: string }) => m.location === 'QUARANTINE');
    expect(damaged.quantity).toBe(10);
    const csv = await as(t.app, buyer).get(
      `/api/inventory/receipt-discrepancies?siteId=${site}&unreported=true&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toContain('kind');
    expect(csv.body).toContain(`short`);
    expect(
      (
        await t.db
          .selectFrom('inv_purchase_orders')
          .select('status')
          .where('id', '=', po)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('partially_received');
  });

  it('a returned product needs product-identifier verification before release from quarantine', async () => {
    const c = as(t.app, rph);
    const ret = await c.post('/api/inventory/movements', {
      siteId: site,
      type: 'return_from_patient',
      location: 'QUARANTINE',
      ndc11: ATORVASTATIN,
      lot: 'DEMO-ATV1',
      expiry: '2029-01-31',
      serial: 'DEMOSN001',
      quantity: 1,
    });
    expect(ret.statusCode, ret.body).toBe(201);
    const release = () =>
      c.post('/api/inventory/movements', {
        siteId: site,
        type: 'release',
        location: 'QUARANTINE',
        toLocation: 'SHELF',
        ndc11: ATORVASTATIN,
        lot: 'DEMO-ATV1',
        expiry: '2029-01-31',
        serial: 'DEMOSN001',
        quantity: 1,
      });
    expect((await release()).json().code).toBe('verification_required');
    const v = await c.post('/api/dscsa/verifications', {
      siteId: site,
      ndc11: ATORVASTATIN,
      lot: 'DEMO-ATV1',
      serial: 'DEMOSN001',
      method: 'vrs',
      result: 'verified',
    });
    expect(v.statusCode).toBe(201);
    expect(v.json().result).toBe('verified');
    expect((await release()).statusCode).toBe(201);
    // An identifier we never received fails and opens a suspect-product investigation.
    const f = await c.post('/api/dscsa/verifications', {
      siteId: site,
      ndc11: ATORVASTATIN,
      lot: 'FAKE-LOT',
      method: 'manual',
    });
    expect(f.json().result).toBe('failed');
    const inv = await c.get(`/api/dscsa/investigations?siteId=${site}`);
    expect(
      inv
        .json()
        .items.some((i: { lot: string; status: string }) => i.lot === 'FAKE-LOT' && i.status === 'open'),
    ).toBe(true);
  });

  it('a suspect-product investigation quarantines on-hand stock of the lot', async () => {
    const c = as(t.app, rph);
    const res = await c.post('/api/dscsa/investigations', {
      siteId: site,
      ndc11: LISINOPRIL,
      lot: 'DEMO-LIS1',
      kind: 'suspect',
      reason: 'Packaging looks altered',
    });
    expect(res.statusCode).toBe(201);
    const on = (
      await c.get(`/api/inventory/on-hand?siteId=${site}&ndc11=${LISINOPRIL}&lot=DEMO-LIS1`)
    ).json();
    expect(on.items.every((i: { location: string }) => i.location === 'QUARANTINE')).toBe(true);
    expect(on.total).toBe(100);
    const close = await c.post(`/api/dscsa/investigations/${res.json().id}/close`, {
      outcome: 'illegitimate',
      findings: 'Counterfeit',
    });
    expect(close.json().code).toBe('fda_notification_required');
  });
});
