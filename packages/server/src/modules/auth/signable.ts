import type { Db } from '../../platform/db/database';

/** Record kinds the generic e-signature endpoint can sign, each resolving the record's site (for scoping). */
export const SIGNABLE: Record<string, (db: Db, id: string) => Promise<string | undefined>> = {
  patient: async (db, id) =>
    (await db.selectFrom('patients').select('site_id').where('id', '=', id).executeTakeFirst())?.site_id,
  prescriber: async (db, id) =>
    (await db.selectFrom('prescribers').select('site_id').where('id', '=', id).executeTakeFirst())?.site_id,
  site: async (db, id) =>
    (await db.selectFrom('sites').select('id').where('id', '=', id).executeTakeFirst())?.id,
};
