import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNpi, makeTestNpi, npiCheckDigit, validateNpi } from './npi';

// Worked example from the CMS check-digit spec as quoted in domain-rules.md §2 [S21][S93]:
// base 155859879 → check digit 7.
describe('NPI', () => {
  it('CMS worked example 1558598797', () => {
    expect(npiCheckDigit('155859879')).toBe(7);
    expect(validateNpi('1558598797')).toEqual({ ok: true, npi: '1558598797' });
  });

  it.each([
    ['1558598798', 'bad-check-digit'],
    ['155859879', 'bad-length'],
    ['155859879X', 'bad-characters'],
    ['3558598797', 'bad-first-digit'],
  ])('%s → %s', (npi, code) => {
    expect(validateNpi(npi)).toMatchObject({ ok: false, error: { field: 'npi', code } });
  });

  it('equals the plain Luhn check over 80840 + base (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[12]\d{8}$/), (base) => {
        const full = `80840${base}`;
        let sum = 0;
        for (let i = 0; i < full.length; i++) {
          const d = Number(full[full.length - 1 - i]);
          sum += i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return npiCheckDigit(base) === (10 - (sum % 10)) % 10;
      }),
    );
  });

  it('makeTestNpi yields valid NPIs and any single-digit change is caught (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[12]\d{8}$/),
        fc.nat(9),
        fc.integer({ min: 1, max: 9 }),
        (base, pos, delta) => {
          const made = makeTestNpi(base);
          if (!made.ok) return false;
          const npi = made.npi;
          const bad = npi.slice(0, pos) + String((Number(npi[pos]) + delta) % 10) + npi.slice(pos + 1);
          return isValidNpi(npi) && !isValidNpi(bad);
        },
      ),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (x) => typeof validateNpi(x as string).ok === 'boolean'));
    expect(makeTestNpi('12')).toMatchObject({ ok: false });
  });
});
