import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, jsonResponses } from '../../platform/http';
import { receiveInbound, requestChange, requestRenewal } from './service';

export function registerErxRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['e-prescriptions'];
  // SCRIPT messages arrive as XML; the body is kept verbatim (a string) and parsed by @apotheca/core/script.
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: 1_000_000 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/erx/inbound',
    {
      config: { access: { permission: 'erx.receive' } },
      schema: {
        tags,
        summary:
          'Inbound NCPDP SCRIPT 2017071 (NewRx, CancelRx, RxRenewalResponse, RxChangeResponse); answers with a SCRIPT Status or Error',
        querystring: z.object({
          site: z
            .string()
            .max(100)
            .optional()
            .describe('Site id or code (default: by the NCPDP id in Header/To)'),
        }),
        body: z.string().describe('The SCRIPT XML message'),
      },
    },
    async (req, reply) => {
      const result = await receiveInbound(
        db,
        ctxOf(req),
        typeof req.body === 'string' ? req.body : '',
        req.query.site,
      );
      return reply
        .type('application/xml')
        .header('x-script-outcome', result.outcome)
        .header('x-prescription-id', result.prescriptionId ?? '')
        .send(result.xml);
    },
  );

  app.post(
    '/api/prescriptions/:id/renewal-request',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary: 'Send an RxRenewalRequest to the prescriber (no refills left)',
        params: z.object({ id: z.string().max(100) }),
        response: jsonResponses,
      },
    },
    async (req, reply) => reply.status(201).send(await requestRenewal(db, ctxOf(req), req.params.id)),
  );

  app.post(
    '/api/prescriptions/:id/change-request',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary:
          'Send an RxChangeRequest to the prescriber (G generic, T therapeutic, P prior authorization, …)',
        params: z.object({ id: z.string().max(100) }),
        body: z.object({
          requestCode: z.enum(['G', 'T', 'P', 'S', 'OS', 'D', 'U']).describe('NCPDP MessageRequestCode'),
          requested: z.object({
            drugDescription: z.string().min(2).max(300),
            ndc11: z
              .string()
              .regex(/^\d{11}$/)
              .optional(),
          }),
          note: z.string().max(210).optional(),
        }),
        response: jsonResponses,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestChange(db, ctxOf(req), req.params.id, req.body)),
  );
}
