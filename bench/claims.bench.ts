/**
 * Claims round trips against the payer simulator on loopback (issue 5). Target: ≥ 2,000 round trips/s with
 * p99 < 10 ms. The simulator runs as its own process (`apotheca payer-sim`); the client is the pharmacy's
 * TcpSwitch (persistent connections, 4-byte length prefix). Each round trip = encode a D.0 request, send, receive,
 * decode the response. Pairs of B1 (paid) + B2 (reversal) keep the payer's history from rejecting refills.
 * Prints JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type D0Request, decodeResponse, encodeRequest } from '../packages/core/src/ncpdp/index';
import { TcpSwitch } from '../packages/server/src/modules/claims/switch';
import { spawnPayerSim } from '../packages/server/src/payer-sim/spawn';

const MEMBERS = 500;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-claims-bench-'));
const plansFile = path.join(dir, 'plans.json');
fs.writeFileSync(
  plansFile,
  JSON.stringify({
    description: 'TEST plan for the benchmark (invented BIN/members)',
    plans: [
      {
        id: 'BENCH',
        name: 'BENCH TEST PLAN',
        bin: '999999',
        pcn: 'BENCH',
        tiers: { '1': { copayCents: 500 } },
        formulary: [{ ndc11: '00591040501', name: 'Lisinopril', ingredients: ['lisinopril'], tier: 1 }],
        members: Array.from({ length: MEMBERS }, (_, i) => ({
          memberId: `BENCH${String(i).padStart(5, '0')}`,
        })),
      },
    ],
  }),
);

const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
const request = (code: 'B1' | 'B2', i: number): D0Request => ({
  header: {
    bin: '999999',
    version: 'D0',
    transactionCode: code,
    pcn: 'BENCH',
    transactionCount: 1,
    serviceProviderIdQualifier: '01',
    serviceProviderId: '1234567893',
    dateOfService: today,
    softwareVendorCertId: 'APOTHECA01',
  },
  patient: { dateOfBirth: '19700101', genderCode: '2', firstName: 'TEST', lastName: 'PATIENT' },
  insurance: { cardholderId: `BENCH${String(i % MEMBERS).padStart(5, '0')}`, personCode: '001' },
  transactions: [
    {
      claim: {
        rxReferenceQualifier: '1',
        rxNumber: String(1_000_000 + i),
        productIdQualifier: '03',
        productId: '00591040501',
        quantityDispensed: 30,
        fillNumber: 0,
        daysSupply: 30,
        ...(code === 'B1' ? { compoundCode: '1', dawCode: '0' } : {}),
      },
      ...(code === 'B1'
        ? {
            pricing: {
              ingredientCostSubmittedCents: 40,
              dispensingFeeSubmittedCents: 400,
              usualAndCustomaryChargeCents: 500,
              grossAmountDueCents: 440,
            },
            prescriber: { prescriberIdQualifier: '01', prescriberId: '1558598797' },
          }
        : {}),
    },
  ],
});

const sim = await spawnPayerSim(plansFile);
const sw = new TcpSwitch('127.0.0.1', sim.tcpPort, 64);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DURATION_MS = Number(process.env.BENCH_MS ?? 4000);

async function run(ms: number) {
  const latencies: number[] = [];
  let next = 0;
  let bad = 0;
  const deadline = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      for (const code of ['B1', 'B2'] as const) {
        const t0 = performance.now();
        const raw = await sw.send(encodeRequest(request(code, i)), 5000);
        const res = decodeResponse(raw);
        latencies.push(performance.now() - t0);
        const st = res.ok ? res.value.transactions[0]?.status?.transactionStatus : 'X';
        if (st !== (code === 'B1' ? 'P' : 'A')) bad++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, bad, seconds: (performance.now() - t0) / 1000 };
}

await run(500); // warm up (JIT, connections)
const r = await run(DURATION_MS);
r.latencies.sort((a, b) => a - b);
const q = (p: number) =>
  Number((r.latencies[Math.min(r.latencies.length - 1, Math.floor(p * r.latencies.length))] ?? 0).toFixed(3));
const perSecond = Math.round(r.latencies.length / r.seconds);
process.stdout.write(
  `${JSON.stringify(
    {
      bench: 'claims round trips (pharmacy TcpSwitch ⇄ payer-sim process, loopback)',
      concurrency: CONCURRENCY,
      roundTrips: r.latencies.length,
      unexpectedStatus: r.bad,
      roundTripsPerSecond: perSecond,
      p50Ms: q(0.5),
      p99Ms: q(0.99),
      maxMs: q(1),
      target: { roundTripsPerSecond: 2000, p99Ms: 10 },
      meetsTarget: perSecond >= 2000 && q(0.99) < 10,
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    null,
    2,
  )}\n`,
);
sw.close();
await sim.stop();
fs.rmSync(dir, { recursive: true, force: true });
