import { isControlled } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { InvCountLineTable, InvCountTable } from '../../../platform/db/schema';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { openDiscrepancyIn } from '../controlled/service';
import { milli } from '../ledger/convert';
import { locationKind, postMovements } from '../ledger/post';
import { schedulesOf } from '../schedule';

export interface CountInput {
  siteId: string;
  scope: 'location' | 'product' | 'full';
  location?: string | undefined;
  ndc11?: string | undefined;
  blind: boolean;
}

/** Opens a cycle count (one location or one product) or a full physical inventory, snapshotting expected on-hand. */
export async function openCount(db: Db, ctx: Ctx, input: CountInput) {
  ctx.actor.require('inventory.count', input.siteId);
  if (input.scope === 'location' && !input.location)
    throw badRequest('location_required', 'A location count needs a location', [
      { field: 'location', reason: 'is required' },
    ]);
  if (input.scope === 'product' && !input.ndc11)
    throw badRequest('ndc_required', 'A product count needs an NDC', [
      { field: 'ndc11', reason: 'is required' },
    ]);
  return db.transaction().execute(async (trx) => {
    const balances = await trx
      .selectFrom('inv_balances')
      .selectAll()
      .where('site_id', '=', input.siteId)
      .where('qty_milli', '!=', 0)
      .$if(input.scope === 'location', (q) => q.where('location', '=', input.location ?? ''))
      .$if(input.scope === 'product', (q) => q.where('ndc11', '=', input.ndc11 ?? ''))
      .orderBy('location')
      .orderBy('ndc11')
      .orderBy('lot')
      .execute();
    const count: InvCountTable = {
      id: newId(),
      site_id: input.siteId,
      scope: input.scope,
      blind: input.blind ? 1 : 0,
      status: 'open',
      created_by: ctx.actor.userId,
      created_at: nowIso(),
      location: input.location ?? null,
      ndc11: input.ndc11 ?? null,
      submitted_by: null,
      submitted_at: null,
      approved_by: null,
      approved_at: null,
    };
    await trx.insertInto('inv_counts').values(count).execute();
    const lines: InvCountLineTable[] = balances.map((b) => ({
      id: newId(),
      count_id: count.id,
      location: b.location,
      ndc11: b.ndc11,
      lot: b.lot,
      expiry: b.expiry,
      serial: b.serial,
      expected_milli: Number(b.qty_milli),
      counted_milli: null,
    }));
    for (let i = 0; i < lines.length; i += 1000)
      await trx
        .insertInto('inv_count_lines')
        .values(lines.slice(i, i + 1000))
        .execute();
    await appendAudit(trx, ctx, {
      action: 'inventory.count.open',
      entityType: 'inv_count',
      entityId: count.id,
      siteId: input.siteId,
      after: { ...count, lines: lines.length },
    });
    return view(count, lines, ctx);
  });
}

/** Blind counts hide the expected quantity from counters until a pharmacist reviews the variance. */
function view(c: InvCountTable, lines: InvCountLineTable[], ctx: Ctx) {
  const hide =
    c.blind === 1 && c.status === 'open' && !ctx.actor.can('inventory.approve_variance', c.site_id);
  return {
    id: c.id,
    siteId: c.site_id,
    scope: c.scope,
    blind: c.blind === 1,
    status: c.status,
    location: c.location,
    ndc11: c.ndc11,
    createdAt: c.created_at,
    submittedAt: c.submitted_at,
    approvedAt: c.approved_at,
    approvedBy: c.approved_by,
    lines: lines.map((l) => ({
      id: l.id,
      location: l.location,
      ndc11: l.ndc11,
      lot: l.lot || null,
      expiry: l.expiry || null,
      serial: l.serial || null,
      expected: hide ? null : Number(l.expected_milli) / 1000,
      counted: l.counted_milli === null ? null : Number(l.counted_milli) / 1000,
      variance:
        hide || l.counted_milli === null ? null : (Number(l.counted_milli) - Number(l.expected_milli)) / 1000,
    })),
  };
}

