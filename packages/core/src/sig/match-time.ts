/** Matchers for frequency, timing, duration and day ranges. */
import { type Draft, mergeFrequency } from './draft';
import { ismpWarning } from './ismp';
import {
  DAY_NAMES,
  DAY_ORDER,
  everyDays,
  FREQUENCIES,
  perDay,
  TIME_UNITS,
  TIMINGS,
} from './lexicon-frequency';
import type { Match, Matcher } from './matcher';
import { clean, readNumber, readRange } from './read';
import type { Token } from './tokens';
import type { SigFrequency } from './types';

const setFrequency =
  (freq: SigFrequency, ismp?: string) =>
  (d: Draft, warn: (m: string) => void): boolean => {
    const merged = mergeFrequency(d.frequency, freq);
    if (!merged) return false;
    d.frequency = merged;
    if (ismp) warn(ismpWarning(ismp));
    return true;
  };

/** Frequency from an interval: q4h, q4-6h, every 4 to 6 hours, q72h, q2 weeks, every 3 months. */
export function intervalFrequency(low: number, high: number, unit: string): SigFrequency | undefined {
  const tu = TIME_UNITS[unit];
  if (!tu || low <= 0 || high <= 0 || high > 10_000) return undefined;
  const range = low === high ? `${low}` : `${low}-${high}`;
  if (tu.unit === 'minute' || tu.unit === 'hour') {
    const lowH = clean(low * tu.hours);
    const highH = clean(high * tu.hours);
    const code = tu.unit === 'minute' ? `Q${range}MIN` : `Q${range}H`;
    const f: SigFrequency = {
      code,
      timesPerDayMin: clean(24 / highH),
      timesPerDayMax: clean(24 / lowH),
      intervalHours: { low: lowH, high: highH },
    };
    if (low === high && lowH >= 24 && Number.isInteger(lowH / 24)) f.everyNDays = lowH / 24;
    return f;
  }
  if (low !== high) return undefined;
  const days = clean((low * tu.hours) / 24);
  const code =
    tu.unit === 'day'
      ? low === 1
        ? 'QD'
        : low === 2
          ? 'QOD'
          : `Q${low}D`
      : tu.unit === 'week'
        ? low === 1
          ? 'QW'
          : `Q${low}W`
        : `Q${low}MO`;
  return days === 1 ? perDay('QD', 1) : everyDays(code, days);
}

/** q6h, q 4-6 h, q6 (hours assumed), every 8 hours, every 4 to 6 hours, every hour, every 2 weeks. */
export const matchInterval: Matcher = (t, i) => {
  const head = t[i]?.text;
  if (head !== 'q' && head !== 'every' && head !== 'each') return undefined;
  const r = readRange(t, i + 1);
  if (!r) {
    const unit = t[i + 1]?.text ?? '';
    if (head === 'every' && (unit === 'hour' || unit === 'hr')) {
      const f = intervalFrequency(1, 1, 'hour');
      return f ? { len: 2, apply: setFrequency(f) } : undefined;
    }
    return undefined;
  }
  const unitTok = t[i + 1 + r.len]?.text ?? '';
  if (TIME_UNITS[unitTok]) {
    const f = intervalFrequency(r.low, r.high, unitTok);
    return f ? { len: 2 + r.len, apply: setFrequency(f) } : undefined;
  }
  if (head === 'q' && r.low >= 1 && r.high <= 72) {
    const f = intervalFrequency(r.low, r.high, 'h');
    if (!f) return undefined;
    return {
      len: 1 + r.len,
      apply: (d, warn) => {
        warn(`"q${r.low === r.high ? r.low : `${r.low}-${r.high}`}" has no time unit; read as hours.`);
        return setFrequency(f)(d, warn);
      },
    };
  }
  return undefined;
};

const PER_WORDS = new Set(['a', 'per', 'each', '/', 'every', 'an']);
const PERIODS: Record<string, number> = {
  day: 1,
  daily: 1,
  d: 1,
  week: 7,
  weekly: 7,
  wk: 7,
  month: 30,
  monthly: 30,
};
const COUNT_CODES: Record<number, string> = { 1: 'QD', 2: 'BID', 3: 'TID', 4: 'QID' };

