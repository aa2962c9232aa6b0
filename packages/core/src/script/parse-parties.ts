// Patient, prescriber and pharmacy readers. Mandatory elements follow SCRIPT 2017071 (HumanPatient name,
// gender and birth date; prescriber and pharmacy identification and name); docs/script.md lists them.
import { SCRIPT_ERROR_CODES } from './codes';
import { type Cursor, fail, missing, shortPath } from './read';
import type {
  ScriptAddress,
  ScriptContact,
  ScriptGender,
  ScriptName,
  ScriptPatient,
  ScriptPatientIdentifiers,
  ScriptPharmacy,
  ScriptPrescriber,
} from './types';
import { readDateChoice } from './values';

function compact<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}

function readName(c: Cursor, firstNameRequired: boolean): ScriptName {
  return compact({
    lastName: c.reqText('LastName'),
    firstName: firstNameRequired ? c.reqText('FirstName') : c.opt('FirstName'),
    middleName: c.opt('MiddleName'),
    suffix: c.opt('Suffix'),
    prefix: c.opt('Prefix'),
  });
}

function readAddress(c: Cursor | undefined): ScriptAddress | undefined {
  if (!c) return undefined;
  const address = compact({
    addressLine1: c.opt('AddressLine1'),
    addressLine2: c.opt('AddressLine2'),
    city: c.opt('City'),
    stateProvince: c.opt('StateProvince'),
    postalCode: c.opt('PostalCode'),
    countryCode: c.opt('CountryCode'),
  });
  return Object.keys(address).length > 0 ? address : undefined;
}

function readContact(c: Cursor): ScriptContact {
  const numbers = c.child('CommunicationNumbers');
  return compact({
    address: readAddress(c.child('Address')),
    phone: numbers?.child('PrimaryTelephone')?.opt('Number'),
    fax: numbers?.child('Fax')?.opt('Number'),
  });
}

const GENDERS: readonly string[] = ['M', 'F', 'U'];

function readIdentifiers(c: Cursor | undefined): ScriptPatientIdentifiers {
  if (!c) return {};
  // Only the last four digits of a Social Security number are kept in the typed view (minimum necessary);
  // the verbatim message still holds what was sent.
  const ssnDigits = c.opt('SocialSecurity')?.replace(/\D/g, '') ?? '';
  return compact({
    medicalRecordNumber: c.opt('MedicalRecordIdentificationNumberEHR'),
    ssnLast4: ssnDigits.length >= 4 ? ssnDigits.slice(-4) : undefined,
    medicareNumber: c.opt('MedicareNumber'),
    medicaidNumber: c.opt('MedicaidNumber'),
    patientAccountNumber: c.opt('PatientAccountNumber'),
  });
}

export function readPatient(parent: Cursor): ScriptPatient {
  const patient = parent.req('Patient');
  if (!patient.has('HumanPatient') && patient.has('NonHumanPatient'))
    fail(
      `${patient.path}/NonHumanPatient`,
      'Veterinary (NonHumanPatient) prescriptions are not supported',
      SCRIPT_ERROR_CODES.receiverUnableToProcess,
    );
  const human = patient.req('HumanPatient');
  const name = readName(human.req('Name'), true);
  const gender = human.reqText('Gender');
  if (!GENDERS.includes(gender))
    fail(`${human.path}/Gender`, `${shortPath(human.path)}/Gender must be M, F or U`);
  return compact({
    name,
    gender: gender as ScriptGender,
    dateOfBirth: readDateChoice(human.req('DateOfBirth')),
    identifiers: readIdentifiers(human.child('Identification')),
    ...readContact(human),
  });
}

export function readPrescriber(parent: Cursor): ScriptPrescriber {
  const prescriber = parent.req('Prescriber');
  if (!prescriber.has('NonVeterinarian') && prescriber.has('Veterinarian'))
    fail(
      `${prescriber.path}/Veterinarian`,
      'Veterinarian prescribers are not supported',
      SCRIPT_ERROR_CODES.receiverUnableToProcess,
    );
  const p = prescriber.req('NonVeterinarian');
  const id = p.req('Identification');
  const result: ScriptPrescriber = compact({
    name: readName(p.req('Name'), false),
    npi: id.opt('NPI'),
    deaNumber: id.opt('DEANumber'),
    stateLicenseNumber: id.opt('StateLicenseNumber'),
    clinicName: p.child('PracticeLocation')?.opt('BusinessName'),
    ...readContact(p),
  });
  if (!result.npi && !result.deaNumber && !result.stateLicenseNumber) missing(`${id.path}/NPI`);
  return result;
}

export function readPharmacy(parent: Cursor): ScriptPharmacy {
  const pharmacy = parent.req('Pharmacy');
  const id = pharmacy.req('Identification');
  const result: ScriptPharmacy = compact({
    businessName: pharmacy.reqText('BusinessName'),
    ncpdpId: id.opt('NCPDPID'),
    npi: id.opt('NPI'),
    stateLicenseNumber: id.opt('StateLicenseNumber'),
    ...readContact(pharmacy),
  });
  if (!result.ncpdpId && !result.npi) missing(`${id.path}/NCPDPID`);
  return result;
}

export { compact };
