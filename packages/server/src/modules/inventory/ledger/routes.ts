import { z } from 'zod';
import type { RegisterArgs } from '../../../app';
import { ctxOf, problemResponses } from '../../../platform/http';
import { toBalanceOut, toMovementOut } from './convert';
import { createLocation, listLocations } from './locations';
import {
  AdjustInput,
  BalanceOut,
  LocationCode,
  MoveInput,
  MovementOut,
  MovementQuery,
  OnHandQuery,
  WasteInput,
} from './schema';
import { adjustStock, getOnHand, listMovements, moveStock, verifyBalances, wasteStock } from './service';
import { LOCATION_KINDS } from './types';

const tags = ['inventory'];
const Movements = z.object({ movements: z.array(MovementOut) });
const conflictResponses = { ...problemResponses, 409: problemResponses[400] };

export function registerLedgerRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  app.get(
    '/api/inventory/on-hand',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'On-hand stock by site, location, NDC, lot and expiry (from the materialized balances)',
        querystring: OnHandQuery,
        response: { 200: z.object({ items: z.array(BalanceOut), total: z.number() }), ...problemResponses },
      },
    },
    async (req) => {
      const items = (await getOnHand(db, ctxOf(req), req.query)).map(toBalanceOut);
      return { items, total: items.reduce((s, i) => s + i.quantity, 0) };
    },
  );
  app.get(
    '/api/inventory/movements',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Ledger movements, newest first',
        querystring: MovementQuery,
        response: { 200: Movements, ...problemResponses },
      },
    },
    async (req) => ({ movements: (await listMovements(db, ctxOf(req), req.query)).map(toMovementOut) }),
  );
  app.post(
    '/api/inventory/movements',
    {
      config: { access: { permission: 'inventory.move' } },
      schema: {
        tags,
        summary: 'Dispense, return, transfer, quarantine or release stock (one immutable movement per leg)',
        body: MoveInput,
        response: { 201: Movements, ...conflictResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ movements: (await moveStock(db, ctxOf(req), req.body)).map(toMovementOut) }),
  );
  app.post(
    '/api/inventory/adjustments',
    {
      config: { access: { permission: 'inventory.adjust' } },
      schema: {
        tags,
        summary: 'Adjust on-hand with a reason',
        body: AdjustInput,
        response: { 201: Movements, ...conflictResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ movements: (await adjustStock(db, ctxOf(req), req.body)).map(toMovementOut) }),
  );
  app.post(
    '/api/inventory/waste',
    {
      config: { access: { permission: 'inventory.waste' } },
      schema: {
        tags,
        summary: 'Record waste; a second licensed person witnesses by entering their own password',
        body: WasteInput,
        response: { 201: Movements, ...conflictResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ movements: (await wasteStock(services.auth, db, ctxOf(req), req.body)).map(toMovementOut) }),
  );
  app.get(
    '/api/inventory/verify',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Prove materialized balances equal the sum of ledger movements',
        querystring: z.object({ siteId: z.string().optional() }),
        response: {
          200: z.object({
            ok: z.boolean(),
            mismatches: z.array(
              z.object({
                siteId: z.string(),
                location: z.string(),
                ndc11: z.string(),
                lot: z.string(),
                expiry: z.string(),
                serial: z.string(),
                balanceMilli: z.number(),
                ledgerMilli: z.number(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => verifyBalances(db, ctxOf(req), req.query.siteId),
  );
  app.get(
    '/api/inventory/locations',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Stock locations of a site (built-in and site-defined)',
        querystring: z.object({ siteId: z.string().min(1) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ code: z.string(), name: z.string(), kind: z.string(), builtIn: z.boolean() }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => ({ items: await listLocations(db, ctxOf(req), req.query.siteId) }),
  );
  app.post(
    '/api/inventory/locations',
    {
      config: { access: { permission: 'purchasing.manage' } },
      schema: {
        tags,
        summary: 'Add a location (e.g. a cabinet or cart)',
        body: z.object({
          siteId: z.string().min(1),
          code: LocationCode,
          name: z.string().trim().min(1).max(80),
          kind: z.enum(LOCATION_KINDS),
        }),
        response: {
          201: z.object({ code: z.string(), name: z.string(), kind: z.string(), builtIn: z.boolean() }),
          ...conflictResponses,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createLocation(db, ctxOf(req), req.body)),
  );
}
