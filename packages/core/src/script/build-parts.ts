// Element builders for the shared SCRIPT structures. Element order follows SCRIPT 2017071 as seen in a
// Surescripts-generated NewRx and VA VistA's outbound messages (sources in docs/script.md).
import type {
  ScriptAddress,
  ScriptContact,
  ScriptDiagnosis,
  ScriptDiagnosisCode,
  ScriptMedication,
  ScriptName,
  ScriptPatient,
  ScriptPharmacy,
  ScriptPrescriber,
} from './types';
import { isDateOnly } from './values';
import { el, type XEl } from './xml-write';

export function dateChoice(name: string, value: string | undefined): XEl | undefined {
  if (value === undefined) return undefined;
  return el(name, [el(isDateOnly(value) ? 'Date' : 'DateTime', value)]);
}

function nameEl(n: ScriptName): XEl | undefined {
  return el('Name', [
    el('LastName', n.lastName),
    el('FirstName', n.firstName),
    el('MiddleName', n.middleName),
    el('Suffix', n.suffix),
    el('Prefix', n.prefix),
  ]);
}

function addressEl(a: ScriptAddress | undefined): XEl | undefined {
  if (!a) return undefined;
  return el('Address', [
    el('AddressLine1', a.addressLine1),
    el('AddressLine2', a.addressLine2),
    el('City', a.city),
    el('StateProvince', a.stateProvince),
    el('PostalCode', a.postalCode),
    el('CountryCode', a.countryCode),
  ]);
}

function contactEls(c: ScriptContact): (XEl | undefined)[] {
  return [
    addressEl(c.address),
    el('CommunicationNumbers', [
      el('PrimaryTelephone', [el('Number', c.phone)]),
      el('Fax', [el('Number', c.fax)]),
    ]),
  ];
}

export function patientEl(p: ScriptPatient): XEl | undefined {
  const ids = p.identifiers;
  return el('Patient', [
    el('HumanPatient', [
      el('Identification', [
        el('MedicalRecordIdentificationNumberEHR', ids.medicalRecordNumber),
        el('MedicareNumber', ids.medicareNumber),
        el('MedicaidNumber', ids.medicaidNumber),
        el('PatientAccountNumber', ids.patientAccountNumber),
      ]),
      nameEl(p.name),
      el('Gender', p.gender),
      dateChoice('DateOfBirth', p.dateOfBirth),
      ...contactEls(p),
    ]),
  ]);
}

export function prescriberEl(p: ScriptPrescriber): XEl | undefined {
  return el('Prescriber', [
    el('NonVeterinarian', [
      el('Identification', [
        el('StateLicenseNumber', p.stateLicenseNumber),
        el('DEANumber', p.deaNumber),
        el('NPI', p.npi),
      ]),
      el('PracticeLocation', [el('BusinessName', p.clinicName)]),
      nameEl(p.name),
      ...contactEls(p),
    ]),
  ]);
}

export function pharmacyEl(p: ScriptPharmacy): XEl | undefined {
  return el('Pharmacy', [
    el('Identification', [
      el('NCPDPID', p.ncpdpId),
      el('StateLicenseNumber', p.stateLicenseNumber),
      el('NPI', p.npi),
    ]),
    el('BusinessName', p.businessName),
    ...contactEls(p),
  ]);
}

function diagnosisCodeEl(name: string, d: ScriptDiagnosisCode | undefined): XEl | undefined {
  if (!d) return undefined;
  return el(name, [el('Code', d.code), el('Qualifier', d.qualifier), el('Description', d.description)]);
}

function diagnosisEl(d: ScriptDiagnosis): XEl | undefined {
  return el('Diagnosis', [
    el('ClinicalInformationQualifier', d.clinicalInformationQualifier),
    diagnosisCodeEl('Primary', d.primary),
    diagnosisCodeEl('Secondary', d.secondary),
  ]);
}

export function medicationEl(name: string, m: ScriptMedication): XEl | undefined {
  const s = m.strength;
  return el(name, [
    el('DrugDescription', m.drugDescription),
    el('DrugCoded', [
      m.productCode &&
        el('ProductCode', [el('Code', m.productCode.code), el('Qualifier', m.productCode.qualifier)]),
      s &&
        el('Strength', [
          el('StrengthValue', s.value),
          el('StrengthForm', [el('Code', s.formCode)]),
          el('StrengthUnitOfMeasure', [el('Code', s.unitOfMeasureCode)]),
        ]),
      m.drugDbCode &&
        el('DrugDBCode', [el('Code', m.drugDbCode.code), el('Qualifier', m.drugDbCode.qualifier)]),
      el('DEASchedule', [el('Code', m.deaScheduleCode)]),
    ]),
    m.quantity &&
      el('Quantity', [
        el('Value', m.quantity.value),
        el('CodeListQualifier', m.quantity.codeListQualifier),
        el('QuantityUnitOfMeasure', [el('Code', m.quantity.unitOfMeasureCode)]),
      ]),
    el('DaysSupply', m.daysSupply === undefined ? undefined : String(m.daysSupply)),
    dateChoice('WrittenDate', m.writtenDate),
    el('Substitutions', m.substitutions),
    el('NumberOfRefills', m.numberOfRefills === undefined ? undefined : String(m.numberOfRefills)),
    ...m.diagnoses.map(diagnosisEl),
    el('PriorAuthorization', m.priorAuthorization),
    el('Note', m.note),
    el('Sig', [el('SigText', m.sigText)]),
  ]);
}
