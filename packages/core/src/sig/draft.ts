/** The instruction under construction while the parser walks the tokens, and the rules that merge parts. */
import type { TimingEntry } from './lexicon-frequency';
import type { SigFrequency, SigInstruction, SigRoute } from './types';

export interface Draft extends SigInstruction {
  /** Route implied by the verb ("inhale", "chew"); an explicit route wins. */
  routeHint?: SigRoute;
  timings: TimingEntry[];
  /** Explicit cap "per 24 hours" in raw form; converted once the dose is known. */
  rawMax?: { value: number; unit: string };
}

export function newDraft(sequential: boolean): Draft {
  return {
    siteCount: 1,
    prn: false,
    slidingScale: false,
    asDirected: false,
    extras: [],
    sequential,
    timings: [],
  };
}

export type Warn = (message: string) => void;

/** What a matcher does with the current draft; returning false marks the matched words as not understood. */
export type Apply = (d: Draft, warn: Warn) => boolean;

/** Every dose of the day is pinned to a named time ("in the morning and at bedtime"). */
function isTimeOfDayOnly(f: SigFrequency): boolean {
  return (
    f.timeOfDay !== undefined &&
    f.timeOfDay.length === f.timesPerDayMax &&
    f.intervalHours === undefined &&
    f.everyNDays === undefined &&
    f.daysOfWeek === undefined
  );
}

/** A bare count per day ("daily", "bid") that a time of day can pin down. */
const isPlainCount = (f: SigFrequency): boolean =>
  f.timeOfDay === undefined &&
  f.intervalHours === undefined &&
  f.everyNDays === undefined &&
  f.daysOfWeek === undefined &&
  f.meals === undefined &&
  f.timesPerDayMin === f.timesPerDayMax &&
  f.timesPerDayMax >= 1;

const isPlainDaily = (f: SigFrequency): boolean => isPlainCount(f) && f.timesPerDayMax === 1;

/**
 * Combines a second frequency phrase with the one already read. "daily" + "at bedtime" is one dose at
 * bedtime; "in the morning" + "at bedtime" is two doses; "weekly" + "on Mondays" names the day.
 * Anything else is a contradiction and returns undefined, so the words are reported as not understood.
 */
export function mergeFrequency(old: SigFrequency | undefined, add: SigFrequency): SigFrequency | undefined {
  if (!old) return { ...add };
  if (isTimeOfDayOnly(old) && isTimeOfDayOnly(add)) {
    if (add.timeOfDay?.every((t) => old.timeOfDay?.includes(t))) return old;
    const times = [...(old.timeOfDay ?? []), ...(add.timeOfDay ?? [])];
    const n = old.timesPerDayMax + add.timesPerDayMax;
    return { code: `${old.code}+${add.code}`, timesPerDayMin: n, timesPerDayMax: n, timeOfDay: times };
  }
  if (isPlainCount(old) && isTimeOfDayOnly(add) && add.timesPerDayMax === old.timesPerDayMax)
    return { ...add };
  if (isPlainCount(add) && isTimeOfDayOnly(old) && add.timesPerDayMax === old.timesPerDayMax) return old;
  if (isPlainDaily(old) && add.daysOfWeek) return { ...add };
  if (isPlainDaily(add) && old.daysOfWeek) return old;
  if (add.daysOfWeek && old.everyNDays === 7 && !old.daysOfWeek)
    return { ...old, daysOfWeek: add.daysOfWeek };
  if (old.daysOfWeek && add.everyNDays === 7) return old;
  if (add.daysOfWeek && isTimeOfDayOnly(old)) return { ...add, timeOfDay: old.timeOfDay };
  if (old.daysOfWeek && isTimeOfDayOnly(add) && !old.timeOfDay) return { ...old, timeOfDay: add.timeOfDay };
  if (isTimeOfDayOnly(add) && old.everyNDays !== undefined && !old.timeOfDay)
    return { ...old, timeOfDay: add.timeOfDay };
  return undefined;
}

/** Applies meal and time-of-day phrases after the whole instruction has been read. */
export function applyTimings(d: Draft): void {
  for (const t of d.timings) {
    const f = d.frequency;
    if (!f) {
      d.frequency = { ...t.implied };
      continue;
    }
    if (t.meals) {
      if (isTimeOfDayOnly(f) && !f.meals) {
        // "ac and hs": before each meal and at bedtime.
        const n = 3 + f.timesPerDayMax;
        const mealCode = { before: 'AC', with: 'CC', after: 'PC' }[t.meals];
        d.frequency = {
          code: `${mealCode}+${f.code}`,
          timesPerDayMin: n,
          timesPerDayMax: n,
          meals: t.meals,
          timeOfDay: f.timeOfDay ?? [],
        };
      } else if (!f.meals) {
        d.frequency = { ...f, meals: t.meals };
      }
      continue;
    }
    const merged = mergeFrequency(f, t.implied);
    if (merged) d.frequency = merged;
    else for (const time of t.implied.timeOfDay ?? []) if (!d.extras.includes(time)) d.extras.push(time);
  }
  d.timings = [];
}
