import type { Db } from '../../platform/db/database';
import { badRequest } from '../../platform/errors';

/**
 * Cash pricing. Usual & customary (U&C) = acquisition cost × (1 + markup) + dispensing fee, at least the minimum;
 * the site sets markup, fee and minimum (cash_pricing_rules). Acquisition cost is the NADAC per-unit price stored
 * with the package (drug_packages.acquisition_per_unit, dollars). These defaults are a store policy, not a rule:
 */
export const DEFAULT_CASH_RULE = { markupBp: 2500, dispensingFeeCents: 400, minimumCents: 500 };

export interface CashRule {
  markupBp: number;
  dispensingFeeCents: number;
  minimumCents: number;
}

export async function cashRuleOf(db: Db, siteId: string): Promise<CashRule> {
  const r = await db
    .selectFrom('cash_pricing_rules')
    .selectAll()
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  return r
    ? { markupBp: r.markup_bp, dispensingFeeCents: r.dispensing_fee_cents, minimumCents: r.minimum_cents }
    : DEFAULT_CASH_RULE;
}

/** Acquisition cost of `quantity` units in cents (NADAC per unit × quantity), or null when the package has no price. */
export async function acquisitionCents(db: Db, ndc11: string, quantity: number): Promise<number | null> {
  const p = await db
    .selectFrom('drug_packages')
    .select(['acquisition_per_unit'])
    .where('ndc11', '=', ndc11)
    .executeTakeFirst();
  const perUnit = p?.acquisition_per_unit ? Number(p.acquisition_per_unit) : Number.NaN;
  if (!Number.isFinite(perUnit)) return null;
  return Math.round(perUnit * quantity * 100);
}

export function usualAndCustomary(acqCents: number, rule: CashRule): number {
  return Math.max(
    rule.minimumCents,
    Math.round((acqCents * (10_000 + rule.markupBp)) / 10_000) + rule.dispensingFeeCents,
  );
}

export interface CashPrice {
  ndc11: string;
  quantity: number;
  acquisitionCents: number;
  usualAndCustomaryCents: number;
  programs: { id: string; name: string; priceCents: number }[];
  /** The lowest of U&C and every active discount program. */
  bestCents: number;
  bestProgram: string | null;
}

/** Cash price with every discount program of the site (and organization-wide programs). */
export async function cashPrice(db: Db, siteId: string, ndc11: string, quantity: number): Promise<CashPrice> {
  if (!(quantity > 0))
    throw badRequest('validation_failed', 'quantity must be positive', [
      { field: 'quantity', reason: 'must be positive' },
    ]);
  const acq = await acquisitionCents(db, ndc11, quantity);
  if (acq === null)
    throw badRequest('no_price', `No acquisition price is known for NDC ${ndc11}`, [
      { field: 'ndc11', reason: 'no NADAC price' },
    ]);
  const rule = await cashRuleOf(db, siteId);
  const uc = usualAndCustomary(acq, rule);
  const site = await db
    .selectFrom('sites')
    .select('organization_id')
    .where('id', '=', siteId)
    .executeTakeFirst();
  const programs = site
    ? await db
        .selectFrom('discount_programs')
        .selectAll()
        .where('organization_id', '=', site.organization_id)
        .where('active', '=', 1)
        .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', siteId)]))
        .orderBy('name')
        .execute()
    : [];
  const priced = programs.map((p) => ({
    id: p.id,
    name: p.name,
    priceCents:
      p.kind === 'acquisition_plus'
        ? Math.min(uc, Math.round((acq * (10_000 + p.percent_bp)) / 10_000) + p.fee_cents)
        : Math.max(0, Math.round((uc * (10_000 - p.percent_bp)) / 10_000)),
  }));
  let best = { cents: uc, program: null as string | null };
  for (const p of priced) if (p.priceCents < best.cents) best = { cents: p.priceCents, program: p.name };
  return {
    ndc11,
    quantity,
    acquisitionCents: acq,
    usualAndCustomaryCents: uc,
    programs: priced,
    bestCents: best.cents,
    bestProgram: best.program,
  };
}
