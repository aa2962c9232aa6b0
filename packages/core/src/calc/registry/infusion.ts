import { checkWeightKg, positive } from '../check';
import { CalcError } from '../errors';
import { fmt, unitLabel } from '../format';
import {
  admixtureConcentration,
  amountPerHour,
  classifyDoseRate,
  concentrationUnitFor,
  type DoseRateKind,
  dripRate,
  infusionHours,
  mlPerHour,
} from '../infusion';
import { type CalcEntry, type Inputs, step } from '../inputs';
import { convertUnits } from '../units';
import { choice, finish, opt, qty, weight } from './common';

const SOURCE =
  "Ansel's Pharmaceutical Calculations, 15th ed., ch. Intravenous infusions and rate calculations";

const concentration = qty(
  'concentration',
  'Concentration',
  'amount/volume',
  ['mg/mL', 'ug/mL', '[iU]/mL', 'meq/mL'],
  'Drug concentration in the bag (or give amount and volume)',
  {
    required: false,
  },
);
const bagAmount = qty(
  'amount',
  'Drug in bag',
  'amount',
  ['mg', 'ug', '[iU]', 'meq'],
  'Total drug in the bag',
  { required: false },
);
const bagVolume = qty('volume', 'Bag volume', 'volume', ['mL', 'L'], 'Total bag volume', { required: false });

/** Concentration per mL in the dose rate's amount base, from `concentration` or `amount` ÷ `volume`. */
function readConcentration(i: Inputs, kind: DoseRateKind, steps: ReturnType<typeof step>[]): number {
  if (i.has('concentration')) {
    const target = concentrationUnitFor(kind, i.quantity('concentration').unit);
    return positive('concentration', i.q('concentration', target));
  }
  if (!i.has('amount') || !i.has('volume'))
    throw new CalcError('concentration', 'give the concentration, or the bag amount and volume');
  const target = concentrationUnitFor(kind, `${i.quantity('amount').unit}/mL`, 'amount');
  const amount = i.q('amount', target.replace('/mL', ''));
  const vol = i.q('volume', 'mL');
  const c = admixtureConcentration(amount, vol);
  steps.push(
    step(
      'Concentration',
      `${fmt(amount, 3)} ${unitLabel(kind.base)} ÷ ${fmt(vol, 1)} mL`,
      `${fmt(c, 4)} ${unitLabel(kind.base)}/mL`,
    ),
  );
  return c;
}

