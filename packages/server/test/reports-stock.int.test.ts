import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { dispenseStock } from '../src/modules/inventory/stock';
import { as, buildOrg, buildSite, buildUser, createTestApp, login, type TestApp } from './helpers';
import { ctxFor, receiveRaw, setCsPrivileges } from './inventory-helpers';

// Real NDCs of the starter catalogue; lots are made up.
const LISINOPRIL = '00591040501';
const ATORVASTATIN = '00093505698';
const METFORMIN = '00378718505';
const AMOXICILLIN = '00143988815';
const INSULIN = '00002773701';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

/** Stock-outs and expiring stock with names (GET /api/reports/stock), on stock moved through the ledger services. */
describe(`dashboard report: stock-outs and expiring stock (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let pic: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await createTestApp();
    await loadStarterCatalogue(t.db);
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist_in_charge' }]);
    await setCsPrivileges(t, u.id, 'CII-V');
    pic = as(t.app, await login(t.app, u.username));
    const ctx = await ctxFor(t, u.id);
    // This site dispenses short rather than refuse (the shortfall is booked and flagged).
    await t.db.updateTable('sites').set({ allow_negative_on_hand: 1 }).where('id', '=', site).execute();
    const loc = await pic.post('/api/inventory/locations', {
      siteId: site,
      code: 'FRIDGE2',
      name: 'Vaccine fridge',
      kind: 'refrigerator',
    });
    expect(loc.statusCode, loc.body).toBe(201);
    // Lisinopril: 100 received, 120 dispensed → 20 below zero (dispensed, and a negative movement).
    await receiveRaw(t, ctx, site, { ndc11: LISINOPRIL, qty: 100, lot: 'RPT-LIS-1', expiry: inDays(20) });
    await t.db
      .transaction()
      .execute((trx) =>
        dispenseStock(trx, ctx, { siteId: site, ndc11: LISINOPRIL, quantity: 120, reference: 'rx' }),
      );
    // Atorvastatin: one lot expiring in 10 days, one in 200 (outside the 90-day window).
    await receiveRaw(t, ctx, site, { ndc11: ATORVASTATIN, qty: 90, lot: 'RPT-ATV-1', expiry: inDays(10) });
    await receiveRaw(t, ctx, site, { ndc11: ATORVASTATIN, qty: 30, lot: 'RPT-ATV-2', expiry: inDays(200) });
    // Metformin: only a lot that expired 5 days ago is on the shelf, and it has a par level → out of stock.
    await receiveRaw(t, ctx, site, { ndc11: METFORMIN, qty: 50, lot: 'RPT-MET-OLD', expiry: inDays(-5) });
    const metPar = await pic.put('/api/purchasing/par', {
      siteId: site,
      location: 'SHELF',
      ndc11: METFORMIN,
      min: 10,
      max: 100,
    });
    expect(metPar.statusCode, metPar.body).toBe(200);
    // Amoxicillin: only quarantined stock, and a par level on the shelf → a stock-out although units exist.
    await receiveRaw(t, ctx, site, {
      ndc11: AMOXICILLIN,
      qty: 10,
      lot: 'RPT-AMX-Q',
      expiry: inDays(30),
      location: 'QUARANTINE',
    });
    const par = await pic.put('/api/purchasing/par', {
      siteId: site,
      location: 'SHELF',
      ndc11: AMOXICILLIN,
      min: 20,
      max: 60,
    });
    expect(par.statusCode, par.body).toBe(200);
    // Insulin in the site's own fridge, expiring in 45 days.
    await receiveRaw(t, ctx, site, {
      ndc11: INSULIN,
      qty: 30,
      lot: 'RPT-INS-1',
      expiry: inDays(45),
      location: 'FRIDGE2',
    });
  }, 60_000);
  afterAll(() => t?.close());

  const report = (query = '') => pic.get(`/api/reports/stock?siteId=${site}${query}`);

  it('lists stock-outs with why they count, and names each product', async () => {
    const r = await report();
    expect(r.statusCode, r.body).toBe(200);
    const outs = r.json().stockOuts;
    expect(outs.map((o: { ndc11: string }) => o.ndc11).sort()).toEqual(
      [AMOXICILLIN, LISINOPRIL, METFORMIN].sort(),
    );
    // Expired units are not sellable: metformin has 50 on the shelf and is still out of stock.
    expect(outs.find((o: { ndc11: string }) => o.ndc11 === METFORMIN)).toMatchObject({
      sellableOnHand: 0,
      reasons: ['par'],
    });
    const lis = outs.find((o: { ndc11: string }) => o.ndc11 === LISINOPRIL);
    expect(lis).toMatchObject({
      sellableOnHand: -20,
      reasons: ['dispensed', 'negative'],
      negativeMovements: 1,
      parLevels: [],
      strength: '2.5 mg',
      dosageForm: 'TABLET',
    });
    expect(lis.name).toMatch(/lisinopril/i);
    expect(lis.lastDispensedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const amx = outs.find((o: { ndc11: string }) => o.ndc11 === AMOXICILLIN);
    expect(amx).toMatchObject({
      sellableOnHand: 0,
      reasons: ['par'],
      parLevels: [{ location: 'SHELF', locationName: null, minimum: 20 }],
    });
    expect(amx.name).toMatch(/amoxicillin/i);
  });

  it('lists lots expiring within the window soonest first, and expired lots still on hand', async () => {
    const body = (await report()).json();
    expect(body.expiring.map((l: { lot: string }) => l.lot)).toEqual(['RPT-ATV-1', 'RPT-AMX-Q', 'RPT-INS-1']);
    expect(body.expiring[0]).toMatchObject({
      ndc11: ATORVASTATIN,
      location: 'SHELF',
      expiry: inDays(10),
      quantity: 90,
      daysLeft: 10,
      strength: '10 mg',
    });
    expect(body.expiring[0].name).toMatch(/atorvastatin|lipitor/i);
    expect(body.expiring[1]).toMatchObject({ location: 'QUARANTINE', quantity: 10, daysLeft: 30 });
    expect(body.expiring[2]).toMatchObject({
      ndc11: INSULIN,
      location: 'FRIDGE2',
      locationName: 'Vaccine fridge',
      daysLeft: 45,
      dosageForm: 'VIAL',
    });
    expect(body.expired).toHaveLength(1);
    expect(body.expired[0]).toMatchObject({
      ndc11: METFORMIN,
      lot: 'RPT-MET-OLD',
      quantity: 50,
      daysLeft: -5,
    });
    expect(body.expired[0].name).toMatch(/metformin/i);
    // A shorter window drops the 30- and 45-day lots; a longer one takes in the 200-day lot.
    expect((await report('&days=20')).json().expiring.map((l: { lot: string }) => l.lot)).toEqual([
      'RPT-ATV-1',
    ]);
    expect((await report('&days=365')).json().expiring.map((l: { lot: string }) => l.lot)).toContain(
      'RPT-ATV-2',
    );
  });

  it('is site-scoped', async () => {
    const org = await buildOrg(t.db);
    const other = await buildSite(t.db, org);
    const stranger = as(
      t.app,
      await login(t.app, (await buildUser(t.db, org, [{ siteId: other, role: 'pharmacist' }])).username),
    );
    expect((await stranger.get(`/api/reports/stock?siteId=${site}`)).statusCode).toBe(404);
  });
});
