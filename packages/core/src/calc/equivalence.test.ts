import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maintenanceFluidsMlPerHour, mmePerDay, steroidEquivalent } from './equivalence';
import { runCalculation } from './registry';
import { meanKineticTemperature } from './temperature';

describe('MME (CDC 2022)', () => {
  // CDC 2022 guideline, MME table footnote worked examples.
  it('hydrocodone 5 mg four times a day = 20 MME/day', () => {
    expect(runCalculation('mme', { opioids: 'hydrocodone 5 mg x4' }).value).toBe(20);
  });
  it('oxycodone ER 10 mg twice a day = 30 MME/day', () => {
    expect(runCalculation('mme', { opioids: 'oxycodone 10 mg x 2' }).value).toBe(30);
  });
  it('fentanyl patch 25 mcg/h × 2.4 = 60 MME/day; sums across opioids', () => {
    const r = runCalculation('mme', {
      opioids: 'fentanyl-transdermal 25 mcg/h; morphine 30 mg x2; tramadol 50 mg x4',
    });
    expect(r.value).toBe(60 + 60 + 40);
    expect(r.warnings.join()).toMatch(/≥ 90/);
    expect(r.warnings.join()).toMatch(/fentanyl/);
  });
  it('methadone gets its caveat; buprenorphine is excluded with a warning', () => {
    expect(mmePerDay('methadone', 20)).toBe(94);
    expect(runCalculation('mme', { opioids: 'methadone 10 mg x2' }).warnings.join()).toMatch(/methadone/);
    const b = runCalculation('mme', { opioids: 'buprenorphine 8 mg x2; oxycodone 5 mg x2' });
    expect(b.value).toBe(15);
    expect(b.warnings.join()).toMatch(/buprenorphine is not included/);
  });
  it('rejects unknown opioids and fentanyl in mg', () => {
    expect(() => runCalculation('mme', { opioids: 'meperidine 50 mg x4' })).toThrow(
      expect.objectContaining({ field: 'opioids' }),
    );
    expect(() => runCalculation('mme', { opioids: 'fentanyl 100 mg' })).toThrow(
      expect.objectContaining({ field: 'opioids' }),
    );
  });
  it('is unit invariant: 0.01 g = 10 mg', () => {
    expect(runCalculation('mme', { opioids: 'oxycodone 0.01 g x2' }).value).toBe(30);
  });
});

describe('corticosteroid equivalence (Meikle & Tyler 1977)', () => {
  it('prednisone 50 mg = dexamethasone 7.5 mg = hydrocortisone 200 mg = methylprednisolone 40 mg', () => {
    expect(steroidEquivalent('prednisone', 50, 'dexamethasone')).toBeCloseTo(7.5, 12);
    expect(steroidEquivalent('prednisone', 50, 'hydrocortisone')).toBe(200);
    expect(
      runCalculation('steroid-equivalence', { from: 'prednisone', dose: '50 mg', to: 'methylprednisolone' })
        .value,
    ).toBe(40);
  });
  it('round trip A → B → A (property)', () => {
    const names = [
      'cortisone',
      'hydrocortisone',
      'prednisone',
      'prednisolone',
      'methylprednisolone',
      'triamcinolone',
      'dexamethasone',
      'betamethasone',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...names),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (a, b, d) => {
          expect(steroidEquivalent(b, steroidEquivalent(a, d, b), a)).toBeCloseTo(d, 9);
        },
      ),
    );
  });
});

describe('maintenance fluids (Holliday & Segar 1957)', () => {
  it.each([
    [8, 32],
    [10, 40],
    [15, 50],
    [25, 65],
    [70, 110],
  ])('%s kg → %s mL/h', (kg, mlh) => {
    expect(maintenanceFluidsMlPerHour(kg)).toBe(mlh);
  });
  it('rises with weight and is continuous at 10 and 20 kg (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 150, noNaN: true }), (w) => {
        expect(maintenanceFluidsMlPerHour(w + 0.1)).toBeGreaterThan(maintenanceFluidsMlPerHour(w));
        expect(maintenanceFluidsMlPerHour(w + 1e-6) - maintenanceFluidsMlPerHour(w)).toBeLessThan(1e-5);
      }),
    );
  });
  it('lb input gives the same rate', () => {
    expect(runCalculation('maintenance-fluids', { weight: '55.1156 lb' }).value).toBe(65);
  });
});

describe('mean kinetic temperature (Haynes 1971; USP <1079.2>)', () => {
  it('a constant temperature has MKT equal to it', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 60, noNaN: true }), fc.integer({ min: 1, max: 50 }), (t, n) => {
        expect(meanKineticTemperature(new Array(n).fill(t))).toBeCloseTo(t, 6);
      }),
    );
  });
  it('20, 25, 30 °C → 25.86 °C, above the arithmetic mean (independent computation)', () => {
    expect(meanKineticTemperature([20, 25, 30])).toBeCloseTo(25.858, 3);
    const r = runCalculation('mkt', { temperatures: '20, 25, 30' });
    expect(r.value).toBe(25.86);
    expect(r.warnings.join()).toMatch(/above 25/);
  });
  it('MKT ≥ arithmetic mean and ≤ max (Jensen; property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (ts) => {
          const m = meanKineticTemperature(ts);
          const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
          expect(m).toBeGreaterThanOrEqual(mean - 1e-9);
          expect(m).toBeLessThanOrEqual(Math.max(...ts) + 1e-9);
        },
      ),
    );
  });
  it('is unit invariant: °F readings give the same MKT', () => {
    expect(runCalculation('mkt', { temperatures: '68 [degF]; 77 [degF]; 86 [degF]' }).value).toBe(25.86);
  });
});
