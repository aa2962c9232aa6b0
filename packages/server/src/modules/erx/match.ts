import type { NewRxBody } from '@apotheca/core/script';
import type { Db } from '../../platform/db/database';
import { ingredientKey } from '../prescriptions/products';

export interface Proposal {
  patient: {
    id: string | null;
    candidates: { id: string; name: string; birthDate: string; reason: string }[];
  };
  prescriber: { id: string | null; candidates: { id: string; name: string; npi: string; reason: string }[] };
  product: { ndc11: string | null; candidates: { ndc11: string; reason: string }[] };
}

/**
 * Matches the NewRx's patient, prescriber and product to records of the site by identifiers. A unique exact match
 * is applied; anything less is only proposed for the technician to confirm (or create) at intake.
 */
export async function matchNewRx(db: Db, siteId: string, body: NewRxBody): Promise<Proposal> {
  const p = body.patient;
  const dob = p.dateOfBirth.slice(0, 10);
  const out: Proposal = {
    patient: { id: null, candidates: [] },
    prescriber: { id: null, candidates: [] },
    product: { ndc11: null, candidates: [] },
  };

  const mrn = p.identifiers.medicalRecordNumber;
  if (mrn) {
    const byMrn = await db
      .selectFrom('patients')
      .select(['id', 'first_name', 'last_name', 'birth_date'])
      .where('site_id', '=', siteId)
      .where('mrn', '=', mrn)
      .where('merged_into_id', 'is', null)
      .execute();
    for (const r of byMrn)
      if (r.birth_date === dob)
        out.patient.candidates.push({
          id: r.id,
          name: `${r.last_name}, ${r.first_name}`,
          birthDate: r.birth_date,
          reason: 'MRN and date of birth',
        });
  }
  if (!out.patient.candidates.length) {
    const byDob = await db
      .selectFrom('patients')
      .select(['id', 'first_name', 'last_name', 'birth_date'])
      .where('site_id', '=', siteId)
      .where('birth_date', '=', dob)
      .where('merged_into_id', 'is', null)
      .limit(50)
      .execute();
    for (const r of byDob)
      if (r.last_name.toLowerCase() === p.name.lastName.toLowerCase())
        out.patient.candidates.push({
          id: r.id,
          name: `${r.last_name}, ${r.first_name}`,
          birthDate: r.birth_date,
          reason:
            r.first_name.toLowerCase() === (p.name.firstName ?? '').toLowerCase()
              ? 'name and date of birth'
              : 'last name and date of birth',
        });
  }
  const exact = out.patient.candidates.filter((c) => c.reason !== 'last name and date of birth');
  if (exact.length === 1) out.patient.id = exact[0]?.id ?? null;

  if (body.prescriber.npi) {
    const r = await db
      .selectFrom('prescribers')
      .select(['id', 'first_name', 'last_name', 'npi'])
      .where('site_id', '=', siteId)
      .where('npi', '=', body.prescriber.npi)
      .executeTakeFirst();
    if (r) {
      out.prescriber.candidates.push({
        id: r.id,
        name: `${r.last_name}, ${r.first_name}`,
        npi: r.npi,
        reason: 'NPI',
      });
      out.prescriber.id = r.id;
    }
  }

  const code = body.medication.productCode;
  if (code && (code.qualifier === 'ND' || /^\d{11}$/.test(code.code))) {
    const r = await db
      .selectFrom('drug_packages')
      .select('ndc11')
      .where('ndc11', '=', code.code.replace(/\D/g, ''))
      .executeTakeFirst();
    if (r) {
      out.product.ndc11 = r.ndc11;
      out.product.candidates.push({ ndc11: r.ndc11, reason: 'NDC' });
    }
  }
  if (!out.product.ndc11 && body.medication.drugDbCode?.code) {
    const rows = await db
      .selectFrom('drug_packages as k')
      .innerJoin('drug_products as p', 'p.id', 'k.product_id')
      .select('k.ndc11')
      .where('p.rxcui', '=', body.medication.drugDbCode.code)
      .limit(10)
      .execute();
    for (const r of rows)
      out.product.candidates.push({ ndc11: r.ndc11, reason: `RxCUI ${body.medication.drugDbCode.code}` });
  }
  return out;
}

export const ingredientsOf = (description: string) => [
  ingredientKey(description.split(/\s\d/)[0] ?? description),
];
