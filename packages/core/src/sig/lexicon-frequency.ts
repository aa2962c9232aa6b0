/**
 * Frequency words and meal/time-of-day timing. Latin forms: bid (bis in die), tid (ter in die),
 * qid (quater in die), qhs (quaque hora somni), ac/pc (ante/post cibum), qod, prn (pro re nata).
 * Sources: Ansel, "Pharmaceutical Calculations", prescription abbreviations table; ISMP error-prone list
 * for the ones flagged (qd, qod, qhs, hs, qn, tiw, biw, q1d, bt).
 */
import { PhraseTable } from './phrase';
import type { SigFrequency } from './types';

export interface FrequencyEntry {
  freq: SigFrequency;
  ismp?: string;
}

export const perDay = (code: string, n: number): SigFrequency => ({
  code,
  timesPerDayMin: n,
  timesPerDayMax: n,
});
const atTime = (code: string, time: string): SigFrequency => ({ ...perDay(code, 1), timeOfDay: [time] });
export const everyDays = (code: string, n: number): SigFrequency => ({
  ...perDay(code, 1 / n),
  everyNDays: n,
});
const perWeek = (code: string, n: number): SigFrequency => perDay(code, n / 7);

/** Codes whose whole meaning is a time of day, so "daily" next to them adds nothing. */
export const TIME_OF_DAY_CODES = new Set(['QAM', 'QPM', 'QHS', 'QNOON']);

const f = (freq: SigFrequency, ismp?: string): FrequencyEntry => (ismp ? { freq, ismp } : { freq });

const DAILY = perDay('QD', 1);
const QAM = atTime('QAM', 'in the morning');
const QPM = atTime('QPM', 'in the evening');
const QHS = atTime('QHS', 'at bedtime');

const ENTRIES: [string, FrequencyEntry][] = [
  ...[
    'daily',
    'once daily',
    'once a day',
    'once per day',
    'every day',
    'each day',
    'q day',
    'qday',
    'qdaily',
    'a day',
    'per day',
    'once each day',
  ].map((w) => [w, f(DAILY)] as [string, FrequencyEntry]),
  ['qd', f(DAILY, 'qd')],
  ['q d', f(DAILY, 'qd')],
  ['q1d', f(DAILY, 'q1d')],
  ['q 1 d', f(DAILY, 'q1d')],
  ...['bid', 'twice daily', 'twice a day', 'twice per day', 'twice each day', 'two times daily'].map(
    (w) => [w, f(perDay('BID', 2))] as [string, FrequencyEntry],
  ),
  ...['tid', 'thrice daily', 'thrice a day'].map((w) => [w, f(perDay('TID', 3))] as [string, FrequencyEntry]),
  ['qid', f(perDay('QID', 4))],
  ...[
    'qam',
    'q am',
    'in the morning',
    'every morning',
    'each morning',
    'in am',
    'in the am',
    'q morning',
    'am',
    'morning',
  ].map((w) => [w, f(QAM)] as [string, FrequencyEntry]),
  ...[
    'qpm',
    'q pm',
    'in the evening',
    'every evening',
    'each evening',
    'in pm',
    'in the pm',
    'q evening',
    'pm',
    'evening',
  ].map((w) => [w, f(QPM)] as [string, FrequencyEntry]),
  ...['at noon', 'noon', 'midday', 'at midday'].map(
    (w) => [w, f(atTime('QNOON', 'at noon'))] as [string, FrequencyEntry],
  ),
  ...[
    'at bedtime',
    'bedtime',
    'nightly',
    'every night',
    'each night',
    'at night',
    'every night at bedtime',
    'before bed',
    'before bedtime',
    'at bed time',
    'q night',
    'qnight',
    'every bedtime',
    'daily at bedtime',
    'nightly at bedtime',
    'at hour of sleep',
  ].map((w) => [w, f(QHS)] as [string, FrequencyEntry]),
  ['qhs', f(QHS, 'qhs')],
  ['q hs', f(QHS, 'qhs')],
  ['hs', f(QHS, 'hs')],
  ['at hs', f(QHS, 'hs')],
  ['qn', f(QHS, 'qn')],
  ['bt', f(QHS, 'bt')],
  ['morning and evening', f({ ...perDay('BID', 2), timeOfDay: ['in the morning', 'in the evening'] })],
  ['morning and bedtime', f({ ...perDay('BID', 2), timeOfDay: ['in the morning', 'at bedtime'] })],
  ...['every other day', 'on alternate days', 'alternate days', 'q other day', 'every 2nd day'].map(
    (w) => [w, f(everyDays('QOD', 2))] as [string, FrequencyEntry],
  ),
  ['qod', f(everyDays('QOD', 2), 'qod')],
  ...[
    'weekly',
    'once weekly',
    'once a week',
    'once per week',
    'every week',
    'each week',
    'qw',
    'q week',
    'q wk',
    'qwk',
    'qweek',
    'q 1 week',
  ].map((w) => [w, f(everyDays('QW', 7))] as [string, FrequencyEntry]),
  ...['twice weekly', 'twice a week', 'twice per week', 'two times weekly'].map(
    (w) => [w, f(perWeek('2XW', 2))] as [string, FrequencyEntry],
  ),
  ['biw', f(perWeek('2XW', 2), 'biw')],
  ['tiw', f(perWeek('3XW', 3), 'tiw')],
  ...['thrice weekly'].map((w) => [w, f(perWeek('3XW', 3))] as [string, FrequencyEntry]),
  ...[
    'monthly',
    'once monthly',
    'once a month',
    'once per month',
    'every month',
    'q month',
    'qmonth',
    'q mo',
  ].map((w) => [w, f(everyDays('QMO', 30))] as [string, FrequencyEntry]),
  ...[
    'once',
    'one time',
    'one time only',
    'once only',
    'single dose',
    'as a single dose',
    'as one dose',
    'in a single dose',
  ].map((w) => [w, f(perDay('ONCE', 1))] as [string, FrequencyEntry]),
  ...['stat', 'now', 'immediately', 'right away'].map(
    (w) => [w, f(perDay('STAT', 1))] as [string, FrequencyEntry],
  ),
  ...[
    'once or twice daily',
    'once or twice a day',
    'daily - bid',
    'daily to bid',
    'qd - bid',
    'daily or bid',
  ].map((w) => [w, f({ code: '1-2XD', timesPerDayMin: 1, timesPerDayMax: 2 })] as [string, FrequencyEntry]),
  ...['bid - tid', 'bid to tid', 'bid or tid', 'two to three times daily'].map(
    (w) => [w, f({ code: '2-3XD', timesPerDayMin: 2, timesPerDayMax: 3 })] as [string, FrequencyEntry],
  ),
  ...['tid - qid', 'tid to qid', 'tid or qid'].map(
    (w) => [w, f({ code: '3-4XD', timesPerDayMin: 3, timesPerDayMax: 4 })] as [string, FrequencyEntry],
  ),
  ['qh', f({ ...perDay('Q1H', 24), intervalHours: { low: 1, high: 1 } })],
];

