/**
 * Refill-too-soon: a refill may be filled once a configurable share of the previous supply has been used.
 * Defaults follow common payer/pharmacy policy (75% for non-controlled, 85% for CIII–V, 90% for CII) and are
 * configurable per site; they are policy, not law.
 */
import type { Schedule } from './law';

export interface RefillTimingPolicy {
  noncontrolled: number;
  controlled: number;
  cii: number;
}

export const DEFAULT_REFILL_TIMING: RefillTimingPolicy = { noncontrolled: 0.75, controlled: 0.85, cii: 0.9 };

export interface RefillTimingInput {
  lastFillDate: string; // YYYY-MM-DD
  lastDaysSupply: number;
  today: string; // YYYY-MM-DD
  schedule: Schedule;
}

export type RefillTiming =
  | { ok: true; earliestDate: string; share: number }
  | { ok: false; earliestDate: string; share: number; daysEarly: number; reason: string };

const DAY = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDays = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

export function refillTiming(
  input: RefillTimingInput,
  policy: RefillTimingPolicy = DEFAULT_REFILL_TIMING,
): RefillTiming {
  const share =
    input.schedule === 'CII' ? policy.cii : input.schedule ? policy.controlled : policy.noncontrolled;
  const earliest = toDays(input.lastFillDate) + Math.ceil(input.lastDaysSupply * share);
  const earliestDate = fromDays(earliest);
  const today = toDays(input.today);
  if (today >= earliest) return { ok: true, earliestDate, share };
  const daysEarly = earliest - today;
  return {
    ok: false,
    earliestDate,
    share,
    daysEarly,
    reason: `Too soon: ${Math.round(share * 100)}% of the ${input.lastDaysSupply}-day supply filled ${input.lastFillDate} is used on ${earliestDate} (${daysEarly} day${daysEarly === 1 ? '' : 's'} from now)`,
  };
}
