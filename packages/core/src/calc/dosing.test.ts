import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCaps, carboplatinCalvert, doseByWeight, pediatricRange, roundDose } from './dosing';
import { CalcError } from './errors';
import { runCalculation } from './registry';

describe('weight-based dosing', () => {
  it('amoxicillin 40 mg/kg/day ÷ 2 for a 20 kg child → 400 mg per dose', () => {
    expect(doseByWeight({ dosePerKg: 40, weightKg: 20, basis: 'day', dosesPerDay: 2 }).perDose).toBe(400);
    const r = runCalculation('dose-weight', { weight: '20 kg', dose: '40 mg/kg/d', frequency: 2 });
    expect(r.value).toBe(400);
    expect(r.extra?.perDay).toBe(800);
  });
  it('per-dose mg/kg: 15 mg/kg × 44 lb (19.96 kg) → 299.4 mg', () => {
    expect(runCalculation('dose-weight', { weight: '44 lb', dose: '15 mg/kg' }).value).toBeCloseTo(299.37, 2);
  });
  it('caps at the maximum single and daily dose', () => {
    const r = runCalculation('dose-weight', {
      weight: '80 kg',
      dose: '15 mg/kg',
      frequency: 4,
      maxSingle: '1 g',
      maxDaily: '3 g',
    });
    expect(r.value).toBe(750);
    expect(r.extra?.capped).toBe('daily');
    expect(r.warnings.join()).toMatch(/capped/);
    expect(applyCaps(1200, 3, 1000, undefined)).toMatchObject({ perDose: 1000, capped: 'single' });
  });
  it('never exceeds the caps and scales linearly with weight below them (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (w, d, n) => {
          const r = doseByWeight({
            dosePerKg: d,
            weightKg: w,
            basis: 'day',
            dosesPerDay: n,
            maxSingle: 500,
            maxDaily: 2000,
          });
          expect(r.perDose).toBeLessThanOrEqual(500 + 1e-9);
          expect(r.perDay).toBeLessThanOrEqual(2000 + 1e-9);
          const u = doseByWeight({ dosePerKg: d, weightKg: 2 * w, basis: 'day', dosesPerDay: n });
          expect(u.perDose).toBeCloseTo(
            2 * doseByWeight({ dosePerKg: d, weightKg: w, basis: 'day', dosesPerDay: n }).perDose,
            9,
          );
        },
      ),
    );
  });
  it('rejects non-weight dose units and fractional frequencies', () => {
    expect(() => runCalculation('dose-weight', { weight: '20 kg', dose: '40 mg' })).toThrow(
      expect.objectContaining({ field: 'dose' }),
    );
    expect(() =>
      runCalculation('dose-weight', { weight: '20 kg', dose: '40 mg/kg/d', frequency: 2.5 }),
    ).toThrow(expect.objectContaining({ field: 'frequency' }));
  });
});

describe('BSA dosing and pediatric ranges', () => {
  it('vincristine 1.4 mg/m² × 2.0 m² = 2.8 mg, capped at 2 mg', () => {
    const r = runCalculation('dose-bsa', {
      dose: '1.4 mg/m2',
      weight: '80 kg',
      height: '180 cm',
      maxDose: '2 mg',
    });
    expect(r.value).toBe(2);
    expect(r.extra?.capped).toBe('yes');
    expect(runCalculation('dose-bsa', { dose: '100 mg/m2', bsa: '1.73 m2' }).value).toBe(173);
  });
  it('needs a BSA or weight and height', () => {
    expect(() => runCalculation('dose-bsa', { dose: '100 mg/m2' })).toThrow(
      expect.objectContaining({ field: 'bsa' }),
    );
  });
  it('25–50 mg/kg/day ÷ 2 for 20 kg: 250–500 mg per dose; 600 mg is above', () => {
    expect(pediatricRange(20, 25, 50, 2)).toMatchObject({ low: 250, high: 500, status: 'n/a' });
    expect(pediatricRange(20, 25, 50, 2, 600).status).toBe('above');
    expect(pediatricRange(20, 25, 50, 2, 249).status).toBe('below');
    expect(
      runCalculation('pediatric-range', {
        weight: 20,
        low: '25 mg/kg/d',
        high: '50 mg/kg/d',
        frequency: 2,
        prescribed: '400 mg',
      }).value,
    ).toBe('within');
    expect(() => pediatricRange(20, 60, 50, 2)).toThrow(CalcError);
  });
});

