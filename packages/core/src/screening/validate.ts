import type { PatientProfile } from './types';

/** A profile field that screening had to ignore. */
export class ScreeningInputError extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'ScreeningInputError';
    this.field = field;
    this.reason = reason;
  }
}

function num(errors: ScreeningInputError[], field: string, v: unknown, min: number, max: number): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v))
    errors.push(new ScreeningInputError(field, 'must be a finite number'));
  else if (v < min || v > max)
    errors.push(new ScreeningInputError(field, `must be between ${min} and ${max}`));
}

/**
 * Lists the profile problems `screen()` silently ignores (it treats them as unknown), so callers
 * can show them instead of trusting an incomplete screen.
 */
export function checkProfile(profile: PatientProfile): ScreeningInputError[] {
  const errors: ScreeningInputError[] = [];
  if (profile === null || typeof profile !== 'object')
    return [new ScreeningInputError('profile', 'must be an object')];
  num(errors, 'ageYears', profile.ageYears, 0, 130);
  num(errors, 'weightKg', profile.weightKg, 0.2, 700);
  num(errors, 'crClMlMin', profile.crClMlMin, 0, 300);
  if (!Array.isArray(profile.activeMeds))
    errors.push(new ScreeningInputError('activeMeds', 'must be an array'));
  else
    profile.activeMeds.forEach((m, i) => {
      if (m === null || typeof m !== 'object' || typeof m.name !== 'string' || m.name.trim() === '')
        errors.push(new ScreeningInputError(`activeMeds[${i}].name`, 'must be a non-empty string'));
    });
  if (!Array.isArray(profile.allergies))
    errors.push(new ScreeningInputError('allergies', 'must be an array'));
  else
    profile.allergies.forEach((a, i) => {
      if (a === null || typeof a !== 'object' || typeof a.substance !== 'string' || a.substance.trim() === '')
        errors.push(new ScreeningInputError(`allergies[${i}].substance`, 'must be a non-empty string'));
    });
  return errors;
}
