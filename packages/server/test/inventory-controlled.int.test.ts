import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMovements } from '../src/modules/inventory/ledger/post';
import { dispenseStock } from '../src/modules/inventory/stock';
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

// Real NDCs (shared/data/nadac-2025-derived): oxycodone/APAP 5-325 (Schedule II), alprazolam 0.25 mg (Schedule IV).
const OXY_APAP = '00406051201';
const ALPRAZOLAM = '00228202710';

describe(`controlled substances (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let org: string;
  let rph: Session;
  let rphCtx: Ctx;
  let pic: Session;
  let rph2User: { id: string; username: string };
  let techUser: { id: string; username: string };
  let tech: Session;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    const r = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }]);
    rph2User = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }]);
    const p = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist_in_charge' }]);
    techUser = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    for (const u of [r, rph2User, p]) await setCsPrivileges(t, u.id, 'CII-V');
    rph = await login(t.app, r.username);
    pic = await login(t.app, p.username);
    tech = await login(t.app, techUser.username);
    rphCtx = await ctxFor(t, r.id);
    // Schedules: oxycodone/APAP through a site override; alprazolam through the drug knowledge base tables.
    await t.db
      .insertInto('inv_items')
      .values({
        site_id: site,
        ndc11: OXY_APAP,
        description: 'OXYCODONE-ACETAMINOPHEN 5-325 MG TAB',
        dea_schedule: 'CII',
        package_qty: 100,
        unit_cost_micro: 117_860,
        lead_time_days: 2,
        safety_days: 2,
        updated_at: nowIso(),
      })
      .execute();
    const at = nowIso();
    await t.db
      .insertInto('drug_products')
      .values({
        id: 'p-alpraz',
        product_key: '0228-2027',
        product_ndc: '0228-2027',
        product_type: 'HUMAN PRESCRIPTION DRUG',
        proprietary_name: 'Alprazolam',
        proprietary_name_suffix: null,
        nonproprietary_name: 'alprazolam',
        dosage_form: 'TABLET',
        route: 'ORAL',
        labeler: null,
        marketing_category: null,
        application_number: null,
        marketing_start: null,
        marketing_end: null,
        dea_schedule: 'CIV',
        pharm_classes_json: '[]',
        ingredients_json: '[]',
        rxcui: null,
        ingredient_rxcuis_json: '[]',
        niosh_group: null,
        listing_certified_through: null,
        source: 'test',
        row_hash: 'x',
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
        ndc11: ALPRAZOLAM,
        product_id: 'p-alpraz',
        ndc10: '0228-2027-10',
        gtin14: null,
        description: '100 TABLET in 1 BOTTLE',
        quantity: 100,
        quantity_unit: 'TABLET',
        unit_of_use: null,
        marketing_start: null,
        marketing_end: null,
        is_sample: 0,
        awp_cents: null,
        wac_cents: null,
        acquisition_per_unit: null,
        price_unit: null,
        price_source: null,
        price_date: null,
        source: 'test',
        row_hash: 'x',
        is_active: 1,
        obsolete_at: null,
        last_run_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  });
  afterAll(() => t.close());

  it('a user without controlled-substance privileges cannot move a CII product', async () => {
    const res = await as(t.app, tech).post('/api/inventory/receipts', {
      siteId: site,
      dscsa: { sellerName: 'W', transactionStatement: true },
      lines: [{ ndc11: OXY_APAP, lot: 'DEMO-OX1', expiry: '2099-01-31', quantity: 100 }],
    });
    expect(res.statusCode).toBe(403);
    await setCsPrivileges(t, techUser.id, 'CIII-V');
    const tctx = await ctxFor(t, techUser.id);
    await expect(
      receiveRaw(t, tctx, site, { ndc11: OXY_APAP, qty: 1, location: 'VAULT' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      receiveRaw(t, tctx, site, { ndc11: ALPRAZOLAM, qty: 1, location: 'SHELF', lot: 'X' }),
    ).resolves.toHaveLength(1);
    await t.db.transaction().execute((trx) =>
      recordMovements(
        trx,
        rphCtx,
        site,
        [
          {
            type: 'adjust',
            location: 'SHELF',
            ndc11: ALPRAZOLAM,
            lot: 'X',
            qtyMilli: -1000,
            reason: 'test cleanup',
          },
        ],
        { action: 'test' },
      ),
    );
  });

  it('keeps a perpetual CII log with a running balance per NDC (and CSV)', async () => {
    await receiveRaw(t, rphCtx, site, {
      ndc11: OXY_APAP,
      qty: 100,
      location: 'VAULT',
      lot: 'DEMO-OX1',
      expiry: '2099-01-31',
    });
    await t.db
      .transaction()
      .execute((trx) =>
        dispenseStock(trx, rphCtx, { siteId: site, ndc11: OXY_APAP, quantity: 10, reference: 'rx-100' }),
      );
    await t.db
      .transaction()
      .execute((trx) =>
        dispenseStock(trx, rphCtx, { siteId: site, ndc11: OXY_APAP, quantity: 5, reference: 'rx-101' }),
      );
    const move = await as(t.app, rph).post('/api/inventory/movements', {
      siteId: site,
      type: 'transfer',
      location: 'VAULT',
      toLocation: 'SHELF',
      ndc11: OXY_APAP,
      lot: 'DEMO-OX1',
      expiry: '2099-01-31',
      quantity: 20,
    });
    expect(move.statusCode).toBe(201);
    const log = await as(t.app, rph).get(`/api/controlled/cii-log?siteId=${site}`);
    expect(log.statusCode).toBe(200);
    const items = log.json().items;
    expect(
      items.map((i: { type: string; quantity: number; runningBalance: number }) => [
        i.type,
        i.quantity,
        i.runningBalance,
      ]),
    ).toEqual([
      ['receive', 100, 100],
      ['dispense', -10, 90],
      ['dispense', -5, 85],
      ['transfer_out', -20, 65],
      ['transfer_in', 20, 85],
    ]);
    // Alprazolam (CIV) is not in the CII log.
    expect(items.every((i: { ndc11: string }) => i.ndc11 === OXY_APAP)).toBe(true);
    const csv = await as(t.app, rph).get(`/api/controlled/cii-log?siteId=${site}&format=csv`);
    expect(csv.body.split('\r\n')).toHaveLength(7);
    // Technicians do not read the CS log.
    expect((await as(t.app, tech).get(`/api/controlled/cii-log?siteId=${site}`)).statusCode).toBe(403);
  });

  it('waste requires a second licensed witness who re-enters their password', async () => {
    const c = as(t.app, rph);
    const body = {
      siteId: site,
      location: 'SHELF',
      ndc11: OXY_APAP,
      lot: 'DEMO-OX1',
      expiry: '2099-01-31',
      quantity: 2,
      reason: 'dropped in sink',
    };
    expect((await c.post('/api/inventory/waste', body)).statusCode).toBe(400);
    const me = (await c.get('/api/me')).json();
    const self = await c.post('/api/inventory/waste', {
      ...body,
      witness: { username: me.user?.username ?? me.username, password: PASSWORD },
    });
    expect(self.json().code).toBe('witness_same_person');
    const wrong = await c.post('/api/inventory/waste', {
      ...body,
      witness: { username: rph2User.username, password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const techWitness = await c.post('/api/inventory/waste', {
      ...body,
      witness: { username: techUser.username, password: PASSWORD },
    });
    expect(techWitness.statusCode).toBe(403);
    expect(techWitness.json().code).toBe('witness_not_licensed');
    const ok = await c.post('/api/inventory/waste', {
      ...body,
      witness: { username: rph2User.username, password: PASSWORD },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().movements[0]).toMatchObject({ type: 'waste', quantity: -2, witnessUserId: rph2User.id });
    const log = (await c.get(`/api/controlled/cii-log?siteId=${site}`)).json().items;
    expect(log.at(-1)).toMatchObject({ type: 'waste', runningBalance: 83, witnessUserId: rph2User.id });
  });

  it('biennial inventory: complete, CII exact, CIII–V estimates only up to 1,000-unit containers; PIC signs', async () => {
    await receiveRaw(t, rphCtx, site, {
      ndc11: ALPRAZOLAM,
      qty: 1000,
      location: 'SHELF',
      lot: 'DEMO-AL1',
      expiry: '2099-01-31',
    });
    const c = as(t.app, rph);
    const base = { siteId: site, kind: 'biennial', takenAt: '2026-05-01', timeOfDay: 'close' };
    const missing = await c.post('/api/controlled/inventories', {
      ...base,
      lines: [{ ndc11: OXY_APAP, countType: 'exact', quantity: 83 }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].reason).toMatch(/missing CIV product 00228202710/);
    const ciiEstimate = await c.post('/api/controlled/inventories', {
      ...base,
      lines: [
        { ndc11: OXY_APAP, countType: 'estimate', quantity: 83 },
        { ndc11: ALPRAZOLAM, countType: 'estimate', quantity: 1000, containerUnits: 500 },
      ],
    });
    expect(ciiEstimate.json().errors.map((e: { field: string }) => e.field)).toEqual(['lines[0].countType']);
    const bigContainer = await c.post('/api/controlled/inventories', {
      ...base,
      lines: [
        { ndc11: OXY_APAP, countType: 'exact', quantity: 83 },
        { ndc11: ALPRAZOLAM, countType: 'estimate', quantity: 1000, containerUnits: 1001 },
      ],
    });
    expect(bigContainer.json().errors[0]).toMatchObject({ field: 'lines[1].countType' });
    const ok = await c.post('/api/controlled/inventories', {
      ...base,
      lines: [
        { ndc11: OXY_APAP, countType: 'exact', quantity: 83 },
        { ndc11: ALPRAZOLAM, countType: 'estimate', quantity: 990, containerUnits: 1000 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id;
    expect(JSON.parse(ok.json().lines_json)[0]).toMatchObject({ schedule: 'CII', systemQuantity: 83 });
    expect((await c.post(`/api/controlled/inventories/${id}/sign`, { password: PASSWORD })).statusCode).toBe(
      403,
    );
    const p = as(t.app, pic);
    expect(
      (await p.post(`/api/controlled/inventories/${id}/sign`, { password: 'wrong-password' })).statusCode,
    ).toBe(401);
    const signed = await p.post(`/api/controlled/inventories/${id}/sign`, { password: PASSWORD });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed' });
    const sig = await t.db
      .selectFrom('signatures')
      .selectAll()
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sig).toMatchObject({ meaning: 'responsible', entity_type: 'cs_inventory' });
    expect((await p.post(`/api/controlled/inventories/${id}/sign`, { password: PASSWORD })).statusCode).toBe(
      409,
    );
    expect((await c.get(`/api/controlled/inventories?siteId=${site}`)).json().nextDueBy).toBe('2028-04-30');
  });

  it('a discrepancy cannot be closed without a resolution and the PIC signature', async () => {
    const c = as(t.app, rph);
    const d = await c.post('/api/controlled/discrepancies', {
      siteId: site,
      ndc11: OXY_APAP,
      expected: 83,
      actual: 81,
      source: 'shift count',
      note: 'two tablets short',
    });
    expect(d.statusCode).toBe(201);
    const id = d.json().id;
    expect(
      (await c.post(`/api/controlled/discrepancies/${id}/notes`, { note: 'Reviewed camera footage' })).json()
        .status,
    ).toBe('investigating');
    // A pharmacist (not PIC) cannot close it even with a resolution and password.
    expect(
      (
        await c.post(`/api/controlled/discrepancies/${id}/close`, {
          resolution: 'Miscount found on recount',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(403);
    const p = as(t.app, pic);
    const noRes = await p.post(`/api/controlled/discrepancies/${id}/close`, { password: PASSWORD });
    expect(noRes.statusCode).toBe(400);
    expect(noRes.json().code).toBe('resolution_required');
    const unsigned = await p.post(`/api/controlled/discrepancies/${id}/close`, {
      resolution: 'Miscount found on recount',
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().code).toBe('esign_password_required');
    expect(
      (
        await p.post(`/api/controlled/discrepancies/${id}/close`, {
          resolution: 'Miscount found on recount',
          password: 'bad-password',
        })
      ).statusCode,
    ).toBe(401);
    const open = (await c.get(`/api/controlled/discrepancies?siteId=${site}`)).json().items[0];
    expect(open.status).toBe('investigating');
    const closed = await p.post(`/api/controlled/discrepancies/${id}/close`, {
      resolution: 'Miscount found on recount',
      password: PASSWORD,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', resolution: 'Miscount found on recount' });
    expect(closed.json().signatureId).toBeTruthy();
    expect(
      (
        await p.post(`/api/controlled/discrepancies/${id}/close`, {
          resolution: 'again and again',
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('records a theft/loss (DEA Form 106) with deadlines and removes the stock', async () => {
    const res = await as(t.app, rph).post('/api/controlled/loss-reports', {
      siteId: site,
      kind: 'theft',
      discoveredAt: '2026-05-01T15:00:00.000Z',
      description: 'Vault tampered',
      lines: [{ ndc11: OXY_APAP, location: 'VAULT', lot: 'DEMO-OX1', expiry: '2099-01-31', quantity: 5 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    // 2026-05-01 is a Friday: one business day later is Monday 2026-05-04; Form 106 within 45 days.
    expect(res.json().deadlines).toEqual({
      fieldOfficeNoticeBy: '2026-05-04T15:00:00.000Z',
      form106By: '2026-06-15T15:00:00.000Z',
    });
    const log = (await as(t.app, rph).get(`/api/controlled/cii-log?siteId=${site}`)).json().items;
    expect(log.at(-1)).toMatchObject({ type: 'adjust', quantity: -5, runningBalance: 78 });
  });

  it('diversion analytics flags a user whose waste rate is far above peers at the site', async () => {
    await receiveRaw(t, rphCtx, site, {
      ndc11: ALPRAZOLAM,
      qty: 100_000,
      location: 'SHELF',
      lot: 'DEMO-AL9',
      expiry: '2099-01-31',
    });
    const wastes = [0, 1, 2, 1, 2, 10];
    const users: { id: string; username: string }[] = [];
    for (const [i, w] of wastes.entries()) {
      const u = await buildUser(
        t.db,
        org,
        [{ siteId: site, role: 'pharmacist' }],
        `div${i}${Date.now() % 1000}`,
      );
      await setCsPrivileges(t, u.id, 'CII-V');
      users.push(u);
      const ctx = await ctxFor(t, u.id);
      const moves = [
        ...Array.from({ length: 20 }, () => ({ type: 'dispense' as const, qtyMilli: -1000 })),
        ...Array.from({ length: w }, () => ({
          type: 'waste' as const,
          qtyMilli: -1000,
          witnessUserId: rph2User.id,
        })),
      ].map((m) => ({ ...m, location: 'SHELF', ndc11: ALPRAZOLAM, lot: 'DEMO-AL9', expiry: '2099-01-31' }));
      await t.db.transaction().execute((trx) => recordMovements(trx, ctx, site, moves, { action: 'test' }));
    }
    const res = await as(t.app, pic).get(`/api/controlled/diversion?siteId=${site}&days=30`);
    expect(res.statusCode).toBe(200);
    const flagged = res.json().users.filter((u: { review: boolean }) => u.review);
    expect(flagged.map((u: { userId: string }) => u.userId)).toContain(users[5]?.id);
    const top = flagged.find((u: { userId: string }) => u.userId === users[5]?.id);
    expect(top.flags[0]).toMatchObject({ metric: 'wasteRate', value: 0.5 });
    for (const u of users.slice(0, 5))
      expect(flagged.map((f: { userId: string }) => f.userId)).not.toContain(u.id);
  });
});
