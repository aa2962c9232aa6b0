import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStock } from '../src/modules/inventory/demo';
import { dispenseStock } from '../src/modules/inventory/stock';
import { systemCtx } from '../src/platform/system';
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
import { ctxFor, receiveRaw, setCsPrivileges } from './inventory-helpers';

describe(`inventory reports and demo stock (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let rph: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }]);
    await setCsPrivileges(t, u.id, 'CII-V');
    rph = await login(t.app, u.username);
    const sys = await systemCtx(t.db, org);
    expect((await seedDemoStock(t.db, sys, [site])).movements).toBe(12);
    // Idempotent: a second run adds nothing.
    await seedDemoStock(t.db, sys, [site]);
    const ctx = await ctxFor(t, u.id);
    await receiveRaw(t, ctx, site, { ndc11: '00781531701', qty: 30, lot: 'DEMO-EXP', expiry: '2001-01-31' });
    await t.db
      .transaction()
      .execute((trx) =>
        dispenseStock(trx, ctx, { siteId: site, ndc11: '00591040501', quantity: 400, reference: 'all' }),
      );
  });
  afterAll(() => t.close());

  const report = (name: string, extra = '') =>
    as(t.app, rph).get(`/api/inventory/reports/${name}?siteId=${site}${extra}`);

  it('seeds demo stock once, into shelf and vault', async () => {
    const on = (await as(t.app, rph).get(`/api/inventory/on-hand?siteId=${site}&location=VAULT`)).json();
    expect(on.total).toBe(500);
    expect((await as(t.app, rph).get(`/api/inventory/verify?siteId=${site}`)).json()).toEqual({
      ok: true,
      mismatches: [],
    });
  });

  it('values on-hand at cost (NADAC per unit from the demo receipts)', async () => {
    const items = (await report('on-hand-value')).json().items;
    const atv = items.filter((i: { ndc11: string }) => i.ndc11 === '00093505698');
    // Two lots of 270 tablets × $0.02453 = $6.6231 → 662 cents each (rounded per balance row).
    expect(atv.reduce((s: number, i: { valueCents: number }) => s + i.valueCents, 0)).toBe(1324);
  });

  it('lists expired, expiring, stock-outs, dead stock, turns and high-cost items, each as CSV too', async () => {
    expect((await report('expired')).json().items.map((i: { lot: string }) => i.lot)).toEqual(['DEMO-EXP']);
    const yearPlus1 = `${new Date().getUTCFullYear() + 1}-01-31`;
    const days = Math.ceil((Date.parse(yearPlus1) - Date.now()) / 86_400_000) + 1;
    const exp = (await report('expiring', `&days=${days}`)).json().items;
    expect(exp.length).toBeGreaterThanOrEqual(5);
    expect(exp.every((i: { expiry: string }) => i.expiry === yearPlus1)).toBe(true);
    expect((await report('stock-outs')).json().items.map((i: { ndc11: string }) => i.ndc11)).toEqual([
      '00591040501',
    ]);
    const dead = (await report('dead-stock', '&days=1')).json().items;
    expect(dead).toEqual([]);
    const turns = (await report('turns', '&days=30'))
      .json()
      .items.find((i: { ndc11: string }) => i.ndc11 === '00591040501');
    // Received and sold out inside the window: start and end on-hand are both 0, so turns are undefined.
    expect(turns).toMatchObject({ usedUnits: 400, averageOnHand: 0, turnsAnnualized: null });
    const atv = (await report('turns', '&days=30'))
      .json()
      .items.find((i: { ndc11: string }) => i.ndc11 === '00093505698');
    expect(atv).toMatchObject({ usedUnits: 0, averageOnHand: 270, turnsAnnualized: 0 });
    expect(
      (await report('high-cost', '&highCostCents=10')).json().items.map((i: { ndc11: string }) => i.ndc11),
    ).toEqual(['00406051201', '00406051201']);
    const cii = (await report('cii-log')).json().items;
    expect(cii.at(-1)).toMatchObject({ ndc11: '00406051201', runningBalance: 200 });
    for (const name of [
      'on-hand-value',
      'expiring',
      'expired',
      'dead-stock',
      'turns',
      'stock-outs',
      'high-cost',
      'cii-log',
    ]) {
      const csv = await report(name, '&format=csv');
      expect(csv.statusCode, name).toBe(200);
      expect(csv.headers['content-type'], name).toMatch(/text\/csv/);
    }
  });
});
