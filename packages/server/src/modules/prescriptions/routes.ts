import {
  availableActions,
  FILL_STATES,
  type FillState,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
} from '@apotheca/core/rx';
import { z } from 'zod';
import type { RegisterArgs } from '../../app';
import { appendAudit } from '../../platform/audit/audit';
import { ctxOf, IdParams, jsonResponses } from '../../platform/http';
import { requestRefill, runAutoRefill } from './refills';
import * as repo from './repository';
import { ActionInput, EntryInput, ManualPrescriptionInput } from './schema';
import { createManualPrescription, enterData, loadFill, overrideAlert } from './service';
import { act } from './workflow';

export function registerPrescriptionRoutes({ app, services }: RegisterArgs): void {
  const { db } = services.database;
  const tags = ['prescriptions'];

  app.post(
    '/api/prescriptions',
    {
      config: { access: { permission: 'prescriptions.intake' } },
      schema: {
        tags,
        summary: 'Intake of a written, phoned, faxed or transferred-in prescription (original attached)',
        body: ManualPrescriptionInput,
        response: jsonResponses,
      },
    },
    async (req, reply) => reply.status(201).send(await createManualPrescription(db, ctxOf(req), req.body)),
  );

  app.get(
    '/api/queue',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags,
        summary: 'Work queue: counts and oldest age per state, and the fills of one state',
        querystring: z.object({
          siteId: z.string().optional(),
          state: z.enum(FILL_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(10_000).default(200),
        }),
        response: jsonResponses,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      let sites = ctx.actor.sitesWith('prescriptions.read');
      if (req.query.siteId) {
        ctx.actor.require('prescriptions.read', req.query.siteId);
        sites = [req.query.siteId];
      }
      if (!sites.length) return { counts: {}, items: [] };
      const [counts, items] = await Promise.all([
        repo.queueCounts(db, sites),
        repo.queue(db, sites, req.query.state, req.query.limit),
      ]);
      const now = Date.now();
      return {
        counts: Object.fromEntries(
          counts.map((c) => [
            c.state,
            {
              count: Number(c.n),
              oldestMinutes: c.oldest ? Math.round((now - Date.parse(String(c.oldest))) / 60_000) : 0,
            },
          ]),
        ),
        items: items.map((i) => ({
          fillId: i.id,
          siteId: i.site_id,
          rxNumber: i.rx_number,
          fillNumber: i.fill_number,
          state: i.state,
          priority: i.priority,
          promisedAt: i.promised_at,
          ageMinutes: Math.round((now - Date.parse(i.state_changed_at)) / 60_000),
          drug: i.drug_description,
          schedule: i.schedule,
          origin: i.origin,
          patient: i.last_name ? `${i.last_name}, ${i.first_name}` : null,
          holdReason: i.hold_reason,
        })),
      };
    },
  );

  app.get(
    '/api/fills/:id',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags,
        summary: 'A fill with its prescription, alerts, overrides, scans and history (read audited)',
        params: IdParams,
        response: jsonResponses,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { fill, rx } = await loadFill(db, ctx, req.params.id);
      return db.transaction().execute(async (trx) => {
        const [events, overrides, scans, clarifications] = await Promise.all([
          trx.selectFrom('fill_events').selectAll().where('fill_id', '=', fill.id).orderBy('at').execute(),
          trx.selectFrom('screening_overrides').selectAll().where('fill_id', '=', fill.id).execute(),
          trx.selectFrom('scan_events').selectAll().where('fill_id', '=', fill.id).orderBy('at').execute(),
          trx
            .selectFrom('clarifications')
            .selectAll()
            .where('fill_id', '=', fill.id)
            .orderBy('asked_at')
            .execute(),
        ]);
        await appendAudit(trx, ctx, {
          action: 'fill.read',
          entityType: 'fill',
          entityId: fill.id,
          siteId: fill.site_id,
        });
        const roles = ctx.actor.rolesAt(fill.site_id);
        return {
          fill: {
            ...fill,
            screening: JSON.parse(fill.screening_json ?? '[]'),
            pickup: fill.pickup_json ? JSON.parse(fill.pickup_json) : null,
          },
          prescription: {
            ...rx,
            sig: rx.sig_json ? JSON.parse(rx.sig_json) : null,
            transfer: rx.transfer_json ? JSON.parse(rx.transfer_json) : null,
          },
          events,
          overrides,
          scans,
          clarifications,
          availableActions: availableActions(fill.state as FillState, roles),
        };
      });
    },
  );

  app.put(
    '/api/fills/:id/entry',
    {
      config: { access: { permission: 'prescriptions.enter' } },
      schema: {
        tags,
        summary:
          'Data entry: product, sig, quantity, days’ supply (computed), refills, DAW; runs law checks and screening',
        params: IdParams,
        body: EntryInput,
        response: jsonResponses,
      },
    },
    async (req) => enterData(db, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/fills/:id/overrides',
    {
      config: { access: { permission: 'prescriptions.override_alert' } },
      schema: {
        tags,
        summary: 'Pharmacist resolves a screening alert with a reason',
        params: IdParams,
        body: z.object({ alertId: z.string().min(1).max(200), reason: z.string().trim().min(3).max(1000) }),
        response: jsonResponses,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await overrideAlert(db, ctxOf(req), req.params.id, req.body.alertId, req.body.reason)),
  );

  app.post(
    '/api/fills/:id/actions/:action',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary: `Workflow step. Actions: ${TRANSITIONS.map((t) => `${t.action} (${t.from.join('/')} → ${t.to}; ${t.roles.join(', ')})`).join('; ')}`,
        params: IdParams.extend({ action: z.enum(WORKFLOW_ACTIONS) }),
        body: ActionInput,
        response: jsonResponses,
      },
    },
    async (req) => ({
      fill: await act(db, services.auth, ctxOf(req), req.params.id, req.params.action, req.body),
    }),
  );

  app.get(
    '/api/workflow',
    {
      config: { access: { authenticated: true } },
      schema: { tags, summary: 'The workflow state machine: states and transitions with roles' },
    },
    async () => ({ states: FILL_STATES, transitions: TRANSITIONS }),
  );

  app.post(
    '/api/prescriptions/:id/refills',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary:
          'Refill request (phone, web, counter): law, refill-too-soon and refills-left checked; no refills left → renewal request sent',
        params: IdParams,
        body: z.object({ source: z.enum(['phone', 'web', 'counter']).default('counter') }),
        response: jsonResponses,
      },
    },
    async (req, reply) =>
      reply.status(201).send({ fill: await requestRefill(db, ctxOf(req), req.params.id, req.body.source) }),
  );

  app.post(
    '/api/jobs/auto-refill',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary: 'Queue due refills of patients enrolled in auto-refill',
        response: jsonResponses,
      },
    },
    async (req) => runAutoRefill(db, ctxOf(req)),
  );
}
