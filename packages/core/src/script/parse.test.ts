/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidDea, isValidNpi } from '../identifiers';
import { buildScriptMessage } from './build';
import { fixture, fixtureNames } from './fixtures.testkit';
import { parseScriptMessage } from './parse';
import { deaScheduleOf, ncpdpTerm } from './terminology';
import type { ScriptMessage } from './types';

function parsed(name: string): ScriptMessage {
  const r = parseScriptMessage(fixture(name));
  if (!r.ok) throw new Error(`${name}: ${r.error.description}`);
  return r.message;
}

function newRx(name: string) {
  const m = parsed(name);
  if (m.type !== 'NewRx') throw new Error(`${name} is ${m.type}`);
  return m;
}

describe('NewRx fixtures', () => {
  it('lisinopril: header, patient, prescriber, pharmacy and medication fields', () => {
    const m = newRx('newrx-lisinopril.xml');
    expect(m.header).toMatchObject({
      to: '9999001',
      toQualifier: 'P',
      from: '1000000012001',
      messageId: '7f3c2a10e8b94c1d9a55',
      prescriberOrderNumber: 'ORD-2026-000451',
      sentTime: '2026-03-02T14:05:12.123Z',
    });
    expect(m.header.senderSoftware).toEqual({
      developer: 'Example EHR Co',
      product: 'ExampleChart',
      versionRelease: '4.2',
    });
    const { patient, prescriber, pharmacy, medication } = m.body;
    expect(patient).toMatchObject({
      name: { lastName: 'Sampleperson', firstName: 'Jordan', middleName: 'Q' },
      gender: 'F',
      dateOfBirth: '1958-04-12',
      phone: '2175550142',
    });
    // Only the last four SSN digits are kept.
    expect(patient.identifiers).toEqual({ medicalRecordNumber: 'MRN-448120', ssnLast4: '1234' });
    expect(JSON.stringify(m)).not.toContain('000-00');
    expect(patient.address).toEqual({
      addressLine1: '125 Blue Jay Ln',
      addressLine2: 'Apt 4',
      city: 'Springfield',
      stateProvince: 'IL',
      postalCode: '62704',
      countryCode: 'US',
    });
    expect(prescriber).toMatchObject({
      npi: '1000000012',
      deaNumber: 'FT1234563',
      stateLicenseNumber: '036-TEST-0001',
      clinicName: 'Springfield Family Medicine',
      phone: '2175550199',
    });
    expect(pharmacy).toMatchObject({
      ncpdpId: '9999001',
      npi: '2000000010',
      businessName: 'Apotheca Demo Pharmacy',
      fax: '2175550101',
    });
    expect(medication).toEqual({
      drugDescription: 'Lisinopril 10 MG Oral Tablet',
      productCode: { code: '52959072830', qualifier: 'ND' },
      drugDbCode: { code: '314076', qualifier: 'SCD' },
      strength: { value: '10', formCode: 'C42998', unitOfMeasureCode: 'C28253' },
      quantity: { value: '90', codeListQualifier: '38', unitOfMeasureCode: 'C48542' },
      daysSupply: 90,
      writtenDate: '2026-03-02',
      substitutions: '0',
      numberOfRefills: 3,
      sigText: 'Take 1 tablet by mouth once daily',
      note: 'Patient prefers 90-day fills & mail pickup reminders.',
      diagnoses: [
        {
          clinicalInformationQualifier: '1',
          primary: { code: 'I10', qualifier: 'ABF', description: 'Essential (primary) hypertension' },
        },
      ],
    });
    expect(ncpdpTerm('QuantityUnitOfMeasure', medication.quantity?.unitOfMeasureCode ?? '')).toBe('Tablet');
    expect(ncpdpTerm('StrengthForm', medication.strength?.formCode ?? '')).toBe('Tablet');
    expect(ncpdpTerm('StrengthUnitOfMeasure', medication.strength?.unitOfMeasureCode ?? '')).toBe(
      'Milligram',
    );
  });

  it('hydrocodone: Schedule II code, zero refills, date-time with offset', () => {
    const m = newRx('newrx-hydrocodone-cii.xml');
    expect(m.header.sentTime).toBe('2026-03-03T09:41:00-06:00');
    expect(m.body.medication.deaScheduleCode).toBe('C48675');
    expect(deaScheduleOf(m.body.medication.deaScheduleCode ?? '')).toBe('II');
    expect(m.body.medication).toMatchObject({
      numberOfRefills: 0,
      daysSupply: 5,
      productCode: { code: '57664012688', qualifier: 'ND' },
    });
    expect(m.body.prescriber.name).toEqual({ lastName: 'Exampledoc', firstName: 'Blair', suffix: 'MD' });
    expect(m.body.medication.diagnoses[0]?.primary).toEqual({ code: 'S82.101A', qualifier: 'ABF' });
  });

  it('amoxicillin: namespace prefixes, gender U, mL quantity, WrittenDate as DateTime, no Substitutions', () => {
    const m = newRx('newrx-amoxicillin-suspension.xml');
    expect(m.body.patient.gender).toBe('U');
    expect(m.body.patient.identifiers).toEqual({});
    expect(m.body.medication.quantity).toEqual({
      value: '100',
      codeListQualifier: '38',
      unitOfMeasureCode: 'C28254',
    });
    expect(ncpdpTerm('QuantityUnitOfMeasure', 'C28254')).toBe('Milliliter');
    expect(m.body.medication.writtenDate).toBe('2026-03-04T16:18:44Z');
    expect(m.body.medication.substitutions).toBeUndefined();
    expect(m.body.medication.strength).toEqual({
      value: '400',
      formCode: 'C68992',
      unitOfMeasureCode: 'C91131',
    });
  });

  it('methylphenidate: substitution not allowed, prior authorization, account number, leap-day birth date', () => {
    const m = newRx('newrx-methylphenidate-er.xml');
    expect(m.body.medication).toMatchObject({
      substitutions: '1',
      priorAuthorization: 'PA-2026-3391',
      productCode: { code: '00591271501', qualifier: 'ND' },
    });
    expect(m.body.patient).toMatchObject({ dateOfBirth: '2012-02-29', name: { lastName: "O'Sampleton" } });
    expect(m.body.patient.identifiers).toEqual({
      medicalRecordNumber: 'MRN-552031',
      patientAccountNumber: 'ACCT-77120',
    });
    expect(ncpdpTerm('StrengthForm', m.body.medication.strength?.formCode ?? '')).toBe(
      'Extended Release Tablet',
    );
  });

  it('fluticasone: minimal message (no NDC, license-only prescriber, NPI-only pharmacy), decoded entities', () => {
    const m = newRx('newrx-fluticasone-ointment.xml');
    expect(m.body.medication.productCode).toBeUndefined();
    expect(m.body.medication.drugDbCode).toEqual({ code: '895487', qualifier: 'SCD' });
    expect(m.body.prescriber).toEqual({
      name: { lastName: 'Skinner' },
      stateLicenseNumber: 'TEST-DERM-4471',
    });
    expect(m.body.pharmacy).toEqual({ businessName: 'Apotheca Demo Pharmacy', npi: '2000000010' });
    expect(m.body.medication.sigText).toBe(
      'Apply a thin layer to affected area twice daily < 2 weeks. Not for face & groin.',
    );
    expect(m.header.toQualifier).toBeUndefined();
  });

  it('every NewRx fixture survives parse → build → parse unchanged', () => {
    for (const name of fixtureNames()) {
      const m = parsed(name);
      // ssnLast4 is read-only (the builder never writes a Social Security number).
      if (m.type === 'NewRx') m.body.patient.identifiers.ssnLast4 = undefined;
      const again = parseScriptMessage(buildScriptMessage(m));
      expect(again.ok && again.message, name).toEqual(JSON.parse(JSON.stringify(m)));
    }
  });
});

