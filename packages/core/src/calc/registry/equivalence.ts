import { checkWeightKg, positive } from '../check';
import {
  MME_CAVEATS,
  MME_FACTORS,
  maintenanceFluidsMlPerHour,
  mmePerDay,
  STEROID_EQUIVALENT_MG,
  steroidEquivalent,
} from '../equivalence';
import { CalcError } from '../errors';
import { fmt } from '../format';
import { type CalcEntry, type Inputs, step } from '../inputs';
import { meanKineticTemperature } from '../temperature';
import { convertUnits, normalizeUnit } from '../units';
import { choice, finish, qty, weight } from './common';

const ENTRY =
  /^([a-z][a-z\s-]*?)\s+(\d+(?:\.\d+)?)\s*([^\sx×]*)\s*(?:(?:x|×)\s*(\d+(?:\.\d+)?)\s*(?:\/\s*d(?:ay)?)?)?$/i;

interface OpioidLine {
  drug: string;
  dailyDose: number;
  unit: string;
}

function parseOpioid(item: string): OpioidLine {
  const m = ENTRY.exec(item.trim());
  if (!m)
    throw new CalcError(
      'opioids',
      `cannot read "${item}"; use e.g. "oxycodone 10 mg x2" or "fentanyl-transdermal 25 mcg/h"`,
    );
  let drug = m[1]!.trim().toLowerCase().replace(/\s+/g, '-');
  const unit = normalizeUnit(m[3] || 'mg');
  if (drug === 'fentanyl' || drug === 'fentanyl-patch') drug = 'fentanyl-transdermal';
  if (drug.startsWith('buprenorphine')) return { drug: 'buprenorphine', dailyDose: 0, unit };
  const f = MME_FACTORS[drug];
  if (f === undefined) throw new CalcError('opioids', `no CDC 2022 conversion factor for "${drug}"`);
  const times = m[4] === undefined ? 1 : positive('opioids', Number(m[4]));
  if (f.unit === 'ug/h') {
    if (m[4] !== undefined)
      throw new CalcError(
        'opioids',
        'transdermal fentanyl is entered as the patch rate in mcg/h, without × n',
      );
    return { drug, dailyDose: convertUnits(Number(m[2]), unit, 'ug/h', 'opioids'), unit: 'ug/h' };
  }
  return { drug, dailyDose: convertUnits(Number(m[2]), unit, 'mg', 'opioids') * times, unit: 'mg/d' };
}

const mme: CalcEntry = {
  def: {
    id: 'mme',
    title: 'Morphine milligram equivalents per day',
    category: 'equivalence',
    description:
      'Total MME/day across opioids with CDC 2022 factors. Entries: "<opioid> <dose> <unit> [x <times per day>]" separated by ";", e.g. "hydrocodone 5 mg x4; fentanyl-transdermal 25 mcg/h". Buprenorphine is excluded.',
    source:
      'Dowell D et al. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(No. RR-3), MME table',
    inputs: [
      {
        name: 'opioids',
        label: 'Opioids',
        kind: 'list',
        required: true,
        description: 'One entry per opioid (daily total, or dose × times per day)',
      },
    ],
  },
  run(i: Inputs) {
    const warnings: string[] = [MME_CAVEATS.general];
    const steps = [];
    const extra: Record<string, number | string> = {};
    let total = 0;
    for (const item of i.list('opioids')) {
      const line = parseOpioid(item);
      if (line.drug === 'buprenorphine') {
        warnings.push(MME_CAVEATS.buprenorphine);
        steps.push(step('buprenorphine', item, 'excluded'));
        continue;
      }
      const v = mmePerDay(line.drug, line.dailyDose);
      const f = MME_FACTORS[line.drug]!;
      if (line.drug === 'methadone' && !warnings.includes(MME_CAVEATS.methadone))
        warnings.push(MME_CAVEATS.methadone);
      if (line.drug === 'fentanyl-transdermal' && !warnings.includes(MME_CAVEATS.fentanyl))
        warnings.push(MME_CAVEATS.fentanyl);
      steps.push(
        step(
          f.label,
          `${fmt(line.dailyDose, 3)} ${f.unit === 'ug/h' ? 'mcg/h' : 'mg/day'} × ${f.factor}`,
          `${fmt(v, 2)} MME/day`,
        ),
      );
      extra[line.drug] = (typeof extra[line.drug] === 'number' ? (extra[line.drug] as number) : 0) + v;
      total += v;
    }
    if (total >= 90)
      warnings.unshift(
        '≥ 90 MME/day: CDC 2022 notes substantially increased overdose risk; reassess benefits and risks',
      );
    else if (total >= 50)
      warnings.unshift('≥ 50 MME/day: CDC 2022 notes increased overdose risk; consider naloxone');
    return finish('mme', mme.def.source, {
      value: Number(fmt(total, 1)),
      unit: 'MME/d',
      display: `${fmt(total, 1)} MME/day`,
      formula: 'MME/day = Σ daily dose × CDC 2022 conversion factor (fentanyl patch: mcg/h × 2.4)',
      steps,
      rounding: '1 decimal',
      warnings,
      extra,
    });
  },
};

