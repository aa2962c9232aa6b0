import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  PASSWORD,
  patientBody,
  type Session,
  type TestApp,
} from './helpers';

describe(`electronic signatures (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let rph: Session;
  let patientId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    rph = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }])).username);
    patientId = (await as(t.app, rph).post('/api/patients', patientBody(site))).json().id;
  });
  afterAll(() => t.close());

  const sign = (password: string | undefined, s = rph) =>
    as(t.app, s).post('/api/esign', {
      ...(password === undefined ? {} : { password }),
      meaning: 'reviewed',
      entityType: 'patient',
      entityId: patientId,
      reason: 'profile reviewed',
    });

  it('requires the password again: missing → 400, wrong → 401, and nothing is signed', async () => {
    const missing = await sign(undefined);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('password');
    const wrong = await sign('not-my-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('esign_failed');
    expect(await t.db.selectFrom('signatures').selectAll().execute()).toEqual([]);
  });

  it('stores signer, time and meaning linked to the record and its audit entry', async () => {
    const res = await sign(PASSWORD);
    expect(res.statusCode).toBe(201);
    const sig = res.json().signature;
    expect(sig).toMatchObject({
      meaning: 'reviewed',
      entity_type: 'patient',
      entity_id: patientId,
      signer_name: expect.stringMatching(/^Test /),
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', sig.audit_seq)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('esign.reviewed');
    expect(JSON.parse(audit.after_json ?? '{}').signatureId).toBe(sig.id);
  });

  it('keeps requiring the right password for later signings in the same session (21 CFR 11.200(a)(1)(i))', async () => {
    expect((await sign(PASSWORD)).statusCode).toBe(201);
    const wrong = await sign('not-my-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('esign_failed');
    expect((await sign(PASSWORD)).statusCode).toBe(201);
    const n = await t.db.selectFrom('signatures').select('id').execute();
    expect(n.length).toBe(3);
  });

  it('checks every one of several signings sent at once, right and wrong passwords alike', async () => {
    const fresh = await login(
      t.app,
      (
        await t.db
          .selectFrom('users')
          .select('username')
          .where(
            'id',
            '=',
            (
              await t.db
                .selectFrom('user_roles')
                .select('user_id')
                .where('role', '=', 'pharmacist')
                .executeTakeFirstOrThrow()
            ).user_id,
          )
          .executeTakeFirstOrThrow()
      ).username,
    );
    const results = await Promise.all(
      ['not-my-password', PASSWORD, PASSWORD, 'wrong-again', PASSWORD].map((pw) => sign(pw, fresh)),
    );
    expect(results.map((r) => r.statusCode)).toEqual([401, 201, 201, 401, 201]);
  });

  it('cannot be applied with an API token (a person must sign)', async () => {
    const admin = await login(
      t.app,
      (
        await buildUser(
          t.db,
          (
            await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
          ).id,
          [{ siteId: site, role: 'admin' }],
        )
      ).username,
    );
    const { token } = (await as(t.app, admin).post('/api/tokens', { name: 'robot' })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/esign',
      headers: { authorization: `Bearer ${token}` },
      payload: { password: PASSWORD, meaning: 'approved', entityType: 'patient', entityId: patientId },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('esign_requires_user');
  });
});
