import { addMonthsClamped, parseIsoDate, toIsoDate } from './dates';
import { LabelError } from './types';

export interface DiscardOptions {
  /**
   * Months after the fill date. Default 12: USP <1191> "Stability Considerations in Dispensing Practice"
   * and the USP General Notices on dispensed articles put a multiple-dose container's beyond-use date no
   * later than the manufacturer's expiry or one year from dispensing, whichever is earlier, absent
   * stability data; many states (22 + DC per Drug Topics) make a "use by" date mandatory on that basis.
   * Configurable because some states and repackaging rules (USP <659>/<1136> unit-dose) set other limits.
   */
  months?: number;
  /**
   * Days of in-use stability from the product labeling, e.g. 10 for reconstituted amoxicillin-clavulanate
   * suspension. When set and earlier, it wins (a shorter stability limit always wins).
   */
  stabilityDays?: number;
}

export interface DiscardDate {
  /** ISO date to print after "Discard after". */
  date: string;
  basis: 'months-from-fill' | 'manufacturer-expiry' | 'stability';
  source: string;
}

/**
 * Manufacturer expiry as printed: YYYY-MM-DD, or YYYY-MM meaning the last day of that month
 * (USP General Notices: an expiry stated as month and year means the end of that month).
 */
export function parseExpiry(expiry: string): Date {
  const m = /^(\d{4})-(\d{2})$/.exec(expiry);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) throw new LabelError('expiry', `${expiry} has no month ${mo}`);
    return new Date(Date.UTC(y, mo, 0));
  }
  return parseIsoDate(expiry, 'expiry');
}

/** The discard-after (beyond-use) date for a dispensed product: the earliest of the applicable limits. */
export function discardAfterDate(
  fillDate: string,
  expiry?: string | null,
  options: DiscardOptions = {},
): DiscardDate {
  const fill = parseIsoDate(fillDate, 'fillDate');
  const months = options.months ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 60)
    throw new LabelError('months', 'must be a whole number of months from 1 to 60');
  let best: DiscardDate & { at: Date } = {
    at: addMonthsClamped(fill, months),
    date: '',
    basis: 'months-from-fill',
    source: `${months} months from fill (USP <1191>; configurable per state rule)`,
  };
  if (expiry) {
    const exp = parseExpiry(expiry);
    if (exp < fill)
      throw new LabelError('expiry', `product expired ${expiry}, before the fill date ${fillDate}`);
    if (exp < best.at)
      best = {
        at: exp,
        date: '',
        basis: 'manufacturer-expiry',
        source: 'Manufacturer expiry is earlier (USP <1191>)',
      };
  }
  if (options.stabilityDays !== undefined) {
    const days = options.stabilityDays;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new LabelError('stabilityDays', 'must be a whole number of days from 1 to 3650');
    const at = new Date(fill.getTime() + days * 86_400_000);
    if (at < best.at)
      best = {
        at,
        date: '',
        basis: 'stability',
        source: `${days}-day in-use stability from the product labeling`,
      };
  }
  return { date: toIsoDate(best.at), basis: best.basis, source: best.source };
}
