import type { Sex } from '../body';
import { checkAgeYears, checkHeightCm, checkScrMgDl } from '../check';
import { fmt } from '../format';
import { type CalcEntry, type Inputs, step } from '../inputs';
import {
  cockcroftGault,
  egfrCkdEpi2021,
  egfrMdrd,
  egfrSchwartz,
  RENAL_SCHEMES,
  type RenalScheme,
  renalBand,
  SCR_ROUNDINGS,
  type ScrRounding,
  WEIGHT_RULES,
  type WeightRule,
} from '../renal';
import { convertUnits, isConvertible } from '../units';
import { age, choice, finish, height, num, opt, scr, sex, weight } from './common';

// Creatinine MW 113.12 g/mol: 1 mg/dL = 88.4 µmol/L.
export function readScr(i: Inputs, warnings: string[]): number {
  const q = i.quantity('scr');
  const v = isConvertible(q.unit, 'mg/dL')
    ? convertUnits(q.value, q.unit, 'mg/dL', 'scr')
    : (convertUnits(q.value, q.unit, 'umol/L', 'scr') * 113.12) / 10_000;
  return checkScrMgDl(v, warnings);
}

const crcl: CalcEntry = {
  def: {
    id: 'crcl',
    title: 'Creatinine clearance (Cockcroft–Gault)',
    category: 'renal',
    description:
      'CrCl = (140 − age) × weight ÷ (72 × SCr) × 0.85 if female. Default weight rule "bmi" (Winter 2012): BMI < 18.5 actual, 18.5–24.9 ideal, ≥ 25 adjusted (0.4); actual if below ideal.',
    source:
      'Cockcroft DW, Gault MH. Nephron 1976;16:31–41; weight selection: Winter MA, Guhr KN, Berg GM. Pharmacotherapy 2012;32:604–12; IBW: Devine 1974',
    inputs: [
      age,
      sex,
      weight,
      opt(height, { description: 'Needed for ideal/adjusted weight rules (default rule)' }),
      scr,
      choice(
        'weightRule',
        'Weight rule',
        WEIGHT_RULES,
        'bmi (default, Winter 2012) | ibw-130 | actual | ideal | adjusted',
        { required: false },
      ),
      choice(
        'scrRounding',
        'SCr rounding (age ≥ 65)',
        SCR_ROUNDINGS,
        'Round low SCr up in the elderly (off by default: it lowers accuracy, Winter 2012)',
        { required: false },
      ),
      num('adjustFactor', 'Adjusted weight factor', 'Fraction of excess weight (0.4)', {
        required: false,
        default: 0.4,
      }),
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const rule = i.choice<WeightRule>('weightRule');
    const r = cockcroftGault({
      ageYears: i.num('age'),
      sex: i.choice<Sex>('sex'),
      weightKg: i.q('weight', 'kg'),
      heightCm: i.qOpt('height', 'cm'),
      scrMgDl: readScr(i, warnings),
      weightRule: rule,
      scrRounding: i.choice<ScrRounding>('scrRounding'),
      adjustFactor: i.num('adjustFactor'),
    });
    warnings.push(...r.warnings);
    const female = i.choice<Sex>('sex') === 'female';
    const steps = [];
    if (r.ibwKg !== undefined) steps.push(step('Ideal body weight (Devine)', 'IBW', `${fmt(r.ibwKg, 1)} kg`));
    if (r.adjbwKg !== undefined)
      steps.push(step('Adjusted body weight', 'IBW + 0.4 × (actual − IBW)', `${fmt(r.adjbwKg, 1)} kg`));
    if (r.bmi !== undefined) steps.push(step('BMI', 'weight ÷ height²', `${fmt(r.bmi, 1)} kg/m²`));
    steps.push(step('Weight used', r.reason, `${fmt(r.weightUsedKg, 1)} kg (${r.weightBasis})`));
    steps.push(
      step(
        'CrCl',
        `(140 − ${i.num('age')}) × ${fmt(r.weightUsedKg, 2)} ÷ (72 × ${r.scrUsed})${female ? ' × 0.85' : ''}`,
        `${fmt(r.crcl, 2)} mL/min`,
      ),
    );
    return finish('crcl', crcl.def.source, {
      value: Number(fmt(r.crcl, 1)),
      unit: 'mL/min',
      decimals: 1,
      formula: 'CrCl = (140 − age) × weight ÷ (72 × SCr) [× 0.85 female]',
      steps,
      rounding: 'CrCl to 1 decimal; weights and SCr unrounded in the calculation',
      warnings,
      extra: {
        weightBasis: r.weightBasis,
        weightUsedKg: r.weightUsedKg,
        scrUsed: r.scrUsed,
        rule,
        band: renalBand(r.crcl),
        unrounded: r.crcl,
      },
    });
  },
};

const GFR_UNIT = 'mL/min/{1.73_m2}';

const ckdEpi: CalcEntry = {
  def: {
    id: 'egfr-ckd-epi-2021',
    title: 'eGFR CKD-EPI 2021 (race-free)',
    category: 'renal',
    description: 'eGFR = 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^age × 1.012 [female].',
    source:
      'Inker LA et al. New creatinine- and cystatin C–based equations to estimate GFR without race. N Engl J Med 2021;385:1737–49',
    inputs: [age, sex, scr],
  },
  run(i) {
    const warnings: string[] = [];
    const a = checkAgeYears(i.num('age'), warnings);
    if (a < 18) warnings.push('CKD-EPI is validated in adults (≥ 18 y); use bedside Schwartz for children');
    const s = i.choice<Sex>('sex');
    const c = readScr(i, warnings);
    const v = egfrCkdEpi2021(c, a, s);
    const k = s === 'female' ? 0.7 : 0.9;
    return finish('egfr-ckd-epi-2021', ckdEpi.def.source, {
      value: Math.round(v),
      unit: GFR_UNIT,
      decimals: 0,
      formula: `eGFR = 142 × min(SCr/${k},1)^${s === 'female' ? -0.241 : -0.302} × max(SCr/${k},1)^−1.200 × 0.9938^age${s === 'female' ? ' × 1.012' : ''}`,
      steps: [
        step('SCr/κ', `${fmt(c, 3)} ÷ ${k}`, fmt(c / k, 4)),
        step('eGFR', 'CKD-EPI 2021', `${fmt(v, 2)} mL/min/1.73 m²`),
      ],
      rounding: 'whole number, as reported by laboratories (NKF)',
      warnings,
      extra: { unrounded: v, kdigo: renalBand(v, 'kdigo') },
    });
  },
};

const mdrd: CalcEntry = {
  def: {
    id: 'egfr-mdrd',
    title: 'eGFR MDRD (IDMS, 4-variable)',
    category: 'renal',
    description:
      'eGFR = 175 × SCr^−1.154 × age^−0.203 × 0.742 [female] × 1.212 [Black]. Superseded by CKD-EPI 2021 (race-free).',
    source: 'Levey AS et al. Ann Intern Med 2006;145:247–54',
    inputs: [
      age,
      sex,
      scr,
      choice(
        'black',
        'Black race coefficient',
        ['no', 'yes'],
        'Original equation race term (NKF-ASN 2021 recommends race-free CKD-EPI 2021)',
        { required: false },
      ),
    ],
  },
  run(i) {
    const warnings: string[] = [
      'MDRD is superseded: NKF-ASN (2021) recommends the race-free CKD-EPI 2021 equation',
    ];
    const a = checkAgeYears(i.num('age'), warnings);
    const s = i.choice<Sex>('sex');
    const c = readScr(i, warnings);
    const black = i.choice('black') === 'yes';
    const v = egfrMdrd(c, a, s, black);
    return finish('egfr-mdrd', mdrd.def.source, {
      value: Math.round(v),
      unit: GFR_UNIT,
      decimals: 0,
      formula: 'eGFR = 175 × SCr^−1.154 × age^−0.203 [× 0.742 female] [× 1.212 Black]',
      steps: [
        step(
          'eGFR',
          `175 × ${fmt(c, 3)}^−1.154 × ${a}^−0.203${s === 'female' ? ' × 0.742' : ''}${black ? ' × 1.212' : ''}`,
          `${fmt(v, 2)}`,
        ),
      ],
      rounding: 'whole number',
      warnings,
      extra: { unrounded: v },
    });
  },
};

const schwartz: CalcEntry = {
  def: {
    id: 'egfr-schwartz',
    title: 'eGFR bedside Schwartz (children)',
    category: 'renal',
    description: 'eGFR = 0.413 × height (cm) ÷ SCr (mg/dL), for ages 1–18 with enzymatic (IDMS) creatinine.',
    source:
      'Schwartz GJ et al. New equations to estimate GFR in children with CKD. J Am Soc Nephrol 2009;20:629–37',
    inputs: [height, scr, { ...age, required: false, description: 'Age in years (for range warnings)' }],
  },
  run(i) {
    const warnings: string[] = [];
    const h = checkHeightCm(i.q('height', 'cm'), warnings);
    const c = readScr(i, warnings);
    const a = i.numOpt('age');
    if (a !== undefined && (checkAgeYears(a, warnings) < 1 || a > 18))
      warnings.push('bedside Schwartz was derived for ages 1–18');
    const v = egfrSchwartz(h, c);
    return finish('egfr-schwartz', schwartz.def.source, {
      value: Number(fmt(v, 1)),
      unit: GFR_UNIT,
      decimals: 1,
      formula: 'eGFR = 0.413 × height ÷ SCr',
      steps: [step('eGFR', `0.413 × ${fmt(h, 1)} ÷ ${fmt(c, 3)}`, `${fmt(v, 2)}`)],
      rounding: '1 decimal',
      warnings,
      extra: { unrounded: v },
    });
  },
};

const band: CalcEntry = {
  def: {
    id: 'renal-band',
    title: 'Renal dose band',
    category: 'renal',
    description:
      'Band for a CrCl/GFR: FDA 2020 renal-impairment categories (default), KDIGO G1–G5, or Aronoff (> 50, 10–50, < 10).',
    source:
      'FDA Guidance: Pharmacokinetics in Patients with Impaired Renal Function (2020); KDIGO 2012 CKD Guideline; Aronoff GR et al., Drug Prescribing in Renal Failure (ACP)',
    inputs: [
      {
        name: 'crcl',
        label: 'CrCl or eGFR',
        kind: 'quantity',
        dimension: 'volume/time',
        units: ['mL/min'],
        defaultUnit: 'mL/min',
        required: true,
        description: 'Creatinine clearance or GFR',
      },
      choice('scheme', 'Scheme', RENAL_SCHEMES, 'fda-2020 | kdigo | aronoff', { required: false }),
    ],
  },
  run(i) {
    const v = i.q('crcl', 'mL/min');
    const scheme = i.choice<RenalScheme>('scheme');
    const b = renalBand(v, scheme);
    return finish('renal-band', band.def.source, {
      value: b,
      unit: '',
      formula: `${scheme} bands (lower bound inclusive)`,
      steps: [step('Band', `${fmt(v, 1)} mL/min`, b)],
      rounding: 'none',
      warnings: [],
      extra: { crcl: v, scheme },
    });
  },
};

export const renalCalcs: CalcEntry[] = [crcl, ckdEpi, mdrd, schwartz, band];
