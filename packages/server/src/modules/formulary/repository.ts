import type { Db } from '../../platform/db/database';
import type { FormularyEntryTable, FormularyRequestTable } from '../../platform/db/schema';
import { newId, nowIso } from '../../platform/ids';

export type EntryRow = FormularyEntryTable & { site_id: string | null };

/** The formulary of a site (siteId) or of the organization (null), created on first use. */
export async function ensureFormulary(
  db: Db,
  organizationId: string,
  siteId: string | null,
): Promise<string> {
  let q = db.selectFrom('formularies').select('id').where('organization_id', '=', organizationId);
  q = siteId ? q.where('site_id', '=', siteId) : q.where('site_id', 'is', null);
  const found = await q.executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await db
    .insertInto('formularies')
    .values({
      id,
      organization_id: organizationId,
      site_id: siteId,
      name: siteId ? 'Site formulary' : 'Organization formulary',
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** Entries of the organization's formulary and, when siteId is given, of that site's. */
export function entriesFor(db: Db, organizationId: string, siteId: string | null) {
  return db
    .selectFrom('formulary_entries as e')
    .innerJoin('formularies as f', 'f.id', 'e.formulary_id')
    .selectAll('e')
    .select('f.site_id')
    .where('f.organization_id', '=', organizationId)
    .where((eb) =>
      siteId
        ? eb.or([eb('f.site_id', 'is', null), eb('f.site_id', '=', siteId)])
        : eb('f.site_id', 'is', null),
    )
    .execute() as Promise<EntryRow[]>;
}

export const findEntry = (db: Db, formularyId: string, matchType: string, matchValue: string) =>
  db
    .selectFrom('formulary_entries')
    .selectAll()
    .where('formulary_id', '=', formularyId)
    .where('match_type', '=', matchType)
    .where('match_value', '=', matchValue)
    .executeTakeFirst();

export const entryWithOwner = (db: Db, id: string) =>
  db
    .selectFrom('formulary_entries as e')
    .innerJoin('formularies as f', 'f.id', 'e.formulary_id')
    .selectAll('e')
    .select(['f.site_id', 'f.organization_id'])
    .where('e.id', '=', id)
    .executeTakeFirst();

export const findRequest = (db: Db, id: string, siteIds: string[]) =>
  siteIds.length
    ? db
        .selectFrom('formulary_requests')
        .selectAll()
        .where('id', '=', id)
        .where('site_id', 'in', siteIds)
        .executeTakeFirst()
    : Promise.resolve(undefined);

export function listRequests(db: Db, siteIds: string[], status: string | undefined, limit: number) {
  if (!siteIds.length) return Promise.resolve([] as FormularyRequestTable[]);
  let q = db.selectFrom('formulary_requests').selectAll().where('site_id', 'in', siteIds);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('requested_at', 'desc').limit(limit).execute();
}
