import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app';
import { hashPassword } from '../src/platform/auth/passwords';
import { type Config, loadConfig } from '../src/platform/config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/platform/db/database';
import type { SettingType } from '../src/platform/db/schema';
import { newId, nowIso } from '../src/platform/ids';
import type { Role } from '../src/platform/permissions';

export const TEST_DB = (process.env.APOTHECA_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const PASSWORD = 'correct-horse-battery';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** A DATABASE_URL that reaches the same database/schema (for running the CLI against it). */
  url: string;
  dispose(): Promise<void>;
}

/** Each test file gets its own SQLite file or PostgreSQL schema, so files run in parallel without sharing rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const handle = await openDatabase({ kind: 'postgres', url: PG_URL }, { schema, poolSize: 4 });
    await migrateToLatest(handle.db);
    const url = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      handle,
      url,
      dispose: async () => {
        await handle.close();
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apotheca-test-'));
  const file = path.join(dir, 'test.db');
  const handle = await openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(handle.db);
  return {
    handle,
    url: file,
    dispose: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestApp(overrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ logLevel: 'silent' }, {}),
    loginRateLimitPerMinute: 100_000,
    ...overrides,
  };
  const built = await buildApp({ config, database: database.handle });
  await built.app.ready();
  const db = database.handle.db;
  return {
    ...built,
    db,
    database,
    dialect: database.handle.dialect,
    async close() {
      await built.app.close();
      await database.dispose();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Factories (Outline style): build rows directly, bypassing the API, for test setup. */
export async function buildOrg(db: TestApp['db'], name = 'Test Org') {
  const id = newId();
  await db.insertInto('organizations').values({ id, name, created_at: nowIso() }).execute();
  return id;
}

export async function buildSite(
  db: TestApp['db'],
  organizationId: string,
  overrides: { code?: string; settingType?: SettingType } = {},
) {
  const id = newId();
  await db
    .insertInto('sites')
    .values({
      id,
      organization_id: organizationId,
      code: overrides.code ?? `S${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'Test Site',
      setting_type: overrides.settingType ?? 'community',
      address_line1: null,
      address_line2: null,
      city: null,
      state: null,
      postal_code: null,
      phone: null,
      ncpdp_id: null,
      npi: null,
      dea_number: null,
      time_zone: 'America/Chicago',
      allow_negative_on_hand: 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

let passwordHash: Promise<string> | undefined;
export async function buildUser(
  db: TestApp['db'],
  organizationId: string,
  roles: { siteId: string; role: Role }[],
  username = `u${randomBytes(4).toString('hex')}`,
  attrs: { csPrivileges?: 'none' | 'CIII-V' | 'CII-V'; clearanceLevel?: number } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const id = newId();
  const at = nowIso();
  await db
    .insertInto('users')
    .values({
      id,
      organization_id: organizationId,
      username,
      display_name: `Test ${username}`,
      password_hash: await passwordHash,
      is_active: 1,
      failed_logins: 0,
      locked_until: null,
      clearance_level: attrs.clearanceLevel ?? 0,
      cs_privileges: attrs.csPrivileges ?? 'none',
      created_at: at,
      password_changed_at: at,
    })
    .execute();
  if (roles.length)
    await db
      .insertInto('user_roles')
      .values(roles.map((r) => ({ user_id: id, site_id: r.siteId, role: r.role })))
      .execute();
  return { id, username };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: TestApp['app'], username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'apotheca_session');
  return { cookie: `apotheca_session=${cookie?.value}`, csrf: res.json().csrfToken };
}

/** Request as a signed-in user (session cookie + CSRF header). */
export function as(app: TestApp['app'], s: Session) {
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, headers, payload: payload as never }),
    put: (url: string, payload?: unknown) =>
      app.inject({ method: 'PUT', url, headers, payload: payload as never }),
    delete: (url: string) => app.inject({ method: 'DELETE', url, headers }),
  };
}

export const patientBody = (siteId: string, extra: Record<string, unknown> = {}) => ({
  siteId,
  firstName: 'Test',
  lastName: 'Patient',
  birthDate: '1970-01-01',
  sex: 'female',
  // Many tests create the same person on purpose; duplicate detection has its own tests (patients.int.test.ts).
  confirmNotDuplicate: true,
  ...extra,
});
