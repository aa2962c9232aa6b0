import { nonNegative, positive } from './check';
import { CalcError } from './errors';
import { isConvertible } from './units';

// Infusion arithmetic (Ansel's Pharmaceutical Calculations, ch. "Intravenous infusions"):
// mL/h = (dose rate per hour) / (concentration per mL).

export interface DoseRateKind {
  /** UCUM amount base: 'ug' | '[iU]' | 'mmol' | 'meq' */
  base: string;
  perKg: boolean;
  /** canonical UCUM unit for the rate: e.g. 'ug/kg/h', '[iU]/h' */
  canonical: string;
}

const BASES = ['ug', '[iU]', 'meq', 'mmol'];

/** Work out what a dose-rate unit measures (mass, units, mEq/mmol) and whether it is per kg. */
export function classifyDoseRate(unit: string, field = 'doseRate'): DoseRateKind {
  for (const base of BASES) {
    if (base === 'mmol' && /eq/.test(unit)) continue;
    if (base === 'meq' && !/eq/.test(unit)) continue;
    if (isConvertible(unit, `${base}/h`)) return { base, perKg: false, canonical: `${base}/h` };
    if (isConvertible(unit, `${base}/kg/h`)) return { base, perKg: true, canonical: `${base}/kg/h` };
  }
  throw new CalcError(
    field,
    `${unit} is not a dose rate (amount per time, optionally per kg), e.g. mcg/kg/min, mg/h, units/h`,
  );
}

/** Concentration unit for the same amount base, per mL. Refuses mEq ↔ mmol (needs valence). */
export function concentrationUnitFor(kind: DoseRateKind, concUnit: string, field = 'concentration'): string {
  const target = `${kind.base}/mL`;
  const isEq = /eq/.test(concUnit);
  if ((kind.base === 'meq') !== isEq && (kind.base === 'meq' || kind.base === 'mmol')) {
    throw new CalcError(field, 'mEq and mmol differ by valence; convert with mg-mmol-meq first');
  }
  if (!isConvertible(concUnit, target)) {
    throw new CalcError(
      field,
      `${concUnit} does not match the dose rate (expected an amount per volume like ${target})`,
    );
  }
  return target;
}

/** mL/h from an hourly amount and a concentration per mL. */
export function mlPerHour(amountPerHour: number, concentrationPerMl: number): number {
  nonNegative('doseRate', amountPerHour);
  positive('concentration', concentrationPerMl);
  return amountPerHour / concentrationPerMl;
}

/** Hourly amount delivered by a pump rate at a concentration. */
export function amountPerHour(rateMlPerHour: number, concentrationPerMl: number): number {
  nonNegative('rate', rateMlPerHour);
  positive('concentration', concentrationPerMl);
  return rateMlPerHour * concentrationPerMl;
}

/** gtt/min = volume (mL) × drop factor (gtt/mL) / time (min). */
export function dripRate(volumeMl: number, minutes: number, dropFactor: number): number {
  positive('volume', volumeMl);
  positive('time', minutes);
  positive('dropFactor', dropFactor);
  return (volumeMl * dropFactor) / minutes;
}

/** Hours to infuse a volume at a rate. */
export function infusionHours(volumeMl: number, rateMlPerHour: number): number {
  positive('volume', volumeMl);
  positive('rate', rateMlPerHour);
  const h = volumeMl / rateMlPerHour;
  // A year of continuous infusion is already beyond any real order.
  if (!(h <= 8760)) throw new CalcError('rate', `gives an infusion time over one year (${h} h)`);
  return h;
}

/** Concentration after adding `amount` to a bag: amount / (bag volume + added volume). */
export function admixtureConcentration(amount: number, bagMl: number, addedMl = 0): number {
  positive('amount', amount);
  positive('volume', bagMl);
  nonNegative('addedVolume', addedMl);
  return amount / (bagMl + addedMl);
}
