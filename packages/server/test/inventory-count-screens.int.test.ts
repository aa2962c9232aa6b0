import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/inventory/ledger/verify';
import type { Ctx } from '../src/platform/actor';
import { nowIso } from '../src/platform/ids';
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
import { ctxFor, receiveRaw, setCsPrivileges } from './inventory-helpers';

// Real NDCs from shared/data/nadac-2025-derived; lots are made up.
const ATORVASTATIN = '00093505698';
const METFORMIN = '00378718505';
const OXY_APAP = '00406051201'; // Schedule II (site override below)
const ALPRAZOLAM = '00228202710'; // Schedule IV (site override below)

interface CountRow {
  id: string;
  scope: string;
  status: string;
  lines: number;
  variance_lines: number | null;
  over_units: number | null;
  short_units: number | null;
  net_variance: number | null;
  created_by_name: string | null;
  submitted_by_name: string | null;
  approved_by_name: string | null;
}

/** What the workbench's count, CS inventory and theft/loss screens read: lists with names, totals, ledger effect. */
describe(`count and controlled-substance screens (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let other: string;
  let rph: Session;
  let tech: Session;
  let elsewhere: Session;
  let pic: Session;
  let picName: string;
  let ctx: Ctx;
  let techName: string;
  let rphName: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    other = await buildSite(t.db, org);
    const r = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }]);
    await setCsPrivileges(t, r.id, 'CII-V');
    rph = await login(t.app, r.username);
    rphName = `Test ${r.username}`;
    const tu = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    tech = await login(t.app, tu.username);
    techName = `Test ${tu.username}`;
    const pu = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist_in_charge' }]);
    pic = await login(t.app, pu.username);
    picName = `Test ${pu.username}`;
    const eu = await buildUser(t.db, org, [{ siteId: other, role: 'pharmacist_in_charge' }]);
    elsewhere = await login(t.app, eu.username);
    ctx = await ctxFor(t, r.id);
    for (const [ndc11, schedule] of [
      [OXY_APAP, 'CII'],
      [ALPRAZOLAM, 'CIV'],
    ] as const)
      await t.db
        .insertInto('inv_items')
        .values({
          site_id: site,
          ndc11,
          description: null,
          dea_schedule: schedule,
          package_qty: 100,
          unit_cost_micro: null,
          lead_time_days: 2,
          safety_days: 2,
          updated_at: nowIso(),
        })
        .execute();
    const stock = [
      { ndc11: ATORVASTATIN, qty: 90, location: 'SHELF', lot: 'DEMO-AT1' },
      { ndc11: ATORVASTATIN, qty: 30, location: 'FRIDGE', lot: 'DEMO-AT2' },
      { ndc11: METFORMIN, qty: 500, location: 'SHELF', lot: 'DEMO-ME1' },
      { ndc11: OXY_APAP, qty: 100, location: 'VAULT', lot: 'DEMO-OX1' },
      { ndc11: ALPRAZOLAM, qty: 60, location: 'VAULT', lot: 'DEMO-AL1' },
    ];
    for (const s of stock) await receiveRaw(t, ctx, site, { ...s, expiry: '2099-01-31' });
  });
  afterAll(() => t.close());

  it('a product count covers one NDC at every location; the list names who and totals the variance', async () => {
    const tc = as(t.app, tech);
    const open = await tc.post('/api/inventory/counts', {
      siteId: site,
      scope: 'product',
      ndc11: ATORVASTATIN,
    });
    expect(open.statusCode, open.body).toBe(201);
    const count = open.json();
    expect(count.lines.map((l: { location: string }) => l.location).sort()).toEqual(['FRIDGE', 'SHELF']);
    expect(count.blind).toBe(true);
    const listedOpen = (await tc.get(`/api/inventory/counts?siteId=${site}`)).json().items as CountRow[];
    expect(listedOpen[0]).toMatchObject({
      id: count.id,
      scope: 'product',
      status: 'open',
      lines: 2,
      variance_lines: null,
      net_variance: null,
      created_by_name: techName,
    });
    const sub = await tc.post(`/api/inventory/counts/${count.id}/submit`, {
      lines: count.lines.map((l: { id: string; location: string }) => ({
        lineId: l.id,
        counted: l.location === 'SHELF' ? 88 : 30,
      })),
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const refused = await tc.post(`/api/inventory/counts/${count.id}/approve`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    const submitted = (await tc.get(`/api/inventory/counts?siteId=${site}&status=submitted`)).json()
      .items as CountRow[];
    expect(submitted.find((c) => c.id === count.id)).toMatchObject({
      variance_lines: 1,
      over_units: 0,
      short_units: 2,
      net_variance: -2,
      submitted_by_name: techName,
      approved_by_name: null,
    });
    const ap = await as(t.app, rph).post(`/api/inventory/counts/${count.id}/approve`);
    expect(ap.statusCode, ap.body).toBe(200);
    const after = (await tc.get(`/api/inventory/counts?siteId=${site}`)).json().items as CountRow[];
    expect(after.find((c) => c.id === count.id)).toMatchObject({
      status: 'approved',
      approved_by_name: rphName,
    });
    const detail = (await tc.get(`/api/inventory/counts/${count.id}`)).json();
    expect(detail).toMatchObject({
      createdByName: techName,
      submittedByName: techName,
      approvedByName: rphName,
    });
    const moves = (
      await tc.get(`/api/inventory/movements?siteId=${site}&ndc11=${ATORVASTATIN}&type=count`)
    ).json().movements;
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      location: 'SHELF',
      quantity: -2,
      balanceAfter: 88,
      reason: `count ${count.id}`,
    });
    expect(await verifyLedger(t.db, [site])).toEqual([]);
    // Another site's user sees none of it.
    expect((await as(t.app, elsewhere).get(`/api/inventory/counts/${count.id}`)).statusCode).toBe(404);
    expect((await as(t.app, elsewhere).get(`/api/inventory/counts?siteId=${site}`)).statusCode).toBe(404);
    const theirs = (await as(t.app, elsewhere).get('/api/inventory/counts')).json().items as CountRow[];
    expect(theirs.some((c) => c.id === count.id)).toBe(false);
  });

  it('a full count lists every location of the site and is audited', async () => {
    const open = await as(t.app, tech).post('/api/inventory/counts', {
      siteId: site,
      scope: 'full',
      blind: false,
    });
    expect(open.statusCode, open.body).toBe(201);
    const lines = open.json().lines as { location: string; ndc11: string; expected: number }[];
    expect(new Set(lines.map((l) => l.location))).toEqual(new Set(['SHELF', 'FRIDGE', 'VAULT']));
    expect(new Set(lines.map((l) => l.ndc11))).toEqual(
      new Set([ATORVASTATIN, METFORMIN, OXY_APAP, ALPRAZOLAM]),
    );
    expect(lines.find((l) => l.ndc11 === OXY_APAP)?.expected).toBe(100);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', open.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['inventory.count.open']);
  });

  it('items found that the count did not list are added on submit, checked first, and post to the ledger', async () => {
    const tc = as(t.app, tech);
    const open = await tc.post('/api/inventory/counts', {
      siteId: site,
      scope: 'location',
      location: 'SHELF',
      blind: false,
    });
    expect(open.statusCode, open.body).toBe(201);
    const count = open.json() as {
      id: string;
      lines: { id: string; ndc11: string; lot: string | null; expected: number }[];
    };
    const listed = count.lines.map((l) => ({ lineId: l.id, counted: l.expected }));
    const found = { location: 'SHELF', ndc11: METFORMIN, lot: 'DEMO-ME9', expiry: '2099-06-30', counted: 12 };
    const submit = (extra: object[]) =>
      tc.post(`/api/inventory/counts/${count.id}/submit`, { lines: [...listed, ...extra] });
    const n = listed.length;
    const nowhere = await submit([{ ...found, location: 'NOWHERE' }]);
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors).toEqual([
      { field: `lines[${n}].location`, reason: 'unknown location NOWHERE' },
    ]);
    const listedAgain = await submit([
      { location: 'SHELF', ndc11: METFORMIN, lot: 'DEMO-ME1', expiry: '2099-01-31', counted: 1 },
    ]);
    expect(listedAgain.json().code).toBe('line_exists');
    expect(listedAgain.json().errors[0].field).toBe(`lines[${n}]`);
    const twice = await submit([found, found]);
    expect(twice.json().code).toBe('line_exists');
    expect(twice.json().errors[0].field).toBe(`lines[${n + 1}]`);
    expect((await tc.get(`/api/inventory/counts/${count.id}`)).json().status).toBe('open');

    const sub = await submit([found]);
    expect(sub.statusCode, sub.body).toBe(200);
    const added = sub.json().lines.find((l: { lot: string | null }) => l.lot === 'DEMO-ME9');
    expect(added).toMatchObject({
      location: 'SHELF',
      expiry: '2099-06-30',
      expected: 0,
      counted: 12,
      variance: 12,
    });
    const ap = await as(t.app, rph).post(`/api/inventory/counts/${count.id}/approve`);
    expect(ap.statusCode, ap.body).toBe(200);
    const moves = (
      await tc.get(`/api/inventory/movements?siteId=${site}&ndc11=${METFORMIN}&type=count`)
    ).json().movements;
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      location: 'SHELF',
      lot: 'DEMO-ME9',
      quantity: 12,
      balanceAfter: 12,
      reason: `count ${count.id}`,
    });
    expect(await verifyLedger(t.db, [site])).toEqual([]);
  });

  it('the CS worksheet lists controlled products with schedule, on hand and how to count them', async () => {
    const ws = await as(t.app, rph).get(`/api/controlled/inventories/worksheet?siteId=${site}`);
    expect(ws.statusCode, ws.body).toBe(200);
    const items = ws.json().items as { ndc11: string; schedule: string; countRule: string; onHand: number }[];
    expect(items.map((i) => [i.ndc11, i.schedule, i.countRule, i.onHand])).toEqual([
      [OXY_APAP, 'CII', 'exact', 100],
      [ALPRAZOLAM, 'CIV', 'estimate_allowed', 60],
    ]);
    expect(
      (await as(t.app, tech).get(`/api/controlled/inventories/worksheet?siteId=${site}`)).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, elsewhere).get(`/api/controlled/inventories/worksheet?siteId=${site}`)).statusCode,
    ).toBe(404);
  });

  it('theft/loss reports are listed with deadlines and the ledger before and after', async () => {
    const c = as(t.app, rph);
    const res = await c.post('/api/controlled/loss-reports', {
      siteId: site,
      kind: 'loss',
      discoveredAt: '2026-05-01T15:00:00.000Z',
      description: 'Short on the shelf count of the vault',
      lines: [{ ndc11: ALPRAZOLAM, location: 'VAULT', lot: 'DEMO-AL1', expiry: '2099-01-31', quantity: 6 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ledger).toEqual([
      expect.objectContaining({ ndc11: ALPRAZOLAM, quantity: -6, balanceBefore: 60, balanceAfter: 54 }),
    ]);
    const list = (await c.get(`/api/controlled/loss-reports?siteId=${site}`)).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: res.json().id,
      kind: 'loss',
      dea_106_number: null,
      deadlines: { form106By: '2026-06-15T15:00:00.000Z' },
      ledger: [
        {
          ndc11: ALPRAZOLAM,
          location: 'VAULT',
          lot: 'DEMO-AL1',
          quantity: -6,
          balanceBefore: 60,
          balanceAfter: 54,
        },
      ],
    });
    expect(list[0].lines).toHaveLength(1);
    expect(list[0].created_by_name).toBe(rphName);
    const filed = await c.post(`/api/controlled/loss-reports/${res.json().id}/filed`, {
      dea106Number: 'DEA106-E2E-1',
      filedAt: '2026-05-02T10:00:00.000Z',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect((await c.get(`/api/controlled/loss-reports?siteId=${site}`)).json().items[0].dea_106_number).toBe(
      'DEA106-E2E-1',
    );
    expect((await as(t.app, tech).get(`/api/controlled/loss-reports?siteId=${site}`)).statusCode).toBe(403);
    expect((await as(t.app, elsewhere).get(`/api/controlled/loss-reports?siteId=${site}`)).statusCode).toBe(
      404,
    );
  });

  it('CS inventories list who recorded and who signed them, with the next due date', async () => {
    const ws = (await as(t.app, rph).get(`/api/controlled/inventories/worksheet?siteId=${site}`)).json()
      .items as {
      ndc11: string;
      onHand: number;
    }[];
    const created = await as(t.app, rph).post('/api/controlled/inventories', {
      siteId: site,
      kind: 'initial',
      takenAt: '2026-05-04',
      timeOfDay: 'close',
      lines: ws.map((w) => ({ ndc11: w.ndc11, countType: 'exact', quantity: w.onHand })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await as(t.app, rph).post(`/api/controlled/inventories/${id}/sign`, {})).statusCode).toBe(403);
    const unsigned = await as(t.app, pic).post(`/api/controlled/inventories/${id}/sign`, {});
    expect([unsigned.statusCode, unsigned.json().code]).toEqual([400, 'esign_password_required']);
    expect(
      (await as(t.app, pic).post(`/api/controlled/inventories/${id}/sign`, { password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    const list = (await as(t.app, rph).get(`/api/controlled/inventories?siteId=${site}`)).json();
    expect(list.items[0]).toMatchObject({
      id,
      status: 'signed',
      created_by_name: rphName,
      signed_by_name: picName,
    });
    expect(list.nextDueBy).toBe('2028-05-03');
  });
});
