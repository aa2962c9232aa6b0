import type { D0DurPpsEntry, D0Request, D0RequestHeader } from '@apotheca/core/ncpdp';
import type { PatientTable, SiteTable } from '../../platform/db/schema';
import type { ClaimTable } from '../../platform/db/schema-claims';
import type { PatientCoverageTable } from '../../platform/db/schema-rx';
import { conflict } from '../../platform/errors';
import type { BillingData } from './load';

export const SOFTWARE_ID = 'APOTHECA01';
export const ccyymmdd = (iso: string) => iso.slice(0, 10).replaceAll('-', '');

export interface DurOverride {
  reasonCode: string;
  professionalServiceCode: string;
  resultCode: string;
  levelOfEffort?: string | undefined;
}

/** 202-B2/201-B1: the pharmacy's NPI (qualifier 01), else its NCPDP provider id (07). */
export function providerOf(site: SiteTable): { qualifier: string; id: string } {
  if (site.npi) return { qualifier: '01', id: site.npi };
  if (site.ncpdp_id) return { qualifier: '07', id: site.ncpdp_id };
  throw conflict(
    'site_not_enrolled',
    `Site ${site.code} has no NPI or NCPDP provider id; payers cannot identify it`,
  );
}

function header(
  coverage: Pick<PatientCoverageTable, 'bin' | 'pcn'>,
  code: D0RequestHeader['transactionCode'],
  provider: { qualifier: string; id: string },
  dos: string,
  count: number,
): D0RequestHeader {
  return {
    bin: coverage.bin,
    version: 'D0',
    transactionCode: code,
    pcn: coverage.pcn ?? '',
    transactionCount: count,
    serviceProviderIdQualifier: provider.qualifier,
    serviceProviderId: provider.id,
    dateOfService: dos,
    softwareVendorCertId: SOFTWARE_ID,
  };
}

const GENDER: Record<string, string> = { male: '1', female: '2' };
// 419-DJ Prescription Origin Code: 1 written, 2 telephone, 3 electronic, 4 facsimile, 5 pharmacy.
const ORIGIN: Record<string, string> = { written: '1', phone: '2', erx: '3', fax: '4', transfer_in: '5' };

function patientSegment(p: PatientTable) {
  return {
    dateOfBirth: ccyymmdd(p.birth_date),
    genderCode: GENDER[p.sex] ?? '0',
    firstName: p.first_name.toUpperCase().slice(0, 12),
    lastName: p.last_name.toUpperCase().slice(0, 15),
    ...(p.postal_code ? { zip: p.postal_code.replace(/\D/g, '').slice(0, 9) } : {}),
  };
}

function insuranceSegment(c: PatientCoverageTable) {
  return {
    cardholderId: c.member_id,
    ...(c.group_id ? { groupId: c.group_id } : {}),
    ...(c.person_code ? { personCode: c.person_code } : {}),
    ...(c.relationship ? { patientRelationshipCode: c.relationship } : {}),
  };
}

/** B1 (billing) or B3 (rebill) for one fill. Secondary claims carry the COB segment with the primary's amounts. */
export function buildBilling(
  d: BillingData,
  code: 'B1' | 'B3',
  dos: string,
  extra: { durOverrides: DurOverride[]; paNumber: string | null },
): D0Request {
  const provider = providerOf(d.site);
  const gross = d.ingredientCostCents + d.dispensingFeeCents;
  const p = d.primary;
  return {
    header: header(d.coverage, code, provider, dos, 1),
    patient: patientSegment(d.patient),
    insurance: insuranceSegment(d.coverage),
    transactions: [
      {
        claim: {
          rxReferenceQualifier: '1',
          rxNumber: String(d.rx.rx_number),
          productIdQualifier: '03',
          productId: d.ndc11,
          quantityDispensed: Math.round(d.quantity * 1000) / 1000,
          fillNumber: d.fill.fill_number,
          daysSupply: d.daysSupply,
          compoundCode: '1',
          dawCode: d.rx.daw,
          dateWritten: ccyymmdd(d.rx.written_date),
          refillsAuthorized: d.rx.refills_authorized,
          prescriptionOriginCode: ORIGIN[d.rx.origin] ?? '0',
          ...(p ? { otherCoverageCode: '2' } : {}),
          unitOfMeasure: d.unitOfMeasure,
          ...(extra.paNumber
            ? { priorAuthorizationTypeCode: '1', priorAuthorizationNumber: extra.paNumber }
            : {}),
        },
        pricing: {
          ingredientCostSubmittedCents: d.ingredientCostCents,
          dispensingFeeSubmittedCents: d.dispensingFeeCents,
          usualAndCustomaryChargeCents: d.usualAndCustomaryCents,
          grossAmountDueCents: Math.min(gross, d.usualAndCustomaryCents),
        },
        ...(d.prescriber
          ? {
              prescriber: {
                prescriberIdQualifier: '01',
                prescriberId: d.prescriber.npi,
                lastName: d.prescriber.last_name.toUpperCase().slice(0, 15),
              },
            }
          : {}),
        ...(p
          ? {
              // 338-5C 01 primary; 339-6C 03 BIN; 342-HC 07 drug benefit; 351-NP 06 patient pay amount (505-F5).
              cob: {
                otherPayers: [
                  {
                    coverageType: '01',
                    idQualifier: '03',
                    id: p.bin,
                    date: p.date_of_service,
                    amountsPaid: [{ qualifier: '07', amountCents: p.plan_pay_cents ?? 0 }],
                    patientResponsibility: [{ qualifier: '06', amountCents: p.patient_pay_cents ?? 0 }],
                  },
                ],
              },
            }
          : {}),
        ...(extra.durOverrides.length
          ? {
              dur: {
                entries: extra.durOverrides.slice(0, 9).map(
                  (o): D0DurPpsEntry => ({
                    reasonForServiceCode: o.reasonCode,
                    professionalServiceCode: o.professionalServiceCode,
                    resultOfServiceCode: o.resultCode,
                    ...(o.levelOfEffort ? { levelOfEffort: o.levelOfEffort } : {}),
                  }),
                ),
              },
            }
          : {}),
      },
    ],
  };
}

/** B2 reversal of a claim: same BIN/PCN, provider, date of service, prescription and fill number as the billing. */
export function buildReversal(c: ClaimTable, provider: { qualifier: string; id: string }): D0Request {
  return {
    header: header({ bin: c.bin, pcn: c.pcn }, 'B2', provider, c.date_of_service, 1),
    insurance: { cardholderId: c.member_id, ...(c.group_id ? { groupId: c.group_id } : {}) },
    transactions: [
      {
        claim: {
          rxReferenceQualifier: '1',
          rxNumber: c.rx_number,
          productIdQualifier: '03',
          productId: c.ndc11,
          fillNumber: c.fill_number,
        },
      },
    ],
  };
}

/** E1 eligibility verification (no transaction groups). */
export function buildEligibility(
  site: SiteTable,
  patient: PatientTable,
  coverage: PatientCoverageTable,
  dos: string,
): D0Request {
  return {
    header: header(coverage, 'E1', providerOf(site), dos, 1),
    patient: patientSegment(patient),
    insurance: insuranceSegment(coverage),
    transactions: [],
  };
}
