// Builders: typed messages out as SCRIPT 2017071 XML that parseScriptMessage reads back unchanged.
import { medicationEl, patientEl, pharmacyEl, prescriberEl } from './build-parts';
import { SCRIPT_2017071_VERSION_ATTRIBUTES, SCRIPT_LIMITS, SCRIPT_NAMESPACE } from './codes';
import type {
  CancelRxBody,
  NewRxBody,
  RxChangeRequestBody,
  RxRenewalRequestBody,
  ScriptHeader,
  ScriptMessage,
  ScriptResponseOutcome,
  StatusBody,
} from './types';
import { el, marker, type XEl, xmlDocument } from './xml-write';

/** Header as builders take it: MessageID and SentTime are generated when left out. */
export type ScriptHeaderInput = Omit<ScriptHeader, 'messageId' | 'sentTime'> & {
  messageId?: string;
  sentTime?: string;
};

type Distribute<M> = M extends { header: ScriptHeader; type: infer T; body: infer B }
  ? { header: ScriptHeaderInput; type: T; body: B }
  : never;
/** A ScriptMessage whose header may omit MessageID and SentTime. */
export type ScriptMessageInput = Distribute<ScriptMessage>;

interface CryptoLike {
  randomUUID?: () => string;
}

/** A fresh MessageID (UUID when the runtime provides one). */
export function newMessageId(): string {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function headerEl(h: ScriptHeaderInput): XEl | undefined {
  const sw = h.senderSoftware;
  return el('Header', [
    el('To', h.to, { Qualifier: h.toQualifier }),
    el('From', h.from, { Qualifier: h.fromQualifier }),
    el('MessageID', h.messageId ?? newMessageId()),
    el('RelatesToMessageID', h.relatesToMessageId),
    el('SentTime', h.sentTime ?? new Date().toISOString()),
    sw &&
      el('SenderSoftware', [
        el('SenderSoftwareDeveloper', sw.developer),
        el('SenderSoftwareProduct', sw.product),
        el('SenderSoftwareVersionRelease', sw.versionRelease),
      ]),
    el('RxReferenceNumber', h.rxReferenceNumber),
    el('PrescriberOrderNumber', h.prescriberOrderNumber),
  ]);
}

function outcomeEl(o: ScriptResponseOutcome): XEl {
  const reasons = 'reasonCodes' in o ? o.reasonCodes.map((r) => el('ReasonCode', r)) : [];
  switch (o.kind) {
    case 'Denied':
      return marker(o.kind, [
        ...reasons,
        el('ReferenceNumber', o.referenceNumber),
        el('DenialReason', o.denialReason),
      ]);
    case 'Validated':
      return marker(o.kind, [...reasons, el('Note', o.note)]);
    default:
      return marker(o.kind, [el('Note', o.note)]);
  }
}

function statusEls(b: StatusBody): (XEl | undefined)[] {
  const description = b.description?.slice(0, SCRIPT_LIMITS.maxDescription);
  return [
    el('Code', b.code),
    ...b.descriptionCodes.map((d) => el('DescriptionCode', d)),
    el('Description', description),
  ];
}

function bodyEl(m: ScriptMessageInput): XEl | undefined {
  switch (m.type) {
    case 'NewRx':
    case 'CancelRx': {
      const b = m.body;
      return el(m.type, [
        patientEl(b.patient),
        pharmacyEl(b.pharmacy),
        prescriberEl(b.prescriber),
        medicationEl('MedicationPrescribed', b.medication),
      ]);
    }
    case 'CancelRxResponse':
      return el(m.type, [el('Response', [outcomeEl(m.body.response)])]);
    case 'RxRenewalRequest': {
      const b = m.body;
      return el(m.type, [
        patientEl(b.patient),
        pharmacyEl(b.pharmacy),
        prescriberEl(b.prescriber),
        b.medicationDispensed && medicationEl('MedicationDispensed', b.medicationDispensed),
        medicationEl('MedicationPrescribed', b.medicationPrescribed),
      ]);
    }
    case 'RxRenewalResponse':
    case 'RxChangeResponse': {
      const b = m.body;
      return el(m.type, [
        el('Response', [outcomeEl(b.response)]),
        patientEl(b.patient),
        pharmacyEl(b.pharmacy),
        prescriberEl(b.prescriber),
        b.medication && medicationEl('MedicationPrescribed', b.medication),
      ]);
    }
    case 'RxChangeRequest': {
      const b = m.body;
      return el(m.type, [
        el('MessageRequestCode', b.requestCode),
        ...b.requestSubCodes.map((c) => el('MessageRequestSubCode', c)),
        patientEl(b.patient),
        pharmacyEl(b.pharmacy),
        prescriberEl(b.prescriber),
        medicationEl('MedicationPrescribed', b.medicationPrescribed),
        ...b.medicationRequested.map((r) => medicationEl('MedicationRequested', r)),
      ]);
    }
    case 'Status':
    case 'Error':
      return el(m.type, statusEls(m.body));
    case 'Verify':
      return el('Verify', [el('VerifyStatus', statusEls(m.body))]);
  }
}

/** Any supported message as a SCRIPT 2017071 document (Message with xmlns and version attributes). */
export function buildScriptMessage(m: ScriptMessageInput): string {
  const root = el('Message', [headerEl(m.header), el('Body', [bodyEl(m)])], {
    xmlns: SCRIPT_NAMESPACE,
    ...SCRIPT_2017071_VERSION_ATTRIBUTES,
  });
  // root always has a Header (To/From are strings), so el() cannot return undefined here.
  return xmlDocument(root ?? { name: 'Message', content: [] });
}

export function buildNewRx(input: { header: ScriptHeaderInput; body: NewRxBody }): string {
  return buildScriptMessage({ ...input, type: 'NewRx' });
}

export function buildCancelRx(input: { header: ScriptHeaderInput; body: CancelRxBody }): string {
  const { references } = input.body;
  const header = {
    ...input.header,
    prescriberOrderNumber: input.header.prescriberOrderNumber ?? references.prescriberOrderNumber,
    rxReferenceNumber: input.header.rxReferenceNumber ?? references.rxReferenceNumber,
  };
  return buildScriptMessage({ header, body: input.body, type: 'CancelRx' });
}

/** Outbound renewal request for a prescription with no refills left (pharmacy → prescriber). */
export function buildRxRenewalRequest(input: {
  header: ScriptHeaderInput;
  body: RxRenewalRequestBody;
}): string {
  return buildScriptMessage({ ...input, type: 'RxRenewalRequest' });
}

/** Outbound change request (generic/therapeutic substitution, prior authorization, …). */
export function buildRxChangeRequest(input: {
  header: ScriptHeaderInput;
  body: RxChangeRequestBody;
}): string {
  return buildScriptMessage({ ...input, type: 'RxChangeRequest' });
}

export interface ReplyInput {
  to: string;
  toQualifier?: string;
  from: string;
  fromQualifier?: string;
  relatesToMessageId: string;
  messageId?: string;
  sentTime?: string;
  /** PrescriberOrderNumber / RxReferenceNumber of the message being answered, echoed back. */
  prescriberOrderNumber?: string;
  rxReferenceNumber?: string;
}

/** Status reply: '000' transmission successful, '010' accepted by ultimate receiver. */
export function buildStatus(
  input: ReplyInput & { code: string; description?: string; descriptionCodes?: string[] },
): string {
  const { code, description, descriptionCodes, ...header } = input;
  return buildScriptMessage({
    header,
    type: 'Status',
    body: { code, descriptionCodes: descriptionCodes ?? [], description },
  });
}

/** Error reply: code 600/601/602/900, optional DescriptionCode, Description truncated to 70 characters. */
export function buildError(
  input: Omit<ReplyInput, 'relatesToMessageId'> & {
    relatesToMessageId?: string;
    code: string;
    descriptionCode?: string;
    description: string;
  },
): string {
  const { code, descriptionCode, description, ...header } = input;
  return buildScriptMessage({
    header,
    type: 'Error',
    body: { code, descriptionCodes: descriptionCode ? [descriptionCode] : [], description },
  });
}