export const FREQUENCIES = new PhraseTable<FrequencyEntry>(ENTRIES);

export interface TimingEntry {
  /** Frequency implied when no explicit one is written ("with meals" alone means three times a day). */
  implied: SigFrequency;
  meals?: 'before' | 'with' | 'after';
}

const meals = (m: 'before' | 'with' | 'after'): TimingEntry => ({
  implied: { ...perDay('TID', 3), meals: m },
  meals: m,
});
const mealTime = (code: string, text: string): TimingEntry => ({ implied: atTime(code, text) });

const TIMING: [string, TimingEntry][] = [
  ...['ac', 'before meals', 'before each meal', 'before every meal', 'before a meal'].map(
    (w) => [w, meals('before')] as [string, TimingEntry],
  ),
  ...['with meals', 'with each meal', 'with every meal', 'with a meal', 'cc'].map(
    (w) => [w, meals('with')] as [string, TimingEntry],
  ),
  ...['pc', 'after meals', 'after each meal', 'after every meal', 'after a meal'].map(
    (w) => [w, meals('after')] as [string, TimingEntry],
  ),
];
for (const rel of ['before', 'with', 'after']) {
  TIMING.push([`${rel} breakfast`, mealTime('QAM', `${rel} breakfast`)]);
  TIMING.push([`${rel} lunch`, mealTime('QNOON', `${rel} lunch`)]);
  for (const meal of ['dinner', 'supper', 'the evening meal', 'evening meal']) {
    TIMING.push([
      `${rel} ${meal}`,
      mealTime('QPM', `${rel} ${meal === 'evening meal' ? 'the evening meal' : meal}`),
    ]);
  }
  for (const pair of ['breakfast and dinner', 'breakfast and supper']) {
    TIMING.push([
      `${rel} ${pair}`,
      { implied: { ...perDay('BID', 2), timeOfDay: [`${rel} breakfast`, `${rel} ${pair.split(' ')[2]}`] } },
    ]);
  }
}
export const TIMINGS = new PhraseTable<TimingEntry>(TIMING);

export const DAY_NAMES: Record<string, string> = {
  monday: 'Monday',
  mondays: 'Monday',
  mon: 'Monday',
  tuesday: 'Tuesday',
  tuesdays: 'Tuesday',
  tue: 'Tuesday',
  tues: 'Tuesday',
  wednesday: 'Wednesday',
  wednesdays: 'Wednesday',
  wed: 'Wednesday',
  thursday: 'Thursday',
  thursdays: 'Thursday',
  thu: 'Thursday',
  thur: 'Thursday',
  thurs: 'Thursday',
  friday: 'Friday',
  fridays: 'Friday',
  fri: 'Friday',
  saturday: 'Saturday',
  saturdays: 'Saturday',
  sat: 'Saturday',
  sunday: 'Sunday',
  sundays: 'Sunday',
  sun: 'Sunday',
};
export const DAY_ORDER = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Units of time after "q", "every", "x" and "for". Months count as 30 days (the usual 30-day supply). */
export const TIME_UNITS: Record<
  string,
  { unit: 'minute' | 'hour' | 'day' | 'week' | 'month'; hours: number }
> = {
  min: { unit: 'minute', hours: 1 / 60 },
  mins: { unit: 'minute', hours: 1 / 60 },
  minute: { unit: 'minute', hours: 1 / 60 },
  minutes: { unit: 'minute', hours: 1 / 60 },
  h: { unit: 'hour', hours: 1 },
  hr: { unit: 'hour', hours: 1 },
  hrs: { unit: 'hour', hours: 1 },
  hour: { unit: 'hour', hours: 1 },
  hours: { unit: 'hour', hours: 1 },
  d: { unit: 'day', hours: 24 },
  day: { unit: 'day', hours: 24 },
  days: { unit: 'day', hours: 24 },
  dys: { unit: 'day', hours: 24 },
  w: { unit: 'week', hours: 168 },
  wk: { unit: 'week', hours: 168 },
  wks: { unit: 'week', hours: 168 },
  week: { unit: 'week', hours: 168 },
  weeks: { unit: 'week', hours: 168 },
  mo: { unit: 'month', hours: 720 },
  mos: { unit: 'month', hours: 720 },
  month: { unit: 'month', hours: 720 },
  months: { unit: 'month', hours: 720 },
  night: { unit: 'day', hours: 24 },
  nights: { unit: 'day', hours: 24 },
};
