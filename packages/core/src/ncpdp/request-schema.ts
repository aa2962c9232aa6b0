// Request segments a pharmacy sends (B1/B2/B3/E1). Field ids and data-dictionary numbers from the
// D.0 payer sheets and open implementations: transactrx/ncpdpscript segments/b1Request.go (struct tags
// "07D7" = segment 07, field D7), Mirth Connect NCPDPReference.java (D.0 field names), VistA BPS.
// Wire order follows the payer sheet templates; decoding accepts any order.

import { compileSegment, f, list, type SegmentSpec } from './schema';

export const PATIENT_SEGMENT: SegmentSpec = {
  id: '01',
  name: 'Patient',
  entries: [
    f('CX', '331-CX', 'patientIdQualifier', 'an', 'Patient ID Qualifier'),
    f('CY', '332-CY', 'patientId', 'an', 'Patient ID'),
    f('C4', '304-C4', 'dateOfBirth', 'date', 'Date of Birth'),
    f('C5', '305-C5', 'genderCode', 'an', 'Patient Gender Code'),
    f('CA', '310-CA', 'firstName', 'an', 'Patient First Name'),
    f('CB', '311-CB', 'lastName', 'an', 'Patient Last Name'),
    f('CM', '322-CM', 'streetAddress', 'an', 'Patient Street Address'),
    f('CN', '323-CN', 'city', 'an', 'Patient City Address'),
    f('CO', '324-CO', 'state', 'an', 'Patient State/Province Address'),
    f('CP', '325-CP', 'zip', 'an', 'Patient Zip/Postal Zone'),
    f('CQ', '326-CQ', 'phone', 'an', 'Patient Phone Number'),
    f('C7', '307-C7', 'placeOfService', 'an', 'Place of Service'),
    f('CZ', '333-CZ', 'employerId', 'an', 'Employer ID'),
    f('1C', '334-1C', 'smokerCode', 'an', 'Smoker/Non-Smoker Code'),
    f('2C', '335-2C', 'pregnancyIndicator', 'an', 'Pregnancy Indicator'),
    f('HN', '350-HN', 'email', 'an', 'Patient E-Mail Address'),
    f('4X', '384-4X', 'patientResidence', 'an', 'Patient Residence'),
  ],
};

export const INSURANCE_SEGMENT: SegmentSpec = {
  id: '04',
  name: 'Insurance',
  entries: [
    f('C2', '302-C2', 'cardholderId', 'an', 'Cardholder ID'),
    f('CC', '312-CC', 'cardholderFirstName', 'an', 'Cardholder First Name'),
    f('CD', '313-CD', 'cardholderLastName', 'an', 'Cardholder Last Name'),
    f('CE', '314-CE', 'homePlan', 'an', 'Home Plan'),
    f('FO', '524-FO', 'planId', 'an', 'Plan ID'),
    f('C9', '309-C9', 'eligibilityClarificationCode', 'an', 'Eligibility Clarification Code'),
    f('C1', '301-C1', 'groupId', 'an', 'Group ID'),
    f('C3', '303-C3', 'personCode', 'an', 'Person Code'),
    f('C6', '306-C6', 'patientRelationshipCode', 'an', 'Patient Relationship Code'),
    f('MG', '990-MG', 'otherPayerBin', 'an', 'Other Payer BIN Number'),
    f('MH', '991-MH', 'otherPayerPcn', 'an', 'Other Payer Processor Control Number'),
    f('NU', '356-NU', 'otherPayerCardholderId', 'an', 'Other Payer Cardholder ID'),
    f('MJ', '992-MJ', 'otherPayerGroupId', 'an', 'Other Payer Group ID'),
    f('2A', '359-2A', 'medigapId', 'an', 'Medigap ID'),
    f('2B', '360-2B', 'medicaidIndicator', 'an', 'Medicaid Indicator'),
    f('2D', '361-2D', 'providerAcceptsAssignment', 'an', 'Provider Accept Assignment Indicator'),
    f('G2', '997-G2', 'cmsPartDQualifiedFacility', 'an', 'CMS Part D Defined Qualified Facility'),
    f('N5', '115-N5', 'medicaidIdNumber', 'an', 'Medicaid ID Number'),
    f('N6', '116-N6', 'medicaidAgencyNumber', 'an', 'Medicaid Agency Number'),
  ],
};

