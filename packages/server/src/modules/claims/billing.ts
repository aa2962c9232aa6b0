import { encodeRequest } from '@apotheca/core/ncpdp';
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { ClaimTable, ClaimTransmissionTable } from '../../platform/db/schema-claims';
import { conflict } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { buildBilling, buildReversal, ccyymmdd, type DurOverride, providerOf } from './build';
import { explainRejects, type RejectView, type ResponseSummary } from './explain';
import { type BillingData, loadBillingData, today } from './load';
import { type Code, insertTransmission, notSentError, recordOutcome, unknownError } from './record';
import { type Endpoint, resolveEndpoint, send } from './transmit';

export interface BillOptions {
  coverageId?: string | undefined;
  durOverride?: DurOverride | DurOverride[] | undefined;
  quantity?: number | undefined;
  daysSupply?: number | undefined;
  /** A paid claim is replaced with a B3 rebill (e.g. after a quantity change); otherwise paid claims are returned as is. */
  rebill?: boolean | undefined;
  /** Prior authorization number; by default the approved, unexpired PA case for this patient, drug and BIN. */
  paNumber?: string | undefined;
}

export interface BillResult {
  status: 'paid' | 'rejected' | 'captured' | 'duplicate';
  claimId: string;
  transmissionId: string | null;
  /** True when the fill was already paid and nothing was sent (idempotent repeat). */
  idempotent: boolean;
  /** True when a B2 reversal was sent first because an earlier attempt's outcome was unknown. */
  reversedFirst: boolean;
  authorizationNumber: string | null;
  rejects: RejectView[];
  messages: string[];
  patientPayCents: number | null;
  planPayCents: number | null;
  cobOrder: number;
  payerName: string;
}

/** A claim's current outcome with plain-language reject explanations and next actions. */
export function claimView(
  c: ClaimTable,
  extra: {
    transmissionId?: string | null;
    idempotent?: boolean;
    reversedFirst?: boolean;
    duplicate?: boolean;
  } = {},
): BillResult {
  const summary = c.response_json ? (JSON.parse(c.response_json) as ResponseSummary) : null;
  const status = c.status === 'paid' && extra.duplicate ? 'duplicate' : c.status;
  return {
    status: status as BillResult['status'],
    claimId: c.id,
    transmissionId: extra.transmissionId ?? null,
    idempotent: extra.idempotent ?? false,
    reversedFirst: extra.reversedFirst ?? false,
    authorizationNumber: c.auth_number,
    rejects:
      summary && c.status === 'rejected'
        ? explainRejects(summary, {
            fillId: c.fill_id,
            patientId: c.patient_id,
            coverageId: c.coverage_id,
            quantity: c.quantity,
            daysSupply: c.days_supply,
          })
        : [],
    messages: summary?.messages ?? [],
    patientPayCents: c.patient_pay_cents,
    planPayCents: c.plan_pay_cents,
    cobOrder: c.cob_order,
    payerName: c.payer_name,
  };
}

async function approvedPa(db: Db, d: BillingData): Promise<string | null> {
  const pa = await db
    .selectFrom('pa_cases')
    .select(['pa_number', 'expires_on'])
    .where('patient_id', '=', d.patient.id)
    .where('ndc11', '=', d.ndc11)
    .where('bin', '=', d.coverage.bin)
    .where('status', '=', 'approved')
    .orderBy('updated_at', 'desc')
    .execute();
  return pa.find((p) => p.pa_number && (!p.expires_on || p.expires_on >= today()))?.pa_number ?? null;
}

type Prepared =
  | { kind: 'done'; claim: ClaimTable }
  | { kind: 'send'; claim: ClaimTable; tx: ClaimTransmissionTable; code: Code; patch: Partial<ClaimTable> };

