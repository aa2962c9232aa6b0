import { positive } from './check';
import { CalcError } from './errors';

// Body-size formulas. Inputs are in kg and cm; each function validates and never returns NaN.

export type Sex = 'male' | 'female';

export function sexFactor(field: string, sex: string): Sex {
  if (sex === 'male' || sex === 'female') return sex;
  throw new CalcError(field, `must be male or female (got "${sex}")`);
}

/** Quetelet index, kg/m². */
export function bmi(weightKg: number, heightCm: number): number {
  positive('weight', weightKg);
  positive('height', heightCm);
  const m = heightCm / 100;
  return weightKg / (m * m);
}

// WHO adult categories (WHO Technical Report Series 894, 2000), also used by CDC.
export function bmiCategory(b: number): 'underweight' | 'normal' | 'overweight' | 'obese' {
  if (b < 18.5) return 'underweight';
  if (b < 25) return 'normal';
  if (b < 30) return 'overweight';
  return 'obese';
}

// Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098.
export function bsaMosteller(weightKg: number, heightCm: number): number {
  positive('weight', weightKg);
  positive('height', heightCm);
  return Math.sqrt((weightKg * heightCm) / 3600);
}

// Du Bois D, Du Bois EF. Arch Intern Med 1916;17:863–71: BSA = 0.007184 · W^0.425 · H^0.725.
export function bsaDuBois(weightKg: number, heightCm: number): number {
  positive('weight', weightKg);
  positive('height', heightCm);
  return 0.007184 * weightKg ** 0.425 * heightCm ** 0.725;
}

// Haycock GB et al. J Pediatr 1978;93:62–6: BSA = 0.024265 · W^0.5378 · H^0.3964.
export function bsaHaycock(weightKg: number, heightCm: number): number {
  positive('weight', weightKg);
  positive('height', heightCm);
  return 0.024265 * weightKg ** 0.5378 * heightCm ** 0.3964;
}

// Gehan EA, George SL. Cancer Chemother Rep 1970;54:225–35: BSA = 0.0235 · W^0.51456 · H^0.42246.
export function bsaGehanGeorge(weightKg: number, heightCm: number): number {
  positive('weight', weightKg);
  positive('height', heightCm);
  return 0.0235 * weightKg ** 0.51456 * heightCm ** 0.42246;
}

export type BsaMethod = 'mosteller' | 'dubois' | 'haycock' | 'gehan-george';
export function bsa(method: BsaMethod, weightKg: number, heightCm: number): number {
  switch (method) {
    case 'mosteller':
      return bsaMosteller(weightKg, heightCm);
    case 'dubois':
      return bsaDuBois(weightKg, heightCm);
    case 'haycock':
      return bsaHaycock(weightKg, heightCm);
    case 'gehan-george':
      return bsaGehanGeorge(weightKg, heightCm);
  }
}

/**
 * Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650–5:
 * IBW = 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch over 5 ft. Below 5 ft the same
 * slope is applied (subtracting); the result must stay positive.
 */
export function ibwDevine(heightCm: number, sex: Sex): number {
  positive('height', heightCm);
  const inches = heightCm / 2.54;
  const ibw = (sex === 'male' ? 50 : 45.5) + 2.3 * (inches - 60);
  if (ibw <= 0) throw new CalcError('height', 'too short for the Devine formula (ideal body weight ≤ 0)');
  return ibw;
}

/** AdjBW = IBW + factor · (actual − IBW); factor 0.4 by convention (Bauer LA, Applied Clinical Pharmacokinetics). */
export function adjustedBodyWeight(actualKg: number, ibwKg: number, factor = 0.4): number {
  positive('weight', actualKg);
  positive('ibw', ibwKg);
  if (!(factor >= 0 && factor <= 1)) throw new CalcError('factor', 'must be between 0 and 1');
  return ibwKg + factor * (actualKg - ibwKg);
}

/**
 * Janmahasatian S et al. Quantification of lean bodyweight. Clin Pharmacokinet 2005;44:1051–65:
 * male 9270·W/(6680 + 216·BMI), female 9270·W/(8780 + 244·BMI).
 */
export function lbwJanmahasatian(weightKg: number, heightCm: number, sex: Sex): number {
  const b = bmi(weightKg, heightCm);
  return sex === 'male' ? (9270 * weightKg) / (6680 + 216 * b) : (9270 * weightKg) / (8780 + 244 * b);
}
