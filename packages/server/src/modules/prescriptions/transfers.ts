import { DONE_FILL_STATES, type FillState } from '@apotheca/core/rx';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import * as repo from './repository';

export interface TransferOutInput {
  pharmacyName: string;
  pharmacyAddress: string;
  pharmacyDea?: string | undefined;
  pharmacyPhone?: string | undefined;
  receivingPharmacist: string;
}

/**
 * Transfers the remaining refills to another pharmacy. 21 CFR 1306.25: controlled substances in CIII–V may be
 * transferred once (pharmacies sharing a real-time database aside), directly between two pharmacists, with the
 * prescription voided here and the receiving pharmacy's name, address, DEA number, pharmacist and date recorded.
 * CII prescriptions are not transferred for refills (they have none); an unfilled electronic CII may be transferred
 * for its initial fill since 2023 — not offered here.
 */
export async function transferOut(db: Db, ctx: Ctx, prescriptionId: string, input: TransferOutInput) {
  const rx = await repo.findPrescription(db, prescriptionId, ctx.actor.sitesWith('prescriptions.read'));
  if (!rx) throw notFound('Prescription');
  ctx.actor.require('prescriptions.transfer_out', rx.site_id, 'Prescription');
  if (rx.status !== 'active')
    throw new AppError(409, 'prescription_inactive', `The prescription is ${rx.status.replaceAll('_', ' ')}`);
  if (rx.schedule === 'CII')
    throw new AppError(
      409,
      'transfer_not_allowed',
      'Schedule II prescriptions cannot be transferred for refills (21 CFR 1306.12, 1306.25)',
    );
  if (rx.schedule && rx.origin === 'transfer_in')
    throw new AppError(
      409,
      'transfer_not_allowed',
      'A controlled-substance prescription may be transferred only once (21 CFR 1306.25(a))',
    );
  if (rx.schedule && !input.pharmacyDea)
    throw new AppError(
      400,
      'validation_failed',
      'pharmacyDea: the receiving pharmacy’s DEA number is required for a controlled substance',
      {
        errors: [
          { field: 'pharmacyDea', reason: 'is required for a controlled substance (21 CFR 1306.25(b)(2))' },
        ],
      },
    );
  const fills = await repo.fillsOfPrescription(db, rx.id);
  const open = fills.find((f) => !DONE_FILL_STATES.includes(f.state as FillState));
  if (open)
    throw new AppError(
      409,
      'fill_in_progress',
      `Fill ${open.fill_number} is in ${open.state.replaceAll('_', ' ')}: finish or cancel it first`,
    );
  const used = fills.filter((f) => f.state === 'sold').length;
  const refillsRemaining = Math.max(0, rx.refills_authorized + 1 - used);
  if (refillsRemaining === 0) throw new AppError(409, 'no_refills', 'No refills remain to transfer');
  const record = {
    direction: 'out',
    ...input,
    transferringPharmacist: ctx.actor.displayName,
    date: nowIso(),
    refillsRemaining,
    originalRxNumber: rx.rx_number,
    originalDate: rx.written_date,
  };
  return db.transaction().execute(async (trx) => {
    const updated = await repo.updatePrescription(trx, rx, {
      status: 'transferred_out',
      transfer_json: JSON.stringify(record),
    });
    await appendAudit(trx, ctx, {
      action: 'prescription.transfer_out',
      entityType: 'prescription',
      entityId: rx.id,
      siteId: rx.site_id,
      before: { status: rx.status },
      after: record,
    });
    return { prescription: updated, transfer: record };
  });
}
