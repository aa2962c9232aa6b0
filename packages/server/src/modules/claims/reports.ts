import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { ClaimTable } from '../../platform/db/schema-claims';
import { notFound } from '../../platform/errors';
import { productNames } from '../drugs/names';
import { claimView } from './billing';
import type { ResponseSummary } from './explain';

export interface ClaimQuery {
  siteId?: string | undefined;
  status?: string | undefined;
  payer?: string | undefined;
  rejectCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

function sitesFor(ctx: Ctx, permission: 'claims.read' | 'claims.reports', siteId?: string) {
  if (siteId) {
    ctx.actor.require(permission, siteId);
    return [siteId];
  }
  return ctx.actor.sitesWith(permission).concat(['']);
}

async function selectClaims(db: Db, sites: string[], q: ClaimQuery): Promise<ClaimTable[]> {
  let query = db.selectFrom('claims').selectAll().where('site_id', 'in', sites);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.payer)
    query = query.where((eb) => eb.or([eb('bin', '=', q.payer ?? ''), eb('payer_name', '=', q.payer ?? '')]));
  // Reject codes are a JSON array of strings: match the quoted code.
  if (q.rejectCode)
    query = query.where('reject_codes_json', 'like', `%"${q.rejectCode.replace(/[%_"\\]/g, '')}"%`);
  if (q.from) query = query.where('created_at', '>=', q.from);
  if (q.to) query = query.where('created_at', '<', q.to);
  return query
    .orderBy('updated_at', 'desc')
    .limit(q.limit ?? 500)
    .execute();
}

const row = (c: ClaimTable, names: Names) => {
  const summary = c.response_json ? (JSON.parse(c.response_json) as Partial<ResponseSummary>) : null;
  const drug = names.drugs.get(c.ndc11);
  return {
    ...claimView(c),
    siteId: c.site_id,
    fillId: c.fill_id,
    patientId: c.patient_id,
    bin: c.bin,
    pcn: c.pcn,
    rxNumber: c.rx_number,
    fillNumber: c.fill_number,
    ndc11: c.ndc11,
    quantity: c.quantity,
    daysSupply: c.days_supply,
    dateOfService: c.date_of_service,
    attempt: c.attempt,
    rejectCodes: JSON.parse(c.reject_codes_json) as string[],
    updatedAt: c.updated_at,
    // Who and what, so a worklist needs no lookup per row (null when the record is gone or unknown).
    patientName: names.patients.get(c.patient_id) ?? null,
    drugName: drug?.name ?? names.prescribed.get(c.prescription_id) ?? null,
    drugStrength: drug?.strength ?? null,
    drugForm: drug?.dosageForm ?? null,
    // The payer's split of what the patient pays (copay 518-FI, coinsurance 572-4U) from its last answer.
    copayCents: c.status === 'rejected' ? null : (summary?.copayCents ?? null),
    coinsuranceCents: c.status === 'rejected' ? null : (summary?.coinsuranceCents ?? null),
  };
};

interface Names {
  patients: Map<string, string>;
  prescribed: Map<string, string>;
  drugs: Awaited<ReturnType<typeof productNames>>;
}

/** Patient and drug names of many claims in three reads (not one per row). */
async function namesOf(db: Db, claims: ClaimTable[]): Promise<Names> {
  const ids = (pick: (c: ClaimTable) => string) => [...new Set(claims.map(pick))];
  const patientIds = ids((c) => c.patient_id);
  const rxIds = ids((c) => c.prescription_id);
  const [patients, rxs, drugs] = await Promise.all([
    patientIds.length
      ? db
          .selectFrom('patients')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', patientIds)
          .execute()
      : [],
    rxIds.length
      ? db.selectFrom('prescriptions').select(['id', 'drug_description']).where('id', 'in', rxIds).execute()
      : [],
    productNames(
      db,
      claims.map((c) => c.ndc11),
      claims[0]?.site_id,
    ),
  ]);
  return {
    patients: new Map(patients.map((p) => [p.id, `${p.last_name}, ${p.first_name}`])),
    prescribed: new Map(rxs.map((r) => [r.id, r.drug_description])),
    drugs,
  };
}

const rows = async (db: Db, claims: ClaimTable[]) => {
  const names = await namesOf(db, claims);
  return claims.map((c) => row(c, names));
};

/** Worklist: claims with plain-language reject explanations and next actions. */
export async function listClaims(db: Db, ctx: Ctx, q: ClaimQuery) {
  return rows(db, await selectClaims(db, sitesFor(ctx, 'claims.read', q.siteId), q));
}

