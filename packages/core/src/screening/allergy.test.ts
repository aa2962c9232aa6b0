import { describe, expect, it } from 'vitest';
import { screen } from './screen';
import { buildMed, buildProfile } from './test-helpers';
import type { AllergyRef, Severity } from './types';

function allergySeverity(allergy: string | AllergyRef, drug: string): Severity | undefined {
  return screen(buildProfile([], [allergy]), buildMed(drug)).find((a) => a.kind === 'drug-allergy')?.severity;
}

describe('drug–allergy cross-sensitivity', () => {
  // Penicillins: same class alerts; cephalosporins by side chain (Romano 2021; Pichichero 2006;
  // Campagna 2012); carbapenems <1% (Khan 2022).
  it.each([
    ['penicillin', 'amoxicillin', 'major'],
    ['amoxicillin', 'amoxicillin', 'major'],
    ['amoxicillin', 'ampicillin', 'major'],
    ['amoxicillin', 'cephalexin', 'moderate'],
    ['amoxicillin', 'cefdinir', 'minor'],
    ['penicillin', 'ceftriaxone', 'minor'],
    ['penicillin', 'meropenem', 'minor'],
    ['penicillin', 'azithromycin', undefined],
    // Sulfonamide antibiotics only: no alert for non-antibiotic sulfonamides (Strom, NEJM 2003).
    ['sulfa', 'sulfamethoxazole/trimethoprim', 'major'],
    ['sulfamethoxazole', 'sulfasalazine', 'major'],
    ['sulfa', 'furosemide', undefined],
    ['sulfa', 'hydrochlorothiazide', undefined],
    ['sulfa', 'celecoxib', undefined],
    // NSAID/aspirin hypersensitivity (Kowalski 2013): COX-1 inhibitors alert; COX-2 selective minor.
    ['aspirin', 'ibuprofen', 'major'],
    ['nsaids', 'naproxen', 'major'],
    ['ibuprofen', 'celecoxib', 'minor'],
    ['ibuprofen', 'acetaminophen', undefined],
    // Opioids: same chemical class moderate, different class minor (Baumann 1991).
    ['codeine', 'codeine', 'major'],
    ['codeine', 'hydrocodone', 'moderate'],
    ['codeine', 'fentanyl', 'minor'],
    ['codeine', 'methadone', 'minor'],
    ['morphine', 'meperidine', 'minor'],
    ['fentanyl', 'meperidine', 'moderate'],
    // Aromatic anticonvulsants (Trileptal §5.3).
    ['carbamazepine', 'oxcarbazepine', 'moderate'],
  ] as const)('%s allergy → %s: %s', (allergy, drug, expected) => {
    expect(allergySeverity(allergy, drug)).toBe(expected);
  });

  it('a severe reaction to the same ingredient is contraindicated', () => {
    expect(allergySeverity({ substance: 'amoxicillin', severity: 'severe' }, 'amoxicillin')).toBe(
      'contraindicated',
    );
    expect(allergySeverity({ substance: 'penicillins', severity: 'severe' }, 'dicloxacillin')).toBe(
      'contraindicated',
    );
  });

  it('reports the reaction and the allergy in the alert', () => {
    const a = screen(
      buildProfile([], [{ substance: 'Penicillin', reaction: 'hives' }]),
      buildMed('amoxicillin/clavulanate'),
    );
    expect(a).toHaveLength(1);
    expect(a[0]?.detail).toContain('hives');
    expect(a[0]?.involves).toEqual(['allergy:Penicillin']);
    expect(a[0]?.ncpdpReasonCode).toBe('DA');
  });

  it('the same allergy recorded twice gives one alert', () => {
    const a = screen(buildProfile([], ['penicillin', 'Penicillins']), buildMed('amoxicillin'));
    expect(a.filter((x) => x.kind === 'drug-allergy').map((x) => x.id)).toEqual([
      'allergy:penicillin:amoxicillin',
    ]);
  });

  it('unknown substances (latex) do not alert', () => {
    expect(allergySeverity('latex', 'amoxicillin')).toBeUndefined();
  });
});
