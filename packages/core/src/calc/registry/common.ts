import { CalcError } from '../errors';
import { show } from '../format';
import type { CalcInputSpec, CalcResult, CalcStep } from '../types';

// Reusable input specs and the result finisher shared by every registry file.

export const weight: CalcInputSpec = {
  name: 'weight',
  label: 'Weight',
  kind: 'quantity',
  dimension: 'mass',
  units: ['kg', '[lb_av]', 'g'],
  defaultUnit: 'kg',
  required: true,
  description: 'Actual (total) body weight',
};

export const height: CalcInputSpec = {
  name: 'height',
  label: 'Height',
  kind: 'quantity',
  dimension: 'length',
  units: ['cm', '[in_i]', 'm'],
  defaultUnit: 'cm',
  required: true,
  description: 'Height (length for infants)',
};

export const age: CalcInputSpec = {
  name: 'age',
  label: 'Age',
  kind: 'number',
  required: true,
  description: 'Age in years',
};

export const sex: CalcInputSpec = {
  name: 'sex',
  label: 'Sex',
  kind: 'choice',
  choices: ['male', 'female'],
  required: true,
  description: 'Sex used by the equation',
};

export const scr: CalcInputSpec = {
  name: 'scr',
  label: 'Serum creatinine',
  kind: 'quantity',
  dimension: 'mass/volume',
  units: ['mg/dL', 'umol/L'],
  defaultUnit: 'mg/dL',
  required: true,
  description: 'Serum creatinine (IDMS-traceable); µmol/L is converted with MW 113.12 g/mol',
};

export function opt(spec: CalcInputSpec, overrides: Partial<CalcInputSpec> = {}): CalcInputSpec {
  return { ...spec, required: false, ...overrides };
}

export function num(
  name: string,
  label: string,
  description: string,
  extra: Partial<CalcInputSpec> = {},
): CalcInputSpec {
  return { name, label, kind: 'number', required: true, description, ...extra };
}

export function qty(
  name: string,
  label: string,
  dimension: string,
  units: string[],
  description: string,
  extra: Partial<CalcInputSpec> = {},
): CalcInputSpec {
  return {
    name,
    label,
    kind: 'quantity',
    dimension,
    units,
    defaultUnit: units[0],
    required: true,
    description,
    ...extra,
  };
}

export function choice(
  name: string,
  label: string,
  choices: string[],
  description: string,
  extra: Partial<CalcInputSpec> = {},
): CalcInputSpec {
  return { name, label, kind: 'choice', choices, default: choices[0], required: true, description, ...extra };
}

export interface Finish {
  value: number | string;
  unit: string;
  decimals?: number;
  display?: string;
  formula: string;
  steps: CalcStep[];
  rounding: string;
  warnings: string[];
  extra?: Record<string, number | string>;
}

/** Assemble a CalcResult and guarantee no NaN/Infinity escapes. */
export function finish(id: string, source: string, f: Finish): CalcResult {
  if (typeof f.value === 'number' && !Number.isFinite(f.value))
    throw new CalcError('result', 'is not a finite number');
  if (f.extra) {
    for (const [k, v] of Object.entries(f.extra)) {
      if (typeof v === 'number' && !Number.isFinite(v))
        throw new CalcError('result', `${k} is not a finite number`);
    }
  }
  const display =
    f.display ?? (typeof f.value === 'number' ? show(f.value, f.decimals ?? 2, f.unit) : f.value);
  const r: CalcResult = {
    id,
    value: f.value,
    unit: f.unit,
    display,
    formula: f.formula,
    steps: f.steps,
    rounding: f.rounding,
    source,
    warnings: f.warnings,
  };
  if (f.extra) r.extra = f.extra;
  return r;
}
