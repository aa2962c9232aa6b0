import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildOrg, buildSite, buildUser, createTestApp, login, PASSWORD, type TestApp } from './helpers';

describe(`authentication (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let org: string;
  let site: string;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
  });
  afterAll(() => t.close());

  it('sets an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'apotheca_session');
    const csrf = res.cookies.find((c) => c.name === 'apotheca_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(res.json().csrfToken).toBe(csrf?.value);
    // Only a hash of the session token is stored.
    const row = await t.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(row.id_hash).not.toBe(session?.value);
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password with 401 invalid_credentials, same as an unknown user', async () => {
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'nope-nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks the account after 5 failed sign-ins, even against the right password, until an admin unlocks it', async () => {
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password } });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password!')).statusCode).toBe(401);
    const fifth = await attempt('wrong-password!');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'account_locked' });
    expect(fifth.json().detail).toMatch(/locked until/);
    const right = await attempt(PASSWORD);
    expect(right.statusCode).toBe(423);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', u.id).execute();
    expect(audit.map((a) => a.action)).toContain('auth.locked');

    const admin = await buildUser(t.db, org, [{ siteId: site, role: 'admin' }]);
    const s = await login(t.app, admin.username);
    expect((await as(t.app, s).post(`/api/users/${u.id}/unlock`)).statusCode).toBe(200);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
      });
      expect(last.json().code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const s = await login(t.app, u.username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { cookie: s.cookie },
      payload: { siteId: site, firstName: 'A', lastName: 'B', birthDate: '1980-01-01', sex: 'male' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const ok = await as(t.app, s).post('/api/patients', {
      siteId: site,
      firstName: 'A',
      lastName: 'B',
      birthDate: '1980-01-01',
      sex: 'male',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const s = await login(t.app, u.username);
    expect((await as(t.app, s).get('/api/me')).statusCode).toBe(200);
    expect((await as(t.app, s).post('/api/auth/logout')).statusCode).toBe(200);
    const after = await as(t.app, s).get('/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('session_expired');
    expect((await t.app.inject('/api/me')).statusCode).toBe(401);
  });

  it('issues API tokens hashed at rest, limited by scope and site, and refuses them once revoked', async () => {
    const site2 = await buildSite(t.db, org);
    const admin = await buildUser(t.db, org, [
      { siteId: site, role: 'admin' },
      { siteId: site2, role: 'admin' },
    ]);
    const integ = await buildUser(t.db, org, [
      { siteId: site, role: 'technician' },
      { siteId: site2, role: 'technician' },
    ]);
    const s = await login(t.app, admin.username);
    const created = await as(t.app, s).post('/api/tokens', {
      name: 'eRx gateway',
      userId: integ.id,
      scopes: ['patients.read'],
      siteId: site,
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^apo_/);
    const stored = await t.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const me = (await t.app.inject({ url: '/api/me', headers: bearer })).json();
    expect(Object.keys(me.permissions)).toEqual([site]); // site-limited
    expect(me.permissions[site]).toEqual(['patients.read']); // scope-limited
    expect((await t.app.inject({ url: '/api/patients', headers: bearer })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: bearer,
      payload: { siteId: site, firstName: 'A', lastName: 'B', birthDate: '1980-01-01', sex: 'male' },
    });
    expect(write.statusCode).toBe(403);

    expect((await as(t.app, s).delete(`/api/tokens/${id}`)).statusCode).toBe(200);
    const revoked = await t.app.inject({ url: '/api/patients', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid_token');
    const list = (await as(t.app, s).get('/api/tokens')).json();
    expect(list.items.find((x: { id: string }) => x.id === id).revokedAt).not.toBeNull();
  });

  it('refuses an expired API token', async () => {
    const admin = await buildUser(t.db, org, [{ siteId: site, role: 'admin' }]);
    const s = await login(t.app, admin.username);
    const { token, id } = (
      await as(t.app, s).post('/api/tokens', {
        name: 'short',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      })
    ).json();
    expect(
      (await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(200);
    await t.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    t.services.auth.invalidate();
    expect(
      (await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(401);
  });
});
