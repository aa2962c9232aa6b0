import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordMovements } from '../packages/server/src/modules/inventory/ledger/post';
import { onHandRows } from '../packages/server/src/modules/inventory/ledger/repository';
import type { MovementInput } from '../packages/server/src/modules/inventory/ledger/types';
import { verifyLedger } from '../packages/server/src/modules/inventory/ledger/verify';
import { suggestions } from '../packages/server/src/modules/inventory/purchasing/suggest';
import { migrateToLatest, openDatabase } from '../packages/server/src/platform/db/database';
import { newId, nowIso } from '../packages/server/src/platform/ids';
import { systemCtx } from '../packages/server/src/platform/system';
import { seedBenchTenant } from './support';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-inv-bench-'));
const handle = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
const { db } = handle;
await migrateToLatest(db);
const { org, site } = await seedBenchTenant(db);
const at = nowIso();
const ctx = await systemCtx(db, org);
const ndc = (i: number) => `9${String(i).padStart(10, '0')}`;
const LOCS = ['SHELF', 'VAULT', 'FRIDGE', 'FREEZER', 'QUARANTINE'];

// 1. Movements per second: many concurrent use cases, each one transaction with its audit entry.
async function movementRate(perUseCase: number, useCases: number) {
  const t0 = performance.now();
  const inflight: Promise<unknown>[] = [];
  for (let u = 0; u < useCases; u++) {
    const moves: MovementInput[] = [];
    for (let k = 0; k < perUseCase; k++) {
      const i = (u * perUseCase + k) % 2000;
      moves.push({
        type: 'receive',
        location: LOCS[i % 4] ?? 'SHELF',
        ndc11: ndc(i),
        lot: `L${i % 7}`,
        qtyMilli: 5000,
      });
    }
    inflight.push(
      db.transaction().execute((trx) => recordMovements(trx, ctx, site, moves, { action: 'bench' })),
    );
    if (inflight.length >= 256) await Promise.all(inflight.splice(0));
  }
  await Promise.all(inflight);
  const s = (performance.now() - t0) / 1000;
  return {
    movementsPerUseCase: perUseCase,
    useCases,
    movements: perUseCase * useCases,
    seconds: Math.round(s * 100) / 100,
    perSecond: Math.round((perUseCase * useCases) / s),
  };
}
const single = await movementRate(1, 10_000);
const batched = await movementRate(50, 1_000);

// 2. On-hand lookups over 100,000 product-location pairs (20,000 NDCs × 5 locations), loaded in bulk.
const PAIRS = 100_000;
for (let start = 0; start < PAIRS; start += 5000) {
  await db.transaction().execute(async (trx) => {
    const rows = [];
    for (let p = start; p < start + 5000; p++)
      rows.push({
        id: newId(),
        site_id: site,
        location: LOCS[p % 5] ?? 'SHELF',
        ndc11: ndc(10_000 + Math.floor(p / 5)),
        lot: 'B1',
        expiry: '2099-01-31',
        serial: '',
        qty_milli: 100_000,
        updated_at: at,
      });
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('inv_balances')
        .values(rows.slice(i, i + 500))
        .execute();
    const moves = rows.map((r) => ({
      id: newId(),
      group_id: 'bulk',
      site_id: site,
      type: 'receive',
      location: r.location,
      ndc11: r.ndc11,
      lot: 'B1',
      expiry: '2099-01-31',
      serial: '',
      qty_milli: 100_000,
      balance_after_milli: 100_000,
      negative_flag: 0,
      unit_cost_micro: 10_000,
      user_id: null,
      witness_user_id: null,
      patient_id: null,
      idempotency_key: null,
      occurred_at: at,
      reason: null,
      reference: null,
    }));
    for (let i = 0; i < moves.length; i += 500)
      await trx
        .insertInto('inv_movements')
        .values(moves.slice(i, i + 500))
        .execute();
  });
}
const lat: number[] = [];
for (let k = 0; k < 20_000; k++) {
  const p = Math.floor(Math.random() * PAIRS);
  const t = performance.now();
  await onHandRows(db, { siteIds: [site], ndc11: ndc(10_000 + Math.floor(p / 5)), location: LOCS[p % 5] });
  lat.push(performance.now() - t);
}
lat.sort((a, b) => a - b);
const pct = (q: number) => Math.round((lat[Math.floor(q * (lat.length - 1))] ?? 0) * 1000) / 1000;

// Balances must still equal the ledger after the service writes and the consistent bulk load.
const mismatches = (await verifyLedger(db, [site])).length;

// 3. Suggested orders for 10,000 products with usage history (usage rows inserted raw: history only).
await db.transaction().execute(async (trx) => {
  const items = Array.from({ length: 10_000 }, (_, i) => ({
    site_id: site,
    ndc11: ndc(10_000 + i),
    description: null,
    dea_schedule: null,
    package_qty: 100,
    unit_cost_micro: 10_000 + i,
    lead_time_days: 2,
    safety_days: 3,
    updated_at: at,
  }));
  for (let i = 0; i < items.length; i += 500)
    await trx
      .insertInto('inv_items')
      .values(items.slice(i, i + 500))
      .execute();
  const uses = Array.from({ length: 30_000 }, (_, k) => ({
    id: newId(),
    group_id: 'use',
    site_id: site,
    type: 'dispense',
    location: 'SHELF',
    ndc11: ndc(10_000 + (k % 10_000)),
    lot: 'B1',
    expiry: '2099-01-31',
    serial: '',
    qty_milli: -((k % 97) + 1) * 1000,
    balance_after_milli: 0,
    negative_flag: 0,
    unit_cost_micro: null,
    user_id: null,
    witness_user_id: null,
    patient_id: null,
    idempotency_key: null,
    occurred_at: at,
    reason: null,
    reference: null,
  }));
  for (let i = 0; i < uses.length; i += 500)
    await trx
      .insertInto('inv_movements')
      .values(uses.slice(i, i + 500))
      .execute();
});
const t3 = performance.now();
const sugg = await suggestions(db, ctx, { siteId: site, days: 30, highCostCents: 5000, all: true });
const suggestMs = Math.round(performance.now() - t3);

await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'inventory (SQLite, in-process)',
      cores: os.cpus().length,
      movements: { singleMovementUseCases: single, batchedUseCases: batched },
      onHandLookup: { pairs: PAIRS, lookups: lat.length, p50Ms: pct(0.5), p99Ms: pct(0.99) },
      suggestedOrders: { products: sugg.length, milliseconds: suggestMs },
      ledgerMismatchesAfterRun: mismatches,
      targets: { movementsPerSecond: 10_000 },
      met: {
        movementsPerSecondBatched: batched.perSecond >= 10_000,
        movementsPerSecondSingle: single.perSecond >= 10_000,
      },
    },
    null,
    2,
  ),
);
