import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationsCurrent } from '../src/platform/db/database';
import { migrations } from '../src/platform/db/migrations/index';
import { as, buildOrg, buildSite, buildUser, createTestApp, login, type TestApp } from './helpers';

describe(`platform HTTP behaviour (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz with the database kind and current migrations', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.dialect, migrations: 'current' });
  });

  it('reports not ready when the database is unreachable', async () => {
    const other = await createTestApp();
    await other.database.handle.close();
    const res = await other.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('not_ready');
    await other.app.close();
  });

  it('serves an OpenAPI 3 document generated from the Zod schemas, and a docs page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual([
      'username',
      'password',
    ]);
    expect(doc.paths['/api/patients'].get).toBeDefined();
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('renders unknown routes as problem+json 404 with a stable code and echoes the request id', async () => {
    const res = await t.app.inject({ url: '/api/nope', headers: { 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Not Found',
      requestId: 'req-123',
    });
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'malformed_json', errors: [{ field: 'body' }] });
  });

  it('answers bad fields with 400 validation_failed naming each field and the reason', async () => {
    const org = await buildOrg(t.db);
    const site = await buildSite(t.db, org);
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const s = await login(t.app, u.username);
    const res = await as(t.app, s).post('/api/patients', {
      siteId: site,
      firstName: '',
      lastName: 'X',
      birthDate: '1990-13-45',
      sex: 'robot',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['birthDate', 'firstName', 'sex']);
    expect(body.detail).toContain('birthDate');
    // Nothing was written.
    const count = await t.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('applies migrations idempotently', async () => {
    const again = await migrateToLatest(t.db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.sort()).toEqual(Object.keys(migrations).sort());
    expect(await migrationsCurrent(t.db)).toEqual({ current: true, pending: [] });
  });

  it('finishes an in-flight request during graceful shutdown', async () => {
    const other = await createTestApp();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await other.app.close(); // rebuild with a slow route registered before ready
    const { buildApp } = await import('../src/app');
    const { loadConfig } = await import('../src/platform/config');
    const built = await buildApp({
      config: loadConfig({ logLevel: 'silent' }, {}),
      database: other.database.handle,
    });
    built.app.get('/slow', { config: { access: { public: true } } }, async () => {
      await gate;
      return { done: true };
    });
    const address = await built.app.listen({ port: 0, host: '127.0.0.1' });
    const pending = fetch(`${address}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    const closing = built.app.close();
    setTimeout(release, 100);
    await closing;
    expect(await pending).toEqual({ done: true });
    await other.database.dispose();
  });
});
