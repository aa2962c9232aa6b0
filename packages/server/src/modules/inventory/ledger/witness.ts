import { privilegeCovers, type Schedule } from '@apotheca/core/inventory';
import type { Ctx } from '../../../platform/actor';
import { findUserByUsername } from '../../../platform/auth/repository';
import type { AuthService } from '../../../platform/auth/service';
import type { Db } from '../../../platform/db/database';
import { AppError, badRequest } from '../../../platform/errors';

export interface WitnessInput {
  username: string;
  password: string;
}

export interface VerifiedWitness {
  userId: string;
  name: string;
}

/**
 * The second licensed person for waste re-enters their own password at the moment of the waste (like an
 * electronic signature, 21 CFR 11.200(a)(1)). Done before the transaction opens (password hashing is slow).
 * The witness must be a different person, hold `inventory.witness_waste` at the site and, for a controlled
 * substance, the controlled-substance privilege for its schedule.
 */
export async function verifyWitness(
  auth: AuthService,
  db: Db,
  ctx: Ctx,
  siteId: string,
  witness: WitnessInput | undefined,
  schedule: Schedule | null,
): Promise<VerifiedWitness> {
  const field = (f: string, reason: string) => [{ field: `witness.${f}`, reason }];
  if (!witness?.username || !witness.password)
    throw badRequest(
      'witness_required',
      'Waste needs a second licensed witness who enters their password',
      field('password', 'is required'),
    );
  const user = await findUserByUsername(db, witness.username);
  const ok =
    user && user.is_active === 1 && user.organization_id === ctx.actor.organizationId
      ? await auth.verifyUserPassword(user.id, witness.password)
      : false;
  if (!user || !ok)
    throw new AppError(401, 'witness_failed', 'The witness username or password is not correct', {
      errors: field('password', 'is not correct'),
    });
  if (user.id === ctx.actor.userId)
    throw badRequest(
      'witness_same_person',
      'The witness must be a different person',
      field('username', 'is yourself'),
    );
  const actor = await auth.loadActor(user.id, 'session');
  if (!actor.can('inventory.witness_waste', siteId))
    throw new AppError(
      403,
      'witness_not_licensed',
      'The witness is not allowed to witness waste at this site',
      {
        errors: field('username', 'lacks inventory.witness_waste here'),
      },
    );
  if (!privilegeCovers(user.cs_privileges, schedule))
    throw new AppError(
      403,
      'witness_not_licensed',
      `The witness has no privilege for ${schedule} substances`,
      {
        errors: field('username', 'lacks controlled-substance privilege'),
      },
    );
  return { userId: user.id, name: user.display_name };
}
