// Public shapes of D.0 requests and responses. Conventions:
// - money: integer cents, property names end in `Cents` (wire: s9(n)v99 signed overpunch);
// - quantities: decimal numbers with ≤ 3 decimals (wire: 9(7)v999);
// - dates: "CCYYMMDD" strings; codes and qualifiers: strings exactly as sent ("03", not 3);
// - `extra`: fields the schema does not model (or repeats of a single field), kept in wire order;
// - `otherSegments`: whole segments the codec does not model (e.g. AM02 Pharmacy Provider, AM13 Clinical).
// The JSON of a decoded value is valid input for the encoder (CLI: decode --json / encode).

import type { D0Field, D0RawSegment } from './frame';

export type { D0Field, D0RawSegment };

export type D0TransactionCode = 'B1' | 'B2' | 'B3' | 'E1';

interface WithExtra {
  extra?: D0Field[];
}

export interface D0RequestHeader {
  /** 101-A1, 6 digits */
  bin: string;
  /** 102-A2 */
  version: 'D0';
  /** 103-A3 */
  transactionCode: D0TransactionCode;
  /** 104-A4, ≤ 10 characters (space-padded on the wire; trailing spaces are not kept) */
  pcn: string;
  /** 109-A9, 1–4 */
  transactionCount: number;
  /** 202-B2, 2 characters ("01" = NPI) */
  serviceProviderIdQualifier: string;
  /** 201-B1, ≤ 15 characters */
  serviceProviderId: string;
  /** 401-D1, CCYYMMDD */
  dateOfService: string;
  /** 110-AK, ≤ 10 characters */
  softwareVendorCertId: string;
}

export interface D0Patient extends WithExtra {
  patientIdQualifier?: string;
  patientId?: string;
  dateOfBirth?: string;
  genderCode?: string;
  firstName?: string;
  lastName?: string;
  streetAddress?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  placeOfService?: string;
  employerId?: string;
  smokerCode?: string;
  pregnancyIndicator?: string;
  email?: string;
  patientResidence?: string;
}

export interface D0Insurance extends WithExtra {
  cardholderId?: string;
  cardholderFirstName?: string;
  cardholderLastName?: string;
  homePlan?: string;
  planId?: string;
  eligibilityClarificationCode?: string;
  groupId?: string;
  personCode?: string;
  patientRelationshipCode?: string;
  otherPayerBin?: string;
  otherPayerPcn?: string;
  otherPayerCardholderId?: string;
  otherPayerGroupId?: string;
  medigapId?: string;
  medicaidIndicator?: string;
  providerAcceptsAssignment?: string;
  cmsPartDQualifiedFacility?: string;
  medicaidIdNumber?: string;
  medicaidAgencyNumber?: string;
}

export interface D0Prescriber extends WithExtra {
  prescriberIdQualifier?: string;
  prescriberId?: string;
  lastName?: string;
  firstName?: string;
  streetAddress?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  primaryCareProviderIdQualifier?: string;
  primaryCareProviderId?: string;
  primaryCareProviderLastName?: string;
}

export interface D0Claim extends WithExtra {
  /** 455-EM ("1" = Rx billing) */
  rxReferenceQualifier?: string;
  /** 402-D2 Rx number */
  rxNumber?: string;
  /** 436-E1 ("03" = NDC) */
  productIdQualifier?: string;
  /** 407-D7 */
  productId?: string;
  associatedRxNumber?: string;
  associatedRxDate?: string;
  procedureModifierCodes?: string[];
  /** 442-E7 */
  quantityDispensed?: number;
  /** 403-D3 */
  fillNumber?: number;
  /** 405-D5 */
  daysSupply?: number;
  /** 406-D6 ("1" not a compound, "2" compound) */
  compoundCode?: string;
  /** 408-D8 */
  dawCode?: string;
  /** 414-DE */
  dateWritten?: string;
  /** 415-DF */
  refillsAuthorized?: number;
  prescriptionOriginCode?: string;
  submissionClarificationCodes?: string[];
  quantityPrescribed?: number;
  otherCoverageCode?: string;
  specialPackagingIndicator?: string;
  originallyPrescribedProductIdQualifier?: string;
  originallyPrescribedProductId?: string;
  originallyPrescribedQuantity?: number;
  alternateId?: string;
  scheduledRxId?: string;
  /** 600-28 EA / GM / ML */
  unitOfMeasure?: string;
  levelOfService?: string;
  priorAuthorizationTypeCode?: string;
  priorAuthorizationNumber?: string;
  intermediaryAuthorizationTypeId?: string;
  intermediaryAuthorizationId?: string;
  dispensingStatus?: string;
  quantityIntendedToBeDispensed?: number;
  daysSupplyIntendedToBeDispensed?: number;
  delayReasonCode?: string;
  transactionReferenceNumber?: string;
  patientAssignmentIndicator?: string;
  routeOfAdministration?: string;
  compoundType?: string;
  medicaidSubrogationIcn?: string;
  pharmacyServiceType?: string;
}

