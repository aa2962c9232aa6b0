import { countRequirement, isControlled } from '@apotheca/core/inventory';
import type { z } from 'zod';
import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import { recordSignature, verifySigner } from '../../../platform/audit/esign';
import type { AuthService } from '../../../platform/auth/service';
import type { Db } from '../../../platform/db/database';
import type { CsDiscrepancyTable } from '../../../platform/db/schema';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { milli } from '../ledger/convert';
import { postMovements } from '../ledger/post';
import { controlledNdcsAt, schedulesOf } from '../schedule';
import { ledgerEffect } from './effect';
import type { CsInventoryInput, DiscrepancyClose, DiscrepancyInput, LossReportInput } from './schema';

const TWO_YEARS_MS = 2 * 365.25 * 86_400_000;

async function siteTotals(db: Db, siteId: string, ndcs: string[]) {
  if (!ndcs.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('inv_balances')
    .select('ndc11')
    .select((eb) => eb.fn.sum<number>('qty_milli').as('q'))
    .where('site_id', '=', siteId)
    .where('ndc11', 'in', ndcs)
    .groupBy('ndc11')
    .execute();
  return new Map(rows.map((r) => [r.ndc11, Number(r.q)]));
}

/**
 * Initial or biennial controlled-substance inventory (21 CFR 1304.11): every controlled product on hand must be
 * listed; Schedule II is counted exactly; Schedules III–V may be estimated unless an opened container holds more
 * than 1,000 units (1304.11(e)(3)). Saved as a draft; the pharmacist-in-charge signs it (signInventory).
 */
export async function createCsInventory(db: Db, ctx: Ctx, input: z.infer<typeof CsInventoryInput>) {
  ctx.actor.require('controlled.manage', input.siteId);
  const held = await controlledNdcsAt(db, input.siteId, () => true);
  const listed = await schedulesOf(
    db,
    input.siteId,
    input.lines.map((l) => l.ndc11),
  );
  const totals = await siteTotals(db, input.siteId, [...held.keys()]);
  const errors: { field: string; reason: string }[] = [];
  const lines = input.lines.map((l, i) => {
    const schedule = listed.get(l.ndc11) ?? null;
    if (!isControlled(schedule) || !schedule) {
      errors.push({ field: `lines[${i}].ndc11`, reason: 'is not a controlled substance' });
      return null;
    }
    const rule = countRequirement(schedule, l.containerUnits ?? 0);
    if (rule === 'exact' && l.countType !== 'exact')
      errors.push({
        field: `lines[${i}].countType`,
        reason: `${schedule}${l.containerUnits && l.containerUnits > 1000 ? ' in a container over 1,000 units' : ''} must be counted exactly (21 CFR 1304.11(e)(3))`,
      });
    return {
      ndc11: l.ndc11,
      schedule,
      countType: l.countType,
      quantity: l.quantity,
      containerUnits: l.containerUnits ?? null,
      location: l.location ?? null,
      systemQuantity: (totals.get(l.ndc11) ?? 0) / 1000,
    };
  });
  const listedNdcs = new Set(input.lines.map((l) => l.ndc11));
  for (const [ndc, s] of held)
    if ((totals.get(ndc) ?? 0) > 0 && !listedNdcs.has(ndc))
      errors.push({
        field: 'lines',
        reason: `missing ${s} product ${ndc} (on hand ${(totals.get(ndc) ?? 0) / 1000})`,
      });
  if (errors.length)
    throw badRequest(
      'invalid_inventory',
      'The controlled-substance inventory is incomplete or miscounted',
      errors,
    );
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      site_id: input.siteId,
      kind: input.kind,
      taken_at: input.takenAt,
      time_of_day: input.timeOfDay,
      status: 'draft',
      lines_json: JSON.stringify(lines),
      created_by: ctx.actor.userId,
      created_at: nowIso(),
      signature_id: null,
      signed_by: null,
      signed_at: null,
    };
    await trx.insertInto('cs_inventories').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'controlled.inventory.create',
      entityType: 'cs_inventory',
      entityId: row.id,
      siteId: input.siteId,
      after: row,
    });
    return row;
  });
}