const STEROIDS = Object.keys(STEROID_EQUIVALENT_MG);
const steroid: CalcEntry = {
  def: {
    id: 'steroid-equivalence',
    title: 'Corticosteroid dose equivalence',
    category: 'equivalence',
    description:
      'Equivalent glucocorticoid (anti-inflammatory) dose: dose ÷ equivalent(from) × equivalent(to). Ignores mineralocorticoid activity and duration.',
    source:
      'Meikle AW, Tyler FH. Potency and duration of action of glucocorticoids. Am J Med 1977;63:200–7 (as tabulated in the UCSF Hospital Handbook)',
    inputs: [
      choice('from', 'From', STEROIDS, 'Current corticosteroid'),
      qty('dose', 'Dose', 'mass', ['mg'], 'Current dose'),
      choice('to', 'To', STEROIDS, 'Target corticosteroid'),
    ],
  },
  run(i) {
    const from = i.choice('from');
    const to = i.choice('to');
    const dose = i.q('dose', 'mg');
    const v = steroidEquivalent(from, dose, to);
    return finish('steroid-equivalence', steroid.def.source, {
      value: Number(fmt(v, 2)),
      unit: 'mg',
      formula: 'dose_to = dose_from ÷ eq_from × eq_to',
      steps: [
        step(
          'Equivalent',
          `${fmt(dose, 3)} mg ÷ ${STEROID_EQUIVALENT_MG[from]} × ${STEROID_EQUIVALENT_MG[to]}`,
          `${fmt(v, 3)} mg`,
        ),
      ],
      rounding: '2 decimals; round to an available strength',
      warnings: ['glucocorticoid equivalence only; mineralocorticoid effect and duration differ'],
      extra: { unrounded: v },
    });
  },
};

const fluids: CalcEntry = {
  def: {
    id: 'maintenance-fluids',
    title: 'Maintenance fluids (4-2-1 rule)',
    category: 'equivalence',
    description:
      '4 mL/kg/h for the first 10 kg, 2 mL/kg/h for the next 10 kg, 1 mL/kg/h for each kg above 20 (100/50/20 mL/kg/day).',
    source:
      'Holliday MA, Segar WE. The maintenance need for water in parenteral fluid therapy. Pediatrics 1957;19:823–32',
    inputs: [weight],
  },
  run(i) {
    const warnings: string[] = [
      'AAP 2018 guideline: use isotonic maintenance fluids in children 28 days–18 years',
    ];
    const w = checkWeightKg(i.q('weight', 'kg'), warnings);
    const v = maintenanceFluidsMlPerHour(w);
    return finish('maintenance-fluids', fluids.def.source, {
      value: Number(fmt(v, 1)),
      unit: 'mL/h',
      decimals: 1,
      formula: '4 × first 10 kg + 2 × next 10 kg + 1 × kg above 20',
      steps: [
        step('First 10 kg', `4 × ${fmt(Math.min(w, 10), 2)}`, `${fmt(4 * Math.min(w, 10), 2)} mL/h`),
        step(
          'Next 10 kg',
          `2 × ${fmt(Math.min(Math.max(w - 10, 0), 10), 2)}`,
          `${fmt(2 * Math.min(Math.max(w - 10, 0), 10), 2)} mL/h`,
        ),
        step('Above 20 kg', `1 × ${fmt(Math.max(w - 20, 0), 2)}`, `${fmt(Math.max(w - 20, 0), 2)} mL/h`),
      ],
      rounding: '1 decimal',
      warnings,
      extra: { mlPerDay: v * 24 },
    });
  },
};

const mkt: CalcEntry = {
  def: {
    id: 'mkt',
    title: 'Mean kinetic temperature',
    category: 'temperature',
    description:
      'MKT of equally spaced temperature readings, for storage excursion review (ΔH = 83.144 kJ/mol).',
    source:
      'Haynes JD. J Pharm Sci 1971;60:927–9; USP <1079.2> Mean kinetic temperature in the evaluation of temperature excursions',
    inputs: [
      {
        name: 'temperatures',
        label: 'Readings',
        kind: 'list',
        units: ['Cel', '[degF]', 'K'],
        defaultUnit: 'Cel',
        required: true,
        description: "Equally spaced readings, e.g. '20, 25, 30' (°C unless a unit is given)",
      },
    ],
  },
  run(i) {
    const temps = i.quantities('temperatures', 'Cel');
    const v = meanKineticTemperature(temps);
    const mean = temps.reduce((a, b) => a + b, 0) / temps.length;
    const warnings: string[] = [];
    if (v > 25) warnings.push('MKT above 25 °C: exceeds controlled room temperature (USP <659>)');
    return finish('mkt', mkt.def.source, {
      value: Number(fmt(v, 2)),
      unit: 'Cel',
      formula: 'MKT = (ΔH/R) ÷ −ln(Σ e^(−ΔH/RTᵢ) ÷ n), ΔH/R = 10 000 K',
      steps: [
        step('Readings', `${temps.length} values`, `arithmetic mean ${fmt(mean, 2)} °C`),
        step('MKT', 'Haynes equation', `${fmt(v, 3)} °C`),
      ],
      rounding: '2 decimals',
      warnings,
      extra: { arithmeticMean: mean, n: temps.length, max: Math.max(...temps) },
    });
  },
};

export const equivalenceCalcs: CalcEntry[] = [mme, steroid, fluids, mkt];
