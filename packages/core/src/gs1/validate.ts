// Checks one element value against its AI definition (lengths, character sets, check digits,
// dates). CSET 82 and CSET 39 are defined in GS1 General Specifications §7.11 (Figures 7.11-1/-2).
import { gs1CheckDigit } from '../ndc/gtin';
import type { AiComponent, AiDefinition } from './ai-table';
import { parseGs1Date } from './dates';

// CSET 82: ! " % & ' ( ) * + , - . / 0-9 : ; < = > ? A-Z _ a-z
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
// CSET 39: # - / 0-9 A-Z
const CSET39 = /^[#\-/0-9A-Z]*$/;

export type Gs1ErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'unknown-ai'
  | 'too-short'
  | 'too-long'
  | 'invalid-character'
  | 'bad-check-digit'
  | 'bad-date'
  | 'bad-time'
  | 'duplicate-ai'
  | 'bad-format';

export interface Gs1Error {
  /** The AI whose data is bad (e.g. '17'), or 'input' when no AI could be read. */
  element: string;
  code: Gs1ErrorCode;
  reason: string;
  /** Character offset in the cleaned element string, when known. */
  position?: number;
}

export interface CheckedValue {
  /** ISO date for date AIs. */
  iso?: string;
  dayUnspecified?: boolean;
}

function splitComponents(def: AiDefinition, value: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  for (const [k, c] of def.components.entries()) {
    const rest = value.length - i;
    if (rest === 0 && c.optional) break;
    const fixedAfter = def.components.slice(k + 1).reduce((s, x) => s + (x.optional ? 0 : x.min), 0);
    const take = c.min === c.max ? c.max : Math.min(c.max, rest - fixedAfter);
    if (take < c.min || take > rest) return undefined;
    parts.push(value.slice(i, i + take));
    i += take;
  }
  return i === value.length ? parts : undefined;
}

function checkComponent(
  c: AiComponent,
  part: string,
  ai: string,
  referenceDate: Date,
): { ok: true; checked: CheckedValue } | { ok: false; error: Gs1Error } {
  const fail = (code: Gs1ErrorCode, reason: string) => ({
    ok: false as const,
    error: { element: ai, code, reason },
  });
  if (c.cset === 'N' && !/^\d*$/.test(part))
    return fail('invalid-character', `AI (${ai}) must be digits only`);
  if (c.cset === 'X' && !CSET82.test(part)) {
    return fail('invalid-character', `AI (${ai}) has a character outside GS1 CSET 82`);
  }
  if (c.cset === 'Y' && !CSET39.test(part)) {
    return fail('invalid-character', `AI (${ai}) has a character outside GS1 CSET 39`);
  }
  const checked: CheckedValue = {};
  for (const l of c.linters) {
    if (l === 'csum') {
      const want = gs1CheckDigit(part.slice(0, -1));
      if (want !== Number(part.slice(-1))) {
        return fail('bad-check-digit', `AI (${ai}) check digit is ${part.slice(-1)}, expected ${want}`);
      }
    } else if (l === 'yymmd0' || l === 'yymmdd') {
      const d = parseGs1Date(part, referenceDate, l === 'yymmd0');
      if (!d.ok) return fail('bad-date', `AI (${ai}) ${d.reason}`);
      checked.iso = d.iso;
      checked.dayUnspecified = d.dayUnspecified;
    } else if (l === 'hhmm') {
      if (Number(part.slice(0, 2)) > 23 || Number(part.slice(2, 4)) > 59) {
        return fail('bad-time', `AI (${ai}) time ${part} is not HHMM`);
      }
    } else if (l === 'zero' && part !== '0') {
      return fail('bad-format', `AI (${ai}) must start with the filler digit 0`);
    }
  }
  return { ok: true, checked };
}

/** Validates a complete element value for its AI. */
export function checkElement(
  def: AiDefinition,
  value: string,
  referenceDate: Date,
): { ok: true; checked: CheckedValue } | { ok: false; error: Gs1Error } {
  const ai = def.ai;
  if (value.length < def.minLength) {
    return {
      ok: false,
      error: {
        element: ai,
        code: 'too-short',
        reason: `AI (${ai}) needs at least ${def.minLength} characters, got ${value.length}`,
      },
    };
  }
  if (value.length > def.maxLength) {
    return {
      ok: false,
      error: {
        element: ai,
        code: 'too-long',
        reason: `AI (${ai}) allows at most ${def.maxLength} characters, got ${value.length} (missing FNC1/GS separator?)`,
      },
    };
  }
  const parts = splitComponents(def, value);
  if (!parts)
    return {
      ok: false,
      error: { element: ai, code: 'bad-format', reason: `AI (${ai}) value does not fit its format` },
    };
  let checked: CheckedValue = {};
  for (const [k, part] of parts.entries()) {
    const c = def.components[k];
    if (!c) break;
    const r = checkComponent(c, part, ai, referenceDate);
    if (!r.ok) return r;
    checked = { ...checked, ...r.checked };
  }
  return { ok: true, checked };
}
