import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abcClassify,
  countRequirement,
  fromMilli,
  isQuantityError,
  normalizeSchedule,
  privilegeCovers,
  scoreOutliers,
  suggestOrder,
  toMilli,
} from './index';
import { fromX12Date, toX12Date } from './x12codes';

describe('milli-unit quantities', () => {
  it('converts exactly and refuses more than 3 decimals or non-finite numbers', () => {
    expect(toMilli(2.5)).toBe(2500);
    expect(toMilli(0.1)).toBe(100);
    expect(isQuantityError(toMilli(0.0001))).toBe(true);
    expect(isQuantityError(toMilli(Number.NaN))).toBe(true);
    expect(isQuantityError(toMilli(Number.POSITIVE_INFINITY))).toBe(true);
  });
  it('round-trips any 3-decimal quantity (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (m) => toMilli(fromMilli(m)) === m));
  });
});

describe('schedules and privileges', () => {
  it('normalizes the spellings used by FDA, NCPDP and people', () => {
    expect(['CII', 'C-II', 'II', '2', 'schedule ii'].map(normalizeSchedule)).toEqual([
      'CII',
      'CII',
      'CII',
      'CII',
      'CII',
    ]);
    expect(normalizeSchedule('CIV')).toBe('CIV');
    expect(normalizeSchedule('')).toBeNull();
    expect(normalizeSchedule('X')).toBeNull();
  });
  it('CII needs CII-V privilege; CIII–V accept either CS privilege; CI never', () => {
    expect(privilegeCovers('CIII-V', 'CII')).toBe(false);
    expect(privilegeCovers('CII-V', 'CII')).toBe(true);
    expect(privilegeCovers('CIII-V', 'CIV')).toBe(true);
    expect(privilegeCovers('none', 'CV')).toBe(false);
    expect(privilegeCovers('none', null)).toBe(true);
    expect(privilegeCovers('CII-V', 'CI')).toBe(false);
  });
  it('21 CFR 1304.11(e)(3): exact for CII; estimate for CIII–V unless the container holds over 1,000 units', () => {
    expect(countRequirement('CII', 10)).toBe('exact');
    expect(countRequirement('CIV', 1000)).toBe('estimate_allowed');
    expect(countRequirement('CIV', 1001)).toBe('exact');
    expect(countRequirement('CIII', 0)).toBe('estimate_allowed');
  });
});

describe('suggested order (reorder point = use over lead time + safety stock)', () => {
  it('worked example: 10/day, 3-day lead, 4 safety days, 10 on hand → order up to 100 in packages of 100', () => {
    expect(
      suggestOrder({
        onHand: 10,
        onOrder: 0,
        averageDailyUse: 10,
        leadTimeDays: 3,
        safetyDays: 4,
        packageQty: 100,
      }),
    ).toEqual({ reorderPoint: 70, orderUpTo: 100, packages: 1, units: 100 });
  });
  it('orders nothing above the reorder point, and orders up to par max when set', () => {
    expect(
      suggestOrder({
        onHand: 80,
        onOrder: 0,
        averageDailyUse: 10,
        leadTimeDays: 3,
        safetyDays: 4,
        packageQty: 30,
      }).packages,
    ).toBe(0);
    expect(
      suggestOrder({
        onHand: 0,
        onOrder: 0,
        averageDailyUse: 0,
        leadTimeDays: 3,
        safetyDays: 4,
        packageQty: 30,
        min: 20,
        max: 95,
      }),
    ).toMatchObject({ reorderPoint: 20, orderUpTo: 95, packages: 4, units: 120 });
  });
  it('property: never NaN, whole packages, and after ordering the position reaches the order-up-to level', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: false });
    fc.assert(
      fc.property(n, n, n, n, n, n, (onHand, onOrder, adu, lead, safety, pkg) => {
        const s = suggestOrder({
          onHand,
          onOrder,
          averageDailyUse: adu,
          leadTimeDays: lead,
          safetyDays: safety,
          packageQty: pkg,
        });
        for (const v of Object.values(s)) expect(Number.isFinite(v)).toBe(true);
        expect(Number.isInteger(s.packages)).toBe(true);
        const position =
          (Number.isFinite(onHand) ? onHand : 0) + (Number.isFinite(onOrder) && onOrder > 0 ? onOrder : 0);
        if (s.packages > 0) expect(position + s.units).toBeGreaterThanOrEqual(s.orderUpTo - 1e-6);
      }),
    );
  });
  it('ABC: top 80 % of value is A, next 15 % B, rest C', () => {
    const m = abcClassify(
      new Map([
        ['a', 700],
        ['b', 150],
        ['c', 100],
        ['d', 30],
        ['e', 20],
      ]),
    );
    expect([...m]).toEqual([
      ['a', 'A'],
      ['b', 'A'],
      ['c', 'B'],
      ['d', 'C'],
      ['e', 'C'],
    ]);
  });
});

describe('peer outliers', () => {
  it('modified z-score (Iglewicz & Hoaglin 1993) flags a user the classic z-score misses in a small group', () => {
    const vals = [0, 0.05, 0.1, 0.05, 0.1, 0.5].map((value, i) => ({ key: `u${i}`, value }));
    const s = scoreOutliers(vals);
    // median 0.075, MAD 0.025 → M = 0.6745 × 0.425 / 0.025 = 11.47
    expect(s[5]?.robustZ).toBeCloseTo(11.4665, 3);
    expect(s[5]?.outlier).toBe(true);
    expect(s[5]?.z).toBeLessThan(3);
    expect(s.filter((x) => x.outlier)).toHaveLength(1);
  });
  it('falls back to the mean absolute deviation when MAD is 0', () => {
    const s = scoreOutliers([1, 1, 1, 1, 1, 1, 9].map((value, i) => ({ key: `u${i}`, value })));
    expect(s[6]?.outlier).toBe(true);
    expect(s.slice(0, 6).every((x) => !x.outlier)).toBe(true);
  });
  it('property: never NaN/Infinity and never flags fewer than minPeers users', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 30 }), (xs) => {
        const s = scoreOutliers(xs.map((value, i) => ({ key: String(i), value })));
        for (const r of s)
          for (const v of [r.z, r.robustZ]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        if (xs.length < 3) expect(s.some((r) => r.outlier)).toBe(false);
      }),
    );
  });
});

describe('X12 dates', () => {
  it('formats CCYYMMDD and reads it back; rejects impossible dates', () => {
    expect(toX12Date('2026-05-01T12:00:00.000Z')).toBe('20260501');
    expect(fromX12Date('20290131')).toBe('2029-01-31');
    expect(fromX12Date('290131')).toBe('2029-01-31');
    expect(fromX12Date('20290231')).toBeUndefined();
    expect(fromX12Date('abc')).toBeUndefined();
  });
});
