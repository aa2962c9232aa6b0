import { adjustedBodyWeight, bmi, bmiCategory, ibwDevine, type Sex } from './body';
import { checkAgeYears, checkHeightCm, checkScrMgDl, checkWeightKg, positive } from './check';
import { CalcError } from './errors';

/**
 * Weight used in Cockcroft–Gault.
 * - 'bmi' (default): BMI < 18.5 → actual; 18.5–24.9 → ideal; ≥ 25 → adjusted (0.4), never more
 *   than actual. Winter MA, Guhr KN, Berg GM. Pharmacotherapy 2012;32:604–12 found this
 *   combination the least biased across weight classes, and it needs no arbitrary %IBW cut-off.
 * - 'ibw-130': classic rule: actual < IBW → actual; ≤ 130 % IBW → IBW; above → adjusted (0.4).
 * - 'actual' | 'ideal' | 'adjusted': forced (e.g. drug labels written with actual weight).
 */
export type WeightRule = 'bmi' | 'ibw-130' | 'actual' | 'ideal' | 'adjusted';
export const WEIGHT_RULES: WeightRule[] = ['bmi', 'ibw-130', 'actual', 'ideal', 'adjusted'];

/** Rounding low SCr up in the elderly is common but reduces accuracy (Winter 2012), so it is opt-in. */
export type ScrRounding = 'none' | 'round-up-1' | 'round-up-0.8';
export const SCR_ROUNDINGS: ScrRounding[] = ['none', 'round-up-1', 'round-up-0.8'];

export interface CockcroftGaultInput {
  ageYears: number;
  sex: Sex;
  weightKg: number;
  heightCm?: number | undefined;
  scrMgDl: number;
  weightRule?: WeightRule;
  scrRounding?: ScrRounding;
  adjustFactor?: number;
}

export interface CockcroftGaultResult {
  crcl: number;
  weightUsedKg: number;
  weightBasis: 'actual' | 'ideal' | 'adjusted';
  scrUsed: number;
  ibwKg: number | undefined;
  adjbwKg: number | undefined;
  bmi: number | undefined;
  reason: string;
  warnings: string[];
}

function chooseWeight(
  rule: WeightRule,
  actual: number,
  ibw: number | undefined,
  adj: number | undefined,
  b: number | undefined,
): { basis: 'actual' | 'ideal' | 'adjusted'; reason: string } {
  if (rule === 'actual') return { basis: 'actual', reason: 'rule: actual body weight' };
  if (ibw === undefined || adj === undefined || b === undefined)
    throw new CalcError('height', 'is required for this weight rule');
  if (rule === 'ideal') return { basis: 'ideal', reason: 'rule: ideal body weight' };
  if (rule === 'adjusted') return { basis: 'adjusted', reason: 'rule: adjusted body weight' };
  if (actual < ibw)
    return { basis: 'actual', reason: 'actual weight is below ideal weight, so actual is used' };
  if (rule === 'ibw-130') {
    return actual <= 1.3 * ibw
      ? { basis: 'ideal', reason: 'actual ≤ 130% of IBW → ideal body weight' }
      : { basis: 'adjusted', reason: 'actual > 130% of IBW → adjusted body weight' };
  }
  const cat = bmiCategory(b);
  if (cat === 'underweight')
    return { basis: 'actual', reason: 'BMI < 18.5 → actual body weight (Winter 2012)' };
  if (cat === 'normal') return { basis: 'ideal', reason: 'BMI 18.5–24.9 → ideal body weight (Winter 2012)' };
  return { basis: 'adjusted', reason: 'BMI ≥ 25 → adjusted body weight (Winter 2012)' };
}

/**
 * Cockcroft DW, Gault MH. Nephron 1976;16:31–41:
 * CrCl (mL/min) = (140 − age) × weight / (72 × SCr), × 0.85 for women.
 */
