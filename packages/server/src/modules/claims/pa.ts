import { createHash } from 'node:crypto';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { PaCaseTable } from '../../platform/db/schema-claims';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { enqueueNotification } from '../prescriptions/notifications';

/**
 * Prior authorization cases. Status flow: needed → sent_to_prescriber → submitted → approved | denied;
 * denied → appealed → approved | denied; any open case → cancelled. An approved case's PA number is sent
 * with the next claim for the same patient, drug and BIN (billing.ts).
 */
export const PA_ACTIONS: Record<string, { from: readonly string[]; to: string }> = {
  send_to_prescriber: { from: ['needed'], to: 'sent_to_prescriber' },
  submit: { from: ['needed', 'sent_to_prescriber'], to: 'submitted' },
  approve: { from: ['submitted', 'appealed'], to: 'approved' },
  deny: { from: ['submitted', 'appealed'], to: 'denied' },
  appeal: { from: ['denied'], to: 'appealed' },
  cancel: { from: ['needed', 'sent_to_prescriber', 'submitted', 'denied', 'appealed'], to: 'cancelled' },
};
export const OPEN_PA = ['needed', 'sent_to_prescriber', 'submitted', 'appealed'];
export const DEFAULT_STALL_DAYS = 3;

export interface PaCreate {
  claimId?: string | undefined;
  siteId?: string | undefined;
  patientId?: string | undefined;
  fillId?: string | undefined;
  coverageId?: string | undefined;
  ndc11?: string | undefined;
  drugDescription?: string | undefined;
  prescriberId?: string | undefined;
  diagnosisCode?: string | undefined;
  notes?: string | undefined;
  notifyPatient?: boolean | undefined;
}

const missing = (field: string) =>
  badRequest('validation_failed', `${field}: is required`, [{ field, reason: 'is required' }]);

export function paView(p: PaCaseTable, stallDays = DEFAULT_STALL_DAYS) {
  const idleDays = Math.floor((Date.now() - Date.parse(p.last_activity_at)) / 86_400_000);
  const stalled = OPEN_PA.includes(p.status) && idleDays >= stallDays;
  return {
    ...p,
    documentIds: JSON.parse(p.document_ids_json) as string[],
    idleDays,
    stalled,
    reminder: stalled
      ? `No activity for ${idleDays} days while ${p.status.replaceAll('_', ' ')}: follow up`
      : null,
    actions: Object.entries(PA_ACTIONS)
      .filter(([, a]) => a.from.includes(p.status))
      .map(([k]) => k),
  };
}

async function findCase(db: Db, ctx: Ctx, id: string) {
  const p = await db
    .selectFrom('pa_cases')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', 'in', ctx.actor.sitesWith('claims.read').concat(['']))
    .executeTakeFirst();
  if (!p) throw notFound('Prior authorization case');
  return p;
}

