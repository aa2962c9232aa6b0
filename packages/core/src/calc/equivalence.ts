import { positive } from './check';
import { CalcError } from './errors';

/**
 * CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022
 * (MMWR Recomm Rep 2022;71(3)), Table: MME conversion factors. Doses are mg/day except
 * transdermal fentanyl (mcg/h). Buprenorphine is deliberately absent (partial agonist; MME
 * does not express its risk) and is excluded with a warning.
 */
export const MME_FACTORS: Record<string, { factor: number; unit: 'mg/d' | 'ug/h'; label: string }> = {
  codeine: { factor: 0.15, unit: 'mg/d', label: 'codeine' },
  'fentanyl-transdermal': { factor: 2.4, unit: 'ug/h', label: 'fentanyl transdermal' },
  hydrocodone: { factor: 1, unit: 'mg/d', label: 'hydrocodone' },
  hydromorphone: { factor: 5, unit: 'mg/d', label: 'hydromorphone' },
  methadone: { factor: 4.7, unit: 'mg/d', label: 'methadone' },
  morphine: { factor: 1, unit: 'mg/d', label: 'morphine' },
  oxycodone: { factor: 1.5, unit: 'mg/d', label: 'oxycodone' },
  oxymorphone: { factor: 3, unit: 'mg/d', label: 'oxymorphone' },
  tapentadol: { factor: 0.4, unit: 'mg/d', label: 'tapentadol' },
  tramadol: { factor: 0.2, unit: 'mg/d', label: 'tramadol' },
};

export const MME_CAVEATS = {
  methadone:
    'methadone: the 4.7 factor is an estimate; its long, variable half-life and delayed respiratory depression make conversions to and from methadone unsafe to base on MME',
  fentanyl:
    'fentanyl transdermal is dosed in mcg/h; the factor 2.4 applies to the patch rate, and absorption varies with heat, fever and body habitus',
  buprenorphine:
    'buprenorphine is not included in MME totals (CDC 2022): as a partial agonist its MME does not reflect overdose risk',
  general:
    'MME is for risk estimation only; do not use it to convert between opioids (incomplete cross-tolerance — start the new opioid well below the calculated equivalent)',
};

export function mmePerDay(drug: string, dailyDose: number): number {
  const f = MME_FACTORS[drug];
  if (f === undefined) throw new CalcError('opioids', `no CDC 2022 conversion factor for "${drug}"`);
  positive('opioids', dailyDose);
  return dailyDose * f.factor;
}

/**
 * Equivalent glucocorticoid (anti-inflammatory) doses, mg: Meikle AW, Tyler FH. Am J Med
 * 1977;63:200–7, as tabulated in the UCSF Hospital Handbook (Oral corticosteroids).
 * Mineralocorticoid activity is not equivalent (fludrocortisone excluded).
 */
export const STEROID_EQUIVALENT_MG: Record<string, number> = {
  cortisone: 25,
  hydrocortisone: 20,
  prednisone: 5,
  prednisolone: 5,
  methylprednisolone: 4,
  triamcinolone: 4,
  dexamethasone: 0.75,
  betamethasone: 0.6,
};

export function steroidEquivalent(from: string, doseMg: number, to: string): number {
  const a = STEROID_EQUIVALENT_MG[from];
  const b = STEROID_EQUIVALENT_MG[to];
  if (a === undefined) throw new CalcError('from', `unknown corticosteroid "${from}"`);
  if (b === undefined) throw new CalcError('to', `unknown corticosteroid "${to}"`);
  positive('dose', doseMg);
  return (doseMg / a) * b;
}

/**
 * Holliday MA, Segar WE. Pediatrics 1957;19:823–32: 100 mL/kg/day for the first 10 kg, 50 for the
 * next 10, 20 for each kg above 20 — as an hourly rate the "4-2-1 rule".
 */
export function maintenanceFluidsMlPerHour(weightKg: number): number {
  positive('weight', weightKg);
  const first = Math.min(weightKg, 10);
  const second = Math.min(Math.max(weightKg - 10, 0), 10);
  const rest = Math.max(weightKg - 20, 0);
  return 4 * first + 2 * second + rest;
}
