import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { ctxOf, IdParams, jsonResponses, problemResponses } from '../../platform/http';
import { listPayerEndpoints, upsertPayerEndpoint } from './endpoints';
import { registerPaRoutes } from './pa-routes';
import { claimsSummary, fillClaims, getClaim, listClaims, reconciliation, toCsv } from './reports';
import {
  BillInput,
  CashPriceQuery,
  ClaimQueryInput,
  EligibilityInput,
  EndpointInput,
  ReportQueryInput,
  ReverseInput,
  SecondaryInput,
} from './schema';
import { billFill, billSecondary, cashPrice, checkEligibility, reverseFillClaims } from './service';

export function registerClaimsRoutes(args: RegisterArgs): void {
  const { app, services } = args;
  const { db } = services.database;
  const tags = ['claims'];
  const billSummary =
    'Result: { status paid|rejected|captured|duplicate, claimId, rejects: [{code, plain, nextAction}], patientPayCents, planPayCents, … }. 504 claim_status_unknown on timeout (the next attempt reverses first).';

  app.post(
    '/api/fills/:id/claims',
    {
      config: { access: { permission: 'claims.submit' } },
      schema: {
        tags,
        summary: `Bill a fill (NCPDP B1, or B3 with rebill). ${billSummary}`,
        params: IdParams,
        body: BillInput,
        response: jsonResponses,
      },
    },
    async (req) => ({ ...(await billFill(db, ctxOf(req), req.params.id, req.body)) }),
  );
  app.post(
    '/api/fills/:id/claims/secondary',
    {
      config: { access: { permission: 'claims.submit' } },
      schema: {
        tags,
        summary: 'Bill the secondary coverage with the primary’s amounts (COB)',
        params: IdParams,
        body: SecondaryInput,
        response: jsonResponses,
      },
    },
    async (req) => ({ ...(await billSecondary(db, ctxOf(req), req.params.id, req.body)) }),
  );
  app.post(
    '/api/fills/:id/claims/reverse',
    {
      config: { access: { permission: 'claims.reverse' } },
      schema: {
        tags,
        summary: 'Reverse every paid claim of a fill (NCPDP B2)',
        params: IdParams,
        body: ReverseInput,
        response: jsonResponses,
      },
    },
    async (req) => ({ ...(await reverseFillClaims(db, ctxOf(req), req.params.id, req.body.reason)) }),
  );
  app.get(
    '/api/fills/:id/claims',
    {
      config: { access: { permission: 'claims.read' } },
      schema: {
        tags,
        summary: 'Claims of a fill with reject explanations',
        params: IdParams,
        response: {
          200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
          ...problemResponses,
        },
      },
    },
    async (req) => ({ items: await fillClaims(db, ctxOf(req), req.params.id) }),
  );
  app.get(
    '/api/claims',
    {
      config: { access: { permission: 'claims.read' } },
      schema: {
        tags,
        summary:
          'Claims worklist (by status, payer, reject code) with plain-language explanations and next actions',
        querystring: ClaimQueryInput,
        response: {
          200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
          ...problemResponses,
        },
      },
    },
    async (req) => ({ items: await listClaims(db, ctxOf(req), req.query) }),
  );
  app.get(
    '/api/claims/:id',
    {
      config: { access: { permission: 'claims.read' } },
      schema: {
        tags,
        summary: 'One claim with every transmission verbatim (request and response)',
        params: IdParams,
        response: jsonResponses,
      },
    },
    async (req) => getClaim(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/eligibility',
    {
      config: { access: { permission: 'claims.submit' } },
      schema: {
        tags,
        summary: 'Eligibility verification (NCPDP E1)',
        body: EligibilityInput,
        response: jsonResponses,
      },
    },
    async (req) => checkEligibility(db, ctxOf(req), req.body),
  );
  app.get(
    '/api/cash-price',
    {
      config: { access: { permission: 'claims.read' } },
      schema: {
        tags,
        summary: 'Cash price: usual & customary and discount programs',
        querystring: CashPriceQuery,
        response: jsonResponses,
      },
    },
    async (req) => {
      ctxOf(req).actor.require('claims.read', req.query.siteId);
      return { ...(await cashPrice(db, req.query.siteId, req.query.ndc11, req.query.quantity)) };
    },
  );
  app.get(
    '/api/payer-endpoints',
    {
      config: { access: { permission: 'claims.manage' } },
      schema: {
        tags,
        summary: 'Where claims go, per BIN/PCN',
        response: {
          200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
          ...problemResponses,
        },
      },
    },
    async (req) => ({ items: await listPayerEndpoints(db, ctxOf(req)) }),
  );
  app.put(
    '/api/payer-endpoints',
    {
      config: { access: { permission: 'claims.manage' } },
      schema: {
        tags,
        summary: 'Set the switch endpoint for a BIN/PCN',
        body: EndpointInput,
        response: jsonResponses,
      },
    },
    async (req) => ({ ...(await upsertPayerEndpoint(db, ctxOf(req), req.body)) }),
  );
  for (const [path, summary] of [
    ['summary', 'Claims by status, payer or reject code (?groupBy=, ?format=csv)'],
    ['reconciliation', 'Paid vs expected per claim, with totals (?format=csv)'],
  ] as const)
    app.get(
      `/api/claims-reports/${path}`,
      {
        config: { access: { permission: 'claims.reports' } },
        schema: {
          tags,
          summary,
          querystring: ReportQueryInput,
          response: { 200: z.unknown(), ...problemResponses },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const data =
          path === 'summary'
            ? { items: await claimsSummary(db, ctx, req.query) }
            : await reconciliation(db, ctx, req.query);
        if (req.query.format !== 'csv') return data;
        const rows = 'lines' in data ? data.lines : data.items;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="claims-${path}.csv"`)
          .send(toCsv(rows as unknown as Record<string, unknown>[]));
      },
    );
  registerPaRoutes(args);
}
