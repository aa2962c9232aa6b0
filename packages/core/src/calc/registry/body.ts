import {
  adjustedBodyWeight,
  type BsaMethod,
  bmi,
  bmiCategory,
  bsa,
  ibwDevine,
  lbwJanmahasatian,
  type Sex,
} from '../body';
import { checkHeightCm, checkWeightKg } from '../check';
import { fmt } from '../format';
import { type CalcEntry, type Inputs, step } from '../inputs';
import { choice, finish, height, num, sex, weight } from './common';

function wh(i: Inputs, warnings: string[]): { w: number; h: number } {
  return { w: checkWeightKg(i.q('weight', 'kg'), warnings), h: checkHeightCm(i.q('height', 'cm'), warnings) };
}

const bmiCalc: CalcEntry = {
  def: {
    id: 'bmi',
    title: 'Body mass index',
    category: 'body',
    description: 'BMI = weight (kg) ÷ height (m)², with the WHO adult category.',
    source: 'Quetelet; WHO TRS 894 (2000) categories; CDC "Calculating BMI" worked examples',
    inputs: [weight, height],
  },
  run(i) {
    const warnings: string[] = [];
    const { w, h } = wh(i, warnings);
    const b = bmi(w, h);
    return finish('bmi', bmiCalc.def.source, {
      value: Number(fmt(b, 1)),
      unit: 'kg/m2',
      decimals: 1,
      formula: 'BMI = weight ÷ height²',
      steps: [
        step('BMI', `${fmt(w, 2)} kg ÷ (${fmt(h / 100, 3)} m)²`, `${fmt(b, 2)} kg/m²`),
        step('Category', 'WHO adult', bmiCategory(b)),
      ],
      rounding: '1 decimal',
      warnings,
      extra: { category: bmiCategory(b), unrounded: b },
    });
  },
};

const BSA_SOURCES: Record<BsaMethod, string> = {
  mosteller: 'Mosteller RD. N Engl J Med 1987;317:1098',
  dubois: 'Du Bois D, Du Bois EF. Arch Intern Med 1916;17:863–71',
  haycock: 'Haycock GB, Schwartz GJ, Wisotsky DH. J Pediatr 1978;93:62–6',
  'gehan-george': 'Gehan EA, George SL. Cancer Chemother Rep 1970;54:225–35',
};
const BSA_FORMULAS: Record<BsaMethod, string> = {
  mosteller: 'BSA = √(height cm × weight kg ÷ 3600)',
  dubois: 'BSA = 0.007184 × W^0.425 × H^0.725',
  haycock: 'BSA = 0.024265 × W^0.5378 × H^0.3964',
  'gehan-george': 'BSA = 0.0235 × W^0.51456 × H^0.42246',
};

