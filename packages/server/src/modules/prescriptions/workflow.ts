import { checkRefillLaw, checkTransition, type FillState } from '@apotheca/core/rx';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import { recordSignature, verifySigner } from '../../platform/audit/esign';
import type { AuthService } from '../../platform/auth/service';
import type { Db } from '../../platform/db/database';
import type { FillTable, PrescriptionTable } from '../../platform/db/schema-rx';
import { AppError, badRequest } from '../../platform/errors';
import { publishFill } from '../../platform/events';
import { newId, nowIso } from '../../platform/ids';
import { billFill, reverseFillClaims } from '../claims/service';
import { dispenseStock, returnStock } from '../inventory/stock';
import { enqueueNotification } from './notifications';
import * as repo from './repository';
import { readScan } from './scan';
import type { ActionInput } from './schema';
import { screenPrescription } from './screening';
import { loadFill, today } from './service';

interface Step {
  trx: Db;
  ctx: Ctx;
  fill: FillTable;
  rx: PrescriptionTable;
  input: ActionInput;
  /** Changes to the fill besides the state. */
  patch: Partial<FillTable>;
  /** Extra audit detail. */
  detail: Record<string, unknown>;
}

const STOCK_OUT_STATES: readonly FillState[] = ['final_verification', 'ready'];
/** Claim states that mean the payer may hold a paid claim for this fill (it must be reversed if the fill is undone). */
const BILLED = new Set(['paid', 'captured', 'unknown', 'pending', 'reversal_needed']);

function fail(status: number, code: string, message: string, field?: string): never {
  throw new AppError(status, code, message, field ? { errors: [{ field, reason: message }] } : {});
}

/** Unresolved alerts that need a pharmacist's override (major, contraindicated). */
async function unresolvedAlerts(
  trx: Db,
  fill: FillTable,
  alerts: { id: string; requiresOverride: boolean; title: string }[],
) {
  const overrides = await trx
    .selectFrom('screening_overrides')
    .select('alert_id')
    .where('fill_id', '=', fill.id)
    .execute();
  const done = new Set(overrides.map((o) => o.alert_id));
  return alerts.filter((a) => a.requiresOverride && !done.has(a.id));
}

/** Re-screens against the current profile (it may have changed since entry) and stores the result. */
async function rescreen(s: Step) {
  const alerts = await screenPrescription(s.trx, s.rx);
  s.patch.screening_json = JSON.stringify(alerts);
  const open = await unresolvedAlerts(s.trx, s.fill, alerts);
  if (open.length)
    fail(
      409,
      'unresolved_alerts',
      `A pharmacist must resolve ${open.length} major alert(s) first: ${open.map((a) => a.title).join('; ')}`,
    );
}

async function returnDispensed(s: Step, reason: string) {
  if (!s.fill.ndc11_dispensed || !s.fill.quantity) return;
  await returnStock(s.trx, s.ctx, {
    siteId: s.fill.site_id,
    ndc11: s.fill.ndc11_dispensed,
    quantity: s.fill.quantity,
    reference: s.fill.id,
    reason,
  });
  Object.assign(s.patch, {
    ndc11_dispensed: null,
    lot: null,
    expiry: null,
    scanned_code: null,
    dispensed_at: null,
  });
}

