import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeImpliedDecimal,
  decodeSignedOverpunch,
  encodeImpliedDecimal,
  encodeSignedOverpunch,
  formatCents,
} from './overpunch';

describe('signed overpunch (s9(n)v99 money fields)', () => {
  it('decodes the CMS Overpunch Character Map worked examples', () => {
    // CMS/CSSC "Overpunch Character Map": 00000000035A = $3.51 (positive), 00000000035P = -$3.57.
    expect(decodeSignedOverpunch('00000000035A')).toBe(351);
    expect(decodeSignedOverpunch('00000000035P')).toBe(-357);
  });

  it('decodes the examples of the Rust overpunch crate tests', () => {
    expect(decodeSignedOverpunch('2258{')).toBe(22580); // 225.80 in s9(7)v99
    expect(decodeSignedOverpunch('12345G')).toBe(123457); // 1234.57
    expect(decodeSignedOverpunch('{')).toBe(0);
    expect(decodeSignedOverpunch('}')).toBe(0); // "-0" is reported as 0
    expect(decodeSignedOverpunch('N')).toBe(-5); // -0.05
  });

  it('reads the amounts of the transactrx/ncpdpscript sample claim', () => {
    // D9A, DC400{, E3400{, DQ400A, DU800A: 0.01 + 40.00 + 40.00 = 80.01 gross, U&C 40.01.
    expect(decodeSignedOverpunch('A')).toBe(1);
    expect(decodeSignedOverpunch('400{')).toBe(4000);
    expect(decodeSignedOverpunch('400A')).toBe(4001);
    expect(decodeSignedOverpunch('800A')).toBe(8001);
  });

  it('maps every last digit to its positive and negative character', () => {
    const positive = '{ABCDEFGHI';
    const negative = '}JKLMNOPQR';
    for (let d = 0; d <= 9; d++) {
      expect(encodeSignedOverpunch(120 + d)).toBe(`12${positive[d]}`);
      expect(encodeSignedOverpunch(-(120 + d))).toBe(`12${negative[d]}`);
      expect(decodeSignedOverpunch(`12${positive[d]}`)).toBe(120 + d);
      expect(decodeSignedOverpunch(`12${negative[d]}`)).toBe(-(120 + d));
    }
  });

  it('writes the shortest form and reads plain digits as positive', () => {
    expect(encodeSignedOverpunch(0)).toBe('{');
    expect(encodeSignedOverpunch(4000)).toBe('400{');
    expect(encodeSignedOverpunch(-357)).toBe('35P');
    expect(decodeSignedOverpunch('4000')).toBe(4000);
  });

  it('rejects text that is not a signed number', () => {
    for (const bad of ['', '12.50', '-125', '1{2', 'X', '1 2', `1${'0'.repeat(15)}`]) {
      expect(decodeSignedOverpunch(bad)).toBeUndefined();
    }
    expect(() => encodeSignedOverpunch(1.5)).toThrow(RangeError);
  });

  it('round-trips every safe integer amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), (cents) => {
        expect(decodeSignedOverpunch(encodeSignedOverpunch(cents))).toBe(cents);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = decodeSignedOverpunch(s);
        expect(v === undefined || Number.isSafeInteger(v)).toBe(true);
      }),
    );
  });
});

describe('implied-decimal quantities (9(7)v999)', () => {
  it('decodes the Rust overpunch crate examples', () => {
    expect(decodeImpliedDecimal('30000', 3)).toBe(30);
    expect(decodeImpliedDecimal('180592', 3)).toBe(180.592);
    expect(decodeImpliedDecimal('3000{', 3)).toBe(30); // the crate writes quantities with overpunch too
  });

  it('writes plain digits and refuses negatives or a 4th decimal', () => {
    expect(encodeImpliedDecimal(30, 3)).toBe('30000');
    expect(encodeImpliedDecimal(10.2, 3)).toBe('10200');
    expect(encodeImpliedDecimal(-1, 3)).toBeUndefined();
    expect(encodeImpliedDecimal(1.0005, 3)).toBeUndefined();
    expect(decodeImpliedDecimal('100J', 3)).toBeUndefined();
    expect(decodeImpliedDecimal('100}', 3)).toBeUndefined();
  });

  it('round-trips quantities with up to 3 decimals', () => {
    fc.assert(
      fc.property(fc.nat(9_999_999_999), (thousandths) => {
        const q = thousandths / 1000;
        expect(decodeImpliedDecimal(encodeImpliedDecimal(q, 3) as string, 3)).toBe(q);
      }),
    );
  });
});

describe('formatCents', () => {
  it('formats cents as dollars', () => {
    expect(formatCents(351)).toBe('3.51');
    expect(formatCents(-357)).toBe('-3.57');
    expect(formatCents(5)).toBe('0.05');
  });
});
