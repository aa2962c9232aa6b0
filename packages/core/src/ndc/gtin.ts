// GS1 check digits and NDC-based GTINs.
// GS1 General Specifications §7.9.1 (standard check digit calculation): weights 3 and 1
// alternate from the rightmost data digit (which gets 3); check = (10 - sum mod 10) mod 10.
// An NDC sits in a GTIN behind the GS1 US prefix "03": UPC-A = 3 + NDC10 + check,
// GTIN-14 = indicator + 0 + 3 + NDC10 + check (domain-rules.md §3 [S27][S28][S29]).
import {
  candidateFromDigits10,
  candidatesFromDigits10,
  err,
  type NdcCandidate,
  type NdcError,
  type NdcLayout,
} from './layout';

const DIGITS = /^\d+$/;

/** Check digit for the given data digits (without the check digit). Undefined if not all digits. */
export function gs1CheckDigit(digits: string): number | undefined {
  if (typeof digits !== 'string' || !DIGITS.test(digits)) return undefined;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the string is a GTIN-8/12/13/14 with a correct check digit. */
export function isValidGtin(gtin: string): boolean {
  if (typeof gtin !== 'string' || !DIGITS.test(gtin)) return false;
  if (![8, 12, 13, 14].includes(gtin.length)) return false;
  return gs1CheckDigit(gtin.slice(0, -1)) === Number(gtin.slice(-1));
}

/** Left-pads a GTIN-12/13/14 to 14 digits (GS1 GenSpecs §3.3.2: GTIN-14 data structure). */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}

export type GtinResult = { ok: true; gtin14: string } | { ok: false; error: NdcError };

/**
 * 10-digit NDC (dashed or bare) → GTIN-14. Indicator 0 is the base unit; 1–8 mark higher
 * packaging levels (DSCSA DataMatrix, [S29]). 9 is reserved for variable-measure items.
 */
export function ndc10ToGtin14(ndc10: string, indicator = 0): GtinResult {
  if (typeof ndc10 !== 'string') return err('not-a-string', 'NDC must be a string');
  const digits = ndc10.replace(/-/g, '');
  if (!DIGITS.test(digits) || digits.length !== 10) return err('bad-length', 'expected a 10-digit NDC');
  if (!Number.isInteger(indicator) || indicator < 0 || indicator > 8) {
    return err('bad-indicator', 'indicator digit must be 0–8 (9 means variable measure)');
  }
  const body = `${indicator}03${digits}`;
  return { ok: true, gtin14: body + String(gs1CheckDigit(body)) };
}

export interface GtinNdc {
  ok: true;
  gtin14: string;
  indicator: number;
  /** The 10 NDC digits inside the GTIN; the layout is not recorded in the barcode. */
  ndc10Digits: string;
  candidates: NdcCandidate[];
}

export type GtinNdcResult = GtinNdc | { ok: false; error: NdcError };

/** GTIN-12/13/14 → the embedded NDC digits and the three layout readings. */
export function gtin14ToNdc10(gtin: string): GtinNdcResult {
  if (typeof gtin !== 'string') return err('not-a-string', 'GTIN must be a string');
  const g = gtin.trim();
  if (!DIGITS.test(g) || ![12, 13, 14].includes(g.length)) {
    return err('bad-length', 'expected a 12, 13 or 14 digit GTIN');
  }
  if (!isValidGtin(g))
    return err('bad-check-digit', `GS1 check digit should be ${gs1CheckDigit(g.slice(0, -1))}`);
  const g14 = toGtin14(g);
  if (g14.slice(1, 3) !== '03') {
    return err('not-ndc-based', 'GTIN does not carry the NDC prefix 03 after the indicator digit');
  }
  const ndc10Digits = g14.slice(3, 13);
  return {
    ok: true,
    gtin14: g14,
    indicator: Number(g14[0]),
    ndc10Digits,
    candidates: candidatesFromDigits10(ndc10Digits),
  };
}

/** UPC-A (12 digits, number system 3) → the NDC layout readings. */
export function upcAToNdc10Candidates(
  upc: string,
): { ok: true; ndc10Digits: string; candidates: NdcCandidate[] } | { ok: false; error: NdcError } {
  if (typeof upc !== 'string' || !/^\d{12}$/.test(upc.trim())) {
    return err('bad-length', 'UPC-A has exactly 12 digits');
  }
  const u = upc.trim();
  if (u[0] !== '3') return err('not-ndc-based', 'UPC-A number system must be 3 for a drug NDC');
  const r = gtin14ToNdc10(u);
  if (!r.ok) return r;
  return { ok: true, ndc10Digits: r.ndc10Digits, candidates: r.candidates };
}

/** NDC reading resolved against an optional layout hint or resolver callback. */
export interface NdcInfo {
  /** The 10 NDC digits, when known (a bare 11-digit NDC may not determine them). */
  ndc10Digits?: string;
  candidates: NdcCandidate[];
  layout?: NdcLayout;
  ndc10?: string;
  ndc11?: string;
}

/**
 * Picks one reading when the caller can: a fixed layout hint, or a resolver (e.g. a lookup in
 * the product table) that returns the candidate that exists. Pure: the resolver is supplied.
 */
export function resolveNdcDigits(
  ndc10Digits: string,
  opts?: { layout?: NdcLayout; resolveNdc?: (candidates: NdcCandidate[]) => NdcCandidate | undefined },
): NdcInfo {
  const candidates = candidatesFromDigits10(ndc10Digits);
  const info: NdcInfo = { ndc10Digits, candidates };
  let pick: NdcCandidate | undefined;
  if (opts?.layout) pick = candidateFromDigits10(ndc10Digits, opts.layout);
  else if (opts?.resolveNdc) {
    const chosen = opts.resolveNdc(candidates);
    pick = candidates.find((c) => c.layout === chosen?.layout && c.ndc11 === chosen?.ndc11);
  }
  if (pick) {
    info.layout = pick.layout;
    info.ndc10 = pick.ndc10;
    info.ndc11 = pick.ndc11;
  }
  return info;
}
