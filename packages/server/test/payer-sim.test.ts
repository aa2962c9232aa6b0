import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type D0Request, type D0Response, decodeResponse, encodeRequest } from '@apotheca/core/ncpdp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader } from '../src/modules/claims/framing';
import { PayerEngine } from '../src/payer-sim/engine';
import { loadPlansFile, type PlansFile, parsePlans } from '../src/payer-sim/plans';
import { costShare } from '../src/payer-sim/pricing';
import { startPayerSim } from '../src/payer-sim/server';

const EXAMPLE = path.resolve(import.meta.dirname, '../payer-sim/plans.example.json');
const NPI = '1558598797'; // CMS worked-example NPI (valid check digit), a test identifier
const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');

function b1(
  over: {
    member?: string;
    ndc?: string;
    qty?: number;
    days?: number;
    rx?: string;
    code?: 'B1' | 'B2' | 'B3';
    bin?: string;
    pcn?: string;
    dur?: D0Request['transactions'][number]['dur'];
    gender?: string;
  } = {},
): string {
  const req: D0Request = {
    header: {
      bin: over.bin ?? '999999',
      version: 'D0',
      transactionCode: over.code ?? 'B1',
      pcn: over.pcn ?? 'APOTEST',
      transactionCount: 1,
      serviceProviderIdQualifier: '01',
      serviceProviderId: '1234567893',
      dateOfService: today,
      softwareVendorCertId: 'TEST',
    },
    patient: { dateOfBirth: '19580314', genderCode: over.gender ?? '2' },
    insurance: { cardholderId: over.member ?? 'TESTGARCIA01', groupId: 'DEMOGRP' },
    transactions: [
      {
        claim: {
          rxReferenceQualifier: '1',
          rxNumber: over.rx ?? '1000001',
          productIdQualifier: '03',
          productId: over.ndc ?? '00591040501',
          quantityDispensed: over.qty ?? 30,
          fillNumber: 0,
          daysSupply: over.days ?? 30,
        },
        pricing: {
          ingredientCostSubmittedCents: 40,
          dispensingFeeSubmittedCents: 400,
          usualAndCustomaryChargeCents: 1000,
          grossAmountDueCents: 440,
        },
        prescriber: { prescriberIdQualifier: '01', prescriberId: NPI },
        ...(over.dur ? { dur: over.dur } : {}),
      },
    ],
  };
  return encodeRequest(req);
}

