// Response segments a processor returns. Field ids from transactrx/ncpdpscript segments/b1Response.go
// (struct tags "21FB" = segment 21, field FB) and Mirth NCPDPReference.java; response status values
// from VistA file 9002313.0301 (domain-rules.md §5).

import { compileSegment, f, list, type SegmentSpec } from './schema';

export const RESPONSE_MESSAGE_SEGMENT: SegmentSpec = {
  id: '20',
  name: 'Response Message',
  entries: [f('F4', '504-F4', 'text', 'an', 'Message')],
};

export const RESPONSE_INSURANCE_SEGMENT: SegmentSpec = {
  id: '25',
  name: 'Response Insurance',
  entries: [
    f('C1', '301-C1', 'groupId', 'an', 'Group ID'),
    f('FO', '524-FO', 'planId', 'an', 'Plan ID'),
    f('2F', '545-2F', 'networkReimbursementId', 'an', 'Network Reimbursement ID'),
    f('J7', '568-J7', 'payerIdQualifier', 'an', 'Payer ID Qualifier'),
    f('J8', '569-J8', 'payerId', 'an', 'Payer ID'),
    f('N5', '115-N5', 'medicaidIdNumber', 'an', 'Medicaid ID Number'),
    f('N6', '116-N6', 'medicaidAgencyNumber', 'an', 'Medicaid Agency Number'),
    f('C2', '302-C2', 'cardholderId', 'an', 'Cardholder ID'),
  ],
};

export const RESPONSE_PATIENT_SEGMENT: SegmentSpec = {
  id: '29',
  name: 'Response Patient',
  entries: [
    f('CA', '310-CA', 'firstName', 'an', 'Patient First Name'),
    f('CB', '311-CB', 'lastName', 'an', 'Patient Last Name'),
    f('C4', '304-C4', 'dateOfBirth', 'date', 'Date of Birth'),
  ],
};

export const RESPONSE_STATUS_SEGMENT: SegmentSpec = {
  id: '21',
  name: 'Response Status',
  entries: [
    f('AN', '112-AN', 'transactionStatus', 'an', 'Transaction Response Status'),
    f('F3', '503-F3', 'authorizationNumber', 'an', 'Authorization Number'),
    list({
      key: 'rejects',
      name: 'reject',
      count: f('FA', '510-FA', 'count', 'int', 'Reject Count').field,
      items: [
        f('FB', '511-FB', 'code', 'an', 'Reject Code'),
        f('4F', '546-4F', 'fieldOccurrence', 'int', 'Reject Field Occurrence Indicator'),
      ],
    }),
    list({
      key: 'approvedMessageCodes',
      name: 'approved message code',
      count: f('5F', '547-5F', 'count', 'int', 'Approved Message Code Count').field,
      scalar: true,
      items: [f('6F', '548-6F', 'code', 'an', 'Approved Message Code')],
    }),
    list({
      key: 'additionalMessages',
      name: 'additional message',
      count: f('UF', '130-UF', 'count', 'int', 'Additional Message Information Count').field,
      items: [
        f('UH', '132-UH', 'qualifier', 'an', 'Additional Message Information Qualifier'),
        f('FQ', '526-FQ', 'text', 'an', 'Additional Message Information'),
        f('UG', '131-UG', 'continuity', 'an', 'Additional Message Information Continuity'),
      ],
    }),
    f('7F', '549-7F', 'helpDeskPhoneQualifier', 'an', 'Help Desk Phone Number Qualifier'),
    f('8F', '550-8F', 'helpDeskPhone', 'an', 'Help Desk Phone Number'),
    f('K5', '880-K5', 'transactionReferenceNumber', 'an', 'Transaction Reference Number'),
    f('A7', '993-A7', 'internalControlNumber', 'an', 'Internal Control Number'),
    f('MA', '987-MA', 'url', 'an', 'URL'),
  ],
};

export const RESPONSE_CLAIM_SEGMENT: SegmentSpec = {
  id: '22',
  name: 'Response Claim',
  entries: [
    f('EM', '455-EM', 'rxReferenceQualifier', 'an', 'Prescription/Service Reference Number Qualifier'),
    f('D2', '402-D2', 'rxNumber', 'an', 'Prescription/Service Reference Number'),
    list({
      key: 'preferredProducts',
      name: 'preferred product',
      count: f('9F', '551-9F', 'count', 'int', 'Preferred Product Count').field,
      items: [
        f('AP', '552-AP', 'productIdQualifier', 'an', 'Preferred Product ID Qualifier'),
        f('AR', '553-AR', 'productId', 'an', 'Preferred Product ID'),
        f('AS', '554-AS', 'incentiveCents', 'money', 'Preferred Product Incentive'),
        f('AT', '555-AT', 'costShareIncentiveCents', 'money', 'Preferred Product Cost Share Incentive'),
        f('AU', '556-AU', 'description', 'an', 'Preferred Product Description'),
      ],
    }),
    f('N4', '114-N4', 'medicaidSubrogationIcn', 'an', 'Medicaid Subrogation Internal Control Number'),
  ],
};

