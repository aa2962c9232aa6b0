import { makeAlert, SEVERITY_RANK } from './alert';
import type { ScreeningIndex } from './build-index';
import { ALLERGY_TERMS, CROSS_SENSITIVITY, SAME_CLASS_SOURCE } from './data/allergy';
import { cleanName, resolveIngredient } from './normalize';
import type { ResolvedMed } from './resolve';
import type { AllergyRef, ScreeningAlert, Severity, Source } from './types';

interface Allergen {
  /** The resolved ingredient or class id; part of the alert id. */
  key: string;
  ingredient?: string;
  /** Class ids the allergy covers: the named class, or the allergy classes of the named ingredient. */
  classes: readonly string[];
  explicitClass: boolean;
}

function resolveAllergen(index: ScreeningIndex, allergy: AllergyRef): Allergen | undefined {
  const s = cleanName(allergy?.substance);
  if (s === '') return undefined;
  const term = ALLERGY_TERMS[s] ?? s;
  if (index.classById.has(term)) return { key: term, classes: [term], explicitClass: true };
  const ing = resolveIngredient(term, index.known);
  return { key: ing, ingredient: ing, classes: index.classesOf.get(ing) ?? [], explicitClass: false };
}

interface Hit {
  severity: Severity;
  detail: string;
  source: Source;
}

const DIRECT: Source = {
  citation: 'Labeled contraindication: known hypersensitivity to the drug (FDA-approved labeling §4)',
};

function better(current: Hit | undefined, next: Hit): Hit {
  return current === undefined || SEVERITY_RANK[next.severity] < SEVERITY_RANK[current.severity]
    ? next
    : current;
}

/** One alert per (allergy, candidate ingredient) with the most severe matching reason. */
export function checkAllergies(
  index: ScreeningIndex,
  cand: ResolvedMed,
  allergies: readonly AllergyRef[],
): ScreeningAlert[] {
  const out: ScreeningAlert[] = [];
  for (const allergy of allergies) {
    const a = resolveAllergen(index, allergy);
    if (a === undefined) continue;
    const severe = allergy.severity === 'severe';
    for (const ing of cand.ingredients) {
      const cc = cand.classes.get(ing) ?? [];
      let hit: Hit | undefined;
      if (a.ingredient === ing) {
        hit = {
          severity: severe ? 'contraindicated' : 'major',
          detail: `Recorded allergy to ${ing}.`,
          source: DIRECT,
        };
      }
      for (const k of a.classes) {
        const cls = index.classById.get(k);
        if (!cc.includes(k)) continue;
        if (a.explicitClass) {
          hit = better(hit, {
            severity: severe ? 'contraindicated' : 'major',
            detail: `Recorded allergy to ${cls?.name ?? k}; ${ing} is a member.`,
            source: SAME_CLASS_SOURCE[k] ?? cls?.source ?? DIRECT,
          });
        } else if (cls?.allergy !== undefined) {
          hit = better(hit, {
            severity: cls.allergy,
            detail: `Allergy to ${a.key}; ${ing} is in the same class (${cls.name}).`,
            source: SAME_CLASS_SOURCE[k] ?? cls.source,
          });
        }
      }
      for (const x of CROSS_SENSITIVITY) {
        if (a.classes.includes(x.from) && cc.includes(x.to))
          hit = better(hit, { severity: x.severity, detail: x.detail, source: x.source });
      }
      if (hit === undefined) continue;
      out.push(
        makeAlert({
          id: `allergy:${a.key}:${ing}`,
          kind: 'drug-allergy',
          severity: hit.severity,
          title: `Allergy: ${allergy.substance} → ${ing}`,
          detail: allergy.reaction ? `${hit.detail} Reported reaction: ${allergy.reaction}.` : hit.detail,
          management:
            hit.severity === 'minor'
              ? 'Low cross-reactivity; confirm the reaction history.'
              : 'Confirm the reaction history with the patient; contact the prescriber for an alternative.',
          involves: [`allergy:${allergy.substance}`],
          source: hit.source,
        }),
      );
    }
  }
  return out;
}
