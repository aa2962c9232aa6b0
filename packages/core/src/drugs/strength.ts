// Parser for FDA NDC Directory strength columns: ACTIVE_NUMERATOR_STRENGTH ("5; 325") with
// ACTIVE_INGRED_UNIT ("mg/1; mg/1"), one entry per SUBSTANCENAME, separated by "; ".
// FDA units are written in UCUM ("mg/5mL", "[USP'U]/mL", "[hp_X]/mL", "kg/100kg"); a bare
// denominator such as "mg/1" means per one unit of the dosage form (UCUM unity "1").

export interface IngredientStrength {
  /** Substance name, when SUBSTANCENAME was passed. */
  name?: string;
  value: number;
  /** UCUM numerator unit, e.g. `mg`, `[USP'U]`, `[hp_X]`. */
  unit: string;
  denominatorValue: number;
  /** UCUM denominator unit; `1` means per unit of the dosage form. */
  denominatorUnit: string;
  /** The original unit text, e.g. `mg/5mL`. */
  rawUnit: string;
}

export type StrengthErrorCode = 'not-a-string' | 'count-mismatch' | 'bad-value' | 'bad-unit';

export interface StrengthError {
  field: 'strength';
  code: StrengthErrorCode;
  reason: string;
  /** 0-based ingredient index. */
  index?: number;
}

export type StrengthResult =
  | { ok: true; ingredients: IngredientStrength[] }
  | { ok: false; error: StrengthError };

const NUMBER = /^(\d+(?:\.\d*)?|\.\d+)$/;
const LEADING_NUMBER = /^(\d+(?:\.\d*)?|\.\d+)(.*)$/;

/** Wraps non-UCUM tokens (e.g. `SQ-HDM`) as UCUM annotations; empty means unity. */
function toUcum(unit: string): string {
  const u = unit.trim();
  if (u === '') return '1';
  if (/^[A-Za-z[\]{}'_0-9]+$/.test(u)) return u;
  return `{${u.replace(/[{}]/g, '')}}`;
}

function fail(code: StrengthErrorCode, reason: string, index?: number): StrengthResult {
  const error: StrengthError = { field: 'strength', code, reason };
  if (index !== undefined) error.index = index;
  return { ok: false, error };
}

const split = (s: string) => (s.trim() === '' ? [] : s.split(';').map((x) => x.trim()));

// Substance names may contain "; " inside parentheses ("POLY(METHYL METHACRYLATE; 450000 MW)").
function splitNames(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length > 0) out.push(cur.trim());
  return out;
}

export function parseStrength(numerators: string, units: string, substances?: string): StrengthResult {
  if (typeof numerators !== 'string' || typeof units !== 'string')
    return fail('not-a-string', 'strength and unit must be strings');
  const values = split(numerators);
  const unitList = split(units);
  if (values.length !== unitList.length) {
    return fail('count-mismatch', `${values.length} strengths but ${unitList.length} units`);
  }
  const names = typeof substances === 'string' ? splitNames(substances) : [];
  const ingredients: IngredientStrength[] = [];
  for (const [i, v] of values.entries()) {
    const raw = unitList[i] ?? '';
    if (!NUMBER.test(v)) return fail('bad-value', `strength "${v}" is not a number`, i);
    const slash = raw.indexOf('/');
    if (raw === '' || slash === 0) return fail('bad-unit', `unit "${raw}" has no numerator unit`, i);
    const num = slash < 0 ? raw : raw.slice(0, slash);
    const den = slash < 0 ? '1' : raw.slice(slash + 1).trim();
    const m = LEADING_NUMBER.exec(den);
    const denominatorValue = m ? Number(m[1]) : 1;
    if (!(denominatorValue > 0)) return fail('bad-unit', `denominator "${den}" must be positive`, i);
    const ing: IngredientStrength = {
      value: Number(v),
      unit: toUcum(num),
      denominatorValue,
      denominatorUnit: toUcum(m ? (m[2] ?? '') : den),
      rawUnit: raw,
    };
    const name = names.length === values.length ? names[i] : undefined;
    if (name) ing.name = name;
    ingredients.push(ing);
  }
  return { ok: true, ingredients };
}
