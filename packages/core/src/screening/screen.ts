import { SEVERITY_RANK, sortAlerts, worse } from './alert';
import { getDefaultIndex, type ScreeningIndex } from './build-index';
import { checkAllergies } from './check-allergy';
import { checkDoses, checkRenal } from './check-dose';
import { checkDuplication, checkInteractions } from './check-interactions';
import { checkAge, checkHighAlert, checkLasa, checkPregnancyLactation } from './check-patient';
import { resolveMed } from './resolve';
import type { AllergyRef, MedicationRef, PatientProfile, ScreeningAlert, ScreenOptions } from './types';

/** Merges alerts sharing an id (e.g. the same allergy recorded twice): worst severity, union of involves. */
function dedupe(alerts: ScreeningAlert[]): ScreeningAlert[] {
  const byId = new Map<string, ScreeningAlert>();
  for (const a of alerts) {
    const prev = byId.get(a.id);
    if (prev === undefined) {
      byId.set(a.id, a);
      continue;
    }
    const keep = SEVERITY_RANK[a.severity] < SEVERITY_RANK[prev.severity] ? a : prev;
    const severity = worse(a.severity, prev.severity);
    byId.set(a.id, {
      ...keep,
      severity,
      requiresOverride: severity === 'contraindicated' || severity === 'major',
      involves: [...new Set([...prev.involves, ...a.involves])].sort(),
    });
  }
  return [...byId.values()];
}

/**
 * Prospective DUR screen of one candidate drug against a patient profile. Never throws: missing or
 * invalid profile fields are treated as unknown (use `checkProfile` to report them). Alerts are
 * sorted most severe first, then by id.
 */
export function screenWith(
  index: ScreeningIndex,
  profile: PatientProfile,
  candidate: MedicationRef,
  options: ScreenOptions = {},
): ScreeningAlert[] {
  const p: PatientProfile = profile ?? { activeMeds: [], allergies: [] };
  const cand = resolveMed(candidate, index);
  const activeMeds: MedicationRef[] = Array.isArray(p.activeMeds) ? p.activeMeds : [];
  const allergies: AllergyRef[] = Array.isArray(p.allergies)
    ? p.allergies.filter((a) => a !== null && typeof a === 'object')
    : [];
  const meds = activeMeds
    .filter((m) => m !== null && typeof m === 'object')
    .map((m) => resolveMed(m, index))
    .filter((m) => cand.id === undefined || m.id !== cand.id);
  const alerts = [
    ...checkInteractions(index, cand, meds),
    ...checkDuplication(index, cand, meds),
    ...checkAllergies(index, cand, allergies),
    ...checkDoses(index, p, cand, meds),
    ...checkRenal(index, p, cand),
    ...checkPregnancyLactation(index, p, cand),
    ...checkAge(index, p, cand),
    ...checkHighAlert(index, cand, options),
    ...checkLasa(cand, meds),
  ];
  for (const a of alerts) a.involves.sort();
  const min = options.minSeverity;
  const kept = dedupe(alerts).filter(
    (a) => min === undefined || SEVERITY_RANK[a.severity] <= SEVERITY_RANK[min],
  );
  return sortAlerts(kept);
}

/** `screenWith` over the bundled reference data. */
export function screen(
  profile: PatientProfile,
  candidate: MedicationRef,
  options: ScreenOptions = {},
): ScreeningAlert[] {
  return screenWith(getDefaultIndex(), profile, candidate, options);
}
