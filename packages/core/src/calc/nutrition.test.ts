import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caPhosProduct, glucoseInfusionRate, pnMacros, pnOsmolarity } from './nutrition';
import { runCalculation } from './registry';

describe('PN macronutrients', () => {
  // ASPEN Core Curriculum energy factors: D70 500 mL = 350 g × 3.4 = 1190 kcal; AA 10 % 1 L =
  // 100 g × 4 = 400 kcal; lipid 20 % 250 mL × 2 kcal/mL = 500 kcal.
  it('D70 500 mL + AA 10 % 1000 mL + lipid 20 % 250 mL → 2090 kcal, 16 g N', () => {
    const m = pnMacros({ dextroseG: 350, aminoAcidG: 100, lipidMl: 250, lipidPercent: 20 });
    expect(m.dextroseKcal).toBeCloseTo(1190, 9);
    expect(m.totalKcal).toBeCloseTo(2090, 9);
    expect(m.nitrogenG).toBe(16);
    expect(m.npcToN).toBeCloseTo(1690 / 16, 9);
    const r = runCalculation('pn-macros', {
      dextrosePercent: 70,
      dextroseVolume: '500 mL',
      aminoAcidPercent: 10,
      aminoAcidVolume: '1 L',
      lipidPercent: 20,
      lipidVolume: '250 mL',
      weight: '70 kg',
    });
    expect(r.value).toBe(2090);
    expect(r.extra?.totalVolumeMl).toBe(1750);
    expect(r.extra?.kcalPerKg).toBeCloseTo(29.857, 3);
  });
  it('lipid 10 % is 1.1 kcal/mL, 30 % is 3.0 kcal/mL (Intralipid labeling)', () => {
    expect(pnMacros({ dextroseG: 0, aminoAcidG: 0, lipidMl: 100, lipidPercent: 10 }).lipidKcal).toBeCloseTo(
      110,
      9,
    );
    expect(pnMacros({ dextroseG: 0, aminoAcidG: 0, lipidMl: 100, lipidPercent: 30 }).lipidKcal).toBe(300);
    expect(() => pnMacros({ dextroseG: 0, aminoAcidG: 0, lipidMl: 100, lipidPercent: 25 })).toThrow(
      expect.objectContaining({ field: 'lipidPercent' }),
    );
  });
  it('percent and volume must come in pairs', () => {
    expect(() => runCalculation('pn-macros', { dextrosePercent: 70 })).toThrow(
      expect.objectContaining({ field: 'dextroseVolume' }),
    );
  });
});

describe('glucose infusion rate', () => {
  // Neonatal rule: GIR = % × mL/kg/day ÷ 144; D10 at 100 mL/kg/day = 6.94 mg/kg/min.
  it('D10 at 100 mL/kg/day → 6.94 mg/kg/min (both rate forms agree)', () => {
    expect(runCalculation('gir', { dextrosePercent: 10, rate: '100 mL/kg/d', weight: '3 kg' }).value).toBe(
      6.94,
    );
    expect(runCalculation('gir', { dextrosePercent: 10, rate: '12.5 mL/h', weight: '3 kg' }).value).toBe(
      6.94,
    );
  });
  it('equals % × mL/kg/day ÷ 144 (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 70, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0.4, max: 150, noNaN: true }),
        (pct, mlKgDay, kg) => {
          const gPerH = ((pct / 100) * mlKgDay * kg) / 24;
          expect(glucoseInfusionRate(gPerH, kg)).toBeCloseTo((pct * mlKgDay) / 144, 9);
        },
      ),
    );
  });
});

describe('osmolarity and Ca–P', () => {
  it('150 g dextrose + 50 g AA + 150 mEq cations in 1 L → 750 + 500 + 300 = 1550 mOsm/L (central)', () => {
    expect(pnOsmolarity({ dextroseG: 150, aminoAcidG: 50, lipidG: 0, cationsMeq: 150, volumeL: 1 })).toBe(
      1550,
    );
    const r = runCalculation('pn-osmolarity', {
      dextrose: '150 g',
      aminoAcids: '50 g',
      electrolytes: '150 mEq',
      volume: '1000 mL',
    });
    expect(r.extra?.peripheral).toBe('no');
  });
  it('peripheral PN: 50 g dextrose + 30 g AA + 70 mEq in 1 L → 690 mOsm/L (≤ 900)', () => {
    const r = runCalculation('pn-osmolarity', {
      dextrose: '50 g',
      aminoAcids: '30 g',
      electrolytes: '70 mEq',
      volume: '1 L',
    });
    expect(r.value).toBe(690);
    expect(r.extra?.peripheral).toBe('yes');
  });
  it('Ca 10 mEq and P 15 mmol in 1 L → product 150: passes 2-in-1 (300), at the 3-in-1 limit (150)', () => {
    expect(caPhosProduct(10, 15, 1).product).toBe(150);
    expect(
      runCalculation('ca-phos', { calcium: '10 mEq', phosphate: '15 mmol', volume: '1 L' }).extra?.compatible,
    ).toBe('yes');
    expect(
      runCalculation('ca-phos', { calcium: '10 mEq', phosphate: '20 mmol', volume: '1 L', system: '3-in-1' })
        .extra?.compatible,
    ).toBe('no');
  });
  it('concentrating the same additives into less volume raises the product (monotonicity)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (ca, p, v) => {
          expect(caPhosProduct(ca, p, v / 2).product).toBeCloseTo(4 * caPhosProduct(ca, p, v).product, 6);
        },
      ),
    );
  });
});
