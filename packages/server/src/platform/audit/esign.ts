import type { Ctx } from '../actor';
import type { AuthService } from '../auth/service';
import type { Db } from '../db/database';
import { AppError, badRequest } from '../errors';
import { newId, nowIso } from '../ids';
import { appendAudit } from './audit';

/** 21 CFR 11.50(a)(3): the meaning of a signature (review, approval, responsibility, authorship). */
export const SIGNATURE_MEANINGS = [
  'authored',
  'reviewed',
  'approved',
  'verified',
  'witnessed',
  'responsible',
] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

/** Proof that the signer re-entered their password just now (obtained before the transaction opens). */
export interface VerifiedSigner {
  readonly userId: string;
  readonly name: string;
  readonly verifiedAt: string;
}

/**
 * First half of an electronic signature, done before the use case's transaction (password hashing is slow and
 * must not hold the database). 21 CFR 11.200(a)(1): a non-biometric signature uses two components: the signed-in
 * user's identity and the password entered again now.
 */
export async function verifySigner(
  auth: AuthService,
  ctx: Ctx,
  password: string | undefined,
): Promise<VerifiedSigner> {
  if (ctx.actor.via !== 'session')
    throw new AppError(
      403,
      'esign_requires_user',
      'Electronic signatures must be applied by a signed-in person, not an API token',
    );
  if (!password)
    throw badRequest('esign_password_required', 'Enter your password to sign', [
      { field: 'password', reason: 'is required to sign' },
    ]);
  if (!(await auth.verifyForSigning(ctx.actor.userId, password, ctx.meta.sessionKey)))
    throw new AppError(401, 'esign_failed', 'The password is not correct; the record was not signed', {
      errors: [{ field: 'password', reason: 'is not correct' }],
    });
  return { userId: ctx.actor.userId, name: ctx.actor.displayName, verifiedAt: nowIso() };
}

export interface SignInput {
  meaning: SignatureMeaning;
  entityType: string;
  entityId: string;
  siteId: string | null;
  reason?: string | null;
}

/**
 * Second half, inside the use case's transaction. 11.50: the record shows the signer's printed name, date/time
 * and meaning; 11.70: the signature is linked to its record (entity id + audit seq) so it cannot be moved.
 */
export async function recordSignature(trx: Db, ctx: Ctx, signer: VerifiedSigner, input: SignInput) {
  const signedAt = nowIso();
  const id = newId();
  const auditSeq = await appendAudit(trx, ctx, {
    action: `esign.${input.meaning}`,
    entityType: input.entityType,
    entityId: input.entityId,
    siteId: input.siteId,
    reason: input.reason ?? null,
    after: { signatureId: id, signer: signer.name, meaning: input.meaning, signedAt },
  });
  const row = {
    id,
    user_id: signer.userId,
    signer_name: signer.name,
    site_id: input.siteId,
    meaning: input.meaning,
    entity_type: input.entityType,
    entity_id: input.entityId,
    reason: input.reason ?? null,
    signed_at: signedAt,
    audit_seq: auditSeq,
  };
  await trx.insertInto('signatures').values(row).execute();
  return row;
}
