import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, jsonResponses, problemResponses } from '../../platform/http';
import { attachPaDocument, createPaCase, getPaCase, listPaCases, transitionPaCase, updatePaCase } from './pa';
import { DocumentInput, PaCreateInput, PaQueryInput, PaTransitionInput, PaUpdateInput } from './schema';

export function registerPaRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['prior authorization'];
  const list = { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...problemResponses };
  app.get(
    '/api/pa-cases',
    {
      config: { access: { permission: 'claims.read' } },
      schema: {
        tags,
        summary: 'Prior authorization cases (?stalledDays= lists the ones needing a reminder)',
        querystring: PaQueryInput,
        response: list,
      },
    },
    async (req) => ({ items: await listPaCases(db, ctxOf(req), req.query) }),
  );
  app.post(
    '/api/pa-cases',
    {
      config: { access: { permission: 'pa.manage' } },
      schema: {
        tags,
        summary: 'Open a case from a 75 rejection ({claimId}) or by hand; notifies the patient of the delay',
        body: PaCreateInput,
        response: jsonResponses,
      },
    },
    async (req, reply) => {
      const r = await createPaCase(db, ctxOf(req), req.body);
      return reply.status(r.existing ? 200 : 201).send(r);
    },
  );
  app.get(
    '/api/pa-cases/:id',
    {
      config: { access: { permission: 'claims.read' } },
      schema: { tags, summary: 'One case with its history', params: IdParams, response: jsonResponses },
    },
    async (req) => getPaCase(db, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/pa-cases/:id',
    {
      config: { access: { permission: 'pa.manage' } },
      schema: {
        tags,
        summary: 'Edit diagnosis, notes, prescriber',
        params: IdParams,
        body: PaUpdateInput,
        response: jsonResponses,
      },
    },
    async (req) => updatePaCase(db, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/pa-cases/:id/actions/:action',
    {
      config: { access: { permission: 'pa.manage' } },
      schema: {
        tags,
        summary:
          'send_to_prescriber | submit | approve (paNumber, expiresOn) | deny (denialReason) | appeal | cancel',
        params: IdParams.extend({ action: z.string().max(40) }),
        body: PaTransitionInput,
        response: jsonResponses,
      },
    },
    async (req) => transitionPaCase(db, ctxOf(req), req.params.id, req.params.action, req.body),
  );
  app.post(
    '/api/pa-cases/:id/documents',
    {
      config: { access: { permission: 'pa.manage' } },
      schema: {
        tags,
        summary: 'Attach a document (chart notes, PA form)',
        params: IdParams,
        body: DocumentInput,
        response: jsonResponses,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await attachPaDocument(db, ctxOf(req), req.params.id, req.body)),
  );
}
