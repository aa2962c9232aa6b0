import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITY_RANK } from './alert';
import { INGREDIENT_CLASSES } from './build-index';
import { screen } from './screen';
import { type MedicationRef, type PatientProfile, SEVERITY_ORDER } from './types';
import { checkProfile } from './validate';

const POOL = Object.keys(INGREDIENT_CLASSES);
const nameArb = fc.oneof(fc.constantFrom(...POOL), fc.string({ maxLength: 20 }));
const medArb: fc.Arbitrary<MedicationRef> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 6 }),
    name: nameArb,
    ingredients: fc.array(nameArb, { maxLength: 3 }),
    dailyDoseMg: fc.dictionary(fc.constantFrom(...POOL), fc.double({ min: 0, max: 10000, noNaN: true }), {
      maxKeys: 2,
    }),
    singleDoseMg: fc.dictionary(fc.constantFrom(...POOL), fc.double({ min: 0, max: 5000, noNaN: true }), {
      maxKeys: 2,
    }),
    route: fc.constantFrom('oral', 'iv', 'topical', 'im', 'PO', 'subq', ''),
  },
  { requiredKeys: ['name', 'ingredients'] },
);
const profileArb: fc.Arbitrary<PatientProfile> = fc.record(
  {
    ageYears: fc.double({ min: 0, max: 110, noNaN: true }),
    weightKg: fc.double({ min: 0.5, max: 250, noNaN: true }),
    crClMlMin: fc.double({ min: 0, max: 180, noNaN: true }),
    pregnant: fc.boolean(),
    lactating: fc.boolean(),
    sex: fc.constantFrom('female' as const, 'male' as const),
    activeMeds: fc.array(medArb, { maxLength: 8 }),
    allergies: fc.array(
      fc.record({
        substance: fc.oneof(nameArb, fc.constantFrom('penicillin', 'sulfa', 'nsaids', 'opiates')),
        severity: fc.constantFrom('mild' as const, 'severe' as const),
      }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['activeMeds', 'allergies'] },
);

describe('screen properties', () => {
  it('never throws, even on garbage input, and returns well-formed sorted alerts', () => {
    fc.assert(
      fc.property(
        fc.oneof(profileArb, fc.anything() as fc.Arbitrary<PatientProfile>),
        fc.oneof(medArb, fc.anything() as fc.Arbitrary<MedicationRef>),
        (p, c) => {
          const alerts = screen(p, c);
          expect(Array.isArray(alerts)).toBe(true);
          for (const a of alerts) {
            expect(typeof a.id).toBe('string');
            expect(SEVERITY_ORDER).toContain(a.severity);
            expect(a.requiresOverride).toBe(a.severity === 'major' || a.severity === 'contraindicated');
            expect(Array.isArray(a.involves)).toBe(true);
            expect(a.source.citation.length).toBeGreaterThan(0);
            expect(a.detail).not.toMatch(/NaN|Infinity|undefined/);
          }
          for (let i = 1; i < alerts.length; i++) {
            const prev = alerts[i - 1];
            const cur = alerts[i];
            if (prev && cur)
              expect(SEVERITY_RANK[prev.severity]).toBeLessThanOrEqual(SEVERITY_RANK[cur.severity]);
          }
          expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is deterministic and independent of profile order', () => {
    fc.assert(
      fc.property(profileArb, medArb, (p, c) => {
        const first = screen(p, c);
        expect(screen(p, c)).toEqual(first);
        const reversed = {
          ...p,
          activeMeds: [...p.activeMeds].reverse(),
          allergies: [...p.allergies].reverse(),
        };
        expect(screen(reversed, c).map((a) => [a.id, a.severity])).toEqual(
          first.map((a) => [a.id, a.severity]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('adding a med to the profile never removes an alert', () => {
    fc.assert(
      fc.property(profileArb, medArb, medArb, (p, c, extra) => {
        const before = screen(p, c).map((a) => a.id);
        const after = new Set(screen({ ...p, activeMeds: [...p.activeMeds, extra] }, c).map((a) => a.id));
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('checkProfile accepts generated valid profiles and names bad fields', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        // Generated numbers are in range; only blank names/substances may be reported.
        for (const e of checkProfile(p)) expect(e.field).toMatch(/\.(name|substance)$/);
      }),
      { numRuns: 100 },
    );
    const errors = checkProfile({
      ageYears: Number.NaN,
      crClMlMin: -5,
      activeMeds: [{ name: '', ingredients: [] }],
      allergies: 'x',
    } as unknown as PatientProfile);
    expect(errors.map((e) => e.field)).toEqual(['ageYears', 'crClMlMin', 'activeMeds[0].name', 'allergies']);
  });
});
