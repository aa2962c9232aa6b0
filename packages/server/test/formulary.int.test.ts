import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
import { importFormulary } from '../src/modules/formulary/import';
import { systemCtx } from '../src/platform/system';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  type Session,
  TEST_DB,
  type TestApp,
} from './helpers';

// Alprazolam 0.25 mg tablet, NDC 0228-2027-10 (real; CMS NADAC 2025, in the starter catalogue).
const NDC = '0228-2027-10';
const NDC11 = '00228202710';

describe(`formularies and non-formulary requests (${TEST_DB})`, () => {
  let t: TestApp;
  let org: string;
  let site: string;
  let site2: string;
  let tech: Session;
  let rph: Session;
  let rph2: Session;
  let pic: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await loadStarterCatalogue(t.db);
    org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    site2 = await buildSite(t.db, org);
    const mk = async (role: Parameters<typeof buildUser>[2][number]['role'], s = site) =>
      login(t.app, (await buildUser(t.db, org, [{ siteId: s, role }])).username);
    tech = await mk('technician');
    rph = await mk('pharmacist');
    rph2 = await mk('pharmacist');
    pic = await mk('pharmacist_in_charge');
    admin = await login(
      t.app,
      (
        await buildUser(t.db, org, [
          { siteId: site, role: 'admin' },
          { siteId: site2, role: 'admin' },
        ])
      ).username,
    );
  });
  afterAll(() => t.close());

  it('an organization formulary applies at every site; a site entry overrides it', async () => {
    const orgEntry = await as(t.app, admin).post('/api/formulary/entries', {
      matchType: 'product',
      matchValue: '0228-2027',
      drugName: 'Alprazolam 0.25 mg tablet',
      status: 'restricted',
      tier: 2,
      criteriaForUse: 'Short-term anxiety; psychiatry consult after 14 days',
      priorAuthCriteria: 'Failure of an SSRI',
      quantityLimit: '60 tablets per 30 days',
      stepTherapy: 'sertraline or escitalopram first',
      alternatives: [{ name: 'Buspirone 10 mg tablet' }],
    });
    expect(orgEntry.statusCode).toBe(201);
    expect(orgEntry.json()).toMatchObject({ level: 'organization', matchValue: '002282027', siteId: null });
    const at2 = (await as(t.app, admin).get(`/api/formulary/status?siteId=${site2}&ndc=${NDC}`)).json();
    expect(at2.entry).toMatchObject({
      status: 'restricted',
      tier: 2,
      quantityLimit: '60 tablets per 30 days',
    });
    const siteEntry = await as(t.app, pic).post('/api/formulary/entries', {
      siteId: site,
      matchType: 'ndc11',
      matchValue: NDC,
      drugName: 'Alprazolam 0.25 mg tablet',
      status: 'non_formulary',
    });
    expect(siteEntry.statusCode).toBe(201);
    const at1 = (await as(t.app, tech).get(`/api/formulary/status?siteId=${site}&ndc=${NDC11}`)).json();
    expect(at1.entry).toMatchObject({ status: 'non_formulary', level: 'site' });
    // Updating the same drug bumps the version instead of adding a row.
    const upd = await as(t.app, pic).post('/api/formulary/entries', {
      siteId: site,
      matchType: 'ndc11',
      matchValue: NDC11,
      drugName: 'Alprazolam 0.25 mg tablet',
      status: 'non_formulary',
      notes: 'use buspirone',
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().version).toBe(2);
    const list = (await as(t.app, tech).get(`/api/formulary/entries?siteId=${site}`)).json();
    expect(list.items).toHaveLength(2);
  });

  it('only formulary managers edit; a technician cannot', async () => {
    const res = await as(t.app, tech).post('/api/formulary/entries', {
      siteId: site,
      matchType: 'ndc11',
      matchValue: NDC,
      drugName: 'x',
      status: 'formulary',
    });
    expect(res.statusCode).toBe(403);
    const bad = await as(t.app, pic).post('/api/formulary/entries', {
      siteId: site,
      matchType: 'ndc11',
      matchValue: '12-34',
      drugName: 'x',
      status: 'formulary',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('request → pharmacist review → approve/deny, with reasons, audited and final', async () => {
    const req = await as(t.app, tech).post('/api/formulary/requests', {
      siteId: site,
      ndc: NDC,
      drugName: 'Alprazolam 0.25 mg tablet',
      indication: 'Panic disorder',
      justification: 'Buspirone failed; patient stable on alprazolam for years',
    });
    expect(req.statusCode).toBe(201);
    const r = req.json();
    expect(r).toMatchObject({ status: 'requested', ndc11: NDC11 });
    // A technician may request but not decide.
    expect(
      (
        await as(t.app, tech).post(`/api/formulary/requests/${r.id}/decision`, {
          decision: 'approved',
          reason: 'ok',
        })
      ).statusCode,
    ).toBe(403);
    const missing = await as(t.app, rph).post(`/api/formulary/requests/${r.id}/decision`, {
      decision: 'approved',
    });
    expect(missing.statusCode).toBe(400);
    const ok = await as(t.app, rph).post(`/api/formulary/requests/${r.id}/decision`, {
      decision: 'approved',
      reason: 'Meets criteria: SSRI and buspirone trials documented',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'approved',
      decisionReason: expect.stringMatching(/criteria/),
      version: 2,
    });
    const again = await as(t.app, rph2).post(`/api/formulary/requests/${r.id}/decision`, {
      decision: 'denied',
      reason: 'no',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_decided');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', r.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['formulary.request.create', 'formulary.request.approve']);
    expect(audit[1]?.reason).toMatch(/Meets criteria/);

    const r2 = (
      await as(t.app, rph).post('/api/formulary/requests', {
        siteId: site,
        drugName: 'Brand X',
        indication: 'Insomnia',
        justification: 'Preference',
      })
    ).json();
    // The requester cannot review their own request.
    expect(
      (
        await as(t.app, rph).post(`/api/formulary/requests/${r2.id}/decision`, {
          decision: 'approved',
          reason: 'mine',
        })
      ).statusCode,
    ).toBe(403);
    const denied = await as(t.app, rph2).post(`/api/formulary/requests/${r2.id}/decision`, {
      decision: 'denied',
      reason: 'Formulary alternative trazodone not tried',
    });
    expect(denied.json().status).toBe('denied');
    const listed = (await as(t.app, tech).get(`/api/formulary/requests?siteId=${site}&status=denied`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([r2.id]);
  });

  it('imports a formulary CSV: good rows load, bad lines are named, a re-import changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-form-'));
    const f = path.join(dir, 'national.csv');
    fs.writeFileSync(
      f,
      [
        'match_type,match_value,drug_name,status,tier,quantity_limit,alternatives',
        'ndc11,0093-5060-01,Hydroxyzine HCl 10 mg tablet,formulary,1,,',
        'product,0228-2027,Alprazolam 0.25 mg tablet,restricted,2,60 per 30 days,"Buspirone 10 mg tablet"',
        'ndc11,12AB,Broken,formulary,1,,',
        'rxcui,198440,Acetaminophen 500 mg tablet,maybe,1,,',
      ].join('\n'),
    );
    const ctx = await systemCtx(t.db, org);
    const s = await importFormulary(t.db, ctx, f, null);
    expect(s).toMatchObject({ level: 'organization', inserted: 1, updated: 1, rejected: 2 });
    expect(s.rejects.map((r) => [r.line, r.field])).toEqual([
      [4, 'matchValue'],
      [5, 'status'],
    ]);
    const again = await importFormulary(t.db, ctx, f, null);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
