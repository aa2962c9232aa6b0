import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ndc10ToGtin14 } from '@apotheca/core/ndc';
import { buildScriptMessage, parseScriptMessage, type ScriptMessage } from '@apotheca/core/script';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { as, buildOrg, buildUser, createTestApp, login, PASSWORD, type TestApp } from './helpers';

const fixtureDir = path.resolve(import.meta.dirname, '../../core/src/script/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(fixtureDir, name), 'utf8');
const AMOX = '00143988815'; // amoxicillin 125 mg/5 mL suspension (NADAC 2025, starter catalogue)
const NCPDP = '9999001'; // test NCPDP id, as in the fixtures
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

/** A NewRx built from the lisinopril fixture, re-addressed to our test patient, prescriber and product. */
function newRx(overrides: {
  lastName?: string;
  firstName?: string;
  dob?: string;
  messageId: string;
  order: string;
}) {
  const base = parseScriptMessage(fixture('newrx-lisinopril.xml'));
  if (!base.ok || base.message.type !== 'NewRx') throw new Error('fixture');
  const m = structuredClone(base.message) as Extract<ScriptMessage, { type: 'NewRx' }>;
  m.header = {
    ...m.header,
    to: NCPDP,
    messageId: overrides.messageId,
    prescriberOrderNumber: overrides.order,
  };
  m.body.patient = {
    ...m.body.patient,
    name: { lastName: overrides.lastName ?? 'Lopez', firstName: overrides.firstName ?? 'Ana' },
    dateOfBirth: overrides.dob ?? '1990-04-02',
    gender: 'F',
    identifiers: {},
  };
  m.body.medication = {
    ...m.body.medication,
    drugDescription: 'Amoxicillin 125 MG/5 ML Oral Suspension',
    productCode: { code: AMOX, qualifier: 'ND' },
    sigText: 'Take 5 mL by mouth three times daily for 10 days',
    quantity: { value: '150', codeListQualifier: '38', unitOfMeasureCode: 'C28254' },
    daysSupply: 10,
    numberOfRefills: 0,
    writtenDate: inDays(0),
  };
  delete (m.body.medication as { drugDbCode?: unknown }).drugDbCode;
  return buildScriptMessage(m);
}

describe(`e-prescriptions over NCPDP SCRIPT (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let token: string;
  let tech: ReturnType<typeof as>;
  let rph: ReturnType<typeof as>;
  let patientId: string;
  const post = (xml: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/erx/inbound',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      payload: xml,
    });

  beforeAll(async () => {
    t = await createTestApp();
    await loadStarterCatalogue(t.db);
    const org = await buildOrg(t.db);
    const adminUser = await buildUser(t.db, org, []);
    const { buildSite } = await import('./helpers');
    site = await buildSite(t.db, org, { code: 'ERX1' });
    await t.db.updateTable('sites').set({ ncpdp_id: NCPDP }).where('id', '=', site).execute();
    await t.db
      .insertInto('user_roles')
      .values({ user_id: adminUser.id, site_id: site, role: 'admin' })
      .execute();
    const admin = as(t.app, await login(t.app, adminUser.username));
    token = (
      await admin.post('/api/tokens', { name: 'SCRIPT gateway', scopes: ['erx.receive'], siteId: site })
    ).json().token;
    tech = as(
      t.app,
      await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }])).username),
    );
    rph = as(
      t.app,
      await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }])).username),
    );
    patientId = (
      await tech.post('/api/patients', {
        siteId: site,
        firstName: 'Ana',
        lastName: 'Lopez',
        birthDate: '1990-04-02',
        sex: 'female',
      })
    ).json().id;
    // Test-only NPI from the fixture (made with makeTestNpi, valid check digit).
    await tech.post('/api/prescribers', {
      siteId: site,
      firstName: 'Avery',
      lastName: 'Testwell',
      npi: '1000000012',
      isTestIdentifier: true,
    });
    await rph.post('/api/inventory/adjustments', {
      siteId: site,
      ndc11: AMOX,
      lot: 'ERXLOT',
      expiry: inDays(200),
      location: 'SHELF',
      quantity: 500,
      reason: 'opening stock',
    });
  });
  afterAll(() => t.close());

  it('drives a NewRx from intake to sold, each role doing its step', async () => {
    const res = await post(newRx({ messageId: 'MSG-NEWRX-1', order: 'ORD-1' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const reply = parseScriptMessage(res.body);
    expect(reply.ok && reply.message.type).toBe('Status');
    expect(reply.ok && reply.message.header.relatesToMessageId).toBe('MSG-NEWRX-1');
    const rxId = res.headers['x-prescription-id'] as string;
    const rx = await t.db
      .selectFrom('prescriptions')
      .selectAll()
      .where('id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(rx).toMatchObject({ origin: 'erx', patient_id: patientId, ndc11: AMOX, refills_authorized: 0 });
    const kept = await t.db
      .selectFrom('erx_messages')
      .select('raw')
      .where('prescription_id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(kept.raw).toContain('MSG-NEWRX-1'); // original kept verbatim
    const fill = await t.db
      .selectFrom('fills')
      .selectAll()
      .where('prescription_id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(fill.state).toBe('intake');

    const step = (who: typeof tech, action: string, body: Record<string, unknown> = {}) =>
      who.post(`/api/fills/${fill.id}/actions/${action}`, body);
    expect((await step(tech, 'accept_intake')).statusCode).toBe(200);
    const entry = await tech.put(`/api/fills/${fill.id}/entry`, {
      ndc11: AMOX,
      sigText: '5 mL po tid x10d',
      quantity: 150,
      refillsAuthorized: 0,
    });
    expect(entry.statusCode, entry.body).toBe(200);
    expect((await step(tech, 'submit_entry')).statusCode).toBe(200);
    expect((await step(rph, 'verify_data')).statusCode).toBe(200);
    expect((await step(tech, 'adjudicate', { payment: 'cash' })).statusCode).toBe(200);
    const g = ndc10ToGtin14('0143-9888-15');
    const scan = `01${g.ok ? g.gtin14 : ''}17${inDays(200).slice(2).replaceAll('-', '')}10ERXLOT`;
    expect((await step(tech, 'record_fill', { scan })).statusCode).toBe(200);
    expect((await step(rph, 'verify_final', { password: PASSWORD })).statusCode).toBe(200);
    const sold = await step(tech, 'sell', {
      pickup: { patientId, birthDateConfirmed: '1990-04-02', signature: 'Ana Lopez', counseling: 'declined' },
    });
    expect(sold.statusCode).toBe(200);
    expect(sold.json().fill.state).toBe('sold');
  });

  it('accepts a NewRx for an unknown patient into intake, and answers a duplicate delivery once', async () => {
    const xml = newRx({
      lastName: 'Newcomer',
      firstName: 'Nia',
      dob: '2001-01-01',
      messageId: 'MSG-NEWRX-2',
      order: 'ORD-2',
    });
    const res = await post(xml);
    expect(res.body).toContain('<Status>');
    const rxId = res.headers['x-prescription-id'] as string;
    const rx = await t.db
      .selectFrom('prescriptions')
      .selectAll()
      .where('id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(rx.patient_id).toBeNull();
    expect(JSON.parse(rx.proposed_json ?? '{}').patientAsSent.name.lastName).toBe('Newcomer');
    const fill = await t.db
      .selectFrom('fills')
      .selectAll()
      .where('prescription_id', '=', rxId)
      .executeTakeFirstOrThrow();
    const blocked = await tech.post(`/api/fills/${fill.id}/actions/accept_intake`, {});
    expect(blocked.json().code).toBe('patient_not_matched');
    const again = await post(xml);
    expect(again.headers['x-script-outcome']).toBe('duplicate');
    expect(
      await t.db.selectFrom('prescriptions').select('id').where('erx_message_id', 'is not', null).execute(),
    ).toHaveLength(2);
  });

  it('answers malformed XML, unknown message types and missing mandatory fields with SCRIPT Error', async () => {
    const cases = [
      '<not-xml',
      '<Message xmlns="http://www.ncpdp.org/schema/SCRIPT"><Header><To>1</To><From>2</From><MessageID>x</MessageID><SentTime>2026-01-01T00:00:00Z</SentTime></Header><Body><Banana/></Body></Message>',
      newRx({ messageId: 'MSG-BAD', order: 'ORD-B' }).replace(/<DateOfBirth>[\s\S]*?<\/DateOfBirth>/, ''),
    ];
    for (const xml of cases) {
      const res = await post(xml);
      expect(res.statusCode).toBe(200);
      const r = parseScriptMessage(res.body);
      expect(r.ok && r.message.type).toBe('Error');
      expect(r.ok && r.message.type === 'Error' && r.message.body.code).toBe('900');
    }
    const missing = await post(cases[2] as string);
    expect(missing.body).toMatch(/DateOfBirth/);
  });

  it('never answers a hostile body with a 500 (fuzz)', async () => {
    const seed = newRx({ messageId: 'MSG-FUZZ', order: 'ORD-F' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.nat({ max: seed.length }).map((n) => seed.slice(0, n)),
          fc
            .tuple(fc.nat({ max: seed.length }), fc.string())
            .map(([i, s]) => seed.slice(0, i) + s + seed.slice(i)),
        ),
        async (body) => {
          const res = await post(body);
          expect(res.statusCode).toBe(200);
          expect(res.body).toMatch(/<(Status|Error)>/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('cancels an unfilled prescription on CancelRx', async () => {
    const res = await post(newRx({ messageId: 'MSG-NEWRX-3', order: 'ORD-3' }));
    const rxId = res.headers['x-prescription-id'] as string;
    const cancel = parseScriptMessage(fixture('cancelrx.xml'));
    if (!cancel.ok || cancel.message.type !== 'CancelRx') throw new Error('fixture');
    const c = structuredClone(cancel.message);
    c.header = { ...c.header, to: NCPDP, messageId: 'MSG-CANCEL-3', prescriberOrderNumber: 'ORD-3' };
    c.body.references = { prescriberOrderNumber: 'ORD-3' };
    const reply = await post(buildScriptMessage(c));
    expect(reply.body).toContain('<Status>');
    const rx = await t.db
      .selectFrom('prescriptions')
      .select('status')
      .where('id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(rx.status).toBe('cancelled');
    const fill = await t.db
      .selectFrom('fills')
      .select(['id', 'state'])
      .where('prescription_id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(fill.state).toBe('cancelled');
    // The move is in the fill's workflow history (and so in the dashboard's per-hour counts).
    const events = await t.db
      .selectFrom('fill_events')
      .select(['action', 'from_state', 'to_state', 'user_id'])
      .where('fill_id', '=', fill.id)
      .execute();
    expect(events).toEqual([
      { action: 'erx_cancel', from_state: 'intake', to_state: 'cancelled', user_id: null },
    ]);
  });

  it('sends an RxRenewalRequest to the outbox and turns an approved RxRenewalResponse into a new prescription', async () => {
    const rxId = (
      await t.db
        .selectFrom('prescriptions')
        .select('id')
        .where('patient_id', '=', patientId)
        .executeTakeFirstOrThrow()
    ).id;
    const req = await tech.post(`/api/prescriptions/${rxId}/renewal-request`);
    expect(req.statusCode, req.body).toBe(201);
    const out = await t.db
      .selectFrom('erx_messages')
      .selectAll()
      .where('direction', '=', 'out')
      .where('prescription_id', '=', rxId)
      .executeTakeFirstOrThrow();
    expect(out).toMatchObject({ message_type: 'RxRenewalRequest', status: 'queued' });
    expect(parseScriptMessage(out.raw).ok).toBe(true);
    const resp = parseScriptMessage(fixture('rxrenewalresponse-approved.xml'));
    if (!resp.ok || resp.message.type !== 'RxRenewalResponse') throw new Error('fixture');
    const r = structuredClone(resp.message);
    r.header = {
      ...r.header,
      to: NCPDP,
      messageId: 'MSG-RENEW-OK',
      relatesToMessageId: out.message_id ?? '',
    };
    const reply = await post(buildScriptMessage(r));
    expect(reply.body).toContain('<Status>');
    const renewed = reply.headers['x-prescription-id'] as string;
    expect(renewed).not.toBe(rxId);
    const newRxRow = await t.db
      .selectFrom('prescriptions')
      .selectAll()
      .where('id', '=', renewed)
      .executeTakeFirstOrThrow();
    expect(newRxRow.patient_id).toBe(patientId);
  });

  it('receives a SCRIPT file from the command line and prints the reply', async () => {
    const file = path.join(os.tmpdir(), `newrx-${process.pid}.xml`);
    fs.writeFileSync(file, newRx({ messageId: 'MSG-CLI-1', order: 'ORD-CLI' }));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.resolve(import.meta.dirname, '../bin/apotheca.mjs'), 'erx', 'receive', file, '--site', 'ERX1'],
      {
        env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' },
      },
    );
    expect(stdout).toContain('<Status>');
    expect(
      await t.db
        .selectFrom('erx_messages')
        .select('id')
        .where('message_id', '=', 'MSG-CLI-1')
        .executeTakeFirst(),
    ).toBeTruthy();
    fs.rmSync(file);
  });
});
