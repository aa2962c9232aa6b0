import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, IdParams, problemResponses } from '../../../platform/http';
import { CloseInvestigationInput, InvestigationInput, ShipmentInput, VerificationInput } from './schema';
import {
  closeInvestigation,
  createShipment,
  listInvestigations,
  listShipments,
  openInvestigation,
  toShipmentOut,
  verifyProductIdentifier,
} from './service';

const tags = ['dscsa'];
const ShipmentOut = z.object({
  id: z.string(),
  siteId: z.string(),
  poId: z.string().nullable(),
  source: z.string(),
  asnNumber: z.string().nullable(),
  shippedAt: z.string().nullable(),
  sellerName: z.string().nullable(),
  transactionStatement: z.boolean(),
  statementText: z.string().nullable(),
  status: z.string(),
  transactionInformation: z.array(z.unknown()),
  transactionHistory: z.array(z.unknown()),
  createdAt: z.string(),
});
const Row = z.record(z.string(), z.unknown());
const responses = { ...problemResponses, 409: problemResponses[400] };

export function registerDscsaRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.post(
    '/api/dscsa/shipments',
    {
      config: { access: { permission: 'dscsa.manage' } },
      schema: {
        tags,
        summary: 'Enter DSCSA transaction information, history and statement for a shipment',
        body: ShipmentInput,
        response: { 201: ShipmentOut, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(toShipmentOut(await createShipment(db, ctxOf(req), req.body))),
  );
  app.get(
    '/api/dscsa/shipments',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'DSCSA shipment records of a site',
        querystring: z.object({ siteId: z.string().min(1) }),
        response: { 200: z.object({ items: z.array(ShipmentOut) }), ...problemResponses },
      },
    },
    async (req) => ({ items: (await listShipments(db, ctxOf(req), req.query.siteId)).map(toShipmentOut) }),
  );
  app.post(
    '/api/dscsa/investigations',
    {
      config: { access: { permission: 'dscsa.manage' } },
      schema: {
        tags,
        summary: 'Open a suspect/illegitimate product investigation (quarantines the stock)',
        body: InvestigationInput,
        response: { 201: Row, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ ...(await openInvestigation(db, ctxOf(req), req.body)) }),
  );
  app.post(
    '/api/dscsa/investigations/:id/close',
    {
      config: { access: { permission: 'dscsa.manage' } },
      schema: {
        tags,
        summary: 'Close an investigation with its outcome',
        params: IdParams,
        body: CloseInvestigationInput,
        response: { 200: Row, ...responses },
      },
    },
    async (req) => closeInvestigation(db, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/dscsa/investigations',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Investigations of a site',
        querystring: z.object({ siteId: z.string().min(1) }),
        response: { 200: z.object({ items: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listInvestigations(db, ctxOf(req), req.query.siteId) }),
  );
  app.post(
    '/api/dscsa/verifications',
    {
      config: { access: { permission: 'dscsa.manage' } },
      schema: {
        tags,
        summary: 'Verify a returned product identifier before resale',
        body: VerificationInput,
        response: { 201: Row, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await verifyProductIdentifier(db, ctxOf(req), req.body)),
  );
}
