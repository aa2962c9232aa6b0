import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, ProblemSchema, problemResponses } from '../../platform/http';
import { NoteInput, NoteOut } from './schema';
import { addPatientNote, listPatientNotes } from './service';

export function registerPatientNoteRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['patients'];
  app.get(
    '/api/patients/:id/notes',
    {
      config: { access: { permission: 'patients.read' } },
      schema: {
        tags,
        summary: 'A patient’s notes, active and superseded, newest first (the read is audited)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(NoteOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listPatientNotes(db, ctxOf(req), req.params.id) }),
  );
  app.post(
    '/api/patients/:id/notes',
    {
      config: { access: { permission: 'patients.notes.write' } },
      schema: {
        tags,
        summary:
          'Add a note; with supersedesId, a correction of an earlier note of this patient (notes are never edited)',
        params: IdParams,
        body: NoteInput,
        response: { 201: NoteOut, ...problemResponses, 409: ProblemSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPatientNote(db, ctxOf(req), req.params.id, req.body)),
  );
}
