import { createHash } from 'node:crypto';
import { checkRefillLaw, lastFillDate } from '@apotheca/core/rx';
import { computeDaysSupply, parseSig, sigDailyUse } from '@apotheca/core/sig';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { FillTable, PrescriptionTable } from '../../platform/db/schema-rx';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors';
import { publishFill } from '../../platform/events';
import { newId, nowIso } from '../../platform/ids';
import { dispensingUnit, type ProductInfo, productByNdc } from './products';
import * as repo from './repository';
import type { EntryInput, ManualPrescriptionInput } from './schema';
import { type DoseContext, screenPrescription } from './screening';

export const today = () => new Date().toISOString().slice(0, 10);

async function checkParties(
  trx: Db,
  siteId: string,
  patientId?: string | null,
  prescriberId?: string | null,
) {
  if (patientId) {
    const p = await trx
      .selectFrom('patients')
      .select(['id', 'merged_into_id'])
      .where('id', '=', patientId)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!p)
      throw badRequest('validation_failed', 'patientId: no such patient at this site', [
        { field: 'patientId', reason: 'no such patient at this site' },
      ]);
    if (p.merged_into_id)
      throw badRequest('validation_failed', 'patientId: this record was merged', [
        { field: 'patientId', reason: `was merged into ${p.merged_into_id}` },
      ]);
  }
  if (prescriberId) {
    const p = await trx
      .selectFrom('prescribers')
      .select('id')
      .where('id', '=', prescriberId)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!p)
      throw badRequest('validation_failed', 'prescriberId: no such prescriber at this site', [
        { field: 'prescriberId', reason: 'no such prescriber at this site' },
      ]);
  }
}

export function newFill(
  rx: Pick<PrescriptionTable, 'id' | 'site_id' | 'quantity' | 'days_supply'>,
  fillNumber: number,
  state: string,
  priority = 'normal',
  promisedAt: string | null = null,
): FillTable {
  const at = nowIso();
  return {
    id: newId(),
    site_id: rx.site_id,
    prescription_id: rx.id,
    fill_number: fillNumber,
    state,
    previous_state: null,
    priority,
    promised_at: promisedAt,
    quantity: rx.quantity,
    days_supply: rx.days_supply,
    ndc11_dispensed: null,
    lot: null,
    expiry: null,
    scanned_code: null,
    screening_json: null,
    hold_reason: null,
    claim_status: 'none',
    dispensed_at: null,
    sold_at: null,
    pickup_json: null,
    created_at: at,
    updated_at: at,
    state_changed_at: at,
    version: 1,
  };
}

