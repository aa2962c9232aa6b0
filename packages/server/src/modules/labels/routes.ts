import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, problemResponses } from '../../platform/http';
import { LabelDataIn, LabelQuery } from './schema';
import { previewLabel } from './service';

export function registerLabelRoutes({ app }: RegisterArgs): void {
  app.post(
    '/api/labels/preview',
    {
      config: { access: { permission: 'labels.print' } },
      schema: {
        tags: ['labels'],
        summary:
          'Render a prescription label: PDF (4 × 6 in) or, with ?format=zpl, ZPL II for thermal printers',
        querystring: LabelQuery,
        body: LabelDataIn,
        response: {
          200: z.unknown().describe('application/pdf bytes, or text/plain ZPL II (^XA … ^XZ)'),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const out = await previewLabel(ctxOf(req), req.body, req.query.format);
      return reply.type(out.contentType).send(out.body);
    },
  );
}