export const PRESCRIBER_SEGMENT: SegmentSpec = {
  id: '03',
  name: 'Prescriber',
  entries: [
    f('EZ', '466-EZ', 'prescriberIdQualifier', 'an', 'Prescriber ID Qualifier'),
    f('DB', '411-DB', 'prescriberId', 'an', 'Prescriber ID'),
    f('DR', '427-DR', 'lastName', 'an', 'Prescriber Last Name'),
    f('2J', '364-2J', 'firstName', 'an', 'Prescriber First Name'),
    f('2K', '365-2K', 'streetAddress', 'an', 'Prescriber Street Address'),
    f('2M', '366-2M', 'city', 'an', 'Prescriber City Address'),
    f('2N', '367-2N', 'state', 'an', 'Prescriber State/Province Address'),
    f('2P', '368-2P', 'zip', 'an', 'Prescriber Zip/Postal Zone'),
    f('PM', '498-PM', 'phone', 'an', 'Prescriber Phone Number'),
    f('2E', '468-2E', 'primaryCareProviderIdQualifier', 'an', 'Primary Care Provider ID Qualifier'),
    f('DL', '421-DL', 'primaryCareProviderId', 'an', 'Primary Care Provider ID'),
    f('4E', '470-4E', 'primaryCareProviderLastName', 'an', 'Primary Care Provider Last Name'),
  ],
};

export const CLAIM_SEGMENT: SegmentSpec = {
  id: '07',
  name: 'Claim',
  entries: [
    f('EM', '455-EM', 'rxReferenceQualifier', 'an', 'Prescription/Service Reference Number Qualifier'),
    f('D2', '402-D2', 'rxNumber', 'an', 'Prescription/Service Reference Number'),
    f('E1', '436-E1', 'productIdQualifier', 'an', 'Product/Service ID Qualifier'),
    f('D7', '407-D7', 'productId', 'an', 'Product/Service ID'),
    f('EN', '456-EN', 'associatedRxNumber', 'an', 'Associated Prescription/Service Reference Number'),
    f('EP', '457-EP', 'associatedRxDate', 'date', 'Associated Prescription/Service Date'),
    list({
      key: 'procedureModifierCodes',
      name: 'procedure modifier',
      count: f('SE', '458-SE', 'procedureModifierCount', 'int', 'Procedure Modifier Code Count').field,
      scalar: true,
      items: [f('ER', '459-ER', 'procedureModifierCode', 'an', 'Procedure Modifier Code')],
    }),
    f('E7', '442-E7', 'quantityDispensed', 'qty', 'Quantity Dispensed'),
    f('D3', '403-D3', 'fillNumber', 'int', 'Fill Number'),
    f('D5', '405-D5', 'daysSupply', 'int', 'Days Supply'),
    f('D6', '406-D6', 'compoundCode', 'an', 'Compound Code'),
    f('D8', '408-D8', 'dawCode', 'an', 'Dispense As Written (DAW)/Product Selection Code'),
    f('DE', '414-DE', 'dateWritten', 'date', 'Date Prescription Written'),
    f('DF', '415-DF', 'refillsAuthorized', 'int', 'Number of Refills Authorized'),
    f('DJ', '419-DJ', 'prescriptionOriginCode', 'an', 'Prescription Origin Code'),
    list({
      key: 'submissionClarificationCodes',
      name: 'submission clarification code',
      count: f('NX', '354-NX', 'sccCount', 'int', 'Submission Clarification Code Count').field,
      scalar: true,
      items: [f('DK', '420-DK', 'submissionClarificationCode', 'an', 'Submission Clarification Code')],
    }),
    f('ET', '460-ET', 'quantityPrescribed', 'qty', 'Quantity Prescribed'),
    f('C8', '308-C8', 'otherCoverageCode', 'an', 'Other Coverage Code'),
    f('DT', '429-DT', 'specialPackagingIndicator', 'an', 'Special Packaging Indicator'),
    f(
      'EJ',
      '453-EJ',
      'originallyPrescribedProductIdQualifier',
      'an',
      'Originally Prescribed Product/Service ID Qualifier',
    ),
    f('EA', '445-EA', 'originallyPrescribedProductId', 'an', 'Originally Prescribed Product/Service Code'),
    f('EB', '446-EB', 'originallyPrescribedQuantity', 'qty', 'Originally Prescribed Quantity'),
    f('CW', '330-CW', 'alternateId', 'an', 'Alternate ID'),
    f('EK', '454-EK', 'scheduledRxId', 'an', 'Scheduled Prescription ID Number'),
    f('28', '600-28', 'unitOfMeasure', 'an', 'Unit of Measure'),
    f('DI', '418-DI', 'levelOfService', 'an', 'Level of Service'),
    f('EU', '461-EU', 'priorAuthorizationTypeCode', 'an', 'Prior Authorization Type Code'),
    f('EV', '462-EV', 'priorAuthorizationNumber', 'an', 'Prior Authorization Number Submitted'),
    f('EW', '463-EW', 'intermediaryAuthorizationTypeId', 'an', 'Intermediary Authorization Type ID'),
    f('EX', '464-EX', 'intermediaryAuthorizationId', 'an', 'Intermediary Authorization ID'),
    f('HD', '343-HD', 'dispensingStatus', 'an', 'Dispensing Status'),
    f('HF', '344-HF', 'quantityIntendedToBeDispensed', 'qty', 'Quantity Intended To Be Dispensed'),
    f('HG', '345-HG', 'daysSupplyIntendedToBeDispensed', 'int', 'Days Supply Intended To Be Dispensed'),
    f('NV', '357-NV', 'delayReasonCode', 'an', 'Delay Reason Code'),
    f('K5', '880-K5', 'transactionReferenceNumber', 'an', 'Transaction Reference Number'),
    f('MT', '391-MT', 'patientAssignmentIndicator', 'an', 'Patient Assignment Indicator'),
    f('E2', '995-E2', 'routeOfAdministration', 'an', 'Route of Administration'),
    f('G1', '996-G1', 'compoundType', 'an', 'Compound Type'),
    f('N4', '114-N4', 'medicaidSubrogationIcn', 'an', 'Medicaid Subrogation Internal Control Number'),
    f('U7', '147-U7', 'pharmacyServiceType', 'an', 'Pharmacy Service Type'),
  ],
};

