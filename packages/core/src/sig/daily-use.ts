/** Amount used per day, in dose units, from a parsed sig. */
import { phases } from './finish';
import { clean } from './read';
import type { ParsedSig, SigInstruction } from './types';

export interface DailyUse {
  min: number;
  max: number;
  unit: string;
}

/**
 * dose × times a day × sites (both eyes, each nostril). A written maximum ("max 6 tabs/24h") caps the
 * upper bound. Single doses ("once", "now") count as one dose that day. Undefined when the sig gives no
 * computable amount: sliding scale, "as directed" without a dose, a descriptive topical amount, no frequency.
 */
export function instructionDailyUse(s: SigInstruction): DailyUse | undefined {
  const d = s.dose;
  // "2 tabs on day 1": a day-numbered step without a frequency is taken once that day.
  const f = s.frequency ?? (s.dayRange ? { code: 'QD', timesPerDayMin: 1, timesPerDayMax: 1 } : undefined);
  if (!d || !f || s.slidingScale || d.description) return undefined;
  const low = d.value ?? d.low;
  const high = d.value ?? d.high;
  if (low === undefined || high === undefined) return undefined;
  const unit = d.unit ?? 'dose';
  const single = f.code === 'ONCE' || f.code === 'STAT';
  const perDayMin = single ? 1 : f.timesPerDayMin;
  const perDayMax = single ? 1 : f.timesPerDayMax;
  let max = clean(high * perDayMax * s.siteCount);
  let min = clean(low * perDayMin * s.siteCount);
  if (s.maxPerDay && s.maxPerDay.unit === unit && s.maxPerDay.value < max) max = s.maxPerDay.value;
  if (min > max) min = max;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return undefined;
  return { min, max, unit };
}

/** Sum over concurrent parts; over taper steps the lowest and highest day. Undefined if units differ. */
export function sigDailyUse(p: ParsedSig | readonly SigInstruction[]): DailyUse | undefined {
  const list = Array.isArray(p) ? (p as readonly SigInstruction[]) : (p as ParsedSig).instructions;
  if (!Array.isArray(p) && !(p as ParsedSig).ok) return undefined;
  let out: DailyUse | undefined;
  for (const phase of phases(list)) {
    let sum: DailyUse | undefined;
    for (const s of phase) {
      const u = instructionDailyUse(s);
      if (!u || (sum && sum.unit !== u.unit)) return undefined;
      sum = sum ? { min: clean(sum.min + u.min), max: clean(sum.max + u.max), unit: u.unit } : u;
    }
    if (!sum) return undefined;
    if (out && out.unit !== sum.unit) return undefined;
    out = out ? { min: Math.min(out.min, sum.min), max: Math.max(out.max, sum.max), unit: sum.unit } : sum;
  }
  return out;
}
