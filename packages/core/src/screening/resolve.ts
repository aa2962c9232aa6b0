import type { ScreeningIndex } from './build-index';
import type { DdiSide } from './data/ddi-types';
import { cleanName, resolveIngredient, splitCombination } from './normalize';
import type { MedicationRef } from './types';

/** Routes whose products act locally; they are screened for allergy and LASA only. */
const LOCAL_ROUTES = new Set(['topical', 'ophthalmic', 'otic', 'dental', 'cutaneous']);

const ROUTE_ALIASES: Readonly<Record<string, string>> = {
  po: 'oral',
  'by mouth': 'oral',
  orally: 'oral',
  oral: 'oral',
  sl: 'sublingual',
  sublingual: 'sublingual',
  iv: 'iv',
  intravenous: 'iv',
  ivpb: 'iv',
  im: 'im',
  intramuscular: 'im',
  sc: 'subcutaneous',
  sq: 'subcutaneous',
  subq: 'subcutaneous',
  subcut: 'subcutaneous',
  subcutaneous: 'subcutaneous',
  top: 'topical',
  topical: 'topical',
  cutaneous: 'cutaneous',
  transdermal: 'transdermal',
  td: 'transdermal',
  ophth: 'ophthalmic',
  ophthalmic: 'ophthalmic',
  eye: 'ophthalmic',
  otic: 'otic',
  ear: 'otic',
  pr: 'rectal',
  rectal: 'rectal',
  pv: 'vaginal',
  vaginal: 'vaginal',
  nasal: 'nasal',
  intranasal: 'nasal',
  inh: 'inhalation',
  inhaled: 'inhalation',
  inhalation: 'inhalation',
};

export function normalizeRoute(route: unknown): string {
  const r = cleanName(route);
  if (r === '') return 'oral';
  return ROUTE_ALIASES[r] ?? r;
}

export interface ResolvedMed {
  /** What `involves` reports: the med id, else its name. */
  ref: string;
  id: string | undefined;
  name: string;
  ingredients: readonly string[];
  /** Ingredient → class ids. */
  classes: ReadonlyMap<string, readonly string[]>;
  route: string;
  systemic: boolean;
  dailyDoseMg: ReadonlyMap<string, number>;
  singleDoseMg: ReadonlyMap<string, number>;
}

function doseMap(raw: unknown, index: ScreeningIndex): Map<string, number> {
  const m = new Map<string, number>();
  if (raw === null || typeof raw !== 'object') return m;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) m.set(resolveIngredient(k, index.known), v);
  }
  return m;
}

export function resolveMed(med: MedicationRef, index: ScreeningIndex): ResolvedMed {
  const name = typeof med?.name === 'string' ? med.name : '';
  const listed = Array.isArray(med?.ingredients)
    ? med.ingredients.filter((i) => typeof i === 'string' && i.trim() !== '')
    : [];
  let ingredients: string[];
  if (listed.length > 0) ingredients = listed.map((i) => resolveIngredient(i, index.known));
  else {
    const whole = resolveIngredient(name, index.known);
    ingredients = index.known.has(whole)
      ? [whole]
      : splitCombination(name).map((p) => resolveIngredient(p, index.known));
  }
  ingredients = [...new Set(ingredients.filter((i) => i !== ''))];
  const classes = new Map<string, readonly string[]>();
  for (const i of ingredients) classes.set(i, index.classesOf.get(i) ?? []);
  const route = normalizeRoute(med?.route);
  const id = typeof med?.id === 'string' && med.id !== '' ? med.id : undefined;
  return {
    ref: id ?? (name || ingredients.join('/')),
    id,
    name,
    ingredients,
    classes,
    route,
    systemic: !LOCAL_ROUTES.has(route),
    dailyDoseMg: doseMap(med?.dailyDoseMg, index),
    singleDoseMg: doseMap(med?.singleDoseMg, index),
  };
}

/** A rule side as sets, built once per index. */
export interface CompiledSide {
  ingredients: ReadonlySet<string>;
  classes: ReadonlySet<string>;
  except: ReadonlySet<string>;
}

export function compileSide(side: DdiSide): CompiledSide {
  return {
    ingredients: new Set(side.ingredients),
    classes: new Set(side.classes),
    except: new Set(side.except),
  };
}

/** Ingredients of `med` that satisfy one side of an interaction rule. */
export function sideMatches(side: CompiledSide, med: ResolvedMed): string[] {
  const out: string[] = [];
  for (const i of med.ingredients) {
    if (side.except.has(i)) continue;
    if (side.ingredients.has(i) || (med.classes.get(i) ?? []).some((c) => side.classes.has(c))) out.push(i);
  }
  return out;
}

/** True when some x in xs and y in ys are different ingredients (a drug does not interact with itself). */
export function distinctPair(xs: readonly string[], ys: readonly string[]): boolean {
  return xs.some((x) => ys.some((y) => x !== y));
}

/** True when the candidate and the med satisfy opposite sides with two different ingredients. */
export function pairMatches(a: CompiledSide, b: CompiledSide, cand: ResolvedMed, med: ResolvedMed): boolean {
  return (
    distinctPair(sideMatches(a, cand), sideMatches(b, med)) ||
    distinctPair(sideMatches(b, cand), sideMatches(a, med))
  );
}

/** 'i:<ingredient>' and 'c:<class>' keys of a med, for index lookups. */
export function medKeys(med: ResolvedMed): string[] {
  const keys = new Set<string>();
  for (const i of med.ingredients) {
    keys.add(`i:${i}`);
    for (const c of med.classes.get(i) ?? []) keys.add(`c:${c}`);
  }
  return [...keys];
}