export const PRICING_SEGMENT: SegmentSpec = {
  id: '11',
  name: 'Pricing',
  entries: [
    f('D9', '409-D9', 'ingredientCostSubmittedCents', 'money', 'Ingredient Cost Submitted'),
    f('DC', '412-DC', 'dispensingFeeSubmittedCents', 'money', 'Dispensing Fee Submitted'),
    f('BE', '477-BE', 'professionalServiceFeeSubmittedCents', 'money', 'Professional Service Fee Submitted'),
    f('DX', '433-DX', 'patientPaidAmountSubmittedCents', 'money', 'Patient Paid Amount Submitted'),
    f('E3', '438-E3', 'incentiveAmountSubmittedCents', 'money', 'Incentive Amount Submitted'),
    list({
      key: 'otherAmountsClaimed',
      name: 'other amount claimed',
      count: f('H7', '478-H7', 'count', 'int', 'Other Amount Claimed Submitted Count').field,
      items: [
        f('H8', '479-H8', 'qualifier', 'an', 'Other Amount Claimed Submitted Qualifier'),
        f('H9', '480-H9', 'amountCents', 'money', 'Other Amount Claimed Submitted'),
      ],
    }),
    f('HA', '481-HA', 'flatSalesTaxSubmittedCents', 'money', 'Flat Sales Tax Amount Submitted'),
    f('GE', '482-GE', 'percentageSalesTaxSubmittedCents', 'money', 'Percentage Sales Tax Amount Submitted'),
    f('HE', '483-HE', 'percentageSalesTaxRateSubmitted', 'rate', 'Percentage Sales Tax Rate Submitted'),
    f('JE', '484-JE', 'percentageSalesTaxBasisSubmitted', 'an', 'Percentage Sales Tax Basis Submitted'),
    f('DQ', '426-DQ', 'usualAndCustomaryChargeCents', 'money', 'Usual and Customary Charge'),
    f('DU', '430-DU', 'grossAmountDueCents', 'money', 'Gross Amount Due'),
    f('DN', '423-DN', 'basisOfCostDetermination', 'an', 'Basis of Cost Determination'),
    f('N3', '113-N3', 'medicaidPaidAmountCents', 'money', 'Medicaid Paid Amount'),
  ],
};

export const DUR_PPS_SEGMENT: SegmentSpec = {
  id: '08',
  name: 'DUR/PPS',
  entries: [
    list({
      key: 'entries',
      name: 'DUR/PPS',
      counter: f('7E', '473-7E', 'counter', 'int', 'DUR/PPS Code Counter').field,
      items: [
        f('E4', '439-E4', 'reasonForServiceCode', 'an', 'Reason for Service Code'),
        f('E5', '440-E5', 'professionalServiceCode', 'an', 'Professional Service Code'),
        f('E6', '441-E6', 'resultOfServiceCode', 'an', 'Result of Service Code'),
        f('8E', '474-8E', 'levelOfEffort', 'an', 'DUR/PPS Level of Effort'),
        f('J9', '475-J9', 'coAgentIdQualifier', 'an', 'DUR Co-Agent ID Qualifier'),
        f('H6', '476-H6', 'coAgentId', 'an', 'DUR Co-Agent ID'),
      ],
    }),
  ],
};

