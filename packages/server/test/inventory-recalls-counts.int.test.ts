import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/inventory/ledger/verify';
import { dispenseStock, returnStock } from '../src/modules/inventory/stock';
import type { Ctx } from '../src/platform/actor';
import { nowIso } from '../src/platform/ids';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  patientBody,
  type Session,
  type TestApp,
} from './helpers';
import { ctxFor, receiveRaw, setCsPrivileges } from './inventory-helpers';

// Real NDCs from shared/data/nadac-2025-derived; lots are made up.
const AMOXICILLIN = '00143988815';
const METFORMIN = '00378718505';
const ZOLPIDEM = '00093007301'; // Schedule IV

describe(`recalls and counts (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let rph: Session;
  let tech: Session;
  let ctx: Ctx;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    const r = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }]);
    await setCsPrivileges(t, r.id, 'CII-V');
    rph = await login(t.app, r.username);
    const tu = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    await setCsPrivileges(t, tu.id, 'CIII-V');
    tech = await login(t.app, tu.username);
    ctx = await ctxFor(t, r.id);
    await t.db
      .insertInto('inv_items')
      .values({
        site_id: site,
        ndc11: ZOLPIDEM,
        description: null,
        dea_schedule: 'CIV',
        package_qty: 100,
        unit_cost_micro: null,
        lead_time_days: 2,
        safety_days: 2,
        updated_at: nowIso(),
      })
      .execute();
  });
  afterAll(() => t.close());

  it('traces a recalled lot to every on-hand unit (quarantined) and every patient who received it', async () => {
    const c = as(t.app, rph);
    const p1 = (
      await c.post('/api/patients', patientBody(site, { firstName: 'Ann', lastName: 'Recall' }))
    ).json();
    const p2 = (
      await c.post('/api/patients', patientBody(site, { firstName: 'Bob', lastName: 'Recall' }))
    ).json();
    await receiveRaw(t, ctx, site, { ndc11: AMOXICILLIN, qty: 100, lot: 'DEMO-R1', expiry: '2099-01-31' });
    await receiveRaw(t, ctx, site, {
      ndc11: AMOXICILLIN,
      qty: 40,
      lot: 'DEMO-R1',
      expiry: '2099-01-31',
      location: 'FRIDGE',
    });
    await receiveRaw(t, ctx, site, { ndc11: AMOXICILLIN, qty: 100, lot: 'DEMO-OK', expiry: '2099-12-31' });
    const d = (patientId: string, q: number, ref: string) =>
      t.db.transaction().execute((trx) =>
        dispenseStock(trx, ctx, {
          siteId: site,
          ndc11: AMOXICILLIN,
          lot: 'DEMO-R1',
          quantity: q,
          reference: ref,
          patientId,
        }),
      );
    await d(p1.id, 30, 'rx-1');
    await d(p2.id, 20, 'rx-2');
    await t.db
      .transaction()
      .execute((trx) =>
        returnStock(trx, ctx, { siteId: site, ndc11: AMOXICILLIN, quantity: 5, reference: 'rx-2' }),
      );
    const r = await c.post('/api/recalls', {
      ndc11: AMOXICILLIN,
      lots: ['DEMO-R1'],
      classification: 'II',
      recallNumber: 'D-0001-2099',
      reason: 'demo recall',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().quarantinedUnits).toBe(95);
    const rep = await c.get(`/api/recalls/${r.json().id}/report`);
    expect(rep.statusCode).toBe(200);
    const body = rep.json();
    expect(body.onHand.map((o: { location: string; quantity: number }) => [o.location, o.quantity])).toEqual([
      ['QUARANTINE', 95],
    ]);
    const pts = body.patients
      .map((p: { name: string; quantity: number; reference: string }) => [p.name, p.quantity, p.reference])
      .sort();
    expect(pts).toEqual([
      ['Recall, Ann', 30, 'rx-1'],
      ['Recall, Bob', 15, 'rx-2'],
    ]);
    // The other lot is untouched; the recalled lot can no longer be dispensed or released.
    const on = (await c.get(`/api/inventory/on-hand?siteId=${site}&ndc11=${AMOXICILLIN}&lot=DEMO-OK`)).json();
    expect(on.items[0]).toMatchObject({ location: 'SHELF', quantity: 100 });
    await expect(d(p1.id, 1, 'rx-3')).rejects.toMatchObject({ code: 'insufficient_stock' });
    const rel = await c.post('/api/inventory/movements', {
      siteId: site,
      type: 'release',
      location: 'QUARANTINE',
      toLocation: 'SHELF',
      ndc11: AMOXICILLIN,
      lot: 'DEMO-R1',
      expiry: '2099-01-31',
      quantity: 1,
    });
    expect(rel.json().code).toBe('recalled');
    const csv = await c.get(`/api/recalls/${r.json().id}/report?format=csv`);
    expect(csv.body).toContain('"Recall, Ann"');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'recall.report')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('blind cycle count: counter cannot see expected; a pharmacist approves the variance into the ledger', async () => {
    await receiveRaw(t, ctx, site, {
      ndc11: METFORMIN,
      qty: 500,
      location: 'VAULT',
      lot: 'DEMO-M1',
      expiry: '2099-01-31',
    });
    await receiveRaw(t, ctx, site, {
      ndc11: ZOLPIDEM,
      qty: 100,
      location: 'VAULT',
      lot: 'DEMO-Z1',
      expiry: '2099-01-31',
    });
    const tc = as(t.app, tech);
    const open = await tc.post('/api/inventory/counts', {
      siteId: site,
      scope: 'location',
      location: 'VAULT',
      blind: true,
    });
    expect(open.statusCode, open.body).toBe(201);
    const count = open.json();
    expect(count.lines).toHaveLength(2);
    const listed = (await tc.get(`/api/inventory/counts?siteId=${site}&status=open`)).json().items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(count.id);
    expect(count.lines.every((l: { expected: number | null }) => l.expected === null)).toBe(true);
    const incomplete = await tc.post(`/api/inventory/counts/${count.id}/submit`, {
      lines: [{ lineId: count.lines[0].id, counted: 1 }],
    });
    expect(incomplete.json().code).toBe('lines_not_counted');
    const counted = (ndc: string) => (ndc === METFORMIN ? 498 : 97);
    const sub = await tc.post(`/api/inventory/counts/${count.id}/submit`, {
      lines: count.lines.map((l: { id: string; ndc11: string }) => ({
        lineId: l.id,
        counted: counted(l.ndc11),
      })),
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect((await tc.post(`/api/inventory/counts/${count.id}/approve`)).statusCode).toBe(403);
    const ap = await as(t.app, rph).post(`/api/inventory/counts/${count.id}/approve`);
    expect(ap.statusCode, ap.body).toBe(200);
    expect(
      ap
        .json()
        .lines.map((l: { ndc11: string; variance: number }) => [l.ndc11, l.variance])
        .sort(),
    ).toEqual(
      [
        [ZOLPIDEM, -3],
        [METFORMIN, -2],
      ].sort(),
    );
    // The zolpidem (CIV) variance opened a discrepancy; metformin did not.
    expect(ap.json().discrepancyIds).toHaveLength(1);
    const disc = (await as(t.app, rph).get(`/api/controlled/discrepancies?siteId=${site}`)).json().items;
    expect(disc[0]).toMatchObject({
      ndc11: ZOLPIDEM,
      expected: 100,
      actual: 97,
      difference: -3,
      status: 'open',
    });
    const on = (await tc.get(`/api/inventory/on-hand?siteId=${site}&location=VAULT`)).json();
    expect(on.items.map((i: { ndc11: string; quantity: number }) => [i.ndc11, i.quantity]).sort()).toEqual(
      [
        [ZOLPIDEM, 97],
        [METFORMIN, 498],
      ].sort(),
    );
    expect(await verifyLedger(t.db, [site])).toEqual([]);
    expect((await as(t.app, rph).post(`/api/inventory/counts/${count.id}/approve`)).statusCode).toBe(409);
  });
});
