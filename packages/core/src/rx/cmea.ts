/**
 * Combat Methamphetamine Epidemic Act of 2005 (21 USC 830(e); DEA CMEA guidance): retail sales of pseudoephedrine,
 * ephedrine and phenylpropanolamine are limited to 3.6 g of base per purchaser per day and 9 g per 30 days
 * (7.5 g per 30 days by mail order), with a logbook (name, address, product, quantity, date/time) and photo ID.
 * Base content from the salt: DEA's CMEA tables (120 mg pseudoephedrine HCl per tablet → 36 tablets = 3.6 g base)
 * imply the molecular-weight ratio used here.
 */
export type ListedChemical = 'pseudoephedrine' | 'ephedrine' | 'phenylpropanolamine';
export type ListedSalt =
  | 'pseudoephedrine hcl'
  | 'pseudoephedrine sulfate'
  | 'ephedrine hcl'
  | 'ephedrine sulfate'
  | 'phenylpropanolamine hcl';

// Base fraction = MW(base) / MW(salt per base molecule). Pseudoephedrine 165.23; HCl salt 201.69; sulfate (2:1) 428.5 → 214.25 per base.
export const BASE_FRACTION: Record<ListedSalt, number> = {
  'pseudoephedrine hcl': 165.23 / 201.69,
  'pseudoephedrine sulfate': 165.23 / 214.27,
  'ephedrine hcl': 165.23 / 201.69,
  'ephedrine sulfate': 165.23 / 214.27,
  'phenylpropanolamine hcl': 151.21 / 187.67,
};

export const CMEA_LIMITS = { dailyGrams: 3.6, thirtyDayGrams: 9, mailOrderThirtyDayGrams: 7.5 } as const;

export interface CmeaPurchase {
  at: string; // ISO date-time
  baseGrams: number;
}

export function baseGrams(salt: ListedSalt, mgSaltPerUnit: number, units: number): number {
  return (BASE_FRACTION[salt] * mgSaltPerUnit * units) / 1000;
}

export type CmeaCheck =
  | { ok: true; dayTotal: number; thirtyDayTotal: number }
  | {
      ok: false;
      dayTotal: number;
      thirtyDayTotal: number;
      limit: 'daily' | 'thirty_day';
      reason: string;
      maxAllowedGrams: number;
    };

const round = (g: number) => Math.round(g * 1000) / 1000;

/** Would this sale exceed the purchaser's limits? `history` is the purchaser's logged sales. */
export function checkCmeaSale(
  history: readonly CmeaPurchase[],
  sale: CmeaPurchase,
  opts: { mailOrder?: boolean } = {},
): CmeaCheck {
  const t = Date.parse(sale.at);
  const day = sale.at.slice(0, 10);
  const dayTotal = round(
    history.filter((p) => p.at.slice(0, 10) === day).reduce((s, p) => s + p.baseGrams, 0) + sale.baseGrams,
  );
  const thirtyDayTotal = round(
    history
      .filter((p) => t - Date.parse(p.at) < 30 * 86_400_000 && Date.parse(p.at) <= t)
      .reduce((s, p) => s + p.baseGrams, 0) + sale.baseGrams,
  );
  const thirtyLimit = opts.mailOrder ? CMEA_LIMITS.mailOrderThirtyDayGrams : CMEA_LIMITS.thirtyDayGrams;
  if (dayTotal > CMEA_LIMITS.dailyGrams + 1e-9)
    return {
      ok: false,
      dayTotal,
      thirtyDayTotal,
      limit: 'daily',
      maxAllowedGrams: round(Math.max(0, CMEA_LIMITS.dailyGrams - (dayTotal - sale.baseGrams))),
      reason: `Refused: ${dayTotal} g of base today would exceed the federal limit of ${CMEA_LIMITS.dailyGrams} g per day (21 USC 830(e))`,
    };
  if (thirtyDayTotal > thirtyLimit + 1e-9)
    return {
      ok: false,
      dayTotal,
      thirtyDayTotal,
      limit: 'thirty_day',
      maxAllowedGrams: round(Math.max(0, thirtyLimit - (thirtyDayTotal - sale.baseGrams))),
      reason: `Refused: ${thirtyDayTotal} g of base in 30 days would exceed the federal limit of ${thirtyLimit} g (21 USC 830(e))`,
    };
  return { ok: true, dayTotal, thirtyDayTotal };
}
