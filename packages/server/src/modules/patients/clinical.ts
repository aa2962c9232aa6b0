import { z } from 'zod';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { badRequest, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import * as repo from './repository';

export const AllergyInput = z.object({
  substance: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .describe('Drug, class or other substance, e.g. "penicillin", "sulfa"'),
  reaction: z.string().trim().max(200).optional(),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
});
export const ConditionInput = z.object({
  code: z.string().trim().max(20).optional().describe('ICD-10-CM code'),
  description: z.string().trim().min(2).max(200),
});
export const MeasurementInput = z.object({
  kind: z.enum(['height', 'weight', 'scr', 'crcl']),
  value: z.number().positive().max(100_000),
  unit: z.enum(['cm', 'kg', '[lb_av]', '[in_i]', 'mg/dL', 'mL/min']),
  measuredOn: z.iso.date(),
});
export const CoverageInput = z.object({
  payerName: z.string().trim().min(2).max(120),
  bin: z.string().regex(/^\d{6}$/, 'must be the 6-digit BIN'),
  pcn: z.string().trim().max(10).optional(),
  groupId: z.string().trim().max(15).optional(),
  memberId: z.string().trim().min(1).max(20),
  personCode: z.string().trim().max(3).optional(),
  relationship: z
    .enum(['1', '2', '3', '4'])
    .optional()
    .describe('NCPDP patient relationship: 1 cardholder, 2 spouse, 3 child, 4 other'),
  priority: z.number().int().min(1).max(9).default(1).describe('Order of benefits: 1 primary, 2 secondary …'),
  effectiveFrom: z.iso.date().optional(),
  effectiveTo: z.iso.date().optional(),
});

const MEASUREMENT_UNITS: Record<string, string[]> = {
  height: ['cm', '[in_i]'],
  weight: ['kg', '[lb_av]'],
  scr: ['mg/dL'],
  crcl: ['mL/min'],
};

async function patientFor(db: Db, ctx: Ctx, id: string, write: boolean) {
  const p = await repo.findPatient(db, id, ctx.actor.sitesWith('patients.read'));
  if (!p) throw notFound('Patient');
  if (write) ctx.actor.require('patients.write', p.site_id, 'Patient');
  return p;
}

type Kind = 'allergy' | 'condition' | 'measurement' | 'coverage';

/** Adds one clinical item to a patient's record (audited). An allergy ends an explicit "no known allergies". */
export async function addClinical(db: Db, ctx: Ctx, patientId: string, kind: Kind, body: unknown) {
  const p = await patientFor(db, ctx, patientId, true);
  const base = { id: newId(), site_id: p.site_id, patient_id: p.id };
  return db.transaction().execute(async (trx) => {
    let row: Record<string, unknown>;
    if (kind === 'allergy') {
      const a = AllergyInput.parse(body);
      row = {
        ...base,
        substance: a.substance.toLowerCase(),
        reaction: a.reaction ?? null,
        severity: a.severity ?? null,
        status: 'active',
        recorded_at: nowIso(),
      };
      await trx
        .insertInto('patient_allergies')
        .values(row as never)
        .execute();
      if (p.allergy_status !== 'has_allergies')
        await trx
          .updateTable('patients')
          .set({ allergy_status: 'has_allergies', version: p.version + 1, updated_at: nowIso() })
          .where('id', '=', p.id)
          .execute();
    } else if (kind === 'condition') {
      const c = ConditionInput.parse(body);
      row = {
        ...base,
        code: c.code ?? null,
        description: c.description,
        status: 'active',
        recorded_at: nowIso(),
      };
      await trx
        .insertInto('patient_conditions')
        .values(row as never)
        .execute();
    } else if (kind === 'measurement') {
      const m = MeasurementInput.parse(body);
      if (!MEASUREMENT_UNITS[m.kind]?.includes(m.unit))
        throw badRequest('validation_failed', `unit: ${m.unit} is not a unit of ${m.kind}`, [
          { field: 'unit', reason: `must be one of ${MEASUREMENT_UNITS[m.kind]?.join(', ')}` },
        ]);
      row = { ...base, kind: m.kind, value: m.value, unit: m.unit, measured_on: m.measuredOn };
      await trx
        .insertInto('patient_measurements')
        .values(row as never)
        .execute();
    } else {
      const c = CoverageInput.parse(body);
      row = {
        ...base,
        payer_name: c.payerName,
        bin: c.bin,
        pcn: c.pcn ?? null,
        group_id: c.groupId ?? null,
        member_id: c.memberId,
        person_code: c.personCode ?? null,
        relationship: c.relationship ?? null,
        priority: c.priority,
        effective_from: c.effectiveFrom ?? null,
        effective_to: c.effectiveTo ?? null,
        active: 1,
      };
      await trx
        .insertInto('patient_coverages')
        .values(row as never)
        .execute();
    }
    await appendAudit(trx, ctx, {
      action: `patient.${kind}.add`,
      entityType: 'patient',
      entityId: p.id,
      siteId: p.site_id,
      after: row,
    });
    return row;
  });
}

const TABLE = {
  allergy: 'patient_allergies',
  condition: 'patient_conditions',
  coverage: 'patient_coverages',
} as const;

/** Marks an allergy, condition or coverage inactive (kept for history; never deleted). */
export async function inactivateClinical(
  db: Db,
  ctx: Ctx,
  patientId: string,
  kind: keyof typeof TABLE,
  itemId: string,
  reason: string | undefined,
) {
  const p = await patientFor(db, ctx, patientId, true);
  const table = TABLE[kind];
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom(table)
      .selectAll()
      .where('id', '=', itemId)
      .where('patient_id', '=', p.id)
      .executeTakeFirst();
    if (!before) throw notFound(kind);
    if (kind === 'coverage')
      await trx.updateTable('patient_coverages').set({ active: 0 }).where('id', '=', itemId).execute();
    else
      await trx
        .updateTable(table as 'patient_allergies')
        .set({ status: 'inactive' })
        .where('id', '=', itemId)
        .execute();
    await appendAudit(trx, ctx, {
      action: `patient.${kind}.inactivate`,
      entityType: 'patient',
      entityId: p.id,
      siteId: p.site_id,
      before,
      reason: reason ?? null,
    });
  });
}

