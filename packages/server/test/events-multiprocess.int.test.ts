import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, TEST_DB, type TestApp } from './helpers';
import { inDays, type Pharmacy, pharmacyFixture } from './rx-helpers';

const bin = path.resolve(import.meta.dirname, '../bin/apotheca.mjs');

describe(`live events across server processes (${TEST_DB})`, () => {
  let t: TestApp;
  let p: Pharmacy;
  let child: ChildProcess | undefined;
  let otherUrl = '';
  beforeAll(async () => {
    t = await createTestApp();
    p = await pharmacyFixture(t);
    if (TEST_DB !== 'postgres') return;
    // A second server process on the same PostgreSQL schema.
    child = spawn(process.execPath, [bin, 'start', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    otherUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child?.stdout?.on('data', (d) => {
        out += d;
        const m = /serving the workbench on (http:\/\/[^\s]+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child?.on('exit', (code) => reject(new Error(`second server exited ${code}`)));
    });
  }, 60_000);
  afterAll(async () => {
    child?.kill();
    await t.close();
  });

  it('delivers a change made in one process to a live screen connected to another (PostgreSQL LISTEN/NOTIFY); SQLite is single-process', async () => {
    if (TEST_DB !== 'postgres') {
      // The embedded database serves one process: there is nothing to bridge.
      expect(t.database.handle.listen).toBeUndefined();
      return;
    }
    const u = await t.db
      .selectFrom('user_roles')
      .select('user_id')
      .where('site_id', '=', p.site)
      .where('role', '=', 'technician')
      .executeTakeFirstOrThrow();
    const username = (
      await t.db.selectFrom('users').select('username').where('id', '=', u.user_id).executeTakeFirstOrThrow()
    ).username;
    const res = await fetch(`${otherUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'correct-horse-battery' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const ctl = new AbortController();
    const stream = await fetch(`${otherUrl}/api/events`, { headers: { cookie }, signal: ctl.signal });
    const reader = stream.body!.getReader();
    let buf = '';
    const first = await reader.read();
    buf += new TextDecoder().decode(first.value);
    // Act through this process.
    const created = (
      await p.tech.post('/api/prescriptions', {
        siteId: p.site,
        origin: 'phone',
        patientId: p.patientId,
        prescriberId: p.prescriberId,
        drugDescription: 'Lisinopril',
        writtenDate: inDays(0),
      })
    ).json();
    const deadline = Date.now() + 5000;
    while (!buf.includes(created.fill.id) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ value?: Uint8Array }>((r) => setTimeout(() => r({}), 500)),
      ]);
      if (chunk.value) buf += new TextDecoder().decode(chunk.value);
    }
    ctl.abort();
    expect(buf).toContain(created.fill.id);
    void login;
  });
});
