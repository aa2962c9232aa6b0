/**
 * Prescription workflow benchmark (issue 4): prescriptions per second end to end — intake, data entry with sig
 * parsing, days' supply, law checks and screening, pharmacist data verification, payment, fill with a GS1 scan and
 * an inventory dispense, e-signed final verification, pickup — every step its own audited transaction, through the
 * same service functions the API calls. SQLite and PostgreSQL. Target on 2 cores: ≥ 300 prescriptions/s on SQLite.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ndc10ToGtin14 } from '../packages/core/src/ndc/index';
import { loadStarterCatalogue } from '../packages/server/src/modules/drugs/starter';
import { adjustStock } from '../packages/server/src/modules/inventory/ledger/service';
import { createPatient } from '../packages/server/src/modules/patients/service';
import { createPrescriber } from '../packages/server/src/modules/prescribers/service';
import { createManualPrescription, enterData } from '../packages/server/src/modules/prescriptions/service';
import { act } from '../packages/server/src/modules/prescriptions/workflow';
import { AuthService } from '../packages/server/src/platform/auth/service';
import { sha256 } from '../packages/server/src/platform/auth/tokens';
import { loadConfig } from '../packages/server/src/platform/config';
import {
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
} from '../packages/server/src/platform/db/database';
import { systemCtx } from '../packages/server/src/platform/system';
import { seedBenchTenant } from './support';

const N = Number(process.env.BENCH_RX ?? 1200);
/** Prescriptions in flight at once: a busy counter (16) and a mail-order plant's conveyor (64). */
const CONCURRENCY = (process.env.BENCH_WORKERS ?? '16,64').split(',').map(Number);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LIS = { ndc11: '00591040501', ndc10: '0591-0405-01' };
const PASSWORD = 'bench-password-1';

async function setup(handle: DatabaseHandle) {
  const { db } = handle;
  await migrateToLatest(db);
  await loadStarterCatalogue(db);
  const tenant = await seedBenchTenant(db, {
    roles: ['technician', 'pharmacist'],
    password: PASSWORD,
    csPrivileges: 'CII-V',
  });
  const { org, site } = tenant;
  const users: Record<string, string> = {
    technician: tenant.users.technician?.username ?? '',
    pharmacist: tenant.users.pharmacist?.username ?? '',
  };
  const sys = await systemCtx(db, org);
  // A realistic spread: each patient has a handful of active prescriptions, not hundreds.
  const patients: string[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(N / 5)); i++)
    patients.push(
      (
        await createPatient(db, sys, {
          siteId: site,
          firstName: `Bench${i}`,
          lastName: 'Patient',
          birthDate: '1970-01-01',
          sex: 'female',
          allergyStatus: 'nka',
          pregnancyStatus: 'unknown',
          lactating: false,
          preferences: {},
          identifiers: [],
          confirmNotDuplicate: true,
        })
      ).id,
    );
  const prescriber = await createPrescriber(db, sys, {
    siteId: site,
    firstName: 'Elena',
    lastName: 'Rossi',
    npi: '1558598797',
    isTestIdentifier: true,
  });
  const auth = new AuthService(db, loadConfig({ logLevel: 'silent' }, {}));
  const sessions: Record<string, Awaited<ReturnType<AuthService['login']>>> = {};
  for (const role of ['technician', 'pharmacist'])
    sessions[role] = await auth.login({
      username: users[role] as string,
      password: PASSWORD,
      clientAddress: '127.0.0.1',
      requestId: null,
    });
  const ctxOf = (role: string) => ({
    actor: sessions[role]!.actor,
    meta: { requestId: null, clientAddress: '127.0.0.1', sessionKey: sha256(sessions[role]!.token) },
  });
  return {
    site,
    patients,
    prescriberId: prescriber.id,
    auth,
    tech: ctxOf('technician'),
    rph: ctxOf('pharmacist'),
    sys,
  };
}

async function run(kind: 'sqlite' | 'postgres', WORKERS: number) {
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-wf-'));
    handle = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'wf.db') });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `benchwf_${randomBytes(4).toString('hex')}`;
    handle = await openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 12 });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  }
  const s = await setup(handle);
  const { db } = handle;
  // Opening stock: a pharmacist's adjustment through the ledger service.
  const expiry = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  await adjustStock(db, s.rph, {
    siteId: s.site,
    ndc11: LIS.ndc11,
    lot: 'BENCH1',
    expiry,
    location: 'SHELF',
    quantity: N * 30 + 100,
    reason: 'bench stock',
  });
  const g = ndc10ToGtin14(LIS.ndc10);
  const scan = `01${g.ok ? g.gtin14 : ''}17${expiry.slice(2).replaceAll('-', '')}10BENCH1`;
  const today = new Date().toISOString().slice(0, 10);
  const latencies: number[] = [];
  let next = 0;
  /** One prescription, intake → sold, every step through the services the API calls. */
  const onePrescription = async (patientId: string) => {
    const { fill } = await createManualPrescription(db, s.tech, {
      siteId: s.site,
      origin: 'phone',
      patientId,
      prescriberId: s.prescriberId,
      drugDescription: 'Lisinopril 2.5 mg',
      writtenDate: today,
      refillsAuthorized: 0,
      daw: '0',
      priority: 'normal',
    });
    await act(db, s.auth, s.tech, fill.id, 'accept_intake', {});
    await enterData(db, s.tech, fill.id, {
      ndc11: LIS.ndc11,
      sigText: '1 tab po daily',
      quantity: 30,
      refillsAuthorized: 0,
      daw: '0',
    });
    await act(db, s.auth, s.tech, fill.id, 'submit_entry', {});
    await act(db, s.auth, s.rph, fill.id, 'verify_data', {});
    await act(db, s.auth, s.tech, fill.id, 'adjudicate', { payment: 'cash' });
    await act(db, s.auth, s.tech, fill.id, 'record_fill', { scan });
    await act(db, s.auth, s.rph, fill.id, 'verify_final', { password: PASSWORD });
    await act(db, s.auth, s.tech, fill.id, 'sell', {
      pickup: {
        patientId,
        birthDateConfirmed: '1970-01-01',
        signature: 'sig',
        counseling: 'declined',
      },
    });
  };
  // Warm-up, not timed: JIT, statement caches, and the pharmacist's first e-signature of the session (a full scrypt
  // password check; later signings in the same session use the signing period, 21 CFR 11.200(a)(1)(i)).
  await onePrescription(s.patients[0] as string);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < N) {
        const i = next++;
        const patientId = s.patients[i % s.patients.length] as string;
        const start = performance.now();
        await onePrescription(patientId);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sold = await db
    .selectFrom('fills')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '=', 'sold')
    .executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  await handle.close();
  await cleanup();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return {
    prescriptions: N,
    workers: WORKERS,
    seconds: Math.round(seconds * 100) / 100,
    prescriptionsPerSecond: Math.round(N / seconds),
    perPrescriptionMs: { p50: pct(0.5), p99: pct(0.99) },
    sold: Number(sold.n),
    auditEntries: Number(audit.n),
  };
}

const out: Record<string, unknown> = {
  benchmark: 'prescription workflow intake → sold',
  target: { sqlitePrescriptionsPerSecond: 300 },
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
for (const w of CONCURRENCY) out[`sqlite_${w}_in_flight`] = await run('sqlite', w);
try {
  out.postgres_64_in_flight = await run('postgres', 64);
} catch (err) {
  out.postgres = { skipped: (err as Error).message };
}
console.log(JSON.stringify(out, null, 2));
