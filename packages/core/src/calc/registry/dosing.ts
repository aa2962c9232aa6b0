import { type BsaMethod, bsa } from '../body';
import { checkHeightCm, checkWeightKg, integer, positive } from '../check';
import { applyCaps, carboplatinCalvert, doseByBsa, pediatricRange, roundDose } from '../dosing';
import { CalcError } from '../errors';
import { fmt, unitLabel } from '../format';
import { type CalcEntry, step } from '../inputs';
import { convertUnits, isConvertible, parseQuantity } from '../units';
import { choice, finish, height, num, opt, qty, weight } from './common';

const AMOUNTS = ['mg', '[iU]', 'meq', 'mmol'];

/** Amount base and per-day flag for a weight-based dose unit (mg/kg, mg/kg/d, units/kg/h…). */
function weightDoseUnit(unit: string, field: string): { base: string; perDay: boolean } {
  for (const base of AMOUNTS) {
    if (isConvertible(unit, `${base}/kg`)) return { base, perDay: false };
    if (isConvertible(unit, `${base}/kg/d`)) return { base, perDay: true };
  }
  throw new CalcError(field, `${unit} is not a weight-based dose (e.g. mg/kg or mg/kg/d)`);
}

function amountBase(unit: string, field: string, per = ''): string {
  for (const base of AMOUNTS) if (isConvertible(unit, `${base}${per}`)) return base;
  throw new CalcError(field, `${unit} is not an amount${per ? ` per ${per.slice(1)}` : ''}`);
}

const frequency = num('frequency', 'Doses per day', 'Number of doses per day (e.g. 3 for q8h)');
const maxSingle = qty('maxSingle', 'Maximum single dose', 'mass', ['mg', 'g', '[iU]'], 'Cap per dose', {
  required: false,
});
const maxDaily = qty('maxDaily', 'Maximum daily dose', 'mass', ['mg', 'g', '[iU]'], 'Cap per day', {
  required: false,
});

