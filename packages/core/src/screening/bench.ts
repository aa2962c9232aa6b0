import { getDefaultIndex } from './build-index';
import { screenWith } from './screen';
import type { MedicationRef, PatientProfile } from './types';

const PROFILE_DRUGS = [
  'atorvastatin',
  'lisinopril',
  'metformin',
  'amlodipine',
  'levothyroxine',
  'omeprazole',
  'sertraline',
  'gabapentin',
  'hydrocodone/acetaminophen',
  'warfarin',
  'metoprolol',
  'furosemide',
  'alprazolam',
  'trazodone',
  'tamsulosin',
  'montelukast',
  'clopidogrel',
  'citalopram',
  'prednisone',
  'potassium chloride',
];

/** A 20-drug profile typical of an older community-pharmacy patient, for benchmarks. */
export function benchProfile(): PatientProfile {
  return {
    ageYears: 72,
    weightKg: 80,
    crClMlMin: 42,
    sex: 'female',
    activeMeds: PROFILE_DRUGS.map((n, i) => ({
      id: `m${i}`,
      name: n,
      ingredients: n.split('/'),
      dailyDoseMg: { acetaminophen: 2600 },
    })),
    allergies: [
      { substance: 'penicillin', severity: 'moderate' },
      { substance: 'sulfa' },
      { substance: 'codeine' },
    ],
  };
}

/** Screens `candidates` against the bench profile `rounds` times; returns mean µs per candidate. No assertions. */
export function screeningBench(
  rounds = 200,
  candidates: MedicationRef[] = [
    { name: 'ibuprofen', ingredients: ['ibuprofen'], dailyDoseMg: { ibuprofen: 2400 } },
    { name: 'clarithromycin', ingredients: ['clarithromycin'] },
    { name: 'amoxicillin', ingredients: ['amoxicillin'] },
    { name: 'tramadol', ingredients: ['tramadol'], dailyDoseMg: { tramadol: 400 } },
  ],
): { microsPerCandidate: number; alerts: number } {
  const index = getDefaultIndex();
  const profile = benchProfile();
  let alerts = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of candidates) alerts += screenWith(index, profile, c).length;
  const ms = performance.now() - t0;
  return { microsPerCandidate: (ms * 1000) / (rounds * candidates.length), alerts };
}
