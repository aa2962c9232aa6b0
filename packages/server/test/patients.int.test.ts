import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLikelySamePerson } from '../src/modules/patients/duplicates';
import { as, buildOrg, buildSite, buildUser, createTestApp, login, type TestApp } from './helpers';

describe(`patient records (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let tech: ReturnType<typeof as>;
  let rph: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    tech = as(
      t.app,
      await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'technician' }])).username),
    );
    rph = as(
      t.app,
      await login(t.app, (await buildUser(t.db, org, [{ siteId: site, role: 'pharmacist' }])).username),
    );
  });
  afterAll(() => t.close());

  const body = (firstName: string, lastName: string, extra: Record<string, unknown> = {}) => ({
    siteId: site,
    firstName,
    lastName,
    birthDate: '1961-06-15',
    sex: 'male',
    ...extra,
  });

  it('flags a likely duplicate (same date of birth, close name) and creates it only when confirmed', async () => {
    const first = await tech.post('/api/patients', body('Jonathan', "O'Brien"));
    expect(first.statusCode).toBe(201);
    const dup = await tech.post('/api/patients', body('Jon', 'OBrien'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('possible_duplicate');
    expect(dup.json().candidates[0].id).toBe(first.json().id);
    // A different person with the same birthday is not flagged.
    expect((await tech.post('/api/patients', body('Maria', 'Schmidt'))).statusCode).toBe(201);
    const confirmed = await tech.post('/api/patients', body('Jon', 'OBrien', { confirmNotDuplicate: true }));
    expect(confirmed.statusCode).toBe(201);
  });

  it('merges a duplicate into the surviving record, keeping history (pharmacist only)', async () => {
    const a = (await tech.post('/api/patients', body('Lee', 'Park', { confirmNotDuplicate: true }))).json();
    const b = (await tech.post('/api/patients', body('Lee', 'Park', { confirmNotDuplicate: true }))).json();
    await tech.post(`/api/patients/${b.id}/allergies`, { substance: 'Sulfa', reaction: 'rash' });
    expect(
      (await tech.post(`/api/patients/${b.id}/merge`, { intoId: a.id, reason: 'same person' })).statusCode,
    ).toBe(403);
    const merged = await rph.post(`/api/patients/${b.id}/merge`, {
      intoId: a.id,
      reason: 'Same person: same DOB, address and phone',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().moved.patient_allergies).toBe(1);
    const clinical = (await tech.get(`/api/patients/${a.id}/clinical`)).json();
    expect(clinical.allergies.map((x: { substance: string }) => x.substance)).toEqual(['sulfa']);
    expect(clinical.allergyStatus).toBe('has_allergies');
    const old = (await tech.get(`/api/patients/${b.id}`)).json();
    expect(old.mergedIntoId).toBe(a.id);
  });

  it('records allergies (with "no known allergies" as an explicit state), conditions, measurements and coverages', async () => {
    const p = (
      await tech.post(
        '/api/patients',
        body('Ada', 'Nka', { allergyStatus: 'nka', confirmNotDuplicate: true }),
      )
    ).json();
    expect(p.allergyStatus).toBe('nka');
    expect(
      (
        await tech.post(`/api/patients/${p.id}/conditions`, {
          code: 'I10',
          description: 'Essential hypertension',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await tech.post(`/api/patients/${p.id}/measurements`, {
          kind: 'weight',
          value: 80,
          unit: 'kg',
          measuredOn: '2026-01-10',
        })
      ).statusCode,
    ).toBe(201);
    const badUnit = await tech.post(`/api/patients/${p.id}/measurements`, {
      kind: 'weight',
      value: 80,
      unit: 'cm',
      measuredOn: '2026-01-10',
    });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().errors[0].field).toBe('unit');
    const cov = await tech.post(`/api/patients/${p.id}/coverages`, {
      payerName: 'Test Health Plan',
      bin: '999999',
      pcn: 'TESTPCN',
      groupId: 'GRP1',
      memberId: 'M123',
      personCode: '01',
      relationship: '1',
      priority: 1,
    });
    expect(cov.statusCode).toBe(201);
    const badBin = await tech.post(`/api/patients/${p.id}/coverages`, {
      payerName: 'X',
      bin: '12',
      memberId: 'M',
    });
    expect(badBin.json().errors.map((e: { field: string }) => e.field)).toContain('bin');
    const allergy = (
      await tech.post(`/api/patients/${p.id}/allergies`, {
        substance: 'Codeine',
        reaction: 'nausea',
        severity: 'mild',
      })
    ).json();
    let clinical = (await tech.get(`/api/patients/${p.id}/clinical`)).json();
    expect(clinical.allergyStatus).toBe('has_allergies');
    expect(clinical.coverages[0]).toMatchObject({ bin: '999999', member_id: 'M123' });
    expect(
      (await tech.delete(`/api/patients/${p.id}/allergies/${allergy.id}?reason=entered%20in%20error`))
        .statusCode,
    ).toBe(200);
    clinical = (await tech.get(`/api/patients/${p.id}/clinical`)).json();
    expect(clinical.allergies[0].status).toBe('inactive');
  });

  it('matches names the way a person would', () => {
    expect(
      isLikelySamePerson({ first: 'Katherine', last: 'Smith' }, { first: 'Katharine', last: 'Smyth' }),
    ).toBe(true);
    expect(isLikelySamePerson({ first: 'Ann', last: 'Lee' }, { first: 'Lee', last: 'Ann' })).toBe(true);
    expect(isLikelySamePerson({ first: 'Ann', last: 'Lee' }, { first: 'Robert', last: 'Jones' })).toBe(false);
  });
});