/** Intake of a written, phoned, faxed or transferred-in prescription, with the scanned original kept. */
export async function createManualPrescription(db: Db, ctx: Ctx, input: ManualPrescriptionInput) {
  ctx.actor.require('prescriptions.intake', input.siteId);
  if (input.origin === 'transfer_in' && !input.transfer)
    throw badRequest('validation_failed', 'transfer: required for a transfer in', [
      { field: 'transfer', reason: 'is required when origin is transfer_in (21 CFR 1306.25)' },
    ]);
  const product = input.ndc11 ? await productByNdc(db, input.ndc11) : undefined;
  if (input.ndc11 && !product)
    throw badRequest('validation_failed', 'ndc11: not in the drug knowledge base', [
      { field: 'ndc11', reason: 'is not in the drug knowledge base' },
    ]);
  return db
    .transaction()
    .execute(async (trx) => {
      await checkParties(trx, input.siteId, input.patientId, input.prescriberId);
      const at = nowIso();
      let documentId: string | null = null;
      if (input.document) {
        documentId = newId();
        await trx
          .insertInto('documents')
          .values({
            id: documentId,
            site_id: input.siteId,
            kind: 'prescription_original',
            content_type: input.document.contentType,
            filename: input.document.filename ?? null,
            content_base64: input.document.base64,
            sha256: createHash('sha256').update(Buffer.from(input.document.base64, 'base64')).digest('hex'),
            created_at: at,
          })
          .execute();
      }
      const rx: PrescriptionTable = {
        id: newId(),
        site_id: input.siteId,
        rx_number: await repo.nextCounter(trx, input.siteId, 'rx_number'),
        patient_id: input.patientId ?? null,
        prescriber_id: input.prescriberId ?? null,
        origin: input.origin,
        status: 'active',
        drug_description: input.drugDescription,
        ndc11: product?.ndc11 ?? null,
        rxcui: null,
        ingredients_json: product ? JSON.stringify(product.ingredients) : null,
        schedule: product?.schedule ?? null,
        sig_text: input.sigText ?? null,
        sig_json: input.sigText ? JSON.stringify(parseSig(input.sigText)) : null,
        quantity: input.quantity ?? null,
        quantity_unit: null,
        days_supply: input.daysSupply ?? null,
        refills_authorized: input.transfer ? input.transfer.refillsRemaining : input.refillsAuthorized,
        daw: input.daw,
        written_date: input.writtenDate,
        expires_on: lastFillDate(product?.schedule ?? null, input.writtenDate),
        notes: input.notes ?? null,
        erx_message_id: null,
        document_id: documentId,
        proposed_json: JSON.stringify({
          asWritten: {
            drugDescription: input.drugDescription,
            sigText: input.sigText ?? null,
            quantity: input.quantity ?? null,
            daysSupply: input.daysSupply ?? null,
            refills: input.refillsAuthorized,
            daw: input.daw,
          },
        }),
        transfer_json: input.transfer
          ? JSON.stringify({ direction: 'in', ...input.transfer, receivingPharmacist: ctx.actor.displayName })
          : null,
        created_at: at,
        updated_at: at,
        version: 1,
      };
      await repo.insertPrescription(trx, rx);
      const fill = newFill(rx, 0, 'intake', input.priority, input.promisedAt ?? null);
      await repo.insertFill(trx, fill);
      await appendAudit(trx, ctx, {
        action: 'prescription.create',
        entityType: 'prescription',
        entityId: rx.id,
        siteId: rx.site_id,
        after: { ...rx, documentId },
      });
      return { prescription: rx, fill };
    })
    .then((r) => {
      publishFill(r.fill, 'intake');
      return r;
    });
}

/** A fill and its prescription, scoped to the caller's sites (404 otherwise). */
export async function loadFill(
  db: Db,
  ctx: Ctx,
  fillId: string,
  permission: 'prescriptions.read' = 'prescriptions.read',
) {
  const fill = await repo.findFill(db, fillId, ctx.actor.sitesWith(permission));
  if (!fill) throw notFound('Prescription fill');
  const rx = await repo.prescriptionById(db, fill.prescription_id);
  return { fill, rx };
}

/** Per-ingredient single and daily doses in mg, when the strength is "N mg" per unit and the sig is countable. */
export function doseContext(
  product: ProductInfo,
  sigDaily: { max: number; unit: string } | undefined,
  perDose?: number,
): DoseContext {
  const m = product.strength ? /^([\d.]+) mg$/.exec(product.strength) : null;
  const countable = sigDaily && /tablet|capsule|unit|each|patch|suppository/i.test(sigDaily.unit);
  if (!m || !countable || product.ingredients.length !== 1) return {};
  const mg = Number(m[1]);
  const ing = product.ingredients[0] as string;
  return {
    dailyDoseMg: { [ing]: mg * (sigDaily?.max ?? 0) },
    ...(perDose ? { singleDoseMg: { [ing]: mg * perDose } } : {}),
  };
}

