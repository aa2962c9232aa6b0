import { CalcError } from './errors';

// Validation helpers shared by every formula. "Impossible" values throw a CalcError naming the
// field; "implausible" values only add a warning, so an unusual but real patient still gets an answer.

export function finite(field: string, v: number): number {
  if (!Number.isFinite(v)) throw new CalcError(field, 'must be a finite number');
  return v;
}

export function positive(field: string, v: number): number {
  if (!Number.isFinite(v)) throw new CalcError(field, 'must be a finite number');
  if (v <= 0) throw new CalcError(field, `must be greater than zero (got ${v})`);
  return v;
}

export function nonNegative(field: string, v: number): number {
  if (!Number.isFinite(v)) throw new CalcError(field, 'must be a finite number');
  if (v < 0) throw new CalcError(field, `must not be negative (got ${v})`);
  return v;
}

export function atMost(field: string, v: number, max: number, unit = ''): number {
  if (v > max) throw new CalcError(field, `must be at most ${max}${unit ? ` ${unit}` : ''} (got ${v})`);
  return v;
}

export function integer(field: string, v: number): number {
  if (!Number.isInteger(v)) throw new CalcError(field, `must be a whole number (got ${v})`);
  return v;
}

export function plausible(
  warnings: string[],
  field: string,
  v: number,
  lo: number,
  hi: number,
  unit: string,
): void {
  if (v < lo || v > hi) {
    warnings.push(
      `${field} ${round3(v)} ${unit} is outside the plausible range ${lo}–${hi} ${unit}; check the entry`,
    );
  }
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

// Physiological limits. Impossible: beyond any recorded human; implausible: rare enough to ask.
export function checkWeightKg(v: number, warnings: string[], field = 'weight'): number {
  positive(field, v);
  atMost(field, v, 700, 'kg');
  plausible(warnings, field, v, 0.4, 300, 'kg');
  return v;
}

export function checkHeightCm(v: number, warnings: string[], field = 'height'): number {
  positive(field, v);
  atMost(field, v, 280, 'cm');
  plausible(warnings, field, v, 30, 230, 'cm');
  return v;
}

export function checkAgeYears(v: number, warnings: string[], field = 'age'): number {
  nonNegative(field, v);
  atMost(field, v, 130, 'years');
  plausible(warnings, field, v, 0, 110, 'years');
  return v;
}

export function checkScrMgDl(v: number, warnings: string[], field = 'scr'): number {
  positive(field, v);
  atMost(field, v, 40, 'mg/dL');
  plausible(warnings, field, v, 0.1, 20, 'mg/dL');
  return v;
}
