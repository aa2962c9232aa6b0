import { encodeRequest } from '@apotheca/core/ncpdp';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { ClaimTable } from '../../platform/db/schema-claims';
import { badRequest, conflict } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { buildReversal, providerOf } from './build';
import { loadFillForClaims } from './load';
import { insertTransmission, recordOutcome } from './record';
import { resolveEndpoint, send } from './transmit';

export interface ReversalResult {
  fillId: string;
  /** Fill-level claim status afterwards: 'reversed' when nothing stays paid, else 'reversal_needed'. */
  fillClaimStatus: string;
  claims: { claimId: string; cobOrder: number; status: string; outcome: string; error: string | null }[];
}

const REVERSIBLE = ['paid', 'captured', 'unknown'];

/**
 * Reverses every paid, captured or uncertain claim of a fill (secondary before primary), e.g. when the
 * prescription is returned to stock or cancelled after billing. A B2 answered 87 ("not found") also counts as
 * reversed: the payer holds no paid claim. A reversal that times out can simply be repeated.
 */
export async function reverseFillClaims(
  db: Db,
  ctx: Ctx,
  fillId: string,
  reason: string,
): Promise<ReversalResult> {
  if (!reason?.trim())
    throw badRequest('validation_failed', 'reason: is required', [
      { field: 'reason', reason: 'is required' },
    ]);
  const fill = await loadFillForClaims(db, ctx, fillId, 'claims.reverse');
  const site = await db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', fill.site_id)
    .executeTakeFirstOrThrow();
  const provider = providerOf(site);
  const claims = await db
    .selectFrom('claims')
    .selectAll()
    .where('fill_id', '=', fill.id)
    .orderBy('cob_order', 'desc')
    .execute();
  const out: ReversalResult['claims'] = [];
  for (const c of claims) {
    if (!REVERSIBLE.includes(c.status)) {
      out.push({ claimId: c.id, cobOrder: c.cob_order, status: c.status, outcome: 'skipped', error: null });
      continue;
    }
    const endpoint = await resolveEndpoint(db, c.bin, c.pcn);
    const p = await db.transaction().execute(async (trx) => {
      const cur = await trx.selectFrom('claims').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      if (cur.in_flight)
        throw conflict('claim_in_flight', 'This claim is being sent right now; wait for the answer');
      const attempt = cur.attempt + 1;
      const key = `${fill.id}:${cur.cob_order}:${attempt}`;
      const res = await trx
        .updateTable('claims')
        .set({ attempt, in_flight: key, version: cur.version + 1, updated_at: nowIso() })
        .where('id', '=', cur.id)
        .where('version', '=', cur.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('claim_in_flight', 'The claim changed; reload');
      const claim: ClaimTable = { ...cur, attempt, in_flight: key, version: cur.version + 1 };
      const tx = await insertTransmission(trx, ctx, {
        siteId: cur.site_id,
        claimId: cur.id,
        patientId: cur.patient_id,
        kind: 'B2',
        attempt,
        key,
        raw: encodeRequest(buildReversal(cur, provider)),
        endpoint: endpoint.url,
      });
      return { claim, tx };
    });
    const sent = await send(endpoint, p.tx.request_raw);
    const rec = await db
      .transaction()
      .execute((trx) => recordOutcome(trx, ctx, p.claim, p.tx, 'B2', sent, { reversal_reason: reason }));
    out.push({
      claimId: c.id,
      cobOrder: c.cob_order,
      status: rec.claim.status,
      outcome: rec.outcome,
      error: rec.error,
    });
  }
  const after = await db.selectFrom('claims').select(['status']).where('fill_id', '=', fill.id).execute();
  const stillPaid = after.some((c) => REVERSIBLE.includes(c.status));
  const fillClaimStatus = stillPaid ? 'reversal_needed' : after.length ? 'reversed' : fill.claim_status;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('fills')
      .set((eb) => ({ claim_status: fillClaimStatus, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', fill.id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'claim.reverse_fill',
      entityType: 'fill',
      entityId: fill.id,
      siteId: fill.site_id,
      reason,
      after: { fillClaimStatus, claims: out },
    });
  });
  return { fillId: fill.id, fillClaimStatus, claims: out };
}
