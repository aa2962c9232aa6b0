// Numeric field formats of NCPDP Telecommunication D.0.
//
// Signed amounts (data dictionary format s9(n)v99, e.g. 409-D9 Ingredient Cost Submitted, 505-F5
// Patient Pay Amount) carry an implied decimal point and "signed overpunch": the last digit is replaced
// by a character that holds both the digit and the sign. Positive: '{' = 0, 'A'..'I' = 1..9;
// negative: '}' = 0, 'J'..'R' = 1..9. Source: CMS/CSSC "Overpunch Character Map" (PDE format,
// tpadministrator.com), worked examples 00000000035A = $3.51 and 00000000035P = -$3.57; the same table
// is implemented by transactrx/ncpdpscript (scriptparser/ncpdpscript.go). A plain last digit is read
// as positive, which some senders use.
//
// Quantities (format 9(7)v999, e.g. 442-E7 Quantity Dispensed) are unsigned with three implied
// decimals: "30000" = 30.000, "180592" = 180.592 (examples from the Rust `overpunch` crate tests).
// We write plain digits; on input a positive overpunch last character is also accepted.

const POSITIVE = '{ABCDEFGHI';
const NEGATIVE = '}JKLMNOPQR';
/** Longest digit string we accept: keeps every value a safe integer. */
const MAX_DIGITS = 15;

/** Integer units (cents for money) → overpunch text, shortest form ("{" for 0, "A" for 1, "400{" for 4000). */
export function encodeSignedOverpunch(units: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`overpunch needs a safe integer, got ${units}`);
  const digits = String(Math.abs(units));
  const last = digits.charCodeAt(digits.length - 1) - 48;
  return digits.slice(0, -1) + (units < 0 ? NEGATIVE[last] : POSITIVE[last]);
}

/** Overpunch (or plain digit) text → integer units; undefined when the text is not a signed number. */
export function decodeSignedOverpunch(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > MAX_DIGITS) return undefined;
  let value = 0;
  for (let i = 0; i < n - 1; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  const lastCode = text.charCodeAt(n - 1);
  let negative = false;
  let d = lastCode - 48;
  if (d < 0 || d > 9) {
    const ch = text[n - 1] as string;
    d = POSITIVE.indexOf(ch);
    if (d < 0) {
      d = NEGATIVE.indexOf(ch);
      if (d < 0) return undefined;
      negative = true;
    }
  }
  value = value * 10 + d;
  // '}' with all-zero digits is "-0": report 0 so values compare equal.
  return negative && value !== 0 ? -value : value;
}

/** Decimal number with `scale` implied decimals → integer units, or undefined if it needs more decimals. */
export function toScaledUnits(value: number, scale: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const factor = 10 ** scale;
  const units = Math.round(value * factor);
  if (!Number.isSafeInteger(units) || units / factor !== value) return undefined;
  return units;
}

/** Unsigned implied-decimal text (9(7)v999) → number; accepts a positive overpunch last character. */
export function decodeImpliedDecimal(text: string, scale: number): number | undefined {
  const units = decodeSignedOverpunch(text);
  if (units === undefined || units < 0 || text.endsWith('}')) return undefined;
  return units / 10 ** scale;
}

/** Number → unsigned implied-decimal digits (no padding). Undefined when negative or too precise. */
export function encodeImpliedDecimal(value: number, scale: number): string | undefined {
  if (value < 0) return undefined;
  const units = toScaledUnits(value, scale);
  return units === undefined ? undefined : String(units);
}

/** Cents → "12.34" / "-0.05" for display and logs. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