const bsaCalc: CalcEntry = {
  def: {
    id: 'bsa',
    title: 'Body surface area',
    category: 'body',
    description: 'BSA by Mosteller (default), DuBois, Haycock or Gehan–George.',
    source: Object.values(BSA_SOURCES).join('; '),
    inputs: [
      weight,
      height,
      choice('method', 'Method', ['mosteller', 'dubois', 'haycock', 'gehan-george'], 'Formula', {
        required: false,
      }),
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const { w, h } = wh(i, warnings);
    const method = i.choice<BsaMethod>('method');
    const v = bsa(method, w, h);
    return finish('bsa', BSA_SOURCES[method], {
      value: Number(fmt(v, 2)),
      unit: 'm2',
      formula: BSA_FORMULAS[method],
      steps: [step(`BSA (${method})`, `W = ${fmt(w, 2)} kg, H = ${fmt(h, 1)} cm`, `${fmt(v, 4)} m²`)],
      rounding: '2 decimals (0.01 m²)',
      warnings,
      extra: { unrounded: v, method },
    });
  },
};

const ibwCalc: CalcEntry = {
  def: {
    id: 'ibw',
    title: 'Ideal body weight (Devine)',
    category: 'body',
    description: 'IBW = 50 kg (male) / 45.5 kg (female) + 2.3 kg per inch over 5 ft.',
    source: 'Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650–5',
    inputs: [height, sex],
  },
  run(i) {
    const warnings: string[] = [];
    const h = checkHeightCm(i.q('height', 'cm'), warnings);
    const s = i.choice<Sex>('sex');
    const v = ibwDevine(h, s);
    if (h < 152.4)
      warnings.push(
        'height under 5 ft: Devine was not derived for this range (2.3 kg/in subtracted below 60 in)',
      );
    const inches = h / 2.54;
    return finish('ibw', ibwCalc.def.source, {
      value: Number(fmt(v, 1)),
      unit: 'kg',
      decimals: 1,
      formula: `IBW = ${s === 'male' ? 50 : 45.5} + 2.3 × (height in − 60)`,
      steps: [
        step('Height in inches', `${fmt(h, 1)} cm ÷ 2.54`, `${fmt(inches, 2)} in`),
        step('IBW', `${s === 'male' ? 50 : 45.5} + 2.3 × (${fmt(inches, 2)} − 60)`, `${fmt(v, 2)} kg`),
      ],
      rounding: '1 decimal',
      warnings,
      extra: { unrounded: v },
    });
  },
};

const adjCalc: CalcEntry = {
  def: {
    id: 'adjbw',
    title: 'Adjusted body weight',
    category: 'body',
    description: 'AdjBW = IBW + factor × (actual − IBW); factor 0.4 by default.',
    source:
      'Devine 1974 (IBW); 0.4 correction: Bauer LA, Applied Clinical Pharmacokinetics (aminoglycosides/CrCl in obesity)',
    inputs: [
      weight,
      height,
      sex,
      num('factor', 'Correction factor', 'Fraction of excess weight counted (0–1)', {
        required: false,
        default: 0.4,
      }),
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const { w, h } = wh(i, warnings);
    const s = i.choice<Sex>('sex');
    const f = i.num('factor');
    const ibw = ibwDevine(h, s);
    const v = adjustedBodyWeight(w, ibw, f);
    if (w < ibw)
      warnings.push(
        'actual weight is below ideal weight: adjusted weight is not meaningful, use actual weight',
      );
    return finish('adjbw', adjCalc.def.source, {
      value: Number(fmt(v, 1)),
      unit: 'kg',
      decimals: 1,
      formula: 'AdjBW = IBW + factor × (actual − IBW)',
      steps: [
        step('IBW (Devine)', `height ${fmt(h, 1)} cm, ${s}`, `${fmt(ibw, 2)} kg`),
        step('AdjBW', `${fmt(ibw, 2)} + ${f} × (${fmt(w, 2)} − ${fmt(ibw, 2)})`, `${fmt(v, 2)} kg`),
      ],
      rounding: '1 decimal',
      warnings,
      extra: { ibw, unrounded: v },
    });
  },
};

const lbwCalc: CalcEntry = {
  def: {
    id: 'lbw',
    title: 'Lean body weight (Janmahasatian)',
    category: 'body',
    description: 'LBW = 9270 × W ÷ (6680 + 216 × BMI) for men, ÷ (8780 + 244 × BMI) for women.',
    source: 'Janmahasatian S et al. Quantification of lean bodyweight. Clin Pharmacokinet 2005;44:1051–65',
    inputs: [weight, height, sex],
  },
  run(i) {
    const warnings: string[] = [];
    const { w, h } = wh(i, warnings);
    const s = i.choice<Sex>('sex');
    const b = bmi(w, h);
    const v = lbwJanmahasatian(w, h, s);
    return finish('lbw', lbwCalc.def.source, {
      value: Number(fmt(v, 1)),
      unit: 'kg',
      decimals: 1,
      formula: s === 'male' ? 'LBW = 9270 × W ÷ (6680 + 216 × BMI)' : 'LBW = 9270 × W ÷ (8780 + 244 × BMI)',
      steps: [
        step('BMI', `${fmt(w, 2)} ÷ (${fmt(h / 100, 3)})²`, `${fmt(b, 2)} kg/m²`),
        step('LBW', `9270 × ${fmt(w, 2)} ÷ (…)`, `${fmt(v, 2)} kg`),
      ],
      rounding: '1 decimal',
      warnings,
      extra: { bmi: b, unrounded: v },
    });
  },
};

export const bodyCalcs: CalcEntry[] = [bmiCalc, bsaCalc, ibwCalc, adjCalc, lbwCalc];
