import { checkRefillLaw, refillTiming, type Schedule } from '@apotheca/core/rx';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { publishFill } from '../../platform/events';
import { requestRenewal } from '../erx/service';
import { enqueueNotification } from './notifications';
import * as repo from './repository';
import { screenPrescription } from './screening';
import { newFill, today } from './service';

export type RefillSource = 'phone' | 'web' | 'counter' | 'auto';

const DONE = new Set(['cancelled', 'returned_to_stock']);

/**
 * Queues the next fill of a prescription. Refused with a clear reason when the prescription is not active, the law
 * forbids it (no refills left, expired, CII), or it is too soon (refill timing policy). With no refills left, a
 * renewal request goes to the prescriber instead (SCRIPT RxRenewalRequest) and the patient is told of the delay.
 * The refill skips data entry (nothing changed) and waits at claim; if screening now raises an alert that needs a
 * pharmacist, it waits at data verification instead.
 */
export async function requestRefill(
  db: Db,
  ctx: Ctx,
  prescriptionId: string,
  source: RefillSource,
  today_ = today(),
) {
  const rx = await repo.findPrescription(db, prescriptionId, ctx.actor.sitesWith('prescriptions.act'));
  if (!rx) throw notFound('Prescription');
  if (rx.status !== 'active')
    throw new AppError(409, 'prescription_inactive', `The prescription is ${rx.status.replaceAll('_', ' ')}`);
  const fills = await repo.fillsOfPrescription(db, rx.id);
  const open = fills.find((f) => !DONE.has(f.state) && f.state !== 'sold');
  if (open)
    throw new AppError(
      409,
      'fill_in_progress',
      `Fill ${open.fill_number} is still in ${open.state.replaceAll('_', ' ')}`,
    );
  const nextNumber = fills.filter((f) => !DONE.has(f.state)).length;
  const law = checkRefillLaw({
    schedule: rx.schedule as Schedule,
    refillsAuthorized: rx.refills_authorized,
    writtenDate: rx.written_date,
    fillDate: today_,
    fillNumber: nextNumber,
  });
  const exhausted = law.find((p) => p.field === 'fillNumber');
  if (exhausted && rx.schedule !== 'CII') {
    const renewal = await requestRenewal(db, ctx, rx.id).catch(() => null);
    if (renewal && rx.patient_id) {
      const patientId = rx.patient_id;
      await db.transaction().execute((trx) =>
        enqueueNotification(trx, {
          siteId: rx.site_id,
          patientId,
          kind: 'renewal_requested',
          payload: { rxNumber: rx.rx_number },
        }),
      );
    }
    throw new AppError(
      409,
      'no_refills',
      `${exhausted.reason}; ${renewal ? 'a renewal request was sent to the prescriber' : 'contact the prescriber for a new prescription'}`,
      {
        renewalRequested: !!renewal,
      },
    );
  }
  if (law.length)
    throw new AppError(422, 'law_violation', law.map((p) => `${p.reason} (${p.citation})`).join('; '), {
      errors: law.map((p) => ({ field: p.field, reason: p.reason })),
    });
  const last = [...fills].reverse().find((f) => f.state === 'sold' || f.dispensed_at);
  if (last && (last.dispensed_at ?? last.sold_at)) {
    const timing = refillTiming({
      lastFillDate: (last.dispensed_at ?? last.sold_at ?? '').slice(0, 10),
      lastDaysSupply: last.days_supply ?? rx.days_supply ?? 30,
      today: today_,
      schedule: rx.schedule as Schedule,
    });
    if (!timing.ok)
      throw new AppError(409, 'refill_too_soon', timing.reason, { earliestDate: timing.earliestDate });
  }
  const queued = await db.transaction().execute(async (trx) => {
    const alerts = await screenPrescription(trx, rx);
    const needsPharmacist = alerts.some((a) => a.requiresOverride);
    const fill = {
      ...newFill(
        rx,
        nextNumber,
        needsPharmacist ? 'data_verification' : 'claim',
        source === 'auto' ? 'mail' : 'normal',
      ),
      screening_json: JSON.stringify(alerts),
    };
    await repo.insertFill(trx, fill);
    await appendAudit(trx, ctx, {
      action: 'fill.refill_request',
      entityType: 'fill',
      entityId: fill.id,
      siteId: rx.site_id,
      after: { prescriptionId: rx.id, fillNumber: nextNumber, source, state: fill.state },
    });
    return fill;
  });
  publishFill(queued, `refill.${source}`);
  return queued;
}

/**
 * Auto-refill: for patients enrolled (preferences.autoRefill), queue every active prescription that is due today.
 * Run by `apotheca jobs auto-refill` (cron) or POST /api/jobs/auto-refill. Returns what it queued and why it skipped.
 */
export async function runAutoRefill(db: Db, ctx: Ctx, today_ = today()) {
  const sites = ctx.actor.sitesWith('prescriptions.act');
  if (!sites.length) return { queued: [], skipped: [] };
  const candidates = await db
    .selectFrom('prescriptions as p')
    .innerJoin('patients as pt', 'pt.id', 'p.patient_id')
    .select(['p.id', 'p.rx_number', 'p.patient_id', 'p.site_id', 'pt.preferences_json'])
    .where('p.site_id', 'in', sites)
    .where('p.status', '=', 'active')
    .execute();
  const queued: { prescriptionId: string; fillId: string }[] = [];
  const skipped: { prescriptionId: string; reason: string }[] = [];
  for (const c of candidates) {
    if (!(JSON.parse(c.preferences_json) as { autoRefill?: boolean }).autoRefill) continue;
    try {
      const fill = await requestRefill(db, ctx, c.id, 'auto', today_);
      queued.push({ prescriptionId: c.id, fillId: fill.id });
      if (c.patient_id) {
        const patientId = c.patient_id;
        await db.transaction().execute((trx) =>
          enqueueNotification(trx, {
            siteId: c.site_id,
            patientId,
            kind: 'refill_due',
            payload: { rxNumber: c.rx_number },
          }),
        );
      }
    } catch (err) {
      skipped.push({ prescriptionId: c.id, reason: err instanceof AppError ? err.code : 'error' });
    }
  }
  return { queued, skipped };
}
