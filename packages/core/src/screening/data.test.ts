import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DDI_RULES, INGREDIENT_CLASSES } from './build-index';
import { AGE_RULES } from './data/age';
import { ALLERGY_TERMS, CROSS_SENSITIVITY } from './data/allergy';
import { CLASS_BY_ID, DRUG_CLASSES } from './data/classes';
import type { DdiSide } from './data/ddi-types';
import { DOSE_LIMITS } from './data/dose-limits';
import { HIGH_ALERT } from './data/high-alert';
import { CARDIOMETABOLIC_INGREDIENTS } from './data/ingredients-cardiometabolic';
import { CNS_INGREDIENTS } from './data/ingredients-cns';
import { OTHER_INGREDIENTS } from './data/ingredients-other';
import { LACTATION_FLAGS, PREGNANCY_FLAGS } from './data/pregnancy';
import { RENAL_RULES } from './data/renal';
import { resolveIngredient, splitCombination } from './normalize';

const known = new Set(Object.keys(INGREDIENT_CLASSES));
const ing = (i: string) => expect(known.has(i), `unknown ingredient ${i}`).toBe(true);
const cls = (c: string) => expect(CLASS_BY_ID.has(c), `unknown class ${c}`).toBe(true);
const side = (s: DdiSide) => {
  for (const i of [...(s.ingredients ?? []), ...(s.except ?? [])]) ing(i);
  for (const c of s.classes ?? []) cls(c);
};

describe('reference data integrity', () => {
  it('every class id used by an ingredient exists, and ids are unique', () => {
    for (const classes of Object.values(INGREDIENT_CLASSES)) for (const c of classes) cls(c);
    expect(new Set(DRUG_CLASSES.map((c) => c.id)).size).toBe(DRUG_CLASSES.length);
  });

  it('no ingredient is defined in two files (a later spread would silently overwrite it)', () => {
    const keys = [CARDIOMETABOLIC_INGREDIENTS, CNS_INGREDIENTS, OTHER_INGREDIENTS].flatMap((m) =>
      Object.keys(m),
    );
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('ingredient keys are lower-case generic names', () => {
    for (const k of known) expect(k).toBe(k.toLowerCase().trim());
    expect(known.size).toBeGreaterThanOrEqual(300);
  });

  it('every interaction rule names known ingredients/classes, has text and a citation, and a unique id', () => {
    expect(new Set(DDI_RULES.map((r) => r.id)).size).toBe(DDI_RULES.length);
    for (const r of DDI_RULES) {
      side(r.a);
      side(r.b);
      expect(r.mechanism.length).toBeGreaterThan(10);
      expect(r.management.length).toBeGreaterThan(10);
      expect(r.source.citation.length).toBeGreaterThan(10);
      if (r.supersededBy !== undefined) expect(DDI_RULES.some((x) => x.id === r.supersededBy)).toBe(true);
    }
  });

  it('encodes all 15 ONC high-priority interactions (Phansalkar 2012 Table 2)', () => {
    const rows = new Set(DDI_RULES.flatMap((r) => (r.onc === undefined ? [] : [r.onc])));
    expect([...rows].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('other tables reference known ingredients and classes and cite a source', () => {
    for (const d of DOSE_LIMITS) {
      ing(d.ingredient);
      expect(d.singleMaxMg ?? d.dailyMaxMg ?? d.singleMaxMgPerKg ?? d.dailyMaxMgPerKg).toBeGreaterThan(0);
      expect(d.source.citation).toBeTruthy();
    }
    for (const r of [...RENAL_RULES, ...PREGNANCY_FLAGS, ...LACTATION_FLAGS]) {
      if (r.ingredient !== undefined) ing(r.ingredient);
      if (r.classId !== undefined) cls(r.classId);
      expect(r.ingredient ?? r.classId).toBeDefined();
      expect(r.source.citation).toBeTruthy();
    }
    for (const r of [...AGE_RULES, ...HIGH_ALERT]) {
      for (const i of r.ingredients ?? []) ing(i);
      for (const c of r.classes ?? []) cls(c);
      expect(r.source.citation).toBeTruthy();
    }
    for (const x of CROSS_SENSITIVITY) {
      cls(x.from);
      cls(x.to);
    }
    for (const t of Object.values(ALLERGY_TERMS)) expect(CLASS_BY_ID.has(t) || known.has(t)).toBe(true);
  });

  it('renal bands do not overlap', () => {
    for (const r of RENAL_RULES) {
      for (const crcl of [0, 5, 10, 14.9, 15, 25, 29.9, 30, 44.9, 45, 50, 59.9, 60, 79.9, 80, 120]) {
        const hits = r.bands.filter((b) => (b.minCrCl ?? -1) <= crcl && crcl < (b.maxCrCl ?? Infinity));
        expect(hits.length, `${r.ingredient ?? r.classId} at ${crcl}`).toBeLessThanOrEqual(1);
      }
    }
  });

  // MEPS 2018 most-purchased generics (AHRQ, public domain) — the coverage target for the class map.
  it('resolves every ingredient of the MEPS 2018 top-drug list', () => {
    const csv = readFileSync(
      new URL('../../../../../shared/data/meps-top-drugs/DY2018.csv', import.meta.url),
      'utf8',
    );
    const names = new Set<string>();
    for (const line of csv.split('\n').slice(1)) {
      const cols = line.match(/"([^"]*)"/g)?.map((c) => c.slice(1, -1)) ?? [];
      if (cols[2] === 'RXDRGNAM' && cols[4] !== undefined) names.add(cols[4]);
    }
    expect(names.size).toBeGreaterThan(200);
    const missing: string[] = [];
    for (const n of names) {
      const whole = resolveIngredient(n, known);
      const parts = known.has(whole) ? [whole] : splitCombination(n).map((p) => resolveIngredient(p, known));
      for (const p of parts) if (!known.has(p) && p !== 'electrolytes') missing.push(`${n} → ${p}`);
    }
    expect(missing).toEqual([]);
  });
});
