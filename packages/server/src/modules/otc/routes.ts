import type { RegisterArgs } from '../../app';
import { ctxOf, jsonResponses } from '../../platform/http';
import { OtcSaleInput, sellOtc } from './service';

export function registerOtcRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.post(
    '/api/otc/sales',
    {
      config: { access: { permission: 'otc.sell' } },
      schema: {
        tags: ['otc'],
        summary: 'Over-the-counter sale; pseudoephedrine/ephedrine checked against CMEA limits and logged',
        body: OtcSaleInput,
        response: jsonResponses,
      },
    },
    async (req, reply) => reply.status(201).send(await sellOtc(db, ctxOf(req), req.body)),
  );
}
