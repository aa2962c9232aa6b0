import { FEDERAL_TRANSFER_CAUTION } from '@apotheca/core/labels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  type Session,
  type TestApp,
} from './helpers';
import { buildControlledLabel, buildLabel } from './labels-fixtures';

describe(`POST /api/labels/preview (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let tech: Session;
  let nurse: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    const site = await buildSite(t.db, org);
    tech = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }])).username);
    nurse = await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'nurse' }])).username);
  });
  afterAll(() => t.close());

  it('returns a PDF by default', async () => {
    const res = await as(t.app, tech).post('/api/labels/preview', buildLabel());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('returns ZPL II text with ?format=zpl', async () => {
    const res = await as(t.app, tech).post('/api/labels/preview?format=zpl', buildControlledLabel());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.startsWith('^XA')).toBe(true);
    expect(res.body.trimEnd().endsWith('^XZ')).toBe(true);
    expect(res.body).toContain('^FD>:7000456-00^FS');
  });

  it('refuses a label missing mandatory elements, naming each field and the rule', async () => {
    const body = buildControlledLabel({ prescriberName: '', auxiliary: ['May cause drowsiness.'] });
    const res = await as(t.app, tech).post('/api/labels/preview', body);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('label_incomplete');
    expect(problem.errors).toEqual([
      { field: 'prescriberName', reason: expect.stringContaining('21 CFR 1306.14(a)') },
      { field: 'auxiliary', reason: expect.stringContaining('21 CFR 290.5') },
    ]);
    expect(FEDERAL_TRANSFER_CAUTION).toContain('Federal law prohibits');
  });

  it('validates the body shape and the format', async () => {
    const bad = await as(t.app, tech).post('/api/labels/preview', { ...buildLabel(), quantity: 'thirty' });
    expect(bad.statusCode).toBe(400);
    const fmt = await as(t.app, tech).post('/api/labels/preview?format=epl', buildLabel());
    expect(fmt.statusCode).toBe(400);
  });

  it('is limited to dispensing roles (labels.print)', async () => {
    const res = await as(t.app, nurse).post('/api/labels/preview', buildLabel());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const anon = await t.app.inject({ method: 'POST', url: '/api/labels/preview', payload: buildLabel() });
    expect(anon.statusCode).toBe(401);
  });
});
