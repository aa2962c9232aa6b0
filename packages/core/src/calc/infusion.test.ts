import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dripRate, infusionHours, mlPerHour } from './infusion';
import { runCalculation } from './registry';

// Worked examples: Ansel's Pharmaceutical Calculations (15th ed.), IV infusion chapter.
describe('infusion rate', () => {
  it('dopamine 5 mcg/kg/min, 80 kg, 400 mg in 250 mL (1600 mcg/mL) → 15 mL/h', () => {
    const r = runCalculation('infusion-rate', {
      doseRate: '5 mcg/kg/min',
      weight: '80 kg',
      amount: '400 mg',
      volume: '250 mL',
    });
    expect(r.value).toBe(15);
    expect(r.unit).toBe('mL/h');
    expect(
      runCalculation('infusion-rate', {
        doseRate: '5 mcg/kg/min',
        weight: '176.37 lb',
        concentration: '1.6 mg/mL',
      }).value,
    ).toBe(15);
  });
  it('heparin 1000 units/h, 25,000 units in 500 mL → 20 mL/h', () => {
    expect(
      runCalculation('infusion-rate', { doseRate: '1000 units/h', amount: '25,000 units', volume: '500 mL' })
        .value,
    ).toBe(20);
    expect(
      runCalculation('infusion-rate', {
        doseRate: '18 units/kg/h',
        weight: '70 kg',
        concentration: '100 units/mL',
      }).value,
    ).toBe(12.6);
  });
  it('potassium 10 mEq/h from 40 mEq/100 mL → 25 mL/h; refuses mEq against mmol', () => {
    expect(runCalculation('infusion-rate', { doseRate: '10 mEq/h', concentration: '0.4 mEq/mL' }).value).toBe(
      25,
    );
    expect(() =>
      runCalculation('infusion-rate', { doseRate: '10 mEq/h', concentration: '0.4 mmol/mL' }),
    ).toThrow(expect.objectContaining({ field: 'concentration' }));
  });
  it('names the missing or mismatched field', () => {
    expect(() =>
      runCalculation('infusion-rate', { doseRate: '5 mcg/kg/min', concentration: '1.6 mg/mL' }),
    ).toThrow(expect.objectContaining({ field: 'weight' }));
    expect(() => runCalculation('infusion-rate', { doseRate: '5 mcg/kg/min', weight: 80 })).toThrow(
      expect.objectContaining({ field: 'concentration' }),
    );
    expect(() => runCalculation('infusion-rate', { doseRate: '5 mL', concentration: '1 mg/mL' })).toThrow(
      expect.objectContaining({ field: 'doseRate' }),
    );
    expect(() =>
      runCalculation('infusion-rate', { doseRate: '100 units/h', concentration: '1 mg/mL' }),
    ).toThrow(expect.objectContaining({ field: 'concentration' }));
  });
  it('round trip: dose rate → mL/h → dose rate (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 10, max: 5000, noNaN: true }),
        (mcgKgMin, kg, mcgPerMl) => {
          const rate = runCalculation('infusion-rate', {
            doseRate: `${mcgKgMin} ug/kg/min`,
            weight: `${kg} kg`,
            concentration: `${mcgPerMl} ug/mL`,
          });
          const back = runCalculation('infusion-dose-rate', {
            rate: `${rate.extra?.unrounded} mL/h`,
            concentration: `${mcgPerMl} ug/mL`,
            weight: `${kg} kg`,
            outputUnit: 'ug/kg/min',
          });
          expect(back.extra?.unrounded as number).toBeCloseTo(mcgKgMin, 6);
        },
      ),
      { numRuns: 50 },
    );
  });
  it('mL/h rises with dose and falls with concentration (monotonicity)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.1, max: 1e4, noNaN: true }),
        (d, c) => {
          expect(mlPerHour(d * 2, c)).toBeGreaterThan(mlPerHour(d, c));
          expect(mlPerHour(d, c * 2)).toBeLessThan(mlPerHour(d, c));
        },
      ),
    );
  });
});

describe('dose rate from pump rate', () => {
  it('15 mL/h of 400 mg/250 mL for 80 kg → 5 mcg/kg/min; default units without weight', () => {
    expect(
      runCalculation('infusion-dose-rate', {
        rate: '15 mL/h',
        amount: '400 mg',
        volume: '250 mL',
        weight: 80,
      }).value,
    ).toBe(5);
    const r = runCalculation('infusion-dose-rate', { rate: '20 mL/h', concentration: '50 units/mL' });
    expect(r.value).toBe(1000);
    expect(r.unit).toBe('[iU]/h');
    expect(runCalculation('infusion-dose-rate', { rate: '15 mL/h', concentration: '1.6 mg/mL' }).value).toBe(
      24,
    );
  });
});

describe('drip rate, time, admixture', () => {
  it('1000 mL over 8 h with a 15 gtt/mL set → 31.25 → 31 gtt/min', () => {
    expect(dripRate(1000, 480, 15)).toBe(31.25);
    expect(runCalculation('drip-rate', { volume: '1 L', time: '8 h', dropFactor: 15 }).value).toBe(31);
  });
  it('microdrip: 60 gtt/mL makes gtt/min equal mL/h', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (ml, min) => {
          expect(dripRate(ml, min, 60)).toBeCloseTo((ml / min) * 60, 9);
        },
      ),
    );
  });
  it('1 L at 125 mL/h takes 8 h; end time from a start', () => {
    expect(infusionHours(1000, 125)).toBe(8);
    const r = runCalculation('infusion-time', { volume: '1 L', rate: '125 mL/h', start: '2024-05-01T08:00' });
    expect(r.extra?.end).toBe('2024-05-01T16:00:00.000Z');
    expect(r.display).toBe('8 h 0 min (ends 2024-05-01T16:00:00.000Z)');
  });
  it('400 mg into 250 mL → 1.6 mg/mL; with 10 mL drug volume → 1.5385 mg/mL', () => {
    expect(runCalculation('admixture-concentration', { amount: '400 mg', volume: '250 mL' }).value).toBe(1.6);
    expect(
      runCalculation('admixture-concentration', { amount: '400 mg', volume: '250 mL', addedVolume: '10 mL' })
        .value,
    ).toBe(1.5385);
  });
});