/** The clinical record (the read is audited). */
export async function clinicalRecord(db: Db, ctx: Ctx, patientId: string) {
  const p = await patientFor(db, ctx, patientId, false);
  return db.transaction().execute(async (trx) => {
    const [allergies, conditions, measurements, coverages, identifiers] = await Promise.all([
      trx
        .selectFrom('patient_allergies')
        .selectAll()
        .where('patient_id', '=', p.id)
        .orderBy('recorded_at')
        .execute(),
      trx
        .selectFrom('patient_conditions')
        .selectAll()
        .where('patient_id', '=', p.id)
        .orderBy('recorded_at')
        .execute(),
      trx
        .selectFrom('patient_measurements')
        .selectAll()
        .where('patient_id', '=', p.id)
        .orderBy('measured_on', 'desc')
        .execute(),
      trx
        .selectFrom('patient_coverages')
        .selectAll()
        .where('patient_id', '=', p.id)
        .orderBy('priority')
        .execute(),
      trx.selectFrom('patient_identifiers').selectAll().where('patient_id', '=', p.id).execute(),
    ]);
    await appendAudit(trx, ctx, {
      action: 'patient.read_clinical',
      entityType: 'patient',
      entityId: p.id,
      siteId: p.site_id,
    });
    return { allergyStatus: p.allergy_status, allergies, conditions, measurements, coverages, identifiers };
  });
}

/**
 * Merges a duplicate record into the surviving one: prescriptions and clinical items move over, the duplicate is
 * kept (marked merged_into) so nothing is lost and the history still reads correctly. Pharmacists only.
 */
export async function mergePatients(
  db: Db,
  ctx: Ctx,
  duplicateId: string,
  survivorId: string,
  reason: string,
) {
  if (duplicateId === survivorId)
    throw badRequest('validation_failed', 'intoId: cannot merge a record into itself', [
      { field: 'intoId', reason: 'must differ from the record merged' },
    ]);
  const dup = await patientFor(db, ctx, duplicateId, false);
  const survivor = await patientFor(db, ctx, survivorId, false);
  ctx.actor.require('patients.merge', dup.site_id, 'Patient');
  if (dup.site_id !== survivor.site_id)
    throw badRequest('validation_failed', 'intoId: records of different sites cannot be merged', [
      { field: 'intoId', reason: 'is at another site' },
    ]);
  if (dup.merged_into_id)
    throw badRequest('validation_failed', 'this record was already merged', [
      { field: 'id', reason: 'already merged' },
    ]);
  return db.transaction().execute(async (trx) => {
    const moved: Record<string, number> = {};
    for (const t of [
      'patient_allergies',
      'patient_conditions',
      'patient_measurements',
      'patient_coverages',
      'patient_identifiers',
      'patient_notes',
      'prescriptions',
      'notifications',
    ] as const) {
      const res = await trx
        .updateTable(t)
        .set({ patient_id: survivor.id })
        .where('patient_id', '=', dup.id)
        .executeTakeFirst();
      moved[t] = Number(res.numUpdatedRows);
    }
    await trx
      .updateTable('patients')
      .set({ merged_into_id: survivor.id, version: dup.version + 1, updated_at: nowIso() })
      .where('id', '=', dup.id)
      .execute();
    if (
      moved.patient_allergies ||
      (dup.allergy_status === 'has_allergies' && survivor.allergy_status !== 'has_allergies')
    )
      await trx
        .updateTable('patients')
        .set({ allergy_status: 'has_allergies', version: survivor.version + 1, updated_at: nowIso() })
        .where('id', '=', survivor.id)
        .execute();
    await appendAudit(trx, ctx, {
      action: 'patient.merge',
      entityType: 'patient',
      entityId: dup.id,
      siteId: dup.site_id,
      before: dup,
      after: { mergedInto: survivor.id, moved },
      reason,
    });
    return { mergedId: dup.id, survivorId: survivor.id, moved };
  });
}
