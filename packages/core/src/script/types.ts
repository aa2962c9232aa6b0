// Typed view of the SCRIPT 2017071 transactions Apotheca reads and writes. Field names follow the SCRIPT
// element names (camelCased); every string is the element text with surrounding whitespace removed.

export type ScriptMessageType =
  | 'NewRx'
  | 'CancelRx'
  | 'CancelRxResponse'
  | 'RxRenewalRequest'
  | 'RxRenewalResponse'
  | 'RxChangeRequest'
  | 'RxChangeResponse'
  | 'Status'
  | 'Error'
  | 'Verify';

export interface ScriptHeader {
  to: string;
  /** Header/To/@Qualifier, e.g. P (pharmacy), D (prescriber system). */
  toQualifier?: string;
  from: string;
  fromQualifier?: string;
  messageId: string;
  relatesToMessageId?: string;
  /** ISO 8601 date-time, as sent. */
  sentTime: string;
  /** The pharmacy's prescription number (Header/RxReferenceNumber). */
  rxReferenceNumber?: string;
  /** The prescriber system's order number (Header/PrescriberOrderNumber). */
  prescriberOrderNumber?: string;
  senderSoftware?: { developer?: string; product?: string; versionRelease?: string };
}

export interface ScriptName {
  lastName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  prefix?: string;
}

export interface ScriptAddress {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  stateProvince?: string;
  postalCode?: string;
  countryCode?: string;
}

export interface ScriptContact {
  address?: ScriptAddress;
  /** CommunicationNumbers/PrimaryTelephone/Number. */
  phone?: string;
  /** CommunicationNumbers/Fax/Number. */
  fax?: string;
}

/** M, F or U (unknown), the 2017071 Gender values. */
export type ScriptGender = 'M' | 'F' | 'U';

export interface ScriptPatientIdentifiers {
  /** Identification/MedicalRecordIdentificationNumberEHR. */
  medicalRecordNumber?: string;
  /** Last four digits of Identification/SocialSecurity; the full number is not kept in the typed view. */
  ssnLast4?: string;
  medicareNumber?: string;
  medicaidNumber?: string;
  patientAccountNumber?: string;
}

export interface ScriptPatient extends ScriptContact {
  name: ScriptName;
  gender: ScriptGender;
  /** CCYY-MM-DD (DateOfBirth/Date) or a date-time (DateOfBirth/DateTime). */
  dateOfBirth: string;
  identifiers: ScriptPatientIdentifiers;
}

export interface ScriptPrescriber extends ScriptContact {
  name: ScriptName;
  npi?: string;
  deaNumber?: string;
  stateLicenseNumber?: string;
  /** NonVeterinarian/PracticeLocation/BusinessName. */
  clinicName?: string;
}

export interface ScriptPharmacy extends ScriptContact {
  businessName: string;
  ncpdpId?: string;
  npi?: string;
  stateLicenseNumber?: string;
}

export interface ScriptCoded {
  code: string;
  qualifier: string;
}

export interface ScriptDiagnosisCode {
  code: string;
  /** ABF = ICD-10-CM. */
  qualifier: string;
  description?: string;
}

export interface ScriptDiagnosis {
  clinicalInformationQualifier?: string;
  primary: ScriptDiagnosisCode;
  secondary?: ScriptDiagnosisCode;
}

export interface ScriptMedication {
  drugDescription: string;
  /** DrugCoded/ProductCode; qualifier ND = NDC (11 digits). */
  productCode?: ScriptCoded;
  /** DrugCoded/DrugDBCode; RxNorm with qualifier SCD, SBD, GPK, BPK, … */
  drugDbCode?: ScriptCoded;
  /** DrugCoded/Strength; codes are NCIt (see terminology.ts). */
  strength?: { value?: string; formCode?: string; unitOfMeasureCode?: string };
  /** DrugCoded/DEASchedule/Code: C48672 (I) … C48679 (V), C38046 unspecified. */
  deaScheduleCode?: string;
  /** Value is the decimal text as sent; unit is an NCIt QuantityUnitOfMeasure code. */
  quantity?: { value: string; codeListQualifier: string; unitOfMeasureCode: string };
  daysSupply?: number;
  /** WrittenDate/Date (CCYY-MM-DD) or WrittenDate/DateTime. */
  writtenDate?: string;
  /** '0' substitution allowed, '1' substitution not allowed by prescriber. */
  substitutions?: '0' | '1';
  numberOfRefills?: number;
  sigText?: string;
  note?: string;
  diagnoses: ScriptDiagnosis[];
  /** PriorAuthorization number. */
  priorAuthorization?: string;
}