describe('fixture identifiers are test values or real public codes', () => {
  const sample = readFileSync(
    new URL(
      '../../../../../shared/data/fda-ndc-finished-openfda-sample/harmonized.small.json',
      import.meta.url,
    ),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { package_ndc?: string[]; rxnorm?: { rxcui: string }[] });

  it('NPIs and DEA numbers pass their check digits', () => {
    for (const name of fixtureNames()) {
      const m = parsed(name);
      if (!('prescriber' in m.body)) continue;
      const { npi, deaNumber } = m.body.prescriber;
      if (npi) expect(isValidNpi(npi), `${name} NPI`).toBe(true);
      if (deaNumber)
        expect(isValidDea(deaNumber, { lastName: m.body.prescriber.name.lastName }), `${name} DEA`).toBe(
          true,
        );
    }
  });

  it('each NDC and RxCUI appears together in the openFDA harmonized sample', () => {
    let checked = 0;
    for (const name of fixtureNames()) {
      const m = parsed(name);
      if (m.type !== 'NewRx') continue;
      const { productCode, drugDbCode } = m.body.medication;
      const rows = sample.filter((r) =>
        productCode
          ? r.package_ndc?.some((p) => {
              const [a = '', b = '', c = ''] = p.split('-');
              return a.padStart(5, '0') + b.padStart(4, '0') + c.padStart(2, '0') === productCode.code;
            })
          : true,
      );
      expect(
        rows.some((r) => r.rxnorm?.some((x) => x.rxcui === drugDbCode?.code)),
        name,
      ).toBe(true);
      checked++;
    }
    expect(checked).toBe(5);
  });
});