/** A transmission still marked 'sent' long after its timeout belongs to a process that died mid-flight. */
async function checkInFlight(trx: Db, claim: ClaimTable, endpoint: Endpoint): Promise<ClaimTable> {
  if (!claim.in_flight) return claim;
  const t = await trx
    .selectFrom('claim_transmissions')
    .selectAll()
    .where('idempotency_key', '=', claim.in_flight)
    .executeTakeFirst();
  const stale = !t || Date.parse(t.sent_at) < Date.now() - endpoint.timeoutMs - 5000;
  if (!stale) throw conflict('claim_in_flight', 'This claim is being sent right now; wait for the answer');
  if (t)
    await trx
      .updateTable('claim_transmissions')
      .set({ status: 'unknown', error: 'abandoned in flight' })
      .where('id', '=', t.id)
      .execute();
  const status = t && t.kind !== 'B2' ? 'unknown' : claim.status;
  await trx.updateTable('claims').set({ status, in_flight: null }).where('id', '=', claim.id).execute();
  return { ...claim, status, in_flight: null };
}

/** Phase 1 (one short transaction): decide what to send, store it as 'sent', and mark the claim in flight. */
async function prepare(
  trx: Db,
  ctx: Ctx,
  d: BillingData,
  cobOrder: number,
  opts: BillOptions,
  endpoint: Endpoint,
  paNumber: string | null,
  overrides: DurOverride[],
): Promise<Prepared> {
  const found = await trx
    .selectFrom('claims')
    .selectAll()
    .where('fill_id', '=', d.fill.id)
    .where('cob_order', '=', cobOrder)
    .executeTakeFirst();
  const existing = found ? await checkInFlight(trx, found, endpoint) : undefined;
  if (existing && ['paid', 'captured'].includes(existing.status) && !opts.rebill)
    return { kind: 'done', claim: existing };
  const provider = providerOf(d.site);
  const at = nowIso();
  let code: Code;
  let raw: string;
  let claim: ClaimTable;
  let patch: Partial<ClaimTable> = {};
  if (existing?.status === 'unknown') {
    // The last attempt may have been paid: reverse it with its own identifiers before billing again.
    code = 'B2';
    claim = existing;
    raw = encodeRequest(buildReversal(existing, provider));
  } else {
    const rebill = !!existing && ['paid', 'captured'].includes(existing.status);
    code = rebill ? 'B3' : 'B1';
    const dos = rebill && existing ? existing.date_of_service : ccyymmdd(today());
    raw = encodeRequest(buildBilling(d, code, dos, { durOverrides: overrides, paNumber }));
    const fields = {
      coverage_id: d.coverage.id,
      payer_name: d.coverage.payer_name,
      bin: d.coverage.bin,
      pcn: d.coverage.pcn ?? '',
      group_id: d.coverage.group_id,
      member_id: d.coverage.member_id,
      person_code: d.coverage.person_code,
      service_provider_id: provider.id,
      rx_number: String(d.rx.rx_number),
      fill_number: d.fill.fill_number,
      date_of_service: dos,
      ndc11: d.ndc11,
      quantity: d.quantity,
      days_supply: d.daysSupply,
      submitted_gross_cents: Math.min(d.ingredientCostCents + d.dispensingFeeCents, d.usualAndCustomaryCents),
      usual_customary_cents: d.usualAndCustomaryCents,
    };
    patch = {
      dur_override_json: overrides.length ? JSON.stringify(overrides) : null,
      pa_number: paNumber,
      reversed_at: null,
      reversal_reason: null,
    };
    if (existing) {
      claim = { ...existing, ...fields };
    } else {
      claim = {
        id: newId(),
        site_id: d.site.id,
        fill_id: d.fill.id,
        prescription_id: d.rx.id,
        patient_id: d.patient.id,
        cob_order: cobOrder,
        ...fields,
        status: 'new',
        attempt: 0,
        in_flight: null,
        auth_number: null,
        patient_pay_cents: null,
        plan_pay_cents: null,
        ingredient_cost_paid_cents: null,
        dispensing_fee_paid_cents: null,
        other_payer_amount_cents: null,
        reject_codes_json: '[]',
        message: null,
        response_json: null,
        dur_override_json: null,
        pa_number: null,
        created_by: ctx.actor.via === 'system' ? null : ctx.actor.userId,
        created_at: at,
        updated_at: at,
        reversed_at: null,
        reversal_reason: null,
        version: 0,
      };
      try {
        await trx.insertInto('claims').values(claim).execute();
      } catch (e) {
        if (/unique|duplicate/i.test(String(e)))
          throw conflict('claim_in_flight', 'This fill is being billed right now');
        throw e;
      }
    }
  }
  const attempt = claim.attempt + 1;
  // Idempotency key: fill + COB level + attempt. The unique index refuses a second send of the same attempt.
  const key = `${d.fill.id}:${cobOrder}:${attempt}`;
  const res = await trx
    .updateTable('claims')
    .set({
      ...(code === 'B2' ? {} : stripIds(claim)),
      attempt,
      in_flight: key,
      updated_at: at,
      version: claim.version + 1,
    })
    .where('id', '=', claim.id)
    .where('version', '=', claim.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict('claim_in_flight', 'Someone else is billing this fill; reload');
  claim = { ...claim, attempt, in_flight: key, version: claim.version + 1 };
  const tx = await insertTransmission(trx, ctx, {
    siteId: d.site.id,
    claimId: claim.id,
    patientId: d.patient.id,
    kind: code,
    attempt,
    key,
    raw,
    endpoint: endpoint.url,
  });
  return { kind: 'send', claim, tx, code, patch };
}

function stripIds(c: ClaimTable): Partial<ClaimTable> {
  const { id: _id, version: _v, ...rest } = c;
  return rest;
}

/** Bills a fill to the coverage at `cobOrder` (1 primary, 2 secondary). See billFill. */
export async function bill(
  db: Db,
  ctx: Ctx,
  fillId: string,
  opts: BillOptions,
  cobOrder: number,
): Promise<BillResult> {
  const d = await loadBillingData(db, ctx, fillId, {
    coverageId: opts.coverageId,
    cobOrder,
    quantity: opts.quantity,
    daysSupply: opts.daysSupply,
  });
  const overrides = opts.durOverride ? ([] as DurOverride[]).concat(opts.durOverride) : [];
  if (overrides.length) ctx.actor.require('claims.dur_override', d.site.id, 'Prescription fill');
  const endpoint = await resolveEndpoint(db, d.coverage.bin, d.coverage.pcn ?? '');
  const paNumber = opts.paNumber ?? (await approvedPa(db, d));
  let reversedFirst = false;
  // At most: one recovery reversal, then the billing.
  for (let round = 0; round < 2; round++) {
    const p = await db
      .transaction()
      .execute((trx) => prepare(trx, ctx, d, cobOrder, opts, endpoint, paNumber, overrides));
    if (p.kind === 'done') return claimView(p.claim, { idempotent: true });
    // No transaction is open while we wait on the network (SQLite has one connection).
    const out = await send(endpoint, p.tx.request_raw);
    const rec = await db
      .transaction()
      .execute((trx) => recordOutcome(trx, ctx, p.claim, p.tx, p.code, out, p.patch));
    if (rec.outcome === 'not_sent') throw notSentError(rec.claim, rec.error);
    if (p.code === 'B2') {
      if (rec.claim.status === 'reversed') {
        reversedFirst = true;
        continue;
      }
      throw unknownError(rec.claim, rec.error ?? 'the recovery reversal was not confirmed');
    }
    if (rec.claim.status === 'unknown') throw unknownError(rec.claim, rec.error);
    return claimView(rec.claim, {
      transmissionId: p.tx.id,
      reversedFirst,
      duplicate: rec.summary?.transactionStatus === 'D' || rec.summary?.transactionStatus === 'Q',
    });
  }
  throw conflict('claim_retry_exhausted', 'The claim could not be billed; try again');
}
