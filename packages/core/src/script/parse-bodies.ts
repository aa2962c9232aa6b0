// One reader per transaction. Each receives the transaction element (e.g. Message/Body/NewRx).
import { readMedication } from './parse-medication';
import { compact, readPatient, readPharmacy, readPrescriber } from './parse-parties';
import { type Cursor, fail, missing, shortPath } from './read';
import type {
  CancelRxBody,
  CancelRxResponseBody,
  NewRxBody,
  RxChangeRequestBody,
  RxChangeResponseBody,
  RxRenewalRequestBody,
  RxRenewalResponseBody,
  ScriptHeader,
  ScriptResponseOutcome,
  StatusBody,
} from './types';

export function readNewRx(t: Cursor): NewRxBody {
  return {
    patient: readPatient(t),
    pharmacy: readPharmacy(t),
    prescriber: readPrescriber(t),
    medication: readMedication(t.req('MedicationPrescribed'), true),
  };
}

export function readCancelRx(t: Cursor, header: ScriptHeader, headerPath: string): CancelRxBody {
  const references = compact({
    prescriberOrderNumber: header.prescriberOrderNumber,
    rxReferenceNumber: header.rxReferenceNumber,
  });
  // A cancel must say which prescription it cancels.
  if (!references.prescriberOrderNumber && !references.rxReferenceNumber)
    missing(`${headerPath}/PrescriberOrderNumber`);
  return {
    references,
    patient: readPatient(t),
    pharmacy: readPharmacy(t),
    prescriber: readPrescriber(t),
    medication: readMedication(t.req('MedicationPrescribed'), false),
  };
}

type OutcomeKind = ScriptResponseOutcome['kind'];

function readOutcome(t: Cursor, allowed: readonly OutcomeKind[]): ScriptResponseOutcome {
  const response = t.req('Response');
  const present = response.childNames().filter((n) => (allowed as readonly string[]).includes(n));
  if (present.length === 0) missing(`${response.path}/${allowed.join('|')}`);
  if (present.length > 1)
    fail(response.path, `${shortPath(response.path)} must hold exactly one of ${allowed.join(', ')}`);
  const kind = present[0] as OutcomeKind;
  const c = response.req(kind);
  const reasonCodes = () =>
    c
      .list('ReasonCode', 10)
      .map((r) => r.text())
      .filter(Boolean);
  switch (kind) {
    case 'Denied':
      return compact({
        kind,
        reasonCodes: reasonCodes(),
        denialReason: c.opt('DenialReason'),
        referenceNumber: c.opt('ReferenceNumber'),
      });
    case 'Validated':
      return compact({ kind, reasonCodes: reasonCodes(), note: c.opt('Note') });
    default:
      return compact({ kind, note: c.opt('Note') });
  }
}

export function readCancelRxResponse(t: Cursor): CancelRxResponseBody {
  const outcome = readOutcome(t, ['Approved', 'Denied']);
  if (outcome.kind === 'Denied')
    return {
      response: compact({
        kind: 'Denied',
        reasonCodes: outcome.reasonCodes,
        denialReason: outcome.denialReason,
      }),
    };
  return {
    response: compact({ kind: 'Approved', note: outcome.kind === 'Approved' ? outcome.note : undefined }),
  };
}

export function readRxRenewalRequest(t: Cursor): RxRenewalRequestBody {
  const dispensed = t.child('MedicationDispensed');
  return compact({
    patient: readPatient(t),
    pharmacy: readPharmacy(t),
    prescriber: readPrescriber(t),
    medicationPrescribed: readMedication(t.req('MedicationPrescribed'), true),
    medicationDispensed: dispensed && readMedication(dispensed, false),
  });
}

export function readRxRenewalResponse(t: Cursor): RxRenewalResponseBody {
  const response = readOutcome(t, ['Approved', 'ApprovedWithChanges', 'Denied', 'Replace']);
  const med = t.child('MedicationPrescribed');
  if (!med && response.kind !== 'Denied') missing(`${t.path}/MedicationPrescribed`);
  return compact({
    response: response as RxRenewalResponseBody['response'],
    patient: readPatient(t),
    pharmacy: readPharmacy(t),
    prescriber: readPrescriber(t),
    medication: med && readMedication(med, response.kind !== 'Denied'),
  });
}

export function readRxChangeRequest(t: Cursor): RxChangeRequestBody {
  return {
    requestCode: t.reqText('MessageRequestCode'),
    requestSubCodes: t
      .list('MessageRequestSubCode', 10)
      .map((c) => c.text())
      .filter(Boolean),
    patient: readPatient(t),
    pharmacy: readPharmacy(t),
    prescriber: readPrescriber(t),
    medicationPrescribed: readMedication(t.req('MedicationPrescribed'), true),
    medicationRequested: t.list('MedicationRequested', 9).map((m) => readMedication(m, false)),
  };
}

export function readRxChangeResponse(t: Cursor): RxChangeResponseBody {
  const response = readOutcome(t, ['Approved', 'ApprovedWithChanges', 'Denied', 'Validated']);
  const med = t.child('MedicationPrescribed');
  const approves = response.kind === 'Approved' || response.kind === 'ApprovedWithChanges';
  if (!med && approves) missing(`${t.path}/MedicationPrescribed`);
  return compact({
    response: response as RxChangeResponseBody['response'],
    patient: readPatient(t),
    pharmacy: readPharmacy(t),
    prescriber: readPrescriber(t),
    medication: med && readMedication(med, approves),
  });
}

/** Status, Error and Verify/VerifyStatus share Code, DescriptionCode (0..10) and Description. */
export function readStatusLike(c: Cursor): StatusBody {
  const code = c.reqText('Code');
  if (!/^\d{3}$/.test(code)) fail(`${c.path}/Code`, `${shortPath(c.path)}/Code must be 3 digits`);
  return compact({
    code,
    descriptionCodes: c
      .list('DescriptionCode', 10)
      .map((d) => d.text())
      .filter(Boolean),
    description: c.opt('Description'),
  });
}