describe('other transactions', () => {
  it('CancelRx: references from the header, lenient medication', () => {
    const m = parsed('cancelrx.xml');
    if (m.type !== 'CancelRx') throw new Error(m.type);
    expect(m.body.references).toEqual({
      prescriberOrderNumber: 'ORD-2026-000451',
      rxReferenceNumber: 'RX1000457',
    });
    expect(m.body.medication).toEqual({
      drugDescription: 'Lisinopril 10 MG Oral Tablet',
      note: 'Discontinued: switching to losartan.',
      diagnoses: [],
    });
    expect(m.body.patient.name.lastName).toBe('Sampleperson');
  });

  it('RxRenewalResponse Approved carries the note and the renewed refills', () => {
    const m = parsed('rxrenewalresponse-approved.xml');
    if (m.type !== 'RxRenewalResponse') throw new Error(m.type);
    expect(m.header.relatesToMessageId).toBe('renew-req-0001');
    expect(m.body.response).toEqual({
      kind: 'Approved',
      note: 'Approved for one year. Recheck BMP in 3 months.',
    });
    expect(m.body.medication?.numberOfRefills).toBe(3);
  });

  it('RxRenewalResponse Denied needs no medication and keeps reason code and text', () => {
    const m = parsed('rxrenewalresponse-denied.xml');
    if (m.type !== 'RxRenewalResponse') throw new Error(m.type);
    expect(m.body.response).toEqual({
      kind: 'Denied',
      reasonCodes: ['AA'],
      denialReason: 'Patient unknown to the prescriber',
    });
    expect(m.body.medication).toBeUndefined();
  });

  it('RxChangeResponse ApprovedWithChanges carries the new medication', () => {
    const m = parsed('rxchangeresponse-approved.xml');
    if (m.type !== 'RxChangeResponse') throw new Error(m.type);
    expect(m.body.response.kind).toBe('ApprovedWithChanges');
    expect(m.body.medication?.quantity?.value).toBe('30');
  });

  it('Status, Error and Verify', () => {
    const s = parsed('status.xml');
    expect(s.type === 'Status' && s.body).toEqual({ code: '010', descriptionCodes: [] });
    const e = parsed('error.xml');
    expect(e.type === 'Error' && e.body.code).toBe('900');
    const v = parsed('verify.xml');
    expect(v.type === 'Verify' && v.body).toEqual({
      code: '010',
      descriptionCodes: [],
      description: 'Accepted By Pharmacy.',
    });
  });
});
