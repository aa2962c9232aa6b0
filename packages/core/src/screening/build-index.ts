import { AGE_RULES, type AgeRule } from './data/age';
import { CLASS_BY_ID, type DrugClass } from './data/classes';
import { CARDIO_DDI_RULES } from './data/ddi-community-cardio';
import { CNS_DDI_RULES } from './data/ddi-community-cns';
import { ONC_DDI_RULES } from './data/ddi-onc';
import type { DdiRule, DdiSide } from './data/ddi-types';
import { DOSE_LIMITS, type DoseLimit } from './data/dose-limits';
import { HIGH_ALERT, type HighAlertEntry } from './data/high-alert';
import { CARDIOMETABOLIC_INGREDIENTS } from './data/ingredients-cardiometabolic';
import { CNS_INGREDIENTS } from './data/ingredients-cns';
import { OTHER_INGREDIENTS } from './data/ingredients-other';
import { LACTATION_FLAGS, type LactationFlag, PREGNANCY_FLAGS, type PregnancyFlag } from './data/pregnancy';
import { RENAL_RULES, type RenalRule } from './data/renal';
import { type CompiledSide, compileSide } from './resolve';

export const DDI_RULES: readonly DdiRule[] = [...ONC_DDI_RULES, ...CARDIO_DDI_RULES, ...CNS_DDI_RULES];

/** Every ingredient in the data with its class ids. */
export const INGREDIENT_CLASSES: Readonly<Record<string, readonly string[]>> = {
  ...CARDIOMETABOLIC_INGREDIENTS,
  ...CNS_INGREDIENTS,
  ...OTHER_INGREDIENTS,
};

export interface DdiEntry {
  rule: DdiRule;
  /** The side the indexed key belongs to; the other side is looked for in the profile. */
  side: 'a' | 'b';
}

/** Precomputed lookups so `screen()` does map reads instead of scanning the data tables. */
export interface ScreeningIndex {
  known: ReadonlySet<string>;
  classesOf: ReadonlyMap<string, readonly string[]>;
  classById: ReadonlyMap<string, DrugClass>;
  /** Keys are 'i:<ingredient>' or 'c:<class id>'. */
  ddi: ReadonlyMap<string, readonly DdiEntry[]>;
  ddiById: ReadonlyMap<string, DdiRule>;
  ddiSides: ReadonlyMap<DdiRule, { a: CompiledSide; b: CompiledSide }>;
  dose: ReadonlyMap<string, readonly DoseLimit[]>;
  renal: ReadonlyMap<string, readonly RenalRule[]>;
  pregnancy: ReadonlyMap<string, readonly PregnancyFlag[]>;
  lactation: ReadonlyMap<string, readonly LactationFlag[]>;
  age: ReadonlyMap<string, readonly AgeRule[]>;
  highAlert: ReadonlyMap<string, readonly HighAlertEntry[]>;
}

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  const list = m.get(key);
  if (list === undefined) m.set(key, [v]);
  else if (!list.includes(v)) list.push(v);
}

function sideKeys(side: DdiSide): string[] {
  return [...(side.ingredients ?? []).map((i) => `i:${i}`), ...(side.classes ?? []).map((c) => `c:${c}`)];
}

function keyed<T extends { ingredient?: string | undefined; classId?: string | undefined }>(
  rows: readonly T[],
): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    if (r.ingredient !== undefined) push(m, `i:${r.ingredient}`, r);
    if (r.classId !== undefined) push(m, `c:${r.classId}`, r);
  }
  return m;
}

function multiKeyed<
  T extends { ingredients?: readonly string[] | undefined; classes?: readonly string[] | undefined },
>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    for (const i of r.ingredients ?? []) push(m, `i:${i}`, r);
    for (const c of r.classes ?? []) push(m, `c:${c}`, r);
  }
  return m;
}

export function buildScreeningIndex(): ScreeningIndex {
  const classesOf = new Map<string, readonly string[]>(Object.entries(INGREDIENT_CLASSES));
  const ddi = new Map<string, DdiEntry[]>();
  for (const rule of DDI_RULES) {
    for (const k of sideKeys(rule.a)) push(ddi, k, { rule, side: 'a' });
    for (const k of sideKeys(rule.b)) push(ddi, k, { rule, side: 'b' });
  }
  const dose = new Map<string, DoseLimit[]>();
  for (const d of DOSE_LIMITS) push(dose, d.ingredient, d);
  return {
    known: new Set(classesOf.keys()),
    classesOf,
    classById: CLASS_BY_ID,
    ddi,
    ddiById: new Map(DDI_RULES.map((r) => [r.id, r])),
    ddiSides: new Map(DDI_RULES.map((r) => [r, { a: compileSide(r.a), b: compileSide(r.b) }])),
    dose,
    renal: keyed(RENAL_RULES),
    pregnancy: keyed(PREGNANCY_FLAGS),
    lactation: keyed(LACTATION_FLAGS),
    age: multiKeyed(AGE_RULES),
    highAlert: multiKeyed(HIGH_ALERT),
  };
}

let defaultIndex: ScreeningIndex | undefined;

/** The index over the bundled data, built once on first use. */
export function getDefaultIndex(): ScreeningIndex {
  defaultIndex ??= buildScreeningIndex();
  return defaultIndex;
}