export interface D0QualifiedAmount {
  qualifier: string;
  amountCents?: number;
}

export interface D0Pricing extends WithExtra {
  ingredientCostSubmittedCents?: number;
  dispensingFeeSubmittedCents?: number;
  professionalServiceFeeSubmittedCents?: number;
  patientPaidAmountSubmittedCents?: number;
  incentiveAmountSubmittedCents?: number;
  otherAmountsClaimed?: D0QualifiedAmount[];
  flatSalesTaxSubmittedCents?: number;
  percentageSalesTaxSubmittedCents?: number;
  percentageSalesTaxRateSubmitted?: number;
  percentageSalesTaxBasisSubmitted?: string;
  usualAndCustomaryChargeCents?: number;
  grossAmountDueCents?: number;
  basisOfCostDetermination?: string;
  medicaidPaidAmountCents?: number;
}

/** One DUR/PPS occurrence; 473-7E counter is written from the array position. */
export interface D0DurPpsEntry {
  reasonForServiceCode?: string;
  professionalServiceCode?: string;
  resultOfServiceCode?: string;
  levelOfEffort?: string;
  coAgentIdQualifier?: string;
  coAgentId?: string;
}

export interface D0DurPps extends WithExtra {
  entries?: D0DurPpsEntry[];
}

export interface D0OtherPayer {
  /** 338-5C, opens each occurrence */
  coverageType: string;
  idQualifier?: string;
  id?: string;
  date?: string;
  internalControlNumber?: string;
  amountsPaid?: D0QualifiedAmount[];
  rejectCodes?: string[];
  patientResponsibility?: D0QualifiedAmount[];
  benefitStages?: D0QualifiedAmount[];
}

export interface D0Cob extends WithExtra {
  otherPayers?: D0OtherPayer[];
}

export interface D0CompoundIngredient {
  /** 488-RE, opens each occurrence */
  productIdQualifier: string;
  productId?: string;
  quantity?: number;
  drugCostCents?: number;
  basisOfCostDetermination?: string;
  modifierCodes?: string[];
}

export interface D0Compound extends WithExtra {
  dosageFormDescriptionCode?: string;
  dispensingUnitFormIndicator?: string;
  ingredients?: D0CompoundIngredient[];
}

export interface D0RequestTransaction {
  claim?: D0Claim;
  prescriber?: D0Prescriber;
  pricing?: D0Pricing;
  dur?: D0DurPps;
  cob?: D0Cob;
  compound?: D0Compound;
  otherSegments?: D0RawSegment[];
}

export interface D0Request {
  header: D0RequestHeader;
  patient?: D0Patient;
  insurance?: D0Insurance;
  otherSegments?: D0RawSegment[];
  transactions: D0RequestTransaction[];
}

// ---- responses ----

/** 112-AN: A approved, C captured, D duplicate of paid, F PA deferred, P paid, Q duplicate of captured,
 * R rejected, S duplicate of approved (VistA 9002313.0301, domain-rules.md §5). */
export type D0TransactionStatus = 'A' | 'C' | 'D' | 'F' | 'P' | 'Q' | 'R' | 'S';

export interface D0ResponseHeader {
  version: 'D0';
  transactionCode: D0TransactionCode;
  transactionCount: number;
  /** 501-F1: A accepted, R rejected */
  headerResponseStatus: 'A' | 'R';
  serviceProviderIdQualifier: string;
  serviceProviderId: string;
  dateOfService: string;
}

export interface D0ResponseMessage extends WithExtra {
  text?: string;
}

export interface D0ResponseInsurance extends WithExtra {
  groupId?: string;
  planId?: string;
  networkReimbursementId?: string;
  payerIdQualifier?: string;
  payerId?: string;
  medicaidIdNumber?: string;
  medicaidAgencyNumber?: string;
  cardholderId?: string;
}

export interface D0ResponsePatient extends WithExtra {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
}

export interface D0Reject {
  /** 511-FB */
  code: string;
  /** 546-4F: which repetition of a repeating field the reject refers to */
  fieldOccurrence?: number;
}

export interface D0AdditionalMessage {
  /** 132-UH, opens each occurrence */
  qualifier: string;
  /** 526-FQ */
  text?: string;
  /** 131-UG ("+" = continues in the next occurrence) */
  continuity?: string;
}

