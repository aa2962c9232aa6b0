import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError, type CalcInputSpec, listCalculations, runCalculation } from './index';

const REQUIRED_IDS = [
  'convert',
  'mg-mmol-meq',
  'percent-strength',
  'ratio-strength',
  'dilution',
  'alligation',
  'reconstitution',
  'displacement',
  'bmi',
  'bsa',
  'ibw',
  'adjbw',
  'lbw',
  'crcl',
  'egfr-ckd-epi-2021',
  'egfr-mdrd',
  'egfr-schwartz',
  'renal-band',
  'dose-weight',
  'dose-bsa',
  'dose-round',
  'carboplatin',
  'infusion-rate',
  'infusion-dose-rate',
  'drip-rate',
  'infusion-time',
  'admixture-concentration',
  'pn-macros',
  'gir',
  'pn-osmolarity',
  'ca-phos',
  'days-supply',
  'quantity-for-days',
  'bud-797',
  'bud-795',
  'rx-expiry',
  'mkt',
  'mme',
  'steroid-equivalence',
  'maintenance-fluids',
];

describe('registry', () => {
  const defs = listCalculations();

  it('lists every required calculation once, each with a source and described inputs', () => {
    const ids = defs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
    for (const d of defs) {
      expect(d.source.length).toBeGreaterThan(10);
      for (const s of d.inputs) {
        expect(s.description.length).toBeGreaterThan(0);
        if (s.kind === 'choice') expect(s.choices?.length).toBeGreaterThan(0);
      }
    }
  });

  it('the brief example works', () => {
    const r = runCalculation('crcl', {
      age: 53,
      sex: 'male',
      weight: '87 kg',
      height: '175 cm',
      scr: '1.39 mg/dL',
    });
    expect(r).toMatchObject({ id: 'crcl', unit: 'mL/min', value: 67 });
    expect(r.formula).toMatch(/140/);
    expect(r.rounding).not.toBe('');
  });

  it('unknown id is a CalcError on field "id"', () => {
    expect(() => runCalculation('nope', {})).toThrow(expect.objectContaining({ field: 'id' }));
  });

  it('missing required inputs name the field', () => {
    for (const d of defs) {
      const req = d.inputs.find((s) => s.required && s.default === undefined);
      if (!req) continue;
      try {
        runCalculation(d.id, {});
        throw new Error(`${d.id} accepted empty input`);
      } catch (e) {
        expect(e, d.id).toBeInstanceOf(CalcError);
        expect((e as CalcError).field.length, d.id).toBeGreaterThan(0);
      }
    }
  });

  // Fuzz every calculation with values shaped by its own input specs (plus junk): the only
  // acceptable failure is a CalcError naming a field; results never carry NaN or Infinity.
  const numberish = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom(0, -1, 1, 0.5, 2, 10, 70, 1e300, Number.NaN, Number.POSITIVE_INFINITY),
  );
  const valueFor = (s: CalcInputSpec): fc.Arbitrary<string | number | undefined> => {
    const junk = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 12 }));
    switch (s.kind) {
      case 'quantity':
        return fc.oneof(
          junk,
          numberish,
          fc
            .tuple(numberish, fc.constantFrom(...(s.units ?? ['mg']), 'kg', 'mL', 'h', 'bogus'))
            .map(([v, u]) => `${v} ${u}`),
        );
      case 'number':
        return fc.oneof(junk, numberish);
      case 'choice':
        return fc.oneof(junk, fc.constantFrom(...(s.choices ?? ['x'])));
      case 'date':
        return fc.oneof(junk, fc.constantFrom('2024-05-01', '2024-02-29T10:00', '2023-02-29', '2024-13-01'));
      case 'list':
        return fc.oneof(
          junk,
          fc.array(numberish, { minLength: 1, maxLength: 5 }).map((a) => a.join(', ')),
          fc.constantFrom(
            'oxycodone 10 mg x2; hydrocodone 5 mg x4',
            '100 mg; 500 mg',
            '95, 50',
            '20, 25, 30',
          ),
        );
      default:
        return fc.oneof(junk, fc.constantFrom('kg', 'Cel', '1:1000', 'ug/kg/min'));
    }
  };

  for (const d of defs) {
    it(`fuzz: ${d.id} never returns NaN/Infinity and only throws CalcError`, () => {
      const rec: Record<string, fc.Arbitrary<string | number | undefined>> = {};
      for (const s of d.inputs) rec[s.name] = valueFor(s);
      fc.assert(
        fc.property(fc.record(rec), (inputs) => {
          try {
            const r = runCalculation(d.id, inputs);
            if (typeof r.value === 'number') expect(Number.isFinite(r.value)).toBe(true);
            for (const v of Object.values(r.extra ?? {}))
              if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            expect(r.display).not.toMatch(/NaN|Infinity/);
            for (const st of r.steps) expect(`${st.expression} ${st.value}`).not.toMatch(/NaN|Infinity/);
          } catch (e) {
            if (!(e instanceof CalcError)) throw e;
            expect(e.field.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
