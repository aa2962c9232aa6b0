import type { Severity, Source } from '../types';
import { BEERS_2023, FDA_METFORMIN_2016, label } from './sources';

/**
 * Renal dose rules by creatinine-clearance band, [minCrCl, maxCrCl) in mL/min. When a band has
 * `maxDailyMg` and the candidate's daily dose is known and within it, no alert is raised.
 * Labels written in eGFR (metformin, sitagliptin) are applied to the profile's CrCl as the estimate.
 */
export interface RenalBand {
  minCrCl?: number;
  maxCrCl?: number;
  severity: Severity;
  recommendation: string;
  maxDailyMg?: number;
}

export interface RenalRule {
  ingredient?: string;
  classId?: string;
  bands: readonly RenalBand[];
  source: Source;
}

export const RENAL_RULES: readonly RenalRule[] = [
  {
    ingredient: 'metformin',
    source: FDA_METFORMIN_2016,
    bands: [
      {
        maxCrCl: 30,
        severity: 'contraindicated',
        recommendation: 'Contraindicated below eGFR 30 mL/min/1.73 m² (lactic acidosis).',
      },
      {
        minCrCl: 30,
        maxCrCl: 45,
        severity: 'moderate',
        recommendation:
          'Starting metformin at eGFR 30–45 is not recommended; if already taking it, assess benefit/risk.',
      },
    ],
  },
  {
    ingredient: 'nitrofurantoin',
    source: BEERS_2023,
    bands: [
      {
        maxCrCl: 30,
        severity: 'major',
        recommendation: 'Avoid at CrCl < 30 mL/min: inadequate urine levels and more toxicity.',
      },
    ],
  },
  {
    classId: 'nsaid',
    source: BEERS_2023,
    bands: [
      {
        maxCrCl: 30,
        severity: 'major',
        recommendation: 'Avoid NSAIDs at CrCl < 30 mL/min (acute kidney injury, further decline).',
      },
    ],
  },
  {
    ingredient: 'gabapentin',
    source: label('gabapentin', 'Neurontin', '§2.4 Table 2'),
    bands: [
      {
        minCrCl: 30,
        maxCrCl: 60,
        severity: 'moderate',
        maxDailyMg: 1400,
        recommendation: 'CrCl 30–59: 400–1,400 mg/day in two divided doses.',
      },
      {
        minCrCl: 15,
        maxCrCl: 30,
        severity: 'moderate',
        maxDailyMg: 700,
        recommendation: 'CrCl 15–29: 200–700 mg/day once daily.',
      },
      {
        maxCrCl: 15,
        severity: 'major',
        maxDailyMg: 300,
        recommendation: 'CrCl < 15: 100–300 mg/day; dialysis supplemental dosing.',
      },
    ],
  },
  {
    ingredient: 'pregabalin',
    source: label('pregabalin', 'Lyrica', '§2.5 Table'),
    bands: [
      {
        minCrCl: 30,
        maxCrCl: 60,
        severity: 'moderate',
        maxDailyMg: 300,
        recommendation: 'CrCl 30–60: 75–300 mg/day.',
      },
      {
        minCrCl: 15,
        maxCrCl: 30,
        severity: 'moderate',
        maxDailyMg: 150,
        recommendation: 'CrCl 15–30: 25–150 mg/day.',
      },
      { maxCrCl: 15, severity: 'major', maxDailyMg: 75, recommendation: 'CrCl < 15: 25–75 mg/day.' },
    ],
  },
  {
    ingredient: 'enoxaparin',
    source: label('enoxaparin', 'Lovenox', '§2.3'),
    bands: [
      {
        maxCrCl: 30,
        severity: 'major',
        recommendation: 'CrCl < 30: prophylaxis 30 mg once daily; treatment 1 mg/kg once daily.',
      },
    ],
  },
  {
    ingredient: 'dabigatran',
    source: label('dabigatran', 'Pradaxa', '§2.3, §8.6'),
    bands: [
      {
        minCrCl: 15,
        maxCrCl: 30,
        severity: 'major',
        maxDailyMg: 150,
        recommendation: 'AF, CrCl 15–30: 75 mg twice daily; VTE dosing not established below 30.',
      },
      {
        maxCrCl: 15,
        severity: 'contraindicated',
        recommendation: 'CrCl < 15 or dialysis: no dosing recommendation — avoid.',
      },
    ],
  },
  {
    ingredient: 'rivaroxaban',
    source: label('rivaroxaban', 'Xarelto', '§2.4, §8.6'),
    bands: [
      {
        minCrCl: 15,
        maxCrCl: 50,
        severity: 'moderate',
        recommendation: 'AF, CrCl 15–50: 15 mg once daily with the evening meal.',
      },
      {
        maxCrCl: 15,
        severity: 'major',
        recommendation:
          'CrCl < 15: avoid for VTE treatment/prophylaxis; AF dosing limited to 15 mg daily data.',
      },
    ],
  },
  {
    ingredient: 'apixaban',
    source: label('apixaban', 'Eliquis', '§2.2, §8.6'),
    bands: [
      {
        maxCrCl: 25,
        severity: 'moderate',
        recommendation:
          'Patients with CrCl < 25 were excluded from trials; AF dose reduction to 2.5 mg twice daily depends on age ≥ 80, weight ≤ 60 kg, SCr ≥ 1.5.',
      },
    ],
  },
  {
    ingredient: 'allopurinol',
    source: label('allopurinol', 'Zyloprim', '§2'),
    bands: [
      {
        minCrCl: 10,
        maxCrCl: 20,
        severity: 'moderate',
        maxDailyMg: 200,
        recommendation: 'CrCl 10–20: 200 mg/day.',
      },
      {
        maxCrCl: 10,
        severity: 'moderate',
        maxDailyMg: 100,
        recommendation: 'CrCl < 10: ≤ 100 mg/day (< 3: lengthen the interval).',
      },
    ],
  },
  {
    ingredient: 'levetiracetam',
    source: label('levetiracetam', 'Keppra', '§2.6 Table'),
    bands: [
      {
        minCrCl: 50,
        maxCrCl: 80,
        severity: 'moderate',
        maxDailyMg: 2000,
        recommendation: 'CrCl 50–80: 500–1,000 mg every 12 h.',
      },
      {
        minCrCl: 30,
        maxCrCl: 50,
        severity: 'moderate',
        maxDailyMg: 1500,
        recommendation: 'CrCl 30–50: 250–750 mg every 12 h.',
      },
      {
        maxCrCl: 30,
        severity: 'moderate',
        maxDailyMg: 1000,
        recommendation: 'CrCl < 30: 250–500 mg every 12 h (dialysis: 500–1,000 mg daily + supplement).',
      },
    ],
  },
  {
    ingredient: 'valacyclovir',
    source: label('valacyclovir', 'Valtrex', '§2.5 Table (herpes zoster)'),
    bands: [
      {
        minCrCl: 30,
        maxCrCl: 50,
        severity: 'moderate',
        maxDailyMg: 2000,
        recommendation: 'CrCl 30–49: zoster 1 g every 12 h.',
      },
      {
        minCrCl: 10,
        maxCrCl: 30,
        severity: 'moderate',
        maxDailyMg: 1000,
        recommendation: 'CrCl 10–29: zoster 1 g every 24 h.',
      },
      {
        maxCrCl: 10,
        severity: 'major',
        maxDailyMg: 500,
        recommendation: 'CrCl < 10: zoster 500 mg every 24 h.',
      },
    ],
  },
  {
    ingredient: 'sitagliptin',
    source: label('sitagliptin', 'Januvia', '§2.2'),
    bands: [
      {
        minCrCl: 30,
        maxCrCl: 45,
        severity: 'moderate',
        maxDailyMg: 50,
        recommendation: 'eGFR 30–44: 50 mg once daily.',
      },
      { maxCrCl: 30, severity: 'moderate', maxDailyMg: 25, recommendation: 'eGFR < 30: 25 mg once daily.' },
    ],
  },
  {
    ingredient: 'famotidine',
    source: label('famotidine', 'Pepcid', '§2.3'),
    bands: [
      {
        maxCrCl: 60,
        severity: 'moderate',
        maxDailyMg: 20,
        recommendation:
          'CrCl < 60: reduce dose (e.g. GERD 20 mg once daily; < 30: 20 mg every other day) — CNS effects and QT.',
      },
    ],
  },
  {
    ingredient: 'sulfamethoxazole',
    source: label('sulfamethoxazole', 'Bactrim', '§2'),
    bands: [
      {
        minCrCl: 15,
        maxCrCl: 30,
        severity: 'moderate',
        recommendation: 'CrCl 15–30: use half the usual regimen.',
      },
      { maxCrCl: 15, severity: 'major', recommendation: 'CrCl < 15: use is not recommended.' },
    ],
  },
  {
    ingredient: 'ciprofloxacin',
    source: label('ciprofloxacin', 'Cipro', '§2.3'),
    bands: [
      {
        minCrCl: 30,
        maxCrCl: 50,
        severity: 'moderate',
        maxDailyMg: 1000,
        recommendation: 'CrCl 30–50: 250–500 mg every 12 h.',
      },
      {
        maxCrCl: 30,
        severity: 'moderate',
        maxDailyMg: 667,
        recommendation: 'CrCl 5–29: 250–500 mg every 18 h.',
      },
    ],
  },
  {
    ingredient: 'tramadol',
    source: label('tramadol', 'Ultram', '§2.3'),
    bands: [
      {
        maxCrCl: 30,
        severity: 'moderate',
        maxDailyMg: 200,
        recommendation: 'CrCl < 30: every 12 h, max 200 mg/day.',
      },
    ],
  },
  {
    ingredient: 'spironolactone',
    source: BEERS_2023,
    bands: [{ maxCrCl: 30, severity: 'major', recommendation: 'Avoid at CrCl < 30 mL/min (hyperkalaemia).' }],
  },
  {
    ingredient: 'triamterene',
    source: BEERS_2023,
    bands: [{ maxCrCl: 30, severity: 'major', recommendation: 'Avoid at CrCl < 30 mL/min (hyperkalaemia).' }],
  },
  {
    ingredient: 'duloxetine',
    source: BEERS_2023,
    bands: [
      {
        maxCrCl: 30,
        severity: 'major',
        recommendation: 'Avoid at CrCl < 30 mL/min (more GI adverse effects).',
      },
    ],
  },
  {
    ingredient: 'colchicine',
    source: label('colchicine', 'Colcrys', '§2.5'),
    bands: [
      {
        maxCrCl: 30,
        severity: 'moderate',
        recommendation:
          'CrCl < 30: gout prophylaxis start 0.3 mg/day; repeat flare courses no more than once every 14 days.',
      },
    ],
  },
];
