import { makeTestDea, makeTestNpi } from '@apotheca/core/identifiers';
import { seedDemoPlans } from '../modules/claims/demo';
import { loadStarterCatalogue } from '../modules/drugs/starter';
import { seedDemoStock } from '../modules/inventory/index';
import { createPatient } from '../modules/patients/service';
import { createPrescriber } from '../modules/prescribers/service';
import { createSite } from '../modules/sites/service';
import { createUser } from '../modules/users/service';
import { appendAudit } from '../platform/audit/audit';
import type { Db } from '../platform/db/database';
import { SETTING_TYPES, type SettingType } from '../platform/db/schema';
import { newId, nowIso } from '../platform/ids';
import { ROLES, type Role } from '../platform/permissions';
import { systemCtx } from '../platform/system';
import { seedDemoPrescriptions } from './prescriptions';

export const DEMO_PASSWORD = 'apotheca-demo';
export const DEMO_ORG = 'Apotheca Demo Health';

const SITE_NAMES: Record<
  SettingType,
  { code: string; name: string; city: string; state: string; tz: string }
> = {
  community: {
    code: 'RETAIL1',
    name: 'Main Street Pharmacy',
    city: 'Springfield',
    state: 'IL',
    tz: 'America/Chicago',
  },
  hospital: {
    code: 'HOSP1',
    name: 'General Hospital Inpatient Pharmacy',
    city: 'Springfield',
    state: 'IL',
    tz: 'America/Chicago',
  },
  mail_order: {
    code: 'MAIL1',
    name: 'Central Fill Mail Order',
    city: 'Columbus',
    state: 'OH',
    tz: 'America/New_York',
  },
  ltc: { code: 'LTC1', name: 'Long-Term Care Pharmacy', city: 'Peoria', state: 'IL', tz: 'America/Chicago' },
  federal: {
    code: 'FED1',
    name: 'Federal Health Center Pharmacy',
    city: 'Denver',
    state: 'CO',
    tz: 'America/Denver',
  },
  correctional: {
    code: 'CORR1',
    name: 'State Correctional Facility Pharmacy',
    city: 'Joliet',
    state: 'IL',
    tz: 'America/Chicago',
  },
  manufacturing: {
    code: 'MFG1',
    name: 'Compounding & Manufacturing Plant',
    city: 'Raleigh',
    state: 'NC',
    tz: 'America/New_York',
  },
  clinical_trial: {
    code: 'TRIAL1',
    name: 'Clinical Trials Investigational Pharmacy',
    city: 'Boston',
    state: 'MA',
    tz: 'America/New_York',
  },
  clinic: {
    code: 'ONC1',
    name: 'Oncology & Dialysis Clinic Pharmacy',
    city: 'Madison',
    state: 'WI',
    tz: 'America/Chicago',
  },
};

// Fictional people. Test NPIs/DEA numbers are generated with valid check digits and flagged as test values.
const PATIENTS = [
  ['Maria', 'Garcia', '1958-03-14', 'female'],
  ['James', 'Johnson', '1947-11-02', 'male'],
  ['Linda', 'Nguyen', '1989-07-22', 'female'],
  ['Robert', 'Smith', '1972-01-30', 'male'],
  ['Aisha', 'Okafor', '2016-05-09', 'female'],
] as const;
const PRESCRIBERS = [
  ['Elena', 'Rossi', 'MD', 'Internal Medicine', '123456', 'AR'],
  ['David', 'Chen', 'DO', 'Family Medicine', '234567', 'BC'],
  ['Priya', 'Patel', 'NP', 'Oncology', '345678', 'MP'],
] as const;

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  sites: string;
}

/** Creates the demo organization on an empty database. Returns the logins, or null if data already exists. */
export async function seedDemo(db: Db): Promise<DemoLogin[] | null> {
  if (await db.selectFrom('organizations').select('id').executeTakeFirst()) return null;
  const orgId = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({ id: orgId, name: DEMO_ORG, created_at: nowIso() })
      .execute();
    await appendAudit(trx, await systemCtx(trx, orgId), {
      action: 'organization.create',
      entityType: 'organization',
      entityId: orgId,
      reason: 'demo seed',
    });
  });
  let ctx = await systemCtx(db, orgId);
  const siteIds: Record<string, string> = {};
  for (const type of SETTING_TYPES) {
    const s = SITE_NAMES[type];
    const site = await createSite(
      db,
      ctx,
      {
        code: s.code,
        name: s.name,
        settingType: type,
        city: s.city,
        state: s.state,
        timeZone: s.tz,
        addressLine1: '100 Demo Way',
        allowNegativeOnHand: false,
      },
      orgId,
    );
    siteIds[s.code] = site.id;
  }
  ctx = await systemCtx(db, orgId);
  const all = Object.values(siteIds);
  const logins: DemoLogin[] = [];
  for (const role of ROLES) {
    const username = role.replaceAll('_', '-');
    await createUser(db, ctx, {
      username,
      displayName: `Demo ${role.replaceAll('_', ' ').replace(/^\w/, (c) => c.toUpperCase())}`,
      password: DEMO_PASSWORD,
      roles: all.map((siteId) => ({ siteId, role })),
      clearanceLevel: role === 'admin' ? 3 : 1,
      csPrivileges:
        role === 'pharmacist' || role === 'pharmacist_in_charge'
          ? 'CII-V'
          : role === 'technician'
            ? 'CIII-V'
            : 'none',
    });
    logins.push({ username, password: DEMO_PASSWORD, role, sites: 'all demo sites' });
  }
  // One user confined to one site, to show site isolation.
  await createUser(db, ctx, {
    username: 'tech-hospital',
    displayName: 'Demo Hospital Technician',
    password: DEMO_PASSWORD,
    roles: [{ siteId: siteIds.HOSP1!, role: 'technician' }],
    clearanceLevel: 0,
    csPrivileges: 'none',
  });
  logins.push({
    username: 'tech-hospital',
    password: DEMO_PASSWORD,
    role: 'technician',
    sites: 'HOSP1 only',
  });

  for (const [code, siteId] of Object.entries(siteIds)) {
    for (const [i, [firstName, lastName, birthDate, sex]] of PATIENTS.entries())
      await createPatient(db, ctx, {
        siteId,
        mrn: `${code}-${1001 + i}`,
        firstName,
        lastName,
        birthDate,
        sex,
        state: 'IL',
        allergyStatus: i % 2 ? 'nka' : 'unknown',
        pregnancyStatus: 'unknown',
        lactating: false,
        preferences: {},
        identifiers: [],
        confirmNotDuplicate: false,
      });
    for (const [firstName, lastName, credential, specialty, base, prefix] of PRESCRIBERS) {
      const npi = makeTestNpi(`1${base}${String(Object.keys(siteIds).indexOf(code)).padStart(2, '0')}`);
      const dea = makeTestDea(prefix, base);
      if (!npi.ok || !dea.ok) throw new Error('demo identifier generation failed');
      await createPrescriber(db, ctx, {
        siteId,
        firstName,
        lastName,
        credential,
        specialty,
        npi: npi.npi,
        deaNumber: dea.dea,
        isTestIdentifier: true,
      });
    }
  }
  await loadStarterCatalogue(db, ctx);
  await seedDemoStock(db, ctx, Object.values(siteIds));
  await seedDemoPrescriptions(db, ctx, siteIds);
  await seedDemoPlans(db, siteIds);
  return logins;
}