/** One claim with every transmission verbatim (request and response exactly as sent and received). */
export async function getClaim(db: Db, ctx: Ctx, id: string) {
  const c = await db
    .selectFrom('claims')
    .selectAll()
    .where('id', '=', id)
    .where('site_id', 'in', sitesFor(ctx, 'claims.read'))
    .executeTakeFirst();
  if (!c) throw notFound('Claim');
  const transmissions = await db
    .selectFrom('claim_transmissions')
    .selectAll()
    .where('claim_id', '=', id)
    .orderBy('sent_at')
    .orderBy('attempt')
    .execute();
  return {
    ...(await rows(db, [c]))[0],
    transmissions: transmissions.map((t) => ({
      id: t.id,
      kind: t.kind,
      attempt: t.attempt,
      idempotencyKey: t.idempotency_key,
      status: t.status,
      responseStatus: t.response_status,
      rejectCodes: JSON.parse(t.reject_codes_json) as string[],
      error: t.error,
      endpoint: t.endpoint,
      sentAt: t.sent_at,
      receivedAt: t.received_at,
      durationMs: t.duration_ms,
      request: t.request_raw,
      response: t.response_raw,
    })),
  };
}

export async function fillClaims(db: Db, ctx: Ctx, fillId: string) {
  const claims = await db
    .selectFrom('claims')
    .selectAll()
    .where('fill_id', '=', fillId)
    .where('site_id', 'in', sitesFor(ctx, 'claims.read'))
    .orderBy('cob_order')
    .execute();
  return rows(db, claims);
}

/**
 * Counts and amounts grouped by status or payer (current claims), or by reject code — every rejection the payers
 * sent (from the transmissions), so codes resolved later still count.
 */
export async function claimsSummary(
  db: Db,
  ctx: Ctx,
  q: ClaimQuery & { groupBy: 'status' | 'payer' | 'rejectCode' },
) {
  const sites = sitesFor(ctx, 'claims.reports', q.siteId);
  const groups = new Map<
    string,
    { key: string; claims: number; planPayCents: number; patientPayCents: number }
  >();
  const bump = (key: string, plan = 0, patient = 0) => {
    const g = groups.get(key) ?? { key, claims: 0, planPayCents: 0, patientPayCents: 0 };
    g.claims += 1;
    g.planPayCents += plan;
    g.patientPayCents += patient;
    groups.set(key, g);
  };
  if (q.groupBy === 'rejectCode') {
    let query = db
      .selectFrom('claim_transmissions as t')
      .innerJoin('claims as c', 'c.id', 't.claim_id')
      .select(['t.reject_codes_json'])
      .where('t.site_id', 'in', sites)
      .where('t.kind', 'in', ['B1', 'B3'])
      .where('t.response_status', '=', 'R');
    if (q.payer)
      query = query.where((eb) =>
        eb.or([eb('c.bin', '=', q.payer ?? ''), eb('c.payer_name', '=', q.payer ?? '')]),
      );
    if (q.from) query = query.where('t.sent_at', '>=', q.from);
    if (q.to) query = query.where('t.sent_at', '<', q.to);
    for (const t of await query.execute())
      for (const code of JSON.parse(t.reject_codes_json) as string[]) bump(code);
  } else {
    for (const c of await selectClaims(db, sites, { ...q, limit: 100_000 })) {
      const paid = c.status === 'paid';
      bump(
        q.groupBy === 'status' ? c.status : `${c.bin} ${c.payer_name}`,
        paid ? (c.plan_pay_cents ?? 0) : 0,
        paid ? (c.patient_pay_cents ?? 0) : 0,
      );
    }
  }
  return [...groups.values()].sort((a, b) => b.claims - a.claims || a.key.localeCompare(b.key));
}

/**
 * Reconciliation: for every paid claim, what was expected (the gross amount submitted, i.e. the lesser of
 * cost + fee and U&C) against what was paid (plan + patient + other payer). Variance < 0 = underpaid.
 */
export async function reconciliation(db: Db, ctx: Ctx, q: ClaimQuery) {
  const claims = await selectClaims(db, sitesFor(ctx, 'claims.reports', q.siteId), {
    ...q,
    status: 'paid',
    limit: 100_000,
  });
  const lines = claims.map((c) => {
    const paid = (c.plan_pay_cents ?? 0) + (c.patient_pay_cents ?? 0);
    // A secondary claim is expected to settle what the primary left: gross less the other payer's payment.
    const expected = c.submitted_gross_cents - (c.cob_order > 1 ? (c.other_payer_amount_cents ?? 0) : 0);
    return {
      claimId: c.id,
      dateOfService: c.date_of_service,
      rxNumber: c.rx_number,
      fillNumber: c.fill_number,
      cobOrder: c.cob_order,
      bin: c.bin,
      payerName: c.payer_name,
      ndc11: c.ndc11,
      authorizationNumber: c.auth_number,
      expectedCents: expected,
      planPayCents: c.plan_pay_cents ?? 0,
      patientPayCents: c.patient_pay_cents ?? 0,
      paidTotalCents: paid,
      varianceCents: paid - expected,
    };
  });
  const totals = lines.reduce(
    (t, l) => ({
      expectedCents: t.expectedCents + l.expectedCents,
      paidTotalCents: t.paidTotalCents + l.paidTotalCents,
      varianceCents: t.varianceCents + l.varianceCents,
    }),
    { expectedCents: 0, paidTotalCents: 0, varianceCents: 0 },
  );
  return { lines, totals };
}

/** RFC 4180 CSV; cells that start with = + - @ are prefixed with ' (spreadsheet formula injection, OWASP). */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (/^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