/** Data entry: product, directions, quantity, days' supply, refills, DAW — checked against the law and screened. */
export async function enterData(db: Db, ctx: Ctx, fillId: string, input: EntryInput) {
  const { fill, rx } = await loadFill(db, ctx, fillId);
  ctx.actor.require('prescriptions.enter', fill.site_id, 'Prescription fill');
  if (fill.state !== 'data_entry')
    throw conflict(
      'illegal_transition',
      `Data entry is only possible in data entry (this fill is in ${fill.state.replaceAll('_', ' ')})`,
    );
  const product = await productByNdc(db, input.ndc11);
  if (!product)
    throw badRequest('validation_failed', 'ndc11: not in the drug knowledge base', [
      { field: 'ndc11', reason: 'is not in the drug knowledge base' },
    ]);
  const sig = parseSig(input.sigText);
  let daysSupply = input.daysSupply;
  let daysSupplyWorking: unknown = null;
  if (daysSupply === undefined) {
    const unit = dispensingUnit(product);
    const ds = computeDaysSupply({
      sig,
      quantity: input.quantity,
      quantityUnit: unit.quantityUnit,
      form: unit.form,
      ...(input.dropsPerMl ? { dropsPerMl: input.dropsPerMl } : {}),
      ...(input.unitsPerPackage
        ? { unitsPerPackage: input.unitsPerPackage, actuationsPerInhaler: input.unitsPerPackage }
        : {}),
    });
    if (!ds.ok)
      throw badRequest('validation_failed', `daysSupply: ${ds.error.message}`, [
        { field: 'daysSupply', reason: `could not be computed (${ds.error.message}); enter it` },
      ]);
    daysSupply = ds.days;
    daysSupplyWorking = ds.steps;
  }
  const problems = checkRefillLaw({
    schedule: product.schedule,
    refillsAuthorized: input.refillsAuthorized,
    writtenDate: rx.written_date,
    fillDate: today(),
    fillNumber: fill.fill_number,
  });
  if (problems.length)
    throw new AppError(422, 'law_violation', problems.map((p) => `${p.reason} (${p.citation})`).join('; '), {
      errors: problems.map((p) => ({ field: p.field, reason: `${p.reason} (${p.citation})` })),
    });
  const daily = sigDailyUse(sig);
  const firstDose = sig.instructions[0]?.dose;
  const dose = doseContext(product, daily, firstDose?.high ?? firstDose?.value);
  return db.transaction().execute(async (trx) => {
    await checkParties(
      trx,
      fill.site_id,
      input.patientId ?? rx.patient_id,
      input.prescriberId ?? rx.prescriber_id,
    );
    const updatedRx = await repo.updatePrescription(trx, rx, {
      ndc11: product.ndc11,
      ingredients_json: JSON.stringify(product.ingredients),
      schedule: product.schedule,
      drug_description: rx.drug_description,
      sig_text: input.sigText,
      sig_json: JSON.stringify(sig),
      quantity: input.quantity,
      days_supply: daysSupply,
      refills_authorized: input.refillsAuthorized,
      daw: input.daw,
      expires_on: lastFillDate(product.schedule, rx.written_date),
      ...(input.patientId ? { patient_id: input.patientId } : {}),
      ...(input.prescriberId ? { prescriber_id: input.prescriberId } : {}),
    });
    const alerts = await screenPrescription(trx, updatedRx, dose);
    const updatedFill = await repo.updateFill(trx, fill, {
      quantity: input.quantity,
      days_supply: daysSupply ?? null,
      screening_json: JSON.stringify(alerts),
    });
    await appendAudit(trx, ctx, {
      action: 'prescription.enter',
      entityType: 'prescription',
      entityId: rx.id,
      siteId: rx.site_id,
      before: rx,
      after: { ...updatedRx, screening: alerts.map((a) => ({ id: a.id, severity: a.severity })) },
    });
    return { prescription: updatedRx, fill: updatedFill, product, sig, daysSupplyWorking, alerts };
  });
}

/** A pharmacist resolves a screening alert with a reason (required for major and contraindicated alerts). */
export async function overrideAlert(db: Db, ctx: Ctx, fillId: string, alertId: string, reason: string) {
  const { fill } = await loadFill(db, ctx, fillId);
  ctx.actor.require('prescriptions.override_alert', fill.site_id, 'Prescription fill');
  const alerts = JSON.parse(fill.screening_json ?? '[]') as { id: string; severity: string }[];
  const alert = alerts.find((a) => a.id === alertId);
  if (!alert) throw notFound(`Alert ${alertId} on this fill`);
  if (!reason.trim())
    throw badRequest('validation_failed', 'reason: required', [
      { field: 'reason', reason: 'is required to resolve an alert' },
    ]);
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      site_id: fill.site_id,
      fill_id: fill.id,
      alert_id: alertId,
      severity: alert.severity,
      reason,
      user_id: ctx.actor.userId,
      at: nowIso(),
    };
    await trx.insertInto('screening_overrides').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'screening.override',
      entityType: 'fill',
      entityId: fill.id,
      siteId: fill.site_id,
      after: row,
      reason,
    });
    return row;
  });
}
