import { AUX_RULES, type AuxCriterion, type AuxRule } from './aux-rules';
import { DEA_SCHEDULES, type DeaSchedule, LabelError } from './types';

export interface AuxInput {
  /** Active ingredient names (any case, salts allowed: "oxycodone hydrochloride"). */
  ingredients: readonly string[];
  /** Classes from AUX_CLASSES (any case; a trailing "[EPC]"-style tag and plural "s" are ignored). */
  classes?: readonly string[] | undefined;
  /** Dosage form, e.g. "TABLET, EXTENDED RELEASE", "SUSPENSION". */
  form?: string | undefined;
  /** Route, e.g. "ORAL", "OPHTHALMIC". */
  route?: string | undefined;
  deaSchedule?: DeaSchedule | null | undefined;
  /** Product storage statement, e.g. "Store in a refrigerator, 2°C to 8°C". */
  storage?: string | undefined;
}

export interface AuxWarning {
  id: string;
  text: string;
  source: string;
  /** Legally required (not advisory). */
  required: boolean;
  /** What in the input made the rule fire, e.g. "ingredient gabapentin". */
  because: string;
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const hasWords = (haystack: string[], needle: string[]): boolean => {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  return false;
};

const normClass = (c: string): string =>
  c
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/s$/, '');

interface Prepared {
  ingredients: string[][];
  classes: Set<string>;
  form: string;
  route: string;
  schedule: DeaSchedule | null;
  storage: string;
}

/** Returns a description of why the criterion matched, or null. Every field set must match. */
function matchCriterion(c: AuxCriterion, p: Prepared): string | null {
  const why: string[] = [];
  if (c.schedules) {
    if (!p.schedule || !c.schedules.includes(p.schedule)) return null;
    why.push(`schedule ${p.schedule}`);
  }
  if (c.ingredients) {
    const hit = c.ingredients.find((r) => p.ingredients.some((ing) => hasWords(ing, words(r))));
    if (!hit) return null;
    why.push(`ingredient ${hit}`);
  }
  if (c.allIngredients) {
    if (!c.allIngredients.every((r) => p.ingredients.some((ing) => hasWords(ing, words(r))))) return null;
    why.push(`ingredients ${c.allIngredients.join(' + ')}`);
  }
  if (c.classes) {
    const hit = c.classes.find((k) => p.classes.has(normClass(k)));
    if (!hit) return null;
    why.push(`class ${hit}`);
  }
  for (const [key, value] of [
    ['form', p.form],
    ['route', p.route],
    ['storage', p.storage],
  ] as const) {
    const re = c[key];
    if (!re) continue;
    if (!re.test(value)) return null;
    why.push(`${key} ${value}`);
  }
  return why.length ? why.join(', ') : null;
}

/** The first reason a rule fires for this input, or null. */
function ruleFires(rule: AuxRule, p: Prepared): string | null {
  if (rule.unless?.some((c) => matchCriterion(c, p) !== null)) return null;
  for (const c of rule.when) {
    const why = matchCriterion(c, p);
    if (why) return why;
  }
  return null;
}

function prepare(input: AuxInput): Prepared {
  if (!Array.isArray(input.ingredients)) throw new LabelError('ingredients', 'must be a list of names');
  const schedule = input.deaSchedule ?? null;
  if (schedule !== null && !(DEA_SCHEDULES as readonly string[]).includes(schedule))
    throw new LabelError('deaSchedule', `must be one of ${DEA_SCHEDULES.join(', ')}`);
  return {
    ingredients: input.ingredients.map(words),
    classes: new Set((input.classes ?? []).map(normClass)),
    form: input.form ?? '',
    route: input.route ?? '',
    schedule,
    storage: input.storage ?? '',
  };
}

/**
 * Chooses auxiliary warnings by rule (AUX_RULES). Legally required statements come first, then
 * advisory ones in table order; each carries its source and the reason it fired.
 */
export function auxiliaryWarnings(input: AuxInput, rules: readonly AuxRule[] = AUX_RULES): AuxWarning[] {
  const p = prepare(input);
  const out: AuxWarning[] = [];
  for (const rule of rules) {
    const because = ruleFires(rule, p);
    if (because)
      out.push({
        id: rule.id,
        text: rule.text,
        source: rule.source,
        required: rule.required ?? false,
        because,
      });
  }
  return [...out.filter((w) => w.required), ...out.filter((w) => !w.required)];
}
