import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { PatientTable } from '../../platform/db/schema';
import { AppError, conflict, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { findPossibleDuplicates } from './duplicates';
import * as repo from './repository';
import type { PatientInput, PatientUpdate } from './schema';

export const toPatientOut = (p: PatientTable) => ({
  id: p.id,
  siteId: p.site_id,
  mrn: p.mrn,
  firstName: p.first_name,
  lastName: p.last_name,
  birthDate: p.birth_date,
  sex: p.sex,
  phone: p.phone,
  addressLine1: p.address_line1,
  city: p.city,
  state: p.state,
  postalCode: p.postal_code,
  language: p.language,
  allergyStatus: p.allergy_status,
  pregnancyStatus: p.pregnancy_status,
  lactating: p.lactating === 1,
  preferences: JSON.parse(p.preferences_json) as Record<string, unknown>,
  mergedIntoId: p.merged_into_id,
  version: p.version,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

const fields = (i: Omit<PatientInput, 'siteId' | 'mrn' | 'identifiers' | 'confirmNotDuplicate'>) => ({
  first_name: i.firstName,
  last_name: i.lastName,
  birth_date: i.birthDate,
  sex: i.sex,
  phone: i.phone ?? null,
  address_line1: i.addressLine1 ?? null,
  city: i.city ?? null,
  state: i.state ?? null,
  postal_code: i.postalCode ?? null,
  language: i.language ?? null,
  allergy_status: i.allergyStatus,
  pregnancy_status: i.pregnancyStatus,
  lactating: i.lactating ? 1 : 0,
  preferences_json: JSON.stringify(i.preferences ?? {}),
});

export async function createPatient(db: Db, ctx: Ctx, input: PatientInput) {
  ctx.actor.require('patients.write', input.siteId);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const id = newId();
    const row: PatientTable = {
      id,
      site_id: input.siteId,
      mrn: input.mrn ?? `P${id.replaceAll('-', '').slice(0, 10).toUpperCase()}`,
      ...fields(input),
      created_at: at,
      updated_at: at,
      version: 1,
      merged_into_id: null,
    };
    if (!input.confirmNotDuplicate) {
      const dups = await findPossibleDuplicates(
        trx,
        input.siteId,
        input.firstName,
        input.lastName,
        input.birthDate,
      );
      if (dups.length)
        throw new AppError(
          409,
          'possible_duplicate',
          `Possible duplicate of ${dups.map((d) => `${d.last_name}, ${d.first_name} (MRN ${d.mrn})`).join('; ')}: open that record, or confirm this is a different person`,
          {
            candidates: dups.map(toPatientOut),
          },
        );
    }
    try {
      await repo.insertPatient(trx, row);
    } catch (err) {
      if (/unique|duplicate/i.test(String(err)))
        throw conflict('mrn_taken', `MRN ${row.mrn} is already used at this site`);
      throw err;
    }
    await appendAudit(trx, ctx, {
      action: 'patient.create',
      entityType: 'patient',
      entityId: id,
      siteId: row.site_id,
      after: row,
    });
    return row;
  });
}

/** Reading a patient record is itself audited (HIPAA access accounting; privacy officers ask who looked). */
export async function readPatient(db: Db, ctx: Ctx, id: string) {
  return db.transaction().execute(async (trx) => {
    const p = await repo.findPatient(trx, id, ctx.actor.sitesWith('patients.read'));
    if (!p) throw notFound('Patient');
    await appendAudit(trx, ctx, {
      action: 'patient.read',
      entityType: 'patient',
      entityId: id,
      siteId: p.site_id,
    });
    return p;
  });
}

export function searchPatients(
  db: Db,
  ctx: Ctx,
  q: { siteId?: string | undefined; q?: string | undefined; limit: number },
) {
  let sites = ctx.actor.sitesWith('patients.read');
  if (q.siteId) {
    ctx.actor.require('patients.read', q.siteId);
    sites = [q.siteId];
  }
  return repo.searchPatients(db, sites, q.q, q.limit);
}

export async function updatePatient(db: Db, ctx: Ctx, id: string, input: PatientUpdate) {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findPatient(trx, id, ctx.actor.sitesWith('patients.read'));
    if (!before) throw notFound('Patient');
    ctx.actor.require('patients.write', before.site_id, 'Patient');
    const patch = {
      ...fields(input),
      ...(input.mrn ? { mrn: input.mrn } : {}),
      updated_at: nowIso(),
      version: before.version + 1,
    };
    const res = await repo.updatePatient(trx, id, input.version, patch);
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict(
        'stale_version',
        `The record changed since you opened it (now version ${before.version}); reload and try again`,
      );
    const after = { ...before, ...patch };
    await appendAudit(trx, ctx, {
      action: 'patient.update',
      entityType: 'patient',
      entityId: id,
      siteId: before.site_id,
      before,
      after,
      reason: input.reason ?? null,
    });
    return after;
  });
}
