// TEST-ONLY fast-check generators for SCRIPT messages (imported by *.test.ts, not exported from index.ts).
// Strings are trimmed and non-empty, as the parser returns them; they include XML markup characters and
// non-ASCII text so escaping is exercised.
import fc from 'fast-check';
import type {
  ScriptAddress,
  ScriptDiagnosisCode,
  ScriptHeader,
  ScriptMedication,
  ScriptMessage,
  ScriptName,
  ScriptPatient,
  ScriptPharmacy,
  ScriptPrescriber,
  ScriptResponseOutcome,
  StatusBody,
} from './types';

const chars = fc.constantFrom(...'abcXYZ019 -.,&<>"\'/#éü中😀\t\n'.split(/(?:)/u));
export const text = fc
  .array(chars, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));

const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const dateOrTime = fc.oneof(date, dateTime);
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), opt(digits(2)))
  .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const name: fc.Arbitrary<ScriptName> = fc
  .record({ lastName: text, firstName: text, middleName: opt(text), suffix: opt(text), prefix: opt(text) })
  .map(strip);
const address: fc.Arbitrary<ScriptAddress> = fc
  .record({
    addressLine1: text,
    addressLine2: opt(text),
    city: opt(text),
    stateProvince: opt(text),
    postalCode: opt(digits(5)),
    countryCode: opt(fc.constant('US')),
  })
  .map(strip);
const contact = { address: opt(address), phone: opt(digits(10)), fax: opt(digits(10)) };

export const patient: fc.Arbitrary<ScriptPatient> = fc
  .record({
    name,
    gender: fc.constantFrom('M', 'F', 'U' as const),
    dateOfBirth: dateOrTime,
    identifiers: fc
      .record({
        medicalRecordNumber: opt(text),
        medicareNumber: opt(text),
        medicaidNumber: opt(text),
        patientAccountNumber: opt(text),
      })
      .map(strip),
    ...contact,
  })
  .map(strip);

export const prescriber: fc.Arbitrary<ScriptPrescriber> = fc
  .record({
    name,
    npi: digits(10),
    deaNumber: opt(text),
    stateLicenseNumber: opt(text),
    clinicName: opt(text),
    ...contact,
  })
  .map(strip);

export const pharmacy: fc.Arbitrary<ScriptPharmacy> = fc
  .record({
    businessName: text,
    ncpdpId: digits(7),
    npi: opt(digits(10)),
    stateLicenseNumber: opt(text),
    ...contact,
  })
  .map(strip);

const diagnosisCode: fc.Arbitrary<ScriptDiagnosisCode> = fc
  .record({ code: text, qualifier: fc.constantFrom('ABF', 'LD'), description: opt(text) })
  .map(strip);

export function medication(strict: boolean): fc.Arbitrary<ScriptMedication> {
  return fc
    .record({
      drugDescription: text,
      productCode: opt(digits(11).map((code) => ({ code, qualifier: 'ND' }))),
      drugDbCode: opt(fc.record({ code: digits(6), qualifier: fc.constantFrom('SCD', 'SBD', 'GPK', 'BPK') })),
      strength: opt(
        fc
          .record({
            value: decimal,
            formCode: opt(fc.constantFrom('C42998', 'C25158')),
            unitOfMeasureCode: opt(fc.constant('C28253')),
          })
          .map(strip),
      ),
      deaScheduleCode: opt(fc.constantFrom('C48672', 'C48675', 'C48676', 'C48677', 'C48679', 'C38046')),
      quantity: strict
        ? fc.record({
            value: decimal,
            codeListQualifier: fc.constant('38'),
            unitOfMeasureCode: fc.constantFrom('C48542', 'C28254'),
          })
        : opt(
            fc.record({
              value: decimal,
              codeListQualifier: fc.constant('38'),
              unitOfMeasureCode: fc.constant('C48542'),
            }),
          ),
      daysSupply: opt(fc.integer({ min: 0, max: 999 })),
      writtenDate: strict ? dateOrTime : opt(dateOrTime),
      substitutions: opt(fc.constantFrom('0', '1' as const)),
      numberOfRefills: opt(fc.integer({ min: 0, max: 99 })),
      sigText: opt(text),
      note: opt(text),
      diagnoses: fc.array(
        fc
          .record({
            clinicalInformationQualifier: opt(fc.constantFrom('1', '2')),
            primary: diagnosisCode,
            secondary: opt(diagnosisCode),
          })
          .map(strip),
        { maxLength: 2 },
      ),
      priorAuthorization: opt(text),
    })
    .map(strip);
}