const amountList = (
  key: string,
  name: string,
  count: [string, string, string],
  q: [string, string, string],
  a: [string, string, string],
) =>
  list({
    key,
    name,
    count: f(count[0], count[1], 'count', 'int', count[2]).field,
    items: [f(q[0], q[1], 'qualifier', 'an', q[2]), f(a[0], a[1], 'amountCents', 'money', a[2])],
  });

export const COB_SEGMENT: SegmentSpec = {
  id: '05',
  name: 'Coordination of Benefits/Other Payments',
  entries: [
    list({
      key: 'otherPayers',
      name: 'other payer',
      count: f('4C', '337-4C', 'count', 'int', 'Coordination of Benefits/Other Payments Count').field,
      items: [
        f('5C', '338-5C', 'coverageType', 'an', 'Other Payer Coverage Type'),
        f('6C', '339-6C', 'idQualifier', 'an', 'Other Payer ID Qualifier'),
        f('7C', '340-7C', 'id', 'an', 'Other Payer ID'),
        f('E8', '443-E8', 'date', 'date', 'Other Payer Date'),
        f('A7', '993-A7', 'internalControlNumber', 'an', 'Internal Control Number'),
        amountList(
          'amountsPaid',
          'other payer amount paid',
          ['HB', '341-HB', 'Other Payer Amount Paid Count'],
          ['HC', '342-HC', 'Other Payer Amount Paid Qualifier'],
          ['DV', '431-DV', 'Other Payer Amount Paid'],
        ),
        list({
          key: 'rejectCodes',
          name: 'other payer reject',
          count: f('5E', '471-5E', 'count', 'int', 'Other Payer Reject Count').field,
          scalar: true,
          items: [f('6E', '472-6E', 'code', 'an', 'Other Payer Reject Code')],
        }),
        amountList(
          'patientResponsibility',
          'other payer-patient responsibility amount',
          ['NR', '353-NR', 'Other Payer-Patient Responsibility Amount Count'],
          ['NP', '351-NP', 'Other Payer-Patient Responsibility Amount Qualifier'],
          ['NQ', '352-NQ', 'Other Payer-Patient Responsibility Amount'],
        ),
        amountList(
          'benefitStages',
          'benefit stage',
          ['MU', '392-MU', 'Benefit Stage Count'],
          ['MV', '393-MV', 'Benefit Stage Qualifier'],
          ['MW', '394-MW', 'Benefit Stage Amount'],
        ),
      ],
    }),
  ],
};

export const COMPOUND_SEGMENT: SegmentSpec = {
  id: '10',
  name: 'Compound',
  entries: [
    f('EF', '450-EF', 'dosageFormDescriptionCode', 'an', 'Compound Dosage Form Description Code'),
    f('EG', '451-EG', 'dispensingUnitFormIndicator', 'an', 'Compound Dispensing Unit Form Indicator'),
    list({
      key: 'ingredients',
      name: 'compound ingredient',
      count: f('EC', '447-EC', 'count', 'int', 'Compound Ingredient Component Count').field,
      items: [
        f('RE', '488-RE', 'productIdQualifier', 'an', 'Compound Product ID Qualifier'),
        f('TE', '489-TE', 'productId', 'an', 'Compound Product ID'),
        f('ED', '448-ED', 'quantity', 'qty', 'Compound Ingredient Quantity'),
        f('EE', '449-EE', 'drugCostCents', 'money', 'Compound Ingredient Drug Cost'),
        f(
          'UE',
          '490-UE',
          'basisOfCostDetermination',
          'an',
          'Compound Ingredient Basis of Cost Determination',
        ),
        list({
          key: 'modifierCodes',
          name: 'compound ingredient modifier',
          count: f('2G', '362-2G', 'count', 'int', 'Compound Ingredient Modifier Code Count').field,
          scalar: true,
          items: [f('2H', '363-2H', 'code', 'an', 'Compound Ingredient Modifier Code')],
        }),
      ],
    }),
  ],
};

export const REQUEST_SEGMENTS = {
  patient: compileSegment(PATIENT_SEGMENT),
  insurance: compileSegment(INSURANCE_SEGMENT),
  prescriber: compileSegment(PRESCRIBER_SEGMENT),
  claim: compileSegment(CLAIM_SEGMENT),
  pricing: compileSegment(PRICING_SEGMENT),
  dur: compileSegment(DUR_PPS_SEGMENT),
  cob: compileSegment(COB_SEGMENT),
  compound: compileSegment(COMPOUND_SEGMENT),
};
