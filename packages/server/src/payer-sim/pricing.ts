import type { D0RequestTransaction, D0ResponsePricing } from '@apotheca/core/ncpdp';
import type { CostShare, FormularyDrug, Plan } from './plans';

export interface Priced {
  allowedCents: number;
  patientPayCents: number;
  planPayCents: number;
  pricing: D0ResponsePricing;
}

/** Patient share of an allowed amount: flat copay, or coinsurance clamped to [min, max]; never above the allowed amount. */
export function costShare(
  share: CostShare | undefined,
  allowedCents: number,
): { cents: number; kind: 'copay' | 'coinsurance' } {
  if (!share) return { cents: 0, kind: 'copay' };
  if (share.copayCents !== undefined)
    return { cents: Math.min(share.copayCents, allowedCents), kind: 'copay' };
  let c = Math.round((allowedCents * (share.coinsurancePercent ?? 0)) / 100);
  if (share.minCents !== undefined) c = Math.max(c, share.minCents);
  if (share.maxCents !== undefined) c = Math.min(c, share.maxCents);
  return { cents: Math.min(c, allowedCents), kind: 'coinsurance' };
}

/**
 * Reimbursement: ingredient cost = the lower of the plan's share of the submitted cost and MAC × quantity, plus the
 * plan's dispensing fee; the lower of that and the usual & customary charge (the common "lesser of" rule).
 * As secondary (COB), the plan pays at most what the primary left to the patient, less its own cost share.
 */
export function price(plan: Plan, drug: FormularyDrug | undefined, tx: D0RequestTransaction): Priced {
  const p = tx.pricing ?? {};
  const qty = tx.claim?.quantityDispensed ?? 0;
  let ingredient = Math.round(((p.ingredientCostSubmittedCents ?? 0) * plan.ingredientCostPercent) / 100);
  if (drug?.macPerUnitCents !== undefined)
    ingredient = Math.min(ingredient, Math.round(drug.macPerUnitCents * qty));
  const fee = plan.dispensingFeeCents;
  let allowed = ingredient + fee;
  let basis = '01';
  const uc = p.usualAndCustomaryChargeCents ?? 0;
  if (uc > 0 && uc < allowed) {
    allowed = uc;
    basis = '04';
    ingredient = Math.max(0, uc - fee);
  }
  const tier = drug?.tier ?? plan.defaultTier;
  const share = costShare(plan.tiers[String(tier)], allowed);
  let patient = share.cents;
  let planPay = allowed - patient;
  const pricing: D0ResponsePricing = {};
  const others = tx.cob?.otherPayers ?? [];
  if (others.length) {
    const otherPaid = others
      .flatMap((o) => o.amountsPaid ?? [])
      .reduce((s, a) => s + (a.amountCents ?? 0), 0);
    const leftByOther = others
      .flatMap((o) => o.patientResponsibility ?? [])
      .filter((r) => r.qualifier === '06')
      .reduce((s, r) => s + (r.amountCents ?? 0), 0);
    const remaining =
      leftByOther > 0 ? leftByOther : Math.max(0, (p.grossAmountDueCents ?? allowed) - otherPaid);
    planPay = Math.max(0, Math.min(remaining, allowed - otherPaid - share.cents, allowed - share.cents));
    patient = remaining - planPay;
    pricing.otherPayerAmountRecognizedCents = otherPaid;
  }
  Object.assign(pricing, {
    patientPayAmountCents: patient,
    ingredientCostPaidCents: ingredient,
    dispensingFeePaidCents: fee,
    totalAmountPaidCents: planPay,
    basisOfReimbursement: basis,
    ...(share.kind === 'copay'
      ? { amountOfCopayCents: share.cents }
      : { amountOfCoinsuranceCents: share.cents }),
  } satisfies D0ResponsePricing);
  return { allowedCents: allowed, patientPayCents: patient, planPayCents: planPay, pricing };
}
