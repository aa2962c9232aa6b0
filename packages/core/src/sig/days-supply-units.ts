/** Converting the dispensed quantity into the sig's dose unit, per dosage form. */
import { clean } from './read';
import { quantityText } from './words';

export type DaysSupplyForm = 'solid' | 'liquid' | 'drops' | 'inhaler' | 'insulin' | 'topical' | 'other';

export interface DaysSupplyInput {
  sig: import('./types').ParsedSig | string;
  /** Amount dispensed, in `quantityUnit`. */
  quantity: number;
  /** tablet, capsule, each, mL, g, inhaler, actuation, pen, vial, unit, patch, ... */
  quantityUnit: string;
  form: DaysSupplyForm;
  /** Drops per mL of the dispensed product. Default 20 (USP <1101>: a medicine dropper delivers 20 drops of water per mL). */
  dropsPerMl?: number;
  /** Labeled actuations per inhaler or nasal spray bottle (e.g. 200); required when quantityUnit is 'inhaler'. */
  actuationsPerInhaler?: number;
  /** Insulin concentration in units per mL. Default 100 (U-100). */
  unitsPerMl?: number;
  /** Units per pen or vial when quantityUnit is 'pen' or 'vial' (e.g. 300 for a 3 mL U-100 pen). */
  unitsPerPackage?: number;
  /** Insulin pen priming per injection (manufacturer instructions usually say 2 units). Default 0. */
  primingUnitsPerInjection?: number;
  /** Strength per quantity unit when the sig doses by mass: { value: 5, unit: 'mg' } per tablet or per mL. */
  strength?: { value: number; unit: string };
  /** Topicals: the days' supply the pharmacist enters. */
  enteredDays?: number;
}

export type Conversion =
  | { ok: true; amount: number; steps: string[]; warnings: string[]; primingPerDose?: number }
  | { ok: false; code: 'UNIT_MISMATCH' | 'MISSING_PARAMETER'; field: string; message: string };

const COUNTABLE = new Set([
  'tablet',
  'capsule',
  'patch',
  'suppository',
  'lozenge',
  'troche',
  'packet',
  'film',
  'vial',
  'pen',
  'applicatorful',
]);
const EACH = new Set(['each', 'ea', 'unit-of-use']);

const positive = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
const mismatch = (q: string, dose: string): Conversion => ({
  ok: false,
  code: 'UNIT_MISMATCH',
  field: 'quantityUnit',
  message: `Quantity in ${q} cannot be matched to doses in ${dose}.`,
});
const missing = (field: string, message: string): Conversion => ({
  ok: false,
  code: 'MISSING_PARAMETER',
  field,
  message,
});

export function convertQuantity(input: DaysSupplyInput, doseUnit: string): Conversion {
  const q = input.quantity;
  const qUnit = input.quantityUnit === 'ml' ? 'mL' : input.quantityUnit;
  const done = (amount: number, steps: string[], warnings: string[] = []): Conversion => ({
    ok: true,
    amount: clean(amount),
    steps,
    warnings,
  });
  const s = input.strength;
  if (['mg', 'mcg', 'g'].includes(doseUnit) && qUnit !== doseUnit) {
    if (!s || !positive(s.value))
      return missing('strength', `The sig doses in ${doseUnit}; give the strength per ${qUnit}.`);
    if (s.unit !== doseUnit) return mismatch(`${s.unit} strength`, doseUnit);
    return done(q * s.value, [
      `Quantity: ${q} ${qUnit} × ${s.value} ${doseUnit}/${qUnit} = ${clean(q * s.value)} ${doseUnit}.`,
    ]);
  }
  switch (input.form) {
    case 'drops': {
      if (doseUnit !== 'drop') return mismatch(qUnit, doseUnit);
      if (qUnit === 'drop') return done(q, [`Quantity: ${quantityText(q, 'drop')}.`]);
      if (qUnit !== 'mL') return mismatch(qUnit, doseUnit);
      const per = input.dropsPerMl ?? 20;
      if (!positive(per)) return missing('dropsPerMl', 'Drops per mL must be positive.');
      const warnings =
        input.dropsPerMl === undefined ? ['Assumed 20 drops per mL; check the product labeling.'] : [];
      return done(q * per, [`Quantity: ${q} mL × ${per} drops/mL = ${clean(q * per)} drops.`], warnings);
    }
    case 'inhaler': {
      if (doseUnit !== 'puff' && doseUnit !== 'spray') return mismatch(qUnit, doseUnit);
      if (qUnit === 'actuation' || qUnit === doseUnit) return done(q, [`Quantity: ${q} actuations.`]);
      if (qUnit !== 'inhaler' && qUnit !== 'bottle' && qUnit !== 'each') return mismatch(qUnit, doseUnit);
      if (!positive(input.actuationsPerInhaler))
        return missing('actuationsPerInhaler', 'Give the labeled number of actuations per inhaler.');
      const n = q * input.actuationsPerInhaler;
      return done(n, [
        `Quantity: ${q} ${qUnit} × ${input.actuationsPerInhaler} actuations = ${clean(n)} actuations.`,
      ]);
    }
    case 'insulin': {
      if (doseUnit !== 'unit') return mismatch(qUnit, doseUnit);
      const priming = input.primingUnitsPerInjection ?? 0;
      if (priming < 0 || !Number.isFinite(priming))
        return missing('primingUnitsPerInjection', 'Priming units must be 0 or more.');
      const withPriming = (c: Conversion): Conversion =>
        c.ok && priming > 0 ? { ...c, primingPerDose: priming } : c;
      if (qUnit === 'unit') return withPriming(done(q, [`Quantity: ${q} units.`]));
      if (qUnit === 'mL') {
        const per = input.unitsPerMl ?? 100;
        if (!positive(per)) return missing('unitsPerMl', 'Units per mL must be positive.');
        return withPriming(done(q * per, [`Quantity: ${q} mL × ${per} units/mL = ${clean(q * per)} units.`]));
      }
      if (qUnit === 'pen' || qUnit === 'vial' || qUnit === 'cartridge') {
        if (!positive(input.unitsPerPackage))
          return missing('unitsPerPackage', `Give the units per ${qUnit}.`);
        const n = q * input.unitsPerPackage;
        return withPriming(
          done(n, [`Quantity: ${q} ${qUnit} × ${input.unitsPerPackage} units = ${clean(n)} units.`]),
        );
      }
      return mismatch(qUnit, doseUnit);
    }
    case 'liquid':
      if (doseUnit !== 'mL' || qUnit !== 'mL') return mismatch(qUnit, doseUnit);
      return done(q, [`Quantity: ${q} mL.`]);
    case 'solid':
      if (!COUNTABLE.has(doseUnit)) return mismatch(qUnit, doseUnit);
      if (qUnit !== doseUnit && !EACH.has(qUnit) && !(COUNTABLE.has(qUnit) && qUnit === doseUnit))
        return mismatch(qUnit, doseUnit);
      return done(q, [`Quantity: ${quantityText(q, doseUnit)}.`]);
    default:
      if (qUnit !== doseUnit && !EACH.has(qUnit)) return mismatch(qUnit, doseUnit);
      return done(q, [`Quantity: ${quantityText(q, doseUnit)}.`]);
  }
}
