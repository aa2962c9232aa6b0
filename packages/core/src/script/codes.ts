// Code values carried in SCRIPT Status, Verify and Error transactions, and the limits this codec enforces.
//
// Sources (public material; the normative lists are in NCPDP's licensed SCRIPT 2017071 External Code List):
// - Error/Code 600|601|602|900: VA Inbound eRx (IEP) user guide, table "NCPDP Error Codes"
//   ("600 Communication problem - try again later, 601 Receiver unable to process, 602 Receiver System Error,
//   900 Transaction rejected"), and the same four codes in NexTech's Surescripts client (docs/script.md).
// - Status/Code 000 "Transmission successful" and 010 "Successfully accepted by ultimate receiver": gloEMR's
//   Surescripts client; VA VistA PSOERXO1 answers a NewRx with Verify/VerifyStatus Code 010.
// - Error DescriptionCode values are listed only where the project brief named them; they are NOT confirmed by
//   public 2017071 material (the public 10.6-era table gives 001–013 other meanings). See docs/script.md.

/** SCRIPT transaction error codes (Error/Code). */
export const SCRIPT_ERROR_CODES = {
  /** Communication problem – try again later. */
  communicationProblem: '600',
  /** Receiver unable to process – do not retry (used for transactions this receiver does not support). */
  receiverUnableToProcess: '601',
  /** Receiver system error – try again later. */
  receiverSystemError: '602',
  /** Transaction rejected – do not retry (malformed, hostile or incomplete messages). */
  transactionRejected: '900',
} as const;

export type ScriptErrorCode = (typeof SCRIPT_ERROR_CODES)[keyof typeof SCRIPT_ERROR_CODES];

/** SCRIPT status codes (Status/Code, Verify/VerifyStatus/Code). */
export const SCRIPT_STATUS_CODES = {
  /** Transmission successful. */
  transmissionSuccessful: '000',
  /** Successfully accepted by ultimate receiver. */
  acceptedByUltimateReceiver: '010',
} as const;

export type ScriptStatusCode = (typeof SCRIPT_STATUS_CODES)[keyof typeof SCRIPT_STATUS_CODES];

/**
 * Error DescriptionCode values named in the project brief (unverified against the licensed NCPDP list:
 * confirm before certification). The parser attaches `tooManyRepetitions` when a non-repeating element repeats.
 */
export const SCRIPT_DESCRIPTION_CODES = {
  tooManyRepetitions: '002',
  unableToIdentify: '1000',
} as const;

/** The namespace SCRIPT XML uses (xmlns on Message). */
export const SCRIPT_NAMESPACE = 'http://www.ncpdp.org/schema/SCRIPT';

/** Version attributes of a 2017071 Message, as VA VistA PSOERXO1 (PSO*7*581) writes them. */
export const SCRIPT_2017071_VERSION_ATTRIBUTES = {
  DatatypesVersion: '20170715',
  TransportVersion: '20170715',
  TransactionDomain: 'SCRIPT',
  TransactionVersion: '20170715',
  StructuresVersion: '20170715',
  ECLVersion: '20170715',
} as const;

/** Limits applied to untrusted input before and during parsing. */
export const SCRIPT_LIMITS = {
  /** Largest accepted document, in UTF-16 code units (about 1 MB of ASCII). */
  maxChars: 1_000_000,
  /** Deepest element nesting accepted (real SCRIPT documents stay well under 15). */
  maxDepth: 32,
  /** Error and Status Description are an..70 in SCRIPT; builders truncate to this length. */
  maxDescription: 70,
} as const;

/**
 * Body transactions defined by SCRIPT 2017071 that this codec recognises but does not decode
 * (answered with 601 rather than 900). Element names from the 2017071 BodyType choice (VA JAXB bindings).
 */
export const SCRIPT_UNSUPPORTED_TRANSACTIONS: ReadonlySet<string> = new Set([
  'GetMessage',
  'PasswordChange',
  'Census',
  'DrugAdministration',
  'MTMServiceRequest',
  'MTMServiceResponse',
  'Resupply',
  'RxFill',
  'RxHistoryRequest',
  'RxHistoryResponse',
  'MTMServiceDocumentation',
  'ClinicalInfoRequest',
  'ClinicalInfoResponse',
  'NewRxResponseDenied',
  'NewRxRequest',
  'PAInitiationRequest',
  'PAInitiationResponse',
  'PARequest',
  'PAResponse',
  'PACancelRequest',
  'PACancelResponse',
  'PAAppealRequest',
  'PAAppealResponse',
  'CFManifest',
  'CFRxOrderRequest',
  'CFInventoryList',
  'CFRxOrderCancel',
  'CFRxOrderCompletion',
  'CFProductInquiry',
  'CFProductInquiryResponse',
  'RxTransferRequest',
  'RxTransferResponse',
  'RxTransferConfirm',
  'RxFillIndicatorChange',
  'Recertification',
  'REMSRequest',
  'REMSResponse',
  'REMSInitiationRequest',
  'REMSInitiationResponse',
]);
