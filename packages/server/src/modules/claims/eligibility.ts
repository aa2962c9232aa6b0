import { decodeResponse, encodeRequest } from '@apotheca/core/ncpdp';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { buildEligibility, ccyymmdd } from './build';
import { explainRejects, summarize } from './explain';
import { today } from './load';
import { insertTransmission } from './record';
import { resolveEndpoint, send } from './transmit';

/** E1 eligibility verification for a patient's coverage; the transmission is stored verbatim like a claim's. */
export async function checkEligibility(
  db: Db,
  ctx: Ctx,
  input: { patientId: string; coverageId?: string | undefined },
) {
  const patient = await db
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', input.patientId)
    .where('site_id', 'in', ctx.actor.sitesWith('claims.read').concat(['']))
    .executeTakeFirst();
  if (!patient) throw notFound('Patient');
  ctx.actor.require('claims.submit', patient.site_id, 'Patient');
  const coverages = await db
    .selectFrom('patient_coverages')
    .selectAll()
    .where('patient_id', '=', patient.id)
    .where('active', '=', 1)
    .orderBy('priority')
    .execute();
  const coverage = input.coverageId ? coverages.find((c) => c.id === input.coverageId) : coverages[0];
  if (!coverage)
    throw new AppError(409, 'no_coverage', 'The patient has no such active coverage', {
      errors: [{ field: 'coverageId', reason: 'no active coverage' }],
    });
  const site = await db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', patient.site_id)
    .executeTakeFirstOrThrow();
  const endpoint = await resolveEndpoint(db, coverage.bin, coverage.pcn ?? '');
  const raw = encodeRequest(buildEligibility(site, patient, coverage, ccyymmdd(today())));
  const tx = await db.transaction().execute((trx) =>
    insertTransmission(trx, ctx, {
      siteId: site.id,
      claimId: null,
      patientId: patient.id,
      kind: 'E1',
      attempt: 1,
      key: `E1:${newId()}`,
      raw,
      endpoint: endpoint.url,
    }),
  );
  const out = await send(endpoint, raw);
  const decoded = out.kind === 'response' ? decodeResponse(out.raw) : null;
  const summary = decoded?.ok ? summarize(decoded.value) : null;
  const eligible = summary?.transactionStatus === 'A';
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('claim_transmissions')
      .set({
        status: out.kind === 'response' ? 'received' : out.kind === 'unknown' ? 'unknown' : 'failed',
        response_raw: out.kind === 'response' ? out.raw : null,
        response_status: summary?.transactionStatus ?? null,
        reject_codes_json: JSON.stringify(summary?.rejects.map((r) => r.code) ?? []),
        error: out.kind === 'response' ? (decoded?.ok ? null : 'unreadable response') : out.error,
        received_at: nowIso(),
        duration_ms: out.ms,
      })
      .where('id', '=', tx.id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'claim.e1',
      entityType: 'patient',
      entityId: patient.id,
      siteId: site.id,
      after: { coverageId: coverage.id, eligible, rejects: summary?.rejects.map((r) => r.code) ?? [] },
    });
  });
  if (out.kind !== 'response')
    throw new AppError(504, 'eligibility_unknown', `No answer from the payer: ${out.error}`, {
      transmissionId: tx.id,
    });
  return {
    transmissionId: tx.id,
    coverageId: coverage.id,
    eligible,
    payerName: coverage.payer_name,
    messages: summary?.messages ?? [],
    otherPayers: summary?.otherPayers ?? [],
    rejects: summary
      ? explainRejects(summary, {
          fillId: '',
          patientId: patient.id,
          coverageId: coverage.id,
          quantity: 1,
          daysSupply: 1,
        })
      : [],
  };
}
