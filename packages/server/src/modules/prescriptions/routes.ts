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
import { notFound } from '../../platform/errors';
import { ctxOf, IdParams, jsonResponses } from '../../platform/http';
import { previewLabel } from '../labels/service';
import { runReturnToStock, sellBag } from './jobs';
import { requestRefill, runAutoRefill } from './refills';
import * as repo from './repository';
import { ActionInput, EntryInput, ManualPrescriptionInput } from './schema';
import { createManualPrescription, enterData, loadFill, overrideAlert } from './service';
import { transferOut } from './transfers';
import { fillContext, labelForFill } from './views';
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
          patientId: i.patient_id,
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
          asWritten: (JSON.parse(rx.proposed_json ?? '{}') as { asWritten?: unknown }).asWritten ?? null,
          context: await fillContext(trx, rx, fill),
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

  app.get(
    '/api/fills/:id/label',
    {
      config: { access: { permission: 'labels.print' } },
      schema: {
        tags,
        summary: 'The prescription label of a filled prescription (PDF, or ZPL with ?format=zpl)',
        params: IdParams,
        querystring: z.object({ format: z.enum(['pdf', 'zpl']).default('pdf') }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { fill, rx } = await loadFill(db, ctx, req.params.id);
      ctx.actor.require('labels.print', fill.site_id, 'Prescription fill');
      const data = await labelForFill(db, ctx, fill, rx);
      const out = await previewLabel(ctx, data, req.query.format);
      return reply.type(out.contentType).send(out.body);
    },
  );

  app.get(
    '/api/documents/:id',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags,
        summary: 'A stored document (scanned original prescription), as uploaded',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const sites = ctx.actor.sitesWith('prescriptions.read');
      const doc = sites.length
        ? await db
            .selectFrom('documents')
            .selectAll()
            .where('id', '=', req.params.id)
            .where('site_id', 'in', sites)
            .executeTakeFirst()
        : undefined;
      if (!doc) throw notFound('Document');
      await db.transaction().execute((trx) =>
        appendAudit(trx, ctx, {
          action: 'document.read',
          entityType: 'document',
          entityId: doc.id,
          siteId: doc.site_id,
        }),
      );
      return reply
        .type(doc.content_type)
        .header(
          'content-disposition',
          `inline; filename="${(doc.filename ?? 'original').replace(/[^\w.-]/g, '_')}"`,
        )
        .send(Buffer.from(doc.content_base64, 'base64'));
    },
  );

  app.get(
    '/api/patients/:id/prescriptions',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags,
        summary: 'Medication history: the patient’s prescriptions with their fills',
        params: IdParams,
        response: jsonResponses,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const sites = ctx.actor.sitesWith('prescriptions.read');
      const patient = sites.length
        ? await db
            .selectFrom('patients')
            .select(['id', 'site_id'])
            .where('id', '=', req.params.id)
            .where('site_id', 'in', sites)
            .executeTakeFirst()
        : undefined;
      if (!patient) throw notFound('Patient');
      const rxs = await db
        .selectFrom('prescriptions')
        .selectAll()
        .where('patient_id', '=', patient.id)
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      const fills = rxs.length
        ? await db
            .selectFrom('fills')
            .select([
              'id',
              'prescription_id',
              'fill_number',
              'state',
              'dispensed_at',
              'sold_at',
              'quantity',
              'days_supply',
              'ndc11_dispensed',
              'lot',
            ])
            .where(
              'prescription_id',
              'in',
              rxs.map((r) => r.id),
            )
            .orderBy('fill_number')
            .execute()
        : [];
      return {
        items: rxs.map((r) => ({
          id: r.id,
          rxNumber: r.rx_number,
          status: r.status,
          drug: r.drug_description,
          ndc11: r.ndc11,
          schedule: r.schedule,
          sig: r.sig_text,
          quantity: r.quantity,
          daysSupply: r.days_supply,
          refillsAuthorized: r.refills_authorized,
          writtenDate: r.written_date,
          origin: r.origin,
          fills: fills.filter((f) => f.prescription_id === r.id),
        })),
      };
    },
  );

  app.post(
    '/api/prescriptions/:id/transfer-out',
    {
      config: { access: { permission: 'prescriptions.transfer_out' } },
      schema: {
        tags,
        summary:
          'Transfer a prescription to another pharmacy (pharmacist to pharmacist; 21 CFR 1306.25 record)',
        params: IdParams,
        body: z.object({
          pharmacyName: z.string().trim().min(2).max(200),
          pharmacyAddress: z.string().trim().min(5).max(300),
          pharmacyDea: z.string().trim().max(20).optional(),
          pharmacyPhone: z.string().trim().max(30).optional(),
          receivingPharmacist: z.string().trim().min(2).max(120),
        }),
        response: jsonResponses,
      },
    },
    async (req) => transferOut(db, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/prescriptions',
    {
      config: { access: { permission: 'prescriptions.read' } },
      schema: {
        tags,
        summary: 'Find prescriptions by Rx number (any state, at the caller’s sites) with their latest fill',
        querystring: z.object({
          rxNumber: z.coerce.number().int().positive().describe('Prescription (Rx) number'),
          siteId: z.string().optional(),
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
      if (!sites.length) return { items: [] };
      const rows = await db
        .selectFrom('prescriptions as p')
        .leftJoin('patients as pt', 'pt.id', 'p.patient_id')
        .select([
          'p.id',
          'p.site_id',
          'p.rx_number',
          'p.status',
          'p.drug_description',
          'p.patient_id',
          'pt.first_name',
          'pt.last_name',
        ])
        .where('p.rx_number', '=', req.query.rxNumber)
        .where('p.site_id', 'in', sites)
        .execute();
      const fills = rows.length
        ? await db
            .selectFrom('fills')
            .select(['id', 'prescription_id', 'fill_number', 'state'])
            .where(
              'prescription_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('fill_number', 'desc')
            .execute()
        : [];
      return {
        items: rows.map((r) => {
          const latest = fills.find((f) => f.prescription_id === r.id);
          return {
            prescriptionId: r.id,
            siteId: r.site_id,
            rxNumber: r.rx_number,
            status: r.status,
            drug: r.drug_description,
            patientId: r.patient_id,
            patient: r.last_name ? `${r.last_name}, ${r.first_name}` : null,
            latestFill: latest
              ? { fillId: latest.id, fillNumber: latest.fill_number, state: latest.state }
              : null,
          };
        }),
      };
    },
  );

  app.post(
    '/api/jobs/return-to-stock',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary:
          'Return to stock every fill left in ready longer than the given days (stock back, claim reversed)',
        body: z.object({
          days: z
            .number()
            .int()
            .min(1)
            .max(90)
            .optional()
            .describe('Default APOTHECA_RETURN_TO_STOCK_DAYS (14)'),
        }),
        response: jsonResponses,
      },
    },
    async (req) => runReturnToStock(db, services.auth, ctxOf(req), req.body.days),
  );

  app.post(
    '/api/pickups',
    {
      config: { access: { permission: 'prescriptions.act' } },
      schema: {
        tags,
        summary: 'Pick up several prescriptions in one bag (one identity check and signature)',
        body: z.object({
          fillIds: z.array(z.string().min(1)).min(1).max(20),
          pickup: ActionInput.shape.pickup.unwrap(),
        }),
        response: jsonResponses,
      },
    },
    async (req) => sellBag(db, services.auth, ctxOf(req), req.body.fillIds, req.body.pickup),
  );
}
