import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMovements } from '../src/modules/inventory/ledger/post';
import type { MovementInput } from '../src/modules/inventory/ledger/types';
import { verifyLedger } from '../src/modules/inventory/ledger/verify';
import { dispenseStock, returnStock } from '../src/modules/inventory/stock';
import type { Ctx } from '../src/platform/actor';
import { AppError } from '../src/platform/errors';
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
import { ctxFor, receiveRaw } from './inventory-helpers';

// Test NDCs from /work/shared/data/nadac-2025-derived (real NDCs; lots are made up).
const ATORVASTATIN = '00093505698';
const LISINOPRIL = '00591040501';

describe(`inventory ledger (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let negSite: string;
  let ctx: Ctx;
  let tech: Session;
  let techId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    negSite = await buildSite(t.db, org);
    await t.db.updateTable('sites').set({ allow_negative_on_hand: 1 }).where('id', '=', negSite).execute();
    const rph = await buildUser(t.db, org, [
      { siteId: site, role: 'pharmacist' },
      { siteId: negSite, role: 'pharmacist' },
    ]);
    ctx = await ctxFor(t, rph.id);
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    techId = u.id;
    tech = await login(t.app, u.username);
  });
  afterAll(() => t.close());

  const sum = async (siteId: string, ndc11: string) =>
    (
      await t.db
        .selectFrom('inv_balances')
        .select('qty_milli')
        .where('site_id', '=', siteId)
        .where('ndc11', '=', ndc11)
        .execute()
    ).reduce((s, r) => s + Number(r.qty_milli), 0);

  it('serves on-hand from the API and refuses a dispense that would go negative (409, nothing written)', async () => {
    await receiveRaw(t, ctx, site, { ndc11: ATORVASTATIN, qty: 90, lot: 'DEMO-A1', expiry: '2099-01-31' });
    const c = as(t.app, tech);
    const on = await c.get(`/api/inventory/on-hand?siteId=${site}&ndc11=${ATORVASTATIN}&location=SHELF`);
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({
      total: 90,
      items: [{ lot: 'DEMO-A1', expiry: '2099-01-31', quantity: 90 }],
    });
    const before = await t.db.selectFrom('inv_movements').select('id').where('site_id', '=', site).execute();
    const res = await c.post('/api/inventory/movements', {
      siteId: site,
      type: 'dispense',
      location: 'SHELF',
      ndc11: ATORVASTATIN,
      lot: 'DEMO-A1',
      expiry: '2099-01-31',
      quantity: 91,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('insufficient_stock');
    expect(
      await t.db.selectFrom('inv_movements').select('id').where('site_id', '=', site).execute(),
    ).toHaveLength(before.length);
    const ok = await c.post('/api/inventory/movements', {
      siteId: site,
      type: 'dispense',
      location: 'SHELF',
      ndc11: ATORVASTATIN,
      lot: 'DEMO-A1',
      expiry: '2099-01-31',
      quantity: 30,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().movements[0]).toMatchObject({
      type: 'dispense',
      quantity: -30,
      balanceAfter: 60,
      userId: techId,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'inventory.dispense')
      .execute();
    expect(audit.some((a) => a.entity_id === ok.json().movements[0].groupId)).toBe(true);
  });

  it('a technician may not adjust (pharmacists only) and an adjustment needs a reason', async () => {
    const c = as(t.app, tech);
    const r = await c.post('/api/inventory/adjustments', {
      siteId: site,
      location: 'SHELF',
      ndc11: ATORVASTATIN,
      quantity: -1,
      reason: 'broken',
    });
    expect(r.statusCode).toBe(403);
  });

  it('transfers and quarantine move stock in pairs that sum to zero', async () => {
    const c = as(t.app, tech);
    const tr = await c.post('/api/inventory/movements', {
      siteId: site,
      type: 'quarantine',
      location: 'SHELF',
      ndc11: ATORVASTATIN,
      lot: 'DEMO-A1',
      expiry: '2099-01-31',
      quantity: 10,
      reason: 'damaged carton',
    });
    expect(tr.statusCode).toBe(201);
    const legs = tr.json().movements;
    expect(legs.map((m: { location: string; quantity: number }) => [m.location, m.quantity])).toEqual([
      ['SHELF', -10],
      ['QUARANTINE', 10],
    ]);
    expect(legs[0].groupId).toBe(legs[1].groupId);
    expect(await sum(site, ATORVASTATIN)).toBe(60_000);
    // Quarantined stock is not dispensable: FEFO skips it.
    await expect(
      t.db
        .transaction()
        .execute((trx) =>
          dispenseStock(trx, ctx, { siteId: site, ndc11: ATORVASTATIN, quantity: 51, reference: 'rx-q' }),
        ),
    ).rejects.toMatchObject({ code: 'insufficient_stock' });
  });

  it('dispenseStock picks first-expiry-first-out across lots, skips expired, and returnStock reverses by reference', async () => {
    await receiveRaw(t, ctx, site, { ndc11: LISINOPRIL, qty: 10, lot: 'DEMO-L2', expiry: '2098-06-30' });
    await receiveRaw(t, ctx, site, { ndc11: LISINOPRIL, qty: 10, lot: 'DEMO-L1', expiry: '2097-06-30' });
    await receiveRaw(t, ctx, site, { ndc11: LISINOPRIL, qty: 50, lot: 'DEMO-OLD', expiry: '2001-01-31' });
    const moves = await t.db.transaction().execute((trx) =>
      dispenseStock(trx, ctx, {
        siteId: site,
        ndc11: LISINOPRIL,
        quantity: 15,
        reference: 'fill-1',
        patientId: 'p1',
        idempotencyKey: 'fill-1',
      }),
    );
    expect(moves.map((m) => [m.lot, Number(m.qty_milli)])).toEqual([
      ['DEMO-L1', -10_000],
      ['DEMO-L2', -5_000],
    ]);
    // The same key again does not dispense twice.
    const again = await t.db.transaction().execute((trx) =>
      dispenseStock(trx, ctx, {
        siteId: site,
        ndc11: LISINOPRIL,
        quantity: 15,
        reference: 'fill-1',
        idempotencyKey: 'fill-1',
      }),
    );
    expect(again.map((m) => m.id).sort()).toEqual(moves.map((m) => m.id).sort());
    expect(await sum(site, LISINOPRIL)).toBe(55_000);
    await expect(
      t.db
        .transaction()
        .execute((trx) =>
          returnStock(trx, ctx, { siteId: site, ndc11: LISINOPRIL, quantity: 16, reference: 'fill-1' }),
        ),
    ).rejects.toMatchObject({ code: 'return_exceeds_dispensed' });
    const back = await t.db
      .transaction()
      .execute((trx) =>
        returnStock(trx, ctx, { siteId: site, ndc11: LISINOPRIL, quantity: 12, reference: 'fill-1' }),
      );
    expect(back.reduce((s, m) => s + Number(m.qty_milli), 0)).toBe(12_000);
    expect(back.every((m) => m.type === 'return_from_patient' && m.location === 'SHELF')).toBe(true);
    await expect(
      t.db
        .transaction()
        .execute((trx) =>
          returnStock(trx, ctx, { siteId: site, ndc11: LISINOPRIL, quantity: 4, reference: 'fill-1' }),
        ),
    ).rejects.toMatchObject({ code: 'return_exceeds_dispensed' });
  });

  it('a site that allows negative on-hand accepts the movement and flags it', async () => {
    const moves = await t.db
      .transaction()
      .execute((trx) =>
        dispenseStock(trx, ctx, { siteId: negSite, ndc11: LISINOPRIL, quantity: 3, reference: 'neg-1' }),
      );
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ negative_flag: 1, balance_after_milli: -3000 });
    expect(await verifyLedger(t.db, [negSite])).toEqual([]);
  });

  // Property test: random sequences of movements against an in-memory model.
  type Op =
    | { k: 'in'; loc: number; lot: number; q: number; key?: number }
    | { k: 'out'; loc: number; lot: number; q: number; key?: number }
    | { k: 'move'; from: number; to: number; lot: number; q: number };
  const LOCS = ['SHELF', 'VAULT', 'FRIDGE'];
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      k: fc.constant('in' as const),
      loc: fc.nat(2),
      lot: fc.nat(2),
      q: fc.integer({ min: 1, max: 20 }).map((n) => n * 1000),
      key: fc.option(fc.nat(5), { nil: undefined }),
    }),
    fc.record({
      k: fc.constant('out' as const),
      loc: fc.nat(2),
      lot: fc.nat(2),
      q: fc.integer({ min: 1, max: 20 }).map((n) => n * 1000),
      key: fc.option(fc.nat(5), { nil: undefined }),
    }),
    fc.record({
      k: fc.constant('move' as const),
      from: fc.nat(2),
      to: fc.nat(2),
      lot: fc.nat(2),
      q: fc.integer({ min: 1, max: 20 }).map((n) => n * 1000),
    }),
  );
  let runNo = 0;

  it('property: on-hand always equals the ledger sum, never negative, no movement lost or applied twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const ndc = `9${String(++runNo).padStart(10, '0')}`;
        const model = new Map<string, number>();
        const keysUsed = new Set<string>();
        let expectedRows = 0;
        for (const o of ops) {
          const moves: MovementInput[] = [];
          const bk = (loc: number, lot: number) => `${LOCS[loc]}|L${lot}`;
          if (o.k === 'move') {
            if (o.from === o.to) continue;
            moves.push({
              type: 'transfer_out',
              location: LOCS[o.from] ?? 'SHELF',
              ndc11: ndc,
              lot: `L${o.lot}`,
              qtyMilli: -o.q,
            });
            moves.push({
              type: 'transfer_in',
              location: LOCS[o.to] ?? 'SHELF',
              ndc11: ndc,
              lot: `L${o.lot}`,
              qtyMilli: o.q,
            });
          } else {
            const key = o.key === undefined ? undefined : `${ndc}-${o.k}-${o.key}`;
            moves.push({
              type: o.k === 'in' ? 'receive' : 'dispense',
              location: LOCS[o.loc] ?? 'SHELF',
              ndc11: ndc,
              lot: `L${o.lot}`,
              qtyMilli: o.k === 'in' ? o.q : -o.q,
              idempotencyKey: key,
            });
          }
          // Model: all-or-nothing use case; a keyed movement seen before is not applied again.
          const next = new Map(model);
          let ok = true;
          let rows = 0;
          for (const m of moves) {
            if (m.idempotencyKey && keysUsed.has(m.idempotencyKey)) continue;
            const k =
              m.type === 'transfer_out' || m.type === 'transfer_in'
                ? `${m.location}|${m.lot}`
                : bk(o.k === 'move' ? 0 : o.loc, o.lot);
            const v = (next.get(k) ?? 0) + m.qtyMilli;
            if (v < 0) ok = false;
            next.set(k, v);
            rows++;
          }
          let applied = true;
          try {
            await t.db
              .transaction()
              .execute((trx) => recordMovements(trx, ctx, site, moves, { action: 'inventory.test' }));
          } catch (err) {
            if (!(err instanceof AppError) || err.code !== 'insufficient_stock') throw err;
            applied = false;
          }
          expect(applied).toBe(ok);
          if (ok) {
            for (const [k, v] of next) model.set(k, v);
            for (const m of moves) if (m.idempotencyKey) keysUsed.add(m.idempotencyKey);
            expectedRows += rows;
          }
        }
        const balances = await t.db
          .selectFrom('inv_balances')
          .selectAll()
          .where('site_id', '=', site)
          .where('ndc11', '=', ndc)
          .execute();
        for (const b of balances) {
          expect(Number(b.qty_milli)).toBeGreaterThanOrEqual(0);
          expect(Number(b.qty_milli)).toBe(model.get(`${b.location}|${b.lot}`) ?? 0);
        }
        const rows = await t.db
          .selectFrom('inv_movements')
          .select('id')
          .where('site_id', '=', site)
          .where('ndc11', '=', ndc)
          .execute();
        expect(rows).toHaveLength(expectedRows);
        expect(await verifyLedger(t.db, [site])).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('property (concurrent): racing transactions never overdraw, lose or double-apply a movement', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            lot: fc.nat(1),
            q: fc.integer({ min: 1, max: 20 }),
            out: fc.boolean(),
            dup: fc.nat(3),
          }),
          { minLength: 5, maxLength: 60 },
        ),
        async (ops) => {
          const ndc = `8${String(++runNo).padStart(10, '0')}`;
          await receiveRaw(t, ctx, site, { ndc11: ndc, qty: 25, lot: 'L0' });
          // Every op is sent 1–4 times at once with the same idempotency key (retries racing each other).
          const attempts = ops.flatMap((o, i) =>
            Array.from({ length: 1 + o.dup }, () => ({ ...o, key: `${ndc}-${i}` })),
          );
          const results = await Promise.allSettled(
            attempts.map((a) =>
              t.db.transaction().execute((trx) =>
                recordMovements(
                  trx,
                  ctx,
                  site,
                  [
                    {
                      type: a.out ? 'dispense' : 'receive',
                      location: 'SHELF',
                      ndc11: ndc,
                      lot: `L${a.lot}`,
                      qtyMilli: (a.out ? -a.q : a.q) * 1000,
                      idempotencyKey: a.key,
                    },
                  ],
                  { action: 'inventory.test' },
                ),
              ),
            ),
          );
          for (const r of results)
            if (r.status === 'rejected')
              expect(['insufficient_stock', 'duplicate_movement']).toContain((r.reason as AppError).code);
          const moves = await t.db
            .selectFrom('inv_movements')
            .selectAll()
            .where('site_id', '=', site)
            .where('ndc11', '=', ndc)
            .execute();
          const keys = moves.map((m) => m.idempotency_key).filter(Boolean);
          expect(new Set(keys).size).toBe(keys.length);
          // Every op either landed exactly once or was refused in every attempt.
          const landed = new Set(keys);
          ops.forEach((_, i) => {
            const k = `${ndc}-${i}`;
            const anyOk = results.some((r, j) => r.status === 'fulfilled' && attempts[j]?.key === k);
            expect(landed.has(k)).toBe(anyOk);
          });
          const balances = await t.db
            .selectFrom('inv_balances')
            .selectAll()
            .where('site_id', '=', site)
            .where('ndc11', '=', ndc)
            .execute();
          for (const b of balances) expect(Number(b.qty_milli)).toBeGreaterThanOrEqual(0);
          const total = moves.reduce((s, m) => s + Number(m.qty_milli), 0);
          expect(balances.reduce((s, b) => s + Number(b.qty_milli), 0)).toBe(total);
          expect(await verifyLedger(t.db, [site])).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  }, 180_000);
});
