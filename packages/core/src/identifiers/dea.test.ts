import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deaCheckDigit, isValidDea, makeTestDea, validateDea } from './dea';

// Worked example (domain-rules.md §1 [S19][S20]): AJ5184279 → (5+8+2) + 2·(1+4+7) = 39 → 9.
describe('DEA registration number', () => {
  it('worked example AJ5184279 for Dr Jones', () => {
    expect(deaCheckDigit('518427')).toBe(9);
    expect(validateDea('AJ5184279', { lastName: 'Jones' })).toEqual({
      ok: true,
      dea: 'AJ5184279',
      registrantType: 'A',
      businessName: false,
    });
  });

  it('the other option in the same exercise, BT3452147, fails', () => {
    expect(validateDea('BT3452147')).toMatchObject({
      ok: false,
      error: { field: 'dea', code: 'bad-check-digit' },
    });
    expect(validateDea('BT3452149', { lastName: 'Jones' })).toMatchObject({
      ok: false,
      error: { code: 'last-name-mismatch' },
    });
  });

  it('business-activity numbers use 9 as the second character and skip the name check', () => {
    // "F91234563" is the format illustration in public DEA-number references (Wikipedia).
    expect(validateDea('F91234563', { lastName: 'Smith' })).toMatchObject({ ok: true, businessName: true });
  });

  it('accepts a supervised-prescriber suffix', () => {
    expect(validateDea('F91234563-001AB')).toMatchObject({ ok: true, dea: 'F91234563', suffix: '001AB' });
  });

  it('checks the registrant type letter', () => {
    expect(validateDea('ZJ5184279')).toMatchObject({ ok: false, error: { code: 'bad-registrant-type' } });
    expect(validateDea('CJ5184279').ok).toBe(true);
    expect(validateDea('CJ5184279', { strictRegistrantType: true })).toMatchObject({
      ok: false,
      error: { code: 'bad-registrant-type' },
    });
  });

  it.each(['AJ518427', 'A15184279', 'AJ51842790', ''])('rejects malformed %j', (s) => {
    expect(validateDea(s)).toMatchObject({ ok: false, error: { code: 'bad-format' } });
  });

  it('makeTestDea output validates; changing an odd-position or check digit is caught (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('AB', 'BJ', 'FS', 'MX', 'G9'),
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom(0, 2, 4, 6),
        fc.integer({ min: 1, max: 9 }),
        (prefix, base, pos, delta) => {
          const made = makeTestDea(prefix, base);
          if (!made.ok) return false;
          const digits = made.dea.slice(2);
          const bad =
            digits.slice(0, pos) + String((Number(digits[pos]) + delta) % 10) + digits.slice(pos + 1);
          return isValidDea(made.dea) && !isValidDea(prefix + bad);
        },
      ),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.constant('AJ5184279')), fc.anything(), (x, y) => {
        return typeof validateDea(x as string, { lastName: y as string }).ok === 'boolean';
      }),
    );
  });
});