/** Action-specific guards and side effects, run inside the transaction before the state changes. */
const GUARDS: Partial<Record<string, (s: Step) => Promise<void>>> = {
  async accept_intake(s) {
    if (!s.rx.patient_id)
      fail(409, 'patient_not_matched', 'Match or create the patient before data entry', 'patientId');
    if (!s.rx.prescriber_id)
      fail(409, 'prescriber_not_matched', 'Match or create the prescriber before data entry', 'prescriberId');
  },
  async submit_entry(s) {
    const missing = (['ndc11', 'sig_text', 'quantity', 'days_supply'] as const).filter(
      (k) => s.rx[k] === null,
    );
    if (missing.length) fail(409, 'entry_incomplete', `Data entry is incomplete: ${missing.join(', ')}`);
    const law = checkRefillLaw({
      schedule: s.rx.schedule as never,
      refillsAuthorized: s.rx.refills_authorized,
      writtenDate: s.rx.written_date,
      fillDate: today(),
      fillNumber: s.fill.fill_number,
    });
    if (law.length) fail(422, 'law_violation', law.map((p) => `${p.reason} (${p.citation})`).join('; '));
    // Entry screened moments ago; the pharmacist's verification screens again on the current profile.
    if (s.fill.screening_json === null)
      s.patch.screening_json = JSON.stringify(await screenPrescription(s.trx, s.rx));
  },
  async verify_data(s) {
    await rescreen(s);
  },
  async adjudicate(s) {
    if (s.input.payment === 'cash') {
      s.patch.claim_status = 'cash';
      return;
    }
    // Paid by a plan: the claim was billed (billFill, before this transaction) and must have paid or been captured.
    if (!['paid', 'captured'].includes(s.fill.claim_status))
      fail(
        409,
        'claim_not_paid',
        `The claim is ${s.fill.claim_status.replaceAll('_', ' ')}: see the rejects and next actions on the claims screen, or take cash`,
      );
  },
  async record_fill(s) {
    const expected = s.rx.ndc11;
    if (!expected) fail(409, 'entry_incomplete', 'No product was entered');
    if (!s.input.scan) fail(400, 'scan_required', 'Scan the stock bottle', 'scan');
    const reading = readScan(s.input.scan);
    const matched = reading.ndc11Candidates.includes(expected) ? expected : null;
    await s.trx
      .insertInto('scan_events')
      .values({
        id: newId(),
        site_id: s.fill.site_id,
        fill_id: s.fill.id,
        scanned: s.input.scan,
        expected_ndc11: expected,
        matched_ndc11: matched,
        result: matched ? 'match' : 'mismatch',
        detail:
          reading.error ??
          (matched ? null : `scanned ${reading.ndc11Candidates.join(' / ') || 'nothing usable'}`),
        user_id: s.ctx.actor.userId,
        at: nowIso(),
      })
      .execute();
    if (!matched) {
      // The mismatch is logged (and audited) even though the fill is refused: commit the log, refuse the step.
      await appendAudit(s.trx, s.ctx, {
        action: 'fill.scan_mismatch',
        entityType: 'fill',
        entityId: s.fill.id,
        siteId: s.fill.site_id,
        after: { expected, scanned: s.input.scan, candidates: reading.ndc11Candidates },
      });
      throw Object.assign(
        new AppError(
          409,
          'scan_mismatch',
          `WRONG PRODUCT: the scanned bottle is not the prescribed NDC ${expected}${reading.error ? ` (${reading.error})` : ''}`,
          {
            errors: [{ field: 'scan', reason: 'does not match the prescribed product and package' }],
            expectedNdc11: expected,
            scannedCandidates: reading.ndc11Candidates,
          },
        ),
        { commitLog: true },
      );
    }
    const lot = reading.lot ?? s.input.lot;
    const expiry = reading.expiry ?? s.input.expiry;
    if (!lot) fail(400, 'lot_required', 'Enter the lot number (or scan the DataMatrix)', 'lot');
    if (!expiry) fail(400, 'expiry_required', 'Enter the expiry date (or scan the DataMatrix)', 'expiry');
    if (expiry < today()) fail(409, 'lot_expired', `Lot ${lot} expired on ${expiry}`, 'expiry');
    const recalls = await s.trx
      .selectFrom('inv_recalls')
      .select(['lots_json', 'recall_number'])
      .where('ndc11', '=', expected)
      .execute();
    const recall = recalls.find((r) =>
      (JSON.parse(r.lots_json) as string[]).map((l) => l.toUpperCase()).includes(lot.toUpperCase()),
    );
    if (recall)
      fail(
        409,
        'lot_recalled',
        `Lot ${lot} is recalled${recall.recall_number ? ` (${recall.recall_number})` : ''}`,
        'lot',
      );
    const quantity = s.input.quantity ?? s.fill.quantity ?? s.rx.quantity;
    if (!quantity) fail(400, 'quantity_required', 'Enter the quantity dispensed', 'quantity');
    const tolerance = Math.max(0.01, (s.rx.quantity ?? quantity) * 0.001);
    if (s.rx.quantity && Math.abs(quantity - s.rx.quantity) > tolerance)
      fail(
        409,
        'quantity_mismatch',
        `Quantity ${quantity} differs from the ${s.rx.quantity} entered; correct the entry first`,
        'quantity',
      );
    await dispenseStock(s.trx, s.ctx, {
      siteId: s.fill.site_id,
      ndc11: expected,
      quantity,
      lot,
      reference: s.fill.id,
      patientId: s.rx.patient_id ?? undefined,
      idempotencyKey: `fill:${s.fill.id}:${s.fill.version}`,
    });
    Object.assign(s.patch, {
      ndc11_dispensed: expected,
      lot,
      expiry,
      scanned_code: s.input.scan,
      quantity,
      dispensed_at: nowIso(),
    });
  },
  async verify_final(s) {
    if (s.fill.ndc11_dispensed !== s.rx.ndc11)
      fail(409, 'scan_mismatch', 'What was filled does not match what was entered');
    await rescreen(s);
  },
  async reject_final(s) {
    await returnDispensed(s, `final verification: ${s.input.reason}`);
  },
  async sell(s) {
    const p = s.input.pickup;
    if (!p)
      fail(
        400,
        'pickup_required',
        'Record the pickup: patient, date of birth, signature, counseling',
        'pickup',
      );
    const patient = s.rx.patient_id
      ? await s.trx
          .selectFrom('patients')
          .select(['id', 'birth_date'])
          .where('id', '=', s.rx.patient_id)
          .executeTakeFirst()
      : undefined;
    if (!patient || p.patientId !== patient.id)
      fail(409, 'wrong_patient', 'WRONG PATIENT: this bag belongs to another patient', 'pickup.patientId');
    if (p.birthDateConfirmed !== patient.birth_date)
      fail(
        409,
        'identity_mismatch',
        'The date of birth given does not match the patient',
        'pickup.birthDateConfirmed',
      );
    if (s.rx.schedule && !p.idNumber)
      fail(
        400,
        'id_required',
        'Controlled substance: record the photo ID of the person picking up',
        'pickup.idNumber',
      );
    s.patch.pickup_json = JSON.stringify({
      ...p,
      counselingOffered: true,
      newPrescription: s.fill.fill_number === 0,
    });
    s.patch.sold_at = nowIso();
  },
  async cancel(s) {
    if (STOCK_OUT_STATES.includes(s.fill.state as FillState) || s.fill.previous_state === 'ready')
      await returnDispensed(s, `cancelled: ${s.input.reason}`);
    if (BILLED.has(s.fill.claim_status)) s.patch.claim_status = 'reversal_needed';
  },
  async return_to_stock(s) {
    await returnDispensed(s, `returned to stock: ${s.input.reason}`);
    if (BILLED.has(s.fill.claim_status)) s.patch.claim_status = 'reversal_needed';
  },
  async hold(s) {
    s.patch.hold_reason = s.input.reason ?? null;
  },
  async request_clarification(s) {
    const c = s.input.clarification;
    if (!c) fail(400, 'clarification_required', 'Record the channel, contact and question', 'clarification');
    await s.trx
      .insertInto('clarifications')
      .values({
        id: newId(),
        site_id: s.fill.site_id,
        fill_id: s.fill.id,
        channel: c.channel,
        contact: c.contact ?? null,
        question: c.question,
        answer: null,
        asked_by: s.ctx.actor.userId,
        asked_at: nowIso(),
        answered_by: null,
        answered_at: null,
      })
      .execute();
  },
  async resolve_clarification(s) {
    if (!s.input.answer?.trim()) fail(400, 'answer_required', 'Record the prescriber’s answer', 'answer');
    await s.trx
      .updateTable('clarifications')
      .set({ answer: s.input.answer, answered_by: s.ctx.actor.userId, answered_at: nowIso() })
      .where('fill_id', '=', s.fill.id)
      .where('answer', 'is', null)
      .execute();
  },
};

