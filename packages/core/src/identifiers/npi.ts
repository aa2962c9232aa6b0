// National Provider Identifier. CMS "NPI check digit" spec (domain-rules.md §2 [S21][S22][S93]):
// 10 digits, the last an ISO/IEC 7812 Luhn check digit computed as if the card-issuer prefix
// 80840 stood in front; without the prefix, add the constant 24. NPIs start with 1 or 2.

export type NpiErrorCode =
  | 'not-a-string'
  | 'bad-length'
  | 'bad-characters'
  | 'bad-first-digit'
  | 'bad-check-digit';

export interface NpiError {
  field: 'npi';
  code: NpiErrorCode;
  reason: string;
}

export type NpiResult = { ok: true; npi: string } | { ok: false; error: NpiError };

/** Luhn check digit of the 9 base digits, using the 80840 prefix constant 24. */
export function npiCheckDigit(base9: string): number | undefined {
  if (typeof base9 !== 'string' || !/^\d{9}$/.test(base9)) return undefined;
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    // Double every other digit starting from the rightmost base digit.
    const d = base9.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      const x = d * 2;
      sum += x > 9 ? x - 9 : x;
    } else sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const fail = (code: NpiErrorCode, reason: string): NpiResult => ({
  ok: false,
  error: { field: 'npi', code, reason },
});

export function validateNpi(input: string): NpiResult {
  if (typeof input !== 'string') return fail('not-a-string', 'NPI must be a string');
  const npi = input.trim();
  if (!/^\d*$/.test(npi)) return fail('bad-characters', 'NPI must contain digits only');
  if (npi.length !== 10) return fail('bad-length', `NPI has 10 digits, got ${npi.length}`);
  if (npi[0] !== '1' && npi[0] !== '2')
    return fail('bad-first-digit', 'NPIs are issued starting with 1 or 2');
  const want = npiCheckDigit(npi.slice(0, 9));
  if (want !== Number(npi[9])) return fail('bad-check-digit', `check digit is ${npi[9]}, expected ${want}`);
  return { ok: true, npi };
}

export function isValidNpi(input: string): boolean {
  return validateNpi(input).ok;
}

/**
 * A check-digit-valid NPI from 9 base digits, FOR TESTS AND DEMO DATA ONLY: it may belong to a
 * real provider, so callers must label records made with it as test values.
 */
export function makeTestNpi(base9: string): NpiResult {
  const digit = npiCheckDigit(base9);
  if (digit === undefined) return fail('bad-length', 'base must be exactly 9 digits');
  return validateNpi(base9 + String(digit));
}
