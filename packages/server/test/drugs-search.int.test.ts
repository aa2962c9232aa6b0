import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStarterCatalogue } from '../src/modules/drugs/starter';
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

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/apotheca.mjs');

// Real NDCs of the starter catalogue (CMS NADAC 2025): alprazolam 0.25 mg (Greenstone 0228-2027-10),
// hydroxyzine HCl 10 mg (Teva 0093-5060-01), hydralazine 10 mg (23155-0001-01).
describe(`drug search API and CLI (${TEST_DB})`, () => {
  let t: TestApp;
  let site: string;
  let other: string;
  let tech: Session;
  let pic: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await loadStarterCatalogue(t.db);
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    other = await buildSite(t.db, await buildOrg(t.db, 'Other'));
    const u = await buildUser(t.db, org, [{ siteId: site, role: 'technician' }]);
    const p = await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist_in_charge' }]);
    tech = await login(t.app, u.username);
    pic = await login(t.app, p.username);
  });
  afterAll(() => t.close());
  const search = (q: string, extra = '') =>
    as(t.app, tech).get(`/api/drugs/search?q=${encodeURIComponent(q)}${extra}`);

  it('finds by generic name prefix, any case and word order, with tall man names', async () => {
    const res = await search('HYDROXYZ');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kind).toBe('name');
    expect(body.items.length).toBeGreaterThan(0);
    for (const h of body.items) expect(h.name).toMatch(/^hydrOXYzine/);
    expect(body.items.some((h: { ndc11: string }) => h.ndc11 === '00093506001')).toBe(true);
    const hydralazine = (await search('hydrALAZINE')).json();
    expect(hydralazine.items.every((h: { name: string }) => h.name.startsWith('hydrALAZINE'))).toBe(true);
  });

  it('finds by NDC in any form and by GTIN-14, exact match first', async () => {
    for (const q of ['0228-2027-10', '00228202710', '00228-2027-10', '0228202710', '00302282027103']) {
      const body = (await search(q)).json();
      expect(body.items[0], q).toMatchObject({ ndc11: '00228202710', deaSchedule: 'CIV' });
      expect(['ndc', 'gtin'], q).toContain(body.items[0].match);
    }
  });

  it('returns one package with its product and formulary status', async () => {
    const res = await as(t.app, tech).get(`/api/drugs/0228-2027-10?siteId=${site}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.product).toMatchObject({
      nonproprietaryName: 'Alprazolam',
      deaSchedule: 'CIV',
      displayName: 'ALPRAZolam',
    });
    expect(d.package).toMatchObject({ ndc11: '00228202710', priceSource: 'NADAC', priceUnit: 'EA' });
    expect(d.formulary).toBeNull();
    expect((await as(t.app, tech).get('/api/drugs/99999-999-99')).statusCode).toBe(404);
    expect((await as(t.app, tech).get('/api/drugs/12AB')).statusCode).toBe(400);
  });

  it('ranks the site’s formulary items first among equal matches', async () => {
    const before = (await search('hydroxyzine', `&siteId=${site}`)).json();
    const last = before.items[before.items.length - 1];
    const put = await as(t.app, pic).post('/api/formulary/entries', {
      siteId: site,
      matchType: 'ndc11',
      matchValue: last.ndc11,
      drugName: 'Hydroxyzine HCl',
      status: 'formulary',
    });
    expect(put.statusCode).toBe(201);
    const after = (await search('hydroxyzine', `&siteId=${site}`)).json();
    expect(after.items[0]).toMatchObject({ ndc11: last.ndc11, onFormulary: true });
    const detail = (await as(t.app, tech).get(`/api/drugs/${last.ndc11}?siteId=${site}`)).json();
    expect(detail.formulary).toMatchObject({ status: 'formulary', level: 'site' });
  });

  it('refuses a site the caller cannot see', async () => {
    const res = await search('hydroxyzine', `&siteId=${other}`);
    expect(res.statusCode).toBe(404);
  });

  it('CLI: apotheca drugs search --json lists ndc11, names, strength, form and package description', async () => {
    const { stdout } = await run(
      process.execPath,
      [bin, 'drugs', 'search', 'alprazolam', '--json', '--database-url', t.database.url],
      {
        env: { ...process.env, LOG_LEVEL: 'silent' },
      },
    );
    const r = JSON.parse(stdout);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items[0]).toMatchObject({
      name: 'ALPRAZolam',
      nonproprietaryName: 'Alprazolam',
      dosageForm: 'TABLET',
    });
    for (const k of ['ndc11', 'strength', 'packageDescription', 'genericName'])
      expect(r.items[0]).toHaveProperty(k);
    expect(r.items[0].strength).toMatch(/mg/);
  }, 60_000);
});