/** "3 times a day", "2x daily", "1-2 times daily", "up to 4 times a day", "3 times weekly", "5 days a week". */
export const matchTimes: Matcher = (t, i) => {
  let j = i;
  const upTo = t[j]?.text === 'up' && t[j + 1]?.text === 'to';
  if (upTo) j += 2;
  const r = readRange(t, j);
  if (!r) return undefined;
  j += r.len;
  const word = t[j]?.text;
  if (word !== 'times' && word !== 'time' && word !== 'x' && word !== 'days') return undefined;
  j++;
  if (PER_WORDS.has(t[j]?.text ?? '')) j++;
  const periodDays = PERIODS[t[j]?.text ?? ''];
  if (periodDays === undefined || (word === 'days' && periodDays !== 7)) {
    if (word === 'times' || word === 'time') {
      if (r.low === 1 && r.high === 1 && !upTo) return { len: j - i, apply: setFrequency(perDay('ONCE', 1)) };
    }
    return undefined;
  }
  j++;
  const low = upTo ? Math.min(1, r.high) : r.low;
  const range = low === r.high ? `${r.high}` : `${low}-${r.high}`;
  const suffix = periodDays === 1 ? 'XD' : periodDays === 7 ? 'XW' : 'XMO';
  const code =
    periodDays === 1 && low === r.high ? (COUNT_CODES[r.high] ?? `${r.high}XD`) : `${range}${suffix}`;
  const f: SigFrequency = {
    code: periodDays === 7 && r.high === 1 ? 'QW' : code,
    timesPerDayMin: clean(low / periodDays),
    timesPerDayMax: clean(r.high / periodDays),
  };
  if (periodDays > 1 && r.high === 1) f.everyNDays = periodDays;
  if (upTo) f.upTo = true;
  return { len: j - i, apply: setFrequency(f) };
};

/** Frequency phrases of the lexicon; "od" only when the rest of the sig says whether it means eye or daily. */
export const matchFrequencyWord: Matcher = (t, i, d) => {
  if (t[i]?.text === 'od') {
    const eye = d.dose?.unit === 'drop' || d.verb === 'instill' || d.route === 'ophthalmic';
    const oral = d.route === 'oral' || ['tablet', 'capsule', 'mL'].includes(d.dose?.unit ?? '');
    if (eye) {
      return {
        len: 1,
        apply: (dr, warn) => {
          if (dr.route && dr.route !== 'ophthalmic') return false;
          dr.route = 'ophthalmic';
          dr.site = 'right eye';
          warn(ismpWarning('od'));
          return true;
        },
      };
    }
    return oral ? { len: 1, apply: setFrequency(perDay('QD', 1), 'od') } : undefined;
  }
  const m = FREQUENCIES.match(t, i);
  return m ? { len: m.len, apply: setFrequency(m.value.freq, m.value.ismp) } : undefined;
};

/** "with meals", "ac", "before breakfast": applied after the instruction is read (see applyTimings). */
export const matchTiming: Matcher = (t, i) => {
  const m = TIMINGS.match(t, i);
  if (!m) return undefined;
  return {
    len: m.len,
    apply: (d) => {
      d.timings.push(m.value);
      return true;
    },
  };
};

const OFFSET_TARGETS = new Set([
  'bedtime',
  'sleep',
  'sexual',
  'sex',
  'activity',
  'exercise',
  'procedure',
  'travel',
  'flight',
  'dental',
  'surgery',
]);

/** "30 minutes before breakfast", "1 hour before bedtime", "1 hour before sexual activity". */
export const matchOffset: Matcher = (t, i) => {
  const n = readNumber(t, i);
  if (!n) return undefined;
  const unit = TIME_UNITS[t[i + n.len]?.text ?? ''];
  if (!unit || (unit.unit !== 'minute' && unit.unit !== 'hour')) return undefined;
  const j = i + n.len + 1;
  const rel = t[j]?.text;
  if (rel !== 'before' && rel !== 'after' && rel !== 'prior') return undefined;
  const k = rel === 'prior' && t[j + 1]?.text === 'to' ? j + 2 : j + 1;
  const unitText = `${n.value} ${unit.unit}${n.value === 1 ? '' : 's'}`;
  const relText = rel === 'after' ? 'after' : 'before';
  const timing = TIMINGS.match([{ text: relText }, ...t.slice(k, k + 5)], 0);
  if (timing) {
    const len = k - i + timing.len - 1;
    return {
      len,
      apply: (d) => {
        const implied = { ...timing.value.implied };
        if (implied.timeOfDay) {
          implied.timeOfDay = implied.timeOfDay.map((x) => `${unitText} ${x}`);
          d.timings.push({ implied });
        } else {
          delete implied.meals;
          d.timings.push({ implied });
          d.extras.push(`${unitText} ${relText} meals`);
        }
        return true;
      },
    };
  }
  const words: string[] = [];
  let m = k;
  while (t[m] && OFFSET_TARGETS.has(t[m]?.text ?? '') && words.length < 3) words.push(t[m++]?.text ?? '');
  if (words.length === 0) return undefined;
  const target = words.join(' ');
  return {
    len: m - i,
    apply: (d) => {
      if (target === 'bedtime' || target === 'sleep')
        d.timings.push({ implied: { ...perDay('QHS', 1), timeOfDay: [`${unitText} before bedtime`] } });
      else d.extras.push(`${unitText} ${relText} ${target === 'sex' ? 'sexual activity' : target}`);
      return true;
    },
  };
};

