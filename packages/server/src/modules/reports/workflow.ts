import { FILL_STATES, type FillState, OPEN_FILL_STATES } from '@apotheca/core/rx';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { WorkflowReport, WorkflowReportQuery } from './schema';

const HOUR = 3_600_000;

/** States a fill is still waiting in (the live queue); sold, cancelled and returned to stock are done. */
export const OPEN_STATES = OPEN_FILL_STATES;

export const AGE_BUCKETS = [
  { key: 'lt15m', label: '< 15 min', maxMinutes: 15 },
  { key: 'lt1h', label: '15–60 min', maxMinutes: 60 },
  { key: 'lt4h', label: '1–4 h', maxMinutes: 240 },
  { key: 'lt24h', label: '4–24 h', maxMinutes: 1440 },
  { key: 'gte24h', label: '> 1 day', maxMinutes: null },
] as const;

/** The window: whole clock hours ending at `to` rounded up (default: the end of the current hour). */
export function workflowWindow(q: Pick<WorkflowReportQuery, 'hours' | 'to'>, now: number) {
  const end = Math.ceil((q.to ? Date.parse(q.to) : now + 1) / HOUR) * HOUR;
  const start = end - q.hours * HOUR;
  return { start, end };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** "2025-03-10T09" (the first 13 characters of a stored ISO timestamp) → epoch ms of that hour. */
const hourOf = (prefix: string) => Date.parse(`${prefix}:00:00.000Z`);

/**
 * Prescriptions per hour by state: how many fills entered each workflow state in each clock hour of the window,
 * from the stored workflow transitions (fill_events) plus the creation of each fill (a new fill enters its first
 * state — intake, or the step a refill starts at — when it is created; creation writes no transition). And the
 * queue as it stands: count, oldest and median wait per open state, and how many fills fall in each age bucket.
 */
export async function workflowReport(
  db: Db,
  ctx: Ctx,
  q: WorkflowReportQuery,
  now = Date.now(),
): Promise<WorkflowReport> {
  ctx.actor.require('prescriptions.read', q.siteId);
  const { start, end } = workflowWindow(q, now);
  const from = iso(start);
  const to = iso(end);
  const hourExpr = sql<string>`substr(at, 1, 13)`;
  const [moves, created, open] = await Promise.all([
    db
      .selectFrom('fill_events')
      .select((eb) => [hourExpr.as('hour'), 'to_state', eb.fn.countAll<number | string>().as('n')])
      .where('site_id', '=', q.siteId)
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy([hourExpr, 'to_state'])
      .execute(),
    // The first state of a fill is the state its first transition left, or where it still is.
    db
      .selectFrom('fills as f')
      .select((eb) => [
        'f.created_at',
        'f.state',
        eb
          .selectFrom('fill_events as e')
          .select('e.from_state')
          .whereRef('e.fill_id', '=', 'f.id')
          .orderBy('e.at')
          .limit(1)
          .as('first_from'),
      ])
      .where('f.site_id', '=', q.siteId)
      .where('f.created_at', '>=', from)
      .where('f.created_at', '<', to)
      .execute(),
    db
      .selectFrom('fills')
      .select(['state', 'state_changed_at'])
      .where('site_id', '=', q.siteId)
      .where('state', 'in', OPEN_STATES)
      .execute(),
  ]);

  const hours = Array.from({ length: q.hours }, (_, k) => ({
    start: iso(start + k * HOUR),
    entered: {} as Record<string, number>,
    total: 0,
  }));
  const totals: Record<string, number> = {};
  const add = (atMs: number, state: string, n: number) => {
    const bucket = hours[Math.floor((atMs - start) / HOUR)];
    if (!bucket || !n) return;
    bucket.entered[state] = (bucket.entered[state] ?? 0) + n;
    bucket.total += n;
    totals[state] = (totals[state] ?? 0) + n;
  };
  for (const m of moves) add(hourOf(m.hour), m.to_state, Number(m.n));
  for (const f of created) add(Date.parse(f.created_at), f.first_from ?? f.state, 1);

  const waits = new Map<string, number[]>(OPEN_STATES.map((s) => [s, []]));
  for (const f of open)
    waits.get(f.state)?.push(Math.max(0, (now - Date.parse(f.state_changed_at)) / 60_000));
  const queue = OPEN_STATES.map((state) => {
    const minutes = waits.get(state) ?? [];
    const ages = AGE_BUCKETS.map(() => 0);
    for (const m of minutes) {
      const k = AGE_BUCKETS.findIndex((b) => b.maxMinutes === null || m < b.maxMinutes);
      ages[k] = (ages[k] ?? 0) + 1;
    }
    const med = median(minutes);
    return {
      state,
      count: minutes.length,
      oldestMinutes: minutes.length ? Math.floor(minutes.reduce((a, b) => Math.max(a, b), 0)) : null,
      medianMinutes: med === null ? null : Math.round(med * 10) / 10,
      ages,
    };
  });

  return {
    siteId: q.siteId,
    from,
    to,
    generatedAt: iso(now),
    states: [...FILL_STATES],
    hours,
    totals,
    ageBuckets: AGE_BUCKETS.map((b) => ({ ...b })),
    queue,
  };
}
