import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustedBodyWeight,
  bmi,
  bsaDuBois,
  bsaGehanGeorge,
  bsaHaycock,
  bsaMosteller,
  ibwDevine,
  lbwJanmahasatian,
} from './body';
import { CalcError } from './errors';
import { runCalculation } from './registry';

describe('BMI', () => {
  // CDC "About Adult BMI — How is BMI calculated?" worked examples.
  it('CDC metric example: 68 kg, 165 cm → 24.98', () => {
    expect(bmi(68, 165)).toBeCloseTo(24.98, 2);
  });
  it('CDC English example: 150 lb, 65 in → 24.96 (703 × lb/in²)', () => {
    expect(runCalculation('bmi', { weight: '150 lb', height: '65 in' }).extra?.unrounded).toBeCloseTo(
      24.96,
      2,
    );
    expect(runCalculation('bmi', { weight: '150 lb', height: '65 in' }).extra?.category).toBe('normal');
  });
});

describe('BSA', () => {
  it('Mosteller 1987: 180 cm and 80 kg → √(14400/3600) = 2.00 m²', () => {
    expect(bsaMosteller(80, 180)).toBe(2);
  });
  // The original papers give equations, not worked examples; expected values were computed
  // independently (Python) from the published coefficients.
  it.each([
    ['DuBois 1916', bsaDuBois, 70, 170, 1.8097],
    ['DuBois 1916', bsaDuBois, 80, 180, 1.9964],
    ['Haycock 1978', bsaHaycock, 80, 180, 2.0066],
    ['Gehan–George 1970', bsaGehanGeorge, 80, 180, 2.0095],
  ])('%s: %s kg / %s cm', (_n, f, w, h, expected) => {
    expect(f(w, h)).toBeCloseTo(expected, 4);
  });
  it('registry selects the method and rounds to 0.01 m²', () => {
    expect(runCalculation('bsa', { weight: '80 kg', height: '180 cm', method: 'dubois' }).value).toBe(2);
    expect(runCalculation('bsa', { weight: '70 kg', height: '170 cm', method: 'DuBois' }).value).toBe(1.81);
  });
  it('increases with weight and height (monotonicity property)', () => {
    const fs = [bsaMosteller, bsaDuBois, bsaHaycock, bsaGehanGeorge];
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 250, noNaN: true }),
        fc.double({ min: 40, max: 220, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        (w, h, d) => {
          for (const f of fs) {
            expect(f(w + d, h)).toBeGreaterThan(f(w, h));
            expect(f(w, h + d)).toBeGreaterThan(f(w, h));
          }
        },
      ),
    );
  });
  it('is unit invariant: lb/in gives the same answer as kg/cm (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 250, noNaN: true }),
        fc.double({ min: 45, max: 220, noNaN: true }),
        (kg, cm) => {
          const lb = kg / 0.45359237;
          const inch = cm / 2.54;
          for (const method of ['mosteller', 'dubois', 'haycock', 'gehan-george']) {
            const a = runCalculation('bsa', { weight: `${kg} kg`, height: `${cm} cm`, method });
            const b = runCalculation('bsa', { weight: `${lb} [lb_av]`, height: `${inch} in`, method });
            expect(b.extra?.unrounded as number).toBeCloseTo(a.extra?.unrounded as number, 9);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('IBW, AdjBW, LBW', () => {
  it('Devine 1974: man 70 in → 73 kg; woman 64 in → 54.7 kg', () => {
    expect(ibwDevine(70 * 2.54, 'male')).toBeCloseTo(73, 9);
    expect(ibwDevine(64 * 2.54, 'female')).toBeCloseTo(54.7, 9);
    expect(runCalculation('ibw', { height: '5 ft 10 in', sex: 'male' }).value).toBe(73);
  });
  it('warns below 5 ft and errors when IBW would be ≤ 0', () => {
    expect(runCalculation('ibw', { height: '58 in', sex: 'female' }).warnings.join()).toMatch(/under 5 ft/);
    expect(() => ibwDevine(50, 'female')).toThrow(CalcError);
  });
  it('adjusted weight: IBW 73 kg, actual 100 kg, factor 0.4 → 83.8 kg', () => {
    expect(adjustedBodyWeight(100, 73)).toBeCloseTo(83.8, 9);
    expect(runCalculation('adjbw', { weight: '100 kg', height: '70 in', sex: 'male' }).value).toBe(83.8);
  });
  it('Janmahasatian 2005: 100 kg, 180 cm → 69.46 kg (male), 56.83 kg (female)', () => {
    expect(lbwJanmahasatian(100, 180, 'male')).toBeCloseTo(69.456, 3);
    expect(lbwJanmahasatian(100, 180, 'female')).toBeCloseTo(56.833, 3);
  });
  // 9270/(6680 + 216·BMI) < 1 only when BMI > 12, so the property is stated for BMI ≥ 15.
  it('LBW is below total weight and rises with weight for BMI ≥ 15 (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 200, noNaN: true }),
        fc.double({ min: 140, max: 210, noNaN: true }),
        fc.constantFrom('male' as const, 'female' as const),
        (w, h, s) => {
          if (bmi(w, h) < 15) return;
          const l = lbwJanmahasatian(w, h, s);
          expect(l).toBeLessThan(w);
          expect(lbwJanmahasatian(w + 1, h, s)).toBeGreaterThan(l);
        },
      ),
    );
  });
});

describe('validation', () => {
  it.each([
    [{ weight: '-5 kg', height: '170 cm' }, 'weight'],
    [{ weight: '0 kg', height: '170 cm' }, 'weight'],
    [{ weight: '70 kg', height: '170 mg' }, 'height'],
    [{ weight: '70', height: '170 cm' }, undefined],
    [{ height: '170 cm' }, 'weight'],
    [{ weight: '70 kg', height: '3000 cm' }, 'height'],
  ])('%j', (inputs, field) => {
    if (field === undefined) {
      expect(runCalculation('bmi', inputs).value).toBe(24.2);
      return;
    }
    expect(() => runCalculation('bmi', inputs)).toThrow(expect.objectContaining({ field }));
  });
  it('an implausible weight (400 kg) is a warning, not an error', () => {
    const r = runCalculation('bmi', { weight: '400 kg', height: '180 cm' });
    expect(r.warnings.join()).toMatch(/weight 400 kg is outside the plausible range/);
  });
});
