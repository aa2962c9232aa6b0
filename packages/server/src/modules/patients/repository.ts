import type { Db } from '../../platform/db/database';
import type { PatientTable } from '../../platform/db/schema';

export const insertPatient = (db: Db, row: PatientTable) => db.insertInto('patients').values(row).execute();

/** A patient, but only if it belongs to one of `siteIds` (site scoping lives in the query). */
export const findPatient = (db: Db, id: string, siteIds: string[]) =>
  siteIds.length
    ? db
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', id)
        .where('site_id', 'in', siteIds)
        .executeTakeFirst()
    : Promise.resolve(undefined);

export function searchPatients(db: Db, siteIds: string[], q: string | undefined, limit: number) {
  if (!siteIds.length) return Promise.resolve([] as PatientTable[]);
  let query = db.selectFrom('patients').selectAll().where('site_id', 'in', siteIds);
  if (q) {
    const [last, first] = q.split(',').map((s) => s.trim().toLowerCase());
    query = query.where((eb) =>
      eb.or([
        eb('mrn', '=', q),
        eb.and([
          eb(eb.fn('lower', ['last_name']), 'like', `${escapeLike(last ?? '')}%`),
          ...(first ? [eb(eb.fn('lower', ['first_name']), 'like', `${escapeLike(first)}%`)] : []),
        ]),
      ]),
    );
  }
  return query.orderBy('last_name').orderBy('first_name').limit(limit).execute();
}

/** Drops LIKE wildcards from user input so a prefix search matches literally (also used by prescribers). */
export const escapeLike = (s: string) => s.replace(/[%_\\]/g, '');

export const updatePatient = (db: Db, id: string, version: number, patch: Partial<PatientTable>) =>
  db
    .updateTable('patients')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();

export const countPatientsAtSite = async (db: Db, siteId: string) =>
  Number(
    (
      await db
        .selectFrom('patients')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('site_id', '=', siteId)
        .executeTakeFirstOrThrow()
    ).n,
  );
