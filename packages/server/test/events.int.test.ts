import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildSite, buildUser, createTestApp, login, type TestApp } from './helpers';
import { inDays, type Pharmacy, pharmacyFixture } from './rx-helpers';

/** Reads server-sent events from a live stream until `until` says stop (or the time runs out). */
async function collect(
  url: string,
  cookie: string,
  until: (events: { event: string; data: { fillId: string; state: string } }[]) => boolean,
  ms = 4000,
) {
  const ctl = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: ctl.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const events: { event: string; data: { fillId: string; state: string } }[] = [];
  let buf = '';
  const timer = setTimeout(() => ctl.abort(), ms);
  const ready = { resolve: () => {} };
  const started = new Promise<void>((r) => {
    ready.resolve = r;
  });
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buf += new TextDecoder().decode(value);
        if (buf.includes('retry:')) ready.resolve();
        for (;;) {
          const i = buf.indexOf('\n\n');
          if (i < 0) break;
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (ev && data) events.push({ event: ev, data: JSON.parse(data) });
          if (until(events)) {
            ctl.abort();
            return;
          }
        }
      }
    } catch {
      // aborted
    } finally {
      clearTimeout(timer);
    }
  })();
  return { started, done: done.then(() => events) };
}

describe(`live queue events (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let p: Pharmacy;
  let base: string;
  let otherCookie: string;
  let techCookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    p = await pharmacyFixture(t);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const u = await t.db
      .selectFrom('user_roles')
      .select('user_id')
      .where('site_id', '=', p.site)
      .where('role', '=', 'technician')
      .executeTakeFirstOrThrow();
    const username = (
      await t.db.selectFrom('users').select('username').where('id', '=', u.user_id).executeTakeFirstOrThrow()
    ).username;
    techCookie = (await login(t.app, username)).cookie;
    const otherSite = await buildSite(t.db, p.org);
    otherCookie = (
      await login(t.app, (await buildUser(t.db, p.org, [{ siteId: otherSite, role: 'technician' }])).username)
    ).cookie;
  });
  afterAll(() => t.close());

  it('pushes a fill’s moves to users of its site, and nothing to other sites', async () => {
    const mine = await collect(`${base}/api/events`, techCookie, (ev) =>
      ev.some((e) => e.data.state === 'data_entry'),
    );
    const theirs = await collect(`${base}/api/events`, otherCookie, () => false, 2500);
    await Promise.all([mine.started, theirs.started]);
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
    expect((await p.tech.post(`/api/fills/${created.fill.id}/actions/accept_intake`, {})).statusCode).toBe(
      200,
    );
    const got = await mine.done;
    expect(got.map((e) => e.data.state)).toEqual(['intake', 'data_entry']);
    expect(got.every((e) => e.data.fillId === created.fill.id && e.event === 'fill')).toBe(true);
    expect(await theirs.done).toEqual([]);
    void as;
  });
});
