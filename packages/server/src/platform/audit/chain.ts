import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../db/schema';

export const GENESIS_HASH = 'GENESIS';

/** Fields covered by the hash, in a fixed order. Changing any of them breaks the chain from that entry on. */
export function hashEntry(e: Omit<AuditLogTable, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.id,
    e.occurred_at,
    e.user_id,
    e.organization_id,
    e.site_id,
    e.action,
    e.entity_type,
    e.entity_id,
    e.reason,
    e.before_json,
    e.after_json,
    e.client_address,
    e.request_id,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainProblem {
  seq: number;
  reason: string;
}

/**
 * Checks a run of entries (ordered by seq) continuing from `prev`. Returns the first problem:
 * a missing seq (deleted row), a prev_hash that does not link, or a hash that does not match its content (edited row).
 */
export function checkRun(
  entries: readonly AuditLogTable[],
  prev: { seq: number; hash: string },
): { problem?: ChainProblem; last: { seq: number; hash: string } } {
  let last = prev;
  for (const e of entries) {
    if (e.seq !== last.seq + 1)
      return {
        problem: { seq: last.seq + 1, reason: `entry ${last.seq + 1} is missing (next found is ${e.seq})` },
        last,
      };
    if (e.prev_hash !== last.hash)
      return {
        problem: {
          seq: e.seq,
          reason: `entry ${e.seq} does not link to entry ${last.seq} (prev_hash differs)`,
        },
        last,
      };
    const { hash, ...rest } = e;
    if (hashEntry(rest) !== hash)
      return {
        problem: { seq: e.seq, reason: `entry ${e.seq} was altered (its content does not match its hash)` },
        last,
      };
    last = { seq: e.seq, hash };
  }
  return { last };
}