const money = (id: string, num: string, key: string, name: string) =>
  f(id, `${num}-${id}`, key, 'money', name);

export const RESPONSE_PRICING_SEGMENT: SegmentSpec = {
  id: '23',
  name: 'Response Pricing',
  entries: [
    money('F5', '505', 'patientPayAmountCents', 'Patient Pay Amount'),
    money('F6', '506', 'ingredientCostPaidCents', 'Ingredient Cost Paid'),
    money('F7', '507', 'dispensingFeePaidCents', 'Dispensing Fee Paid'),
    f('AV', '557-AV', 'taxExemptIndicator', 'an', 'Tax Exempt Indicator'),
    money('AW', '558', 'flatSalesTaxPaidCents', 'Flat Sales Tax Amount Paid'),
    money('AX', '559', 'percentageSalesTaxPaidCents', 'Percentage Sales Tax Amount Paid'),
    f('AY', '560-AY', 'percentageSalesTaxRatePaid', 'rate', 'Percentage Sales Tax Rate Paid'),
    f('AZ', '561-AZ', 'percentageSalesTaxBasisPaid', 'an', 'Percentage Sales Tax Basis Paid'),
    money('FL', '521', 'incentiveAmountPaidCents', 'Incentive Amount Paid'),
    money('J1', '562', 'professionalServiceFeePaidCents', 'Professional Service Fee Paid'),
    list({
      key: 'otherAmountsPaid',
      name: 'other amount paid',
      count: f('J2', '563-J2', 'count', 'int', 'Other Amount Paid Count').field,
      items: [
        f('J3', '564-J3', 'qualifier', 'an', 'Other Amount Paid Qualifier'),
        money('J4', '565', 'amountCents', 'Other Amount Paid'),
      ],
    }),
    money('J5', '566', 'otherPayerAmountRecognizedCents', 'Other Payer Amount Recognized'),
    money('F9', '509', 'totalAmountPaidCents', 'Total Amount Paid'),
    f('FM', '522-FM', 'basisOfReimbursement', 'an', 'Basis of Reimbursement Determination'),
    money('FN', '523', 'amountAttributedToSalesTaxCents', 'Amount Attributed to Sales Tax'),
    money('FC', '512', 'accumulatedDeductibleCents', 'Accumulated Deductible Amount'),
    money('FD', '513', 'remainingDeductibleCents', 'Remaining Deductible Amount'),
    money('FE', '514', 'remainingBenefitCents', 'Remaining Benefit Amount'),
    money('FH', '517', 'amountAppliedToPeriodicDeductibleCents', 'Amount Applied to Periodic Deductible'),
    money('FI', '518', 'amountOfCopayCents', 'Amount of Copay'),
    money(
      'FK',
      '520',
      'amountExceedingPeriodicBenefitMaximumCents',
      'Amount Exceeding Periodic Benefit Maximum',
    ),
    f('HH', '346-HH', 'basisOfCalculationDispensingFee', 'an', 'Basis of Calculation-Dispensing Fee'),
    f('HJ', '347-HJ', 'basisOfCalculationCopay', 'an', 'Basis of Calculation-Copay'),
    f('HK', '348-HK', 'basisOfCalculationFlatSalesTax', 'an', 'Basis of Calculation-Flat Sales Tax'),
    f(
      'HM',
      '349-HM',
      'basisOfCalculationPercentageSalesTax',
      'an',
      'Basis of Calculation-Percentage Sales Tax',
    ),
    money('NZ', '571', 'amountAttributedToProcessorFeeCents', 'Amount Attributed to Processor Fee'),
    money('EQ', '575', 'patientSalesTaxCents', 'Patient Sales Tax Amount'),
    money('2Y', '574', 'planSalesTaxCents', 'Plan Sales Tax Amount'),
    money('4U', '572', 'amountOfCoinsuranceCents', 'Amount of Coinsurance'),
    f('4V', '573-4V', 'basisOfCalculationCoinsurance', 'an', 'Basis of Calculation-Coinsurance'),
    list({
      key: 'benefitStages',
      name: 'benefit stage',
      count: f('MU', '392-MU', 'count', 'int', 'Benefit Stage Count').field,
      items: [
        f('MV', '393-MV', 'qualifier', 'an', 'Benefit Stage Qualifier'),
        money('MW', '394', 'amountCents', 'Benefit Stage Amount'),
      ],
    }),
    money('G3', '577', 'estimatedGenericSavingsCents', 'Estimated Generic Savings'),
    money('UC', '128', 'spendingAccountRemainingCents', 'Spending Account Amount Remaining'),
    money('UD', '129', 'healthPlanFundedAssistanceCents', 'Health Plan-Funded Assistance Amount'),
    money(
      'UJ',
      '133',
      'amountAttributedToProviderNetworkSelectionCents',
      'Amount Attributed to Provider Network Selection',
    ),
    money(
      'UK',
      '134',
      'amountAttributedToBrandDrugCents',
      'Amount Attributed to Product Selection/Brand Drug',
    ),
    money(
      'UM',
      '135',
      'amountAttributedToNonPreferredFormularyCents',
      'Amount Attributed to Product Selection/Non-Preferred Formulary Selection',
    ),
    money(
      'UN',
      '136',
      'amountAttributedToBrandNonPreferredFormularyCents',
      'Amount Attributed to Product Selection/Brand Non-Preferred Formulary Selection',
    ),
    money('UP', '137', 'amountAttributedToCoverageGapCents', 'Amount Attributed to Coverage Gap'),
    money('U8', '148', 'ingredientCostContractedCents', 'Ingredient Cost Contracted/Reimbursable Amount'),
    money('U9', '149', 'dispensingFeeContractedCents', 'Dispensing Fee Contracted/Reimbursable Amount'),
  ],
};