/** Signing = the PIC re-enters their password (21 CFR 11.200(a)(1)); after that the record cannot change. */
export async function signCsInventory(
  auth: AuthService,
  db: Db,
  ctx: Ctx,
  id: string,
  password: string | undefined,
) {
  const inv = await db
    .selectFrom('cs_inventories')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', 'in', [...ctx.actor.sitesWith('controlled.read'), ''])
    .executeTakeFirst();
  if (!inv) throw notFound('Controlled-substance inventory');
  ctx.actor.require('controlled.sign_pic', inv.site_id, 'Controlled-substance inventory');
  if (inv.status !== 'draft') throw conflict('already_signed', 'This inventory is already signed');
  const signer = await verifySigner(auth, ctx, password);
  return db.transaction().execute(async (trx) => {
    const sig = await recordSignature(trx, ctx, signer, {
      meaning: 'responsible',
      entityType: 'cs_inventory',
      entityId: id,
      siteId: inv.site_id,
      reason: `${inv.kind} controlled-substance inventory`,
    });
    const res = await trx
      .updateTable('cs_inventories')
      .set({ status: 'signed', signature_id: sig.id, signed_by: signer.userId, signed_at: sig.signed_at })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict('already_signed', 'This inventory is already signed');
    return {
      ...inv,
      status: 'signed',
      signature_id: sig.id,
      signed_by: signer.userId,
      signed_at: sig.signed_at,
    };
  });
}

export async function listCsInventories(db: Db, ctx: Ctx, siteId: string) {
  ctx.actor.require('controlled.read', siteId);
  const rows = await db
    .selectFrom('cs_inventories as i')
    .leftJoin('users as cu', 'cu.id', 'i.created_by')
    .leftJoin('users as su', 'su.id', 'i.signed_by')
    .selectAll('i')
    .select(['cu.display_name as created_by_name', 'su.display_name as signed_by_name'])
    .where('i.site_id', '=', siteId)
    .orderBy('i.taken_at', 'desc')
    .orderBy('i.created_at', 'desc')
    .execute();
  const lastSigned = rows.find((r) => r.status === 'signed');
  // 1304.11(c): the next inventory is due within two years of the previous one.
  const nextDueBy = lastSigned
    ? new Date(Date.parse(lastSigned.taken_at) + TWO_YEARS_MS).toISOString().slice(0, 10)
    : null;
  return { items: rows.map((r) => ({ ...r, lines: JSON.parse(r.lines_json) as unknown[] })), nextDueBy };
}

/**
 * Theft or significant loss (21 CFR 1301.76(b)): written notice to the DEA Field Division within one business day
 * of discovery and DEA Form 106 within 45 days. The lost quantities leave the ledger as adjustments in the same
 * transaction as the report.
 */
export async function createLossReport(db: Db, ctx: Ctx, input: z.infer<typeof LossReportInput>) {
  ctx.actor.require('controlled.manage', input.siteId);
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const moves = await postMovements(
      trx,
      ctx,
      input.siteId,
      input.lines.map((l) => ({
        type: 'adjust' as const,
        location: l.location,
        ndc11: l.ndc11,
        lot: l.lot ?? '',
        expiry: l.expiry ?? '',
        qtyMilli: -milli(l.quantity),
        reason: `DEA 106 ${input.kind} report ${id}`,
        reference: `loss ${id}`,
      })),
    );
    const row = {
      id,
      site_id: input.siteId,
      kind: input.kind,
      discovered_at: input.discoveredAt,
      lines_json: JSON.stringify(input.lines),
      created_by: ctx.actor.userId,
      created_at: nowIso(),
      description: input.description,
      field_office_notified_at: input.fieldOfficeNotifiedAt ?? null,
      dea_106_number: null,
      dea_106_filed_at: null,
      police_report: input.policeReport ?? null,
    };
    await trx.insertInto('cs_loss_reports').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'controlled.loss.create',
      entityType: 'cs_loss_report',
      entityId: id,
      siteId: input.siteId,
      after: { ...row, movementGroup: moves[0]?.group_id },
    });
    return { ...row, deadlines: lossDeadlines(input.discoveredAt), ledger: moves.map(ledgerEffect) };
  });
}

