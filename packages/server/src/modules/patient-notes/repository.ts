import type { Db } from '../../platform/db/database';
import type { PatientNoteTable } from '../../platform/db/schema';

export type NoteRow = PatientNoteTable & { author_name: string };

const withAuthor = (db: Db) =>
  db
    .selectFrom('patient_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_user_id')
    .selectAll('n')
    .select('u.display_name as author_name');

/** Every note of a patient, newest first (created_at is made strictly increasing per patient on insert). */
export const listNotes = (db: Db, patientId: string): Promise<NoteRow[]> =>
  withAuthor(db)
    .where('n.patient_id', '=', patientId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .execute();

export const findNote = (db: Db, id: string) =>
  db.selectFrom('patient_notes').selectAll().where('id', '=', id).executeTakeFirst();

/** The note that supersedes `id`, if any (with its author). */
export const findSuccessor = (db: Db, id: string) =>
  withAuthor(db).where('n.supersedes_id', '=', id).executeTakeFirst();

export const latestNoteAt = async (db: Db, patientId: string) =>
  (
    await db
      .selectFrom('patient_notes')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('patient_id', '=', patientId)
      .executeTakeFirst()
  )?.at ?? null;

export const insertNote = (db: Db, row: PatientNoteTable) =>
  db.insertInto('patient_notes').values(row).execute();
