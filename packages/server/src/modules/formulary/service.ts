import { normalizeNdc } from '@apotheca/core/ndc';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { FormularyEntryTable, FormularyRequestTable } from '../../platform/db/schema';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { canonicalMatch, type DrugKeys, FormularyMatcher } from './matching';
import * as repo from './repository';
import type { DecisionInput, EntryInput, RequestInput } from './schema';

export const toEntryOut = (e: repo.EntryRow) => ({
  id: e.id,
  formularyId: e.formulary_id,
  level: e.site_id ? ('site' as const) : ('organization' as const),
  siteId: e.site_id,
  matchType: e.match_type,
  matchValue: e.match_value,
  drugName: e.drug_name,
  status: e.status,
  tier: e.tier === null ? null : Number(e.tier),
  criteriaForUse: e.criteria_for_use,
  priorAuthCriteria: e.prior_auth_criteria,
  quantityLimit: e.quantity_limit,
  stepTherapy: e.step_therapy,
  alternatives: JSON.parse(e.alternatives_json) as { name: string; ndc11?: string; rxcui?: string }[],
  notes: e.notes,
  version: Number(e.version),
  updatedAt: e.updated_at,
});

export const toRequestOut = (r: FormularyRequestTable) => ({
  id: r.id,
  siteId: r.site_id,
  ndc11: r.ndc11,
  rxcui: r.rxcui,
  drugName: r.drug_name,
  indication: r.indication,
  justification: r.justification,
  patientId: r.patient_id,
  status: r.status,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  decisionReason: r.decision_reason,
  version: Number(r.version),
});

// Matchers are read on every search: cached briefly per site, dropped on any change in this process.
const matchers = new WeakMap<Db, Map<string, { at: number; m: Promise<FormularyMatcher> }>>();
const MATCHER_TTL_MS = 5_000;

export function formularyMatcher(
  db: Db,
  organizationId: string,
  siteId: string | null,
): Promise<FormularyMatcher> {
  let perDb = matchers.get(db);
  if (!perDb) {
    perDb = new Map();
    matchers.set(db, perDb);
  }
  const key = `${organizationId}|${siteId ?? ''}`;
  const hit = perDb.get(key);
  if (hit && Date.now() - hit.at < MATCHER_TTL_MS) return hit.m;
  const m = repo.entriesFor(db, organizationId, siteId).then((rows) => new FormularyMatcher(rows));
  perDb.set(key, { at: Date.now(), m });
  return m;
}
const invalidate = (db: Db) => matchers.delete(db);

/** The entry that governs a drug at a site (or null: not listed). */
export async function formularyStatusAt(db: Db, organizationId: string, siteId: string | null, k: DrugKeys) {
  const e = (await formularyMatcher(db, organizationId, siteId)).resolve(k);
  return e ? toEntryOut(e) : null;
}

/** Organization-wide entries need formulary.manage somewhere in the organization; site entries at that site. */
function requireManage(ctx: Ctx, siteId: string | null) {
  if (siteId) ctx.actor.require('formulary.manage', siteId);
  else if (!ctx.actor.canAnywhere('formulary.manage'))
    throw forbidden('Your roles do not allow formulary.manage');
}

function siteOrg(ctx: Ctx, siteId: string | undefined) {
  if (siteId && !ctx.actor.siteIds.includes(siteId)) throw notFound('Site');
  return ctx.actor.organizationId;
}

export async function upsertEntry(db: Db, ctx: Ctx, input: EntryInput) {
  const siteId = input.siteId ?? null;
  requireManage(ctx, siteId);
  const matchValue = canonicalMatch(input.matchType, input.matchValue);
  const alternatives = input.alternatives.map((a) => {
    const out: { name: string; ndc11?: string; rxcui?: string } = { name: a.name };
    if (a.ndc) out.ndc11 = canonicalMatch('ndc11', a.ndc, 'alternatives.ndc');
    if (a.rxcui) out.rxcui = a.rxcui;
    return out;
  });
  const result = await db.transaction().execute(async (trx) => {
    const formularyId = await repo.ensureFormulary(trx, ctx.actor.organizationId, siteId);
    const before = await repo.findEntry(trx, formularyId, input.matchType, matchValue);
    const at = nowIso();
    const fields = {
      drug_name: input.drugName,
      status: input.status,
      tier: input.tier ?? null,
      criteria_for_use: input.criteriaForUse ?? null,
      prior_auth_criteria: input.priorAuthCriteria ?? null,
      quantity_limit: input.quantityLimit ?? null,
      step_therapy: input.stepTherapy ?? null,
      alternatives_json: JSON.stringify(alternatives),
      notes: input.notes ?? null,
      updated_at: at,
    };
    let row: FormularyEntryTable;
    if (before) {
      row = { ...before, ...fields, version: Number(before.version) + 1 };
      await trx.updateTable('formulary_entries').set(row).where('id', '=', before.id).execute();
    } else {
      row = {
        id: newId(),
        formulary_id: formularyId,
        match_type: input.matchType,
        match_value: matchValue,
        ...fields,
        created_at: at,
        version: 1,
      };
      await trx.insertInto('formulary_entries').values(row).execute();
    }
    await appendAudit(trx, ctx, {
      action: before ? 'formulary.entry.update' : 'formulary.entry.create',
      entityType: 'formulary_entry',
      entityId: row.id,
      siteId,
      before: before ?? undefined,
      after: row,
    });
    return { created: !before, entry: toEntryOut({ ...row, site_id: siteId }) };
  });
  invalidate(db);
  return result;
}