const rate: CalcEntry = {
  def: {
    id: 'infusion-rate',
    title: 'Infusion rate (mL/h) from dose rate',
    category: 'infusion',
    description:
      'mL/h = dose rate (× weight if per kg, per hour) ÷ concentration. Dose rate in mcg/kg/min, mg/h, units/h, units/kg/h, mEq/h…',
    source: SOURCE,
    inputs: [
      qty(
        'doseRate',
        'Dose rate',
        'amount/time',
        ['ug/kg/min', 'mg/h', '[iU]/h', '[iU]/kg/h', 'meq/h'],
        "e.g. '5 mcg/kg/min', '1000 units/h'",
      ),
      opt(weight, { description: 'Required for per-kg dose rates' }),
      concentration,
      bagAmount,
      bagVolume,
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const kind = classifyDoseRate(i.quantity('doseRate').unit);
    let perHour = i.q('doseRate', kind.canonical);
    const u = unitLabel(kind.base);
    if (kind.perKg) {
      if (!i.has('weight')) throw new CalcError('weight', 'is required for a per-kg dose rate');
      const w = checkWeightKg(i.q('weight', 'kg'), warnings);
      steps.push(
        step(
          'Hourly dose',
          `${fmt(perHour, 4)} ${u}/kg/h × ${fmt(w, 2)} kg`,
          `${fmt(perHour * w, 4)} ${u}/h`,
        ),
      );
      perHour *= w;
    } else {
      steps.push(step('Hourly dose', 'dose rate per hour', `${fmt(perHour, 4)} ${u}/h`));
    }
    const conc = readConcentration(i, kind, steps);
    const v = mlPerHour(perHour, conc);
    steps.push(step('Rate', `${fmt(perHour, 4)} ÷ ${fmt(conc, 4)} ${u}/mL`, `${fmt(v, 3)} mL/h`));
    if (v > 999) warnings.push('rate above 999 mL/h exceeds most pumps');
    return finish('infusion-rate', SOURCE, {
      value: Number(fmt(v, 1)),
      unit: 'mL/h',
      decimals: 1,
      formula: kind.perKg
        ? 'mL/h = dose/kg/min × weight × 60 ÷ concentration'
        : 'mL/h = dose per hour ÷ concentration',
      steps,
      rounding: '1 decimal (0.1 mL/h pump resolution)',
      warnings,
      extra: { unrounded: v, concentrationPerMl: conc, amountPerHour: perHour },
    });
  },
};

const doseRate: CalcEntry = {
  def: {
    id: 'infusion-dose-rate',
    title: 'Dose rate from infusion rate',
    category: 'infusion',
    description:
      'Dose rate delivered by a pump rate at a concentration, in the requested unit (default mcg/kg/min with weight, else mg/h or units/h).',
    source: SOURCE,
    inputs: [
      qty('rate', 'Pump rate', 'volume/time', ['mL/h'], 'Infusion rate'),
      concentration,
      bagAmount,
      bagVolume,
      opt(weight, { description: 'Needed for per-kg output units' }),
      {
        name: 'outputUnit',
        label: 'Output unit',
        kind: 'text',
        required: false,
        description: "e.g. 'ug/kg/min', 'mg/h', '[iU]/h'",
      },
    ],
  },
  run(i) {
    const warnings: string[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const concUnit = i.has('concentration')
      ? i.quantity('concentration').unit
      : `${i.quantity('amount').unit}/mL`;
    const kind = classifyDoseRate(
      concUnit.replace(/\/mL$|\/L$/, '/h'),
      i.has('concentration') ? 'concentration' : 'amount',
    );
    const conc = readConcentration(i, kind, steps);
    const r = i.q('rate', 'mL/h');
    positive('rate', r);
    const perHour = amountPerHour(r, conc);
    const hasW = i.has('weight');
    const out =
      i.textOpt('outputUnit') ?? (kind.base === 'ug' ? (hasW ? 'ug/kg/min' : 'mg/h') : `${kind.base}/h`);
    const outKind = classifyDoseRate(out, 'outputUnit');
    if (outKind.base !== kind.base)
      throw new CalcError('outputUnit', `does not match the concentration (${unitLabel(kind.base)})`);
    steps.push(
      step(
        'Hourly dose',
        `${fmt(r, 2)} mL/h × ${fmt(conc, 4)}`,
        `${fmt(perHour, 4)} ${unitLabel(kind.base)}/h`,
      ),
    );
    let v: number;
    if (outKind.perKg) {
      if (!hasW) throw new CalcError('weight', 'is required for a per-kg output unit');
      const w = checkWeightKg(i.q('weight', 'kg'), warnings);
      v = convertUnits(perHour / w, `${kind.base}/kg/h`, out, 'outputUnit');
      steps.push(step('Per kg', `÷ ${fmt(w, 2)} kg`, `${fmt(v, 4)} ${unitLabel(out)}`));
    } else {
      v = convertUnits(perHour, `${kind.base}/h`, out, 'outputUnit');
    }
    return finish('infusion-dose-rate', SOURCE, {
      value: Number(fmt(v, 3)),
      unit: out,
      decimals: 3,
      formula: 'dose rate = mL/h × concentration [÷ weight]',
      steps,
      rounding: '3 decimals',
      warnings,
      extra: { unrounded: v },
    });
  },
};

const drip: CalcEntry = {
  def: {
    id: 'drip-rate',
    title: 'Drip rate (gtt/min)',
    category: 'infusion',
    description: 'gtt/min = volume (mL) × drop factor (gtt/mL) ÷ time (min), rounded to whole drops.',
    source: SOURCE,
    inputs: [
      qty('volume', 'Volume', 'volume', ['mL', 'L'], 'Volume to infuse'),
      qty('time', 'Time', 'time', ['h', 'min'], 'Infusion duration'),
      choice(
        'dropFactor',
        'Drop factor (gtt/mL)',
        ['10', '15', '20', '60'],
        'Administration set: 10/15/20 macrodrip, 60 microdrip',
      ),
    ],
  },
  run(i) {
    const vol = i.q('volume', 'mL');
    const min = i.q('time', 'min');
    const df = Number(i.choice('dropFactor'));
    const v = dripRate(vol, min, df);
    return finish('drip-rate', SOURCE, {
      value: Math.round(v),
      unit: '[drp]/min',
      display: `${Math.round(v)} gtt/min`,
      formula: 'gtt/min = mL × gtt/mL ÷ min',
      steps: [step('Drip rate', `${fmt(vol, 1)} mL × ${df} ÷ ${fmt(min, 1)} min`, `${fmt(v, 2)} gtt/min`)],
      rounding: 'nearest whole drop',
      warnings: [],
      extra: { unrounded: v },
    });
  },
};

const time: CalcEntry = {
  def: {
    id: 'infusion-time',
    title: 'Infusion time',
    category: 'infusion',
    description: 'Time = volume ÷ rate; with a start time, the end time.',
    source: SOURCE,
    inputs: [
      qty('volume', 'Volume', 'volume', ['mL', 'L'], 'Volume to infuse'),
      qty('rate', 'Rate', 'volume/time', ['mL/h', 'mL/min'], 'Infusion rate'),
      {
        name: 'start',
        label: 'Start',
        kind: 'date',
        required: false,
        description: 'Start date-time (ISO, UTC when no zone)',
      },
    ],
  },
  run(i) {
    const h = infusionHours(i.q('volume', 'mL'), i.q('rate', 'mL/h'));
    const start = i.dateOpt('start');
    const hh = Math.floor(h);
    const mm = Math.round((h - hh) * 60);
    const extra: Record<string, number | string> = { hours: h, minutes: h * 60 };
    if (start) extra.end = new Date(start.getTime() + Math.round(h * 3_600_000)).toISOString();
    return finish('infusion-time', SOURCE, {
      value: Number(fmt(h, 2)),
      unit: 'h',
      display: `${hh} h ${mm} min${start ? ` (ends ${extra.end})` : ''}`,
      formula: 'time = volume ÷ rate',
      steps: [step('Time', 'volume ÷ rate', `${fmt(h, 3)} h`)],
      rounding: 'hours to 2 decimals; display to the minute',
      warnings: [],
      extra,
    });
  },
};

const admixture: CalcEntry = {
  def: {
    id: 'admixture-concentration',
    title: 'Concentration after admixture',
    category: 'infusion',
    description: 'Concentration = drug amount ÷ (bag volume + added volume).',
    source: SOURCE,
    inputs: [
      qty('amount', 'Drug added', 'amount', ['mg', 'g', 'ug', '[iU]', 'meq'], 'Amount of drug added'),
      qty('volume', 'Bag volume', 'volume', ['mL', 'L'], 'Diluent volume in the bag'),
      qty(
        'addedVolume',
        'Added volume',
        'volume',
        ['mL'],
        'Volume of the drug added (include overfill when known)',
        { required: false, default: 0 },
      ),
    ],
  },
  run(i) {
    const q = i.quantity('amount');
    const base = classifyDoseRate(`${q.unit}/h`, 'amount').base;
    const outBase = base === 'ug' ? 'mg' : base;
    const amount = i.q('amount', outBase);
    const bag = i.q('volume', 'mL');
    const added = i.q('addedVolume', 'mL');
    const c = admixtureConcentration(amount, bag, added);
    const u = unitLabel(outBase);
    return finish('admixture-concentration', SOURCE, {
      value: Number(fmt(c, 4)),
      unit: `${outBase}/mL`,
      decimals: 4,
      formula: 'C = amount ÷ (bag volume + added volume)',
      steps: [
        step(
          'Concentration',
          `${fmt(amount, 3)} ${u} ÷ (${fmt(bag, 1)} + ${fmt(added, 1)}) mL`,
          `${fmt(c, 5)} ${u}/mL`,
        ),
      ],
      rounding: '4 decimals',
      warnings: added === 0 ? ['added drug volume and bag overfill not included'] : [],
      extra: { finalVolumeMl: bag + added, unrounded: c },
    });
  },
};

export const infusionCalcs: CalcEntry[] = [rate, doseRate, drip, time, admixture];