/**
 * Moves a fill through the workflow. The state machine (core/rx) decides whether the caller's roles at the fill's
 * site may take the action from the current state; the guard enforces the action's safety rules; the fill, its
 * event, stock movements and the audit entry commit together.
 */
export async function act(
  db: Db,
  auth: AuthService,
  ctx: Ctx,
  fillId: string,
  action: string,
  input: ActionInput,
) {
  let loaded = await loadFill(db, ctx, fillId);
  ctx.actor.require('prescriptions.act', loaded.fill.site_id, 'Prescription fill');
  const roles =
    ctx.actor.via === 'system' ? ['pharmacist_in_charge'] : [...ctx.actor.rolesAt(loaded.fill.site_id)];
  const check = checkTransition(loaded.fill.state as FillState, action, roles, input.reason);
  if (!check.ok) {
    const status = check.code === 'role_not_allowed' ? 403 : check.code === 'reason_required' ? 400 : 409;
    throw new AppError(
      status,
      check.code,
      check.message,
      check.code === 'reason_required' ? { errors: [{ field: 'reason', reason: 'is required' }] } : {},
    );
  }
  // Billing talks to the payer over the network: never inside a transaction (claims module opens its own).
  if (action === 'adjudicate' && input.payment === 'claim') {
    await billFill(db, ctx, fillId);
    loaded = await loadFill(db, ctx, fillId); // billing updated the fill's claim status (and version)
  }
  // Final verification is signed (21 CFR 11): the pharmacist re-enters their password, checked before the transaction.
  const signer = action === 'verify_final' ? await verifySigner(auth, ctx, input.password) : null;
  let logged: unknown = null;
  const result = await db.transaction().execute(async (trx) => {
    // The fill as read above: updateFill only applies to that version, so a concurrent move makes this step fail
    // with stale_version and roll back (optimistic concurrency) — no need to read it again here.
    const { fill, rx } = loaded;
    const step: Step = { trx, ctx, fill, rx, input, patch: {}, detail: {} };
    try {
      await GUARDS[action]?.(step);
    } catch (err) {
      if ((err as { commitLog?: boolean }).commitLog) {
        logged = err;
        return null; // keep the scan log and its audit entry; the caller gets the refusal
      }
      throw err;
    }
    const to = check.to === 'previous' ? ((fill.previous_state ?? 'data_entry') as FillState) : check.to;
    const at = nowIso();
    const updated = await repo.updateFill(trx, fill, {
      ...step.patch,
      state: to,
      previous_state:
        check.to === 'previous'
          ? null
          : ['hold', 'request_clarification'].includes(action)
            ? fill.state
            : fill.previous_state,
      state_changed_at: at,
      ...(action === 'release_hold' ? { hold_reason: null } : {}),
    });
    await trx
      .insertInto('fill_events')
      .values({
        id: newId(),
        site_id: fill.site_id,
        fill_id: fill.id,
        action,
        from_state: fill.state,
        to_state: to,
        user_id: ctx.actor.userId,
        reason: input.reason ?? null,
        at,
      })
      .execute();
    if (action === 'cancel' && fill.fill_number === 0 && rx.status === 'active')
      await repo.updatePrescription(trx, rx, { status: 'cancelled' });
    if (signer)
      await recordSignature(trx, ctx, signer, {
        meaning: 'verified',
        entityType: 'fill',
        entityId: fill.id,
        siteId: fill.site_id,
        reason: 'final verification',
      });
    if (to === 'ready' && rx.patient_id)
      await enqueueNotification(trx, {
        siteId: fill.site_id,
        patientId: rx.patient_id,
        kind: 'ready_for_pickup',
        payload: { rxNumber: rx.rx_number },
      });
    await appendAudit(trx, ctx, {
      action: `fill.${action}`,
      entityType: 'fill',
      entityId: fill.id,
      siteId: fill.site_id,
      before: { state: fill.state },
      after: { state: to, ...step.patch, ...step.detail },
      reason: input.reason ?? null,
    });
    return updated;
  });
  if (logged) throw logged;
  if (!result) throw badRequest('failed', 'The step did not complete');
  publishFill(result, action);
  // Undoing a billed fill reverses its claim (B2) after the stock is back; a timeout leaves it reversal_needed for a retry.
  if ((action === 'return_to_stock' || action === 'cancel') && result.claim_status === 'reversal_needed') {
    await reverseFillClaims(db, ctx, fillId, input.reason ?? action).catch(() => undefined);
    // The reversal updated the fill's claim status: return the fill as it now is.
    return (await repo.findFill(db, fillId, [result.site_id])) ?? result;
  }
  return result;
}
