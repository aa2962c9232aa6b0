import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, problemResponses } from '../../platform/http';
import { PatientInput, PatientOut, PatientQuery, PatientUpdate } from './schema';
import { createPatient, readPatient, searchPatients, toPatientOut, updatePatient } from './service';

export function registerPatientRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['patients'];
  app.get(
    '/api/patients',
    {
      config: { access: { permission: 'patients.read' } },
      schema: {
        tags,
        summary: 'Search patients at the caller’s sites',
        querystring: PatientQuery,
        response: { 200: z.object({ items: z.array(PatientOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: (await searchPatients(db, ctxOf(req), req.query)).map(toPatientOut) }),
  );
  app.get(
    '/api/patients/:id',
    {
      config: { access: { permission: 'patients.read' } },
      schema: {
        tags,
        summary: 'One patient (the read is audited)',
        params: IdParams,
        response: { 200: PatientOut, ...problemResponses },
      },
    },
    async (req) => toPatientOut(await readPatient(db, ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/patients',
    {
      config: { access: { permission: 'patients.write' } },
      schema: {
        tags,
        summary: 'Create a patient',
        body: PatientInput,
        response: { 201: PatientOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(toPatientOut(await createPatient(db, ctxOf(req), req.body))),
  );
  app.put(
    '/api/patients/:id',
    {
      config: { access: { permission: 'patients.write' } },
      schema: {
        tags,
        summary: 'Update a patient (optimistic concurrency by version)',
        params: IdParams,
        body: PatientUpdate,
        response: { 200: PatientOut, ...problemResponses },
      },
    },
    async (req) => toPatientOut(await updatePatient(db, ctxOf(req), req.params.id, req.body)),
  );
}