/** Opens a case from a claim rejected 75 (everything copied from the claim) or by hand. */
export async function createPaCase(db: Db, ctx: Ctx, input: PaCreate) {
  let row: Omit<
    PaCaseTable,
    | 'id'
    | 'status'
    | 'created_at'
    | 'updated_at'
    | 'last_activity_at'
    | 'version'
    | 'document_ids_json'
    | 'patient_notified_at'
    | 'pa_number'
    | 'expires_on'
    | 'denial_reason'
    | 'created_by'
  >;
  if (input.claimId) {
    const c = await db
      .selectFrom('claims')
      .selectAll()
      .where('id', '=', input.claimId)
      .where('site_id', 'in', ctx.actor.sitesWith('claims.read').concat(['']))
      .executeTakeFirst();
    if (!c) throw notFound('Claim');
    const rx = await db
      .selectFrom('prescriptions')
      .selectAll()
      .where('id', '=', c.prescription_id)
      .executeTakeFirstOrThrow();
    row = {
      site_id: c.site_id,
      patient_id: c.patient_id,
      prescription_id: c.prescription_id,
      fill_id: c.fill_id,
      claim_id: c.id,
      ndc11: c.ndc11,
      drug_description: rx.drug_description,
      payer_name: c.payer_name,
      bin: c.bin,
      pcn: c.pcn,
      group_id: c.group_id,
      member_id: c.member_id,
      prescriber_id: input.prescriberId ?? rx.prescriber_id,
      diagnosis_code: input.diagnosisCode ?? null,
      notes: input.notes ?? null,
    };
  } else {
    if (!input.patientId) throw missing('patientId');
    if (!input.ndc11) throw missing('ndc11');
    if (!input.coverageId) throw missing('coverageId');
    const patient = await db
      .selectFrom('patients')
      .select(['id', 'site_id'])
      .where('id', '=', input.patientId)
      .executeTakeFirst();
    if (!patient || !ctx.actor.sitesWith('claims.read').includes(patient.site_id)) throw notFound('Patient');
    const cov = await db
      .selectFrom('patient_coverages')
      .selectAll()
      .where('id', '=', input.coverageId)
      .where('patient_id', '=', patient.id)
      .executeTakeFirst();
    if (!cov)
      throw badRequest('validation_failed', 'coverageId: not a coverage of this patient', [
        { field: 'coverageId', reason: 'not a coverage of this patient' },
      ]);
    row = {
      site_id: patient.site_id,
      patient_id: patient.id,
      prescription_id: null,
      fill_id: input.fillId ?? null,
      claim_id: null,
      ndc11: input.ndc11,
      drug_description: input.drugDescription ?? input.ndc11,
      payer_name: cov.payer_name,
      bin: cov.bin,
      pcn: cov.pcn ?? '',
      group_id: cov.group_id,
      member_id: cov.member_id,
      prescriber_id: input.prescriberId ?? null,
      diagnosis_code: input.diagnosisCode ?? null,
      notes: input.notes ?? null,
    };
  }
  ctx.actor.require('pa.manage', row.site_id, 'Patient');
  const base = row;
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('pa_cases')
      .selectAll()
      .where('patient_id', '=', base.patient_id)
      .where('ndc11', '=', base.ndc11)
      .where('bin', '=', base.bin)
      .where('status', 'in', OPEN_PA)
      .executeTakeFirst();
    if (open) return { case: paView(open), existing: true };
    const at = nowIso();
    const notify = input.notifyPatient !== false;
    const created: PaCaseTable = {
      ...base,
      id: newId(),
      status: 'needed',
      pa_number: null,
      expires_on: null,
      denial_reason: null,
      document_ids_json: '[]',
      patient_notified_at: notify ? at : null,
      last_activity_at: at,
      created_by: ctx.actor.via === 'system' ? null : ctx.actor.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await trx.insertInto('pa_cases').values(created).execute();
    await trx
      .insertInto('pa_events')
      .values({
        id: newId(),
        site_id: created.site_id,
        pa_case_id: created.id,
        from_status: null,
        to_status: 'needed',
        note: input.notes ?? null,
        user_id: created.created_by,
        at,
      })
      .execute();
    // The patient hears about the delay now, not at the counter.
    if (notify)
      await enqueueNotification(trx, {
        siteId: created.site_id,
        patientId: created.patient_id,
        kind: 'delay',
        payload: {
          reason: 'prior_authorization',
          drug: created.drug_description,
          payer: created.payer_name,
          paCaseId: created.id,
        },
      });
    await appendAudit(trx, ctx, {
      action: 'pa.create',
      entityType: 'pa_case',
      entityId: created.id,
      siteId: created.site_id,
      after: created,
    });
    return { case: paView(created), existing: false };
  });
}

export async function transitionPaCase(
  db: Db,
  ctx: Ctx,
  id: string,
  action: string,
  input: {
    note?: string | undefined;
    paNumber?: string | undefined;
    expiresOn?: string | undefined;
    denialReason?: string | undefined;
  },
) {
  const rule = PA_ACTIONS[action];
  if (!rule)
    throw badRequest('unknown_action', `Unknown action ${action}; use ${Object.keys(PA_ACTIONS).join(', ')}`);
  const before = await findCase(db, ctx, id);
  ctx.actor.require('pa.manage', before.site_id, 'Prior authorization case');
  if (action === 'approve' && !input.paNumber?.trim()) throw missing('paNumber');
  if (action === 'deny' && !input.denialReason?.trim()) throw missing('denialReason');
  return db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('pa_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (!rule.from.includes(cur.status))
      throw new AppError(
        409,
        'illegal_transition',
        `A case that is ${cur.status.replaceAll('_', ' ')} cannot ${action.replaceAll('_', ' ')}`,
      );
    const at = nowIso();
    const patch: Partial<PaCaseTable> = {
      status: rule.to,
      last_activity_at: at,
      updated_at: at,
      version: cur.version + 1,
      ...(action === 'approve'
        ? {
            pa_number: input.paNumber?.trim() ?? null,
            expires_on: input.expiresOn ?? null,
            denial_reason: null,
          }
        : {}),
      ...(action === 'deny' ? { denial_reason: input.denialReason ?? null } : {}),
    };
    const res = await trx
      .updateTable('pa_cases')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', cur.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version', 'The case changed; reload');
    await trx
      .insertInto('pa_events')
      .values({
        id: newId(),
        site_id: cur.site_id,
        pa_case_id: id,
        from_status: cur.status,
        to_status: rule.to,
        note: input.note ?? null,
        user_id: ctx.actor.via === 'system' ? null : ctx.actor.userId,
        at,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: `pa.${action}`,
      entityType: 'pa_case',
      entityId: id,
      siteId: cur.site_id,
      before: { status: cur.status },
      after: patch,
      reason: input.note ?? input.denialReason ?? null,
    });
    return paView({ ...cur, ...patch });
  });
}

