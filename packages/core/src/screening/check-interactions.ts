import { makeAlert } from './alert';
import type { ScreeningIndex } from './build-index';
import type { DdiRule } from './data/ddi-types';
import { distinctPair, medKeys, pairMatches, type ResolvedMed, sideMatches } from './resolve';
import type { ScreeningAlert } from './types';

/** Drug–drug interactions between the candidate and each systemic profile med (one alert per rule). */
export function checkInteractions(
  index: ScreeningIndex,
  cand: ResolvedMed,
  meds: readonly ResolvedMed[],
): ScreeningAlert[] {
  if (!cand.systemic) return [];
  const rules = new Set<DdiRule>();
  for (const k of medKeys(cand)) for (const e of index.ddi.get(k) ?? []) rules.add(e.rule);
  const out: ScreeningAlert[] = [];
  for (const rule of rules) {
    const sides = index.ddiSides.get(rule);
    if (sides === undefined) continue;
    const supRule = rule.supersededBy === undefined ? undefined : index.ddiById.get(rule.supersededBy);
    const superseding = supRule === undefined ? undefined : index.ddiSides.get(supRule);
    // The candidate's matches are computed once per rule; each med then needs one or two set lookups.
    const candA = sideMatches(sides.a, cand);
    const candB = sideMatches(sides.b, cand);
    const involves: string[] = [];
    const names: string[] = [];
    for (const med of meds) {
      if (!med.systemic) continue;
      const hit =
        (candA.length > 0 && distinctPair(candA, sideMatches(sides.b, med))) ||
        (candB.length > 0 && distinctPair(candB, sideMatches(sides.a, med)));
      if (!hit) continue;
      if (superseding !== undefined && pairMatches(superseding.a, superseding.b, cand, med)) continue;
      if (!involves.includes(med.ref)) {
        involves.push(med.ref);
        names.push(med.name || med.ingredients.join('/'));
      }
    }
    if (involves.length === 0) continue;
    out.push(
      makeAlert({
        id: `ddi:${rule.id}`,
        kind: 'drug-drug',
        severity: rule.severity,
        title: rule.title,
        detail: `${cand.name || cand.ingredients.join('/')} interacts with ${names.join(', ')}.`,
        mechanism: rule.mechanism,
        management: rule.management,
        involves,
        source: rule.source,
      }),
    );
  }
  return out;
}

/** Same ingredient twice (ID) and two members of a duplication class (TD). */
export function checkDuplication(
  index: ScreeningIndex,
  cand: ResolvedMed,
  meds: readonly ResolvedMed[],
): ScreeningAlert[] {
  if (!cand.systemic) return [];
  const out: ScreeningAlert[] = [];
  for (const ing of cand.ingredients) {
    const hits = meds.filter((m) => m.systemic && m.ingredients.includes(ing));
    if (hits.length === 0) continue;
    const involves = hits.map((m) => m.ref);
    out.push(
      makeAlert({
        id: `dup-ingredient:${ing}`,
        kind: 'ingredient-duplication',
        severity: 'moderate',
        title: `Duplicate ingredient: ${ing}`,
        detail: `${ing} is already in ${[...new Set(hits.map((m) => m.name || m.ref))].join(', ')}; check the combined daily dose.`,
        involves: [...new Set(involves)],
        source: {
          citation:
            'NCPDP DUR reason for service ID (ingredient duplication); OBRA ’90 prospective DUR (SSA §1927(g)(2)(A))',
        },
      }),
    );
  }
  const candClasses = new Set(cand.ingredients.flatMap((i) => cand.classes.get(i) ?? []));
  for (const classId of candClasses) {
    const cls = index.classById.get(classId);
    if (cls?.duplication === undefined) continue;
    const involves = new Set<string>();
    const names = new Set<string>();
    for (const m of meds) {
      if (!m.systemic) continue;
      for (const i of m.ingredients) {
        if (!cand.ingredients.includes(i) && (m.classes.get(i) ?? []).includes(classId)) {
          involves.add(m.ref);
          names.add(m.name || m.ref);
        }
      }
    }
    if (involves.size === 0) continue;
    out.push(
      makeAlert({
        id: `dup-class:${classId}`,
        kind: 'therapeutic-duplication',
        severity: cls.duplication,
        title: `Therapeutic duplication: ${cls.name}`,
        detail: `Another ${cls.name.toLowerCase()} is active: ${[...names].join(', ')}.`,
        management: 'Confirm the prescriber intends both, or that one replaces the other.',
        involves: [...involves],
        source: cls.source,
      }),
    );
  }
  return out;
}
