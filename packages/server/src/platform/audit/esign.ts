import type { Ctx } from '../actor';
import type { AuthService } from '../auth/service';
import type { Db } from '../db/database';
import { AppError, badRequest } from '../errors';
import { newId, nowIso } from '../ids';
import { appendAudit } from './audit';

/** 21 CFR 11.50(a)(3): the meaning of a signature (review, approval, responsibility, authorship). */
export const SIGNATURE_MEANINGS = ['authored', 'reviewed', 'approved', 'verified', 'witnessed', 'responsible'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

export interface SignInput {
  password: string;
  meaning: SignatureMeaning;
  entityType: string;
  entityId: string;
  siteId: string | null;
  reason?: string | null;
}

/**
 * Electronic signature inside the caller's transaction. 21 CFR 11.200(a)(1): a non-biometric signature uses
 * two components (here the session's user id and the password entered again now); 11.50: the record shows
 * signer's printed name, date/time and meaning; 11.70: the signature is linked to its record (entity + audit seq).
 */
export async function signRecord(trx: Db, auth: AuthService, ctx: Ctx, input: SignInput) {
  if (ctx.actor.via !== 'session')
    throw new AppError(403, 'esign_requires_user', 'Electronic signatures must be applied by a signed-in person, not an API token');
  if (!input.password) throw badRequest('esign_password_required', 'Enter your password to sign', [{ field: 'password', reason: 'is required to sign' }]);
  if (!(await auth.verifyUserPassword(ctx.actor.userId, input.password)))
    throw new AppError(401, 'esign_failed', 'The password is not correct; the record was not signed', {
      errors: [{ field: 'password', reason: 'is not correct' }],
    });
  const signedAt = nowIso();
  const id = newId();
  const auditSeq = await appendAudit(trx, ctx, {
    action: `esign.${input.meaning}`,
    entityType: input.entityType,
    entityId: input.entityId,
    siteId: input.siteId,
    reason: input.reason ?? null,
    after: { signatureId: id, signer: ctx.actor.displayName, meaning: input.meaning, signedAt },
  });
  const row = {
    id,
    user_id: ctx.actor.userId,
    signer_name: ctx.actor.displayName,
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
