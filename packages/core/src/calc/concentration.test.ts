import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alligation,
  dilution,
  displacementBase,
  massToMmol,
  mmolToMeq,
  parseRatio,
  percentAmount,
  ratioToPercent,
  reconstitution,
} from './concentration';
import { CalcError } from './errors';
import { runCalculation } from './registry';

// Worked examples: Ansel's Pharmaceutical Calculations (15th ed.) chapters on electrolytes,
// concentration, dilution and alligation; Aulton's Pharmaceutics for displacement values.
describe('mg ⇄ mmol ⇄ mEq', () => {
  it('calcium chloride dihydrate: 1 g = 13.6 mEq Ca²⁺ (Ansel; labeled value of 10 % CaCl₂ is 1.36 mEq/mL)', () => {
    expect(mmolToMeq(massToMmol(1000, 147.01), 2)).toBeCloseTo(13.6, 1);
    const r = runCalculation('mg-mmol-meq', { amount: '1 g', salt: 'cacl2-2h2o' });
    expect(r.value).toBe(13.6);
    expect(r.extra?.mmol).toBeCloseTo(6.802, 3);
  });
  it('potassium chloride: 1.5 g = 20.1 mEq K⁺ (Ansel)', () => {
    expect(runCalculation('mg-mmol-meq', { amount: '1.5 g', salt: 'kcl' }).value).toBe(20.12);
  });
  it('magnesium sulfate heptahydrate: 1 g = 8.1 mEq Mg²⁺ (USP labeling of 50 % MgSO₄: 4.06 mEq/mL)', () => {
    expect(runCalculation('mg-mmol-meq', { amount: '500 mg', salt: 'mgso4-7h2o' }).value).toBe(4.06);
  });
  it('round-trips mEq → mg → mEq with a custom salt', () => {
    const r = runCalculation('mg-mmol-meq', {
      amount: '40 mEq',
      salt: 'custom',
      molecularWeight: 74.55,
      valence: 1,
    });
    expect(r.extra?.mg).toBeCloseTo(2982, 0);
    expect(r.value).toBe(40);
  });
  it('requires MW and valence for a custom salt', () => {
    expect(() => runCalculation('mg-mmol-meq', { amount: '1 g' })).toThrow(
      expect.objectContaining({ field: 'molecularWeight' }),
    );
  });
});

describe('percent and ratio strength', () => {
  it('D5W 500 mL contains 25 g dextrose (5 % w/v)', () => {
    expect(percentAmount(5, 500)).toBe(25);
    expect(runCalculation('percent-strength', { type: 'w/v', percent: 5, total: '0.5 L' }).value).toBe(25);
  });
  it('solves the percent: 0.9 g NaCl in 100 mL = 0.9 %', () => {
    expect(runCalculation('percent-strength', { type: 'w/v', amount: '900 mg', total: '100 mL' }).value).toBe(
      0.9,
    );
  });
  it('epinephrine 1:1000 = 0.1 % = 1 mg/mL; 1:10,000 = 0.1 mg/mL (Ansel)', () => {
    expect(ratioToPercent(parseRatio('1:1000'))).toBeCloseTo(0.1, 12);
    expect(runCalculation('ratio-strength', { ratio: '1:1000' }).value).toBe(1);
    expect(runCalculation('ratio-strength', { ratio: '1:10,000' }).value).toBe(0.1);
    expect(runCalculation('ratio-strength', { percent: 0.02 }).extra?.ratio).toBe('1:5000');
  });
  it('rejects malformed ratios', () => {
    expect(() => parseRatio('1000')).toThrow(CalcError);
  });
});

describe('dilution C1V1 = C2V2', () => {
  it('70 % alcohol to make 500 mL of 30 %: 214.3 mL stock (Ansel)', () => {
    const r = runCalculation('dilution', { c1: '70 %', c2: '30 %', v2: '500 mL' });
    expect(r.value).toBeCloseTo(214.286, 3);
    expect(r.extra?.diluentMl).toBeCloseTo(285.714, 3);
  });
  it('solves each unknown and refuses an impossible dilution', () => {
    expect(dilution({ c1: 10, v1: 50, c2: 2 }).v2).toBe(250);
    expect(dilution({ v1: 50, c2: 2, v2: 250 }).c1).toBe(10);
    expect(() => dilution({ c1: 2, c2: 10, v2: 100 })).toThrow(CalcError);
    expect(() => dilution({ c1: 2, v2: 100 })).toThrow(CalcError);
  });
  it('is unit invariant: g/L vs mg/mL and L vs mL', () => {
    const a = runCalculation('dilution', { c1: '50 mg/mL', c2: '5 mg/mL', v2: '1 L' });
    const b = runCalculation('dilution', { c1: '50 g/L', c2: '5 mg/mL', v2: '1000 mL' });
    expect(a.value).toBe(100);
    expect(b.value).toBe(100);
  });
});

describe('alligation', () => {
  it('95 % and 50 % alcohol to make 70 %: 20 parts : 25 parts (Ansel)', () => {
    expect(alligation([95, 50], 70)).toEqual([20, 25]);
    const r = runCalculation('alligation', { strengths: '95, 50', target: 70, total: '450 mL' });
    expect(r.extra?.amount_1).toBeCloseTo(200, 9);
    expect(r.extra?.amount_2).toBeCloseTo(250, 9);
  });
  it('any number of strengths: the mixture has the target strength (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 6 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (strengths, target) => {
          if (!strengths.some((s) => s > target) || !strengths.some((s) => s < target)) {
            expect(() => alligation(strengths, target)).toThrow(CalcError);
            return;
          }
          const parts = alligation(strengths, target);
          const total = parts.reduce((a, b) => a + b, 0);
          const mix = parts.reduce((a, p, i) => a + p * strengths[i]!, 0) / total;
          expect(parts.every((p) => p >= 0)).toBe(true);
          expect(mix).toBeCloseTo(target, 6);
        },
      ),
    );
  });
});

describe('reconstitution and displacement', () => {
  it('1 g vial, powder volume 0.8 mL, for 250 mg/mL: add 3.2 mL', () => {
    expect(reconstitution(1000, 0.8, undefined, 250).diluentMl).toBeCloseTo(3.2, 12);
    expect(
      runCalculation('reconstitution', {
        amount: '1 g',
        powderVolume: '0.8 mL',
        targetConcentration: '250 mg/mL',
      }).value,
    ).toBe(3.2);
  });
  it('round trip: the diluent found gives back the target concentration', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (amt, pv, target) => {
          if (amt / target <= pv) return;
          const d = reconstitution(amt, pv, undefined, target).diluentMl;
          expect(reconstitution(amt, pv, d).concentrationPerMl).toBeCloseTo(target, 6);
        },
      ),
    );
  });
  it('10 suppositories of 200 mg bismuth subgallate (DV 2.7) in a 1 g mould need 9.26 g base (Aulton)', () => {
    expect(displacementBase(10, 1, 0.2, 2.7).baseG).toBeCloseTo(9.259, 3);
    expect(
      runCalculation('displacement', {
        count: 10,
        mould: '1 g',
        drugPerUnit: '200 mg',
        displacementValue: 2.7,
      }).value,
    ).toBe(9.259);
  });
});