export const RESPONSE_DUR_SEGMENT: SegmentSpec = {
  id: '24',
  name: 'Response DUR/PPS',
  entries: [
    list({
      key: 'entries',
      name: 'DUR/PPS response',
      counter: f('J6', '567-J6', 'counter', 'int', 'DUR/PPS Response Code Counter').field,
      items: [
        f('E4', '439-E4', 'reasonForServiceCode', 'an', 'Reason for Service Code'),
        f('FS', '528-FS', 'clinicalSignificanceCode', 'an', 'Clinical Significance Code'),
        f('FT', '529-FT', 'otherPharmacyIndicator', 'an', 'Other Pharmacy Indicator'),
        f('FU', '530-FU', 'previousDateOfFill', 'date', 'Previous Date of Fill'),
        f('FV', '531-FV', 'quantityOfPreviousFill', 'qty', 'Quantity of Previous Fill'),
        f('FW', '532-FW', 'databaseIndicator', 'an', 'Database Indicator'),
        f('FX', '533-FX', 'otherPrescriberIndicator', 'an', 'Other Prescriber Indicator'),
        f('FY', '544-FY', 'freeTextMessage', 'an', 'DUR Free Text Message'),
        f('NS', '570-NS', 'additionalText', 'an', 'DUR Additional Text'),
      ],
    }),
  ],
};

export const RESPONSE_COB_SEGMENT: SegmentSpec = {
  id: '28',
  name: 'Response Coordination of Benefits/Other Payers',
  entries: [
    list({
      key: 'otherPayers',
      name: 'other payer',
      count: f('NT', '355-NT', 'count', 'int', 'Other Payer ID Count').field,
      items: [
        f('5C', '338-5C', 'coverageType', 'an', 'Other Payer Coverage Type'),
        f('6C', '339-6C', 'idQualifier', 'an', 'Other Payer ID Qualifier'),
        f('7C', '340-7C', 'id', 'an', 'Other Payer ID'),
        f('MH', '991-MH', 'pcn', 'an', 'Other Payer Processor Control Number'),
        f('NU', '356-NU', 'cardholderId', 'an', 'Other Payer Cardholder ID'),
        f('MJ', '992-MJ', 'groupId', 'an', 'Other Payer Group ID'),
        f('UV', '142-UV', 'personCode', 'an', 'Other Payer Person Code'),
        f('UB', '127-UB', 'helpDeskPhone', 'an', 'Other Payer Help Desk Phone Number'),
        f('UW', '143-UW', 'patientRelationshipCode', 'an', 'Other Payer Patient Relationship Code'),
        f('UX', '144-UX', 'benefitEffectiveDate', 'date', 'Other Payer Benefit Effective Date'),
        f('UY', '145-UY', 'benefitTerminationDate', 'date', 'Other Payer Benefit Termination Date'),
      ],
    }),
  ],
};

export const RESPONSE_SEGMENTS = {
  message: compileSegment(RESPONSE_MESSAGE_SEGMENT),
  insurance: compileSegment(RESPONSE_INSURANCE_SEGMENT),
  patient: compileSegment(RESPONSE_PATIENT_SEGMENT),
  status: compileSegment(RESPONSE_STATUS_SEGMENT),
  claim: compileSegment(RESPONSE_CLAIM_SEGMENT),
  pricing: compileSegment(RESPONSE_PRICING_SEGMENT),
  dur: compileSegment(RESPONSE_DUR_SEGMENT),
  cob: compileSegment(RESPONSE_COB_SEGMENT),
};
