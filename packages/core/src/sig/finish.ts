/** Turns drafts into instructions: timing, inheritance between taper steps, totals, ok and text. */
import { applyTimings, type Draft } from './draft';
import { clean } from './read';
import { renderInstructions } from './render';
import type { ParsedSig, SigInstruction } from './types';

function toInstruction(d: Draft): SigInstruction {
  applyTimings(d);
  const { routeHint, timings: _timings, rawMax, ...rest } = d;
  const out: SigInstruction = { ...rest, extras: [...d.extras] };
  if (!out.route && routeHint) out.route = routeHint;
  // "2 puffs po": puffs taken by mouth are inhaled.
  if (out.dose?.unit === 'puff' && out.route === 'oral') out.route = 'inhalation';
  if (out.prn && !out.prnReason && out.indication) {
    out.prnReason = out.indication;
    delete out.indication;
  }
  if (rawMax) {
    const perDose = out.dose?.high ?? out.dose?.value;
    if (rawMax.unit === 'dose' && perDose !== undefined && out.dose?.unit) {
      out.maxPerDay = { value: clean(rawMax.value * perDose), unit: out.dose.unit };
    } else out.maxPerDay = { ...rawMax };
  }
  return out;
}

/**
 * Later steps of a taper repeat only what changes ("40 mg daily x5d then 30 mg x5d"), and a concurrent
 * part repeats neither verb nor route ("1 tab qam and 2 tabs qhs"); both take the rest from the step before.
 */
function inherit(list: SigInstruction[]): void {
  for (let k = 1; k < list.length; k++) {
    const cur = list[k];
    const prev = list[k - 1];
    if (!cur || !prev) continue;
    if (!cur.sequential && cur.dayRange && prev.dayRange && cur.dayRange.from > prev.dayRange.to)
      cur.sequential = true;
    if (!cur.route && !cur.site && prev.route) {
      cur.route = prev.route;
      if (prev.site) cur.site = prev.site;
      cur.siteCount = prev.siteCount;
    }
    if (!cur.verb && prev.verb) cur.verb = prev.verb;
    if (cur.dose && !cur.dose.unit && !cur.dose.description && prev.dose?.unit)
      cur.dose.unit = prev.dose.unit;
    if (cur.sequential) {
      if (!cur.dose && prev.dose) cur.dose = { ...prev.dose };
      if (!cur.frequency && prev.frequency) cur.frequency = { ...prev.frequency };
    }
  }
}

const isMeaningful = (s: SigInstruction): boolean =>
  s.frequency !== undefined ||
  s.asDirected ||
  s.slidingScale ||
  s.prn ||
  s.doseCount !== undefined ||
  s.dayRange !== undefined;

/** Days one step lasts, when the sig says: a duration, a number of doses, or a single dose. */
export function stepDays(s: SigInstruction): number | undefined {
  if (s.durationDays !== undefined) return s.durationDays;
  const perDay = s.frequency?.timesPerDayMax;
  if (s.doseCount !== undefined && perDay) return Math.max(1, Math.ceil(s.doseCount / perDay));
  if (s.frequency?.code === 'ONCE' || s.frequency?.code === 'STAT') return 1;
  return undefined;
}

/** Groups instructions into phases: a phase starts at each sequential step and runs its parts concurrently. */
export function phases(list: readonly SigInstruction[]): SigInstruction[][] {
  const out: SigInstruction[][] = [];
  for (const s of list) {
    const last = out.at(-1);
    if (!last || s.sequential) out.push([s]);
    else last.push(s);
  }
  return out;
}

function totalDays(list: readonly SigInstruction[]): number | undefined {
  let total = 0;
  for (const phase of phases(list)) {
    const days = phase.map(stepDays);
    if (days.every((d) => d === undefined)) return undefined;
    total += Math.max(...days.map((d) => d ?? 0));
  }
  return total;
}

function collectWarnings(list: readonly SigInstruction[], warn: (m: string) => void): void {
  for (const s of list) {
    if (s.slidingScale) warn('Sliding-scale dose: the amount used per day cannot be computed.');
    if (s.asDirected && !s.frequency) warn('"As directed": the amount used per day cannot be computed.');
    if (!isMeaningful(s)) warn('No frequency given.');
    const topical = s.route === 'topical' || s.verb === 'apply';
    if (!s.dose && !topical && !s.asDirected && !s.slidingScale) warn('No dose given.');
  }
}

export function cleanText(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

export const NO_DIRECTIONS = 'No directions given.';

export function finishSig(
  raw: string,
  drafts: Draft[],
  unparsed: string[],
  warnings: Set<string>,
): ParsedSig {
  const instructions = drafts.map(toInstruction);
  const first = instructions[0];
  if (first) first.sequential = false;
  inherit(instructions);
  collectWarnings(instructions, (m) => warnings.add(m));
  if (cleanText(raw) === '') warnings.add(NO_DIRECTIONS);
  const ok = unparsed.length === 0 && instructions.length > 0 && instructions.every(isMeaningful);
  if (unparsed.length) warnings.add(`Not understood: ${unparsed.map((u) => `"${u}"`).join(', ')}.`);
  const interpretation = instructions.length ? renderInstructions(instructions) : '';
  const free = cleanText(raw).slice(0, 2000);
  const result: ParsedSig = {
    input: raw,
    ok,
    instructions,
    unparsed,
    text: ok ? interpretation : free || NO_DIRECTIONS,
    interpretation,
    warnings: [...warnings],
  };
  const max = instructions.find((s) => s.maxPerDay)?.maxPerDay;
  if (max) result.maxDailyDose = { ...max };
  const total = totalDays(instructions);
  if (total !== undefined) result.totalDurationDays = total;
  return result;
}