export async function deleteEntry(db: Db, ctx: Ctx, id: string) {
  await db.transaction().execute(async (trx) => {
    const e = await repo.entryWithOwner(trx, id);
    if (!e || e.organization_id !== ctx.actor.organizationId) throw notFound('Formulary entry');
    if (e.site_id && !ctx.actor.siteIds.includes(e.site_id)) throw notFound('Formulary entry');
    requireManage(ctx, e.site_id);
    await trx.deleteFrom('formulary_entries').where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'formulary.entry.delete',
      entityType: 'formulary_entry',
      entityId: id,
      siteId: e.site_id,
      before: e,
    });
  });
  invalidate(db);
}

export async function listEntries(
  db: Db,
  ctx: Ctx,
  q: { siteId?: string | undefined; q?: string | undefined; limit: number },
) {
  if (q.siteId) ctx.actor.require('formulary.read', q.siteId);
  const org = siteOrg(ctx, q.siteId);
  const rows = await repo.entriesFor(db, org, q.siteId ?? null);
  // Site entries hide the organization entry for the same drug.
  const siteKeys = new Set(rows.filter((r) => r.site_id).map((r) => `${r.match_type}:${r.match_value}`));
  const needle = q.q?.toLowerCase();
  return rows
    .filter((r) => r.site_id || !siteKeys.has(`${r.match_type}:${r.match_value}`))
    .filter((r) => !needle || r.drug_name.toLowerCase().includes(needle))
    .sort((a, b) => a.drug_name.localeCompare(b.drug_name))
    .slice(0, q.limit)
    .map(toEntryOut);
}

export async function statusOf(db: Db, ctx: Ctx, siteId: string, ndc: string) {
  ctx.actor.require('formulary.read', siteId);
  const n = normalizeNdc(ndc);
  if (!n.ok) throw badRequest('invalid_ndc', n.error.reason, [{ field: 'ndc', reason: n.error.reason }]);
  const pkg = await db
    .selectFrom('drug_packages as k')
    .innerJoin('drug_products as p', 'p.id', 'k.product_id')
    .select(['p.rxcui'])
    .where('k.ndc11', '=', n.ndc11)
    .executeTakeFirst();
  return formularyStatusAt(db, ctx.actor.organizationId, siteId, {
    ndc11: n.ndc11,
    rxcui: pkg?.rxcui ?? null,
  });
}

/** Step 1 of the non-formulary workflow: someone at the site asks for a drug that is not on the formulary. */
export async function createRequest(db: Db, ctx: Ctx, input: RequestInput) {
  ctx.actor.require('formulary.request', input.siteId);
  const ndc11 = input.ndc ? canonicalMatch('ndc11', input.ndc, 'ndc') : null;
  return db.transaction().execute(async (trx) => {
    const row: FormularyRequestTable = {
      id: newId(),
      organization_id: ctx.actor.organizationId,
      site_id: input.siteId,
      ndc11,
      rxcui: input.rxcui ?? null,
      drug_name: input.drugName,
      indication: input.indication,
      justification: input.justification,
      patient_id: input.patientId ?? null,
      status: 'requested',
      requested_by: ctx.actor.userId,
      requested_at: nowIso(),
      reviewed_by: null,
      reviewed_at: null,
      decision_reason: null,
      version: 1,
    };
    await trx.insertInto('formulary_requests').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'formulary.request.create',
      entityType: 'formulary_request',
      entityId: row.id,
      siteId: row.site_id,
      after: row,
    });
    return toRequestOut(row);
  });
}

/** Step 2: a pharmacist at the site approves or denies, with a reason; a decided request is final. */
export async function decideRequest(db: Db, ctx: Ctx, id: string, input: DecisionInput) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findRequest(trx, id, ctx.actor.siteIds);
    if (!before) throw notFound('Formulary request');
    ctx.actor.require('formulary.review', before.site_id, 'Formulary request');
    if (before.status !== 'requested')
      throw conflict('already_decided', `The request was already ${before.status}`);
    if (input.version !== undefined && input.version !== Number(before.version))
      throw conflict('stale_version', 'The request changed since you opened it; reload and try again');
    if (before.requested_by === ctx.actor.userId && ctx.actor.via !== 'system')
      throw forbidden('A pharmacist other than the requester must review the request');
    const after: FormularyRequestTable = {
      ...before,
      status: input.decision,
      reviewed_by: ctx.actor.userId,
      reviewed_at: nowIso(),
      decision_reason: input.reason,
      version: Number(before.version) + 1,
    };
    const res = await trx
      .updateTable('formulary_requests')
      .set(after)
      .where('id', '=', id)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict('already_decided', 'The request was decided meanwhile');
    await appendAudit(trx, ctx, {
      action: `formulary.request.${input.decision === 'approved' ? 'approve' : 'deny'}`,
      entityType: 'formulary_request',
      entityId: id,
      siteId: before.site_id,
      before,
      after,
      reason: input.reason,
    });
    return toRequestOut(after);
  });
}

export async function listRequests(
  db: Db,
  ctx: Ctx,
  q: { siteId?: string | undefined; status?: string | undefined; limit: number },
) {
  let sites = ctx.actor.sitesWith('formulary.read');
  if (q.siteId) {
    ctx.actor.require('formulary.read', q.siteId);
    sites = [q.siteId];
  }
  return (await repo.listRequests(db, sites, q.status, q.limit)).map(toRequestOut);
}
