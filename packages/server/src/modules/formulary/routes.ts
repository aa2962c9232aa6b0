import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, OkOut, problemResponses } from '../../platform/http';
import {
  DecisionInput,
  EntryInput,
  EntryOut,
  EntryQuery,
  RequestInput,
  RequestOut,
  RequestQuery,
  StatusQuery,
} from './schema';
import * as service from './service';

const conflictResponses = { ...problemResponses, 409: problemResponses[400] };

export function registerFormularyRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['formulary'];
  app.get(
    '/api/formulary/entries',
    {
      config: { access: { permission: 'formulary.read' } },
      schema: {
        tags,
        summary:
          'Formulary entries in force at a site (site entries over the organization’s), or the organization’s',
        querystring: EntryQuery,
        response: { 200: z.object({ items: z.array(EntryOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await service.listEntries(db, ctxOf(req), req.query) }),
  );
  app.post(
    '/api/formulary/entries',
    {
      config: { access: { permission: 'formulary.manage' } },
      schema: {
        tags,
        summary:
          'Create or update the entry for a drug (by match type and value) in a site or organization formulary',
        body: EntryInput,
        response: { 200: EntryOut, 201: EntryOut, ...problemResponses },
      },
    },
    async (req, reply) => {
      const r = await service.upsertEntry(db, ctxOf(req), req.body);
      return reply.status(r.created ? 201 : 200).send(r.entry);
    },
  );
  app.delete(
    '/api/formulary/entries/:id',
    {
      config: { access: { permission: 'formulary.manage' } },
      schema: {
        tags,
        summary: 'Remove a formulary entry',
        params: IdParams,
        response: { 200: OkOut, ...problemResponses },
      },
    },
    async (req) => {
      await service.deleteEntry(db, ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/formulary/status',
    {
      config: { access: { permission: 'formulary.read' } },
      schema: {
        tags,
        summary: 'Formulary status of one NDC at a site (null when the drug is not listed)',
        querystring: StatusQuery,
        response: { 200: z.object({ entry: EntryOut.nullable() }), ...problemResponses },
      },
    },
    async (req) => ({ entry: await service.statusOf(db, ctxOf(req), req.query.siteId, req.query.ndc) }),
  );
  app.get(
    '/api/formulary/requests',
    {
      config: { access: { permission: 'formulary.read' } },
      schema: {
        tags,
        summary: 'Non-formulary requests at the caller’s sites',
        querystring: RequestQuery,
        response: { 200: z.object({ items: z.array(RequestOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await service.listRequests(db, ctxOf(req), req.query) }),
  );
  app.post(
    '/api/formulary/requests',
    {
      config: { access: { permission: 'formulary.request' } },
      schema: {
        tags,
        summary: 'Request a non-formulary drug (goes to a pharmacist for review)',
        body: RequestInput,
        response: { 201: RequestOut, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createRequest(db, ctxOf(req), req.body)),
  );
  app.post(
    '/api/formulary/requests/:id/decision',
    {
      config: { access: { permission: 'formulary.review' } },
      schema: {
        tags,
        summary: 'Approve or deny a non-formulary request, with a reason (audited; final)',
        params: IdParams,
        body: DecisionInput,
        response: { 200: RequestOut, ...conflictResponses },
      },
    },
    async (req) => service.decideRequest(db, ctxOf(req), req.params.id, req.body),
  );
}
