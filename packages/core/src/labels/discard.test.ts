import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discardAfterDate, parseExpiry } from './discard';
import { LabelError } from './types';

// Worked example of the USP rule as quoted by Drug Topics ("one year from the date of dispensing or the
// expiration date on the manufacturer's container, whichever is earlier").
describe('discardAfterDate', () => {
  it('is one year from fill when the manufacturer expiry is later', () => {
    expect(discardAfterDate('2025-03-14', '2027-06')).toEqual({
      date: '2026-03-14',
      basis: 'months-from-fill',
      source: expect.stringContaining('USP <1191>'),
    });
    expect(discardAfterDate('2025-03-14').date).toBe('2026-03-14');
  });

  it('is the manufacturer expiry when earlier; a month-year expiry means the month’s last day', () => {
    expect(discardAfterDate('2025-03-14', '2025-09')).toMatchObject({
      date: '2025-09-30',
      basis: 'manufacturer-expiry',
    });
    expect(discardAfterDate('2025-03-14', '2025-08-15').date).toBe('2025-08-15');
    expect(parseExpiry('2024-02').toISOString().slice(0, 10)).toBe('2024-02-29');
  });

  it('clamps a leap day and honours a configured period', () => {
    expect(discardAfterDate('2024-02-29').date).toBe('2025-02-28');
    expect(discardAfterDate('2025-01-31', null, { months: 6 }).date).toBe('2025-07-31');
  });

  it('lets a shorter in-use stability win (reconstituted amoxicillin-clavulanate: 10 days)', () => {
    expect(discardAfterDate('2025-12-28', '2027-01', { stabilityDays: 10 })).toMatchObject({
      date: '2026-01-07',
      basis: 'stability',
    });
  });

  it('rejects bad input with a typed error naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LabelError);
        return (e as LabelError).field;
      }
      return 'no error';
    };
    expect(field(() => discardAfterDate('2025-02-30'))).toBe('fillDate');
    expect(field(() => discardAfterDate('03/14/2025'))).toBe('fillDate');
    expect(field(() => discardAfterDate('2025-03-14', '2025-13'))).toBe('expiry');
    expect(field(() => discardAfterDate('2025-03-14', '2024-12-31'))).toBe('expiry');
    expect(field(() => discardAfterDate('2025-03-14', null, { months: 0 }))).toBe('months');
    expect(field(() => discardAfterDate('2025-03-14', null, { stabilityDays: 1.5 }))).toBe('stabilityDays');
  });

  it('is never before the fill date nor later than a year after it (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 2000 }),
        (d, expiryOffset) => {
          const fill = d.toISOString().slice(0, 10);
          const expiry = new Date(d.getTime() + expiryOffset * 86_400_000).toISOString().slice(0, 10);
          const out = discardAfterDate(fill, expiry);
          expect(out.date >= fill).toBe(true);
          expect(out.date <= expiry).toBe(true);
          const yearLater = `${Number(fill.slice(0, 4)) + 1}${fill.slice(4)}`;
          expect(out.date <= yearLater).toBe(true);
        },
      ),
    );
  });
});
