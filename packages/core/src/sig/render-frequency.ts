/** Frequencies in plain words: "twice a day", "every 4 to 6 hours", "every Monday and Thursday". */
import type { SigFrequency } from './types';
import { formatAmount } from './words';

const COUNT_WORDS: Record<number, string> = { 1: 'once', 2: 'twice', 3: 'three times', 4: 'four times' };

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

const count = (n: number): string => COUNT_WORDS[n] ?? `${formatAmount(n)} times`;

function interval(low: number, high: number): string {
  if (high < 1) {
    const lo = formatAmount(low * 60);
    const hi = formatAmount(high * 60);
    return lo === hi ? `every ${lo} minutes` : `every ${lo} to ${hi} minutes`;
  }
  if (low === high) return low === 1 ? 'every hour' : `every ${formatAmount(low)} hours`;
  return `every ${formatAmount(low)} to ${formatAmount(high)} hours`;
}

function everyDays(n: number): string {
  if (n === 2) return 'every other day';
  if (n === 7) return 'once a week';
  if (n === 30) return 'once a month';
  if (n % 30 === 0) return `every ${n / 30} months`;
  if (n % 7 === 0) return `every ${n / 7} weeks`;
  return `every ${formatAmount(n)} days`;
}

function perPeriod(f: SigFrequency): string {
  const { timesPerDayMin: lo, timesPerDayMax: hi } = f;
  const scale = hi >= 1 ? 1 : hi * 7 >= 0.999 ? 7 : 30;
  const period = scale === 1 ? 'a day' : scale === 7 ? 'a week' : 'a month';
  const a = Math.round(lo * scale * 1000) / 1000;
  const b = Math.round(hi * scale * 1000) / 1000;
  if (f.upTo) return `up to ${count(b).replace(/^once$/, '1 time')} ${period}`;
  if (a === b) return `${count(b)} ${period}`;
  return `${formatAmount(a)} to ${formatAmount(b)} times ${period}`;
}

const MEALS = { before: 'before meals', with: 'with meals', after: 'after meals' } as const;

export function renderFrequency(f: SigFrequency): string {
  if (f.code === 'ONCE') return 'once';
  if (f.code === 'STAT') return 'now';
  const tod = f.timeOfDay ?? [];
  const meals = f.meals ? MEALS[f.meals] : undefined;
  let base: string;
  let todUsed = false;
  let mealsUsed = false;
  if (f.daysOfWeek?.length) {
    base = `every ${joinAnd(f.daysOfWeek)}`;
  } else if (meals && tod.length && f.timesPerDayMax === 3 + tod.length) {
    base = `${meals} and ${joinAnd(tod)}`;
    todUsed = true;
    mealsUsed = true;
  } else if (tod.length && tod.length === f.timesPerDayMax && !f.intervalHours && !f.everyNDays) {
    base = joinAnd(tod);
    todUsed = true;
  } else if (f.intervalHours) {
    base = interval(f.intervalHours.low, f.intervalHours.high);
  } else if (f.everyNDays !== undefined) {
    base = everyDays(f.everyNDays);
  } else {
    base = perPeriod(f);
  }
  const parts = [base];
  if (meals && !mealsUsed) parts.push(meals);
  if (tod.length && !todUsed) parts.push(joinAnd(tod));
  return parts.join(' ');
}