export const header: fc.Arbitrary<ScriptHeader> = fc
  .record({
    to: text,
    toQualifier: opt(fc.constantFrom('P', 'D')),
    from: text,
    fromQualifier: opt(fc.constantFrom('P', 'D')),
    messageId: text,
    relatesToMessageId: text,
    sentTime: dateTime,
    rxReferenceNumber: opt(text),
    prescriberOrderNumber: text,
    senderSoftware: opt(
      fc.record({ developer: text, product: opt(text), versionRelease: opt(text) }).map(strip),
    ),
  })
  .map(strip);

const reasons = fc.array(fc.constantFrom('AA', 'AB', 'AC'), { maxLength: 3 });
const outcome: fc.Arbitrary<ScriptResponseOutcome> = fc.oneof(
  fc
    .record({ kind: fc.constantFrom('Approved', 'ApprovedWithChanges', 'Replace' as const), note: opt(text) })
    .map(strip),
  fc
    .record({
      kind: fc.constant('Denied' as const),
      reasonCodes: reasons,
      denialReason: opt(text),
      referenceNumber: opt(text),
    })
    .map(strip),
  fc.record({ kind: fc.constant('Validated' as const), reasonCodes: reasons, note: opt(text) }).map(strip),
);
const statusBody: fc.Arbitrary<StatusBody> = fc
  .record({
    code: digits(3),
    descriptionCodes: fc.array(digits(3), { maxLength: 3 }),
    description: opt(text),
  })
  .map(strip);
const parties = { patient, pharmacy, prescriber };

/** Any message the codec builds, with a fully specified header. */
export const scriptMessage: fc.Arbitrary<ScriptMessage> = fc.oneof(
  fc.record({
    header,
    type: fc.constant('NewRx' as const),
    body: fc.record({ ...parties, medication: medication(true) }),
  }),
  fc
    .record({
      header,
      type: fc.constant('CancelRx' as const),
      body: fc.record({ ...parties, medication: medication(false) }),
    })
    .map((m) => ({
      ...m,
      body: {
        ...m.body,
        references: strip({
          prescriberOrderNumber: m.header.prescriberOrderNumber,
          rxReferenceNumber: m.header.rxReferenceNumber,
        }),
      },
    })),
  fc.record({
    header,
    type: fc.constant('CancelRxResponse' as const),
    body: fc.record({
      response: fc.oneof(
        fc.record({ kind: fc.constant('Approved' as const), note: opt(text) }).map(strip),
        fc
          .record({ kind: fc.constant('Denied' as const), reasonCodes: reasons, denialReason: opt(text) })
          .map(strip),
      ),
    }),
  }),
  fc.record({
    header,
    type: fc.constant('RxRenewalRequest' as const),
    body: fc
      .record({
        ...parties,
        medicationPrescribed: medication(true),
        medicationDispensed: opt(medication(false)),
      })
      .map(strip),
  }),
  fc.record({
    header,
    type: fc.constant('RxRenewalResponse' as const),
    body: fc
      .record({
        ...parties,
        response: outcome.filter((o) => o.kind !== 'Validated'),
        medication: medication(true),
      })
      .map((b) => b as Extract<ScriptMessage, { type: 'RxRenewalResponse' }>['body']),
  }),
  fc.record({
    header,
    type: fc.constant('RxChangeRequest' as const),
    body: fc.record({
      requestCode: fc.constantFrom('G', 'T', 'P', 'U', 'D', 'S', 'OS'),
      requestSubCodes: fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 2 }),
      ...parties,
      medicationPrescribed: medication(true),
      medicationRequested: fc.array(medication(false), { maxLength: 2 }),
    }),
  }),
  fc.record({
    header,
    type: fc.constant('RxChangeResponse' as const),
    body: fc
      .record({
        ...parties,
        response: outcome.filter((o) => o.kind !== 'Replace'),
        medication: medication(true),
      })
      .map((b) => b as Extract<ScriptMessage, { type: 'RxChangeResponse' }>['body']),
  }),
  fc.record({ header, type: fc.constantFrom('Status', 'Error', 'Verify' as const), body: statusBody }),
);
