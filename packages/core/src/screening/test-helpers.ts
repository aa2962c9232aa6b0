import type { AllergyRef, MedicationRef, PatientProfile } from './types';

/** Test factory: a med from a generic name ("hydrocodone/acetaminophen") with optional overrides. */
export function buildMed(name: string, overrides: Partial<MedicationRef> = {}): MedicationRef {
  return { id: name, name, ingredients: name.split('/'), ...overrides };
}

/** Test factory: an adult profile with the given meds and allergies. */
export function buildProfile(
  meds: (string | MedicationRef)[] = [],
  allergies: (string | AllergyRef)[] = [],
  overrides: Partial<PatientProfile> = {},
): PatientProfile {
  return {
    activeMeds: meds.map((m) => (typeof m === 'string' ? buildMed(m) : m)),
    allergies: allergies.map((a) => (typeof a === 'string' ? { substance: a } : a)),
    ...overrides,
  };
}
