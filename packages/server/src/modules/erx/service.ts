import {
  buildErrorReply,
  buildRxChangeRequest,
  buildRxRenewalRequest,
  buildStatus,
  deaScheduleOf,
  newMessageId,
  parseScriptMessage,
  replyTo,
  type ScriptMedication,
  type ScriptMessage,
} from '@apotheca/core/script';
import { parseSig } from '@apotheca/core/sig';
import type { Ctx } from '../../platform/actor';
import { appendAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { FillTable, PrescriptionTable } from '../../platform/db/schema-rx';
import { AppError, notFound } from '../../platform/errors';
import { publishFill } from '../../platform/events';
import { newId, nowIso } from '../../platform/ids';
import { productByNdc } from '../prescriptions/products';
import * as rxRepo from '../prescriptions/repository';
import { newFill } from '../prescriptions/service';
import { ingredientsOf, matchNewRx } from './match';
import { type ErxTransport, outboxTransport } from './transport';

export interface InboundResult {
  /** The SCRIPT reply (Status or Error) to return to the sender. */
  xml: string;
  outcome: 'accepted' | 'rejected' | 'duplicate';
  messageType: string;
  prescriptionId?: string;
  fillId?: string;
}

const SCHEDULE: Record<string, 'CII' | 'CIII' | 'CIV' | 'CV'> = {
  II: 'CII',
  III: 'CIII',
  IV: 'CIV',
  V: 'CV',
};

async function siteForMessage(db: Db, ctx: Ctx, to: string | undefined, siteHint?: string) {
  const candidates = ctx.actor.sitesWith('erx.receive');
  if (siteHint) {
    const s = await db
      .selectFrom('sites')
      .select(['id', 'ncpdp_id', 'code'])
      .where((eb) => eb.or([eb('id', '=', siteHint), eb('code', '=', siteHint)]))
      .executeTakeFirst();
    return s && candidates.includes(s.id) ? s : undefined;
  }
  if (!to || !candidates.length) return undefined;
  return db
    .selectFrom('sites')
    .select(['id', 'ncpdp_id', 'code'])
    .where('ncpdp_id', '=', to)
    .where('id', 'in', candidates)
    .executeTakeFirst();
}

function errorReply(
  to: string,
  from: string,
  relatesTo: string | undefined,
  code: string,
  description: string,
) {
  return buildErrorReply(
    {
      ok: false,
      error: { code, description },
      header: { to: from, from: to, ...(relatesTo ? { messageId: relatesTo } : {}) },
    },
    from,
  );
}

/**
 * Inbound NCPDP SCRIPT 2017071: every message is answered with a SCRIPT Status or Error — never an exception.
 * NewRx creates a prescription in intake (patient/prescriber/product matched or proposed; unknown ones wait for the
 * technician, they are never bounced back); CancelRx cancels an unfilled prescription or flags a filled one;
 * RxRenewalResponse and RxChangeResponse update the prescription they answer. The raw XML is kept verbatim.
 */
export async function receiveInbound(
  db: Db,
  ctx: Ctx,
  xml: string,
  siteHint?: string,
): Promise<InboundResult> {
  const parsed = parseScriptMessage(xml);
  if (!parsed.ok)
    return { xml: buildErrorReply(parsed, 'APOTHECA'), outcome: 'rejected', messageType: 'unknown' };
  const m = parsed.message;
  const site = await siteForMessage(db, ctx, m.header.to, siteHint);
  const ownId = site?.ncpdp_id ?? m.header.to;
  if (!site)
    return {
      xml: errorReply(ownId, m.header.from, m.header.messageId, '900', 'Receiving pharmacy unknown'),
      outcome: 'rejected',
      messageType: m.type,
    };
  const dup = await db
    .selectFrom('erx_messages')
    .select(['prescription_id'])
    .where('direction', '=', 'in')
    .where('message_id', '=', m.header.messageId)
    .where('site_id', '=', site.id)
    .executeTakeFirst();
  const ok = () => buildStatus({ ...replyTo(m.header), code: '010' });
  if (dup)
    return {
      xml: ok(),
      outcome: 'duplicate',
      messageType: m.type,
      ...(dup.prescription_id ? { prescriptionId: dup.prescription_id } : {}),
    };
  try {
    const res = await db.transaction().execute(async (trx) => {
      const messageRowId = newId();
      const record = async (prescriptionId: string | null, status: string) =>
        trx
          .insertInto('erx_messages')
          .values({
            id: messageRowId,
            site_id: site.id,
            direction: 'in',
            message_type: m.type,
            message_id: m.header.messageId,
            relates_to: m.header.relatesToMessageId ?? null,
            raw: xml,
            parsed_json: JSON.stringify(m),
            status,
            prescription_id: prescriptionId,
            at: nowIso(),
          })
          .execute();
      const handled = await handle(trx, site.id, m, messageRowId);
      await record(handled.prescriptionId ?? null, handled.status);
      await appendAudit(trx, ctx, {
        action: `erx.${m.type}`,
        entityType: 'prescription',
        entityId: handled.prescriptionId ?? null,
        siteId: site.id,
        after: { messageId: m.header.messageId, outcome: handled.status },
      });
      return handled;
    });
    if (res.error)
      return {
        xml: errorReply(ownId, m.header.from, m.header.messageId, '900', res.error),
        outcome: 'rejected',
        messageType: m.type,
      };
    if (res.fillId) publishFill({ id: res.fillId, site_id: site.id, state: 'intake' }, `erx.${m.type}`);
    return {
      xml: ok(),
      outcome: 'accepted',
      messageType: m.type,
      ...(res.prescriptionId ? { prescriptionId: res.prescriptionId } : {}),
      ...(res.fillId ? { fillId: res.fillId } : {}),
    };
  } catch (err) {
    // Our own failure: SCRIPT 600-series asks the sender to retry later. Never leak internals.
    const message =
      err instanceof AppError ? err.message : 'Receiver could not process the message; retry later';
    return {
      xml: errorReply(ownId, m.header.from, m.header.messageId, '602', message.slice(0, 70)),
      outcome: 'rejected',
      messageType: m.type,
    };
  }
}

interface Handled {
  status: string;
  prescriptionId?: string;
  fillId?: string;
  error?: string;
}

async function rxOfNewRx(
  trx: Db,
  siteId: string,
  prescriberOrderNumber?: string,
  relatesTo?: string,
): Promise<PrescriptionTable | undefined> {
  const rows = await trx
    .selectFrom('erx_messages')
    .select(['prescription_id', 'parsed_json', 'message_id'])
    .where('site_id', '=', siteId)
    .where('prescription_id', 'is not', null)
    .execute();
  const hit = rows.find(
    (r) =>
      (relatesTo && r.message_id === relatesTo) ||
      (prescriberOrderNumber &&
        (JSON.parse(r.parsed_json ?? '{}') as ScriptMessage).header?.prescriberOrderNumber ===
          prescriberOrderNumber),
  );
  return hit?.prescription_id
    ? trx.selectFrom('prescriptions').selectAll().where('id', '=', hit.prescription_id).executeTakeFirst()
    : undefined;
}

async function prescriptionFromMedication(
  trx: Db,
  siteId: string,
  med: ScriptMedication,
  patientId: string | null,
  prescriberId: string | null,
  ndc11: string | null,
  proposed: unknown,
  erxMessageId: string | null,
) {
  const product = ndc11 ? await productByNdc(trx, ndc11) : undefined;
  const at = nowIso();
  const dea = med.deaScheduleCode ? deaScheduleOf(med.deaScheduleCode) : undefined;
  const rx: PrescriptionTable = {
    id: newId(),
    site_id: siteId,
    rx_number: await rxRepo.nextCounter(trx, siteId, 'rx_number'),
    patient_id: patientId,
    prescriber_id: prescriberId,
    origin: 'erx',
    status: 'active',
    drug_description: med.drugDescription,
    ndc11: product?.ndc11 ?? null,
    rxcui: med.drugDbCode?.code ?? null,
    ingredients_json: JSON.stringify(product?.ingredients ?? ingredientsOf(med.drugDescription)),
    schedule: product?.schedule ?? (dea ? (SCHEDULE[dea] ?? null) : null),
    sig_text: med.sigText ?? null,
    sig_json: med.sigText ? JSON.stringify(parseSig(med.sigText)) : null,
    quantity: med.quantity ? Number(med.quantity.value) : null,
    quantity_unit: med.quantity?.unitOfMeasureCode ?? null,
    days_supply: med.daysSupply ?? null,
    refills_authorized: med.numberOfRefills ?? 0,
    daw: med.substitutions === '1' ? '1' : '0',
    written_date: (med.writtenDate ?? at).slice(0, 10),
    expires_on: null,
    notes: med.note ?? null,
    erx_message_id: erxMessageId,
    document_id: null,
    proposed_json: JSON.stringify(proposed),
    transfer_json: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await rxRepo.insertPrescription(trx, rx);
  const fill = newFill(rx, 0, 'intake');
  await rxRepo.insertFill(trx, fill);
  return { rx, fill };
}

/** A fill moved by a prescriber's message (no user acted): kept in the workflow history like any transition. */
async function moveFill(trx: Db, f: FillTable, to: string, action: string, reason: string) {
  const at = nowIso();
  await rxRepo.updateFill(trx, f, { state: to, previous_state: f.state, state_changed_at: at });
  await trx
    .insertInto('fill_events')
    .values({
      id: newId(),
      site_id: f.site_id,
      fill_id: f.id,
      action,
      from_state: f.state,
      to_state: to,
      user_id: null,
      reason,
      at,
    })
    .execute();
}

async function handle(trx: Db, siteId: string, m: ScriptMessage, messageRowId: string): Promise<Handled> {
  switch (m.type) {
    case 'NewRx': {
      const proposal = await matchNewRx(trx, siteId, m.body);
      const { rx, fill } = await prescriptionFromMedication(
        trx,
        siteId,
        m.body.medication,
        proposal.patient.id,
        proposal.prescriber.id,
        proposal.product.ndc11,
        { ...proposal, patientAsSent: m.body.patient, prescriberAsSent: m.body.prescriber },
        messageRowId,
      );
      return { status: 'accepted', prescriptionId: rx.id, fillId: fill.id };
    }
    case 'CancelRx': {
      const rx = await rxOfNewRx(
        trx,
        siteId,
        m.body.references.prescriberOrderNumber ?? m.header.prescriberOrderNumber,
        m.header.relatesToMessageId,
      );
      if (!rx) return { status: 'rejected', error: 'No prescription matches this CancelRx' };
      const fills = await rxRepo.fillsOfPrescription(trx, rx.id);
      const dispensed = fills.some(
        (f) => ['final_verification', 'ready', 'sold'].includes(f.state) || f.dispensed_at,
      );
      for (const f of fills.filter((x) =>
        ['intake', 'data_entry', 'data_verification', 'claim', 'fill', 'on_hold', 'clarification'].includes(
          x.state,
        ),
      ))
        await moveFill(trx, f, 'cancelled', 'erx_cancel', 'CancelRx from the prescriber');
      await rxRepo.updatePrescription(
        trx,
        rx,
        dispensed
          ? {
              status: 'cancel_requested',
              notes:
                `${rx.notes ?? ''}\nCancelRx received after dispensing — contact the prescriber and patient.`.trim(),
            }
          : { status: 'cancelled' },
      );
      return { status: dispensed ? 'flagged' : 'cancelled', prescriptionId: rx.id };
    }
    case 'RxRenewalResponse':
    case 'RxChangeResponse': {
      const request = m.header.relatesToMessageId
        ? await trx
            .selectFrom('erx_messages')
            .select(['prescription_id'])
            .where('direction', '=', 'out')
            .where('message_id', '=', m.header.relatesToMessageId)
            .executeTakeFirst()
        : undefined;
      const rx = request?.prescription_id
        ? await trx
            .selectFrom('prescriptions')
            .selectAll()
            .where('id', '=', request.prescription_id)
            .executeTakeFirst()
        : undefined;
      if (!rx)
        return {
          status: 'rejected',
          error: `No ${m.type === 'RxRenewalResponse' ? 'renewal' : 'change'} request matches`,
        };
      const outcome = m.body.response.kind;
      if (outcome === 'Denied') return { status: `denied`, prescriptionId: rx.id };
      if (m.type === 'RxRenewalResponse') {
        // An approved renewal is a new prescription (new written date and refills), linked to this message.
        const med = m.body.medication ?? {
          drugDescription: rx.drug_description,
          diagnoses: [],
          ...(rx.sig_text ? { sigText: rx.sig_text } : {}),
        };
        const { rx: renewed, fill } = await prescriptionFromMedication(
          trx,
          rx.site_id,
          med,
          rx.patient_id,
          rx.prescriber_id,
          rx.ndc11,
          { renewalOf: rx.id },
          messageRowId,
        );
        await rxRepo.updatePrescription(trx, rx, { status: 'inactive' });
        return { status: outcome.toLowerCase(), prescriptionId: renewed.id, fillId: fill.id };
      }
      const med = m.body.medication;
      if (med) {
        const ndc = med.productCode?.code.replace(/\D/g, '');
        const product = ndc ? await productByNdc(trx, ndc) : undefined;
        await rxRepo.updatePrescription(trx, rx, {
          drug_description: med.drugDescription,
          ...(product
            ? {
                ndc11: product.ndc11,
                ingredients_json: JSON.stringify(product.ingredients),
                schedule: product.schedule,
              }
            : {}),
          ...(med.sigText ? { sig_text: med.sigText, sig_json: JSON.stringify(parseSig(med.sigText)) } : {}),
          ...(med.quantity ? { quantity: Number(med.quantity.value) } : {}),
        });
      }
      // The changed prescription goes back through data entry and verification.
      for (const f of await rxRepo.fillsOfPrescription(trx, rx.id))
        if (['clarification', 'on_hold', 'data_verification', 'claim', 'fill'].includes(f.state))
          await moveFill(trx, f, 'data_entry', 'erx_change', 'RxChangeResponse: the prescriber changed it');
      return { status: outcome.toLowerCase(), prescriptionId: rx.id };
    }
    default:
      return { status: 'rejected', error: `${m.type} is not accepted at this endpoint` };
  }
}

async function scriptParties(db: Db, rx: PrescriptionTable) {
  const [site, patient, prescriber] = await Promise.all([
    db.selectFrom('sites').selectAll().where('id', '=', rx.site_id).executeTakeFirstOrThrow(),
    rx.patient_id
      ? db.selectFrom('patients').selectAll().where('id', '=', rx.patient_id).executeTakeFirst()
      : undefined,
    rx.prescriber_id
      ? db.selectFrom('prescribers').selectAll().where('id', '=', rx.prescriber_id).executeTakeFirst()
      : undefined,
  ]);
  if (!patient || !prescriber)
    throw new AppError(409, 'entry_incomplete', 'The prescription needs a matched patient and prescriber');
  const gender = patient.sex === 'female' ? 'F' : patient.sex === 'male' ? 'M' : 'U';
  return {
    site,
    patient: {
      name: { lastName: patient.last_name, firstName: patient.first_name },
      gender,
      dateOfBirth: patient.birth_date,
      identifiers: { medicalRecordNumber: patient.mrn },
    } as const,
    pharmacy: {
      businessName: site.name,
      ...(site.ncpdp_id ? { ncpdpId: site.ncpdp_id } : {}),
      ...(site.npi ? { npi: site.npi } : {}),
    },
    prescriber: {
      name: { lastName: prescriber.last_name, firstName: prescriber.first_name },
      npi: prescriber.npi,
      ...(prescriber.dea_number ? { deaNumber: prescriber.dea_number } : {}),
    },
    prescriberTo: prescriber.npi,
  };
}

const medicationOf = (rx: PrescriptionTable): ScriptMedication => ({
  drugDescription: rx.drug_description,
  ...(rx.ndc11 ? { productCode: { code: rx.ndc11, qualifier: 'ND' } } : {}),
  ...(rx.sig_text ? { sigText: rx.sig_text } : {}),
  ...(rx.days_supply ? { daysSupply: rx.days_supply } : {}),
  ...(rx.quantity
    ? { quantity: { value: String(rx.quantity), codeListQualifier: '38', unitOfMeasureCode: 'C38046' } }
    : {}),
  writtenDate: rx.written_date,
  numberOfRefills: rx.refills_authorized,
  substitutions: rx.daw === '1' ? '1' : '0',
  diagnoses: [],
});

/** Outbound RxRenewalRequest when no refills remain: generated from the prescription, sent through the transport. */
export async function requestRenewal(
  db: Db,
  ctx: Ctx,
  prescriptionId: string,
  transport: ErxTransport = outboxTransport,
) {
  const rx = await rxRepo.findPrescription(db, prescriptionId, ctx.actor.sitesWith('prescriptions.act'));
  if (!rx) throw notFound('Prescription');
  const p = await scriptParties(db, rx);
  const messageId = newMessageId();
  const xml = buildRxRenewalRequest({
    header: {
      to: p.prescriberTo,
      from: p.site.ncpdp_id ?? p.site.code,
      messageId,
      rxReferenceNumber: String(rx.rx_number),
    },
    body: {
      patient: p.patient,
      pharmacy: p.pharmacy,
      prescriber: p.prescriber,
      medicationPrescribed: medicationOf(rx),
    },
  });
  return db.transaction().execute(async (trx) => {
    const id = await transport.send(trx, {
      siteId: rx.site_id,
      messageType: 'RxRenewalRequest',
      messageId,
      xml,
      prescriptionId: rx.id,
    });
    await appendAudit(trx, ctx, {
      action: 'erx.RxRenewalRequest',
      entityType: 'prescription',
      entityId: rx.id,
      siteId: rx.site_id,
      after: { messageId },
    });
    return { id, messageId, xml };
  });
}

/** Outbound RxChangeRequest (e.g. G generic substitution, T therapeutic interchange, P prior authorization). */
export async function requestChange(
  db: Db,
  ctx: Ctx,
  prescriptionId: string,
  input: { requestCode: string; requested: { drugDescription: string; ndc11?: string }; note?: string },
  transport: ErxTransport = outboxTransport,
) {
  const rx = await rxRepo.findPrescription(db, prescriptionId, ctx.actor.sitesWith('prescriptions.act'));
  if (!rx) throw notFound('Prescription');
  const p = await scriptParties(db, rx);
  const messageId = newMessageId();
  const xml = buildRxChangeRequest({
    header: {
      to: p.prescriberTo,
      from: p.site.ncpdp_id ?? p.site.code,
      messageId,
      rxReferenceNumber: String(rx.rx_number),
    },
    body: {
      requestCode: input.requestCode,
      requestSubCodes: [],
      patient: p.patient,
      pharmacy: p.pharmacy,
      prescriber: p.prescriber,
      medicationPrescribed: medicationOf(rx),
      medicationRequested: [
        {
          ...medicationOf(rx),
          drugDescription: input.requested.drugDescription,
          ...(input.requested.ndc11 ? { productCode: { code: input.requested.ndc11, qualifier: 'ND' } } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
      ],
    },
  });
  return db.transaction().execute(async (trx) => {
    const id = await transport.send(trx, {
      siteId: rx.site_id,
      messageType: 'RxChangeRequest',
      messageId,
      xml,
      prescriptionId: rx.id,
    });
    await appendAudit(trx, ctx, {
      action: 'erx.RxChangeRequest',
      entityType: 'prescription',
      entityId: rx.id,
      siteId: rx.site_id,
      after: { messageId, requestCode: input.requestCode },
    });
    return { id, messageId, xml };
  });
}
