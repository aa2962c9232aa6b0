import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  patientBody,
  type Session,
  type TestApp,
} from './helpers';

describe(`site isolation (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let siteA: string;
  let siteB: string;
  let userA: Session;
  let userB: Session;
  let patientB: string;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    siteA = await buildSite(t.db, org, { code: 'SITEA' });
    siteB = await buildSite(t.db, org, { code: 'SITEB', settingType: 'hospital' });
    const a = await buildUser(t.db, org, [
      { siteId: siteA, role: 'pharmacist' },
      { siteId: siteA, role: 'admin' },
    ]);
    const b = await buildUser(t.db, org, [{ siteId: siteB, role: 'pharmacist' }]);
    userA = await login(t.app, a.username);
    userB = await login(t.app, b.username);
    patientB = (
      await as(t.app, userB).post('/api/patients', patientBody(siteB, { lastName: 'Bsecret' }))
    ).json().id;
  });
  afterAll(() => t.close());

  it('returns 404, not the data, when a user of site A reads a record of site B', async () => {
    const res = await as(t.app, userA).get(`/api/patients/${patientB}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Bsecret');
    expect((await as(t.app, userB).get(`/api/patients/${patientB}`)).statusCode).toBe(200);
  });

  it('leaves site B records out of site A searches and lists', async () => {
    const list = (await as(t.app, userA).get('/api/patients?q=Bsec')).json();
    expect(list.items).toEqual([]);
    const sites = (await as(t.app, userA).get('/api/sites')).json().items.map((s: { id: string }) => s.id);
    expect(sites).toEqual([siteA]);
    expect((await as(t.app, userA).get(`/api/sites/${siteB}`)).statusCode).toBe(404);
    expect((await as(t.app, userA).get(`/api/patients?siteId=${siteB}`)).statusCode).toBe(404);
  });

  it('refuses writes into site B from a user of site A, and leaves no row behind', async () => {
    const create = await as(t.app, userA).post('/api/patients', patientBody(siteB, { lastName: 'Intruder' }));
    expect(create.statusCode).toBe(404);
    const update = await as(t.app, userA).put(`/api/patients/${patientB}`, {
      ...patientBody(siteB),
      version: 1,
    });
    expect(update.statusCode).toBe(404);
    const rows = await t.db.selectFrom('patients').select('last_name').where('site_id', '=', siteB).execute();
    expect(rows.map((r) => r.last_name)).toEqual(['Bsecret']);
  });

  it('does not let an admin of site A give themselves roles at site B or see its audit entries', async () => {
    const me = (await as(t.app, userA).get('/api/me')).json();
    const res = await as(t.app, userA).put(`/api/users/${me.user.id}/roles`, {
      roles: [{ siteId: siteB, role: 'admin' }],
    });
    expect(res.statusCode).toBe(404);
    const audit = await as(t.app, userA).get('/api/audit?limit=500');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.some((e: { siteId: string }) => e.siteId === siteB)).toBe(false);
  });
});
