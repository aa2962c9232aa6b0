import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, jsonResponses, problemResponses } from '../../platform/http';
import {
  AllergyInput,
  addClinical,
  ConditionInput,
  CoverageInput,
  clinicalRecord,
  inactivateClinical,
  MeasurementInput,
  mergePatients,
} from './clinical';
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

  app.get(
    '/api/patients/:id/clinical',
    {
      config: { access: { permission: 'patients.read' } },
      schema: {
        tags,
        summary: 'Allergies, conditions, measurements, coverages, identifiers (read audited)',
        params: IdParams,
        response: jsonResponses,
      },
    },
    async (req) => clinicalRecord(db, ctxOf(req), req.params.id),
  );
  const kinds = [
    ['allergies', 'allergy', AllergyInput],
    ['conditions', 'condition', ConditionInput],
    ['measurements', 'measurement', MeasurementInput],
    ['coverages', 'coverage', CoverageInput],
  ] as const;
  for (const [path, kind, body] of kinds) {
    app.post(
      `/api/patients/:id/${path}`,
      {
        config: { access: { permission: 'patients.write' } },
        schema: { tags, summary: `Add a ${kind}`, params: IdParams, body, response: jsonResponses },
      },
      async (req, reply) =>
        reply.status(201).send(await addClinical(db, ctxOf(req), req.params.id, kind, req.body)),
    );
    if (kind !== 'measurement')
      app.delete(
        `/api/patients/:id/${path}/:itemId`,
        {
          config: { access: { permission: 'patients.write' } },
          schema: {
            tags,
            summary: `Inactivate a ${kind} (kept in history)`,
            params: IdParams.extend({ itemId: z.string().max(100) }),
            querystring: z.object({ reason: z.string().max(500).optional() }),
            response: jsonResponses,
          },
        },
        async (req) => {
          await inactivateClinical(db, ctxOf(req), req.params.id, kind, req.params.itemId, req.query.reason);
          return { ok: true };
        },
      );
  }
  app.post(
    '/api/patients/:id/merge',
    {
      config: { access: { permission: 'patients.merge' } },
      schema: {
        tags,
        summary: 'Merge this duplicate record into another (pharmacist)',
        params: IdParams,
        body: z.object({ intoId: z.string().min(1), reason: z.string().trim().min(3).max(500) }),
        response: jsonResponses,
      },
    },
    async (req) => mergePatients(db, ctxOf(req), req.params.id, req.body.intoId, req.body.reason),
  );
}
