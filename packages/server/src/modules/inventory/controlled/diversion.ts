import { scoreOutliers } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import type { Db } from '../../../platform/db/database';
import { controlledNdcsAt } from '../schedule';

const METRICS = ['dispenses', 'wasteRate', 'adjustRate', 'overrideRate'] as const;

/**
 * Diversion surveillance: for controlled-substance movements at one site over the last `days`, each user's
 * dispensing volume and their waste, adjustment and override (negative on-hand accepted) rates per dispense are
 * compared with their peers at the same site (robust modified z-score, see core/inventory/outliers). Users with any
 * outlying metric are listed for review; a flag is a prompt to look, not a finding.
 */
export async function diversionReport(db: Db, ctx: Ctx, q: { siteId: string; days: number }) {
  ctx.actor.require('controlled.read', q.siteId);
  const since = new Date(Date.now() - q.days * 86_400_000).toISOString();
  const cs = [...(await controlledNdcsAt(db, q.siteId, () => true)).keys()];
  if (!cs.length) return { since, users: [] };
  const rows = await db
    .selectFrom('inv_movements')
    .select(['user_id', 'type', 'negative_flag'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', q.siteId)
    .where('ndc11', 'in', cs)
    .where('occurred_at', '>=', since)
    .where('user_id', 'is not', null)
    .groupBy(['user_id', 'type', 'negative_flag'])
    .execute();
  const per = new Map<string, { dispenses: number; waste: number; adjust: number; override: number }>();
  for (const r of rows) {
    const u = r.user_id ?? '';
    const e = per.get(u) ?? { dispenses: 0, waste: 0, adjust: 0, override: 0 };
    const n = Number(r.n);
    if (r.type === 'dispense') e.dispenses += n;
    if (r.type === 'waste') e.waste += n;
    if (r.type === 'adjust') e.adjust += n;
    if (r.negative_flag === 1) e.override += n;
    per.set(u, e);
  }
  const users = [...per].map(([userId, e]) => {
    const base = Math.max(e.dispenses, 1);
    return {
      userId,
      counts: e,
      dispenses: e.dispenses,
      wasteRate: e.waste / base,
      adjustRate: e.adjust / base,
      overrideRate: e.override / base,
    };
  });
  const flags = new Map<
    string,
    { metric: string; value: number; robustZ: number | null; z: number | null }[]
  >();
  for (const metric of METRICS) {
    for (const s of scoreOutliers(users.map((u) => ({ key: u.userId, value: u[metric] })))) {
      if (!s.outlier) continue;
      flags.set(s.key, [...(flags.get(s.key) ?? []), { metric, value: s.value, robustZ: s.robustZ, z: s.z }]);
    }
  }
  const names = new Map(
    (users.length
      ? await db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where(
            'id',
            'in',
            users.map((u) => u.userId),
          )
          .execute()
      : []
    ).map((u) => [u.id, u.display_name]),
  );
  return {
    since,
    users: users
      .map((u) => ({
        ...u,
        name: names.get(u.userId) ?? null,
        flags: flags.get(u.userId) ?? [],
        review: flags.has(u.userId),
      }))
      .sort((a, b) => Number(b.review) - Number(a.review) || b.dispenses - a.dispenses),
  };
}