describe('dose rounding / banding', () => {
  it('487 mg from 100/500 mg → 500 mg (+2.7 %, within 5 %)', () => {
    const r = roundDose(487, [100, 500]);
    expect(r.dose).toBe(500);
    expect(r.withinTolerance).toBe(true);
  });
  it('cover mode opens the fewest vials with least waste: 650 mg from 100/500 mg vials → 700 mg', () => {
    const r = roundDose(650, [100, 500], 5, 'cover');
    expect(r).toMatchObject({ dose: 700, counts: [2, 1], units: 3 });
  });
  it('flags a dose that no strength combination reaches within tolerance', () => {
    const r = runCalculation('dose-round', { dose: '350 mg', strengths: '500 mg', tolerance: 5 });
    expect(r.extra?.withinTolerance).toBe('no');
    expect(r.warnings.join()).toMatch(/deviates/);
  });
  it('accepts strengths with units and bare numbers in the dose unit', () => {
    const a = runCalculation('dose-round', { dose: '0.75 g', strengths: '250 mg, 0.5 g' });
    expect(a.value).toBe(750);
    expect(a.unit).toBe('mg');
    expect(runCalculation('dose-round', { dose: '0.75 g', strengths: '0.25; 0.5' }).value).toBe(750);
  });
  it('nearest mode is never farther than the best single-strength multiple (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 2000, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 5, max: 500 }), { minLength: 1, maxLength: 3 }),
        (dose, strengths) => {
          if (dose / Math.min(...strengths) > 30) return;
          const r = roundDose(dose, strengths, 5, 'nearest');
          for (const s of strengths) {
            const k = Math.max(1, Math.round(dose / s));
            if (k <= 20) expect(Math.abs(r.dose - dose)).toBeLessThanOrEqual(Math.abs(k * s - dose) + 1e-9);
          }
          try {
            const c = roundDose(dose, strengths, 5, 'cover');
            expect(c.dose).toBeGreaterThanOrEqual(dose * (1 - 1e-9));
          } catch (e) {
            // Only when even the largest size needs more than 20 vials.
            expect(e).toBeInstanceOf(CalcError);
            expect(dose / Math.max(...strengths)).toBeGreaterThan(19);
          }
        },
      ),
    );
  });
});

describe('carboplatin (Calvert)', () => {
  it('Calvert 1989: AUC 5, GFR 100 → 5 × 125 = 625 mg', () => {
    expect(carboplatinCalvert(5, 100).dose).toBe(625);
  });
  it('FDA/CTEP 2010 caps: GFR ≤ 125 → AUC 6 max 900 mg, AUC 5 max 750 mg, AUC 4 max 600 mg', () => {
    expect(carboplatinCalvert(6, 160).dose).toBe(900);
    expect(carboplatinCalvert(5, 160).dose).toBe(750);
    expect(carboplatinCalvert(4, 160).dose).toBe(600);
    const r = runCalculation('carboplatin', { auc: 6, gfr: '140 mL/min' });
    expect(r.value).toBe(900);
    expect(r.warnings.join()).toMatch(/capped/);
  });
  it('dose never exceeds AUC × (cap + 25) (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (auc, gfr) => {
          expect(carboplatinCalvert(auc, gfr).dose).toBeLessThanOrEqual(auc * 150 + 1e-9);
        },
      ),
    );
  });
});
