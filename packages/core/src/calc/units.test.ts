import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError } from './errors';
import { convertUnits, isConvertible, normalizeUnit, parseQuantity, quantityIn } from './units';

describe('convertUnits (UCUM)', () => {
  // NIST SP 811 / UCUM: 1 [lb_av] = 0.45359237 kg exactly; 1 [in_i] = 2.54 cm exactly.
  it.each([
    [5, '[lb_av]', 'kg', 2.26796185],
    [1, 'lb', 'kg', 0.45359237],
    [70, 'in', 'cm', 177.8],
    [1, 'mcg', 'mg', 0.001],
    [1, 'mg/dL', 'mg/L', 10],
    [1, 'L', 'mL', 1000],
    [1, 'h', 'min', 60],
    [5, 'ug/kg/min', 'ug/kg/h', 300],
    [98.6, '[degF]', 'Cel', 37], // offset scale: °C = (°F − 32) × 5/9
    [25, 'Cel', 'K', 298.15],
    [-40, '[degF]', 'Cel', -40],
    [1000, '[iU]/h', '[iU]/min', 1000 / 60], // arbitrary units cancel on both sides
    [25000, 'units', '[iU]', 25000],
  ])('%s %s → %s', (v, from, to, expected) => {
    expect(convertUnits(v, from, to)).toBeCloseTo(expected, 9);
  });

  it('names the field on incompatible or unknown units', () => {
    expect(() => convertUnits(1, 'mg', 'mL', 'dose')).toThrow(CalcError);
    try {
      convertUnits(1, 'furlongs', 'kg', 'weight');
    } catch (e) {
      expect((e as CalcError).field).toBe('weight');
    }
    expect(() => convertUnits(1, '[iU]/mL', 'mg/mL')).toThrow(CalcError);
    expect(() => convertUnits(Number.NaN, 'kg', 'g')).toThrow(CalcError);
  });

  it('refuses to cancel arbitrary units in different positions', () => {
    expect(isConvertible('[iU]/mL', 'mL/[iU]')).toBe(false);
  });

  it('round-trips every cached pair (property)', () => {
    const pairs: [string, string][] = [
      ['kg', '[lb_av]'],
      ['cm', '[in_i]'],
      ['Cel', '[degF]'],
      ['mg/dL', 'g/L'],
      ['ug/kg/min', 'mg/kg/h'],
      ['mL/h', 'L/d'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e6, max: 1e6, noNaN: true }), ([a, b], v) => {
        const back = convertUnits(convertUnits(v, a, b), b, a);
        expect(back).toBeCloseTo(v, 6);
      }),
    );
  });
});

describe('normalizeUnit', () => {
  it.each([
    ['mcg/kg/min', 'ug/kg/min'],
    ['lb', '[lb_av]'],
    ['units/h', '[iU]/h'],
    ['mEq/L', 'meq/L'],
    ['mL/hr', 'mL/h'],
    ['gtt/min', '[drp]/min'],
    ['°F', '[degF]'],
    ['mg/m²', 'mg/m2'],
  ])('%s → %s', (a, b) => expect(normalizeUnit(a)).toBe(b));
});

describe('parseQuantity', () => {
  it.each([
    ['87 kg', 87, 'kg'],
    ['87kg', 87, 'kg'],
    ['1.39 mg/dL', 1.39, 'mg/dL'],
    ['5 [lb_av]', 5, '[lb_av]'],
    ['25,000 units', 25000, '[iU]'],
    ['.5 mg', 0.5, 'mg'],
    ['1e3 mg', 1000, 'mg'],
    ['5\'10"', 70, '[in_i]'],
    ['5 ft 10 in', 70, '[in_i]'],
  ])('%s', (raw, value, unit) => {
    expect(parseQuantity(raw, 'x')).toEqual({ value, unit });
  });

  it('uses the default unit for bare numbers and errors without one', () => {
    expect(parseQuantity(87, 'weight', 'kg')).toEqual({ value: 87, unit: 'kg' });
    expect(parseQuantity('87', 'weight', 'kg')).toEqual({ value: 87, unit: 'kg' });
    expect(() => parseQuantity('87', 'weight')).toThrow(/missing unit/);
    expect(() => parseQuantity('heavy', 'weight', 'kg')).toThrow(CalcError);
    expect(() => parseQuantity(Number.POSITIVE_INFINITY, 'weight', 'kg')).toThrow(CalcError);
  });

  it('never throws anything but CalcError and never yields NaN (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const v = quantityIn(s, 'kg', 'weight', 'kg');
          expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});
