import { DOSAGE_FORMS, type DosageForm, daysSupply, quantityForDays, type SupplyParams } from '../dispensing';
import { fmt } from '../format';
import { type CalcEntry, type Inputs, step } from '../inputs';
import type { CalcInputSpec } from '../types';
import { choice, finish, num } from './common';

const SOURCE =
  'NCPDP Telecommunication D.0 Days Supply (whole days); drops/mL, inhaler actuations, insulin pen priming (2 units, pen IFU) and in-use days per product labeling';

const DISPENSE_UNIT: Record<DosageForm, string> = {
  solid: 'tablets/capsules',
  liquid: 'mL',
  drops: 'mL',
  inhaler: 'inhalers',
  insulin: 'pens/vials',
  topical: 'g',
};

const params: CalcInputSpec[] = [
  choice('form', 'Dosage form', DOSAGE_FORMS, 'solid | liquid | drops | inhaler | insulin | topical'),
  num('dose', 'Dose per administration', 'tablets, mL, drops per eye/ear, puffs, insulin units, or grams'),
  num('frequency', 'Administrations per day', 'e.g. 2 for BID; 0.5 for every other day'),
  num('dropsPerMl', 'Drops per mL', 'Drops only (20 by default)', { required: false, default: 20 }),
  num('sites', 'Sites', 'Drops only: 1 eye/ear or 2', { required: false, default: 1 }),
  num('actuationsPerPackage', 'Actuations per inhaler', 'Inhalers only (labeled number of actuations)', {
    required: false,
  }),
  num('unitsPerPackage', 'Units per pen/vial', 'Insulin only, e.g. 300 (3 mL U-100 pen), 1000 (10 mL vial)', {
    required: false,
  }),
  num('primingUnits', 'Priming units per injection', 'Insulin pens: 2 per IFU; 0 for vials', {
    required: false,
    default: 2,
  }),
  num('inUseDays', 'In-use days', 'Days a pen/vial/bottle may be used once opened (e.g. 28)', {
    required: false,
  }),
];

function readParams(i: Inputs): SupplyParams {
  const form = i.choice<DosageForm>('form');
  return {
    form,
    dose: i.num('dose'),
    frequency: i.num('frequency'),
    dropsPerMl: i.num('dropsPerMl'),
    sites: i.num('sites'),
    actuationsPerPackage: i.numOpt('actuationsPerPackage'),
    unitsPerPackage: i.numOpt('unitsPerPackage'),
    primingUnits: form === 'insulin' ? i.num('primingUnits') : 0,
    inUseDays: i.numOpt('inUseDays'),
  };
}

const days: CalcEntry = {
  def: {
    id: 'days-supply',
    title: "Days' supply",
    category: 'dispensing',
    description:
      "Days' supply = quantity dispensed ÷ daily use, rounded down to whole days; per dosage form (solids, liquids, drops, inhalers, insulin, topicals).",
    source: SOURCE,
    inputs: [
      num(
        'quantity',
        'Quantity dispensed',
        'In the form’s dispensing unit: tablets, mL, mL (drops), inhalers, pens/vials, g',
      ),
      ...params,
    ],
  },
  run(i) {
    const p = readParams(i);
    const q = i.num('quantity');
    const r = daysSupply(q, p);
    const warnings: string[] = [];
    if (r.days === 0) warnings.push('less than one day of supply');
    if (p.inUseDays !== undefined && r.cappedByInUse)
      warnings.push(`each package lasts only ${p.inUseDays} in-use days once opened`);
    return finish('days-supply', SOURCE, {
      value: r.days,
      unit: 'd',
      display: `${r.days} days`,
      formula: 'days = quantity × content per unit ÷ use per day (capped by in-use days)',
      steps: [
        step(
          'Use per day',
          `${p.form}: dose × frequency${p.form === 'drops' ? ' × sites' : ''}${p.form === 'insulin' ? ' (+ priming)' : ''}`,
          `${fmt(r.perDay, 3)} ${r.baseUnit}/day`,
        ),
        step("Days' supply", `${q} ${DISPENSE_UNIT[p.form]}`, `${fmt(r.exactDays, 2)} → ${r.days} days`),
      ],
      rounding: 'down to whole days',
      warnings,
      extra: { exactDays: r.exactDays, perDay: r.perDay, baseUnit: r.baseUnit },
    });
  },
};

const qfd: CalcEntry = {
  def: {
    id: 'quantity-for-days',
    title: "Quantity for a days' supply",
    category: 'dispensing',
    description:
      "Quantity to dispense for a days' supply, rounded up to whole tablets, mL, grams, inhalers or pens/vials.",
    source: SOURCE,
    inputs: [
      num('days', "Days' supply", 'Days to cover'),
      ...params,
      num(
        'packageSize',
        'Package size',
        'Liquids/drops/topicals: mL or g per bottle/tube (rounds up to whole packages)',
        { required: false },
      ),
    ],
  },
  run(i) {
    const p = readParams(i);
    const d = i.num('days');
    const r = quantityForDays(d, p);
    const extra: Record<string, number | string> = {
      exactQuantity: r.exactQuantity,
      perDay: r.perDay,
      unit: DISPENSE_UNIT[p.form],
    };
    const pkg = i.numOpt('packageSize');
    let display = `${r.quantity} ${DISPENSE_UNIT[p.form]}`;
    if (pkg !== undefined && (p.form === 'liquid' || p.form === 'drops' || p.form === 'topical')) {
      const packages = Math.ceil(r.exactQuantity / pkg - 1e-9);
      extra.packages = packages;
      display += ` (${packages} × ${pkg} ${DISPENSE_UNIT[p.form]})`;
    }
    return finish('quantity-for-days', SOURCE, {
      value: r.quantity,
      unit: DISPENSE_UNIT[p.form],
      display,
      formula: 'quantity = days × use per day ÷ content per unit',
      steps: [
        step('Use per day', `${p.form}`, `${fmt(r.perDay, 3)} ${r.baseUnit}/day`),
        step('Quantity', `${d} days`, `${fmt(r.exactQuantity, 3)} → ${r.quantity} ${DISPENSE_UNIT[p.form]}`),
      ],
      rounding: 'up to whole dispensing units',
      warnings: [],
      extra,
    });
  },
};

export const dispensingCalcs: CalcEntry[] = [days, qfd];
