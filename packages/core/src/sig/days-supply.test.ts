import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDaysSupply } from './days-supply';
import { parseSig } from './parse';

/**
 * Worked examples in the form used by pharmacy-technician calculation texts (days' supply = quantity ÷
 * amount per day; eye drops at 20 drops/mL; insulin U-100 = 100 units/mL; inhalers by labeled actuations;
 * PRN at the maximum frequency), each checked by hand below.
 */
describe('computeDaysSupply', () => {
  it('solid: 60 tablets, 1 tab po bid = 30 days', () => {
    const r = computeDaysSupply({ sig: '1 tab po bid', quantity: 60, quantityUnit: 'tablet', form: 'solid' });
    expect(r).toMatchObject({ ok: true, days: 30, dailyUse: { value: 2, unit: 'tablet' } });
    if (r.ok) expect(r.steps.join('\n')).toContain('60 tablets ÷ 2 tablets a day = 30 days');
  });

  it('solid PRN uses the maximum: 1-2 tabs q4-6h prn, 60 tabs -> 60 / 12 = 5 days', () => {
    const r = computeDaysSupply({
      sig: '1-2 tabs po q4-6h prn pain',
      quantity: 60,
      quantityUnit: 'tablet',
      form: 'solid',
    });
    expect(r).toMatchObject({ ok: true, days: 5, dailyUse: { value: 12 } });
  });

  it('a written maximum caps the daily amount: max 8 tabs/24h, 40 tabs -> 5 days', () => {
    const r = computeDaysSupply({
      sig: '1-2 tabs po q4-6h prn pain max 8 tabs/24h',
      quantity: 40,
      quantityUnit: 'tablet',
      form: 'solid',
    });
    expect(r).toMatchObject({ ok: true, days: 5, dailyUse: { value: 8 } });
  });

  it('rounds down: 45 tablets at 2 a day = 22.5 -> 22 days', () => {
    const r = computeDaysSupply({ sig: '1 tab po bid', quantity: 45, quantityUnit: 'each', form: 'solid' });
    expect(r).toMatchObject({ ok: true, days: 22, exactDays: 22.5 });
  });

  it('liquid: 150 mL, 1 tsp tid -> 150 / 15 = 10 days', () => {
    const r = computeDaysSupply({
      sig: '1 tsp po tid x 10 days',
      quantity: 150,
      quantityUnit: 'mL',
      form: 'liquid',
    });
    expect(r).toMatchObject({ ok: true, days: 10, dailyUse: { value: 15, unit: 'mL' } });
  });

  it('liquid dosed in mg uses the strength: 250 mg/5 mL, 500 mg bid, 100 mL -> 5000 mg / 1000 = 5 days', () => {
    const r = computeDaysSupply({
      sig: '500 mg po bid',
      quantity: 100,
      quantityUnit: 'mL',
      form: 'liquid',
      strength: { value: 50, unit: 'mg' },
    });
    expect(r).toMatchObject({ ok: true, days: 5 });
  });

  it('eye drops: 5 mL, 1 gtt ou bid, 20 drops/mL -> 100 / 4 = 25 days', () => {
    const r = computeDaysSupply({ sig: '1 gtt ou bid', quantity: 5, quantityUnit: 'mL', form: 'drops' });
    expect(r).toMatchObject({ ok: true, days: 25, dailyUse: { value: 4, unit: 'drop' } });
    if (r.ok) {
      expect(r.steps[0]).toBe('Quantity: 5 mL × 20 drops/mL = 100 drops.');
      expect(r.warnings[0]).toContain('20 drops per mL');
    }
  });

  it('eye drops with the product drop size: 2.5 mL at 15 drops/mL, 1 gtt os qhs -> 37 days', () => {
    const r = computeDaysSupply({
      sig: '1 gtt os qhs',
      quantity: 2.5,
      quantityUnit: 'mL',
      form: 'drops',
      dropsPerMl: 15,
    });
    expect(r).toMatchObject({ ok: true, days: 37, exactDays: 37.5 });
  });

  it('inhaler: 1 inhaler of 200 actuations, 2 puffs q4-6h prn -> 200 / 12 = 16 days', () => {
    const r = computeDaysSupply({
      sig: '2 puffs inh q4-6h prn wheezing',
      quantity: 1,
      quantityUnit: 'inhaler',
      form: 'inhaler',
      actuationsPerInhaler: 200,
    });
    expect(r).toMatchObject({ ok: true, days: 16 });
  });

  it('nasal spray: 120 sprays, 2 sprays each nostril daily -> 120 / 4 = 30 days', () => {
    const r = computeDaysSupply({
      sig: '2 sprays each nostril daily',
      quantity: 120,
      quantityUnit: 'actuation',
      form: 'inhaler',
    });
    expect(r).toMatchObject({ ok: true, days: 30 });
  });

  it('insulin vial: 10 mL U-100, 20 units daily -> 1000 / 20 = 50 days', () => {
    const r = computeDaysSupply({
      sig: 'inject 20 units subq daily',
      quantity: 10,
      quantityUnit: 'mL',
      form: 'insulin',
    });
    expect(r).toMatchObject({ ok: true, days: 50 });
  });

  it('insulin pens with priming: 5 pens × 300 units, 10 units tid + 2 units priming each -> 1500 / 36 = 41 days', () => {
    const r = computeDaysSupply({
      sig: '10 units subq tid ac',
      quantity: 5,
      quantityUnit: 'pen',
      form: 'insulin',
      unitsPerPackage: 300,
      primingUnitsPerInjection: 2,
    });
    expect(r).toMatchObject({ ok: true, days: 41, dailyUse: { value: 36 } });
  });

  it('taper: 4,3,2,1 tabs x2d each needs 20 tablets for 8 days', () => {
    const sig = 'take 4 tabs daily x2d then 3 tabs daily x2d then 2 tabs daily x2d then 1 tab daily x2d';
    expect(computeDaysSupply({ sig, quantity: 20, quantityUnit: 'tablet', form: 'solid' })).toMatchObject({
      ok: true,
      days: 8,
    });
    // 12 tablets: step 1 uses 8 (2 days); the 4 left last 4 / 3 = 1.33 days of step 2; 3.33 -> 3.
    expect(computeDaysSupply({ sig, quantity: 12, quantityUnit: 'tablet', form: 'solid' })).toMatchObject({
      ok: true,
      days: 3,
    });
  });

  it('Z-Pak: 2 tabs day 1 then 1 tab days 2-5, 6 tablets -> 5 days', () => {
    const r = computeDaysSupply({
      sig: '2 tabs po day 1 then 1 tab po daily days 2-5',
      quantity: 6,
      quantityUnit: 'tablet',
      form: 'solid',
    });
    expect(r).toMatchObject({ ok: true, days: 5 });
  });

  it('a fixed course caps the days and warns about the excess', () => {
    const r = computeDaysSupply({
      sig: '1 tab po bid x10d',
      quantity: 30,
      quantityUnit: 'tablet',
      form: 'solid',
    });
    expect(r).toMatchObject({ ok: true, days: 10 });
    if (r.ok) expect(r.warnings[0]).toContain('10 tablets');
  });

  it('concurrent parts add up: 1 tab qam and 2 tabs qhs, 90 tabs -> 30 days', () => {
    const r = computeDaysSupply({
      sig: '1 tab po qam and 2 tabs po qhs',
      quantity: 90,
      quantityUnit: 'tablet',
      form: 'solid',
    });
    expect(r).toMatchObject({ ok: true, days: 30, dailyUse: { value: 3 } });
  });

  it('topicals: entered by the pharmacist, or computed when the sig gives grams', () => {
    const noEntry = computeDaysSupply({
      sig: 'apply bid to affected area',
      quantity: 30,
      quantityUnit: 'g',
      form: 'topical',
    });
    expect(noEntry).toMatchObject({ ok: false, error: { code: 'ENTERED_REQUIRED', field: 'enteredDays' } });
    const entered = computeDaysSupply({
      sig: 'apply bid to affected area',
      quantity: 30,
      quantityUnit: 'g',
      form: 'topical',
      enteredDays: 15,
    });
    expect(entered).toMatchObject({ ok: true, days: 15 });
    const grams = computeDaysSupply({
      sig: 'apply 4 g to affected joint qid',
      quantity: 100,
      quantityUnit: 'g',
      form: 'topical',
    });
    expect(grams).toMatchObject({ ok: true, days: 6 });
  });

  it('returns typed errors naming the field', () => {
    expect(
      computeDaysSupply({ sig: '1 tab po bid', quantity: 0, quantityUnit: 'tablet', form: 'solid' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_QUANTITY', field: 'quantity' },
    });
    expect(
      computeDaysSupply({ sig: 'take with love', quantity: 30, quantityUnit: 'tablet', form: 'solid' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SIG_NOT_UNDERSTOOD', field: 'sig' },
    });
    expect(
      computeDaysSupply({
        sig: 'inject subq tid ac per sliding scale',
        quantity: 10,
        quantityUnit: 'mL',
        form: 'insulin',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NO_DAILY_USE', field: 'sig' },
    });
    expect(
      computeDaysSupply({ sig: '1 tab po bid', quantity: 30, quantityUnit: 'mL', form: 'solid' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNIT_MISMATCH', field: 'quantityUnit' },
    });
    expect(
      computeDaysSupply({ sig: '2 puffs inh bid', quantity: 1, quantityUnit: 'inhaler', form: 'inhaler' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MISSING_PARAMETER', field: 'actuationsPerInhaler' },
    });
    expect(
      computeDaysSupply({ sig: '500 mg po bid', quantity: 100, quantityUnit: 'mL', form: 'liquid' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MISSING_PARAMETER', field: 'strength' },
    });
  });

  it('accepts an already parsed sig', () => {
    const r = computeDaysSupply({
      sig: parseSig('1 cap po tid'),
      quantity: 90,
      quantityUnit: 'capsule',
      form: 'solid',
    });
    expect(r).toMatchObject({ ok: true, days: 30 });
  });

  it('days = floor(quantity / (dose × times a day)), at least 1, for any solid sig', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<[string, number]>(
          ['daily', 1],
          ['bid', 2],
          ['tid', 3],
          ['qid', 4],
          ['q6h', 4],
          ['q8h', 3],
        ),
        fc.integer({ min: 1, max: 1000 }),
        (dose, [freq, perDay], qty) => {
          const r = computeDaysSupply({
            sig: `${dose} tab po ${freq}`,
            quantity: qty,
            quantityUnit: 'tablet',
            form: 'solid',
          });
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.days).toBe(Math.max(1, Math.floor(qty / (dose * perDay))));
            expect(Number.isFinite(r.exactDays)).toBe(true);
            expect(r.steps.length).toBeGreaterThanOrEqual(3);
          }
        },
      ),
    );
  });
});
