import { decodeResponse } from '@apotheca/core/ncpdp';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { ClaimTable, ClaimTransmissionTable } from '../../platform/db/schema-claims';
import { AppError, conflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { type ResponseSummary, summarize } from './explain';
import type { SendOutcome } from './transmit';

export type Code = 'B1' | 'B2' | 'B3' | 'E1';

/** Fill-level claim status shown in the workflow (fills.claim_status). */
export const FILL_STATUS: Record<string, string> = {
  paid: 'paid',
  captured: 'captured',
  rejected: 'rejected',
  unknown: 'unknown',
  reversed: 'reversed',
};

/** Payer transaction status (112-AN) → our claim status. D/Q: the payer already had it paid/captured. */
export function claimStatusOf(code: Code, s: ResponseSummary): string {
  if (code === 'B2')
    return s.transactionStatus === 'A' || s.rejects.some((r) => r.code === '87')
      ? 'reversed'
      : 'reversal_rejected';
  switch (s.transactionStatus) {
    case 'P':
    case 'D':
    case 'A':
    case 'S':
      return 'paid';
    case 'C':
    case 'Q':
      return 'captured';
    default:
      return 'rejected';
  }
}

/** Inserts the outgoing transmission (status 'sent') in the caller's transaction: it exists before the bytes leave. */
export async function insertTransmission(
  trx: Db,
  ctx: Ctx,
  t: {
    siteId: string;
    claimId: string | null;
    patientId: string | null;
    kind: Code;
    attempt: number;
    key: string;
    raw: string;
    endpoint: string;
  },
): Promise<ClaimTransmissionTable> {
  const row: ClaimTransmissionTable = {
    id: newId(),
    site_id: t.siteId,
    claim_id: t.claimId,
    patient_id: t.patientId,
    kind: t.kind,
    attempt: t.attempt,
    idempotency_key: t.key,
    request_raw: t.raw,
    response_raw: null,
    status: 'sent',
    response_status: null,
    reject_codes_json: '[]',
    error: null,
    endpoint: t.endpoint,
    user_id: ctx.actor.via === 'system' ? null : ctx.actor.userId,
    sent_at: nowIso(),
    received_at: null,
    duration_ms: null,
  };
  try {
    await trx.insertInto('claim_transmissions').values(row).execute();
  } catch (e) {
    if (/unique|duplicate/i.test(String(e)))
      throw conflict('claim_in_flight', 'This claim is being sent right now; wait for the answer');
    throw e;
  }
  return row;
}

export interface Recorded {
  claim: ClaimTable;
  summary: ResponseSummary | null;
  outcome: SendOutcome['kind'];
  error: string | null;
}

/**
 * Records the payer's answer (or the lack of one) for a claim transmission, in one transaction with the claim,
 * the fill's claim status and the audit entry.
 */
export async function recordOutcome(
  trx: Db,
  ctx: Ctx,
  claim: ClaimTable,
  tx: ClaimTransmissionTable,
  code: Code,
  out: SendOutcome,
  patch: Partial<ClaimTable> = {},
): Promise<Recorded> {
  const at = nowIso();
  let summary: ResponseSummary | null = null;
  let status = claim.status;
  let error: string | null = null;
  const tPatch: Partial<ClaimTransmissionTable> = { received_at: at, duration_ms: out.ms };
  if (out.kind === 'response') {
    const decoded = decodeResponse(out.raw);
    tPatch.response_raw = out.raw;
    if (decoded.ok) {
      summary = summarize(decoded.value);
      status = claimStatusOf(code, summary);
      Object.assign(tPatch, {
        status: 'received',
        response_status: summary.transactionStatus,
        reject_codes_json: JSON.stringify(summary.rejects.map((r) => r.code)),
      });
    } else {
      // An answer we cannot read: whether the payer paid is unknown, exactly as after a timeout.
      error = `unreadable response: ${decoded.error.message}`;
      Object.assign(tPatch, { status: 'unknown', error });
      if (code !== 'B2') status = 'unknown';
    }
  } else {
    error = out.error;
    Object.assign(tPatch, { status: out.kind === 'unknown' ? 'unknown' : 'failed', error });
    // Timed out or dropped after sending: the payer may have adjudicated it. A reversal that did not arrive
    // leaves the claim as it was (a B2 can be repeated safely: a second one answers 87 "not found").
    if (out.kind === 'unknown' && code !== 'B2') status = 'unknown';
  }
  await trx.updateTable('claim_transmissions').set(tPatch).where('id', '=', tx.id).execute();

  const next: Partial<ClaimTable> = {
    ...patch,
    status,
    in_flight: null,
    updated_at: at,
    version: claim.version + 1,
  };
  if (summary && code !== 'B2' && status !== 'rejected') {
    Object.assign(next, {
      auth_number: summary.authorizationNumber,
      patient_pay_cents: summary.patientPayCents,
      plan_pay_cents: summary.planPayCents,
      ingredient_cost_paid_cents: summary.ingredientCostPaidCents,
      dispensing_fee_paid_cents: summary.dispensingFeePaidCents,
      other_payer_amount_cents: summary.otherPayerAmountRecognizedCents,
    });
  }
  if (summary && code !== 'B2') {
    next.reject_codes_json = JSON.stringify(summary.rejects.map((r) => r.code));
    next.message = summary.messages.join(' | ') || null;
    next.response_json = JSON.stringify(summary);
    if (status === 'rejected') Object.assign(next, { patient_pay_cents: null, plan_pay_cents: null });
  }
  if (code === 'B2' && status === 'reversed') next.reversed_at = at;
  if (code === 'B2' && summary && status === 'reversal_rejected') {
    next.status = claim.status; // the payer refused the reversal: the claim stands
    next.message = `Reversal rejected: ${summary.rejects.map((r) => r.code).join(', ')} ${summary.messages.join(' | ')}`;
  }
  await trx.updateTable('claims').set(next).where('id', '=', claim.id).execute();
  const updated = { ...claim, ...next } as ClaimTable;

  if (claim.cob_order === 1 && FILL_STATUS[updated.status]) {
    await trx
      .updateTable('fills')
      .set((eb) => ({
        claim_status: FILL_STATUS[updated.status] ?? 'none',
        version: eb('version', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', claim.fill_id)
      .execute();
  }
  await appendAudit(trx, ctx, {
    action: `claim.${code.toLowerCase()}`,
    entityType: 'claim',
    entityId: claim.id,
    siteId: claim.site_id,
    before: { status: claim.status },
    after: {
      status: updated.status,
      fillId: claim.fill_id,
      attempt: tx.attempt,
      transmissionId: tx.id,
      outcome: out.kind,
      responseStatus: summary?.transactionStatus ?? null,
      rejects: summary?.rejects.map((r) => r.code) ?? [],
      patientPayCents: updated.patient_pay_cents,
      planPayCents: updated.plan_pay_cents,
      ...(error ? { error } : {}),
    },
  });
  return { claim: updated, summary, outcome: out.kind, error };
}

export function unknownError(claim: ClaimTable, error: string | null): AppError {
  return new AppError(
    504,
    'claim_status_unknown',
    `No usable answer from the payer (${error ?? 'timeout'}). The claim may have been paid: billing again first reverses it (B2), so it is never paid twice.`,
    { claimId: claim.id },
  );
}

export function notSentError(claim: ClaimTable | null, error: string | null): AppError {
  return new AppError(
    502,
    'payer_unreachable',
    `The claim was not sent: ${error ?? 'cannot reach the payer'}. Try again.`,
    {
      ...(claim ? { claimId: claim.id } : {}),
    },
  );
}
