// DEA controlled-substance schedules (21 USC 812; 21 CFR 1308.11–1308.15) and per-user handling privileges.

export const SCHEDULES = ['CI', 'CII', 'CIIN', 'CIII', 'CIIIN', 'CIV', 'CV'] as const;
export type Schedule = (typeof SCHEDULES)[number];

const ROMAN: Record<string, Schedule> = {
  '1': 'CI',
  I: 'CI',
  '2': 'CII',
  II: 'CII',
  '2N': 'CIIN',
  IIN: 'CIIN',
  '3': 'CIII',
  III: 'CIII',
  '3N': 'CIIIN',
  IIIN: 'CIIIN',
  '4': 'CIV',
  IV: 'CIV',
  '5': 'CV',
  V: 'CV',
};

/** Normalizes 'CII', 'C-II', 'II', '2', 'schedule ii' to 'CII'; anything else (incl. empty) to null. */
export function normalizeSchedule(raw: string | null | undefined): Schedule | null {
  if (!raw) return null;
  const s = raw
    .toUpperCase()
    .replace(/SCHEDULE|[\s-]/g, '')
    .replace(/^C(?=[IV\dN])/, '');
  return ROMAN[s] ?? null;
}

/** CII and CIIN are "Schedule II" for ordering (Form 222/CSOS), the perpetual log and exact counts. */
export const isScheduleII = (s: Schedule | null): boolean => s === 'CII' || s === 'CIIN';
export const isControlled = (s: Schedule | null): boolean => s !== null;

export const CS_PRIVILEGES = ['none', 'CIII-V', 'CII-V'] as const;
export type CsPrivilege = (typeof CS_PRIVILEGES)[number];

/** Whether a user's privilege level lets them handle a product of this schedule (CI is never handled here). */
export function privilegeCovers(privilege: string, schedule: Schedule | null): boolean {
  if (schedule === null) return true;
  if (schedule === 'CI') return false;
  if (isScheduleII(schedule)) return privilege === 'CII-V';
  return privilege === 'CII-V' || privilege === 'CIII-V';
}

/**
 * 21 CFR 1304.11(e)(3): for Schedule I/II substances make an exact count or measure; for Schedules III–V an
 * estimated count or measure is allowed unless the container holds more than 1,000 tablets or capsules, in which
 * case an exact count is required. (Opened containers only; unopened containers are counted as whole packages.)
 */
export function countRequirement(schedule: Schedule, containerUnits: number): 'exact' | 'estimate_allowed' {
  if (schedule === 'CI' || isScheduleII(schedule)) return 'exact';
  return containerUnits > 1000 ? 'exact' : 'estimate_allowed';
}
