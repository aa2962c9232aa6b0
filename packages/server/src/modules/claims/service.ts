/**
 * Claims module public API (NCPDP D.0 billing for the prescription workflow). See docs/claims.md.
 *
 * Money safety: a transmission is written as 'sent' in one short transaction, sent with no transaction open, and
 * its answer recorded in a second transaction. A timeout leaves the claim 'unknown'; the next billing attempt
 * first sends a B2 reversal for the same claim reference, so the payer ends with exactly one paid claim.
 */
import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import { type BillOptions, type BillResult, bill } from './billing';

export { type BillOptions, type BillResult, claimView } from './billing';
export type { DurOverride } from './build';
export { checkEligibility } from './eligibility';
export { type CashPrice, cashPrice } from './pricing';
export { type ReversalResult, reverseFillClaims } from './reversal';

/**
 * Bills a fill to the patient's primary coverage (or `opts.coverageId`): B1, or B3 with `rebill` when already paid.
 * Idempotent per fill: a paid fill is returned without sending anything. Updates fills.claim_status
 * ('paid' | 'captured' | 'rejected' | 'unknown') with an audit entry. Throws 504 claim_status_unknown on timeout.
 */
export function billFill(db: Db, ctx: Ctx, fillId: string, opts: BillOptions = {}): Promise<BillResult> {
  return bill(db, ctx, fillId, opts, 1);
}

/** Bills the secondary coverage (priority 2, or `opts.coverageId`) with the primary's paid amounts in the COB segment. */
export function billSecondary(db: Db, ctx: Ctx, fillId: string, opts: BillOptions = {}): Promise<BillResult> {
  return bill(db, ctx, fillId, opts, 2);
}