export function lossDeadlines(discoveredAt: string) {
  const d = new Date(discoveredAt);
  const next = new Date(d);
  do next.setUTCDate(next.getUTCDate() + 1);
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6); // one business day (weekends skipped; holidays not known here)
  return {
    fieldOfficeNoticeBy: next.toISOString(),
    form106By: new Date(d.getTime() + 45 * 86_400_000).toISOString(),
  };
}

export async function markLossFiled(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { dea106Number: string; filedAt: string },
) {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('cs_loss_reports')
      .selectAll()
      .where('id', '=', id)
      .where('site_id', 'in', [...ctx.actor.sitesWith('controlled.manage'), ''])
      .executeTakeFirst();
    if (!r) throw notFound('Loss report');
    await trx
      .updateTable('cs_loss_reports')
      .set({ dea_106_number: input.dea106Number, dea_106_filed_at: input.filedAt })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'controlled.loss.filed',
      entityType: 'cs_loss_report',
      entityId: id,
      siteId: r.site_id,
      before: r,
      after: input,
    });
    return {
      ...r,
      dea_106_number: input.dea106Number,
      dea_106_filed_at: input.filedAt,
      deadlines: lossDeadlines(r.discovered_at),
    };
  });
}

const toDisc = (d: CsDiscrepancyTable) => ({
  id: d.id,
  siteId: d.site_id,
  ndc11: d.ndc11,
  expected: Number(d.expected_milli) / 1000,
  actual: Number(d.actual_milli) / 1000,
  difference: (Number(d.actual_milli) - Number(d.expected_milli)) / 1000,
  status: d.status,
  source: d.source,
  notes: JSON.parse(d.notes_json ?? '[]') as unknown[],
  resolution: d.resolution,
  lossReportId: d.loss_report_id,
  signatureId: d.signature_id,
  closedBy: d.closed_by,
  closedAt: d.closed_at,
  openedAt: d.opened_at,
  version: d.version,
});
export type DiscrepancyOut = ReturnType<typeof toDisc>;

export async function openDiscrepancyIn(
  trx: Db,
  ctx: Ctx,
  input: {
    siteId: string;
    ndc11: string;
    expectedMilli: number;
    actualMilli: number;
    source?: string | undefined;
    note?: string | undefined;
  },
) {
  const at = nowIso();
  const row: CsDiscrepancyTable = {
    id: newId(),
    site_id: input.siteId,
    ndc11: input.ndc11,
    expected_milli: input.expectedMilli,
    actual_milli: input.actualMilli,
    status: 'open',
    opened_by: ctx.actor.userId,
    opened_at: at,
    version: 1,
    source: input.source ?? null,
    notes_json: JSON.stringify(input.note ? [{ at, by: ctx.actor.displayName, note: input.note }] : []),
    resolution: null,
    loss_report_id: null,
    signature_id: null,
    closed_by: null,
    closed_at: null,
  };
  await trx.insertInto('cs_discrepancies').values(row).execute();
  await appendAudit(trx, ctx, {
    action: 'controlled.discrepancy.open',
    entityType: 'cs_discrepancy',
    entityId: row.id,
    siteId: input.siteId,
    after: row,
  });
  return toDisc(row);
}

export async function openDiscrepancy(db: Db, ctx: Ctx, input: z.infer<typeof DiscrepancyInput>) {
  ctx.actor.require('controlled.manage', input.siteId);
  return db.transaction().execute((trx) =>
    openDiscrepancyIn(trx, ctx, {
      siteId: input.siteId,
      ndc11: input.ndc11,
      expectedMilli: milli(input.expected, 'expected'),
      actualMilli: milli(input.actual, 'actual'),
      source: input.source,
      note: input.note,
    }),
  );
}