async function load(db: Db, ctx: Ctx, id: string) {
  const c = await db
    .selectFrom('inv_counts')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', 'in', [...ctx.actor.sitesWith('inventory.read'), ''])
    .executeTakeFirst();
  if (!c) throw notFound('Count');
  const lines = await db
    .selectFrom('inv_count_lines')
    .selectAll()
    .where('count_id', '=', id)
    .orderBy('location')
    .orderBy('ndc11')
    .orderBy('lot')
    .execute();
  return { c, lines };
}

/** A count with its lines and the names of who opened, submitted and approved it (for the detail screen). */
export async function getCount(db: Db, ctx: Ctx, id: string) {
  const { c, lines } = await load(db, ctx, id);
  const ids = [c.created_by, c.submitted_by, c.approved_by].filter((u): u is string => !!u);
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  const name = (u: string | null) => users.find((r) => r.id === u)?.display_name ?? null;
  return {
    ...view(c, lines, ctx),
    createdByName: name(c.created_by),
    submittedByName: name(c.submitted_by),
    approvedByName: name(c.approved_by),
  };
}

export interface CountEntry {
  lineId?: string | undefined;
  location?: string | undefined;
  ndc11?: string | undefined;
  lot?: string | undefined;
  expiry?: string | undefined;
  serial?: string | undefined;
  counted: number;
}

/** Stock key of a count line or a found item (two lines with one key would count the same stock twice). */
const foundKey = (l: { location?: string; ndc11?: string; lot?: string; expiry?: string; serial?: string }) =>
  [l.location, l.ndc11, l.lot ?? '', l.expiry ?? '', l.serial ?? ''].join('|');

/** Enters the counted quantities (every line must be counted; items found that were not expected are added). */
export async function submitCount(db: Db, ctx: Ctx, id: string, entries: CountEntry[]) {
  return db.transaction().execute(async (trx) => {
    const { c, lines } = await load(trx, ctx, id);
    ctx.actor.require('inventory.count', c.site_id, 'Count');
    if (c.status !== 'open') throw conflict('count_not_open', 'This count is no longer open');
    const byId = new Map(lines.map((l) => [l.id, l]));
    const added: InvCountLineTable[] = [];
    for (const [i, e] of entries.entries()) {
      const q = milli(e.counted, `lines[${i}].counted`);
      if (q < 0)
        throw badRequest('invalid_quantity', 'counted must not be negative', [
          { field: `lines[${i}].counted`, reason: 'must be ≥ 0' },
        ]);
      const line = e.lineId ? byId.get(e.lineId) : undefined;
      if (e.lineId && !line)
        throw badRequest('unknown_line', 'No such count line', [
          { field: `lines[${i}].lineId`, reason: 'not in this count' },
        ]);
      if (line) line.counted_milli = q;
      else {
        if (!e.location || !e.ndc11)
          throw badRequest('line_required', 'A found item needs location and ndc11', [
            { field: `lines[${i}]`, reason: 'needs lineId or location + ndc11' },
          ]);
        // Checked now, not at approval: an unknown location would make the submitted count impossible to post.
        if (!(await locationKind(trx, c.site_id, e.location)))
          throw badRequest('unknown_location', `No location ${e.location} at this site`, [
            { field: `lines[${i}].location`, reason: `unknown location ${e.location}` },
          ]);
        const key = foundKey(e);
        const same = [...lines, ...added].find((l) => foundKey(l) === key);
        if (same)
          throw badRequest('line_exists', 'This item is already a line of the count', [
            {
              field: `lines[${i}]`,
              reason: `${e.ndc11} lot ${e.lot || '-'} at ${e.location} is already on the count: enter it once`,
            },
          ]);
        added.push({
          id: newId(),
          count_id: id,
          location: e.location,
          ndc11: e.ndc11,
          lot: e.lot ?? '',
          expiry: e.expiry ?? '',
          serial: e.serial ?? '',
          expected_milli: 0,
          counted_milli: q,
        });
      }
    }
    const missing = lines.filter((l) => l.counted_milli === null);
    if (missing.length)
      throw badRequest(
        'lines_not_counted',
        `${missing.length} line(s) not counted`,
        missing.slice(0, 20).map((l) => ({
          field: `lineId ${l.id}`,
          reason: `count ${l.ndc11} lot ${l.lot || '-'} at ${l.location}`,
        })),
      );
    for (const l of lines)
      await trx
        .updateTable('inv_count_lines')
        .set({ counted_milli: l.counted_milli })
        .where('id', '=', l.id)
        .execute();
    if (added.length) await trx.insertInto('inv_count_lines').values(added).execute();
    const at = nowIso();
    await trx
      .updateTable('inv_counts')
      .set({ status: 'submitted', submitted_by: ctx.actor.userId, submitted_at: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'inventory.count.submit',
      entityType: 'inv_count',
      entityId: id,
      siteId: c.site_id,
      after: { lines: lines.length + added.length },
    });
    const fresh = { ...c, status: 'submitted', submitted_by: ctx.actor.userId, submitted_at: at };
    return view(fresh, [...lines, ...added], ctx);
  });
}