const decode = (raw: string): D0Response => {
  const r = decodeResponse(raw);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const status = (raw: string) => decode(raw).transactions[0]?.status;

describe('payer simulator engine (in process)', () => {
  let plans: PlansFile;
  let engine: PayerEngine;
  beforeAll(async () => {
    plans = await loadPlansFile(EXAMPLE);
    engine = PayerEngine.fromFile(plans);
  });

  it('the shipped example plans file validates and marks its values as test values', () => {
    expect(plans.plans.map((p) => p.bin)).toEqual(['999999', '999998']);
    expect(plans.description).toMatch(/TEST/);
    expect(() => parsePlans({ plans: [{ id: 'X', name: 'X', bin: '12345' }] })).toThrow(/plans\.0\.bin/);
  });

  it('pays with the tier-1 flat copay; lesser of cost + plan fee and U&C', () => {
    const res = decode(engine.process(b1()));
    const tx = res.transactions[0];
    expect(res.header.headerResponseStatus).toBe('A');
    expect(tx?.status?.transactionStatus).toBe('P');
    // allowed = 40 ingredient + 150 plan fee = 190 < U&C 1000; copay 500 capped at the allowed 190.
    expect(tx?.pricing).toMatchObject({
      patientPayAmountCents: 190,
      totalAmountPaidCents: 0,
      dispensingFeePaidCents: 150,
    });
  });

  it('answers a repeated B1 as a duplicate of the paid claim (D), and reverses with B2 then 87 on a second B2', () => {
    const rx = '2000001';
    expect(
      status(engine.process(b1({ rx, member: 'TESTNGUYEN01', ndc: '00143988815', qty: 150, days: 10 })))
        ?.transactionStatus,
    ).toBe('P');
    expect(
      status(engine.process(b1({ rx, member: 'TESTNGUYEN01', ndc: '00143988815', qty: 150, days: 10 })))
        ?.transactionStatus,
    ).toBe('D');
    expect(status(engine.process(b1({ rx, code: 'B2', member: 'TESTNGUYEN01' })))?.transactionStatus).toBe(
      'A',
    );
    expect(status(engine.process(b1({ rx, code: 'B2', member: 'TESTNGUYEN01' })))?.rejects).toEqual([
      { code: '87' },
    ]);
    const mine = engine.history.all.filter((c) => c.rxNumber === rx);
    expect(mine.map((c) => c.status)).toEqual(['reversed']);
  });

  it('rejects 70 / 75 / 76 / 61 / 52 / 65 / 04 / 01 with the details a pharmacy needs', () => {
    const e = PayerEngine.fromFile(plans);
    const r70 = decode(e.process(b1({ ndc: '00093551798', rx: '3000001' })));
    expect(r70.transactions[0]?.status?.rejects).toEqual([{ code: '70' }]);
    const r75 = decode(e.process(b1({ ndc: '00093645156', rx: '3000002' })));
    expect(r75.transactions[0]?.status?.rejects).toEqual([{ code: '75' }]);
    expect(r75.transactions[0]?.claim?.preferredProducts?.[0]?.productId).toBe('00781286801');
    const r76 = decode(e.process(b1({ qty: 120, days: 120, rx: '3000003' })));
    expect(r76.transactions[0]?.status?.rejects).toEqual([{ code: '76' }]);
    expect(r76.transactions[0]?.status?.additionalMessages?.[0]?.text).toBe(
      'PLAN LIMIT MAX QTY 90 MAX DS 90',
    );
    expect(
      status(e.process(b1({ ndc: '00555088602', member: 'TESTJOHNSON1', rx: '3000004', gender: '1' })))
        ?.rejects,
    ).toEqual([{ code: '61' }]);
    expect(status(e.process(b1({ member: 'NOSUCH', rx: '3000005' })))?.rejects).toEqual([{ code: '52' }]);
    expect(status(e.process(b1({ member: 'TESTSMITH001', rx: '3000006' })))?.rejects).toEqual([
      { code: '65' },
    ]);
    expect(status(e.process(b1({ pcn: 'OTHER', rx: '3000007' })))?.rejects).toEqual([{ code: '04' }]);
    expect(status(e.process(b1({ bin: '123456', rx: '3000008' })))?.rejects).toEqual([{ code: '01' }]);
  });

  it('refill too soon (79) gives the next fill date from the plan threshold (75% of 30 days = day 23)', () => {
    const e = PayerEngine.fromFile(plans);
    expect(status(e.process(b1({ rx: '4000001' })))?.transactionStatus).toBe('P');
    const res = decode(e.process(b1({ rx: '4000002' })));
    expect(res.transactions[0]?.status?.rejects?.map((r) => r.code)).toContain('79');
    const next = new Date(Date.now() + 23 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    expect(res.transactions[0]?.status?.additionalMessages?.map((m) => m.text)).toContain(
      `NEXT FILL DATE ${next}`,
    );
  });

  it('DUR 88 for warfarin + naproxen (DD, major) unless the DUR/PPS segment overrides it', () => {
    const e = PayerEngine.fromFile(plans);
    expect(
      status(e.process(b1({ member: 'TESTJOHNSON1', ndc: '00093171601', rx: '5000001' })))?.transactionStatus,
    ).toBe('P');
    const r = decode(e.process(b1({ member: 'TESTJOHNSON1', ndc: '49483061901', rx: '5000002' })));
    expect(r.transactions[0]?.status?.rejects).toEqual([{ code: '88' }]);
    expect(r.transactions[0]?.dur?.entries?.[0]).toMatchObject({
      reasonForServiceCode: 'DD',
      clinicalSignificanceCode: '1',
      previousDateOfFill: today,
    });
    const ok = e.process(
      b1({
        member: 'TESTJOHNSON1',
        ndc: '49483061901',
        rx: '5000002',
        dur: {
          entries: [{ reasonForServiceCode: 'DD', professionalServiceCode: 'M0', resultOfServiceCode: '1G' }],
        },
      }),
    );
    expect(status(ok)?.transactionStatus).toBe('P');
  });

  it('secondary plan rejects 41 without COB and names the primary payer', () => {
    const r = decode(
      engine.process(b1({ bin: '999998', pcn: 'APOTEST2', member: 'TESTJOHNSON2', rx: '6000001' })),
    );
    expect(r.transactions[0]?.status?.rejects).toEqual([{ code: '41' }]);
    expect(r.transactions[0]?.cob?.otherPayers?.[0]).toMatchObject({
      id: '999999',
      cardholderId: 'TESTJOHNSON1',
    });
  });

  it('answers unreadable input with R8 and never throws', () => {
    for (const junk of ['', 'hello', '999999D0B1', `999999D0B1${'\x1c'.repeat(50)}`]) {
      const r = decode(engine.process(junk));
      expect(r.transactions[0]?.status?.rejects?.[0]?.code).toBe('R8');
    }
  });

  it('cost share: flat copay, coinsurance clamped to min/max, never above the allowed amount', () => {
    expect(costShare({ copayCents: 500 }, 300).cents).toBe(300);
    expect(costShare({ coinsurancePercent: 25, minCents: 2500, maxCents: 10000 }, 4000).cents).toBe(2500);
    expect(costShare({ coinsurancePercent: 25, minCents: 2500, maxCents: 10000 }, 80000).cents).toBe(10000);
    expect(costShare({ coinsurancePercent: 25, minCents: 2500 }, 1000).cents).toBe(1000);
  });
});

describe('payer simulator server: TCP framing, faults', () => {
  let sim: Awaited<ReturnType<typeof startPayerSim>>;
  beforeAll(async () => {
    sim = await startPayerSim({ plans: await loadPlansFile(EXAMPLE), port: 0, httpPort: 0 });
  });
  afterAll(() => sim.close());
  // Every paid lisinopril claim makes the next one "refill too soon": start each case with an empty history.
  const reset = () => fetch(`http://127.0.0.1:${sim.httpPort}/admin/reset`, { method: 'POST' });
  beforeEach(reset);

  const roundTrip = (raw: string, timeoutMs = 2000) =>
    new Promise<string | 'timeout' | 'closed'>((resolve) => {
      const s = net.connect(sim.tcpPort, '127.0.0.1');
      const reader = new FrameReader();
      const t = setTimeout(() => {
        s.destroy();
        resolve('timeout');
      }, timeoutMs);
      s.on('data', (c) => {
        const [m] = reader.push(c);
        if (m !== undefined) {
          clearTimeout(t);
          s.destroy();
          resolve(m);
        }
      });
      s.on('close', () => {
        clearTimeout(t);
        resolve('closed');
      });
      s.write(encodeFrame(raw));
    });

  it('answers over TCP with a length-prefixed frame and over HTTP POST /d0', async () => {
    const res = await roundTrip(b1({ rx: '7000001' }));
    expect(typeof res === 'string' && status(res)?.transactionStatus).toBe('P');
    await reset();
    const http = await fetch(`http://127.0.0.1:${sim.httpPort}/d0`, {
      method: 'POST',
      body: Buffer.from(b1({ rx: '7000002' }), 'latin1'),
    });
    expect(status(Buffer.from(await http.arrayBuffer()).toString('latin1'))?.transactionStatus).toBe('P');
  });

  it('fault "timeout" adjudicates but never answers; "drop" closes the connection; count expires the fault', async () => {
    await fetch(`http://127.0.0.1:${sim.httpPort}/admin/fault`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'timeout', count: 1 }),
    });
    expect(await roundTrip(b1({ rx: '7000003' }), 300)).toBe('timeout');
    expect(sim.engine.history.all.find((c) => c.rxNumber === '7000003')?.status).toBe('paid');
    await fetch(`http://127.0.0.1:${sim.httpPort}/admin/fault`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'drop', count: 1, bin: '999999' }),
    });
    expect(await roundTrip(b1({ rx: '7000004' }))).toBe('closed');
    await reset();
    const after = await roundTrip(b1({ rx: '7000005' }));
    expect(typeof after === 'string' && status(after)?.transactionStatus).toBe('P');
  });

  it('admin: PA on file makes the 75 drug pay; GET /admin/claims filters by status', async () => {
    const base = `http://127.0.0.1:${sim.httpPort}`;
    const before = await roundTrip(b1({ ndc: '00093645156', rx: '7000006' }));
    expect(typeof before === 'string' && status(before)?.rejects).toEqual([{ code: '75' }]);
    const pa = await fetch(`${base}/admin/pa`, {
      method: 'POST',
      body: JSON.stringify({ memberId: 'TESTGARCIA01', ndc11: '00093645156', paNumber: 'PA123' }),
    });
    expect(pa.status).toBe(201);
    const after = await roundTrip(b1({ ndc: '00093645156', rx: '7000006' }));
    expect(typeof after === 'string' && status(after)?.transactionStatus).toBe('P');
    const paid = (await (await fetch(`${base}/admin/claims?status=paid`)).json()) as {
      claims: { rxNumber: string; paNumber: string }[];
    };
    expect(paid.claims.find((c) => c.rxNumber === '7000006')?.paNumber).toBe('PA123');
    expect((await fetch(`${base}/admin/pa`, { method: 'POST', body: '{}' })).status).toBe(400);
  });
});

it('plans example is JSON (no YAML parser needed)', () => {
  expect(() => JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'))).not.toThrow();
});
