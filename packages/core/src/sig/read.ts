/** Reading numbers and numeric ranges from tokens. */
import type { Token } from './tokens';

export interface NumberRead {
  value: number;
  len: number;
}

export interface RangeRead {
  low: number;
  high: number;
  len: number;
}

/** A number, a fraction, a mixed number ("1 1/2") or "ss" (one half, when `allowSs`). */
export function readNumber(t: readonly Token[], i: number, allowSs = false): NumberRead | undefined {
  const a = t[i];
  if (!a) return undefined;
  if (a.num === undefined) return allowSs && a.text === 'ss' ? { value: 0.5, len: 1 } : undefined;
  const b = t[i + 1];
  if (Number.isInteger(a.num) && b?.num !== undefined && b.text.includes('/') && b.num < 1) {
    return { value: a.num + b.num, len: 2 };
  }
  return { value: a.num, len: 1 };
}

const RANGE_JOINERS = new Set(['-', 'to', 'or', 'through', 'thru']);

/** "2", "1-2", "1 to 2", "i-ii", "1 or 2". A reversed range is not a range. */
export function readRange(t: readonly Token[], i: number, allowSs = false): RangeRead | undefined {
  const a = readNumber(t, i, allowSs);
  if (!a) return undefined;
  const joiner = t[i + a.len];
  if (joiner && RANGE_JOINERS.has(joiner.text)) {
    const b = readNumber(t, i + a.len + 1, allowSs);
    if (b && b.value > a.value) return { low: a.value, high: b.value, len: a.len + 1 + b.len };
  }
  return { low: a.value, high: a.value, len: a.len };
}

export const isWord = (tok: Token | undefined): boolean =>
  tok !== undefined && /^[a-z]/.test(tok.text) && tok.num === undefined;

/** Rounds away float noise (24 / 7 hours etc.) without hiding real fractions. */
export const clean = (n: number): number => Math.round(n * 1e6) / 1e6;
