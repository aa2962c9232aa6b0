import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysSupply, quantityForDays, type SupplyParams } from './dispensing';
import { runCalculation } from './registry';

describe("days' supply", () => {
  it.each([
    // [description, quantity, params, expected days]
    ['60 tablets, 1 BID', 60, { form: 'solid', dose: 1, frequency: 2 }, 30],
    ['90 tablets, 1.5 TID', 90, { form: 'solid', dose: 1.5, frequency: 3 }, 20],
    ['150 mL, 5 mL TID', 150, { form: 'liquid', dose: 5, frequency: 3 }, 10],
    ['5 mL eye drops, 1 gtt OU BID at 20 gtt/mL', 5, { form: 'drops', dose: 1, frequency: 2, sites: 2 }, 25],
    [
      '10 mL ear drops, 4 gtt TID, 15 gtt/mL',
      10,
      { form: 'drops', dose: 4, frequency: 3, dropsPerMl: 15 },
      12,
    ],
    [
      '1 inhaler of 200 puffs, 2 puffs QID',
      1,
      { form: 'inhaler', dose: 2, frequency: 4, actuationsPerPackage: 200 },
      25,
    ],
    [
      '5 pens × 300 units, 20 units BID + 2-unit prime',
      5,
      { form: 'insulin', dose: 20, frequency: 2, unitsPerPackage: 300 },
      34,
    ],
    [
      '1 vial 1000 units, 10 units daily, 28-day in-use limit',
      1,
      { form: 'insulin', dose: 10, frequency: 1, unitsPerPackage: 1000, primingUnits: 0, inUseDays: 28 },
      28,
    ],
    ['45 g cream, 0.5 g BID', 45, { form: 'topical', dose: 0.5, frequency: 2 }, 45],
  ] as [string, number, SupplyParams, number][])('%s', (_d, q, p, days) => {
    expect(daysSupply(q, p).days).toBe(days);
  });

  it('rounds down partial days and names missing product data', () => {
    expect(runCalculation('days-supply', { form: 'solid', quantity: 25, dose: 1, frequency: 2 }).value).toBe(
      12,
    );
    expect(() =>
      runCalculation('days-supply', { form: 'inhaler', quantity: 1, dose: 2, frequency: 2 }),
    ).toThrow(expect.objectContaining({ field: 'actuationsPerPackage' }));
    expect(() =>
      runCalculation('days-supply', { form: 'insulin', quantity: 1, dose: 2, frequency: 2 }),
    ).toThrow(expect.objectContaining({ field: 'unitsPerPackage' }));
    expect(() =>
      runCalculation('days-supply', { form: 'solid', quantity: 0, dose: 1, frequency: 2 }),
    ).toThrow(expect.objectContaining({ field: 'quantity' }));
  });

  it('in-use limit warns only when it binds', () => {
    const r = runCalculation('days-supply', {
      form: 'insulin',
      quantity: 1,
      dose: 10,
      frequency: 1,
      unitsPerPackage: 1000,
      primingUnits: 0,
      inUseDays: 28,
    });
    expect(r.warnings.join()).toMatch(/in-use/);
  });
});

describe('quantity for a days’ supply', () => {
  it('30 days of 2 puffs QID at 200/inhaler → 2 inhalers; insulin 44 units/day for 30 days → 5 pens', () => {
    expect(
      quantityForDays(30, { form: 'inhaler', dose: 2, frequency: 4, actuationsPerPackage: 200 }).quantity,
    ).toBe(2);
    expect(
      quantityForDays(30, { form: 'insulin', dose: 20, frequency: 2, unitsPerPackage: 300 }).quantity,
    ).toBe(5);
  });
  it('eye drops in 5 mL bottles: 1 gtt OU BID for 30 days → 6 mL → 2 bottles', () => {
    const r = runCalculation('quantity-for-days', {
      form: 'drops',
      days: 30,
      dose: 1,
      frequency: 2,
      sites: 2,
      packageSize: 5,
    });
    expect(r.value).toBe(6);
    expect(r.extra?.packages).toBe(2);
  });
  it('round trip: the quantity for N days lasts at least N days (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SupplyParams>(
          { form: 'solid', dose: 1, frequency: 3 },
          { form: 'liquid', dose: 7.5, frequency: 2 },
          { form: 'drops', dose: 2, frequency: 4, sites: 2 },
          { form: 'inhaler', dose: 2, frequency: 2, actuationsPerPackage: 120 },
          { form: 'insulin', dose: 35, frequency: 1, unitsPerPackage: 300, inUseDays: 28 },
          { form: 'topical', dose: 1, frequency: 2 },
        ),
        fc.integer({ min: 1, max: 365 }),
        (p, days) => {
          const q = quantityForDays(days, p).quantity;
          expect(daysSupply(q, p).days).toBeGreaterThanOrEqual(days);
        },
      ),
    );
  });
});
