import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1Century, parseGs1Date } from './dates';

const at = (y: number) => new Date(Date.UTC(y, 5, 1));

// GS1 General Specifications §7.12: YY − CY in 51…99 → previous century, −99…−50 → next
// century, otherwise the current century. Day 00 → last day of the month (AIs 11–17).
describe('GS1 century rule', () => {
  it.each([
    [2025, 75, 2075], // difference 50: still current century
    [2025, 76, 1976], // difference 51: previous century
    [2025, 0, 2000],
    [2080, 30, 2130], // difference −50: next century
    [2080, 31, 2031], // difference −49: current century
    [1999, 1, 2001],
  ])('in %i, YY=%i is %i', (year, yy, want) => {
    expect(gs1Century(yy, at(year))).toBe(want);
  });

  it('always lands within 49 years back / 50 years ahead of the reference year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 99 }), (y, yy) => {
        const got = gs1Century(yy, at(y));
        return got % 100 === yy && got - y <= 50 && y - got <= 49;
      }),
    );
  });
});

describe('parseGs1Date', () => {
  const ref = at(2025);
  it('day 00 means the last day of the month', () => {
    expect(parseGs1Date('251200', ref, true)).toEqual({ ok: true, iso: '2025-12-31', dayUnspecified: true });
    expect(parseGs1Date('280200', ref, true)).toMatchObject({ iso: '2028-02-29' });
    expect(parseGs1Date('270200', ref, true)).toMatchObject({ iso: '2027-02-28' });
  });
  it('rejects day 00 where the AI does not allow it, and impossible dates', () => {
    expect(parseGs1Date('251200', ref, false).ok).toBe(false);
    expect(parseGs1Date('251301', ref, true)).toMatchObject({ ok: false });
    expect(parseGs1Date('270229', ref, true)).toMatchObject({ ok: false });
    expect(parseGs1Date('2512', ref, true)).toMatchObject({ ok: false });
  });
});
