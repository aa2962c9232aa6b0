import { sql } from 'kysely';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';

export interface CountListQuery {
  siteId?: string | undefined;
  status?: string | undefined;
  limit: number;
}

const units = (v: unknown) => (v === null || v === undefined ? null : Number(v) / 1000);

/**
 * Past and open counts at the caller's sites, newest first, with who opened, submitted and approved each and its
 * variance totals (lines, lines off, units over, units short, net). An open count has no variance yet: counted
 * quantities are stored only when the count is submitted, so a blind count never leaks its expected quantities.
 */
export async function listCounts(db: Db, ctx: Ctx, query: CountListQuery) {
  let sites = ctx.actor.sitesWith('inventory.count');
  if (query.siteId) {
    ctx.actor.require('inventory.count', query.siteId);
    sites = [query.siteId];
  }
  if (!sites.length) return [];
  const rows = await db
    .selectFrom('inv_counts as c')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as su', 'su.id', 'c.submitted_by')
    .leftJoin('users as au', 'au.id', 'c.approved_by')
    .select([
      'c.id',
      'c.site_id',
      'c.scope',
      'c.blind',
      'c.status',
      'c.location',
      'c.ndc11',
      'c.created_at',
      'c.submitted_at',
      'c.approved_at',
      'cu.display_name as created_by_name',
      'su.display_name as submitted_by_name',
      'au.display_name as approved_by_name',
    ])
    .where('c.site_id', 'in', sites)
    .$if(!!query.status, (q) => q.where('c.status', '=', query.status ?? ''))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(query.limit)
    .execute();
  if (!rows.length) return [];
  const off = sql`l.counted_milli is not null and l.counted_milli <> l.expected_milli`;
  const totals = await db
    .selectFrom('inv_count_lines as l')
    .select([
      'l.count_id',
      (eb) => eb.fn.countAll<number>().as('lines'),
      sql<number>`sum(case when ${off} then 1 else 0 end)`.as('variance_lines'),
      sql<number>`sum(case when l.counted_milli > l.expected_milli then l.counted_milli - l.expected_milli else 0 end)`.as(
        'over_milli',
      ),
      sql<number>`sum(case when l.counted_milli < l.expected_milli then l.expected_milli - l.counted_milli else 0 end)`.as(
        'short_milli',
      ),
    ])
    .where(
      'l.count_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('l.count_id')
    .execute();
  const byId = new Map(totals.map((t) => [t.count_id, t]));
  return rows.map((r) => {
    const t = byId.get(r.id);
    const counted = r.status !== 'open';
    const over = counted ? units(t?.over_milli ?? 0) : null;
    const short = counted ? units(t?.short_milli ?? 0) : null;
    return {
      ...r,
      blind: Number(r.blind) === 1,
      lines: Number(t?.lines ?? 0),
      variance_lines: counted ? Number(t?.variance_lines ?? 0) : null,
      over_units: over,
      short_units: short,
      net_variance: over === null || short === null ? null : Math.round((over - short) * 1000) / 1000,
    };
  });
}