export interface NewRxBody {
  patient: ScriptPatient;
  pharmacy: ScriptPharmacy;
  prescriber: ScriptPrescriber;
  medication: ScriptMedication;
}

/** Prescription references a CancelRx carries in its Header. */
export interface ScriptReferences {
  prescriberOrderNumber?: string;
  rxReferenceNumber?: string;
}

export interface CancelRxBody {
  references: ScriptReferences;
  patient: ScriptPatient;
  pharmacy: ScriptPharmacy;
  prescriber: ScriptPrescriber;
  medication: ScriptMedication;
}

export type CancelRxResponseOutcome =
  | { kind: 'Approved'; note?: string }
  | { kind: 'Denied'; reasonCodes: string[]; denialReason?: string };

export interface CancelRxResponseBody {
  response: CancelRxResponseOutcome;
}

export interface RxRenewalRequestBody {
  patient: ScriptPatient;
  pharmacy: ScriptPharmacy;
  prescriber: ScriptPrescriber;
  medicationPrescribed: ScriptMedication;
  medicationDispensed?: ScriptMedication;
}

/** Response choices shared by RxRenewalResponse and RxChangeResponse. */
export type ScriptResponseOutcome =
  | { kind: 'Approved'; note?: string }
  | { kind: 'ApprovedWithChanges'; note?: string }
  | { kind: 'Denied'; reasonCodes: string[]; denialReason?: string; referenceNumber?: string }
  | { kind: 'Replace'; note?: string }
  | { kind: 'Validated'; reasonCodes: string[]; note?: string };

export interface RxRenewalResponseBody {
  response: Exclude<ScriptResponseOutcome, { kind: 'Validated' }>;
  patient: ScriptPatient;
  pharmacy: ScriptPharmacy;
  prescriber: ScriptPrescriber;
  /** The medication as approved (refills in numberOfRefills); may be absent when Denied. */
  medication?: ScriptMedication;
}

export interface RxChangeRequestBody {
  /** MessageRequestCode: G generic, T therapeutic, P prior authorization, U prescriber authorization, … */
  requestCode: string;
  requestSubCodes: string[];
  patient: ScriptPatient;
  pharmacy: ScriptPharmacy;
  prescriber: ScriptPrescriber;
  medicationPrescribed: ScriptMedication;
  medicationRequested: ScriptMedication[];
}

export interface RxChangeResponseBody {
  response: Exclude<ScriptResponseOutcome, { kind: 'Replace' }>;
  patient: ScriptPatient;
  pharmacy: ScriptPharmacy;
  prescriber: ScriptPrescriber;
  /** The new medication (for Approved / ApprovedWithChanges / Validated). */
  medication?: ScriptMedication;
}

export interface StatusBody {
  code: string;
  descriptionCodes: string[];
  description?: string;
}

export type ErrorBody = StatusBody;
export type VerifyBody = StatusBody;

interface Envelope<T extends ScriptMessageType, B> {
  header: ScriptHeader;
  type: T;
  body: B;
}

export type ScriptMessage =
  | Envelope<'NewRx', NewRxBody>
  | Envelope<'CancelRx', CancelRxBody>
  | Envelope<'CancelRxResponse', CancelRxResponseBody>
  | Envelope<'RxRenewalRequest', RxRenewalRequestBody>
  | Envelope<'RxRenewalResponse', RxRenewalResponseBody>
  | Envelope<'RxChangeRequest', RxChangeRequestBody>
  | Envelope<'RxChangeResponse', RxChangeResponseBody>
  | Envelope<'Status', StatusBody>
  | Envelope<'Error', ErrorBody>
  | Envelope<'Verify', VerifyBody>;

export interface ScriptParseError {
  /** SCRIPT Error/Code to answer with: '900' rejected, '601' unsupported transaction. */
  code: string;
  /** SCRIPT Error/DescriptionCode, when one applies (see SCRIPT_DESCRIPTION_CODES). */
  descriptionCode?: string;
  /** Human-readable reason, naming the element. */
  description: string;
  /** Slash path of the offending element, e.g. Message/Body/NewRx/MedicationPrescribed/Quantity. */
  path?: string;
}

export type ParseResult =
  | { ok: true; message: ScriptMessage }
  | {
      ok: false;
      error: ScriptParseError;
      /** Header fields read before the failure, so an Error reply can be addressed. */
      header?: Partial<ScriptHeader>;
    };