export function cockcroftGault(input: CockcroftGaultInput): CockcroftGaultResult {
  const warnings: string[] = [];
  const age = checkAgeYears(input.ageYears, warnings);
  const weight = checkWeightKg(input.weightKg, warnings);
  let scr = checkScrMgDl(input.scrMgDl, warnings);
  if (age < 18)
    warnings.push('Cockcroft–Gault was derived in adults; use the bedside Schwartz equation for children');
  if (age >= 140) throw new CalcError('age', 'Cockcroft–Gault is undefined at age ≥ 140 years');
  const rule = input.weightRule ?? 'bmi';
  const rounding = input.scrRounding ?? 'none';
  let ibw: number | undefined;
  let adj: number | undefined;
  let b: number | undefined;
  if (input.heightCm !== undefined) {
    const h = checkHeightCm(input.heightCm, warnings);
    ibw = ibwDevine(h, input.sex);
    adj = adjustedBodyWeight(weight, ibw, input.adjustFactor ?? 0.4);
    b = bmi(weight, h);
  }
  const { basis, reason } = chooseWeight(rule, weight, ibw, adj, b);
  const used = basis === 'actual' ? weight : basis === 'ideal' ? ibw! : adj!;
  if (age >= 65 && rounding !== 'none') {
    const floor = rounding === 'round-up-1' ? 1 : 0.8;
    if (scr < floor) {
      warnings.push(`SCr ${scr} mg/dL rounded up to ${floor} mg/dL (age ≥ 65, ${rounding})`);
      scr = floor;
    }
  }
  const crcl = ((140 - age) * used * (input.sex === 'female' ? 0.85 : 1)) / (72 * scr);
  return {
    crcl,
    weightUsedKg: used,
    weightBasis: basis,
    scrUsed: scr,
    ibwKg: ibw,
    adjbwKg: adj,
    bmi: b,
    reason,
    warnings,
  };
}

/**
 * CKD-EPI 2021 creatinine equation without race. Inker LA et al. N Engl J Med 2021;385:1737–49:
 * eGFR = 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^age × 1.012 [female];
 * κ = 0.7 (F) / 0.9 (M), α = −0.241 (F) / −0.302 (M). mL/min/1.73 m².
 */
export function egfrCkdEpi2021(scrMgDl: number, ageYears: number, sex: Sex): number {
  positive('scr', scrMgDl);
  if (!(ageYears >= 0) || !Number.isFinite(ageYears))
    throw new CalcError('age', 'must be a non-negative number');
  const female = sex === 'female';
  const k = female ? 0.7 : 0.9;
  const a = female ? -0.241 : -0.302;
  const r = scrMgDl / k;
  return 142 * Math.min(r, 1) ** a * Math.max(r, 1) ** -1.2 * 0.9938 ** ageYears * (female ? 1.012 : 1);
}

/**
 * IDMS-traceable 4-variable MDRD. Levey AS et al. Ann Intern Med 2006;145:247–54:
 * eGFR = 175 × SCr^−1.154 × age^−0.203 × 0.742 [female] × 1.212 [Black]. mL/min/1.73 m².
 */
export function egfrMdrd(scrMgDl: number, ageYears: number, sex: Sex, black = false): number {
  positive('scr', scrMgDl);
  positive('age', ageYears);
  return 175 * scrMgDl ** -1.154 * ageYears ** -0.203 * (sex === 'female' ? 0.742 : 1) * (black ? 1.212 : 1);
}

/** Bedside Schwartz. Schwartz GJ et al. J Am Soc Nephrol 2009;20:629–37: eGFR = 0.413 × height(cm) / SCr. */
export function egfrSchwartz(heightCm: number, scrMgDl: number): number {
  positive('height', heightCm);
  positive('scr', scrMgDl);
  return (0.413 * heightCm) / scrMgDl;
}

export type RenalScheme = 'fda-2020' | 'kdigo' | 'aronoff';
export const RENAL_SCHEMES: RenalScheme[] = ['fda-2020', 'kdigo', 'aronoff'];

// FDA Guidance "Pharmacokinetics in Patients with Impaired Renal Function" (2020) Table 1;
// KDIGO 2012 CKD guideline GFR categories; Aronoff GR et al., Drug Prescribing in Renal Failure (ACP).
const BANDS: Record<RenalScheme, [number, string][]> = {
  'fda-2020': [
    [90, 'normal (≥ 90)'],
    [60, 'mild impairment (60–89)'],
    [30, 'moderate impairment (30–59)'],
    [15, 'severe impairment (15–29)'],
    [0, 'kidney failure (< 15)'],
  ],
  kdigo: [
    [90, 'G1 (≥ 90)'],
    [60, 'G2 (60–89)'],
    [45, 'G3a (45–59)'],
    [30, 'G3b (30–44)'],
    [15, 'G4 (15–29)'],
    [0, 'G5 (< 15)'],
  ],
  aronoff: [
    [50.000001, '> 50 mL/min'],
    [10, '10–50 mL/min'],
    [0, '< 10 mL/min'],
  ],
};

/** Dose band for a creatinine clearance or GFR (mL/min); boundaries belong to the higher band. */
export function renalBand(crclMlMin: number, scheme: RenalScheme = 'fda-2020'): string {
  if (!Number.isFinite(crclMlMin) || crclMlMin < 0)
    throw new CalcError('crcl', 'must be a non-negative number');
  // A small tolerance keeps a converted 30 mL/min (0.5 mL/s → 29.999…) in its band.
  for (const [min, label] of BANDS[scheme]) if (crclMlMin >= min - 1e-9) return label;
  return BANDS[scheme][BANDS[scheme].length - 1]![1];
}
