import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { PatientNoteTable } from '../../platform/db/schema';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { findPatient } from '../patients/repository';
import * as repo from './repository';
import type { NoteCategory, NoteInput, NoteOut } from './schema';

/**
 * Patient notes are an append-only record. A note is never edited or deleted: a correction is a new note that
 * supersedes the earlier one, which stays readable (struck through, with who corrected it and when). An inspector or
 * a court sees what the pharmacy knew at any moment, and the hash-chained audit trail holds every note as written.
 */

function toNoteOut(r: repo.NoteRow, successor: repo.NoteRow | undefined): NoteOut {
  return {
    id: r.id,
    patientId: r.patient_id,
    siteId: r.site_id,
    category: r.category as NoteCategory,
    text: r.text,
    pinned: r.pinned === 1,
    supersedesId: r.supersedes_id,
    author: { id: r.author_user_id, name: r.author_name },
    createdAt: r.created_at,
    active: !successor,
    supersededBy: successor
      ? {
          id: successor.id,
          author: { id: successor.author_user_id, name: successor.author_name },
          createdAt: successor.created_at,
        }
      : null,
  };
}

async function patientIn(trx: Db, ctx: Ctx, patientId: string) {
  const p = await findPatient(trx, patientId, ctx.actor.sitesWith('patients.read'));
  if (!p) throw notFound('Patient');
  return p;
}

/** Every note of a patient, active and superseded, newest first. Reading them is audited like the record. */
export async function listPatientNotes(db: Db, ctx: Ctx, patientId: string): Promise<NoteOut[]> {
  return db.transaction().execute(async (trx) => {
    const p = await patientIn(trx, ctx, patientId);
    const rows = await repo.listNotes(trx, p.id);
    await appendAudit(trx, ctx, {
      action: 'patient.notes.read',
      entityType: 'patient',
      entityId: p.id,
      siteId: p.site_id,
    });
    const successorOf = new Map<string, repo.NoteRow>();
    for (const r of rows) if (r.supersedes_id) successorOf.set(r.supersedes_id, r);
    return rows.map((r) => toNoteOut(r, successorOf.get(r.id)));
  });
}

const alreadySuperseded = (by: { author_name: string; created_at: string } | null) =>
  new AppError(
    409,
    'note_already_superseded',
    `supersedesId: that note was already corrected${by ? ` by ${by.author_name} at ${by.created_at}` : ''}; correct the newer note instead`,
    { errors: [{ field: 'supersedesId', reason: 'was already corrected by a later note' }] },
  );

/** Adds a note, or a correction of an earlier note of the same patient (audited, with the corrected note as before). */
export async function addPatientNote(
  db: Db,
  ctx: Ctx,
  patientId: string,
  input: NoteInput,
): Promise<NoteOut> {
  return db.transaction().execute(async (trx) => {
    const p = await patientIn(trx, ctx, patientId);
    ctx.actor.require('patients.notes.write', p.site_id, 'Patient');
    if (p.merged_into_id)
      throw conflict(
        'patient_merged',
        'This record was merged into another patient record: add the note to the surviving record',
      );
    let superseded: PatientNoteTable | undefined;
    if (input.supersedesId) {
      superseded = await repo.findNote(trx, input.supersedesId);
      // Another patient's note (or none) reads the same: the caller learns nothing about other records.
      if (!superseded || superseded.patient_id !== p.id)
        throw badRequest('validation_failed', 'supersedesId: is not a note of this patient', [
          { field: 'supersedesId', reason: 'is not a note of this patient' },
        ]);
      const successor = await repo.findSuccessor(trx, superseded.id);
      if (successor) throw alreadySuperseded(successor);
    }
    // Newest first must hold even for two notes written within one millisecond (a quick correction).
    let at = nowIso();
    const latest = await repo.latestNoteAt(trx, p.id);
    if (latest && at <= latest) at = new Date(Date.parse(latest) + 1).toISOString();
    const row: PatientNoteTable = {
      id: newId(),
      site_id: p.site_id,
      patient_id: p.id,
      category: input.category,
      text: input.text,
      pinned: input.pinned ? 1 : 0,
      supersedes_id: superseded?.id ?? null,
      author_user_id: ctx.actor.userId,
      created_at: at,
    };
    try {
      await repo.insertNote(trx, row);
    } catch (err) {
      // Two corrections of one note at the same moment: the unique index on supersedes_id lets one win.
      if (superseded && /unique|duplicate/i.test(String(err))) throw alreadySuperseded(null);
      throw err;
    }
    await appendAudit(trx, ctx, {
      action: superseded ? 'patient.note.correct' : 'patient.note.add',
      entityType: 'patient',
      entityId: p.id,
      siteId: p.site_id,
      ...(superseded ? { before: superseded } : {}),
      after: row,
    });
    return toNoteOut({ ...row, author_name: ctx.actor.displayName }, undefined);
  });
}
