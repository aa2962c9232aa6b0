import { LabelError } from './types';

/** Parses an ISO calendar date (YYYY-MM-DD) to a UTC Date, rejecting impossible dates like 2025-02-30. */
export function parseIsoDate(value: string, field: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new LabelError(field, 'must be an ISO date YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    throw new LabelError(field, `${value} is not a calendar date`);
  return date;
}

export const isIsoDate = (value: string): boolean => {
  try {
    parseIsoDate(value, 'date');
    return true;
  } catch {
    return false;
  }
};

export const toIsoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** US label style MM/DD/YYYY; returns the input unchanged if it is not an ISO date (renderers never throw). */
export function formatUsDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** Adds calendar months, clamping to the month's last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonthsClamped(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}
