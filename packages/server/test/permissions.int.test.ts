import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Permission, ROLES, type Role, roleHas } from '../src/platform/permissions';
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

/**
 * Walks every /api route against every role and checks the outcome against the permission table:
 * a role without the route's permission gets 403 `forbidden`; a role with it gets past the gate
 * (any status but 401/403 — a dummy id may give 404, an empty body 400).
 */
describe(`every route × every role matches the permission table (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  const usernames = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    const site = await buildSite(t.db, org);
    for (const role of ROLES) {
      const u = await buildUser(t.db, org, [{ siteId: site, role }]);
      usernames.set(role, u.username);
      sessions.set(role, await login(t.app, u.username));
    }
  });
  afterAll(() => t.close());

  it('registers an access rule on every API route', () => {
    expect(t.routes.length).toBeGreaterThan(15);
    for (const r of t.routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  /** A streaming route (server-sent events) never ends: take its status from the headers, then close it. */
  async function streamStatus(url: string, s: Session) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: s.cookie },
      payloadAsStream: true,
    });
    const stream = res.stream();
    let body = '';
    if (res.statusCode >= 400) for await (const chunk of stream) body += String(chunk);
    else stream.destroy();
    return { statusCode: res.statusCode, json: () => JSON.parse(body || '{}') };
  }

  it('enforces the table for each route and role', async () => {
    const outcomes: string[] = [];
    for (const route of t.routes) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');
      for (const role of ROLES) {
        const s = sessions.get(role)!;
        const client = as(t.app, s);
        const res =
          route.url === '/api/events'
            ? await streamStatus(url, s)
            : route.method === 'GET'
              ? await client.get(url)
              : route.method === 'DELETE'
                ? await client.delete(url)
                : route.method === 'PUT'
                  ? await client.put(url, {})
                  : await client.post(url, {});
        const access = route.access;
        const label = `${route.method} ${route.url} as ${role} → ${res.statusCode}`;
        if ('permission' in access) {
          const allowed = roleHas(role, access.permission as Permission);
          if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
          else {
            expect(res.statusCode, label).toBe(403);
            expect(res.json().code, label).toBe('forbidden');
          }
        } else {
          expect([401, 403], label).not.toContain(res.statusCode);
        }
        outcomes.push(label);
        if (route.url === '/api/auth/logout') sessions.set(role, await login(t.app, usernames.get(role)!));
      }
    }
    expect(outcomes.length).toBe(t.routes.length * ROLES.length);
  });

  it('refuses every non-public route without authentication', async () => {
    for (const route of t.routes) {
      if ('public' in route.access) continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:(\w+)/g, 'x'),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