const doseWeight: CalcEntry = {
  def: {
    id: 'dose-weight',
    title: 'Weight-based dose (mg/kg, mg/kg/day)',
    category: 'dosing',
    description:
      'Dose per kg per dose (mg/kg) or per day (mg/kg/d, divided into n doses), capped at a maximum single or daily dose.',
    source:
      'Standard weight-based dosing (Lexicomp Pediatric & Neonatal Dosage Handbook conventions); caps per product labeling',
    inputs: [
      weight,
      qty(
        'dose',
        'Dose',
        'mass/mass[/time]',
        ['mg/kg', 'mg/kg/d', 'ug/kg', '[iU]/kg'],
        "Per dose ('15 mg/kg') or per day ('40 mg/kg/d')",
      ),
      { ...frequency, required: false, default: 1 },
      maxSingle,
      maxDaily,
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const w = checkWeightKg(i.q('weight', 'kg'), warnings);
    const q = i.quantity('dose');
    const { base, perDay } = weightDoseUnit(q.unit, 'dose');
    const perKg = i.q('dose', perDay ? `${base}/kg/d` : `${base}/kg`);
    const n = integer('frequency', positive('frequency', i.num('frequency')));
    const raw = perDay ? (perKg * w) / n : perKg * w;
    const r = applyCaps(raw, n, i.qOpt('maxSingle', base), i.qOpt('maxDaily', base));
    if (r.capped !== 'none') warnings.push(`dose capped at the maximum ${r.capped} dose`);
    const u = unitLabel(base);
    return finish('dose-weight', doseWeight.def.source, {
      value: Number(fmt(r.perDose, 2)),
      unit: base,
      formula: perDay ? 'dose = mg/kg/day × weight ÷ doses per day' : 'dose = mg/kg × weight',
      steps: [
        step(
          perDay ? 'Daily dose' : 'Dose',
          `${fmt(perKg, 4)} ${u}/kg${perDay ? '/day' : ''} × ${fmt(w, 2)} kg`,
          `${fmt(perKg * w, 2)} ${u}`,
        ),
        ...(perDay ? [step('Divided', `${fmt(perKg * w, 2)} ÷ ${n}`, `${fmt(raw, 2)} ${u} per dose`)] : []),
        step(
          'Cap',
          r.capped === 'none' ? 'no cap reached' : `capped (${r.capped})`,
          `${fmt(r.perDose, 2)} ${u} per dose; ${fmt(r.perDay, 2)} ${u}/day`,
        ),
      ],
      rounding: '2 decimals; round to a measurable amount with dose-round',
      warnings,
      extra: { perDay: r.perDay, uncappedPerDose: r.uncappedPerDose, capped: r.capped },
    });
  },
};

const doseBsa: CalcEntry = {
  def: {
    id: 'dose-bsa',
    title: 'BSA-based dose (mg/m²)',
    category: 'dosing',
    description:
      'Dose = mg/m² × BSA (given, or from height and weight by the chosen method), capped at a maximum dose.',
    source: 'BSA: Mosteller 1987 (default); capping per protocol (e.g. vincristine 2 mg)',
    inputs: [
      qty('dose', 'Dose', 'mass/area', ['mg/m2', 'ug/m2', '[iU]/m2'], 'Dose per m²'),
      qty('bsa', 'BSA', 'area', ['m2'], 'Body surface area (or give weight and height)', { required: false }),
      opt(weight),
      opt(height),
      choice(
        'method',
        'BSA method',
        ['mosteller', 'dubois', 'haycock', 'gehan-george'],
        'Used when BSA is computed',
        { required: false },
      ),
      qty('maxDose', 'Maximum dose', 'mass', ['mg', '[iU]'], 'Cap', { required: false }),
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const base = amountBase(i.quantity('dose').unit, 'dose', '/m2');
    const perM2 = i.q('dose', `${base}/m2`);
    let area = i.qOpt('bsa', 'm2');
    const steps = [];
    if (area === undefined) {
      if (!i.has('weight')) throw new CalcError('bsa', 'give BSA or weight and height');
      if (!i.has('height')) throw new CalcError('height', 'is required to compute BSA');
      const method = i.choice<BsaMethod>('method');
      const w = checkWeightKg(i.q('weight', 'kg'), warnings);
      const h = checkHeightCm(i.q('height', 'cm'), warnings);
      area = bsa(method, w, h);
      steps.push(step(`BSA (${method})`, `${fmt(w, 2)} kg, ${fmt(h, 1)} cm`, `${fmt(area, 4)} m²`));
    }
    positive('bsa', area);
    if (area > 3.5) warnings.push(`BSA ${fmt(area, 2)} m² is unusually large; check weight/height`);
    const r = doseByBsa(perM2, area, i.qOpt('maxDose', base));
    if (r.capped) warnings.push('dose capped at the maximum dose');
    const u = unitLabel(base);
    steps.push(step('Dose', `${fmt(perM2, 4)} ${u}/m² × ${fmt(area, 4)} m²`, `${fmt(perM2 * area, 2)} ${u}`));
    if (r.capped) steps.push(step('Cap', 'maximum dose', `${fmt(r.dose, 2)} ${u}`));
    return finish('dose-bsa', doseBsa.def.source, {
      value: Number(fmt(r.dose, 2)),
      unit: base,
      formula: 'dose = dose per m² × BSA',
      steps,
      rounding: 'BSA unrounded in the calculation; dose to 2 decimals',
      warnings,
      extra: { bsa: area, capped: r.capped ? 'yes' : 'no' },
    });
  },
};

const pedRange: CalcEntry = {
  def: {
    id: 'pediatric-range',
    title: 'Pediatric dose range check',
    category: 'dosing',
    description:
      'Per-dose range from a mg/kg/day range divided into n doses; flags a prescribed dose below or above it.',
    source: 'Standard pediatric range checking (Lexicomp Pediatric & Neonatal Dosage Handbook conventions)',
    inputs: [
      weight,
      qty('low', 'Low end', 'mass/mass/time', ['mg/kg/d'], 'Low end of the daily range'),
      qty('high', 'High end', 'mass/mass/time', ['mg/kg/d'], 'High end of the daily range'),
      frequency,
      qty('prescribed', 'Prescribed dose', 'mass', ['mg'], 'Prescribed amount per dose', { required: false }),
      maxSingle,
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const w = checkWeightKg(i.q('weight', 'kg'), warnings);
    const base = weightDoseUnit(i.quantity('low').unit, 'low').base;
    const n = i.num('frequency');
    const r = pediatricRange(
      w,
      i.q('low', `${base}/kg/d`),
      i.q('high', `${base}/kg/d`),
      n,
      i.qOpt('prescribed', base),
    );
    const cap = i.qOpt('maxSingle', base);
    const high = cap !== undefined ? Math.min(r.high, cap) : r.high;
    if (cap !== undefined && r.high > cap) warnings.push('range high end capped at the maximum single dose');
    const presc = i.qOpt('prescribed', base);
    const status = presc !== undefined && cap !== undefined && presc > cap ? 'above' : r.status;
    if (status === 'above' || status === 'below') warnings.push(`prescribed dose is ${status} the range`);
    const u = unitLabel(base);
    return finish('pediatric-range', pedRange.def.source, {
      value: status === 'n/a' ? `${fmt(r.low, 2)}–${fmt(high, 2)}` : status,
      unit: status === 'n/a' ? base : '',
      display: `${fmt(r.low, 2)}–${fmt(high, 2)} ${u} per dose${status === 'n/a' ? '' : ` (prescribed: ${status})`}`,
      formula: 'per dose = mg/kg/day × weight ÷ doses per day',
      steps: [
        step('Low', `low × ${fmt(w, 2)} ÷ ${n}`, `${fmt(r.low, 2)} ${u}`),
        step('High', `high × ${fmt(w, 2)} ÷ ${n}`, `${fmt(high, 2)} ${u}`),
      ],
      rounding: '2 decimals; comparison unrounded',
      warnings,
      extra: { low: r.low, high, status },
    });
  },
};

const doseRound: CalcEntry = {
  def: {
    id: 'dose-round',
    title: 'Dose rounding / banding',
    category: 'dosing',
    description:
      'Round a dose to what available strengths can make (nearest, within a tolerance — NHS dose banding uses ≤ 5 %), or the vials to open to cover it with least waste.',
    source: 'NHS England national dose banding tables (max 5 % variance); unbounded combination search',
    inputs: [
      qty('dose', 'Dose', 'mass', ['mg', 'g', '[iU]'], 'Calculated dose'),
      {
        name: 'strengths',
        label: 'Available strengths',
        kind: 'list',
        required: true,
        description:
          "Tablet strengths or vial sizes, e.g. '100 mg, 500 mg' (bare numbers take the dose unit)",
      },
      num('tolerance', 'Tolerance (%)', 'Maximum deviation accepted', { required: false, default: 5 }),
      choice(
        'mode',
        'Mode',
        ['nearest', 'cover'],
        'nearest = dose banding; cover = vials to draw the dose from',
        { required: false },
      ),
    ],
  },
  run(i) {
    const q = i.quantity('dose');
    const base = amountBase(q.unit, 'dose');
    const dose = i.q('dose', base);
    // Items may carry units ('100 mg'); bare numbers are in the dose's own unit.
    const values = i.list('strengths').map((item) => {
      const p = parseQuantity(/^[-+]?[\d.]+$/.test(item) ? Number(item) : item, 'strengths', q.unit);
      return convertUnits(p.value, p.unit, base, 'strengths');
    });
    const tol = i.num('tolerance');
    const mode = i.choice<'nearest' | 'cover'>('mode');
    const r = roundDose(dose, values, tol, mode);
    const warnings: string[] = [];
    if (!r.withinTolerance)
      warnings.push(
        `nearest achievable dose deviates ${fmt(r.deviationPct, 1)} % (tolerance ${tol} %): review`,
      );
    const u = unitLabel(base);
    const combo = values
      .map((v, k) => (r.counts[k]! > 0 ? `${r.counts[k]} × ${fmt(v, 3)} ${u}` : ''))
      .filter((s) => s !== '')
      .join(' + ');
    return finish('dose-round', doseRound.def.source, {
      value: Number(fmt(r.dose, 3)),
      unit: base,
      decimals: 3,
      display: `${fmt(r.dose, 3)} ${u} (${combo})`,
      formula: mode === 'nearest' ? 'closest Σ nᵢ × strengthᵢ to the dose' : 'smallest Σ nᵢ × vialᵢ ≥ dose',
      steps: [
        step('Combination', combo, `${fmt(r.dose, 3)} ${u}`),
        step(
          'Deviation',
          `(${fmt(r.dose, 3)} − ${fmt(dose, 3)}) ÷ ${fmt(dose, 3)}`,
          `${fmt(r.deviationPct, 2)} %`,
        ),
      ],
      rounding: mode === 'nearest' ? `to available strengths within ±${tol} %` : 'up to whole vials',
      warnings,
      extra: {
        units: r.units,
        deviationPct: r.deviationPct,
        withinTolerance: r.withinTolerance ? 'yes' : 'no',
        combination: combo,
      },
    });
  },
};

const carboplatin: CalcEntry = {
  def: {
    id: 'carboplatin',
    title: 'Carboplatin dose (Calvert)',
    category: 'dosing',
    description: 'Dose (mg) = target AUC × (GFR + 25), GFR capped at 125 mL/min (max dose = AUC × 150).',
    source:
      'Calvert AH et al. J Clin Oncol 1989;7:1748–56; GFR cap: FDA/NCI CTEP carboplatin dosing communication (2010)',
    inputs: [
      num('auc', 'Target AUC (mg/mL·min)', 'Usually 4–7'),
      qty('gfr', 'GFR', 'volume/time', ['mL/min'], 'Measured GFR or estimated CrCl'),
      qty('gfrCap', 'GFR cap', 'volume/time', ['mL/min'], 'Cap applied to GFR', {
        required: false,
        default: 125,
      }),
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const auc = i.num('auc');
    if (auc > 10) warnings.push(`AUC ${auc} is above the usual 4–7 range`);
    const gfr = i.q('gfr', 'mL/min');
    const r = carboplatinCalvert(auc, gfr, i.q('gfrCap', 'mL/min'));
    if (r.capped) warnings.push(`GFR ${fmt(gfr, 1)} mL/min capped at ${fmt(r.gfrUsed, 0)} mL/min`);
    return finish('carboplatin', carboplatin.def.source, {
      value: Number(fmt(r.dose, 0)),
      unit: 'mg',
      decimals: 0,
      formula: 'dose = AUC × (GFR + 25)',
      steps: [
        step('GFR used', r.capped ? `min(${fmt(gfr, 1)}, cap)` : 'as given', `${fmt(r.gfrUsed, 1)} mL/min`),
        step('Dose', `${auc} × (${fmt(r.gfrUsed, 1)} + 25)`, `${fmt(r.dose, 1)} mg`),
      ],
      rounding: 'whole mg',
      warnings,
      extra: { gfrUsed: r.gfrUsed, unrounded: r.dose },
    });
  },
};

export const dosingCalcs: CalcEntry[] = [doseWeight, doseBsa, pedRange, doseRound, carboplatin];
