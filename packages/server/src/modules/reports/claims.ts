import { explainReject } from '@apotheca/core/ncpdp';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { ClaimsReport, ClaimsReportQuery } from './schema';

const DAY = 86_400_000;
const PAID = new Set(['P', 'D', 'A', 'S']);
const CAPTURED = new Set(['C', 'Q']);

type Outcome = 'paid' | 'captured' | 'rejected' | 'unknown';

/**
 * What became of one transmission. `failed` never reached the payer (connection refused), so it is not a
 * submission; `sent` is still in flight and, like a timeout, has no answer yet.
 */
export function outcomeOf(t: { status: string; response_status: string | null }): Outcome | null {
  if (t.status === 'failed') return null;
  if (t.status === 'received' && t.response_status) {
    if (PAID.has(t.response_status)) return 'paid';
    if (CAPTURED.has(t.response_status)) return 'captured';
    return 'rejected';
  }
  return 'unknown';
}

const rate = (n: number, d: number) => (d ? n / d : null);

/** BIN and PCN a request was sent to, from its fixed-width D.0 header (the claim's own if the header is short). */
export function sentTo(r: { header: string | null; bin: string; pcn: string }) {
  const h = r.header ?? '';
  return /^\d{6}/.test(h) ? { bin: h.slice(0, 6), pcn: h.slice(10, 20).trim() } : { bin: r.bin, pcn: r.pcn };
}

/**
 * Plan names by BIN/PCN: the name on claims currently billed to it, else on a patient coverage at the site (a plan
 * only ever tried and then replaced on every claim still has its coverage record).
 */
async function namesOfPayers(
  db: Db,
  siteId: string,
  rows: { header: string | null; bin: string; pcn: string; payer_name: string }[],
) {
  const names = new Map<string, string>();
  for (const r of rows) names.set(`${r.bin}/${r.pcn}`, r.payer_name);
  const missing = new Set(
    rows
      .map((r) => sentTo(r))
      .filter((p) => !names.has(`${p.bin}/${p.pcn}`))
      .map((p) => p.bin),
  );
  if (missing.size) {
    const coverages = await db
      .selectFrom('patient_coverages')
      .select(['bin', 'pcn', 'payer_name'])
      .where('site_id', '=', siteId)
      .where('bin', 'in', [...missing])
      .execute();
    for (const c of coverages) {
      const key = `${c.bin}/${c.pcn ?? ''}`;
      if (!names.has(key)) names.set(key, c.payer_name);
    }
  }
  return names;
}

export function claimsWindow(q: ClaimsReportQuery, now: number) {
  const end = q.to ? Date.parse(q.to) : now;
  const start = q.from ? Date.parse(q.from) : end - q.days * DAY;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/**
 * Claims per payer (BIN/PCN) and per reject code over a window: every billing attempt (B1, B3) counts once, so a
 * claim rejected and then paid on resubmission is one rejection and one payment — the reject rate is the share
 * of submissions the payers turned down. Reversals (B2) and eligibility checks (E1) are not submissions.
 */
export async function claimsReport(
  db: Db,
  ctx: Ctx,
  q: ClaimsReportQuery,
  now = Date.now(),
): Promise<ClaimsReport> {
  ctx.actor.require('claims.read', q.siteId);
  const { from, to } = claimsWindow(q, now);
  // The payer of a submission is the one it went to: its request header (BIN 101-A1 at 0–5, PCN 104-A4 at 10–19,
  // fixed width), not the claim's current payer — billing the other coverage later reuses the claim row.
  const rows = await db
    .selectFrom('claim_transmissions as t')
    .innerJoin('claims as c', 'c.id', 't.claim_id')
    .select([
      't.status',
      't.response_status',
      't.reject_codes_json',
      sql<string>`substr(t.request_raw, 1, 20)`.as('header'),
      'c.bin',
      'c.pcn',
      'c.payer_name',
    ])
    .where('t.site_id', '=', q.siteId)
    .where('t.kind', 'in', ['B1', 'B3'])
    .where('t.sent_at', '>=', from)
    .where('t.sent_at', '<', to)
    .orderBy('t.sent_at')
    .execute();
  const payerNames = await namesOfPayers(db, q.siteId, rows);

  const blank = () => ({ submitted: 0, paid: 0, captured: 0, rejected: 0, unknown: 0 });
  const totals = blank();
  const payers = new Map<
    string,
    ReturnType<typeof blank> & { bin: string; pcn: string; payerName: string }
  >();
  const codes = new Map<string, { rejections: number; byPayer: Map<string, number> }>();
  for (const r of rows) {
    const outcome = outcomeOf(r);
    if (!outcome) continue;
    const { bin, pcn } = sentTo(r);
    const key = `${bin}/${pcn}`;
    const p = payers.get(key) ?? { ...blank(), bin, pcn, payerName: payerNames.get(key) ?? `BIN ${bin}` };
    for (const o of [p, totals]) {
      o.submitted += 1;
      o[outcome] += 1;
    }
    payers.set(key, p);
    if (outcome !== 'rejected') continue;
    for (const code of new Set(JSON.parse(r.reject_codes_json) as string[])) {
      const c = codes.get(code) ?? { rejections: 0, byPayer: new Map<string, number>() };
      c.rejections += 1;
      c.byPayer.set(key, (c.byPayer.get(key) ?? 0) + 1);
      codes.set(code, c);
    }
  }
  const payerRows = [...payers.entries()]
    .map(([key, p]) => ({ key, ...p, rejectRate: rate(p.rejected, p.submitted) }))
    .sort((a, b) => b.submitted - a.submitted || a.key.localeCompare(b.key));
  return {
    siteId: q.siteId,
    from,
    to,
    totals: { ...totals, rejectRate: rate(totals.rejected, totals.submitted) },
    payers: payerRows,
    rejectCodes: [...codes.entries()]
      .map(([code, c]) => ({
        code,
        description: explainReject(code).description,
        rejections: c.rejections,
        share: rate(c.rejections, totals.submitted),
        payers: [...c.byPayer.entries()]
          .map(([key, n]) => {
            const p = payers.get(key);
            return {
              key,
              bin: p?.bin ?? '',
              pcn: p?.pcn ?? '',
              payerName: p?.payerName ?? '',
              rejections: n,
              rate: rate(n, p?.submitted ?? 0),
            };
          })
          .sort((a, b) => b.rejections - a.rejections || a.key.localeCompare(b.key)),
      }))
      .sort((a, b) => b.rejections - a.rejections || a.code.localeCompare(b.code)),
  };
}
