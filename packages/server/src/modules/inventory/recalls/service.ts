import type { Ctx } from '../../../platform/actor';
import { appendAudit } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { notFound } from '../../../platform/errors';
import { newId, nowIso } from '../../../platform/ids';
import { quarantineAll } from '../dscsa/service';

export interface RecallInput {
  ndc11: string;
  lots: string[];
  reason?: string | undefined;
  classification?: 'I' | 'II' | 'III' | undefined;
  recallNumber?: string | undefined;
}

/**
 * Enters a recall for the organization and, at every site where the caller manages recalls, moves all on-hand
 * units of the recalled lots into QUARANTINE in the same transaction (21 CFR Part 7 recalls; FD&C Act §582(d)(4)
 * quarantine of product that may be unfit). The trace report lists the units and the patients who received them.
 */
export async function createRecall(db: Db, ctx: Ctx, input: RecallInput) {
  const sites = ctx.actor.sitesWith('recalls.manage');
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      organization_id: ctx.actor.organizationId,
      ndc11: input.ndc11,
      lots_json: JSON.stringify(input.lots),
      created_by: ctx.actor.userId,
      created_at: nowIso(),
      reason: input.reason ?? null,
      classification: input.classification ?? null,
      recall_number: input.recallNumber ?? null,
    };
    await trx.insertInto('inv_recalls').values(row).execute();
    let quarantined = 0;
    for (const siteId of sites) {
      const moved = await quarantineAll(
        trx,
        ctx,
        siteId,
        input.ndc11,
        input.lots,
        null,
        `recall ${input.recallNumber ?? row.id}`,
      );
      quarantined += moved.filter((m) => m.qty_milli > 0).reduce((s, m) => s + Number(m.qty_milli), 0);
    }
    await appendAudit(trx, ctx, {
      action: 'recall.create',
      entityType: 'inv_recall',
      entityId: row.id,
      siteId: null,
      after: { ...row, quarantinedUnits: quarantined / 1000, sites },
    });
    return { ...row, lots: input.lots, quarantinedUnits: quarantined / 1000 };
  });
}

export async function listRecalls(db: Db, ctx: Ctx) {
  return db
    .selectFrom('inv_recalls')
    .selectAll()
    .where('organization_id', '=', ctx.actor.organizationId)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

/**
 * Trace: every unit of the recalled lots still on hand (any location, including quarantine) and every patient
 * who received them (dispensed minus returned, per patient and prescription reference). Reading patient names is
 * audited like any patient read.
 */
export async function recallReport(db: Db, ctx: Ctx, id: string) {
  const recall = await db
    .selectFrom('inv_recalls')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!recall) throw notFound('Recall');
  const sites = ctx.actor.sitesWith('recalls.manage');
  const lots = JSON.parse(recall.lots_json) as string[];
  if (!sites.length || !lots.length) return { recall: { ...recall, lots }, onHand: [], patients: [] };
  const onHand = await db
    .selectFrom('inv_balances')
    .select(['site_id', 'location', 'lot', 'expiry', 'serial', 'qty_milli'])
    .where('site_id', 'in', sites)
    .where('ndc11', '=', recall.ndc11)
    .where('lot', 'in', lots)
    .where('qty_milli', '!=', 0)
    .orderBy('site_id')
    .orderBy('lot')
    .execute();
  const moves = await db
    .selectFrom('inv_movements')
    .leftJoin('patients', 'patients.id', 'inv_movements.patient_id')
    .select([
      'inv_movements.site_id',
      'inv_movements.patient_id',
      'inv_movements.lot',
      'inv_movements.reference',
      'inv_movements.qty_milli',
      'inv_movements.occurred_at',
      'patients.first_name',
      'patients.last_name',
      'patients.mrn',
      'patients.phone',
    ])
    .where('inv_movements.site_id', 'in', sites)
    .where('inv_movements.ndc11', '=', recall.ndc11)
    .where('inv_movements.lot', 'in', lots)
    .where('inv_movements.type', 'in', ['dispense', 'return_from_patient'])
    .orderBy('inv_movements.occurred_at')
    .execute();
  const byPatient = new Map<
    string,
    {
      siteId: string;
      patientId: string | null;
      mrn: string | null;
      name: string | null;
      phone: string | null;
      lot: string;
      reference: string | null;
      quantity: number;
      lastDispensedAt: string;
    }
  >();
  for (const m of moves) {
    const k = [m.site_id, m.patient_id, m.lot, m.reference].join('|');
    const e = byPatient.get(k) ?? {
      siteId: m.site_id,
      patientId: m.patient_id,
      mrn: m.mrn,
      name: m.last_name ? `${m.last_name}, ${m.first_name}` : null,
      phone: m.phone,
      lot: m.lot,
      reference: m.reference,
      quantity: 0,
      lastDispensedAt: m.occurred_at,
    };
    e.quantity += -Number(m.qty_milli) / 1000;
    if (Number(m.qty_milli) < 0) e.lastDispensedAt = m.occurred_at;
    byPatient.set(k, e);
  }
  const patients = [...byPatient.values()].filter((p) => p.quantity > 0);
  await db.transaction().execute((trx) =>
    appendAudit(trx, ctx, {
      action: 'recall.report',
      entityType: 'inv_recall',
      entityId: id,
      after: { patients: patients.map((p) => p.patientId) },
    }),
  );
  return {
    recall: { ...recall, lots },
    onHand: onHand.map((b) => ({
      siteId: b.site_id,
      location: b.location,
      lot: b.lot,
      expiry: b.expiry || null,
      serial: b.serial || null,
      quantity: Number(b.qty_milli) / 1000,
    })),
    patients,
  };
}
