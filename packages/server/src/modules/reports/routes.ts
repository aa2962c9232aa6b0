import type { RegisterArgs } from '../../app';
import { ctxOf, problemResponses } from '../../platform/http';
import { claimsReport } from './claims';
import {
  ClaimsReportOut,
  ClaimsReportQuery,
  StockReportOut,
  StockReportQuery,
  WorkflowReportOut,
  WorkflowReportQuery,
} from './schema';
import { stockReport } from './stock';
import { workflowReport } from './workflow';

/** Read-only summaries for the dashboard, one site at a time (docs/reports.md). */
export function registerReportsRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['reports'];
  app.get(
    '/api/reports/workflow',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags,
        summary:
          'Prescriptions per hour by state (fills entering each workflow state per clock hour) and queue ages now',
        querystring: WorkflowReportQuery,
        response: { 200: WorkflowReportOut, ...problemResponses },
      },
    },
    async (req) => workflowReport(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/reports/claims',
    {
      config: { access: { permission: 'claims.read' } },
      schema: {
        tags,
        summary: 'Claims submitted, paid and rejected, and reject rates, per payer and per reject code',
        querystring: ClaimsReportQuery,
        response: { 200: ClaimsReportOut, ...problemResponses },
      },
    },
    async (req) => claimsReport(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/reports/stock',
    {
      config: { access: { permission: 'inventory.read' } },
      schema: {
        tags,
        summary: 'Stock-outs and expired or expiring lots, with drug name, strength, form, location and lot',
        querystring: StockReportQuery,
        response: { 200: StockReportOut, ...problemResponses },
      },
    },
    async (req) => stockReport(db, ctxOf(req), req.query),
  );
}
