import type { Ctx } from '../../platform/actor';
import type { Db } from '../../platform/db/database';
import type { PatientTable, PrescriberTable, SiteTable } from '../../platform/db/schema';
import type { ClaimTable } from '../../platform/db/schema-claims';
import type { FillTable, PatientCoverageTable, PrescriptionTable } from '../../platform/db/schema-rx';
import { AppError, conflict, notFound } from '../../platform/errors';
import { acquisitionCents, cashRuleOf, usualAndCustomary } from './pricing';

/** Everything needed to bill one fill to one coverage, read before any transaction opens. */
export interface BillingData {
  site: SiteTable;
  fill: FillTable;
  rx: PrescriptionTable;
  patient: PatientTable;
  prescriber: PrescriberTable | undefined;
  coverage: PatientCoverageTable;
  ndc11: string;
  quantity: number;
  daysSupply: number;
  unitOfMeasure: string;
  ingredientCostCents: number;
  dispensingFeeCents: number;
  usualAndCustomaryCents: number;
  /** The paid primary claim (secondary billing). */
  primary: ClaimTable | undefined;
}

export const today = () => new Date().toISOString().slice(0, 10);

export async function loadFillForClaims(
  db: Db,
  ctx: Ctx,
  fillId: string,
  permission: 'claims.read' | 'claims.submit' | 'claims.reverse',
) {
  const fill = await db
    .selectFrom('fills')
    .selectAll()
    .where('id', '=', fillId)
    .where('site_id', 'in', ctx.actor.sitesWith('claims.read').concat(['']))
    .executeTakeFirst();
  if (!fill) throw notFound('Prescription fill');
  ctx.actor.require(permission, fill.site_id, 'Prescription fill');
  return fill;
}

export async function loadBillingData(
  db: Db,
  ctx: Ctx,
  fillId: string,
  opts: {
    coverageId?: string | undefined;
    cobOrder: number;
    quantity?: number | undefined;
    daysSupply?: number | undefined;
  },
): Promise<BillingData> {
  const fill = await loadFillForClaims(db, ctx, fillId, 'claims.submit');
  if (['cancelled', 'returned_to_stock', 'sold'].includes(fill.state))
    throw conflict('fill_closed', `The fill is ${fill.state.replaceAll('_', ' ')}; it cannot be billed`);
  const rx = await db
    .selectFrom('prescriptions')
    .selectAll()
    .where('id', '=', fill.prescription_id)
    .executeTakeFirstOrThrow();
  if (!rx.patient_id) throw conflict('patient_not_matched', 'Match the patient before billing');
  const patient = await db
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', rx.patient_id)
    .executeTakeFirstOrThrow();
  const prescriber = rx.prescriber_id
    ? await db.selectFrom('prescribers').selectAll().where('id', '=', rx.prescriber_id).executeTakeFirst()
    : undefined;
  const site = await db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', fill.site_id)
    .executeTakeFirstOrThrow();
  const coverages = await db
    .selectFrom('patient_coverages')
    .selectAll()
    .where('patient_id', '=', patient.id)
    .where('active', '=', 1)
    .orderBy('priority')
    .execute();
  const coverage = opts.coverageId
    ? coverages.find((c) => c.id === opts.coverageId)
    : coverages.find((c) => c.priority === opts.cobOrder);
  if (!coverage)
    throw new AppError(
      409,
      'no_coverage',
      opts.coverageId
        ? 'That coverage is not an active coverage of this patient'
        : `The patient has no active ${opts.cobOrder === 1 ? 'primary' : 'secondary'} coverage: add one, or price the fill as cash`,
      { errors: [{ field: 'coverageId', reason: 'no such active coverage' }] },
    );
  const ndc11 = fill.ndc11_dispensed ?? rx.ndc11;
  const quantity = opts.quantity ?? fill.quantity ?? rx.quantity;
  const daysSupply = opts.daysSupply ?? fill.days_supply ?? rx.days_supply;
  if (!ndc11 || !quantity || !daysSupply)
    throw conflict('entry_incomplete', 'Enter the product, quantity and days’ supply before billing');
  const acq = await acquisitionCents(db, ndc11, quantity);
  if (acq === null)
    throw conflict('no_price', `No acquisition price is known for NDC ${ndc11}; cannot price the claim`);
  const rule = await cashRuleOf(db, site.id);
  const pkg = await db
    .selectFrom('drug_packages')
    .select('price_unit')
    .where('ndc11', '=', ndc11)
    .executeTakeFirst();
  const primary =
    opts.cobOrder > 1
      ? await db
          .selectFrom('claims')
          .selectAll()
          .where('fill_id', '=', fill.id)
          .where('cob_order', '=', opts.cobOrder - 1)
          .executeTakeFirst()
      : undefined;
  if (opts.cobOrder > 1 && primary?.status !== 'paid')
    throw conflict(
      'primary_not_paid',
      'Bill the primary coverage first; a secondary claim needs its paid amounts',
    );
  return {
    site,
    fill,
    rx,
    patient,
    prescriber,
    coverage,
    ndc11,
    quantity,
    daysSupply,
    unitOfMeasure: ['ML', 'GM'].includes((pkg?.price_unit ?? 'EA').toUpperCase())
      ? (pkg?.price_unit ?? 'EA').toUpperCase()
      : 'EA',
    ingredientCostCents: acq,
    dispensingFeeCents: rule.dispensingFeeCents,
    usualAndCustomaryCents: usualAndCustomary(acq, rule),
    primary,
  };
}
