import { integer, nonNegative, positive } from './check';
import { CalcError } from './errors';

/**
 * Days' supply = quantity dispensed ÷ quantity used per day, rounded DOWN to whole days (a
 * partial day cannot be completed; NCPDP Days Supply is a whole number). Quantity for a days'
 * supply is the inverse, rounded UP to whole dispensable units or packages.
 *
 * Each form counts in its own unit:
 *   solid   quantity = tablets/capsules, dose = tablets per administration
 *   liquid  quantity = mL,               dose = mL per administration
 *   drops   quantity = mL,               dose = drops per site per administration (× sites);
 *           drops per mL configurable (20 by default, the usual payer assumption; suspensions
 *           and some products run 15–30 gtt/mL)
 *   inhaler quantity = inhalers,         dose = actuations; actuations per inhaler required
 *   insulin quantity = pens or vials,    dose = units per day's injections; units per package
 *           required; priming units per injection (2 for most pens per their IFU, 0 for vials);
 *           in-use days after first use caps how long each pen/vial can last (often 28)
 *   topical quantity = grams,            dose = grams per application (1 FTU ≈ 0.5 g)
 */
export type DosageForm = 'solid' | 'liquid' | 'drops' | 'inhaler' | 'insulin' | 'topical';
export const DOSAGE_FORMS: DosageForm[] = ['solid', 'liquid', 'drops', 'inhaler', 'insulin', 'topical'];

export interface SupplyParams {
  form: DosageForm;
  /** amount per administration in the form's dose unit */
  dose: number;
  /** administrations per day */
  frequency: number;
  dropsPerMl?: number | undefined;
  sites?: number | undefined;
  actuationsPerPackage?: number | undefined;
  unitsPerPackage?: number | undefined;
  primingUnits?: number | undefined;
  inUseDays?: number | undefined;
}

/** Consumption per day and content per dispensed unit, both in the form's base measure. */
export function consumption(p: SupplyParams): { perDay: number; perDispensedUnit: number; baseUnit: string } {
  positive('dose', p.dose);
  positive('frequency', p.frequency);
  switch (p.form) {
    case 'solid':
      return { perDay: p.dose * p.frequency, perDispensedUnit: 1, baseUnit: 'tablet' };
    case 'liquid':
      return { perDay: p.dose * p.frequency, perDispensedUnit: 1, baseUnit: 'mL' };
    case 'topical':
      return { perDay: p.dose * p.frequency, perDispensedUnit: 1, baseUnit: 'g' };
    case 'drops': {
      const dpm = positive('dropsPerMl', p.dropsPerMl ?? 20);
      const sites = integer('sites', positive('sites', p.sites ?? 1));
      return { perDay: p.dose * p.frequency * sites, perDispensedUnit: dpm, baseUnit: 'drop' };
    }
    case 'inhaler': {
      if (p.actuationsPerPackage === undefined)
        throw new CalcError('actuationsPerPackage', 'is required for inhalers');
      const a = positive('actuationsPerPackage', p.actuationsPerPackage);
      return { perDay: p.dose * p.frequency, perDispensedUnit: a, baseUnit: 'actuation' };
    }
    case 'insulin': {
      if (p.unitsPerPackage === undefined) throw new CalcError('unitsPerPackage', 'is required for insulin');
      const u = positive('unitsPerPackage', p.unitsPerPackage);
      const prime = nonNegative('primingUnits', p.primingUnits ?? 2);
      return { perDay: (p.dose + prime) * p.frequency, perDispensedUnit: u, baseUnit: 'unit' };
    }
  }
}

function daysPerPackage(p: SupplyParams, perDay: number, content: number): number {
  const d = content / perDay;
  if (p.inUseDays === undefined) return d;
  return Math.min(d, positive('inUseDays', p.inUseDays));
}

export function daysSupply(
  quantity: number,
  p: SupplyParams,
): { days: number; exactDays: number; perDay: number; baseUnit: string; cappedByInUse: boolean } {
  positive('quantity', quantity);
  const c = consumption(p);
  const perPkg = daysPerPackage(p, c.perDay, c.perDispensedUnit);
  const exactDays = quantity * perPkg;
  const cappedByInUse = perPkg < c.perDispensedUnit / c.perDay;
  return {
    days: Math.floor(exactDays + 1e-9),
    exactDays,
    perDay: c.perDay,
    baseUnit: c.baseUnit,
    cappedByInUse,
  };
}

export function quantityForDays(
  days: number,
  p: SupplyParams,
): { quantity: number; exactQuantity: number; perDay: number; baseUnit: string } {
  positive('days', days);
  const c = consumption(p);
  const perPkg = daysPerPackage(p, c.perDay, c.perDispensedUnit);
  const exactQuantity = days / perPkg;
  // Whole packages for devices; whole tablets, mL and g otherwise (drops → mL).
  return { quantity: Math.ceil(exactQuantity - 1e-9), exactQuantity, perDay: c.perDay, baseUnit: c.baseUnit };
}
