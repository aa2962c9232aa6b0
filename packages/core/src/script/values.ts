// Value checks for SCRIPT data types (dates, date-times, decimals, integers) with path-naming failures.
import { type Cursor, fail, missing, shortPath } from './read';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// SCRIPT dtmDateTime is an ISO 8601 date-time; fractional seconds and an offset are optional.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

function realDate(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function isScriptDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && realDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
}

export function isScriptDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  return m !== null && realDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
}

/** SCRIPT date choice: <Date>CCYY-MM-DD</Date> or <DateTime>…</DateTime> under the given element. */
export function readDateChoice(c: Cursor): string {
  const date = c.opt('Date');
  if (date !== undefined) {
    if (!isScriptDate(date)) fail(`${c.path}/Date`, `${shortPath(c.path)}/Date must be CCYY-MM-DD`);
    return date;
  }
  const dateTime = c.opt('DateTime');
  if (dateTime !== undefined) {
    if (!isScriptDateTime(dateTime))
      fail(`${c.path}/DateTime`, `${shortPath(c.path)}/DateTime must be an ISO 8601 date-time`);
    return dateTime;
  }
  return missing(`${c.path}/Date`);
}

export function checkDateTime(text: string, path: string): string {
  if (!isScriptDateTime(text)) fail(path, `${shortPath(path)} must be an ISO 8601 date-time`);
  return text;
}

const DECIMAL = /^\d{1,11}(?:\.\d{1,5})?$/;

/** Non-negative decimal as sent (kept as text so 0.5 mL stays exact). */
export function checkDecimal(text: string, path: string): string {
  if (!DECIMAL.test(text)) fail(path, `${shortPath(path)} must be a non-negative decimal number`);
  return text;
}

/** Non-negative integer of at most `digits` digits. */
export function checkInteger(text: string, path: string, digits: number): number {
  if (!new RegExp(`^\\d{1,${digits}}$`).test(text))
    fail(path, `${shortPath(path)} must be a whole number of at most ${digits} digits`);
  return Number(text);
}

export function isDateOnly(text: string): boolean {
  return DATE.test(text);
}
