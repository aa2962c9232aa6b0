// DEA registration number: 2 letters + 7 digits, the 7th a check digit
// (d1+d3+d5) + 2·(d2+d4+d6), last digit (domain-rules.md §1 "DEA registration number" [S19][S20]).
// Second character: first letter of the registrant's last name, or '9' for registrants that use
// a business name (DEA Registration Record Layout; Wikipedia "DEA number").
//
// First letter (registrant type): DEA's own Registration Record Layout (rev. 2017) lists
// A/B/F/G (pharmacy, hospital/clinic, practitioner, teaching institution), M (mid-level
// practitioner), P/R (manufacturer … narcotic treatment program); X was issued to
// DATA-waived buprenorphine prescribers until the waiver ended in 2023. Secondary sources
// (Wikipedia) list the business-activity letters C D E H J K L N S T U as well. We accept the
// union by default and the DEA-layout set with { strictRegistrantType: true }.

export const DEA_LAYOUT_LETTERS = 'ABFGMPRX';
export const DEA_REGISTRANT_LETTERS = 'ABCDEFGHJKLMNPRSTUX';

export type DeaErrorCode =
  | 'not-a-string'
  | 'bad-format'
  | 'bad-registrant-type'
  | 'last-name-mismatch'
  | 'bad-check-digit';

export interface DeaError {
  field: 'dea';
  code: DeaErrorCode;
  reason: string;
}

export type DeaResult =
  | { ok: true; dea: string; registrantType: string; businessName: boolean; suffix?: string }
  | { ok: false; error: DeaError };

export interface DeaOptions {
  /** Prescriber's last name; when given, the 2nd character must be its first letter (or '9'). */
  lastName?: string;
  strictRegistrantType?: boolean;
}

export function deaCheckDigit(base6: string): number | undefined {
  if (typeof base6 !== 'string' || !/^\d{6}$/.test(base6)) return undefined;
  const d = [...base6].map(Number) as [number, number, number, number, number, number];
  return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
}

const fail = (code: DeaErrorCode, reason: string): DeaResult => ({
  ok: false,
  error: { field: 'dea', code, reason },
});

export function validateDea(input: string, opts?: DeaOptions): DeaResult {
  if (typeof input !== 'string') return fail('not-a-string', 'DEA number must be a string');
  // Supervised prescribers may append "-<id>" to the institution's number (e.g. F91234563-001AB).
  const m = /^([A-Z])([A-Z9])(\d{7})(?:-([A-Z0-9]{1,10}))?$/.exec(input.trim().toUpperCase());
  if (!m) return fail('bad-format', 'DEA number is 2 letters (or letter + 9) followed by 7 digits');
  const [, type = '', second = '', digits = '', suffix] = m;
  const allowed = opts?.strictRegistrantType ? DEA_LAYOUT_LETTERS : DEA_REGISTRANT_LETTERS;
  if (!allowed.includes(type))
    return fail('bad-registrant-type', `first letter ${type} is not a DEA registrant type`);
  const lastName = typeof opts?.lastName === 'string' ? opts.lastName : '';
  const initial = lastName.trim().toUpperCase().match(/[A-Z]/)?.[0];
  if (initial && second !== '9' && second !== initial) {
    return fail('last-name-mismatch', `second letter ${second} does not match last name initial ${initial}`);
  }
  const want = deaCheckDigit(digits.slice(0, 6));
  if (want !== Number(digits[6]))
    return fail('bad-check-digit', `check digit is ${digits[6]}, expected ${want}`);
  const res: DeaResult = {
    ok: true,
    dea: `${type}${second}${digits}`,
    registrantType: type,
    businessName: second === '9',
  };
  if (suffix) res.suffix = suffix;
  return res;
}

export function isValidDea(input: string, opts?: DeaOptions): boolean {
  return validateDea(input, opts).ok;
}

/**
 * A check-digit-valid DEA number from a 2-character prefix and 6 digits, FOR TESTS AND DEMO
 * DATA ONLY: it may match a real registration, so records made with it must be marked as test.
 */
export function makeTestDea(prefix2: string, base6: string): DeaResult {
  const digit = deaCheckDigit(base6);
  if (typeof prefix2 !== 'string' || digit === undefined)
    return fail('bad-format', 'need a 2-character prefix and 6 digits');
  return validateDea(`${prefix2}${base6}${digit}`);
}