/**
 * A pharmacist approves the variances: each becomes a `count` movement (counted − expected at the snapshot, so
 * movements made while counting stay valid). A variance on a controlled substance also opens a discrepancy
 * investigation that only the pharmacist-in-charge can close.
 */
export async function approveCount(db: Db, ctx: Ctx, id: string) {
  const { c: c0 } = await load(db, ctx, id);
  ctx.actor.require('inventory.approve_variance', c0.site_id, 'Count');
  const schedules = await schedulesOf(db, c0.site_id, [
    ...new Set(
      (await db.selectFrom('inv_count_lines').select('ndc11').where('count_id', '=', id).execute()).map(
        (r) => r.ndc11,
      ),
    ),
  ]);
  return db.transaction().execute(async (trx) => {
    const { c, lines } = await load(trx, ctx, id);
    if (c.status !== 'submitted')
      throw conflict('count_not_submitted', 'Only a submitted count can be approved');
    const variances = lines.filter(
      (l) => l.counted_milli !== null && l.counted_milli !== Number(l.expected_milli),
    );
    const moves = variances.map((l) => ({
      type: 'count' as const,
      location: l.location,
      ndc11: l.ndc11,
      lot: l.lot,
      expiry: l.expiry,
      serial: l.serial,
      qtyMilli: Number(l.counted_milli) - Number(l.expected_milli),
      reason: `count ${id}`,
      reference: `count ${id}`,
    }));
    const rows = moves.length ? await postMovements(trx, ctx, c.site_id, moves) : [];
    const discrepancies = [];
    const byNdc = new Map<string, { expected: number; counted: number }>();
    for (const l of variances) {
      if (!isControlled(schedules.get(l.ndc11) ?? null)) continue;
      const e = byNdc.get(l.ndc11) ?? { expected: 0, counted: 0 };
      e.expected += Number(l.expected_milli);
      e.counted += Number(l.counted_milli);
      byNdc.set(l.ndc11, e);
    }
    for (const [ndc11, e] of byNdc)
      discrepancies.push(
        await openDiscrepancyIn(trx, ctx, {
          siteId: c.site_id,
          ndc11,
          expectedMilli: e.expected,
          actualMilli: e.counted,
          source: `count ${id}`,
        }),
      );
    const at = nowIso();
    await trx
      .updateTable('inv_counts')
      .set({ status: 'approved', approved_by: ctx.actor.userId, approved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .execute();
    await appendAudit(trx, ctx, {
      action: 'inventory.count.approve',
      entityType: 'inv_count',
      entityId: id,
      siteId: c.site_id,
      after: {
        variances: variances.length,
        movementGroup: rows[0]?.group_id ?? null,
        discrepancies: discrepancies.map((d) => d.id),
      },
    });
    return {
      ...view({ ...c, status: 'approved', approved_by: ctx.actor.userId, approved_at: at }, lines, ctx),
      discrepancyIds: discrepancies.map((d) => d.id),
    };
  });
}