export async function updatePaCase(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    diagnosisCode?: string | undefined;
    notes?: string | undefined;
    prescriberId?: string | undefined;
  },
) {
  const before = await findCase(db, ctx, id);
  ctx.actor.require('pa.manage', before.site_id, 'Prior authorization case');
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const patch: Partial<PaCaseTable> = {
      ...(input.diagnosisCode !== undefined ? { diagnosis_code: input.diagnosisCode } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.prescriberId !== undefined ? { prescriber_id: input.prescriberId } : {}),
      last_activity_at: at,
      updated_at: at,
      version: before.version + 1,
    };
    await trx.updateTable('pa_cases').set(patch).where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'pa.update',
      entityType: 'pa_case',
      entityId: id,
      siteId: before.site_id,
      before,
      after: patch,
    });
    return paView({ ...before, ...patch });
  });
}

export async function attachPaDocument(
  db: Db,
  ctx: Ctx,
  id: string,
  doc: { contentType: string; filename?: string | undefined; base64: string },
) {
  const before = await findCase(db, ctx, id);
  ctx.actor.require('pa.manage', before.site_id, 'Prior authorization case');
  const sha256 = createHash('sha256').update(Buffer.from(doc.base64, 'base64')).digest('hex');
  return db.transaction().execute(async (trx) => {
    const docId = newId();
    const at = nowIso();
    await trx
      .insertInto('documents')
      .values({
        id: docId,
        site_id: before.site_id,
        kind: 'pa_document',
        content_type: doc.contentType,
        filename: doc.filename ?? null,
        content_base64: doc.base64,
        sha256,
        created_at: at,
      })
      .execute();
    const ids = [...(JSON.parse(before.document_ids_json) as string[]), docId];
    await trx
      .updateTable('pa_cases')
      .set({
        document_ids_json: JSON.stringify(ids),
        last_activity_at: at,
        updated_at: at,
        version: before.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'pa.attach',
      entityType: 'pa_case',
      entityId: id,
      siteId: before.site_id,
      after: { documentId: docId, sha256, filename: doc.filename ?? null },
    });
    return { documentId: docId, sha256 };
  });
}

export async function getPaCase(db: Db, ctx: Ctx, id: string) {
  const p = await findCase(db, ctx, id);
  const events = await db
    .selectFrom('pa_events')
    .selectAll()
    .where('pa_case_id', '=', id)
    .orderBy('at')
    .execute();
  return { ...paView(p), events };
}

/** Cases by site/status; `stalledDays` keeps only open cases idle that long (the reminder list). */
export async function listPaCases(
  db: Db,
  ctx: Ctx,
  q: {
    siteId?: string | undefined;
    status?: string | undefined;
    stalledDays?: number | undefined;
    limit?: number | undefined;
  },
) {
  let sites = ctx.actor.sitesWith('claims.read');
  if (q.siteId) {
    ctx.actor.require('claims.read', q.siteId);
    sites = [q.siteId];
  }
  let query = db
    .selectFrom('pa_cases')
    .selectAll()
    .where('site_id', 'in', sites.concat(['']));
  if (q.status) query = query.where('status', '=', q.status);
  if (q.stalledDays !== undefined) {
    const cutoff = new Date(Date.now() - q.stalledDays * 86_400_000).toISOString();
    query = query.where('status', 'in', OPEN_PA).where('last_activity_at', '<=', cutoff);
  }
  const rows = await query
    .orderBy('last_activity_at')
    .limit(q.limit ?? 200)
    .execute();
  // The board shows whose case it is: every patient name in one read.
  const patientIds = [...new Set(rows.map((r) => r.patient_id))];
  const patients = patientIds.length
    ? await db
        .selectFrom('patients')
        .select(['id', 'first_name', 'last_name'])
        .where('id', 'in', patientIds)
        .execute()
    : [];
  const names = new Map(patients.map((p) => [p.id, `${p.last_name}, ${p.first_name}`]));
  return rows.map((r) => ({
    ...paView(r, q.stalledDays ?? DEFAULT_STALL_DAYS),
    patientName: names.get(r.patient_id) ?? null,
  }));
}
