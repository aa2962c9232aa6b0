import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, IdParams, problemResponses } from '../../../platform/http';
import { Ndc11 } from '../ledger/schema';
import { toCsv } from '../reports/csv';
import { diversionReport } from './diversion';
import { ciiLog } from './log';
import { listLossReports } from './losses';
import {
  CsInventoryInput,
  DiscrepancyClose,
  DiscrepancyInput,
  DiscrepancyNote,
  LossFiledInput,
  LossReportInput,
} from './schema';
import {
  addDiscrepancyNote,
  closeDiscrepancy,
  createCsInventory,
  createLossReport,
  listCsInventories,
  listDiscrepancies,
  markLossFiled,
  openDiscrepancy,
  signCsInventory,
} from './service';
import { csWorksheet } from './worksheet';

const tags = ['controlled substances'];
const Row = z.record(z.string(), z.unknown());
const responses = { ...problemResponses, 409: problemResponses[400] };
const Disc = z.object({
  id: z.string(),
  siteId: z.string(),
  ndc11: z.string(),
  expected: z.number(),
  actual: z.number(),
  difference: z.number(),
  status: z.string(),
  source: z.string().nullable(),
  notes: z.array(z.unknown()),
  resolution: z.string().nullable(),
  lossReportId: z.string().nullable(),
  signatureId: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  openedAt: z.string(),
  version: z.number(),
});

export function registerControlledRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.get(
    '/api/controlled/cii-log',
    {
      config: { access: { permission: 'controlled.read' } },
      schema: {
        tags,
        summary: 'Perpetual Schedule II log with running balance per NDC (format=csv for CSV)',
        querystring: z.object({
          siteId: z.string().min(1),
          ndc11: Ndc11.optional(),
          from: z.string().optional(),
          to: z.string().optional(),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: { 200: z.union([z.object({ items: z.array(Row) }), z.string()]), ...problemResponses },
      },
    },
    async (req, reply) => {
      const items = await ciiLog(db, ctxOf(req), req.query);
      if (req.query.format === 'csv')
        return reply.type('text/csv').send(toCsv(items as unknown as Record<string, unknown>[]));
      return { items: items as unknown as Record<string, unknown>[] };
    },
  );
  app.post(
    '/api/controlled/inventories',
    {
      config: { access: { permission: 'controlled.manage' } },
      schema: {
        tags,
        summary: 'Record an initial or biennial controlled-substance inventory (draft until the PIC signs)',
        body: CsInventoryInput,
        response: { 201: Row, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ ...(await createCsInventory(db, ctxOf(req), req.body)) }),
  );
  app.post(
    '/api/controlled/inventories/:id/sign',
    {
      config: { access: { permission: 'controlled.sign_pic' } },
      schema: {
        tags,
        summary: 'Pharmacist-in-charge signs the inventory (password re-entered)',
        params: IdParams,
        body: z.object({ password: z.string().max(256).optional() }),
        response: { 200: Row, ...responses },
      },
    },
    async (req) => ({
      ...(await signCsInventory(services.auth, db, ctxOf(req), req.params.id, req.body.password)),
    }),
  );
  app.get(
    '/api/controlled/inventories',
    {
      config: { access: { permission: 'controlled.read' } },
      schema: {
        tags,
        summary: 'Controlled-substance inventories and the next due date',
        querystring: z.object({ siteId: z.string().min(1) }),
        response: {
          200: z.object({ items: z.array(Row), nextDueBy: z.string().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (req) => listCsInventories(db, ctxOf(req), req.query.siteId),
  );
  app.post(
    '/api/controlled/loss-reports',
    {
      config: { access: { permission: 'controlled.manage' } },
      schema: {
        tags,
        summary: 'Record a theft or significant loss (DEA Form 106) and remove the stock',
        body: LossReportInput,
        response: { 201: Row, ...responses },
      },
    },
    async (req, reply) => reply.status(201).send(await createLossReport(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/controlled/inventories/worksheet',
    {
      config: { access: { permission: 'controlled.read' } },
      schema: {
        tags,
        summary:
          'Controlled products on hand with schedule, ledger quantity per location and lot, and how each must be counted',
        querystring: z.object({ siteId: z.string().min(1) }),
        response: { 200: z.object({ items: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await csWorksheet(db, ctxOf(req), req.query.siteId) }),
  );
  app.get(
    '/api/controlled/loss-reports',
    {
      config: { access: { permission: 'controlled.read' } },
      schema: {
        tags,
        summary: 'Theft/loss reports (DEA Form 106) of a site with deadlines and the ledger before/after',
        querystring: z.object({ siteId: z.string().min(1) }),
        response: { 200: z.object({ items: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listLossReports(db, ctxOf(req), req.query.siteId) }),
  );
  app.post(
    '/api/controlled/loss-reports/:id/filed',
    {
      config: { access: { permission: 'controlled.manage' } },
      schema: {
        tags,
        summary: 'Record the DEA Form 106 filing',
        params: IdParams,
        body: LossFiledInput,
        response: { 200: Row, ...problemResponses },
      },
    },
    async (req) => markLossFiled(db, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/controlled/discrepancies',
    {
      config: { access: { permission: 'controlled.manage' } },
      schema: {
        tags,
        summary: 'Open a controlled-substance discrepancy investigation',
        body: DiscrepancyInput,
        response: { 201: Disc, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await openDiscrepancy(db, ctxOf(req), req.body)),
  );
  app.post(
    '/api/controlled/discrepancies/:id/notes',
    {
      config: { access: { permission: 'controlled.manage' } },
      schema: {
        tags,
        summary: 'Add an investigation note',
        params: IdParams,
        body: DiscrepancyNote,
        response: { 200: Disc, ...responses },
      },
    },
    async (req) => addDiscrepancyNote(db, ctxOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/controlled/discrepancies/:id/close',
    {
      config: { access: { permission: 'controlled.sign_pic' } },
      schema: {
        tags,
        summary: 'Close with a resolution and the pharmacist-in-charge signature',
        params: IdParams,
        body: DiscrepancyClose,
        response: { 200: Disc, ...responses },
      },
    },
    async (req) => closeDiscrepancy(services.auth, db, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/controlled/discrepancies',
    {
      config: { access: { permission: 'controlled.read' } },
      schema: {
        tags,
        summary: 'Discrepancies of a site',
        querystring: z.object({ siteId: z.string().min(1), status: z.string().optional() }),
        response: { 200: z.object({ items: z.array(Disc) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listDiscrepancies(db, ctxOf(req), req.query.siteId, req.query.status) }),
  );
  app.get(
    '/api/controlled/diversion',
    {
      config: { access: { permission: 'controlled.read' } },
      schema: {
        tags,
        summary:
          'Per-user controlled-substance dispensing, waste, adjustment and override rates vs peers (outliers for review)',
        querystring: z.object({
          siteId: z.string().min(1),
          days: z.coerce.number().int().min(1).max(730).default(30),
        }),
        response: { 200: z.object({ since: z.string(), users: z.array(Row) }), ...problemResponses },
      },
    },
    async (req) => diversionReport(db, ctxOf(req), req.query),
  );
}