/** "on Mondays", "every Monday, Wednesday and Friday", "mwf". */
export const matchWeekdays: Matcher = (t, i) => {
  let j = i;
  if (t[j]?.text === 'on' || t[j]?.text === 'every') j++;
  const days: string[] = [];
  const abbrev: Record<string, string[]> = {
    mwf: ['Monday', 'Wednesday', 'Friday'],
    tth: ['Tuesday', 'Thursday'],
    tuth: ['Tuesday', 'Thursday'],
  };
  for (;;) {
    const text = t[j]?.text ?? '';
    const one = DAY_NAMES[text];
    const many = abbrev[text];
    if (one) days.push(one);
    else if (many) days.push(...many);
    else break;
    j++;
    const sep = t[j]?.text ?? '';
    if (
      (sep === ',' || sep === 'and' || sep === '/') &&
      (DAY_NAMES[t[j + 1]?.text ?? ''] || abbrev[t[j + 1]?.text ?? ''])
    )
      j++;
    else if (sep === ',' && t[j + 1]?.text === 'and' && DAY_NAMES[t[j + 2]?.text ?? '']) j += 2;
  }
  if (days.length === 0) return undefined;
  const unique = DAY_ORDER.filter((x) => days.includes(x));
  const f: SigFrequency = {
    code: unique.length === 1 ? 'QW' : `${unique.length}XW`,
    timesPerDayMin: clean(unique.length / 7),
    timesPerDayMax: clean(unique.length / 7),
    daysOfWeek: unique,
  };
  if (unique.length === 1) f.everyNDays = 7;
  return { len: j - i, apply: setFrequency(f) };
};

const durationOf = (t: readonly Token[], j: number) => {
  const tu = TIME_UNITS[t[j]?.text ?? ''];
  if (!tu || tu.unit === 'minute' || tu.unit === 'hour') return undefined;
  return tu.unit as 'day' | 'week' | 'month';
};

const DAYS_PER: Record<'day' | 'week' | 'month', number> = { day: 1, week: 7, month: 30 };

function durationApply(n: number, unit: 'day' | 'week' | 'month') {
  return (d: Draft): boolean => {
    if (d.durationDays !== undefined || d.doseCount !== undefined || n <= 0 || n > 3650) return false;
    d.durationDays = clean(n * DAYS_PER[unit]);
    d.durationUnit = unit;
    return true;
  };
}

function doseCountApply(n: number) {
  return (d: Draft): boolean => {
    if (d.doseCount !== undefined || d.durationDays !== undefined || !Number.isInteger(n) || n <= 0)
      return false;
    d.doseCount = n;
    if (n === 1 && !d.frequency) d.frequency = perDay('ONCE', 1);
    return true;
  };
}

/** "x10d", "x 2 weeks", "for 7 days", "for a week", "10 days", "x3 doses", "x1". */
export const matchDuration: Matcher = (t, i) => {
  const head = t[i]?.text;
  let j = i;
  if (head === 'x' || head === 'for') j++;
  if (head === 'for' && t[j]?.text === 'the' && t[j + 1]?.text === 'next') j += 2;
  else if (head === 'for' && t[j]?.text === 'next') j++;
  const article = t[j]?.text === 'a' || t[j]?.text === 'an';
  const n = article ? { value: 1, len: 1 } : readNumber(t, j);
  if (!n) return undefined;
  j += n.len;
  const unit = durationOf(t, j);
  if (unit) return { len: j + 1 - i, apply: durationApply(n.value, unit) };
  if ((head === 'x' || head === 'for') && (t[j]?.text === 'dose' || t[j]?.text === 'doses')) {
    return { len: j + 1 - i, apply: doseCountApply(n.value) };
  }
  if (head === 'x' && !article) {
    // ISMP: "x3d" is read both as 3 days and 3 doses; a bare "x7" is not guessed at.
    if (n.value === 1) return { len: j - i, apply: doseCountApply(1) };
    return { len: j - i, apply: () => false };
  }
  return undefined;
};

/** "on day 1", "days 2-5", "on days 2 through 5" (Z-Pak style schedules). */
export const matchDayRange: Matcher = (t, i) => {
  let j = i;
  if (t[j]?.text === 'on') j++;
  const w = t[j]?.text;
  if (w !== 'day' && w !== 'days') return undefined;
  const r = readRange(t, j + 1);
  if (!r || !Number.isInteger(r.low) || !Number.isInteger(r.high) || r.low < 1 || r.high > 3650)
    return undefined;
  return {
    len: j + 1 + r.len - i,
    apply: (d) => {
      if (d.dayRange || d.durationDays !== undefined) return false;
      d.dayRange = { from: r.low, to: r.high };
      d.durationDays = r.high - r.low + 1;
      d.durationUnit = 'day';
      return true;
    },
  };
};

export type { Match };
