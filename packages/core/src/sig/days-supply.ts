/**
 * Days' supply from the quantity dispensed and the sig, with the arithmetic shown. Standard community
 * practice (and NCPDP field 405-D5 Days Supply, a whole number): days = quantity ÷ amount used per day,
 * rounded down, using the maximum daily amount for PRN and ranged sigs so the claim never overstates
 * how long the fill lasts. Tapers are walked step by step.
 */

import { instructionDailyUse } from './daily-use';
import { convertQuantity, type DaysSupplyInput } from './days-supply-units';
import { phases, stepDays } from './finish';
import { parseSig } from './parse';
import { clean } from './read';
import type { ParsedSig } from './types';
import { quantityText } from './words';

export type { DaysSupplyForm, DaysSupplyInput } from './days-supply-units';

export interface DaysSupplyError {
  code:
    | 'INVALID_QUANTITY'
    | 'SIG_NOT_UNDERSTOOD'
    | 'NO_DAILY_USE'
    | 'UNIT_MISMATCH'
    | 'MISSING_PARAMETER'
    | 'ENTERED_REQUIRED';
  field: string;
  message: string;
}

export type DaysSupplyResult =
  | {
      ok: true;
      days: number;
      exactDays: number;
      dailyUse: { value: number; unit: string };
      steps: string[];
      warnings: string[];
    }
  | { ok: false; error: DaysSupplyError; steps: string[] };

const fail = (
  code: DaysSupplyError['code'],
  field: string,
  message: string,
  steps: string[] = [],
): DaysSupplyResult => ({
  ok: false,
  error: { code, field, message },
  steps,
});

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function computeDaysSupply(input: DaysSupplyInput): DaysSupplyResult {
  const { quantity, form } = input;
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0) {
    return fail('INVALID_QUANTITY', 'quantity', 'Quantity must be a positive number.');
  }
  if (form === 'topical' && input.enteredDays !== undefined)
    return entered(input.enteredDays, quantity, input);
  const sig: ParsedSig = typeof input.sig === 'string' ? parseSig(input.sig) : input.sig;
  if (!sig.ok)
    return fail(
      'SIG_NOT_UNDERSTOOD',
      'sig',
      `The sig was not understood: ${sig.unparsed.join(', ') || sig.text}.`,
    );
  const firstUnit = sig.instructions.map(instructionDailyUse).find((u) => u)?.unit;
  if (!firstUnit) {
    if (form === 'topical') {
      return fail(
        'ENTERED_REQUIRED',
        'enteredDays',
        "Topical sigs give no amount per application; enter the days' supply.",
      );
    }
    return fail(
      'NO_DAILY_USE',
      'sig',
      'The sig gives no amount per day (sliding scale, as directed, or no dose/frequency).',
    );
  }
  const conv = convertQuantity(input, firstUnit);
  if (!conv.ok) return fail(conv.code, conv.field, conv.message);
  const steps = [...conv.steps];
  const warnings = [...conv.warnings];
  let remaining = conv.amount;
  let days = 0;
  let peak = 0;
  const list = phases(sig.instructions);
  for (const [k, phase] of list.entries()) {
    let daily = 0;
    const parts: string[] = [];
    for (const s of phase) {
      const use = instructionDailyUse(s);
      if (!use) return fail('NO_DAILY_USE', 'sig', 'A step of the sig gives no amount per day.', steps);
      if (use.unit !== firstUnit)
        return fail('UNIT_MISMATCH', 'sig', `Steps use different units (${use.unit}, ${firstUnit}).`, steps);
      const perInjection = s.route === 'subcutaneous' && conv.primingPerDose ? conv.primingPerDose : 0;
      const injections = perInjection ? (s.frequency?.timesPerDayMax ?? 1) : 0;
      daily += use.max + perInjection * injections;
      parts.push(
        `${quantityText(use.max, use.unit)} a day${s.prn || use.min !== use.max ? ' (maximum)' : ''}${perInjection ? ` + ${fmt(perInjection * injections)} priming units` : ''}`,
      );
    }
    daily = clean(daily);
    peak = Math.max(peak, daily);
    const label = list.length > 1 ? `Step ${k + 1}: ` : 'Use: ';
    steps.push(
      `${label}${parts.join(' + ')}${parts.length > 1 ? ` = ${quantityText(daily, firstUnit)} a day` : ''}.`,
    );
    if (daily <= 0) return fail('NO_DAILY_USE', 'sig', 'The amount per day is zero.', steps);
    const phaseDays = Math.max(...phase.map((s) => stepDays(s) ?? 0));
    const last = k === list.length - 1;
    if (phaseDays > 0) {
      const need = clean(daily * phaseDays);
      if (remaining >= need) {
        steps.push(
          `  ${fmt(phaseDays)} day${phaseDays === 1 ? '' : 's'} × ${quantityText(daily, firstUnit)} = ${quantityText(need, firstUnit)}; ${quantityText(clean(remaining - need), firstUnit)} left.`,
        );
        remaining = clean(remaining - need);
        days += phaseDays;
        if (last && remaining > 0)
          warnings.push(`Quantity exceeds the course by ${quantityText(remaining, firstUnit)}.`);
        continue;
      }
    }
    const part = remaining / daily;
    steps.push(
      `  ${quantityText(remaining, firstUnit)} ÷ ${quantityText(daily, firstUnit)} a day = ${fmt(part)} days.`,
    );
    days += part;
    remaining = 0;
    break;
  }
  const exactDays = clean(days);
  const whole = Math.max(1, Math.floor(exactDays + 1e-9));
  steps.push(`Days' supply: ${fmt(exactDays)} rounded down = ${whole} day${whole === 1 ? '' : 's'}.`);
  return { ok: true, days: whole, exactDays, dailyUse: { value: peak, unit: firstUnit }, steps, warnings };
}

function entered(days: number, quantity: number, input: DaysSupplyInput): DaysSupplyResult {
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    return fail(
      'ENTERED_REQUIRED',
      'enteredDays',
      "The entered days' supply must be a whole number from 1 to 3650.",
    );
  }
  return {
    ok: true,
    days,
    exactDays: days,
    dailyUse: { value: clean(quantity / days), unit: input.quantityUnit },
    steps: [
      `Topical: amount per application is not in the sig, so the days' supply is entered: ${days} days.`,
      `Implied use: ${fmt(quantity)} ${input.quantityUnit} ÷ ${days} days = ${fmt(quantity / days)} ${input.quantityUnit} a day.`,
    ],
    warnings: [],
  };
}
