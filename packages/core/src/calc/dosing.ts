import { integer, nonNegative, positive } from './check';
import { CalcError } from './errors';

export interface WeightDoseInput {
  /** mg/kg (per dose) or mg/kg/day, see `basis` */
  dosePerKg: number;
  weightKg: number;
  basis: 'dose' | 'day';
  dosesPerDay: number;
  maxSingle?: number | undefined;
  maxDaily?: number | undefined;
}

export interface WeightDoseResult {
  perDose: number;
  perDay: number;
  uncappedPerDose: number;
  capped: 'none' | 'single' | 'daily';
}

/** mg/kg per dose or mg/kg/day divided into n doses, then capped at the maximum single/daily dose. */
export function doseByWeight(i: WeightDoseInput): WeightDoseResult {
  nonNegative('dose', i.dosePerKg);
  positive('weight', i.weightKg);
  positive('dosesPerDay', i.dosesPerDay);
  integer('dosesPerDay', i.dosesPerDay);
  const raw = i.basis === 'dose' ? i.dosePerKg * i.weightKg : (i.dosePerKg * i.weightKg) / i.dosesPerDay;
  return applyCaps(raw, i.dosesPerDay, i.maxSingle, i.maxDaily);
}

export function applyCaps(
  perDoseRaw: number,
  dosesPerDay: number,
  maxSingle: number | undefined,
  maxDaily: number | undefined,
): WeightDoseResult {
  let perDose = perDoseRaw;
  let capped: WeightDoseResult['capped'] = 'none';
  if (maxSingle !== undefined) {
    positive('maxSingle', maxSingle);
    if (perDose > maxSingle) {
      perDose = maxSingle;
      capped = 'single';
    }
  }
  if (maxDaily !== undefined) {
    positive('maxDaily', maxDaily);
    if (perDose * dosesPerDay > maxDaily) {
      perDose = maxDaily / dosesPerDay;
      capped = 'daily';
    }
  }
  return { perDose, perDay: perDose * dosesPerDay, uncappedPerDose: perDoseRaw, capped };
}

/** mg/m² × BSA, capped. */
export function doseByBsa(
  dosePerM2: number,
  bsaM2: number,
  maxDose?: number,
): { dose: number; capped: boolean } {
  nonNegative('dose', dosePerM2);
  positive('bsa', bsaM2);
  const raw = dosePerM2 * bsaM2;
  if (maxDose !== undefined && raw > positive('maxDose', maxDose)) return { dose: maxDose, capped: true };
  return { dose: raw, capped: false };
}

/** Per-dose range from a mg/kg/day range, and where a prescribed dose falls. */
export function pediatricRange(
  weightKg: number,
  lowPerKgDay: number,
  highPerKgDay: number,
  dosesPerDay: number,
  prescribedPerDose?: number,
): { low: number; high: number; status: 'below' | 'within' | 'above' | 'n/a' } {
  positive('weight', weightKg);
  nonNegative('low', lowPerKgDay);
  positive('high', highPerKgDay);
  positive('dosesPerDay', dosesPerDay);
  if (lowPerKgDay > highPerKgDay) throw new CalcError('low', 'must not exceed the high end of the range');
  const low = (lowPerKgDay * weightKg) / dosesPerDay;
  const high = (highPerKgDay * weightKg) / dosesPerDay;
  if (prescribedPerDose === undefined) return { low, high, status: 'n/a' };
  nonNegative('prescribed', prescribedPerDose);
  const eps = 1e-9 * Math.max(1, high);
  const status =
    prescribedPerDose < low - eps ? 'below' : prescribedPerDose > high + eps ? 'above' : 'within';
  return { low, high, status };
}

export interface RoundedDose {
  dose: number;
  counts: number[];
  units: number;
  deviationPct: number;
  withinTolerance: boolean;
}

/**
 * Dose rounding / banding: combine whole units of the available strengths (tablets, vials).
 * mode 'nearest' picks the achievable total closest to the target (ties → fewer units, then the
 * lower dose), accepted when within ±tolerance % (NHS England national dose-banding tables use
 * a maximum 5 % variance). mode 'cover' picks the smallest total ≥ target (vials to draw from),
 * ties → fewer vials.
 */
export function roundDose(
  target: number,
  strengths: number[],
  tolerancePct = 5,
  mode: 'nearest' | 'cover' = 'nearest',
  maxUnits = 20,
): RoundedDose {
  positive('dose', target);
  if (strengths.length === 0) throw new CalcError('strengths', 'needs at least one strength');
  if (strengths.length > 6) throw new CalcError('strengths', 'at most 6 strengths');
  for (const s of strengths) positive('strengths', s);
  nonNegative('tolerance', tolerancePct);
  const order = strengths.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
  let best: { dose: number; counts: number[]; units: number } | undefined;
  const counts = new Array<number>(order.length).fill(0);
  const eps = 1e-9 * target;
  const better = (dose: number, units: number): boolean => {
    if (best === undefined) return true;
    if (mode === 'cover') {
      const covers = dose >= target - eps;
      const bestCovers = best.dose >= target - eps;
      if (covers !== bestCovers) return covers;
      if (!covers) return dose > best.dose + eps;
      return dose < best.dose - eps || (Math.abs(dose - best.dose) <= eps && units < best.units);
    }
    const d = Math.abs(dose - target);
    const bd = Math.abs(best.dose - target);
    if (d < bd - eps) return true;
    if (d > bd + eps) return false;
    return units < best.units || (units === best.units && dose < best.dose);
  };
  const limit = target + order[0]!.s;
  const walk = (k: number, sum: number, units: number): void => {
    if (k === order.length) {
      if (units > 0 && better(sum, units)) {
        const c = new Array<number>(strengths.length).fill(0);
        order.forEach((o, j) => {
          c[o.i] = counts[j]!;
        });
        best = { dose: sum, counts: c, units };
      }
      return;
    }
    const s = order[k]!.s;
    for (let n = 0; units + n <= maxUnits && sum + n * s <= limit + 1e-9; n++) {
      counts[k] = n;
      walk(k + 1, sum + n * s, units + n);
    }
    counts[k] = 0;
  };
  walk(0, 0, 0);
  if (best === undefined) throw new CalcError('strengths', 'no combination of these strengths fits the dose');
  const found = best as { dose: number; counts: number[]; units: number };
  if (mode === 'cover' && found.dose < target - eps) {
    throw new CalcError('strengths', `covering the dose needs more than ${maxUnits} vials of these sizes`);
  }
  const deviationPct = ((found.dose - target) / target) * 100;
  return {
    ...found,
    deviationPct,
    withinTolerance: mode === 'cover' ? true : Math.abs(deviationPct) <= tolerancePct + 1e-9,
  };
}

/**
 * Calvert AH et al. J Clin Oncol 1989;7:1748–56: dose (mg) = target AUC × (GFR + 25).
 * GFR capped at 125 mL/min as recommended by FDA/NCI CTEP (2010) so the dose cannot exceed
 * AUC × 150 mg (AUC 6 → 900 mg, AUC 5 → 750 mg, AUC 4 → 600 mg).
 */
export function carboplatinCalvert(
  auc: number,
  gfrMlMin: number,
  gfrCap = 125,
): { dose: number; gfrUsed: number; capped: boolean } {
  positive('auc', auc);
  positive('gfr', gfrMlMin);
  positive('gfrCap', gfrCap);
  const gfrUsed = Math.min(gfrMlMin, gfrCap);
  return { dose: auc * (gfrUsed + 25), gfrUsed, capped: gfrMlMin > gfrCap };
}
