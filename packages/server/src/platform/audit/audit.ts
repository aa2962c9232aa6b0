import type { Ctx } from '../actor';
import type { Db } from '../db/database';
import { newId, nowIso } from '../ids';
import { type ChainProblem, checkRun, GENESIS_HASH, hashEntry } from './chain';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  siteId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/**
 * Appends one entry to the hash-chained audit trail inside the caller's transaction, so the change and its
 * audit entry commit or roll back together. Bumping audit_head first takes its row lock (PostgreSQL) or the
 * write lock (SQLite), so concurrent transactions append one after another with gap-free seq numbers.
 */
export async function appendAudit(trx: Db, ctx: Ctx | null, input: AuditInput): Promise<number> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const entry = {
    seq: head.seq,
    id: newId(),
    occurred_at: nowIso(),
    user_id: ctx?.actor.via === 'system' ? null : (ctx?.actor.userId ?? null),
    organization_id: ctx?.actor.organizationId ?? null,
    site_id: input.siteId ?? null,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId ?? null,
    reason: input.reason ?? null,
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    client_address: ctx?.meta.clientAddress ?? null,
    request_id: ctx?.meta.requestId ?? null,
    prev_hash: head.hash,
  };
  const hash = hashEntry(entry);
  await trx
    .insertInto('audit_log')
    .values({ ...entry, hash })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return entry.seq;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstProblem?: ChainProblem;
}

/** Walks the whole chain in seq order, in pages, and names the first tampered entry. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyReport> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  let last = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    const run = checkRun(page, last);
    count += run.problem ? 0 : page.length;
    if (run.problem) return { ok: false, entries: count, headSeq: head.seq, firstProblem: run.problem };
    last = run.last;
  }
  if (last.seq !== head.seq || last.hash !== head.hash) {
    const seq = last.seq + 1;
    const reason =
      last.seq < head.seq
        ? `entries ${seq}..${head.seq} are missing (the chain head says ${head.seq} entries)`
        : `the chain head does not match the last entry ${last.seq}`;
    return {
      ok: false,
      entries: count,
      headSeq: head.seq,
      firstProblem: { seq: Math.min(seq, head.seq), reason },
    };
  }
  return { ok: true, entries: count, headSeq: head.seq };
}
