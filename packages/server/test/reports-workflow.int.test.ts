import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, buildOrg, buildSite, buildUser, createTestApp, login, type TestApp } from './helpers';
import { type Pharmacy, pharmacyFixture } from './rx-helpers';

/**
 * Prescriptions per hour by state and queue ages (GET /api/reports/workflow), on a clock the test sets: only Date
 * is faked (timers stay real), so every fill and transition is stamped with the hour the scenario says.
 */
describe(`dashboard report: prescriptions per hour and queue ages (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  // Yesterday (a real date, so the payer-free workflow sees sensible written dates), 08:00 UTC.
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const at = (hhmm: string) => new Date(`${day}T${hhmm}:00.000Z`);
  let t: TestApp;
  let p: Pharmacy;
  const fills: Record<string, string> = {};

  const newRx = async (name: string, when: string) => {
    vi.setSystemTime(at(when));
    const r = await p.tech.post('/api/prescriptions', {
      siteId: p.site,
      origin: 'phone',
      patientId: p.patientId,
      prescriberId: p.prescriberId,
      drugDescription: 'Lisinopril 2.5 mg tablet',
      writtenDate: day,
    });
    expect(r.statusCode, r.body).toBe(201);
    fills[name] = r.json().fill.id;
  };
  const act = async (who: 'tech' | 'rph', name: string, action: string, when: string, body = {}) => {
    vi.setSystemTime(at(when));
    const r = await p[who].post(`/api/fills/${fills[name]}/actions/${action}`, body);
    expect(r.statusCode, `${name} ${action}: ${r.body}`).toBe(200);
  };
  const report = (query: string, who = p.tech) => who.get(`/api/reports/workflow?siteId=${p.site}&${query}`);

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('07:30'));
    t = await createTestApp();
    p = await pharmacyFixture(t);
    // 08:xx two prescriptions arrive; 09:xx both accepted, A entered and submitted; 10:xx A verified (→ claim),
    // B held, C and D arrive.
    await newRx('A', '08:05');
    await newRx('B', '08:20');
    await act('tech', 'A', 'accept_intake', '09:10');
    await act('tech', 'B', 'accept_intake', '09:12');
    vi.setSystemTime(at('09:40'));
    const entry = await p.tech.put(`/api/fills/${fills.A}/entry`, {
      ndc11: '00591040501',
      sigText: '1 tab po daily',
      quantity: 30,
      refillsAuthorized: 0,
    });
    expect(entry.statusCode, entry.body).toBe(200);
    await act('tech', 'A', 'submit_entry', '09:41');
    await act('rph', 'A', 'verify_data', '10:15');
    await act('tech', 'B', 'hold', '10:15', { reason: 'waiting for the patient to call back' });
    await newRx('C', '10:30');
    await newRx('D', '10:50');
    vi.setSystemTime(at('11:00'));
  }, 60_000);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  it('counts the fills entering each state per clock hour, including hours with nothing, and the queue now', async () => {
    const r = await report('hours=4');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    // now = 11:00 → the window ends at the end of the 11:00 hour.
    expect(body.from).toBe(at('08:00').toISOString());
    expect(body.to).toBe(at('12:00').toISOString());
    expect(body.hours).toEqual([
      { start: at('08:00').toISOString(), entered: { intake: 2 }, total: 2 },
      { start: at('09:00').toISOString(), entered: { data_entry: 2, data_verification: 1 }, total: 3 },
      { start: at('10:00').toISOString(), entered: { claim: 1, on_hold: 1, intake: 2 }, total: 4 },
      { start: at('11:00').toISOString(), entered: {}, total: 0 },
    ]);
    expect(body.totals).toEqual({ intake: 4, data_entry: 2, data_verification: 1, claim: 1, on_hold: 1 });
    const q = Object.fromEntries(body.queue.map((s: { state: string }) => [s.state, s]));
    // Intake: C waited 30 min, D 10 min → oldest 30, median 20, one under 15 min and one in 15–60 min.
    expect(q.intake).toEqual({
      state: 'intake',
      count: 2,
      oldestMinutes: 30,
      medianMinutes: 20,
      ages: [1, 1, 0, 0, 0],
    });
    expect(q.claim).toMatchObject({ count: 1, oldestMinutes: 45, medianMinutes: 45, ages: [0, 1, 0, 0, 0] });
    expect(q.on_hold).toMatchObject({ count: 1, oldestMinutes: 45 });
    expect(q.data_entry).toEqual({
      state: 'data_entry',
      count: 0,
      oldestMinutes: null,
      medianMinutes: null,
      ages: [0, 0, 0, 0, 0],
    });
    expect(body.ageBuckets.map((b: { label: string }) => b.label)).toEqual([
      '< 15 min',
      '15–60 min',
      '1–4 h',
      '4–24 h',
      '> 1 day',
    ]);
    expect(body.states[0]).toBe('intake');
  });

  it('keeps to the window: a fill created before it counts only for the steps it took inside it', async () => {
    // `to` is rounded up to a whole hour: 09:30 → the 09:00 hour is the last bucket.
    const one = (await report(`hours=1&to=${encodeURIComponent(at('09:30').toISOString())}`)).json();
    expect(one.hours).toEqual([
      { start: at('09:00').toISOString(), entered: { data_entry: 2, data_verification: 1 }, total: 3 },
    ]);
    expect(one.totals).toEqual({ data_entry: 2, data_verification: 1 });
    const two = (await report(`hours=2&to=${encodeURIComponent(at('10:00').toISOString())}`)).json();
    expect(two.totals).toEqual({ intake: 2, data_entry: 2, data_verification: 1 });
  });

  it('defaults to the last 24 hours and refuses more than 14 days', async () => {
    const body = (await report('')).json();
    expect(body.hours).toHaveLength(24);
    expect(body.totals.intake).toBe(4);
    const tooLong = await report('hours=337');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors?.[0]?.field ?? tooLong.json().detail).toMatch(/hours/);
  });

  it('is site-scoped: another site’s user gets 404, a role without prescriptions.read 403', async () => {
    const org = await buildOrg(t.db);
    const other = await buildSite(t.db, org);
    const stranger = as(
      t.app,
      await login(t.app, (await buildUser(t.db, org, [{ siteId: other, role: 'technician' }])).username),
    );
    expect((await report('hours=4', stranger)).statusCode).toBe(404);
    const buyer = as(
      t.app,
      await login(t.app, (await buildUser(t.db, p.org, [{ siteId: p.site, role: 'buyer' }])).username),
    );
    expect((await report('hours=4', buyer)).statusCode).toBe(403);
  });
});
