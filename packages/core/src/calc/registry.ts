import { CalcError } from './errors';
import { type CalcEntry, Inputs, indexSpecs } from './inputs';
import { bodyCalcs } from './registry/body';
import { dateCalcs } from './registry/dates';
import { dispensingCalcs } from './registry/dispensing';
import { dosingCalcs } from './registry/dosing';
import { equivalenceCalcs } from './registry/equivalence';
import { infusionCalcs } from './registry/infusion';
import { nutritionCalcs } from './registry/nutrition';
import { renalCalcs } from './registry/renal';
import { unitCalcs } from './registry/units';
import type { CalcDefinition, CalcInputSpec, CalcInputValues, CalcResult } from './types';

const ENTRIES: CalcEntry[] = [
  ...unitCalcs,
  ...bodyCalcs,
  ...renalCalcs,
  ...dosingCalcs,
  ...infusionCalcs,
  ...nutritionCalcs,
  ...dispensingCalcs,
  ...dateCalcs,
  ...equivalenceCalcs,
];

interface Compiled {
  entry: CalcEntry;
  specs: Map<string, CalcInputSpec>;
}

const BY_ID = new Map<string, Compiled>();
for (const entry of ENTRIES) {
  if (BY_ID.has(entry.def.id)) throw new Error(`duplicate calculation id ${entry.def.id}`);
  BY_ID.set(entry.def.id, { entry, specs: indexSpecs(entry.def) });
}

/** Every calculation's definition (inputs, units, choices, source), for docs, CLI and UI. */
export function listCalculations(): CalcDefinition[] {
  return ENTRIES.map((e) => e.def);
}

export function getCalculation(id: string): CalcDefinition | undefined {
  return BY_ID.get(id)?.entry.def;
}

/**
 * Run a calculation by id with raw user values. Throws CalcError naming the offending input
 * (field 'id' for an unknown calculation); never returns NaN or Infinity.
 */
export function runCalculation(id: string, inputs: CalcInputValues): CalcResult {
  const c = BY_ID.get(id);
  if (c === undefined) throw new CalcError('id', `unknown calculation "${id}"`);
  const result = c.entry.run(new Inputs(c.specs, inputs ?? {}));
  return result;
}