export interface D0ResponseStatus extends WithExtra {
  transactionStatus?: D0TransactionStatus;
  authorizationNumber?: string;
  rejects?: D0Reject[];
  approvedMessageCodes?: string[];
  additionalMessages?: D0AdditionalMessage[];
  helpDeskPhoneQualifier?: string;
  helpDeskPhone?: string;
  transactionReferenceNumber?: string;
  internalControlNumber?: string;
  url?: string;
}

export interface D0PreferredProduct {
  productIdQualifier: string;
  productId?: string;
  incentiveCents?: number;
  costShareIncentiveCents?: number;
  description?: string;
}

export interface D0ResponseClaim extends WithExtra {
  rxReferenceQualifier?: string;
  rxNumber?: string;
  preferredProducts?: D0PreferredProduct[];
  medicaidSubrogationIcn?: string;
}

export interface D0ResponsePricing extends WithExtra {
  patientPayAmountCents?: number;
  ingredientCostPaidCents?: number;
  dispensingFeePaidCents?: number;
  taxExemptIndicator?: string;
  flatSalesTaxPaidCents?: number;
  percentageSalesTaxPaidCents?: number;
  percentageSalesTaxRatePaid?: number;
  percentageSalesTaxBasisPaid?: string;
  incentiveAmountPaidCents?: number;
  professionalServiceFeePaidCents?: number;
  otherAmountsPaid?: D0QualifiedAmount[];
  otherPayerAmountRecognizedCents?: number;
  /** 509-F9: what the plan pays the pharmacy */
  totalAmountPaidCents?: number;
  basisOfReimbursement?: string;
  amountAttributedToSalesTaxCents?: number;
  accumulatedDeductibleCents?: number;
  remainingDeductibleCents?: number;
  remainingBenefitCents?: number;
  amountAppliedToPeriodicDeductibleCents?: number;
  amountOfCopayCents?: number;
  amountExceedingPeriodicBenefitMaximumCents?: number;
  basisOfCalculationDispensingFee?: string;
  basisOfCalculationCopay?: string;
  basisOfCalculationFlatSalesTax?: string;
  basisOfCalculationPercentageSalesTax?: string;
  amountAttributedToProcessorFeeCents?: number;
  patientSalesTaxCents?: number;
  planSalesTaxCents?: number;
  amountOfCoinsuranceCents?: number;
  basisOfCalculationCoinsurance?: string;
  benefitStages?: D0QualifiedAmount[];
  estimatedGenericSavingsCents?: number;
  spendingAccountRemainingCents?: number;
  healthPlanFundedAssistanceCents?: number;
  amountAttributedToProviderNetworkSelectionCents?: number;
  amountAttributedToBrandDrugCents?: number;
  amountAttributedToNonPreferredFormularyCents?: number;
  amountAttributedToBrandNonPreferredFormularyCents?: number;
  amountAttributedToCoverageGapCents?: number;
  ingredientCostContractedCents?: number;
  dispensingFeeContractedCents?: number;
}

/** One response DUR/PPS occurrence; 567-J6 counter is written from the array position. */
export interface D0DurResponseEntry {
  reasonForServiceCode?: string;
  /** 528-FS: 1 major, 2 moderate, 3 minor */
  clinicalSignificanceCode?: string;
  otherPharmacyIndicator?: string;
  previousDateOfFill?: string;
  quantityOfPreviousFill?: number;
  databaseIndicator?: string;
  otherPrescriberIndicator?: string;
  freeTextMessage?: string;
  additionalText?: string;
}

export interface D0ResponseDur extends WithExtra {
  entries?: D0DurResponseEntry[];
}

export interface D0ResponseOtherPayer {
  coverageType: string;
  idQualifier?: string;
  id?: string;
  pcn?: string;
  cardholderId?: string;
  groupId?: string;
  personCode?: string;
  helpDeskPhone?: string;
  patientRelationshipCode?: string;
  benefitEffectiveDate?: string;
  benefitTerminationDate?: string;
}

export interface D0ResponseCob extends WithExtra {
  otherPayers?: D0ResponseOtherPayer[];
}

export interface D0ResponseTransaction {
  status?: D0ResponseStatus;
  claim?: D0ResponseClaim;
  pricing?: D0ResponsePricing;
  dur?: D0ResponseDur;
  cob?: D0ResponseCob;
  otherSegments?: D0RawSegment[];
}

export interface D0Response {
  header: D0ResponseHeader;
  message?: D0ResponseMessage;
  insurance?: D0ResponseInsurance;
  patient?: D0ResponsePatient;
  otherSegments?: D0RawSegment[];
  transactions: D0ResponseTransaction[];
}
