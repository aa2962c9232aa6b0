import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit/audit';
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

describe(`audit trail (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let tech: Session;
  let auditor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    tech = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }])).username);
    auditor = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'auditor' }])).username);
  });
  afterAll(() => t.close());

  it('records who, what, when, where, before/after and reason in the same transaction as the change', async () => {
    const created = (
      await as(t.app, tech).post('/api/patients', patientBody(site, { lastName: 'Audited' }))
    ).json();
    const upd = await as(t.app, tech).put(`/api/patients/${created.id}`, {
      ...patientBody(site),
      lastName: 'Audited-2',
      version: 1,
      reason: 'name corrected per ID',
    });
    expect(upd.statusCode).toBe(200);
    const entries = (
      await as(t.app, auditor).get(`/api/audit?entityType=patient&entityId=${created.id}`)
    ).json().items;
    const update = entries.find((e: { action: string }) => e.action === 'patient.update');
    expect(update).toMatchObject({
      siteId: site,
      reason: 'name corrected per ID',
      clientAddress: '127.0.0.1',
    });
    expect(update.before.last_name).toBe('Audited');
    expect(update.after.last_name).toBe('Audited-2');
    expect(update.userId).toBeTruthy();
    expect(update.requestId).toBeTruthy();
  });

  it('audits reads of patient records', async () => {
    const p = (await as(t.app, tech).post('/api/patients', patientBody(site))).json();
    await as(t.app, tech).get(`/api/patients/${p.id}`);
    const entries = (await as(t.app, auditor).get(`/api/audit?action=patient.read&entityId=${p.id}`)).json()
      .items;
    expect(entries).toHaveLength(1);
  });

  it('refuses a stale update (optimistic concurrency) without writing anything', async () => {
    const p = (await as(t.app, tech).post('/api/patients', patientBody(site))).json();
    expect(
      (await as(t.app, tech).put(`/api/patients/${p.id}`, { ...patientBody(site), version: 1 })).statusCode,
    ).toBe(200);
    const stale = await as(t.app, tech).put(`/api/patients/${p.id}`, {
      ...patientBody(site),
      lastName: 'Lost',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const updates = await t.db
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'patient.update')
      .execute();
    expect(updates).toHaveLength(1);
  });

  it('verifies an intact chain', async () => {
    const res = await as(t.app, auditor).post('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().entries).toBeGreaterThan(5);
  });

  it('keeps seq gap-free under concurrent audited writes', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(t.app, tech).post('/api/patients', patientBody(site, { lastName: `Conc${i}` })),
      ),
    );
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(true);
  });

  it('names the first tampered entry when a row is edited', async () => {
    const mid = await t.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'patient.update')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('audit_log').set({ reason: 'covered up' }).where('seq', '=', mid.seq).execute();
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstProblem?.seq).toBe(mid.seq);
    expect(report.firstProblem?.reason).toMatch(/altered/);
  });

  it('names the missing entry when a row is deleted, and detects a deleted last row', async () => {
    const other = await createTestApp();
    try {
      const org = await buildOrg(other.db);
      const s = await buildSite(other.db, org);
      const u = await login(
        other.app,
        (await buildUser(other.db, org, [{ siteId: s, role: 'technician' }])).username,
      );
      for (let i = 0; i < 4; i++) await as(other.app, u).post('/api/patients', patientBody(s));
      const last = (await other.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;
      await other.db.deleteFrom('audit_log').where('seq', '=', last).execute();
      let report = await verifyAuditChain(other.db);
      expect(report.ok).toBe(false);
      expect(report.firstProblem?.seq).toBe(last);
      await other.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
      report = await verifyAuditChain(other.db);
      expect(report.firstProblem).toMatchObject({ seq: 2 });
      expect(report.firstProblem?.reason).toMatch(/missing/);
    } finally {
      await other.close();
    }
  });
});
