// Field text ↔ typed value for each FieldKind (see schema.ts). Decoding never throws: it returns
// INVALID and `invalidReason` explains why, only computed on the error path.

import {
  decodeImpliedDecimal,
  decodeSignedOverpunch,
  encodeSignedOverpunch,
  toScaledUnits,
} from './overpunch';
import type { FieldKind } from './schema';

export const INVALID: unique symbol = Symbol('invalid');

const MAX_INT_DIGITS = 9;
const MAX_INT = 10 ** MAX_INT_DIGITS;
/** Counts, days' supply and fill numbers are small: their text is looked up instead of converted. */
const SMALL_INTS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
/** Numeric fields hold at most 15 digits (the overpunch decoder's limit), so every value is a safe integer. */
const MAX_UNITS = 1e15;

export function isDigits(text: string, min = 1, max = Number.MAX_SAFE_INTEGER): boolean {
  if (text.length < min || text.length > max) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** CCYYMMDD that names a real calendar day. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCcyymmdd(text: string): boolean {
  if (!isDigits(text, 8, 8)) return false;
  const y =
    (text.charCodeAt(0) - 48) * 1000 +
    (text.charCodeAt(1) - 48) * 100 +
    (text.charCodeAt(2) - 48) * 10 +
    text.charCodeAt(3) -
    48;
  const m = (text.charCodeAt(4) - 48) * 10 + text.charCodeAt(5) - 48;
  const d = (text.charCodeAt(6) - 48) * 10 + text.charCodeAt(7) - 48;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number));
}

export function decodeValue(kind: FieldKind, text: string): unknown {
  switch (kind) {
    case 'an':
      return text;
    case 'int':
      return isDigits(text, 1, MAX_INT_DIGITS) ? Number(text) : INVALID;
    case 'money':
      return decodeSignedOverpunch(text) ?? INVALID;
    case 'qty':
      return decodeImpliedDecimal(text, 3) ?? INVALID;
    case 'rate': {
      const units = decodeSignedOverpunch(text);
      return units === undefined ? INVALID : units / 10_000;
    }
    case 'date':
      return isCcyymmdd(text) ? text : INVALID;
  }
}

export function invalidReason(kind: FieldKind, text: string): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  switch (kind) {
    case 'int':
      return `expected 1-${MAX_INT_DIGITS} digits, got ${shown}`;
    case 'money':
      return `expected a signed overpunch amount (digits, last one may be {A-I or }J-R), got ${shown}`;
    case 'qty':
      return `expected an unsigned quantity with 3 implied decimals (9(7)v999), got ${shown}`;
    case 'rate':
      return `expected a signed overpunch rate with 4 implied decimals, got ${shown}`;
    case 'date':
      return `expected a calendar date CCYYMMDD, got ${shown}`;
    default:
      return `invalid value ${shown}`;
  }
}

/** Typed value → field text, or undefined when it cannot be written (see encodeProblem). */
export function encodeValue(kind: FieldKind, value: unknown): string | undefined {
  switch (kind) {
    case 'an':
      return typeof value === 'string' ? value : undefined;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value >= MAX_INT)
        return undefined;
      return value < SMALL_INTS.length ? (SMALL_INTS[value] as string) : String(value);
    case 'money':
      return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < MAX_UNITS
        ? encodeSignedOverpunch(value)
        : undefined;
    case 'qty': {
      const units = typeof value === 'number' && value >= 0 ? toScaledUnits(value, 3) : undefined;
      return units === undefined || units >= MAX_UNITS ? undefined : String(units);
    }
    case 'rate': {
      const units = typeof value === 'number' ? toScaledUnits(value, 4) : undefined;
      return units === undefined || Math.abs(units) >= MAX_UNITS ? undefined : encodeSignedOverpunch(units);
    }
    case 'date':
      return typeof value === 'string' && isCcyymmdd(value) ? value : undefined;
  }
}

/** Why encodeValue refused a value. */
export function encodeProblem(kind: FieldKind): string {
  switch (kind) {
    case 'an':
      return 'expected a string';
    case 'int':
      return `expected a whole number 0…${10 ** MAX_INT_DIGITS - 1}`;
    case 'money':
      return 'expected an integer number of cents (at most 15 digits)';
    case 'qty':
      return 'expected a quantity ≥ 0 with at most 3 decimals';
    case 'rate':
      return 'expected a rate with at most 4 decimals';
    case 'date':
      return 'expected a calendar date CCYYMMDD';
  }
}
