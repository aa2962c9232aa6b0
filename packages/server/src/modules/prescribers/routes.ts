import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, problemResponses } from '../../platform/http';
import { PrescriberInput, PrescriberOut } from './schema';
import { createPrescriber, getPrescriber, listPrescribers, toPrescriberOut } from './service';

export function registerPrescriberRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['prescribers'];
  app.get(
    '/api/prescribers',
    {
      config: { access: { permission: 'prescribers.read' } },
      schema: {
        tags,
        summary: 'Search prescribers by last-name prefix or NPI',
        querystring: z.object({ q: z.string().trim().max(80).optional(), siteId: z.string().optional() }),
        response: { 200: z.object({ items: z.array(PrescriberOut) }), ...problemResponses },
      },
    },
    async (req) => ({
      items: (await listPrescribers(db, ctxOf(req), req.query.q, req.query.siteId)).map(toPrescriberOut),
    }),
  );
  app.get(
    '/api/prescribers/:id',
    {
      config: { access: { permission: 'prescribers.read' } },
      schema: {
        tags,
        summary: 'One prescriber',
        params: IdParams,
        response: { 200: PrescriberOut, ...problemResponses },
      },
    },
    async (req) => toPrescriberOut(await getPrescriber(db, ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/prescribers',
    {
      config: { access: { permission: 'prescribers.write' } },
      schema: {
        tags,
        summary: 'Create a prescriber (NPI and DEA validated)',
        body: PrescriberInput,
        response: { 201: PrescriberOut, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(toPrescriberOut(await createPrescriber(db, ctxOf(req), req.body))),
  );
}
