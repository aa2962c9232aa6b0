import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, bud795, bud797, rxExpiry } from './dates';
import { CalcError } from './errors';
import { runCalculation } from './registry';

// USP <797> and <795> (official 2023-11-01) as recorded in docs/domain-rules §7.
describe('USP <797> BUD', () => {
  it.each([
    [1, 'room', 'aseptic-sterile-components', false, 12],
    [1, 'refrigerator', 'aseptic-sterile-components', false, 24],
    [2, 'room', 'aseptic-sterile-components', false, 4 * 24],
    [2, 'refrigerator', 'aseptic-sterile-components', false, 10 * 24],
    [2, 'freezer', 'aseptic-sterile-components', false, 45 * 24],
    [3, 'room', 'aseptic-sterile-components', true, 60 * 24],
    [3, 'refrigerator', 'aseptic-sterile-components', true, 90 * 24],
    [3, 'freezer', 'aseptic-sterile-components', true, 120 * 24],
    [3, 'room', 'terminally-sterilized', true, 90 * 24],
    [3, 'refrigerator', 'terminally-sterilized', true, 120 * 24],
    [3, 'freezer', 'terminally-sterilized', true, 180 * 24],
  ] as const)('Category %s, %s, %s, sterility tested %s → %s h', (cat, storage, prep, tested, hours) => {
    expect(bud797(cat, storage, prep, tested).hours).toBe(hours);
  });

  it('refuses rows that are not encoded and impossible combinations, naming the field', () => {
    expect(() => bud797(1, 'freezer', 'aseptic-sterile-components', false)).toThrow(
      expect.objectContaining({ field: 'storage' }),
    );
    expect(() => bud797(3, 'room', 'aseptic-sterile-components', false)).toThrow(
      expect.objectContaining({ field: 'sterilityTested' }),
    );
    expect(() => bud797(2, 'room', 'terminally-sterilized', false)).toThrow(
      expect.objectContaining({ field: 'preparation' }),
    );
  });

  it('applies the limit to the compounding time; stability and component expiry can shorten it', () => {
    const r = runCalculation('bud-797', { category: '1', storage: 'room', compounded: '2024-05-01T10:30' });
    expect(r.value).toBe('2024-05-01T22:30:00.000Z');
    const s = runCalculation('bud-797', {
      category: '2',
      storage: 'refrigerator',
      compounded: '2024-05-01T10:00',
      stabilityDays: 7,
    });
    expect(s.value).toBe('2024-05-08T10:00:00.000Z');
    expect(s.extra?.rule).toMatch(/stability/);
    const e = runCalculation('bud-797', {
      category: '2',
      storage: 'freezer',
      compounded: '2024-05-01',
      earliestExpiry: '2024-05-20',
    });
    expect(e.value).toBe('2024-05-20T00:00:00.000Z');
  });
});

describe('USP <795> BUD', () => {
  it.each([
    ['aqueous', false, 'refrigerator', 14],
    ['aqueous', true, 'room', 35],
    ['nonaqueous-oral-liquid', false, 'room', 90],
    ['nonaqueous-other', false, 'room', 180],
    ['solid', false, 'refrigerator', 180],
  ] as const)('%s (preserved %s, %s) → %s days', (type, preserved, storage, days) => {
    expect(bud795(type, preserved, storage).hours).toBe(days * 24);
  });
  it('non-preserved aqueous must be refrigerated', () => {
    expect(() => bud795('aqueous', false, 'room')).toThrow(CalcError);
  });
  it('gives the calendar date', () => {
    expect(runCalculation('bud-795', { type: 'aqueous', compounded: '2024-02-20' }).value).toBe('2024-03-05');
  });
});

describe('prescription expiry', () => {
  it('CIII–CIV: 6 months after issue (21 CFR 1306.22(a)), clamped to month end', () => {
    expect(rxExpiry(new Date('2024-01-15T00:00:00Z'), 'CIV').expires?.toISOString().slice(0, 10)).toBe(
      '2024-07-15',
    );
    expect(runCalculation('rx-expiry', { issued: '2024-08-31', schedule: 'CIII' }).value).toBe('2025-02-28');
    expect(runCalculation('rx-expiry', { issued: '2023-08-31', schedule: 'CIII' }).value).toBe('2024-02-29');
  });
  it('non-controlled and CII follow the state limit when given', () => {
    expect(
      runCalculation('rx-expiry', { issued: '2024-02-29', schedule: 'none', stateMonths: 12 }).value,
    ).toBe('2025-02-28');
    expect(runCalculation('rx-expiry', { issued: '2024-02-29', schedule: 'CII' }).value).toBe(
      'no federal limit',
    );
  });
  it('rejects impossible dates naming the field', () => {
    expect(() => runCalculation('rx-expiry', { issued: '2023-02-29', schedule: 'none' })).toThrow(
      expect.objectContaining({ field: 'issued' }),
    );
    expect(() => runCalculation('rx-expiry', { issued: 'yesterday', schedule: 'none' })).toThrow(
      expect.objectContaining({ field: 'issued' }),
    );
  });
  it('addMonths never overflows into the next month (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        (d, m) => {
          const r = addMonths(d, m);
          const expectedMonth = (d.getUTCMonth() + m) % 12;
          expect(r.getUTCMonth()).toBe(expectedMonth);
          expect(r.getUTCDate()).toBeLessThanOrEqual(d.getUTCDate());
        },
      ),
    );
  });
});