async function loadDisc(db: Db, ctx: Ctx, id: string) {
  const d = await db
    .selectFrom('cs_discrepancies')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', 'in', [...ctx.actor.sitesWith('controlled.read'), ''])
    .executeTakeFirst();
  if (!d) throw notFound('Discrepancy');
  return d;
}

export async function addDiscrepancyNote(db: Db, ctx: Ctx, id: string, note: string) {
  return db.transaction().execute(async (trx) => {
    const d = await loadDisc(trx, ctx, id);
    ctx.actor.require('controlled.manage', d.site_id, 'Discrepancy');
    if (d.status === 'closed') throw conflict('discrepancy_closed', 'This discrepancy is closed');
    const notes = [
      ...(JSON.parse(d.notes_json ?? '[]') as unknown[]),
      { at: nowIso(), by: ctx.actor.displayName, note },
    ];
    const patch = { notes_json: JSON.stringify(notes), status: 'investigating', version: d.version + 1 };
    const res = await trx
      .updateTable('cs_discrepancies')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', d.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict('stale_version', 'The discrepancy changed meanwhile; reload');
    await appendAudit(trx, ctx, {
      action: 'controlled.discrepancy.note',
      entityType: 'cs_discrepancy',
      entityId: id,
      siteId: d.site_id,
      after: { note },
    });
    return toDisc({ ...d, ...patch });
  });
}

/**
 * Closing needs a written resolution AND the pharmacist-in-charge's electronic signature (password re-entered).
 * Neither can be skipped: without a resolution → 400; a non-PIC → 403; no/wrong password → 400/401.
 */
export async function closeDiscrepancy(
  auth: AuthService,
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof DiscrepancyClose>,
) {
  const d = await loadDisc(db, ctx, id);
  ctx.actor.require('controlled.sign_pic', d.site_id, 'Discrepancy');
  if (d.status === 'closed') throw conflict('discrepancy_closed', 'This discrepancy is already closed');
  if (!input.resolution || input.resolution.length < 10)
    throw badRequest('resolution_required', 'Describe the resolution before closing', [
      { field: 'resolution', reason: 'is required (at least 10 characters)' },
    ]);
  if (input.lossReportId) {
    const lr = await db
      .selectFrom('cs_loss_reports')
      .select('id')
      .where('id', '=', input.lossReportId)
      .where('site_id', '=', d.site_id)
      .executeTakeFirst();
    if (!lr) throw notFound('Loss report');
  }
  const signer = await verifySigner(auth, ctx, input.password);
  return db.transaction().execute(async (trx) => {
    const sig = await recordSignature(trx, ctx, signer, {
      meaning: 'approved',
      entityType: 'cs_discrepancy',
      entityId: id,
      siteId: d.site_id,
      reason: input.resolution ?? null,
    });
    const patch = {
      status: 'closed',
      resolution: input.resolution ?? null,
      loss_report_id: input.lossReportId ?? null,
      signature_id: sig.id,
      closed_by: signer.userId,
      closed_at: sig.signed_at,
      version: d.version + 1,
    };
    const res = await trx
      .updateTable('cs_discrepancies')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', d.version)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new AppError(409, 'stale_version', 'The discrepancy changed meanwhile; reload');
    await appendAudit(trx, ctx, {
      action: 'controlled.discrepancy.close',
      entityType: 'cs_discrepancy',
      entityId: id,
      siteId: d.site_id,
      before: d,
      after: { ...d, ...patch },
    });
    return toDisc({ ...d, ...patch });
  });
}

export async function listDiscrepancies(db: Db, ctx: Ctx, siteId: string, status?: string) {
  ctx.actor.require('controlled.read', siteId);
  const rows = await db
    .selectFrom('cs_discrepancies')
    .selectAll()
    .where('site_id', '=', siteId)
    .$if(!!status, (q) => q.where('status', '=', status ?? ''))
    .orderBy('opened_at', 'desc')
    .execute();
  return rows.map(toDisc);
}
