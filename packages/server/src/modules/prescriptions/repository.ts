import type { Db } from '../../platform/db/database';
import type { FillTable, PrescriptionTable } from '../../platform/db/schema-rx';
import { conflict } from '../../platform/errors';

/** Next value of a per-site counter (Rx numbers). The UPDATE takes the row lock, so numbers never repeat. */
export async function nextCounter(db: Db, siteId: string, name: string, start = 1000001): Promise<number> {
  const row = await db
    .updateTable('site_counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('site_id', '=', siteId)
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  if (row) return row.value;
  // First number of this counter; a concurrent first use loses the insert race and takes the next number instead.
  const inserted = await db
    .insertInto('site_counters')
    .values({ site_id: siteId, name, value: start })
    .onConflict((oc) => oc.columns(['site_id', 'name']).doNothing())
    .returning('value')
    .executeTakeFirst();
  return inserted ? inserted.value : nextCounter(db, siteId, name, start);
}

export const insertPrescription = (db: Db, row: PrescriptionTable) =>
  db.insertInto('prescriptions').values(row).execute();
export const insertFill = (db: Db, row: FillTable) => db.insertInto('fills').values(row).execute();

export const findFill = (db: Db, id: string, siteIds: string[]) =>
  siteIds.length
    ? db
        .selectFrom('fills')
        .selectAll()
        .where('id', '=', id)
        .where('site_id', 'in', siteIds)
        .executeTakeFirst()
    : Promise.resolve(undefined);

export const findPrescription = (db: Db, id: string, siteIds: string[]) =>
  siteIds.length
    ? db
        .selectFrom('prescriptions')
        .selectAll()
        .where('id', '=', id)
        .where('site_id', 'in', siteIds)
        .executeTakeFirst()
    : Promise.resolve(undefined);

export const prescriptionById = (db: Db, id: string) =>
  db.selectFrom('prescriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Optimistic concurrency: the update applies only to the version read, so two users cannot both move a fill. */
export async function updateFill(db: Db, fill: FillTable, patch: Partial<FillTable>): Promise<FillTable> {
  const next = {
    ...patch,
    version: fill.version + 1,
    updated_at: patch.updated_at ?? new Date().toISOString(),
  };
  const res = await db
    .updateTable('fills')
    .set(next)
    .where('id', '=', fill.id)
    .where('version', '=', fill.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict('stale_version', 'Someone else changed this prescription fill; reload and try again');
  return { ...fill, ...next };
}

export async function updatePrescription(
  db: Db,
  rx: PrescriptionTable,
  patch: Partial<PrescriptionTable>,
): Promise<PrescriptionTable> {
  const next = { ...patch, version: rx.version + 1, updated_at: new Date().toISOString() };
  const res = await db
    .updateTable('prescriptions')
    .set(next)
    .where('id', '=', rx.id)
    .where('version', '=', rx.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict('stale_version', 'Someone else changed this prescription; reload and try again');
  return { ...rx, ...next };
}

export const fillsOfPrescription = (db: Db, prescriptionId: string) =>
  db
    .selectFrom('fills')
    .selectAll()
    .where('prescription_id', '=', prescriptionId)
    .orderBy('fill_number')
    .execute();

export function queue(db: Db, siteIds: string[], state: string | undefined, limit: number) {
  let q = db
    .selectFrom('fills as f')
    .innerJoin('prescriptions as p', 'p.id', 'f.prescription_id')
    .leftJoin('patients as pt', 'pt.id', 'p.patient_id')
    .select([
      'f.id',
      'f.site_id',
      'f.fill_number',
      'f.state',
      'f.priority',
      'f.promised_at',
      'f.state_changed_at',
      'f.created_at',
      'f.hold_reason',
      'p.rx_number',
      'p.drug_description',
      'p.schedule',
      'p.origin',
      'p.patient_id',
      'pt.first_name',
      'pt.last_name',
      'pt.birth_date',
    ])
    .where('f.site_id', 'in', siteIds);
  if (state) q = q.where('f.state', '=', state);
  return q.orderBy('f.state_changed_at').limit(limit).execute();
}

export function queueCounts(db: Db, siteIds: string[]) {
  return db
    .selectFrom('fills')
    .select((eb) => ['state', eb.fn.countAll<number>().as('n'), eb.fn.min('state_changed_at').as('oldest')])
    .where('site_id', 'in', siteIds)
    .groupBy('state')
    .execute();
}

/** Other active prescriptions of the patient (for screening), excluding `exceptId`. */
export function activeMedsOfPatient(db: Db, patientId: string, exceptId: string) {
  return db
    .selectFrom('prescriptions')
    .select(['id', 'drug_description', 'ingredients_json', 'sig_json', 'days_supply'])
    .where('patient_id', '=', patientId)
    .where('status', '=', 'active')
    .where('id', '!=', exceptId)
    .where('ingredients_json', 'is not', null)
    .execute();
}
