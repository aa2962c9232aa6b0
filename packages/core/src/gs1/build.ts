// Builds a GS1 element string (for labels and tests). GS1 General Specifications §5.10.1 / §7.8.5:
// FNC1 follows every element whose AI is not predefined-length, except the last one.
import { AI_TABLE } from './ai-table';
import { GS } from './parse';
import { checkElement, type Gs1Error } from './validate';

export interface BuildGs1Options {
  /** Separator written for FNC1 in raw form. Default ASCII 29 (GS). */
  separator?: string;
  /** 'raw' (scanner output) or 'hri' (human-readable, "(01)…(17)…"). Default 'raw'. */
  format?: 'raw' | 'hri';
  /** Prefix such as ']d2' to mimic a scanner that sends symbology identifiers. */
  symbologyId?: string;
  /** Reference date for date validation (GS1 century rule). Default now. */
  referenceDate?: Date;
}

export type BuildGs1Result = { ok: true; text: string } | { ok: false; error: Gs1Error };

export function buildGs1ElementString(
  elements: ReadonlyArray<{ ai: string; value: string }>,
  opts?: BuildGs1Options,
): BuildGs1Result {
  const sep = opts?.separator ?? GS;
  const referenceDate = opts?.referenceDate ?? new Date();
  if (elements.length === 0)
    return { ok: false, error: { element: 'input', code: 'empty', reason: 'no elements to encode' } };
  let text = opts?.symbologyId ?? '';
  for (const [i, el] of elements.entries()) {
    const def = AI_TABLE.get(el.ai);
    if (!def)
      return {
        ok: false,
        error: { element: el.ai, code: 'unknown-ai', reason: `unknown or unsupported AI (${el.ai})` },
      };
    const checked = checkElement(def, el.value, referenceDate);
    if (!checked.ok) return checked;
    if (opts?.format === 'hri') {
      text += `(${el.ai})${el.value}`;
    } else {
      text += el.ai + el.value;
      if (!def.predefined && i < elements.length - 1) text += sep;
    }
  }
  return { ok: true, text };
}
